//! Splits a page into its front matter (TOML between `+++` lines, YAML between `---`
//! lines) and its Markdown body, and reads the front matter: the keys Folio knows with
//! their Zola and Hugo aliases, and every other key kept as it is under `extra`.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostic::{Diagnostic, Location, key_location, line_column, lowercase_first};
use crate::read::source::TextFile;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Between `+++` lines.
    Toml,
    /// Between `---` lines.
    Yaml,
}

/// The keys of a post's front matter, as written: aliases already folded, nothing
/// validated yet.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct FrontMatter {
    pub title: Option<String>,
    #[serde(alias = "summary")]
    pub description: Option<String>,
    #[serde(alias = "publishDate", alias = "publishdate")]
    pub date: Option<DateText>,
    #[serde(alias = "lastmod", alias = "lastMod")]
    pub updated: Option<DateText>,
    pub draft: Option<bool>,
    #[serde(deserialize_with = "one_or_many")]
    pub authors: Vec<String>,
    pub author: Option<String>,
    pub category: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub categories: Vec<String>,
    pub tags: Option<Vec<String>>,
    pub taxonomies: Option<Taxonomies>,
    pub slug: Option<String>,
    pub image: Option<ImageRef>,
    pub next_paths: Option<Vec<NextPathRef>>,
    pub related: Vec<String>,
    #[serde(alias = "translationKey", alias = "translationkey")]
    pub translation_key: Option<String>,
    pub aliases: Vec<String>,
    /// Zola's URL of the page.
    pub path: Option<String>,
    /// Hugo's URL of the page.
    pub url: Option<String>,
    /// Hugo's `images`: the first is the page's image in link previews.
    #[serde(deserialize_with = "one_or_many")]
    pub images: Vec<String>,
    pub lang: Option<String>,
    pub template: Option<String>,
    /// Every key Folio does not know (and the contents of a Zola `[extra]` table).
    #[serde(skip)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Zola's `[taxonomies]` table.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct Taxonomies {
    pub categories: Vec<String>,
    pub tags: Vec<String>,
}

/// `image = { src, alt }`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ImageRef {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
}

/// One entry of `next_paths`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NextPathRef {
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub href: String,
}

/// A date as written: a TOML date or date-time, or a string (YAML, quoted TOML).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateText(pub String);

/// Keys read into [`FrontMatter`]; everything else goes to `extra`.
const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "summary",
    "date",
    "publishDate",
    "publishdate",
    "updated",
    "lastmod",
    "lastMod",
    "draft",
    "authors",
    "author",
    "category",
    "categories",
    "tags",
    "taxonomies",
    "slug",
    "image",
    "next_paths",
    "related",
    "translation_key",
    "translationKey",
    "translationkey",
    "aliases",
    "path",
    "url",
    "images",
    "lang",
    "template",
    "extra",
];

/// A page split into its front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<'a> {
    /// The file.
    pub file: &'a TextFile,
    /// The front matter's syntax.
    pub format: Format,
    /// The front matter.
    pub front_matter: FrontMatter,
    /// Byte offset of the front matter's first line in the file.
    pub header_offset: usize,
    /// Byte offset of the closing fence line.
    pub header_end: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
}

impl Page<'_> {
    /// Where `key` is written in the front matter (its first line when absent); nested
    /// keys are found by their last segment (`taxonomies.tags` by `tags`).
    pub fn locate(&self, key: &str) -> Location {
        let name = key.rsplit('.').next().unwrap_or(key);
        let (path, text) = (&self.file.path, &self.file.text);
        key_location(path, text, self.header_offset..self.header_end, name)
            .unwrap_or_else(|| Location::at_offset(path, text, self.header_offset))
    }

    /// The place of byte `offset` of the body.
    pub fn body_location(&self, offset: usize) -> Location {
        Location::at_offset(&self.file.path, &self.file.text, self.body_offset + offset)
    }
}

fn fence(format: Format) -> &'static str {
    match format {
        Format::Toml => "+++",
        Format::Yaml => "---",
    }
}

/// Splits and reads the front matter of `file`.
pub fn parse(file: &TextFile) -> Result<Page<'_>, Diagnostic> {
    let text = file.text.as_str();
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let format = match text[..first_end].trim_end() {
        "+++" => Format::Toml,
        "---" => Format::Yaml,
        _ => {
            return Err(Location::file(&file.path)
                .error("missing front matter")
                .with_help("start the file with a `+++` line, `title = \"...\"` and the other keys, and another `+++` line"));
        }
    };
    let header_offset = first_end;
    let mut offset = header_offset;
    let (header_end, body_offset) = loop {
        if offset >= text.len() {
            return Err(Location::file(&file.path)
                .error("front matter is never closed")
                .with_help(format!(
                    "add a `{}` line after the last front matter key",
                    fence(format)
                )));
        }
        let line_end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        if text[offset..line_end].trim_end() == fence(format) {
            break (offset, line_end);
        }
        offset = line_end;
    };
    let header = &text[header_offset..header_end];
    let at = |relative: usize| Location::at_offset(&file.path, text, header_offset + relative);
    let (mut front_matter, extra) = match format {
        Format::Toml => read_toml(header).map_err(|(relative, message)| {
            at(relative).error(message).with_help(
                "front matter between `+++` lines is TOML: `key = \"value\"`, one key a line",
            )
        })?,
        Format::Yaml => read_yaml(header).map_err(|(line, column, message)| {
            let (first_line, _) = line_column(text, header_offset);
            Location {
                path: file.path.clone(),
                line: first_line + line - 1,
                column,
            }
            .error(message)
            .with_help("front matter between `---` lines is YAML: `key: value`, one key a line")
        })?,
    };
    front_matter.extra = extra;
    Ok(Page {
        file,
        format,
        front_matter,
        header_offset,
        header_end,
        body: &text[body_offset..],
        body_offset,
    })
}

type Extra = BTreeMap<String, serde_json::Value>;

fn read_toml(header: &str) -> Result<(FrontMatter, Extra), (usize, String)> {
    let error = |e: toml::de::Error| {
        (
            e.span().map_or(0, |s| s.start),
            lowercase_first(e.message().trim_end()),
        )
    };
    let front_matter: FrontMatter = toml::from_str(header).map_err(error)?;
    let table: toml::Table = toml::from_str(header).map_err(error)?;
    let json = table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect();
    Ok((front_matter, unknown_keys(json)))
}

fn read_yaml(header: &str) -> Result<(FrontMatter, Extra), (usize, usize, String)> {
    let error = |e: serde_saphyr::Error| {
        let (line, column) = e
            .location()
            .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
        let message = e.without_snippet().to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .trim_end()
            .to_owned();
        (line.max(1), column.max(1), lowercase_first(&message))
    };
    if header.trim().is_empty() {
        return Ok((FrontMatter::default(), Extra::new()));
    }
    let front_matter: FrontMatter = serde_saphyr::from_str(header).map_err(error)?;
    let json: BTreeMap<String, serde_json::Value> =
        serde_saphyr::from_str(header).map_err(error)?;
    Ok((front_matter, unknown_keys(json)))
}

/// The keys Folio does not know, with a Zola `extra` table's keys brought up beside them.
fn unknown_keys(all: BTreeMap<String, serde_json::Value>) -> Extra {
    let mut extra = Extra::new();
    for (key, value) in all {
        if key == "extra" {
            if let serde_json::Value::Object(table) = value {
                extra.extend(table);
            }
        } else if !KNOWN_KEYS.contains(&key.as_str()) {
            extra.insert(key, value);
        }
    }
    extra
}

fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => J::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

/// Accepts a string or a list of strings (Hugo's `author: Name`, `categories: X`).
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string or a list of strings")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(vec![v.to_owned()])
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                items.push(item);
            }
            Ok(items)
        }
    }
    deserializer.deserialize_any(OneOrMany)
}

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date such as 2026-03-14")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(DateText(v.trim().to_owned()))
            }
            // A TOML date arrives as a one-entry map holding its text.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let Some((_, text)) = map.next_entry::<String, String>()? else {
                    return Err(de::Error::custom("expected a date such as 2026-03-14"));
                };
                Ok(DateText(text))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> TextFile {
        TextFile {
            path: "posts/a.md".into(),
            relative: "posts/a.md".into(),
            text: text.into(),
            ..TextFile::default()
        }
    }

    fn error(text: &str) -> String {
        parse(&file(text)).unwrap_err().to_string()
    }

    fn front_matter(text: &str) -> FrontMatter {
        let f = file(text);
        parse(&f).unwrap().front_matter
    }

    #[test]
    fn splits_toml_header_and_body() {
        let f = file("+++\ntitle = \"A\"\ndate = 2026-03-14\n+++\nBody\n");
        let page = parse(&f).unwrap();
        assert_eq!(page.format, Format::Toml);
        assert_eq!(page.front_matter.title.as_deref(), Some("A"));
        assert_eq!(page.front_matter.date, Some(DateText("2026-03-14".into())));
        assert_eq!(page.body, "Body\n");
        assert_eq!(page.body_location(0).line, 5);
    }

    #[test]
    fn reads_yaml_with_hugo_aliases() {
        let fm = front_matter(
            "---\ntitle: A\ndate: 2026-01-20\nlastmod: \"2026-02-01\"\nauthor: Mara Bos\ncategories: [News, Other]\nsummary: Dek\n---\nBody",
        );
        assert_eq!(fm.title.as_deref(), Some("A"));
        assert_eq!(fm.date, Some(DateText("2026-01-20".into())));
        assert_eq!(fm.updated, Some(DateText("2026-02-01".into())));
        assert_eq!(fm.author.as_deref(), Some("Mara Bos"));
        assert_eq!(fm.categories, ["News", "Other"]);
        assert_eq!(fm.description.as_deref(), Some("Dek"));
    }

    #[test]
    fn reads_zola_taxonomies_and_keeps_unknown_keys_under_extra() {
        let fm = front_matter(
            "+++\ntitle = \"A\"\npath = \"2019/09/30/a\"\nmood = \"calm\"\n[taxonomies]\ntags = [\"x\"]\n[extra]\nteam = \"Release\"\n+++\n",
        );
        assert_eq!(fm.taxonomies.unwrap().tags, ["x"]);
        assert_eq!(fm.path.as_deref(), Some("2019/09/30/a"));
        assert_eq!(fm.extra["mood"], "calm");
        assert_eq!(fm.extra["team"], "Release");
        assert!(!fm.extra.contains_key("title"));
    }

    #[test]
    fn accepts_crlf() {
        let fm = front_matter(
            "+++\r\ntitle = \"A\"\r\ndate = 2026-03-14T10:00:00+01:00\r\n+++\r\nBody\r\n",
        );
        assert_eq!(fm.date, Some(DateText("2026-03-14T10:00:00+01:00".into())));
    }

    #[test]
    fn reports_a_missing_or_unclosed_header() {
        assert!(
            error("# Just markdown\n").starts_with("posts/a.md:1:1: error: missing front matter")
        );
        assert!(
            error("+++\ntitle = \"A\"\n")
                .starts_with("posts/a.md:1:1: error: front matter is never closed")
        );
    }

    #[test]
    fn reports_toml_errors_at_their_line_in_the_file() {
        let message = error("+++\ntitle = \"A\"\ndate = 2026-03-14\ndescription = oops\n+++\n");
        assert!(message.starts_with("posts/a.md:4:15: error: "), "{message}");
        let message = error("+++\ntitle = 42\n+++\n");
        assert!(
            message.starts_with(
                "posts/a.md:2:9: error: invalid type: integer `42`, expected a string"
            ),
            "{message}"
        );
    }

    #[test]
    fn reports_yaml_errors_at_their_line_in_the_file() {
        let message = error("---\ntitle: A\ntags: [unclosed\n---\n");
        assert!(message.starts_with("posts/a.md:"), "{message}");
        assert!(!message.contains("at line"), "{message}");
        let line: usize = message.split(':').nth(1).unwrap().parse().unwrap();
        assert!((3..=4).contains(&line), "{message}");
    }

    #[test]
    fn locates_keys_for_later_checks() {
        let f =
            file("+++\ntitle = \"A\"\n  date = 2026-02-28\n[taxonomies]\ntags = [\"x\"]\n+++\n");
        let page = parse(&f).unwrap();
        let at = page.locate("date");
        assert_eq!((at.line, at.column), (3, 3));
        assert_eq!(page.locate("taxonomies.tags").line, 5);
        assert_eq!(page.locate("absent").line, 2);
    }
}
