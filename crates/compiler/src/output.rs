//! Writes the content index to disk so that a reader never sees half of it: everything
//! goes to a fresh sibling folder, which then replaces the previous output.

use std::fs;
use std::path::{Path, PathBuf};

use folio_model::data_layout;
use serde::Serialize;

use crate::assemble::{ContentIndex, media_url};
use crate::source::IoError;

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

fn write_all(index: &ContentIndex, content_dir: &Path, dir: &Path) -> Result<(), IoError> {
    write_json(dir, data_layout::SITE, &index.site)?;
    write_json(dir, data_layout::REDIRECTS, &index.redirects)?;
    for (path, listing) in &index.listings {
        write_json(dir, path, listing)?;
    }
    for (path, post) in &index.posts {
        write_json(dir, path, post)?;
    }
    for (path, features) in &index.features {
        write_json(dir, path, features)?;
    }
    for media in &index.media {
        let target = target_path(dir, &media_url(media))?;
        let source = content_dir.join(media);
        fs::copy(&source, &target).map_err(IoError::at(&source))?;
    }
    Ok(())
}

/// The file for a site path under the data folder, with its folder created.
fn target_path(dir: &Path, site_path: &str) -> Result<PathBuf, IoError> {
    let relative = site_path
        .strip_prefix(data_layout::DATA_DIR)
        .unwrap_or(site_path);
    let path = dir.join(relative.trim_start_matches('/'));
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(IoError::at(folder))?;
    }
    Ok(path)
}

fn write_json(dir: &Path, site_path: &str, value: &impl Serialize) -> Result<(), IoError> {
    let path = target_path(dir, site_path)?;
    let json = serde_json::to_vec(value).expect("content index types always serialize");
    fs::write(&path, json).map_err(IoError::at(&path))
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
        fs::remove_dir_all(&old).map_err(IoError::at(&old))?;
    }
    Ok(())
}
