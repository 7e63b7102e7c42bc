//! Splits a post into its TOML front matter (between `+++` lines) and its Markdown body,
//! and parses the front matter.

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, line_column};
use crate::source::SourceFile;

/// The keys of a post's front matter.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct FrontMatter {
    /// The post's title.
    pub title: String,
    /// The dek.
    #[serde(default)]
    pub description: String,
    /// The publication date, a TOML date such as `2026-03-14`.
    pub date: toml::value::Datetime,
    /// A draft is left out unless the build asks for drafts.
    #[serde(default)]
    pub draft: bool,
}

/// A post split into its parsed header and its body.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedPost<'a> {
    /// The parsed front matter.
    pub front_matter: FrontMatter,
    /// The Markdown after the closing `+++`.
    pub body: &'a str,
}

const FENCE: &str = "+++";

/// Parses the front matter of `file`, reporting problems at their line in the file.
pub fn parse(file: &SourceFile) -> Result<ParsedPost<'_>, Diagnostic> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let bom = file.text.len() - text.len();
    let missing = || {
        Diagnostic::new(&file.path, 1, 1, "missing front matter")
            .with_help("start the file with a `+++` line, the TOML keys, and another `+++` line")
    };
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != FENCE {
        return Err(missing());
    }
    let header_start = first_line_end;
    let mut offset = header_start;
    let header_end = loop {
        let Some(rest) = text.get(offset..).filter(|r| !r.is_empty()) else {
            return Err(
                Diagnostic::new(&file.path, 1, 1, "front matter is never closed")
                    .with_help("add a `+++` line after the last front matter key"),
            );
        };
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        if rest[..line_end].trim_end() == FENCE {
            break (offset, offset + line_end);
        }
        offset += line_end;
    };
    let header = &text[header_start..header_end.0];
    let body = &text[header_end.1..];
    let front_matter: FrontMatter = toml::from_str(header).map_err(|e| {
        let at = bom + header_start + e.span().map_or(0, |s| s.start);
        let (line, column) = line_column(&file.text, at);
        Diagnostic::new(
            &file.path,
            line,
            column,
            e.message().trim_end().to_lowercase(),
        )
        .with_help("front matter is TOML: `key = \"value\"`, one key a line")
    })?;
    Ok(ParsedPost { front_matter, body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "posts/a.md".into(),
            slug: "a".into(),
            text: text.into(),
        }
    }

    fn error(text: &str) -> String {
        parse(&file(text)).unwrap_err().to_string()
    }

    #[test]
    fn splits_header_and_body() {
        let f = file("+++\ntitle = \"A\"\ndate = 2026-03-14\n+++\nBody\n");
        let post = parse(&f).unwrap();
        assert_eq!(post.front_matter.title, "A");
        assert_eq!(post.front_matter.date.to_string(), "2026-03-14");
        assert_eq!(post.body, "Body\n");
    }

    #[test]
    fn accepts_a_bom_and_crlf() {
        let f = file("\u{feff}+++\r\ntitle = \"A\"\r\ndate = 2026-03-14\r\n+++\r\nBody\r\n");
        assert_eq!(parse(&f).unwrap().front_matter.title, "A");
    }

    #[test]
    fn reports_a_missing_header() {
        assert!(
            error("# Just markdown\n").starts_with("posts/a.md:1:1: error: missing front matter")
        );
    }

    #[test]
    fn reports_an_unclosed_header() {
        assert!(
            error("+++\ntitle = \"A\"\n")
                .starts_with("posts/a.md:1:1: error: front matter is never closed")
        );
    }

    #[test]
    fn reports_toml_errors_at_their_line_in_the_file() {
        let message = error("+++\ntitle = \"A\"\ndate = 2026-03-14\ndescription = oops\n+++\n");
        assert!(message.starts_with("posts/a.md:4:15: error: "), "{message}");
    }

    #[test]
    fn reports_a_missing_title() {
        let message = error("+++\ndate = 2026-03-14\n+++\n");
        assert!(
            message.contains("error: missing field `title`"),
            "{message}"
        );
    }
}
