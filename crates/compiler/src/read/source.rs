//! Reads a site's files: settings, authors, categories and every Markdown page of its
//! content trees as text, the list of other files (images), and the static files that
//! are copied to the site's root. With `import` and `write`, the only modules that touch
//! the file system.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Location};
use crate::parallel;
use crate::read::import::{ContentTree, Ignored, IgnoredFiles};

/// A text file of the content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextFile {
    /// The path as diagnostics show it: the content folder joined with `relative`.
    pub path: String,
    /// The path inside the content folder, with `/` separators (`posts/a.md`). With
    /// several content trees (one per language), from the folder that holds them all
    /// (`en/blog/a.md`).
    pub relative: String,
    /// The contents, without a byte-order mark.
    pub text: String,
    /// Where in `relative` the path inside its content tree starts.
    pub tree_start: usize,
    /// The language of the file's content tree, when it is one language's.
    pub tree_language: Option<String>,
}

impl TextFile {
    /// The path inside its content tree (`blog/a.md`), the same for a page and its
    /// translations in other languages' trees.
    pub fn tree_path(&self) -> &str {
        &self.relative[self.tree_start..]
    }
}

/// Everything the compiler reads from a content folder.
#[derive(Debug, Clone, Default)]
pub struct ContentFiles {
    /// The content folder (the folder that holds every content tree).
    pub root: PathBuf,
    /// `site.toml`, when present.
    pub site: Option<TextFile>,
    /// `authors/*.toml`.
    pub authors: Vec<TextFile>,
    /// `categories/*.toml`, and `categories.toml`.
    pub categories: Vec<TextFile>,
    /// Every Markdown file (`_index.md` section files too), sorted by path.
    pub pages: Vec<TextFile>,
    /// Every other file, by path inside the content folder.
    pub assets: BTreeSet<String>,
    /// The static files copied to the site's root (`static/`), by their path there
    /// (`img/a.png`), and where each is.
    pub statics: BTreeMap<String, PathBuf>,
}

/// A file or folder that could not be read or written.
#[derive(Debug, thiserror::Error)]
#[error("{}: {source}", path.display())]
pub struct IoError {
    /// The file or folder.
    pub path: PathBuf,
    /// What the operating system said.
    pub source: io::Error,
}

impl IoError {
    pub(crate) fn at(path: &Path) -> impl FnOnce(io::Error) -> IoError + '_ {
        move |source| IoError {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// The text of one file outside the content folder (the page template).
pub fn read_file(path: &Path) -> Result<String, IoError> {
    fs::read_to_string(path).map_err(IoError::at(path))
}

/// Reads the content folder. Files that are not UTF-8 are reported, not read.
pub fn read_content_dir(root: &Path) -> Result<(ContentFiles, Vec<Diagnostic>), IoError> {
    read_trees(
        &[ContentTree {
            dir: root.to_path_buf(),
            language: None,
        }],
        &[],
        &Ignored::default(),
    )
}

/// Reads every content tree (`trees`: the first one's folder when there is one, else the
/// folder that holds them all is the content folder) and lists the files of the static
/// folders (the first one's file wins where two have the same path), leaving out what
/// the site's configuration ignores.
pub fn read_trees(
    trees: &[ContentTree],
    static_dirs: &[PathBuf],
    ignored: &Ignored,
) -> Result<(ContentFiles, Vec<Diagnostic>), IoError> {
    let root = common_folder(trees);
    let mut files = ContentFiles {
        root: root.clone(),
        ..ContentFiles::default()
    };
    let mut problems = Vec::new();
    // Each file with the index of its tree and where the path inside the tree starts.
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    for (index, tree) in trees.iter().enumerate() {
        let prefix = tree
            .dir
            .strip_prefix(&root)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let prefix = if prefix.is_empty() {
            String::new()
        } else {
            format!("{prefix}/")
        };
        let mut relatives = Vec::new();
        walk(
            &tree.dir,
            &prefix,
            prefix.len(),
            &ignored.content,
            &mut relatives,
        )?;
        found.extend(relatives.into_iter().map(|r| (r, index, prefix.len())));
    }
    for dir in static_dirs {
        let mut paths = Vec::new();
        walk(dir, "", 0, &ignored.statics, &mut paths)?;
        for path in paths {
            let file = dir.join(&path);
            files.statics.entry(path).or_insert(file);
        }
    }
    let (assets, texts): (Vec<_>, Vec<_>) = found
        .into_iter()
        .map(|file| (classify(&file.0), file))
        .filter(|(kind, _)| *kind != Kind::Ignored)
        .partition(|(kind, _)| *kind == Kind::Asset);
    files.assets = assets
        .into_iter()
        .map(|(_, (relative, ..))| relative)
        .collect();
    let read = parallel::map(&texts, |(_, (relative, tree, start))| {
        read_text(&root, relative).map(|read| {
            read.map(|file| TextFile {
                tree_start: *start,
                tree_language: trees[*tree].language.clone(),
                ..file
            })
        })
    });
    for read in read {
        match read? {
            Ok(file) => match classify(&file.relative) {
                Kind::Site => files.site = Some(file),
                Kind::Author => files.authors.push(file),
                Kind::Category => files.categories.push(file),
                _ => files.pages.push(file),
            },
            Err(problem) => problems.push(problem),
        }
    }
    Ok((files, problems))
}

/// Reads one text file of the content folder; a file that is not UTF-8 is a problem at
/// its first bad byte.
fn read_text(root: &Path, relative: &str) -> Result<Result<TextFile, Diagnostic>, IoError> {
    let path = root.join(relative);
    let bytes = fs::read(&path).map_err(IoError::at(&path))?;
    let shown = path.to_string_lossy().into_owned();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            return Ok(Err(Location::at_offset(&shown, &prefix, valid)
                .error("this file is not UTF-8 text")
                .with_help("save the file as UTF-8 in your editor")));
        }
    };
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    Ok(Ok(TextFile {
        path: shown,
        relative: relative.to_owned(),
        text,
        ..TextFile::default()
    }))
}

/// The folder that holds every tree: the only tree's, else their longest common parent.
fn common_folder(trees: &[ContentTree]) -> PathBuf {
    let mut common = match trees.first() {
        Some(tree) => tree.dir.clone(),
        None => return PathBuf::from("."),
    };
    for tree in &trees[1..] {
        while !tree.dir.starts_with(&common) {
            if !common.pop() {
                break;
            }
        }
    }
    common
}

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Site,
    Author,
    Category,
    Page,
    Asset,
    Ignored,
}

fn classify(relative: &str) -> Kind {
    let (folder, name) = relative.rsplit_once('/').unwrap_or(("", relative));
    let extension = name.rsplit_once('.').map_or("", |(_, e)| e);
    match (folder, extension) {
        ("", "toml") if name == "site.toml" => Kind::Site,
        ("", "toml") if name == "categories.toml" => Kind::Category,
        ("authors", "toml") => Kind::Author,
        ("categories", "toml") => Kind::Category,
        (_, "md") => Kind::Page,
        (_, "toml") => Kind::Ignored,
        _ => Kind::Asset,
    }
}

/// Collects the paths of every file below `dir` (each `prefix` and its path inside
/// `dir`), sorted, skipping hidden files and what `ignored` matches (with the path
/// from `start` in the prefixed one).
fn walk(
    dir: &Path,
    prefix: &str,
    start: usize,
    ignored: &IgnoredFiles,
    out: &mut Vec<String>,
) -> Result<(), IoError> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(IoError::at(dir))? {
        let entry = entry.map_err(IoError::at(dir))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let is_dir = entry
            .file_type()
            .map_err(IoError::at(&entry.path()))?
            .is_dir();
        entries.push((name, is_dir));
    }
    entries.sort();
    for (name, is_dir) in entries {
        let relative = format!("{prefix}{name}");
        let path = dir.join(&name);
        if ignored.ignores(&path, &relative[start..]) {
            continue;
        }
        if is_dir {
            walk(&path, &format!("{relative}/"), start, ignored, out)?;
        } else {
            out.push(relative);
        }
    }
    Ok(())
}

/// The intrinsic size of an image of the content folder (`relative` to it), read from
/// the file's header (raster) or root element (SVG); `None` when it cannot be told.
/// The text of a file of the site at `path` from its root (a template's `load_data`);
/// `None` when there is none, or the path leaves the site.
pub fn site_file_text(root: &Path, path: &str) -> Option<String> {
    let inside = crate::read::posts::content_path("", path)?;
    fs::read_to_string(root.join(inside)).ok()
}

pub fn image_size(root: &Path, relative: &str) -> Option<(u32, u32)> {
    let path = root.join(relative);
    if relative.ends_with(".svg") {
        let text = fs::read_to_string(path).ok()?;
        return svg_size(&text);
    }
    let size = imagesize::size(path).ok()?;
    Some((
        u32::try_from(size.width).ok()?,
        u32::try_from(size.height).ok()?,
    ))
}

/// The size an SVG declares: its `width` and `height`, else its `viewBox`.
pub fn svg_size(text: &str) -> Option<(u32, u32)> {
    let document = roxmltree::Document::parse(text).ok()?;
    let root = document.root_element();
    let length = |name: &str| {
        let value = root.attribute(name)?.trim().trim_end_matches("px");
        value
            .parse::<f64>()
            .ok()
            .filter(|v| *v > 0.0)
            .map(|v| v.round() as u32)
    };
    if let (Some(w), Some(h)) = (length("width"), length("height")) {
        return Some((w, h));
    }
    let view_box: Vec<f64> = root
        .attribute("viewBox")?
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    match view_box[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 => Some((w.round() as u32, h.round() as u32)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_content_files() {
        assert_eq!(classify("site.toml"), Kind::Site);
        assert_eq!(classify("authors/laura.toml"), Kind::Author);
        assert_eq!(classify("categories/automation.toml"), Kind::Category);
        assert_eq!(classify("categories.toml"), Kind::Category);
        assert_eq!(classify("posts/a.md"), Kind::Page);
        assert_eq!(classify("inside-rust/_index.md"), Kind::Page);
        assert_eq!(classify("images/heroes/a.svg"), Kind::Asset);
        assert_eq!(classify("config.toml"), Kind::Ignored);
    }

    #[test]
    fn reads_svg_sizes() {
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"/>"#),
            Some((1200, 630))
        );
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 16"/>"#),
            Some((32, 16))
        );
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>"#),
            None
        );
        assert_eq!(svg_size("not svg"), None);
    }
}
