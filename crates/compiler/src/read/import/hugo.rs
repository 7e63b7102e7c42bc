//! A Hugo site's configuration (`hugo.*`, `config.*` and the `config/_default/` folder):
//! Folio's settings, where the content and static files are (`contentDir`, per-language
//! `contentDir`, `module.mounts`, `staticDir`), and how Hugo made URLs.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::config_file::{
    self, Syntax, boolean, integer, lowercase_keys, merge_missing, text, texts,
};
use super::{
    ContentTree, Generator, Ignored, IgnoredFiles, LayoutError, Params, SiteLayout, UrlRules,
    read_text,
};
use crate::read::settings::{LanguageConfig, SiteConfig};
use crate::read::source::{IoError, TextFile};

/// The top-level settings Folio reads; `params` only for its `description`.
const USED: &[&str] = &[
    "title",
    "baseurl",
    "defaultcontentlanguage",
    "languages",
    "timezone",
    "pagination",
    "paginate",
    "rsslimit",
    "contentdir",
    "staticdir",
    "permalinks",
    "uglyurls",
    "disablepathtolower",
    "taxonomies",
    "ignorefiles",
];

/// Reads the site at `root` from its configuration file `name` (at the root) and the
/// files of `config/_default/`.
pub fn read(root: &Path, name: Option<&str>) -> Result<SiteLayout, LayoutError> {
    let mut files = Vec::new();
    if let Some(name) = name {
        files.push((read_text(root, name)?, None));
    }
    let folder = root.join("config").join("_default");
    if folder.is_dir() {
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .map_err(IoError::at(&folder))?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| Syntax::of(name).is_some())
            .collect();
        names.sort();
        for name in names {
            let stem = name.split('.').next().unwrap_or_default().to_lowercase();
            let key = (!matches!(stem.as_str(), "hugo" | "config")).then_some(stem);
            files.push((read_text(root, &format!("config/_default/{name}"))?, key));
        }
    }
    let mut table = Map::new();
    let mut spelled = BTreeMap::new();
    for (file, key) in &files {
        let syntax = Syntax::of(&file.relative).unwrap_or(Syntax::Toml);
        let written = config_file::parse(file, syntax)?;
        if key.is_none() {
            for name in written.keys() {
                spelled
                    .entry(name.to_lowercase())
                    .or_insert_with(|| name.clone());
            }
        }
        let values = lowercase_keys(written);
        match key {
            // `menus.en.toml`, `params.toml`: the file is the value of that key.
            Some(key) => {
                let mut wrapped = Map::new();
                wrapped.insert(key.clone(), Value::Object(values));
                merge_missing(&mut table, wrapped);
            }
            None => merge_missing(&mut table, values),
        }
    }
    let patterns = texts(&table, &["ignorefiles"]).unwrap_or_default();
    let written: Vec<&TextFile> = files.iter().map(|(file, _)| file).collect();
    let ignored = Ignored {
        // Hugo's `ignoreFiles` leaves out content and data files, not static ones.
        content: IgnoredFiles::regexes(&patterns, &written)?,
        statics: IgnoredFiles::None,
    };
    let config = files.into_iter().next().map(|(file, _)| file);
    let mut layout = layout(root, config, &table);
    layout.unused = unused(&table, &spelled);
    layout.ignored = ignored;
    Ok(layout)
}

fn layout(root: &Path, config: Option<TextFile>, table: &Map<String, Value>) -> SiteLayout {
    let default_language = text(table, &["defaultcontentlanguage"])
        .unwrap_or_else(|| "en".to_owned())
        .to_lowercase();
    let mut languages = BTreeMap::new();
    let mut language_dirs = Vec::new();
    if let Some(Value::Object(declared)) = table.get("languages") {
        for (code, language) in declared {
            let Value::Object(language) = language else {
                continue;
            };
            let name = text(language, &["languagename"])
                .or_else(|| text(language, &["params", "languagename"]));
            let description = text(language, &["params", "description"])
                .or_else(|| text(language, &["description"]));
            languages.insert(
                code.clone(),
                LanguageConfig {
                    name,
                    title: text(language, &["title"]),
                    description,
                    ..LanguageConfig::default()
                },
            );
            if let Some(dir) = text(language, &["contentdir"]) {
                language_dirs.push((code.clone(), dir));
            }
        }
    }
    let posts_per_page = integer(table, &["pagination", "pagersize"])
        .or_else(|| integer(table, &["paginate"]))
        .and_then(|n| u32::try_from(n).ok());
    // -1, Hugo's default, is every post; Folio's 0 means the same.
    let feed_limit = integer(table, &["services", "rss", "limit"])
        .or_else(|| integer(table, &["rsslimit"]))
        .map(|n| u32::try_from(n).unwrap_or(0));
    let declared_languages = languages.len();
    let settings = SiteConfig {
        title: text(table, &["title"]),
        description: text(table, &["params", "description"]).unwrap_or_default(),
        base_url: text(table, &["baseurl"]).filter(|url| !url.trim().is_empty()),
        default_language: Some(default_language),
        time_zone: text(table, &["timezone"]),
        posts_per_page,
        feed_limit,
        languages,
        navigation: main_menu(table),
        ..SiteConfig::default()
    };
    let mounts = mounts(table);
    let content = if mounts.iter().any(|(_, target, _)| target == "content") {
        mounts
            .iter()
            .filter(|(_, target, _)| target == "content")
            .map(|(source, _, language)| ContentTree {
                dir: root.join(source),
                language: language.clone(),
            })
            .collect()
    } else {
        let shared = text(table, &["contentdir"]).unwrap_or_else(|| "content".to_owned());
        let mut trees: Vec<ContentTree> = language_dirs
            .iter()
            .map(|(code, dir)| ContentTree {
                dir: root.join(dir),
                language: Some(code.clone()),
            })
            .collect();
        // The shared folder holds the languages that have no folder of their own.
        let without_folder = declared_languages > language_dirs.len() || declared_languages == 0;
        if without_folder && !language_dirs.iter().any(|(_, dir)| *dir == shared) {
            trees.push(ContentTree {
                dir: root.join(shared),
                language: None,
            });
        }
        trees
    };
    let static_dirs: Vec<std::path::PathBuf> =
        if mounts.iter().any(|(_, target, _)| target == "static") {
            mounts
                .iter()
                .filter(|(_, target, _)| target == "static")
                .map(|(source, _, _)| root.join(source))
                .collect()
        } else {
            texts(table, &["staticdir"])
                .unwrap_or_else(|| vec!["static".to_owned()])
                .into_iter()
                .map(|dir| root.join(dir))
                .collect()
        };
    let taxonomies = table.get("taxonomies").and_then(Value::as_object);
    let plural = |singular: &str, default: &str| {
        taxonomies
            .and_then(|t| t.get(singular))
            .and_then(Value::as_str)
            .unwrap_or(default)
            .to_owned()
    };
    let urls = UrlRules {
        permalinks: permalinks(table),
        ugly: boolean(table, &["uglyurls"]).unwrap_or(false),
        lowercase: !boolean(table, &["disablepathtolower"]).unwrap_or(false),
        tags_folder: plural("tag", "tags"),
        categories_folder: plural("category", "categories"),
    };
    SiteLayout {
        generator: Generator::Hugo,
        config,
        settings,
        unused: Vec::new(),
        content: content
            .into_iter()
            .filter(|tree| tree.dir.is_dir())
            .collect(),
        static_dirs: static_dirs.into_iter().filter(|dir| dir.is_dir()).collect(),
        ignored: Ignored::default(),
        urls,
        params: params(table),
        // Hugo's shortcodes are Go templates, which Folio does not run.
        templates: Vec::new(),
        config_table: Map::new(),
    }
}

/// `params`, and each language's `languages.<lang>.params`.
fn params(table: &Map<String, Value>) -> Params {
    let own = |table: &Map<String, Value>| match table.get("params") {
        Some(Value::Object(params)) => params.clone(),
        _ => Map::new(),
    };
    let by_language = match table.get("languages") {
        Some(Value::Object(languages)) => languages
            .iter()
            .filter_map(|(code, language)| Some((code.clone(), own(language.as_object()?))))
            .filter(|(_, params)| !params.is_empty())
            .collect(),
        _ => BTreeMap::new(),
    };
    Params {
        site: own(table),
        by_language,
    }
}

/// Hugo's `menu.main`, in its order (by `weight`, then name): the header's links, each
/// to its `url` or `pageRef` as the site wrote it (a path from the site's root, which
/// `lib.rs` reads as a route of the blog where it is one).
fn main_menu(table: &Map<String, Value>) -> Vec<folio_model::Link> {
    let Some(Value::Array(entries)) = config_file::at(table, &["menu", "main"]) else {
        return Vec::new();
    };
    let mut links: Vec<(i64, folio_model::Link)> = entries
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|entry| {
            let label = text(entry, &["name"])?;
            let href = text(entry, &["url"]).or_else(|| {
                let page = text(entry, &["pageref"])?;
                Some(format!("/{}/", page.trim_matches('/')))
            })?;
            let weight = integer(entry, &["weight"]).unwrap_or(0);
            Some((weight, folio_model::Link { label, href }))
        })
        .collect();
    links.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.label.cmp(&b.1.label)));
    links.into_iter().map(|(_, link)| link).collect()
}

/// The project's own `module.mounts`: source, target (`content`, `static`) and language
/// (`lang`, or the one language of Hugo 0.160's `sites.matrix`).
/// A theme's mounts (under `module.imports`) mount the theme's files, which Folio does
/// not use.
fn mounts(table: &Map<String, Value>) -> Vec<(String, String, Option<String>)> {
    let Some(Value::Array(mounts)) = config_file::at(table, &["module", "mounts"]) else {
        return Vec::new();
    };
    mounts
        .iter()
        .filter_map(Value::as_object)
        .filter_map(|mount| {
            let target = text(mount, &["target"])?;
            let target = target.trim_matches('/').to_owned();
            // A mount's language: `lang`, or Hugo 0.160's `sites.matrix.languages`.
            let language = text(mount, &["lang"]).or_else(|| {
                match config_file::at(mount, &["sites", "matrix", "languages"])? {
                    Value::Array(languages) if languages.len() == 1 => {
                        Some(languages[0].as_str()?.to_owned())
                    }
                    Value::String(language) => Some(language.clone()),
                    _ => None,
                }
            });
            Some((text(mount, &["source"])?, target, language))
        })
        .collect()
}

/// `permalinks`, by section: `[permalinks] blog = "..."`, or Hugo 0.112's
/// `[permalinks.page] blog = "..."`.
fn permalinks(table: &Map<String, Value>) -> BTreeMap<String, String> {
    let Some(Value::Object(all)) = table.get("permalinks") else {
        return BTreeMap::new();
    };
    let mut by_section = BTreeMap::new();
    if let Some(Value::Object(pages)) = all.get("page") {
        for (section, pattern) in pages {
            if let Some(pattern) = pattern.as_str() {
                by_section.insert(section.clone(), pattern.to_owned());
            }
        }
    }
    for (section, pattern) in all {
        if let Some(pattern) = pattern.as_str() {
            by_section
                .entry(section.clone())
                .or_insert_with(|| pattern.to_owned());
        }
    }
    by_section
}

/// The settings Folio does not use, spelled as the configuration spells them
/// (`enableEmoji`), in alphabetical order.
fn unused(table: &Map<String, Value>, spelled: &BTreeMap<String, String>) -> Vec<String> {
    let name = |key: &str| spelled.get(key).cloned().unwrap_or_else(|| key.to_owned());
    let mut unused: Vec<String> = Vec::new();
    for (key, value) in table {
        let used = match key.as_str() {
            "params" => &["description"][..],
            "module" => &["mounts"][..],
            "menu" => &["main"][..],
            "services" => &["rss"][..],
            key if USED.contains(&key) => continue,
            _ => &[][..],
        };
        let rest = value
            .as_object()
            .is_some_and(|table| table.keys().any(|k| !used.contains(&k.as_str())));
        match (used.is_empty(), rest) {
            (true, _) => unused.push(name(key)),
            (false, true) => unused.push(format!("{} (but {})", name(key), used.join(", "))),
            (false, false) => {}
        }
    }
    unused.sort_by_key(|key| key.to_lowercase());
    unused
}
