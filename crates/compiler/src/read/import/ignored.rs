//! The files a site's configuration leaves out of its build: Zola's `ignored_content`
//! and `ignored_static` globs (matched as Zola matches them, with the same `globset`),
//! and Hugo's `ignoreFiles` regular expressions (matched against the file's absolute
//! path, as Hugo does).

use std::path::Path;

use globset::{Glob, GlobSet, GlobSetBuilder};
use regex::RegexSet;

use crate::diagnostic::{Diagnostic, Location};
use crate::read::source::TextFile;

/// Which files of a folder its site leaves out.
#[derive(Debug, Clone, Default)]
pub enum IgnoredFiles {
    #[default]
    None,
    /// Zola's globs, matched against the path inside the folder (`drafts/*.md`): a
    /// folder that matches is left out whole.
    Globs(GlobSet),
    /// Hugo's regular expressions, matched against the absolute path.
    Regexes(RegexSet),
}

impl IgnoredFiles {
    /// Zola's `setting` (`ignored_content`): `patterns` as written in `config`.
    pub fn globs(
        patterns: &[String],
        config: &TextFile,
        setting: &str,
    ) -> Result<Self, Diagnostic> {
        if patterns.is_empty() {
            return Ok(IgnoredFiles::None);
        }
        let mut set = GlobSetBuilder::new();
        for pattern in patterns {
            let glob = Glob::new(pattern).map_err(|e| {
                written_at(config, pattern)
                    .error(format!(
                        "`{setting}` has a pattern that is not a glob: `{pattern}`: {}",
                        e.kind()
                    ))
                    .with_help("write a glob as Zola reads them: `*.xlsx`, `drafts/**`")
            })?;
            set.add(glob);
        }
        let set = set.build().map_err(|e| {
            Location::file(&config.path)
                .error(format!("`{setting}` cannot be read: {e}"))
                .with_help("write a glob as Zola reads them: `*.xlsx`, `drafts/**`")
        })?;
        Ok(IgnoredFiles::Globs(set))
    }

    /// Hugo's `ignoreFiles`: `patterns` as written in one of `config`'s files.
    pub fn regexes(patterns: &[String], config: &[&TextFile]) -> Result<Self, Diagnostic> {
        if patterns.is_empty() {
            return Ok(IgnoredFiles::None);
        }
        if let Some((pattern, e)) = patterns
            .iter()
            .find_map(|p| regex::Regex::new(p).err().map(|e| (p, e)))
        {
            let file = config
                .iter()
                .find(|file| file.text.contains(pattern.as_str()))
                .or(config.first());
            let location = file.map_or_else(
                || Location::file("ignoreFiles"),
                |file| written_at(file, pattern),
            );
            let reason = e.to_string();
            let reason = reason.lines().last().unwrap_or_default().trim();
            return Err(location
                .error(format!(
                    "`ignoreFiles` has a pattern that is not a regular expression: `{pattern}`: {}",
                    reason.trim_start_matches("error: ")
                ))
                .with_help("write a regular expression as Hugo reads them: `\\.foo$`"));
        }
        let set = RegexSet::new(patterns).map_err(|e| {
            Location::file(config.first().map_or("", |f| f.path.as_str()))
                .error(format!("`ignoreFiles` cannot be read: {e}"))
                .with_help("write fewer or simpler patterns")
        })?;
        Ok(IgnoredFiles::Regexes(set))
    }

    /// Whether the file or folder at `path`, `relative` inside the folder walked, is
    /// left out.
    pub fn ignores(&self, path: &Path, relative: &str) -> bool {
        match self {
            IgnoredFiles::None => false,
            IgnoredFiles::Globs(set) => set.is_match(relative),
            IgnoredFiles::Regexes(set) => {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                set.is_match(&absolute.to_string_lossy().replace('\\', "/"))
            }
        }
    }
}

/// Where `text` is first written in `file` (its start else).
fn written_at(file: &TextFile, text: &str) -> Location {
    let offset = file.text.find(text).unwrap_or(0);
    Location::at_offset(&file.path, &file.text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> TextFile {
        TextFile {
            path: "site/config.toml".into(),
            relative: "config.toml".into(),
            text: text.into(),
            ..TextFile::default()
        }
    }

    #[test]
    fn zola_globs_match_paths_inside_the_folder() {
        let file = config("ignored_content = [\"*.xlsx\", \"drafts\"]\n");
        let patterns = ["*.xlsx".to_owned(), "drafts".to_owned()];
        let ignored = IgnoredFiles::globs(&patterns, &file, "ignored_content").unwrap();
        let at = Path::new("/x");
        assert!(ignored.ignores(at, "data.xlsx"));
        // Zola's `*` crosses folders.
        assert!(ignored.ignores(at, "blog/sheets/data.xlsx"));
        assert!(ignored.ignores(at, "drafts"));
        assert!(!ignored.ignores(at, "blog/drafts.md"));
        assert!(!ignored.ignores(at, "blog/post.md"));
    }

    #[test]
    fn a_bad_glob_is_an_error_at_its_line() {
        let file = config("title = \"x\"\nignored_content = [\"a[b\"]\n");
        let error = IgnoredFiles::globs(&["a[b".to_owned()], &file, "ignored_content").unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with("site/config.toml:2:"), "{shown}");
        assert!(
            shown.contains("`ignored_content` has a pattern that is not a glob"),
            "{shown}"
        );
    }

    #[test]
    fn hugo_regexes_match_absolute_paths() {
        let file = config("ignoreFiles = ['\\.foo$', '/drafts/']\n");
        let patterns = ["\\.foo$".to_owned(), "/drafts/".to_owned()];
        let ignored = IgnoredFiles::regexes(&patterns, &[&file]).unwrap();
        assert!(ignored.ignores(Path::new("/site/content/a.foo"), "a.foo"));
        assert!(ignored.ignores(Path::new("/site/content/drafts/a.md"), "drafts/a.md"));
        assert!(!ignored.ignores(Path::new("/site/content/blog/a.md"), "blog/a.md"));
        let error = IgnoredFiles::regexes(&["a(".to_owned()], &[&config("x = 'a('\n")])
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("site/config.toml:1:"), "{error}");
        assert!(error.contains("not a regular expression: `a(`"), "{error}");
    }
}
