//! A private copy of the release bundle, for tests that damage files.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// `dist/` copied into a temporary folder, removed when dropped.
pub struct SiteCopy {
    dir: TempDir,
}

impl SiteCopy {
    /// A copy of `dist`.
    pub fn new(dist: &Path) -> SiteCopy {
        let dir = tempfile::tempdir().expect("a temporary folder");
        copy_tree(dist, dir.path());
        SiteCopy { dir }
    }

    /// The folder to serve.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A file of the site, by its path inside the bundle (`data/site.json`).
    pub fn file(&self, path: &str) -> PathBuf {
        self.dir.path().join(path)
    }
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder of the copy");
    for entry in std::fs::read_dir(from).expect("read the bundle") {
        let entry = entry.expect("a bundle entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a bundle file");
        }
    }
}
