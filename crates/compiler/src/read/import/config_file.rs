//! A generator's configuration file (TOML, YAML or JSON) read into one tree of values,
//! with its mistakes reported at their line.

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Location, lowercase_first};
use crate::read::source::TextFile;

/// The syntax of a configuration file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Toml,
    Yaml,
    Json,
}

impl Syntax {
    /// The syntax of a file named `name`, if it is a configuration file's.
    pub fn of(name: &str) -> Option<Syntax> {
        match name.rsplit_once('.')?.1 {
            "toml" => Some(Syntax::Toml),
            "yaml" | "yml" => Some(Syntax::Yaml),
            "json" => Some(Syntax::Json),
            _ => None,
        }
    }
}

/// The values of `file`, a table at its top.
pub fn parse(file: &TextFile, syntax: Syntax) -> Result<Map<String, Value>, Diagnostic> {
    let at = |offset: usize| Location::at_offset(&file.path, &file.text, offset);
    let value: Value = match syntax {
        Syntax::Toml => toml::from_str(&file.text).map_err(|e| {
            at(e.span().map_or(0, |s| s.start))
                .error(lowercase_first(e.message().trim_end()))
                .with_help("this file is TOML: `key = \"value\"`, one key a line")
        })?,
        Syntax::Yaml if file.text.trim().is_empty() => Value::Object(Map::new()),
        Syntax::Yaml => serde_saphyr::from_str(&file.text).map_err(|e| {
            let (line, column) = e
                .location()
                .map_or((1, 1), |l| (l.line() as usize, l.column() as usize));
            let message = e.without_snippet().to_string();
            let message = message.split(" at line ").next().unwrap_or(&message);
            Location {
                path: file.path.clone(),
                line: line.max(1),
                column: column.max(1),
            }
            .error(lowercase_first(message.trim_end()))
            .with_help("this file is YAML: `key: value`, one key a line")
        })?,
        Syntax::Json => serde_json::from_str(&file.text).map_err(|e| {
            Location {
                path: file.path.clone(),
                line: e.line().max(1),
                column: e.column().max(1),
            }
            .error(lowercase_first(&e.to_string()))
            .with_help("this file is JSON")
        })?,
    };
    match value {
        Value::Object(table) => Ok(table),
        _ => Err(Location::file(&file.path)
            .error("this configuration is not a table of settings")
            .with_help("write one `key = value` setting a line")),
    }
}

/// `table` with every key lowercased, at every depth: Hugo's keys are case-insensitive
/// (`baseURL`, `baseurl`).
pub fn lowercase_keys(table: Map<String, Value>) -> Map<String, Value> {
    fn lower(value: Value) -> Value {
        match value {
            Value::Object(table) => Value::Object(lowercase_keys(table)),
            Value::Array(items) => Value::Array(items.into_iter().map(lower).collect()),
            other => other,
        }
    }
    table
        .into_iter()
        .map(|(key, value)| (key.to_lowercase(), lower(value)))
        .collect()
}

/// Puts `addition` into `table` where `table` has nothing yet, table by table.
pub fn merge_missing(table: &mut Map<String, Value>, addition: Map<String, Value>) {
    for (key, value) in addition {
        match (table.get_mut(&key), value) {
            (Some(Value::Object(mine)), Value::Object(theirs)) => merge_missing(mine, theirs),
            (Some(_), _) => {}
            (None, value) => {
                table.insert(key, value);
            }
        }
    }
}

/// The value at a path of keys (`["params", "description"]`).
pub fn at<'v>(table: &'v Map<String, Value>, path: &[&str]) -> Option<&'v Value> {
    let (first, rest) = path.split_first()?;
    let value = table.get(*first)?;
    match rest {
        [] => Some(value),
        _ => at(value.as_object()?, rest),
    }
}

/// The text at a path of keys, if it is text.
pub fn text(table: &Map<String, Value>, path: &[&str]) -> Option<String> {
    at(table, path)?.as_str().map(str::to_owned)
}

/// The whole number at a path of keys (a number, or a number written as text).
pub fn integer(table: &Map<String, Value>, path: &[&str]) -> Option<i64> {
    match at(table, path)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// The yes-or-no at a path of keys.
pub fn boolean(table: &Map<String, Value>, path: &[&str]) -> Option<bool> {
    at(table, path)?.as_bool()
}

/// The texts at a path of keys: one text, or a list of them.
pub fn texts(table: &Map<String, Value>, path: &[&str]) -> Option<Vec<String>> {
    match at(table, path)? {
        Value::String(s) => Some(vec![s.clone()]),
        Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> TextFile {
        TextFile {
            path: name.into(),
            relative: name.into(),
            text: text.into(),
            ..TextFile::default()
        }
    }

    #[test]
    fn reads_the_three_syntaxes_into_one_tree() {
        let toml = parse(
            &file("a.toml", "title = \"T\"\n[params]\nx = 1\n"),
            Syntax::Toml,
        );
        let yaml = parse(&file("a.yaml", "title: T\nparams:\n  x: 1\n"), Syntax::Yaml);
        let json = parse(
            &file("a.json", r#"{"title":"T","params":{"x":1}}"#),
            Syntax::Json,
        );
        assert_eq!(toml, yaml);
        assert_eq!(yaml, json);
        let table = toml.unwrap();
        assert_eq!(text(&table, &["title"]).as_deref(), Some("T"));
        assert_eq!(integer(&table, &["params", "x"]), Some(1));
    }

    #[test]
    fn reports_mistakes_at_their_line() {
        let error = parse(&file("hugo.yaml", "title: T\nparams: [\n"), Syntax::Yaml).unwrap_err();
        assert!(error.to_string().starts_with("hugo.yaml:"), "{error}");
        let error = parse(&file("config.toml", "title = \"T\"\nx = \n"), Syntax::Toml)
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("config.toml:2:"), "{error}");
    }

    #[test]
    fn lowercases_keys_and_merges_what_is_missing() {
        let mut table = lowercase_keys(
            parse(
                &file("a.toml", "baseURL = \"/\"\n[Params]\nA = 1\n"),
                Syntax::Toml,
            )
            .unwrap(),
        );
        assert_eq!(text(&table, &["baseurl"]).as_deref(), Some("/"));
        merge_missing(
            &mut table,
            parse(
                &file("b.toml", "baseurl = \"x\"\n[params]\nb = 2\n"),
                Syntax::Toml,
            )
            .unwrap(),
        );
        assert_eq!(text(&table, &["baseurl"]).as_deref(), Some("/"));
        assert_eq!(integer(&table, &["params", "a"]), Some(1));
        assert_eq!(integer(&table, &["params", "b"]), Some(2));
    }
}
