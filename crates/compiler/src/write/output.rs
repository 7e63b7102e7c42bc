//! Writes the content index to disk so that a reader never sees half of it: everything
//! goes to a fresh sibling folder, which then replaces the previous output. Also writes
//! the static pages into the site folder around it.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use folio_model::content_index::RelatedFeatures;
use folio_model::{data_layout, feature_lines};

use crate::parallel;
use crate::read::source::IoError;
use crate::render::assemble::{ContentIndex, media_url};
use folio_images::ImageFile;

/// Writes every document of `index` and its media under `out_dir` (the site's `data`
/// folder), replacing its previous contents only once all is written.
pub fn write_atomically(
    index: &ContentIndex,
    content_dir: &Path,
    out_dir: &Path,
) -> Result<(), IoError> {
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(IoError::at(parent))?;
    let name = out_dir.file_name().unwrap_or_default().to_string_lossy();
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let _ = fs::remove_dir_all(&staging);
    let result = write_all(index, content_dir, &staging).and_then(|()| replace(&staging, out_dir));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

/// What one output file is made of: made into bytes by the core that writes it, so that
/// serializing runs beside the writing and no more than a file per core is in memory.
enum Contents<'a> {
    Bytes(Vec<u8>),
    Shared(&'a [u8]),
    Json(&'a dyn erased::Json),
    Lines(&'a RelatedFeatures),
    CopyOf(PathBuf),
}

fn write_all(index: &ContentIndex, content_dir: &Path, dir: &Path) -> Result<(), IoError> {
    fn json<'a>(path: &str, value: &'a dyn erased::Json) -> (String, Contents<'a>) {
        (path.to_owned(), Contents::Json(value))
    }
    let mut files = vec![
        json(data_layout::SITE, &index.site),
        json(data_layout::REDIRECTS, &index.redirects),
    ];
    files.extend(index.listings.iter().map(|(path, doc)| json(path, doc)));
    files.extend(index.posts.iter().map(|(path, doc)| json(path, doc)));
    files.extend(
        index
            .features
            .iter()
            .map(|(path, features)| (path.clone(), Contents::Lines(features))),
    );
    files.extend(
        index
            .media
            .iter()
            .map(|media| (media_url(media), Contents::CopyOf(content_dir.join(media)))),
    );
    files.extend(index.images.iter().map(|(path, file)| {
        let contents = match file {
            ImageFile::Cached(cached) => Contents::CopyOf(cached.clone()),
            ImageFile::Encoded(bytes) => Contents::Shared(bytes),
        };
        (path.clone(), contents)
    }));
    write_files(
        files
            .into_iter()
            .map(|(site_path, contents)| (target_path(dir, &site_path), contents))
            .collect(),
    )
}

/// Writes the static pages of a site (paths relative to `site_dir`) into it.
pub fn write_pages(site_dir: &Path, pages: Vec<(String, String)>) -> Result<(), IoError> {
    write_files(
        pages
            .into_iter()
            .map(|(path, html)| (site_dir.join(path), Contents::Bytes(html.into_bytes())))
            .collect(),
    )
}

/// Copies files (paths relative to `site_dir`, and where each is) into the site.
pub fn copy_files(site_dir: &Path, files: Vec<(String, PathBuf)>) -> Result<(), IoError> {
    write_files(
        files
            .into_iter()
            .map(|(path, source)| (site_dir.join(path), Contents::CopyOf(source)))
            .collect(),
    )
}

/// Creates the folders of `files`, then writes them on every core.
fn write_files(files: Vec<(PathBuf, Contents<'_>)>) -> Result<(), IoError> {
    let folders: BTreeSet<&Path> = files.iter().filter_map(|(path, _)| path.parent()).collect();
    for folder in folders {
        fs::create_dir_all(folder).map_err(IoError::at(folder))?;
    }
    let results = parallel::map(&files, |(path, contents)| {
        let written = match contents {
            Contents::Bytes(bytes) => fs::write(path, bytes),
            Contents::Shared(bytes) => fs::write(path, bytes),
            Contents::Json(value) => fs::write(path, value.to_json()),
            Contents::Lines(features) => fs::write(path, feature_lines::to_json_lines(features)),
            Contents::CopyOf(source) => {
                return fs::copy(source, path)
                    .map(|_| ())
                    .map_err(IoError::at(source));
            }
        };
        written.map_err(IoError::at(path))
    });
    results.into_iter().collect()
}

/// The file for a site path under the data folder.
fn target_path(dir: &Path, site_path: &str) -> PathBuf {
    let relative = site_path
        .strip_prefix(data_layout::DATA_DIR)
        .unwrap_or(site_path);
    dir.join(relative.trim_start_matches('/'))
}

/// Removes a folder, its top-level entries on every core.
fn remove_tree(dir: &Path) -> Result<(), IoError> {
    let entries: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(IoError::at(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let results = parallel::map(&entries, |path| {
        if path.is_dir() {
            fs::remove_dir_all(path)
        } else {
            fs::remove_file(path)
        }
        .map_err(IoError::at(path))
    });
    results.into_iter().collect::<Result<(), IoError>>()?;
    fs::remove_dir(dir).map_err(IoError::at(dir))
}

/// Serializing the different document types through one function pointer.
mod erased {
    pub trait Json: Sync {
        fn to_json(&self) -> Vec<u8>;
    }

    impl<T: serde::Serialize + Sync> Json for T {
        fn to_json(&self) -> Vec<u8> {
            serde_json::to_vec(self).expect("content index types always serialize")
        }
    }
}

/// Swaps `staging` in for `out_dir`: the old output moves aside first and is removed last.
fn replace(staging: &Path, out_dir: &Path) -> Result<(), IoError> {
    let old = staging.with_extension("old");
    let had_old = out_dir.exists();
    if had_old {
        fs::rename(out_dir, &old).map_err(IoError::at(out_dir))?;
    }
    if let Err(e) = fs::rename(staging, out_dir) {
        if had_old {
            let _ = fs::rename(&old, out_dir);
        }
        return Err(IoError::at(out_dir)(e));
    }
    if had_old {
        remove_tree(&old)?;
    }
    Ok(())
}
