//! Hugo's and Zola's shortcodes, turned into the Markdown and HTML a reader expects
//! before the body is rendered: Hugo's built-in ones (`figure`, `youtube`, `vimeo`,
//! `x`/`tweet`, `gist`, `highlight`, `param`, `ref`, `relref`, `details`), Docsy's
//! (`alert`, `pageinfo`, `imgproc`), the `note` and `gallery` of common themes, and
//! Zola's `youtube`, `vimeo` and `gist`. Embeds are link cards: nothing loads from the
//! third party until the reader follows the link, and the page keeps its strict CSP.
//! Any other shortcode is left out with a warning, its inner content kept as Markdown.
//!
//! The expanded body keeps a map back to the written one, so that problems found while
//! rendering it are reported at the author's line.

use std::borrow::Cow;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::render::markdown::BodyProblem;

/// Which shortcodes a body is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// `{{< name >}}` and `{{% name %}}`, everywhere as Hugo reads them (code blocks
    /// too; `{{</* name */>}}` is the shortcode written out as text).
    Hugo,
    /// `{{ name(...) }}` and `{% name(...) %}...{% end %}`, outside code.
    Zola,
    /// Folio's own content, brought over from either: both, outside code.
    Both,
}

/// What expanding needs from the page.
pub struct Context<'a> {
    pub dialect: Dialect,
    /// The files of the page's bundle, relative to its folder (`images/a.png`), for
    /// `imgproc` and `gallery`.
    pub bundle_files: &'a [String],
    /// The page's folder in its content tree, for `ref` and `relref`.
    pub folder: &'a str,
    /// The value of a front matter or site parameter, for `param`.
    pub param: &'a dyn Fn(&str) -> Option<String>,
}

/// A body with its shortcodes expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expanded<'a> {
    pub text: Cow<'a, str>,
    /// Where each run of the expanded text comes from: its start, the written offset
    /// it maps to, and whether it was copied (else it was generated at that offset).
    spans: Vec<(usize, usize, bool)>,
    /// The shortcodes Folio does not know, as warnings.
    pub problems: Vec<BodyProblem>,
}

impl Expanded<'_> {
    /// The offset in the written body of `offset` in the expanded one.
    pub fn written_offset(&self, offset: usize) -> usize {
        let at = self.spans.partition_point(|&(start, _, _)| start <= offset);
        match at.checked_sub(1).map(|i| self.spans[i]) {
            Some((start, written, true)) => written + (offset - start),
            Some((_, written, false)) => written,
            None => offset,
        }
    }
}

/// Expands the shortcodes of `body`.
pub fn expand<'a>(body: &'a str, cx: &Context<'_>) -> Expanded<'a> {
    let hugo = body.contains("{{<") || body.contains("{{%");
    let zola = body.contains("{{") || body.contains("{%");
    let wanted = match cx.dialect {
        Dialect::Hugo => hugo,
        Dialect::Zola => zola,
        Dialect::Both => hugo || zola,
    };
    if !wanted {
        return Expanded {
            text: Cow::Borrowed(body),
            spans: Vec::new(),
            problems: Vec::new(),
        };
    }
    let code = match cx.dialect {
        Dialect::Hugo => Vec::new(),
        Dialect::Zola | Dialect::Both => code_ranges(body),
    };
    let mut writer = Writer {
        body,
        code: &code,
        cx,
        text: String::with_capacity(body.len() + 256),
        spans: Vec::new(),
        problems: Vec::new(),
    };
    writer.range(0, body.len());
    Expanded {
        text: Cow::Owned(writer.text),
        spans: writer.spans,
        problems: writer.problems,
    }
}

/// The byte ranges of code (blocks and spans), where Zola leaves shortcodes as text.
fn code_ranges(body: &str) -> Vec<(usize, usize)> {
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
struct Call {
    name: String,
    /// Positional arguments, in order.
    positional: Vec<String>,
    /// Named arguments.
    named: Vec<(String, String)>,
    /// Where it starts and ends in the body.
    start: usize,
    end: usize,
    closing: bool,
    /// Written as text: Hugo's `{{</* name */>}}`.
    escaped: bool,
    /// `{{%`, whose inner content Hugo renders as Markdown.
    markdown: bool,
    /// Zola's `{{ name() }}`, which has no inner content.
    inline: bool,
    zola: bool,
}

impl Call {
    fn arg(&self, name: &str, position: usize) -> Option<&str> {
        self.named
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
            .or_else(|| self.positional.get(position).map(String::as_str))
    }

    fn named(&self, name: &str) -> Option<&str> {
        self.arg(name, usize::MAX)
    }
}

struct Writer<'b, 'c> {
    body: &'b str,
    code: &'b [(usize, usize)],
    cx: &'b Context<'c>,
    text: String,
    spans: Vec<(usize, usize, bool)>,
    problems: Vec<BodyProblem>,
}

impl Writer<'_, '_> {
    fn copy(&mut self, start: usize, end: usize) {
        if start < end {
            self.spans.push((self.text.len(), start, true));
            self.text.push_str(&self.body[start..end]);
        }
    }

    fn generate(&mut self, text: &str, at: usize) {
        self.spans.push((self.text.len(), at, false));
        self.text.push_str(text);
    }

    fn in_code(&self, offset: usize) -> bool {
        self.code.iter().any(|&(s, e)| s <= offset && offset < e)
    }

    /// Writes `body[start..end]` with its shortcodes expanded.
    fn range(&mut self, start: usize, end: usize) {
        let mut at = start;
        let mut search = start;
        while let Some(call) = self.next_call(search, end) {
            if self.in_code(call.start) {
                search = call.start + 2;
                continue;
            }
            self.copy(at, call.start);
            if call.escaped {
                let inner = &self.body[call.start..call.end];
                let text = inner.replacen("/*", "", 1).replacen("*/", "", 1);
                self.generate(&text, call.start);
                at = call.end;
                search = at;
                continue;
            }
            if call.closing {
                // A closing tag without its opening one: left out.
                self.unknown(&call, "a closing shortcode without its opening one");
                at = call.end;
                search = at;
                continue;
            }
            let closing = if call.inline {
                None
            } else {
                self.find_closing(&call, end)
            };
            let (inner, after) = match &closing {
                Some(close) => (Some((call.end, close.start)), close.end),
                None => (None, call.end),
            };
            self.call(&call, inner);
            at = after;
            search = at;
        }
        self.copy(at, end);
    }

    /// The next shortcode at or after `from`, before `end`.
    fn next_call(&self, from: usize, end: usize) -> Option<Call> {
        let mut from = from;
        while from < end {
            let rest = &self.body[from..end];
            let found = rest.find('{')?;
            let start = from + found;
            let tail = &self.body[start..end];
            let hugo = matches!(self.cx.dialect, Dialect::Hugo | Dialect::Both);
            let zola = matches!(self.cx.dialect, Dialect::Zola | Dialect::Both);
            if hugo && (tail.starts_with("{{<") || tail.starts_with("{{%")) {
                if let Some(call) = parse_hugo(self.body, start, end) {
                    return Some(call);
                }
            } else if zola
                && (tail.starts_with("{{") || tail.starts_with("{%"))
                && let Some(call) = parse_zola(self.body, start, end)
            {
                return Some(call);
            }
            from = start + 1;
        }
        None
    }

    /// The closing tag of `call` before `end`, counting nested calls of the same name.
    fn find_closing(&self, call: &Call, end: usize) -> Option<Call> {
        let mut depth = 0;
        let mut search = call.end;
        while let Some(next) = self.next_call(search, end) {
            search = next.end;
            if next.escaped || self.in_code(next.start) {
                continue;
            }
            let same = if call.zola {
                // `{% end %}` closes the innermost `{% name() %}`.
                next.zola && !next.inline
            } else {
                next.name == call.name
            };
            if !same {
                continue;
            }
            match (next.closing, depth) {
                (true, 0) => return Some(next),
                (true, _) => depth -= 1,
                (false, _) => depth += 1,
            }
        }
        None
    }

    /// Writes what `call` becomes, with its inner content (`body[start..end]`).
    fn call(&mut self, call: &Call, inner: Option<(usize, usize)>) {
        let at = call.start;
        let inner_text = inner.map_or("", |(s, e)| &self.body[s..e]);
        match (call.name.as_str(), call.zola) {
            ("youtube", _) => {
                let id = call.arg("id", 0).unwrap_or_default();
                let title = call.named("title").unwrap_or("the video");
                self.link_card(
                    &format!("https://www.youtube.com/watch?v={}", url_part(id)),
                    &format!("Watch {title} on YouTube"),
                    at,
                );
            }
            ("vimeo", _) => {
                let id = call.arg("id", 0).unwrap_or_default();
                let title = call.named("title").unwrap_or("the video");
                self.link_card(
                    &format!("https://vimeo.com/{}", url_part(id)),
                    &format!("Watch {title} on Vimeo"),
                    at,
                );
            }
            ("x" | "tweet" | "twitter", false) => {
                let user = call.arg("user", 0).unwrap_or_default();
                let id = call.arg("id", 1).unwrap_or_default();
                self.link_card(
                    &format!("https://x.com/{}/status/{}", url_part(user), url_part(id)),
                    &format!("Read the post by @{user} on X"),
                    at,
                );
            }
            ("gist", false) => {
                let user = call.arg("user", 0).unwrap_or_default();
                let id = call.arg("id", 1).unwrap_or_default();
                self.link_card(
                    &format!(
                        "https://gist.github.com/{}/{}",
                        url_part(user),
                        url_part(id)
                    ),
                    &format!("Read the gist {user}/{id} on GitHub"),
                    at,
                );
            }
            ("gist", true) => {
                let url = call.named("url").unwrap_or_default();
                self.link_card(url, "Read the gist on GitHub", at);
            }
            ("figure", false) => {
                let src = call.named("src").unwrap_or_default();
                let caption = call.named("caption").or(call.named("title"));
                let alt = call.named("alt").or(caption).unwrap_or_default();
                let image = format!("![{}]({})", markdown_text(alt), markdown_url(src));
                let image = match call.named("link") {
                    Some(link) => format!("[{image}]({})", markdown_url(link)),
                    None => image,
                };
                self.figure(&image, caption, at);
            }
            ("imgproc", false) => {
                let name = call.arg("src", 0).unwrap_or_default();
                let caption = inner_text.trim();
                match self.bundle_images(name).first() {
                    Some(file) => {
                        let image =
                            format!("![{}]({})", markdown_text(caption), markdown_url(file));
                        self.figure(&image, Some(caption).filter(|c| !c.is_empty()), at);
                    }
                    None => self.image_missing(call, name),
                }
                return;
            }
            ("gallery", false) => {
                let pattern = call.named("match").unwrap_or("*");
                let mut files = self.bundle_images(pattern);
                if call.named("sortorder") == Some("desc")
                    || call.named("sortOrder") == Some("desc")
                {
                    files.reverse();
                }
                if files.is_empty() {
                    self.image_missing(call, pattern);
                    return;
                }
                let images: Vec<String> = files
                    .iter()
                    .map(|file| format!("![]({})", markdown_url(file)))
                    .collect();
                self.generate(
                    &format!(
                        "\n\n<div class=\"gallery\">\n\n{}\n\n</div>\n\n",
                        images.join("\n")
                    ),
                    at,
                );
            }
            ("highlight", false) => {
                let language = call.arg("lang", 0).unwrap_or_default();
                let code = inner_text.trim_matches('\n');
                let fence = if code.contains("```") { "~~~~" } else { "```" };
                self.generate(&format!("\n{fence}{language}\n"), at);
                if let Some((start, _)) = inner {
                    let skipped = inner_text.len() - inner_text.trim_start_matches('\n').len();
                    self.copy(start + skipped, start + skipped + code.len());
                }
                self.generate(&format!("\n{fence}\n"), at);
                return;
            }
            ("param", false) => {
                let name = call.arg("name", 0).unwrap_or_default();
                match (self.cx.param)(name) {
                    Some(value) => self.generate(&value, at),
                    None => self.unknown(
                        call,
                        &format!("`param` names `{name}`, which the page and the site do not set"),
                    ),
                }
            }
            // Hugo's `comment` (and Docsy's) hides its inner content from the page.
            ("comment", false) => return,
            ("ref" | "relref", false) => {
                let target = call.arg("path", 0).unwrap_or_default();
                self.generate(&file_link(self.cx.folder, target), at);
            }
            ("details", false) => {
                let summary = call.named("summary").unwrap_or("Details");
                let open = if call.named("open") == Some("true") {
                    " open"
                } else {
                    ""
                };
                self.generate(
                    &format!(
                        "\n\n<details{open}><summary>{}</summary>\n\n",
                        html_text(summary)
                    ),
                    at,
                );
                self.inner(inner);
                self.generate("\n\n</details>\n\n", at);
                return;
            }
            ("alert" | "note" | "pageinfo" | "notice" | "callout" | "admonition", false) => {
                let kind = call
                    .named("color")
                    .or(call.named("type"))
                    .or(call.positional.first().map(String::as_str))
                    .unwrap_or("info");
                let kind: String = kind.chars().filter(char::is_ascii_alphanumeric).collect();
                self.generate(
                    &format!("\n\n<div class=\"callout callout-{kind}\" role=\"note\">\n\n"),
                    at,
                );
                if let Some(title) = call.named("title") {
                    self.generate(&format!("**{}**\n\n", markdown_text(title)), at);
                }
                self.inner(inner);
                self.generate("\n\n</div>\n\n", at);
                return;
            }
            _ => {
                self.unknown(
                    call,
                    &format!("shortcode `{}` is not one Folio knows", call.name),
                );
                self.inner(inner);
                return;
            }
        }
        // Shortcodes that are not about their inner content still keep it.
        if inner.is_some_and(|(s, e)| !self.body[s..e].trim().is_empty()) {
            self.inner(inner);
        }
    }

    fn inner(&mut self, inner: Option<(usize, usize)>) {
        if let Some((start, end)) = inner {
            self.range(start, end);
        }
    }

    fn link_card(&mut self, url: &str, label: &str, at: usize) {
        self.generate(
            &format!(
                "\n\n<p class=\"embed\"><a class=\"embed-link\" href=\"{}\">{}</a></p>\n\n",
                html_text(url),
                html_text(label)
            ),
            at,
        );
    }

    fn figure(&mut self, image: &str, caption: Option<&str>, at: usize) {
        let caption = caption.map_or(String::new(), |c| {
            format!("<figcaption>{}</figcaption>\n", html_text(c))
        });
        self.generate(
            &format!("\n\n<figure>\n\n{image}\n\n{caption}</figure>\n\n"),
            at,
        );
    }

    /// The bundle's images whose path matches `pattern` (`featured-image`, `images/*`,
    /// `*.png`), as Hugo matches resources: with `*` for any run of characters, and a
    /// name without extension matching any.
    fn bundle_images(&self, pattern: &str) -> Vec<String> {
        let pattern = pattern.trim_start_matches("./").to_lowercase();
        let mut found: Vec<String> = self
            .cx
            .bundle_files
            .iter()
            .filter(|file| is_image(file))
            .filter(|file| {
                let file = file.to_lowercase();
                let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
                glob(&pattern, &file) || glob(&pattern, stem) || glob(&format!("{pattern}*"), &file)
            })
            .cloned()
            .collect();
        found.sort();
        found
    }

    fn image_missing(&mut self, call: &Call, pattern: &str) {
        self.problems.push(BodyProblem {
            offset: call.start,
            message: format!(
                "`{}` names `{pattern}`, which is no image of this post's folder",
                call.name
            ),
            help: "put the image beside the post's `index.md`, or fix its name".to_owned(),
            warning: false,
        });
    }

    fn unknown(&mut self, call: &Call, message: &str) {
        let help = if call.zola {
            "write it as Markdown or HTML: Folio has no templates; its inner content is kept"
        } else {
            "write it as Markdown or HTML: Folio has no templates; its inner content is kept, \
             and docs/migrating.md lists the shortcodes Folio renders"
        };
        self.problems.push(BodyProblem {
            offset: call.start,
            message: format!("{message}: left out"),
            help: help.to_owned(),
            warning: true,
        });
    }
}

/// Parses the Hugo shortcode that starts at `start` (`{{<` or `{{%`); `None` when it is
/// not one (no closing delimiter before `end`, or no name).
fn parse_hugo(body: &str, start: usize, end: usize) -> Option<Call> {
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
fn parse_zola(body: &str, start: usize, end: usize) -> Option<Call> {
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
    let named = split_zola_arguments(args)
        .into_iter()
        .filter_map(|arg| {
            let (key, value) = arg.split_once('=')?;
            Some((key.trim().to_owned(), unquote(value.trim())))
        })
        .collect();
    Some(Call {
        name: name.to_owned(),
        positional: Vec::new(),
        named,
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

/// Zola's arguments: `key=value` pairs split at commas outside quotes and brackets.
fn split_zola_arguments(text: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut arg = String::new();
    let mut quote: Option<char> = None;
    let mut depth = 0;
    for c in text.chars() {
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
            None => {}
        }
        arg.push(c);
    }
    if !arg.trim().is_empty() {
        args.push(arg);
    }
    args
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

/// A link target Folio resolves to a page: `@/` and the page's path in the content.
fn file_link(folder: &str, target: &str) -> String {
    let (path, fragment) = target.split_once('#').map_or((target, ""), |(p, f)| (p, f));
    let path = match path.strip_prefix('/') {
        Some(rooted) => rooted.to_owned(),
        None if path.is_empty() => String::new(),
        None if folder.is_empty() => path.to_owned(),
        None => format!("{folder}/{path}"),
    };
    let fragment = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    if path.is_empty() {
        fragment
    } else {
        format!("@/{path}{fragment}")
    }
}

fn is_image(file: &str) -> bool {
    let extension = file
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    matches!(
        extension.as_str(),
        "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "svg"
    )
}

/// Matches `text` against `pattern`, where `*` is any run of characters but `/` and
/// `**` any run at all.
fn glob(pattern: &str, text: &str) -> bool {
    if let Some(rest) = pattern.strip_prefix("**") {
        return (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .any(|i| glob(rest, &text[i..]));
    }
    if let Some(rest) = pattern.strip_prefix('*') {
        return (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .take_while(|&i| !text[..i].contains('/'))
            .any(|i| glob(rest, &text[i..]));
    }
    match (pattern.chars().next(), text.chars().next()) {
        (None, None) => true,
        (Some(p), Some(t)) if p == t || p == '?' => {
            glob(&pattern[p.len_utf8()..], &text[t.len_utf8()..])
        }
        _ => false,
    }
}

/// Text made safe inside HTML.
fn html_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}

/// Text made safe as a Markdown image's alt text or a bold title.
fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '*' | '_' | '\\' | '`' | '<') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// A URL as a Markdown link destination.
fn markdown_url(url: &str) -> String {
    format!("<{}>", url.replace(['<', '>'], ""))
}

/// An id or a user name in a URL: only the characters such names have.
fn url_part(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand_with(body: &str, dialect: Dialect, files: &[&str]) -> (String, Vec<BodyProblem>) {
        let files: Vec<String> = files.iter().map(|f| (*f).to_owned()).collect();
        let param = |name: &str| (name == "version").then(|| "2.3".to_owned());
        let cx = Context {
            dialect,
            bundle_files: &files,
            folder: "blog/post",
            param: &param,
        };
        let expanded = expand(body, &cx);
        (expanded.text.into_owned(), expanded.problems)
    }

    fn hugo(body: &str) -> String {
        expand_with(
            body,
            Dialect::Hugo,
            &["featured-image.png", "images/b.jpg", "images/a.jpg"],
        )
        .0
    }

    #[test]
    fn leaves_bodies_without_shortcodes_alone() {
        let files = Vec::new();
        let cx = Context {
            dialect: Dialect::Both,
            bundle_files: &files,
            folder: "",
            param: &|_| None,
        };
        assert!(matches!(expand("plain *text*", &cx).text, Cow::Borrowed(_)));
    }

    #[test]
    fn embeds_are_link_cards() {
        assert_eq!(
            hugo("{{< youtube w7Ft2ymGmfc >}}").trim(),
            "<p class=\"embed\"><a class=\"embed-link\" href=\"https://www.youtube.com/watch?v=w7Ft2ymGmfc\">Watch the video on YouTube</a></p>"
        );
        assert!(hugo("{{% youtube id=Hz8IP_eprec %}}").contains("watch?v=Hz8IP_eprec\""));
        assert!(
            hugo("{{% tweet user=mewzherder id=1526622072960479232 %}}")
                .contains("href=\"https://x.com/mewzherder/status/1526622072960479232\">Read the post by @mewzherder on X<")
        );
        assert!(
            hugo(r#"{{< x user="SanDiegoZoo" id="1453110110599868418" >}}"#)
                .contains("x.com/SanDiegoZoo/status/1453110110599868418")
        );
        assert!(hugo("{{< vimeo 55073825 >}}").contains("https://vimeo.com/55073825"));
        assert!(
            hugo("{{< gist spf13 7896402 >}}").contains("https://gist.github.com/spf13/7896402")
        );
        let zola = expand_with(
            "Look: {{ youtube(id=\"dQw4w9WgXcQ\") }}",
            Dialect::Zola,
            &[],
        )
        .0;
        assert!(zola.starts_with("Look: "), "{zola}");
        assert!(zola.contains("watch?v=dQw4w9WgXcQ"), "{zola}");
    }

    #[test]
    fn comments_hide_what_they_hold() {
        assert_eq!(
            hugo("Shown. {{< comment >}}Hidden *draft*.{{< /comment >}} Also shown.").trim(),
            "Shown.  Also shown."
        );
        assert_eq!(hugo("{{% comment %}}Hidden.{{% /comment %}}").trim(), "");
    }

    #[test]
    fn images_become_figures() {
        let out = hugo(
            "{{< imgproc featured-image Resize 800x >}}\nNew feature in action\n{{< /imgproc >}}",
        );
        assert!(
            out.contains("![New feature in action](<featured-image.png>)"),
            "{out}"
        );
        assert!(
            out.contains("<figcaption>New feature in action</figcaption>"),
            "{out}"
        );
        let out = hugo(r#"{{< figure src="/img/a.png" alt="A cat" caption="Our cat" >}}"#);
        assert!(out.contains("![A cat](</img/a.png>)"), "{out}");
        assert!(out.contains("<figcaption>Our cat</figcaption>"), "{out}");
        let out = hugo(
            "{{< gallery match=\"images/*\" sortOrder=\"desc\" rowHeight=\"150\"\n   previewType=\"blur\" >}}",
        );
        let a = out.find("images/a.jpg").unwrap();
        let b = out.find("images/b.jpg").unwrap();
        assert!(b < a, "descending: {out}");
        assert!(!out.contains("featured"), "{out}");
    }

    #[test]
    fn callouts_keep_their_markdown() {
        let out = hugo(
            "{{% alert color=\"info\" title=\"Note\" %}}\nRead **this**.\n{{% /alert %}}\nAfter.",
        );
        assert!(
            out.contains(
                "<div class=\"callout callout-info\" role=\"note\">\n\n**Note**\n\n\nRead **this**.\n"
            ),
            "{out}"
        );
        assert!(out.ends_with("</div>\n\n\nAfter."), "{out}");
        let out = hugo("{{< details summary=\"More\" >}}\nHidden\n{{< /details >}}");
        assert!(out.contains("<details><summary>More</summary>"), "{out}");
    }

    #[test]
    fn highlight_param_and_ref() {
        let out =
            hugo("{{< highlight go \"linenos=table\" >}}\nfmt.Println(1)\n{{< /highlight >}}");
        assert_eq!(out, "\n```go\nfmt.Println(1)\n```\n");
        assert_eq!(hugo("Version {{< param version >}}."), "Version 2.3.");
        assert_eq!(
            hugo("[x]({{< ref \"other.md#part\" >}})"),
            "[x](@/blog/post/other.md#part)"
        );
        assert_eq!(
            hugo("[x]({{< relref \"/blog/a.md\" >}})"),
            "[x](@/blog/a.md)"
        );
    }

    #[test]
    fn unknown_shortcodes_warn_and_keep_their_content() {
        let (out, problems) = expand_with(
            "A\n{{< fancy x=1 >}}kept *inner*{{< /fancy >}}\nB",
            Dialect::Hugo,
            &[],
        );
        assert_eq!(out, "A\nkept *inner*\nB");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].offset, 2);
        assert_eq!(
            problems[0].message,
            "shortcode `fancy` is not one Folio knows: left out"
        );
        assert!(problems[0].warning);
        let (out, problems) = expand_with(
            "{% quote(author=\"Me\") %}\nWise.\n{% end %}",
            Dialect::Zola,
            &[],
        );
        assert_eq!(out.trim(), "Wise.");
        assert_eq!(
            problems[0].message,
            "shortcode `quote` is not one Folio knows: left out"
        );
    }

    #[test]
    fn escaped_shortcodes_are_text_and_zola_leaves_code_alone() {
        assert_eq!(hugo("`{{</* youtube x */>}}`"), "`{{< youtube x >}}`");
        let (out, problems) =
            expand_with("```\n{{ youtube(id=\"x\") }}\n```\n", Dialect::Zola, &[]);
        assert_eq!(out, "```\n{{ youtube(id=\"x\") }}\n```\n");
        assert!(problems.is_empty());
        // Go templates in prose are not shortcodes.
        assert_eq!(
            expand_with("{{ .Title }}", Dialect::Both, &[]).0,
            "{{ .Title }}"
        );
    }

    #[test]
    fn maps_offsets_back_to_the_written_body() {
        let files = Vec::new();
        let cx = Context {
            dialect: Dialect::Hugo,
            bundle_files: &files,
            folder: "",
            param: &|_| None,
        };
        let body = "ab {{< youtube x >}} cd";
        let expanded = expand(body, &cx);
        let cd = expanded.text.find("cd").unwrap();
        assert_eq!(expanded.written_offset(cd), body.find("cd").unwrap());
        assert_eq!(expanded.written_offset(1), 1);
        let card = expanded.text.find("<p").unwrap();
        assert_eq!(expanded.written_offset(card + 5), 3);
    }

    #[test]
    fn globs_match_as_hugo_resources_do() {
        assert!(glob("images/*", "images/a.jpg"));
        assert!(!glob("*", "images/a.jpg"));
        assert!(glob("**.png", "x/y.png"));
        assert!(glob("wego*.png", "wego-1.png"));
    }
}
