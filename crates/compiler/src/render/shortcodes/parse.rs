//! Reading shortcodes as written: Hugo's `{{< name args >}}` and `{{% name %}}`, Zola's
//! `{{ name(key=value) }}` and `{% name() %}...{% end %}`, and where code is (Zola
//! leaves shortcodes in code as text).

use pulldown_cmark::{Event, Options, Parser, Tag};

/// The byte ranges of code (blocks and spans), where Zola leaves shortcodes as text.
pub(super) fn code_ranges(body: &str) -> Vec<(usize, usize)> {
    let mut ranges = Vec::new();
    let mut block: Option<usize> = None;
    for (event, range) in Parser::new_ext(body, Options::all()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) => block = Some(range.start),
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => {
                if let Some(start) = block.take() {
                    ranges.push((start, range.end));
                }
            }
            Event::Code(_) => ranges.push((range.start, range.end)),
            _ => {}
        }
    }
    ranges
}

/// One shortcode as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Call {
    pub(super) name: String,
    /// Positional arguments, in order.
    pub(super) positional: Vec<String>,
    /// Named arguments.
    pub(super) named: Vec<(String, String)>,
    /// Zola's arguments as written (`"a"`, `3`, `true`, `[1, 2]`), for templates.
    pub(super) values: Vec<(String, String)>,
    /// Where it starts and ends in the body.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) closing: bool,
    /// Written as text: Hugo's `{{</* name */>}}`.
    pub(super) escaped: bool,
    /// `{{%`, whose inner content Hugo renders as Markdown.
    pub(super) markdown: bool,
    /// Zola's `{{ name() }}`, which has no inner content.
    pub(super) inline: bool,
    pub(super) zola: bool,
}

impl Call {
    pub(super) fn arg(&self, name: &str, position: usize) -> Option<&str> {
        self.named
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .or_else(|| self.positional.get(position).map(String::as_str))
    }

    pub(super) fn named(&self, name: &str) -> Option<&str> {
        self.arg(name, usize::MAX)
    }
}

/// Parses the Hugo shortcode that starts at `start` (`{{<` or `{{%`); `None` when it is
/// not one (no closing delimiter before `end`, or no name).
pub(super) fn parse_hugo(body: &str, start: usize, end: usize) -> Option<Call> {
    let markdown = body[start..].starts_with("{{%");
    let close = if markdown { "%}}" } else { ">}}" };
    let open_len = 3;
    let inside_end = find_outside_quotes(body, start + open_len, end, close)?;
    let mut inside = body[start + open_len..inside_end].trim();
    let escaped = inside.starts_with("/*") && inside.ends_with("*/");
    if escaped {
        inside = inside[2..inside.len() - 2].trim();
    }
    let closing = inside.starts_with('/');
    let inside = inside.trim_start_matches('/').trim();
    let inside = inside.strip_suffix('/').unwrap_or(inside).trim_end();
    let mut words = split_arguments(inside).into_iter();
    let name = words.next()?;
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.'))
    {
        return None;
    }
    let (mut positional, mut named) = (Vec::new(), Vec::new());
    for word in words {
        match word.split_once('=') {
            Some((key, value)) if !key.is_empty() && !key.starts_with(['"', '`']) => {
                named.push((key.to_owned(), unquote(value)));
            }
            _ => positional.push(unquote(&word)),
        }
    }
    Some(Call {
        name,
        positional,
        named,
        values: Vec::new(),
        start,
        end: inside_end + close.len(),
        closing,
        escaped,
        markdown,
        inline: false,
        zola: false,
    })
}

/// Parses the Zola shortcode at `start`: `{{ name(key=value, ...) }}`,
/// `{% name(...) %}` or `{% end %}`.
pub(super) fn parse_zola(body: &str, start: usize, end: usize) -> Option<Call> {
    let inline = body[start..].starts_with("{{");
    let close = if inline { "}}" } else { "%}" };
    let inside_end = find_outside_quotes(body, start + 2, end, close)?;
    let inside = body[start + 2..inside_end].trim();
    let call_end = inside_end + close.len();
    if !inline && inside == "end" {
        return Some(Call {
            name: "end".into(),
            positional: Vec::new(),
            named: Vec::new(),
            values: Vec::new(),
            start,
            end: call_end,
            closing: true,
            escaped: false,
            markdown: true,
            inline: false,
            zola: true,
        });
    }
    let escaped = inside.starts_with("/*") && inside.ends_with("*/");
    let inside = if escaped {
        inside[2..inside.len() - 2].trim()
    } else {
        inside
    };
    let open = inside.find('(')?;
    let name = inside[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let args = inside[open + 1..].strip_suffix(')')?;
    let values: Vec<(String, String)> = split_zola_arguments(args)
        .into_iter()
        .filter_map(|arg| {
            let (key, value) = arg.split_once('=')?;
            Some((key.trim().to_owned(), value.trim().to_owned()))
        })
        .collect();
    let named = values
        .iter()
        .map(|(key, value)| (key.clone(), unquote(value)))
        .collect();
    Some(Call {
        name: name.to_owned(),
        positional: Vec::new(),
        named,
        values,
        start,
        end: call_end,
        closing: false,
        escaped,
        markdown: true,
        inline,
        zola: true,
    })
}

/// The first `needle` in `body[from..end]` outside `"`, `'` and `` ` `` quotes.
fn find_outside_quotes(body: &str, from: usize, end: usize, needle: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in body[from..end].char_indices() {
        let at = from + i;
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && q == '"' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if body[at..end].starts_with(needle) => return Some(at),
            // Another shortcode's opening inside this one: this is not a shortcode.
            None if body[at..end].starts_with("{{") && at > from => return None,
            None if matches!(c, '"' | '`') => quote = Some(c),
            None => {}
        }
    }
    None
}

/// Hugo's arguments: words split at white space, quoted values (`"a b"`, `` `a b` ``)
/// kept whole, `key="value"` one word.
fn split_arguments(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) if c == q => {
                quote = None;
                word.push(c);
            }
            Some(_) => word.push(c),
            None if c.is_whitespace() => {
                if !word.is_empty() {
                    words.push(std::mem::take(&mut word));
                }
            }
            None if matches!(c, '"' | '`') => {
                quote = Some(c);
                word.push(c);
            }
            None => word.push(c),
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Zola's arguments: `key=value` pairs split at commas outside quotes and brackets, or
/// only at white space before the next `key=`, as Zola reads them too
/// (`figure(src="a.png" caption="A")`).
fn split_zola_arguments(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut arg = String::new();
    let mut quote: Option<char> = None;
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if matches!(c, '"' | '\'' | '`') => quote = Some(c),
            None if c == '[' => depth += 1,
            None if c == ']' => depth -= 1,
            None if c == ',' && depth == 0 => {
                args.push(std::mem::take(&mut arg));
                continue;
            }
            None if c.is_whitespace()
                && depth == 0
                && arg.contains('=')
                && starts_with_key(&text[i..]) =>
            {
                args.push(std::mem::take(&mut arg));
                continue;
            }
            None => {}
        }
        arg.push(c);
    }
    if !arg.trim().is_empty() {
        args.push(arg);
    }
    args
}

/// Whether `text` starts, after white space, with a `key=`.
fn starts_with_key(text: &str) -> bool {
    let text = text.trim_start();
    let key_end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    key_end > 0 && text[key_end..].trim_start().starts_with('=')
}

fn unquote(value: &str) -> String {
    let value = value.trim();
    for q in ['"', '\'', '`'] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return if q == '"' {
                inner.replace("\\\"", "\"")
            } else {
                inner.to_owned()
            };
        }
    }
    value.to_owned()
}

/// A Zola argument's value as written, as the value a template reads: a string (in any
/// of Zola's quotes), a boolean, a number, or an array of these.
pub(super) fn zola_value(written: &str) -> serde_json::Value {
    use serde_json::Value;
    let written = written.trim();
    if let Some(items) = written.strip_prefix('[').and_then(|w| w.strip_suffix(']')) {
        return Value::Array(
            split_zola_arguments(items)
                .iter()
                .filter(|item| !item.trim().is_empty())
                .map(|item| zola_value(item))
                .collect(),
        );
    }
    match written {
        "true" => return Value::Bool(true),
        "false" => return Value::Bool(false),
        _ => {}
    }
    if written.starts_with(['"', '\'', '`']) {
        return Value::String(unquote(written));
    }
    if let Ok(integer) = written.parse::<i64>() {
        return Value::from(integer);
    }
    match written.parse::<f64>() {
        Ok(float) => Value::from(float),
        Err(_) => Value::String(written.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_zola_values_as_templates_see_them() {
        use serde_json::json;
        assert_eq!(zola_value("\"a, b\""), json!("a, b"));
        assert_eq!(zola_value("'x'"), json!("x"));
        assert_eq!(zola_value("true"), json!(true));
        assert_eq!(zola_value("640"), json!(640));
        assert_eq!(zola_value("0.5"), json!(0.5));
        assert_eq!(zola_value("[1, \"two\", [3]]"), json!([1, "two", [3]]));
    }

    #[test]
    fn reads_zola_arguments_with_or_without_commas() {
        let written = r#"{{ figure(src="go.jpg" caption="A, b", n=2,x='y = z') }}"#;
        let call = parse_zola(written, 0, written.len()).expect("a call");
        let values: Vec<(&str, &str)> = call
            .values
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            values,
            [
                ("src", "\"go.jpg\""),
                ("caption", "\"A, b\""),
                ("n", "2"),
                ("x", "'y = z'")
            ]
        );
    }
}
