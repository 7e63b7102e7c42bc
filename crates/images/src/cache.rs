//! The images of earlier builds, in `images/` of the build's cache folder (where the
//! highlighted code is kept): every encoded file by its content-hashed name, and what
//! was learnt of each source (its size, transparency and placeholder) by the hash of its
//! bytes, so that a build in which no image changed decodes and encodes nothing. Files
//! are written whole (a temporary name, then renamed), so an interrupted build leaves
//! only complete ones.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

/// How long a file no build used stays: another site's build may share the folder
/// (the `/blog/` build of the same content), and an author may switch back.
const UNUSED_KEPT_FOR: Duration = Duration::from_secs(24 * 60 * 60);

/// The cache folder of images, or none (then everything is made in memory).
#[derive(Debug, Default)]
pub struct Cache {
    dir: Option<PathBuf>,
    /// The names this build read or wrote.
    used: Mutex<BTreeSet<String>>,
}

impl Cache {
    /// The cache under `folder` (the build's `--cache`), or none.
    pub fn new(folder: Option<&Path>) -> Self {
        Cache {
            dir: folder.map(|f| f.join("images")),
            used: Mutex::default(),
        }
    }

    /// The file called `name`, if an earlier build made it.
    pub fn get(&self, name: &str) -> Option<PathBuf> {
        let path = self.dir.as_ref()?.join(name);
        path.is_file().then(|| {
            self.used_now(name);
            path
        })
    }

    /// Keeps `bytes` as `name`; the file's path, or `None` when there is no cache folder
    /// or the file could not be written (the build then keeps the bytes in memory).
    pub fn put(&self, name: &str, bytes: &[u8]) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        fs::create_dir_all(dir).ok()?;
        let path = dir.join(name);
        let temporary = dir.join(format!(
            ".{name}.{}.{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let written = fs::write(&temporary, bytes).and_then(|()| fs::rename(&temporary, &path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
            return None;
        }
        self.used_now(name);
        Some(path)
    }

    fn used_now(&self, name: &str) {
        self.used
            .lock()
            .expect("no thread panics holding the list")
            .insert(name.to_owned());
    }

    /// Removes what neither this build nor any other used for a day; how many files it
    /// removed.
    pub fn prune(&self) -> std::io::Result<usize> {
        let Some(dir) = &self.dir else {
            return Ok(0);
        };
        let used = self.used.lock().expect("no thread panics holding the list");
        let now = SystemTime::now();
        let mut removed = 0;
        let entries = match fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if used.contains(&name) {
                // Touched, so that a build that keeps using it keeps it.
                let _ = fs::File::options()
                    .append(true)
                    .open(entry.path())
                    .and_then(|f| f.set_modified(now));
                continue;
            }
            let modified = entry.metadata()?.modified()?;
            if now.duration_since(modified).unwrap_or_default() > UNUSED_KEPT_FOR {
                fs::remove_file(entry.path())?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_files_for_the_next_build_and_prunes_old_unused_ones() {
        let folder = tempfile::tempdir().unwrap();
        let first = Cache::new(Some(folder.path()));
        assert_eq!(first.get("a.avif"), None);
        let kept = first.put("a.avif", b"AAAA").unwrap();
        first.put("old.webp", b"old").unwrap();
        first.put("recent.webp", b"recent").unwrap();
        let dir = folder.path().join("images");
        let day_ago = SystemTime::now() - Duration::from_secs(2 * 24 * 60 * 60);
        fs::File::options()
            .append(true)
            .open(dir.join("old.webp"))
            .unwrap()
            .set_modified(day_ago)
            .unwrap();

        let second = Cache::new(Some(folder.path()));
        assert_eq!(second.get("a.avif"), Some(kept.clone()));
        assert_eq!(fs::read(&kept).unwrap(), b"AAAA");
        assert_eq!(second.prune().unwrap(), 1);
        let mut left: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        left.sort();
        assert_eq!(left, ["a.avif", "recent.webp"]);
    }

    #[test]
    fn without_a_folder_nothing_is_kept() {
        let cache = Cache::new(None);
        assert_eq!(cache.put("a.avif", b"A"), None);
        assert_eq!(cache.get("a.avif"), None);
        assert_eq!(cache.prune().unwrap(), 0);
    }
}
