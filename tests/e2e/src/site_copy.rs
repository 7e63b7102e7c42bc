//! A private copy of the release bundle, for tests that damage files or host the site
//! under a sub-path.

use std::path::{Path, PathBuf};

use tempfile::TempDir;

/// `dist/` copied into a temporary folder, removed when dropped.
pub struct SiteCopy {
    dir: TempDir,
    sub_path: String,
}

impl SiteCopy {
    /// A copy of `dist` served at the root.
    pub fn new(dist: &Path) -> SiteCopy {
        Self::under(dist, "")
    }

    /// A copy of `dist` as `trunk build --public-url /<sub_path>/` would have written
    /// it: the files in `<sub_path>/`, and the page's `<base href>` and asset URLs
    /// prefixed with it. `sub_path` is a folder name such as `blog`.
    pub fn under(dist: &Path, sub_path: &str) -> SiteCopy {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path().join(sub_path);
        copy_tree(dist, &root);
        if !sub_path.is_empty() {
            let index = root.join("index.html");
            let html = std::fs::read_to_string(&index).expect("dist/index.html");
            // Trunk writes its public URL in front of every URL it generates: the base
            // and the assets, in attributes and in the module script.
            let prefixed = html
                .replace("=\"/", &format!("=\"/{sub_path}/"))
                .replace("'/", &format!("'/{sub_path}/"));
            std::fs::write(&index, prefixed).expect("rewrite index.html");
        }
        SiteCopy {
            dir,
            sub_path: sub_path.to_owned(),
        }
    }

    /// The folder to serve.
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A file of the site, by its path inside the bundle (`data/site.json`).
    pub fn file(&self, path: &str) -> PathBuf {
        self.dir.path().join(&self.sub_path).join(path)
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
