//! Writes the content index to disk so that a reader never sees half of it: everything
//! goes to a fresh sibling folder, which then replaces the previous output.

use std::fs;
use std::path::{Path, PathBuf};

use folio_model::data_layout;
use serde::Serialize;

use crate::index::ContentIndex;
use crate::source::IoError;

/// Writes every document of `index` under `out_dir`, replacing its previous contents.
///
/// Paths inside `out_dir` are those of [`data_layout`] without its leading data folder.
pub fn write_atomically(index: &ContentIndex, out_dir: &Path) -> Result<(), IoError> {
    let parent = out_dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(IoError::at(parent))?;
    let name = out_dir.file_name().unwrap_or_default().to_string_lossy();
    let staging = parent.join(format!(".{name}.new-{}", std::process::id()));
    let result = write_all(index, &staging).and_then(|()| replace(&staging, out_dir));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(index: &ContentIndex, dir: &Path) -> Result<(), IoError> {
    write_json(dir, data_layout::LISTING, &index.listing)?;
    for post in &index.posts {
        write_json(dir, &data_layout::post_document(&post.summary.slug), post)?;
    }
    Ok(())
}

fn write_json(dir: &Path, site_path: &str, value: &impl Serialize) -> Result<(), IoError> {
    let relative = site_path
        .strip_prefix(data_layout::DATA_DIR)
        .unwrap_or(site_path);
    let path = dir.join(relative.trim_start_matches('/'));
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(IoError::at(folder))?;
    }
    let json = serde_json::to_vec(value).expect("content index types always serialize");
    fs::write(&path, json).map_err(IoError::at(&path))
}

/// Swaps `staging` in for `out_dir`: the old output moves aside first and is removed last.
fn replace(staging: &Path, out_dir: &Path) -> Result<(), IoError> {
    let old: PathBuf = staging.with_extension("old");
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
