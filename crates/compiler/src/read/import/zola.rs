//! A Zola site's `config.toml`: Folio's settings, and its `content/` and `static/`
//! folders, where Zola always has them.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::config_file::{integer, text, texts};
use super::{
    ContentTree, Generator, Ignored, IgnoredFiles, Params, SiteLayout, UrlRules, zola_templates,
};
use crate::diagnostic::Diagnostic;
use crate::read::settings::{LanguageConfig, SiteConfig};
use crate::read::source::TextFile;

/// The settings Folio reads.
const USED: &[&str] = &[
    "base_url",
    "title",
    "description",
    "default_language",
    "languages",
    "feed_limit",
    "ignored_content",
    "ignored_static",
    // Read by the site's shortcode templates, as `config.extra`.
    "extra",
    "theme",
];

/// Reads the site at `root` from its `config.toml` (`file`, read into `table`).
pub fn read(
    root: &Path,
    file: TextFile,
    table: Map<String, Value>,
) -> Result<SiteLayout, Diagnostic> {
    let mut languages = BTreeMap::new();
    if let Some(Value::Object(declared)) = table.get("languages") {
        for (code, language) in declared {
            let Value::Object(language) = language else {
                continue;
            };
            languages.insert(
                code.clone(),
                LanguageConfig {
                    title: text(language, &["title"]),
                    description: text(language, &["description"]),
                    ..LanguageConfig::default()
                },
            );
        }
    }
    let settings = SiteConfig {
        title: text(&table, &["title"]),
        description: text(&table, &["description"]).unwrap_or_default(),
        base_url: text(&table, &["base_url"]),
        default_language: text(&table, &["default_language"]),
        feed_limit: integer(&table, &["feed_limit"]).and_then(|n| u32::try_from(n).ok()),
        languages,
        ..SiteConfig::default()
    };
    let mut unused: Vec<String> = table
        .keys()
        .filter(|key| !USED.contains(&key.as_str()))
        .cloned()
        .collect();
    unused.sort();
    let folder = |name: &str| Some(root.join(name)).filter(|dir| dir.is_dir());
    let ignored = |setting: &str| {
        let patterns = texts(&table, &[setting]).unwrap_or_default();
        IgnoredFiles::globs(&patterns, &file, setting)
    };
    let ignored = Ignored {
        content: ignored("ignored_content")?,
        statics: ignored("ignored_static")?,
    };
    Ok(SiteLayout {
        generator: Generator::Zola,
        config: Some(file),
        settings,
        unused,
        content: folder("content")
            .map(|dir| ContentTree {
                dir,
                language: None,
            })
            .into_iter()
            .collect(),
        static_dirs: folder("static").into_iter().collect(),
        ignored,
        // Zola's taxonomies' pages: `/tags/<name>/`, `/categories/<name>/`.
        urls: UrlRules {
            tags_folder: "tags".to_owned(),
            categories_folder: "categories".to_owned(),
            ..UrlRules::default()
        },
        // Zola's shortcodes are the site's own templates, which read `config.extra`
        // themselves: Folio expands none that would.
        params: Params::default(),
        templates: zola_templates::read(root, text(&table, &["theme"]).as_deref()),
        config_table: table,
    })
}
