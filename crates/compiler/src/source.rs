//! Reads the content folder: the site settings and every post file, as text.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A file of the content folder, read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path as it will be shown in diagnostics.
    pub path: String,
    /// The post's slug, from its file name.
    pub slug: String,
    /// The whole file.
    pub text: String,
}

/// Everything the compiler reads from a content folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContentDir {
    /// `site.toml`, when present.
    pub site: Option<SourceFile>,
    /// The Markdown files of `posts/`, sorted by path.
    pub posts: Vec<SourceFile>,
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

/// Reads `site.toml` and `posts/*.md` of the content folder.
pub fn read_content_dir(dir: &Path) -> Result<ContentDir, IoError> {
    let site_path = dir.join("site.toml");
    let site = match fs::read_to_string(&site_path) {
        Ok(text) => Some(SourceFile {
            path: display(&site_path),
            slug: String::new(),
            text,
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(IoError::at(&site_path)(e)),
    };
    let posts_dir = dir.join("posts");
    let mut paths = Vec::new();
    for entry in fs::read_dir(&posts_dir).map_err(IoError::at(&posts_dir))? {
        let path = entry.map_err(IoError::at(&posts_dir))?.path();
        if path.extension().is_some_and(|e| e == "md") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut posts = Vec::with_capacity(paths.len());
    for path in paths {
        let text = fs::read_to_string(&path).map_err(IoError::at(&path))?;
        let slug = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        posts.push(SourceFile {
            path: display(&path),
            slug,
            text,
        });
    }
    Ok(ContentDir { site, posts })
}

fn display(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}
