//! Content problems as authors read them: `path:line:col: error: message`, then a
//! `help:` line with the fix. Warnings have the same shape and do not fail a build.

use std::fmt;

/// Whether a problem stops the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build fails; nothing is written.
    Error,
    /// Reported; the build goes on.
    Warning,
}

/// One problem in one content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the compiler was given it.
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column in the line, counted in characters.
    pub column: usize,
    /// What is wrong, lowercase, no trailing period.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

/// A place in a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, as the compiler was given it.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// The first character of `path`.
    pub fn file(path: &str) -> Self {
        Location {
            path: path.to_owned(),
            line: 1,
            column: 1,
        }
    }

    /// The place of byte `offset` in `text`, the contents of `path`.
    pub fn at_offset(path: &str, text: &str, offset: usize) -> Self {
        let (line, column) = line_column(text, offset);
        Location {
            path: path.to_owned(),
            line,
            column,
        }
    }

    /// An error at this place.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Error, message)
    }

    /// A warning at this place.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Warning, message)
    }

    fn diagnostic(&self, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity,
            path: self.path.clone(),
            line: self.line,
            column: self.column,
            message: message.into(),
            help: None,
        }
    }
}

impl Diagnostic {
    /// Adds the line that says how to fix the problem.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {severity}: {}",
            self.path, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, sorted by file and position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// Sorts by file, line and column, errors first at one place; drops exact repeats.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            (&a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.path, b.line, b.column, b.severity, &b.message))
        });
        self.0.dedup();
        self
    }

    /// The number of errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let errors = self.error_count();
        let warnings = self.0.len() - errors;
        write!(
            f,
            "{}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )
    }
}

/// `message` with its first letter in lowercase, as diagnostics are written; parser
/// messages often start with a capital.
pub fn lowercase_first(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Where `key = ...` or `key: ...` is written in `text[region]`, as a line start
/// (quotes around the key allowed); `None` when it is not there.
pub fn key_location(
    path: &str,
    text: &str,
    region: std::ops::Range<usize>,
    key: &str,
) -> Option<Location> {
    let mut offset = region.start;
    for line in text.get(region)?.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let rest = trimmed.trim_start_matches(['"', '\'']);
        if let Some(after) = rest.strip_prefix(key) {
            let after = after.trim_start_matches(['"', '\'']).trim_start();
            if after.starts_with('=') || after.starts_with(':') {
                return Some(Location::at_offset(path, text, offset + indent));
            }
        }
        offset += line.len();
    }
    None
}

/// Turns a byte offset into `text` into a 1-based line and character column.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_like_a_compiler() {
        let d = Location {
            path: "content/posts/a.md".into(),
            line: 3,
            column: 1,
        }
        .error("missing title")
        .with_help("add `title = \"...\"` to the front matter");
        assert_eq!(
            d.to_string(),
            "content/posts/a.md:3:1: error: missing title\n  help: add `title = \"...\"` to the front matter"
        );
        assert_eq!(
            Location::file("a.md").warning("no description").to_string(),
            "a.md:1:1: warning: no description"
        );
    }

    #[test]
    fn counts_lines_and_characters_from_one() {
        let text = "ab\ncé\nx";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        assert_eq!(line_column(text, 6), (2, 3));
        assert_eq!(
            line_column(text, 5),
            (2, 2),
            "inside a character: its start"
        );
        assert_eq!(line_column(text, 7), (3, 1));
        assert_eq!(line_column(text, 999), (3, 2));
    }

    #[test]
    fn lowercases_only_the_first_letter() {
        assert_eq!(lowercase_first("Invalid type"), "invalid type");
        assert_eq!(lowercase_first("Émoji first"), "émoji first");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn finds_keys_but_not_longer_ones() {
        let text = "titles = 1\n  \"title\" = 2\ndate: x\n";
        let at = key_location("f", text, 0..text.len(), "title").unwrap();
        assert_eq!((at.line, at.column), (2, 3));
        assert_eq!(
            key_location("f", text, 0..text.len(), "date").unwrap().line,
            3
        );
        assert!(key_location("f", text, 0..11, "date").is_none());
    }

    #[test]
    fn sums_up_errors_and_warnings() {
        let all = Diagnostics(vec![
            Location::file("b").warning("w"),
            Location::file("a").error("e"),
        ])
        .sorted();
        assert_eq!(all.0[0].path, "a");
        assert!(all.to_string().ends_with("1 error, 1 warning"));
    }
}
