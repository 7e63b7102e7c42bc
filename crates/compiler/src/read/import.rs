//! Recognises the folder `folio-build` is given: Folio's own content folder, or the root
//! of a Zola or a Hugo site as it is, and reads a site's configuration into Folio's
//! settings and the places of its content and static files ([`hugo`], [`zola`]).

pub mod config_file;
pub mod hugo;
pub mod ignored;
pub mod permalinks;
pub mod zola;
pub mod zola_templates;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Location};
use crate::read::settings::SiteConfig;
use crate::read::source::{self, IoError, TextFile};
pub use ignored::IgnoredFiles;

/// The static site generator a site was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generator {
    Folio,
    Zola,
    Hugo,
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Generator::Folio => "Folio",
            Generator::Zola => "Zola",
            Generator::Hugo => "Hugo",
        })
    }
}

/// One folder of pages: the whole content, or one language's (Hugo's per-language
/// `contentDir`, a module mount with a `lang`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentTree {
    pub dir: PathBuf,
    /// The language of every page in it, when the tree is one language's.
    pub language: Option<String>,
}

/// How a generator made a page's URL, for the old URLs of imported posts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UrlRules {
    /// Hugo's `permalinks`, by section: `/:section/:year/:month/:slug/`.
    pub permalinks: BTreeMap<String, String>,
    /// Hugo's `uglyURLs`: `/blog/x.html` instead of `/blog/x/`.
    pub ugly: bool,
    /// Hugo lowercases paths unless `disablePathToLower` is set.
    pub lowercase: bool,
    /// The URL folder of the taxonomies' pages (Hugo's plural; Zola's taxonomy name).
    pub tags_folder: String,
    pub categories_folder: String,
}

/// A site as `folio-build` reads it.
#[derive(Debug, Clone)]
pub struct SiteLayout {
    pub generator: Generator,
    /// The generator's configuration file (the first one, for Hugo's `config/` folder).
    pub config: Option<TextFile>,
    /// Folio's settings as the configuration gives them.
    pub settings: SiteConfig,
    /// The settings of the configuration that Folio does not use, for one warning.
    pub unused: Vec<String>,
    pub content: Vec<ContentTree>,
    /// Folders copied as they are to the site's root (`static/`).
    pub static_dirs: Vec<PathBuf>,
    /// The files of the content and of the static folders that the site leaves out.
    pub ignored: Ignored,
    pub urls: UrlRules,
    /// The site's parameters (Hugo's `params`), for `param` shortcodes.
    pub params: Params,
    /// A Zola site's shortcode templates, and its configuration as they read it.
    pub templates: Vec<zola_templates::TemplateFile>,
    pub config_table: Map<String, Value>,
}

/// The files of a site that its configuration leaves out of the build.
#[derive(Debug, Clone, Default)]
pub struct Ignored {
    pub content: IgnoredFiles,
    pub statics: IgnoredFiles,
}

/// A site's parameters, and each language's own (Hugo's `languages.<lang>.params`),
/// which come first for that language's pages.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub site: Map<String, Value>,
    pub by_language: BTreeMap<String, Map<String, Value>>,
}

impl Params {
    /// The value of the parameter `name` (`version`, or dotted: `social.github`) for a
    /// page in `language`; names are case-insensitive, as Hugo's are.
    pub fn get(&self, language: &str, name: &str) -> Option<&Value> {
        self.by_language
            .get(language)
            .and_then(|own| lookup(own, name))
            .or_else(|| lookup(&self.site, name))
    }
}

/// The value at the dotted path `name` in `table`, its keys compared without case.
pub fn lookup<'v>(table: &'v Map<String, Value>, name: &str) -> Option<&'v Value> {
    let mut parts = name.split('.');
    let first = parts.next()?;
    let find = |table: &'v Map<String, Value>, key: &str| {
        table.get(key).or_else(|| {
            table
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        })
    };
    parts.try_fold(find(table, first)?, |value, key| {
        find(value.as_object()?, key)
    })
}

impl SiteLayout {
    /// Folio's own content folder: its settings are in its `site.toml`.
    pub fn folio(content: &Path) -> Self {
        SiteLayout {
            generator: Generator::Folio,
            config: None,
            settings: SiteConfig::default(),
            unused: Vec::new(),
            content: vec![ContentTree {
                dir: content.to_path_buf(),
                language: None,
            }],
            static_dirs: Vec::new(),
            ignored: Ignored::default(),
            urls: UrlRules::default(),
            params: Params::default(),
            templates: Vec::new(),
            config_table: Map::new(),
        }
    }

    /// The one warning that lists what Folio leaves out of the configuration.
    pub fn unused_warning(&self) -> Option<Diagnostic> {
        let config = self.config.as_ref()?;
        if self.unused.is_empty() {
            return None;
        }
        Some(
            Location::file(&config.path)
                .warning(format!(
                    "Folio does not use {} of these settings: {}",
                    if self.unused.len() == 1 { "one" } else { "any" },
                    self.unused.join(", ")
                ))
                .with_help(format!(
                    "Folio has its own layout, theme and search; docs/migrating.md says what \
                     carries over from {}",
                    self.generator
                )),
        )
    }
}

/// Why a folder could not be read as a site.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    #[error(transparent)]
    Io(#[from] IoError),
    #[error("{0}")]
    Config(Diagnostic),
}

/// Reads the folder `root`: a Hugo site (`hugo.toml|yaml|json`, or `config/_default/`),
/// a Zola site (`config.toml` with `base_url`), a Hugo site with a `config.*` file, or
/// else Folio's own content folder.
pub fn locate(root: &Path) -> Result<SiteLayout, LayoutError> {
    for name in ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"] {
        if root.join(name).is_file() {
            return hugo::read(root, Some(name));
        }
    }
    if root.join("config").join("_default").is_dir() {
        return hugo::read(root, None);
    }
    if root.join("config.toml").is_file() {
        let file = read_text(root, "config.toml")?;
        let table =
            config_file::parse(&file, config_file::Syntax::Toml).map_err(LayoutError::Config)?;
        return if table.contains_key("base_url") {
            zola::read(root, file, table).map_err(LayoutError::Config)
        } else {
            hugo::read(root, Some("config.toml"))
        };
    }
    for name in ["config.yaml", "config.yml", "config.json"] {
        if root.join(name).is_file() {
            return hugo::read(root, Some(name));
        }
    }
    Ok(SiteLayout::folio(root))
}

/// A text file of the site's root, as diagnostics name it.
pub(crate) fn read_text(root: &Path, relative: &str) -> Result<TextFile, LayoutError> {
    let path = root.join(relative);
    let text = source::read_file(&path)?;
    Ok(TextFile {
        path: path.to_string_lossy().into_owned(),
        relative: relative.to_owned(),
        text,
        ..TextFile::default()
    })
}

impl From<Diagnostic> for LayoutError {
    fn from(problem: Diagnostic) -> Self {
        LayoutError::Config(problem)
    }
}

/// What the later stages need to know of where a site came from.
#[derive(Debug, Clone)]
pub struct Origin {
    pub generator: Generator,
    pub urls: UrlRules,
    /// The blog's section (`blog`) when the blog is one section of a larger site; pages
    /// outside it are not posts.
    pub section: Option<String>,
    /// The path of the generator's site on its host (`/`), from its base URL.
    pub root_path: String,
    /// The route prefixes of the site's other languages than the default (`fr/`).
    pub language_prefixes: Vec<String>,
    pub params: Params,
    /// A Zola site's shortcode templates, and its configuration (their `config`).
    pub templates: Vec<zola_templates::TemplateFile>,
    pub config_table: Map<String, Value>,
}

impl Origin {
    /// Folio's own content: no generator URLs.
    pub fn folio() -> Self {
        Origin {
            generator: Generator::Folio,
            urls: UrlRules::default(),
            section: None,
            root_path: "/".to_owned(),
            language_prefixes: Vec::new(),
            params: Params::default(),
            templates: Vec::new(),
            config_table: Map::new(),
        }
    }

    /// Whether a page of the content is in the blog: with the blog one section of a
    /// larger site, the other pages are not posts (nor read as such).
    pub fn is_in_blog(&self, file: &crate::read::source::TextFile) -> bool {
        match &self.section {
            Some(section) => file
                .tree_path()
                .strip_prefix(section.as_str())
                .is_some_and(|rest| rest.starts_with('/')),
            None => true,
        }
    }

    /// The path of a generator URL (`/blog/2021/03/x/`, from the generator's site root)
    /// inside the blog (`2021/03/x`), in the language of `language_prefix` (`""`, `ja/`);
    /// `None` when it is outside the blog's section. The URL may be in any language.
    pub fn blog_path(&self, url: &str, language_prefix: &str) -> Option<String> {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let path = path.trim_start_matches('/');
        let prefixes = std::iter::once(language_prefix)
            .chain(self.language_prefixes.iter().map(String::as_str));
        let (language, path) = prefixes
            .filter(|prefix| !prefix.is_empty())
            .find_map(|prefix| Some((prefix, path.strip_prefix(prefix)?)))
            .unwrap_or(("", path));
        let inside = match &self.section {
            None => path,
            Some(section) => {
                let rest = path.strip_prefix(section.as_str())?;
                if !(rest.is_empty() || rest.starts_with('/')) {
                    return None;
                }
                rest.trim_start_matches('/')
            }
        };
        Some(crate::read::posts::normalize_url(&format!(
            "{language}{inside}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generator_urls_inside_and_outside_the_blog() {
        let origin = Origin {
            section: Some("blog".to_owned()),
            ..Origin::folio()
        };
        assert_eq!(
            origin.blog_path("/blog/2021/03/x/#part", "").as_deref(),
            Some("2021/03/x")
        );
        assert_eq!(origin.blog_path("/blog/", "").as_deref(), Some(""));
        assert_eq!(origin.blog_path("/blogroll/x/", ""), None);
        assert_eq!(origin.blog_path("/flux/", ""), None);
        assert_eq!(
            origin.blog_path("/ja/blog/x/", "ja/").as_deref(),
            Some("ja/x")
        );
        assert_eq!(
            Origin::folio().blog_path("/posts/x/", "").as_deref(),
            Some("posts/x")
        );
    }
}
