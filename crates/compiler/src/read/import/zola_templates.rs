//! A Zola site's own templates that its posts call as shortcodes: everything under
//! `templates/shortcodes/`, with the macros and partials they import or include
//! (`templates/macros/`, `templates/partials/`), of the site and of the theme its
//! configuration names (`themes/<theme>/templates/`), the site's winning where both have
//! one, as Zola chooses.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One template, named as Tera knows it (`shortcodes/figure.html`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateFile {
    pub name: String,
    /// Where it is, for diagnostics.
    pub path: PathBuf,
    pub text: String,
}

/// The folders of `templates/` that shortcodes use.
const FOLDERS: &[&str] = &["shortcodes", "macros", "partials"];

/// The shortcode templates of the site at `root` and of its theme, sorted by name.
/// Files that are not UTF-8 are left out: no template is.
pub fn read(root: &Path, theme: Option<&str>) -> Vec<TemplateFile> {
    let mut found: BTreeMap<String, TemplateFile> = BTreeMap::new();
    let theme_templates = theme.map(|theme| root.join("themes").join(theme).join("templates"));
    // The theme's first, so that the site's own replace them.
    for templates in theme_templates.into_iter().chain([root.join("templates")]) {
        for folder in FOLDERS {
            let mut files = Vec::new();
            list(&templates.join(folder), &mut files);
            for path in files {
                let Ok(text) = fs::read_to_string(&path) else {
                    continue;
                };
                let Ok(name) = path.strip_prefix(&templates) else {
                    continue;
                };
                let name = name.to_string_lossy().replace('\\', "/");
                found.insert(name.clone(), TemplateFile { name, path, text });
            }
        }
    }
    found.into_values().collect()
}

/// Every file under `dir`, in any order.
fn list(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            list(&path, files);
        } else {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_replaces_its_themes_templates() {
        let root = tempfile::tempdir().expect("a temporary folder");
        let write = |path: &str, text: &str| {
            let path = root.path().join(path);
            fs::create_dir_all(path.parent().expect("a folder")).expect("folders");
            fs::write(path, text).expect("a file");
        };
        write("themes/tabi/templates/shortcodes/note.html", "theme note");
        write("themes/tabi/templates/shortcodes/aside.html", "theme aside");
        write("themes/tabi/templates/macros/translate.html", "macro");
        write("themes/tabi/templates/page.html", "not a shortcode's");
        write("templates/shortcodes/note.html", "site note");
        write("templates/shortcodes/deep/video.md", "site video");
        let read: Vec<(String, String)> = read(root.path(), Some("tabi"))
            .into_iter()
            .map(|file| (file.name, file.text))
            .collect();
        let expected = [
            ("macros/translate.html", "macro"),
            ("shortcodes/aside.html", "theme aside"),
            ("shortcodes/deep/video.md", "site video"),
            ("shortcodes/note.html", "site note"),
        ]
        .map(|(name, text)| (name.to_owned(), text.to_owned()));
        assert_eq!(read, expected);
    }
}
