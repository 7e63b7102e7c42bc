//! Mends what an author's raw HTML breaks of HTML's rules, once the sanitizer has made it
//! safe, so that every page passes the HTML checker without asking the author to rewrite
//! posts that browsers show well:
//!
//! - flow content inside phrasing (`<span><p>`, a `<div>` in a heading) becomes a `<span>`,
//!   with its attributes (an `id` stays a link's target); an `<hr>` there is left out;
//! - obsolete elements take their modern names (`<tt>` is `<code>`, `<strike>` is `<s>`);
//! - raw headings take their place in the page's outline, as Markdown's do;
//! - an `<img>` without `alt` gets `alt=""`, and is reported, for the author to describe;
//! - a `<details>` shows its `<summary>` first, as browsers already do, or gets one;
//! - a table row narrower than the table gets empty cells for the columns it lacks.
//!
//! The input is the sanitizer's output, which closes every element it opens; it is read
//! with html5ever's tokenizer and written back with html5ever's serializer, the same one
//! the sanitizer writes with, so what needs no mending comes out byte for byte the same.

use std::cell::RefCell;

use html5ever::serialize::{HtmlSerializer, SerializeOpts, Serializer};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};

use super::outline::Outline;

/// Mended HTML, and what the author should know of.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Repaired {
    pub html: String,
    /// The `src` of every image that had no `alt`, in order.
    pub images_without_alt: Vec<String>,
}

/// Mends `html`. `heading_level` is the level of the page's last heading before it (0
/// when there is none), where the outline of its headings goes on; `details_label` names
/// a `<details>` that has no `<summary>`, in the page's language.
pub fn repair(html: &str, heading_level: u8, details_label: &str) -> Repaired {
    let mut writer = Writer::new(html.len(), heading_level, details_label);
    for token in tokens(html) {
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => writer.start(tag),
            Token::TagToken(tag) => writer.end(&tag),
            Token::CharacterTokens(text) => writer.text(&text),
            _ => {}
        }
    }
    let html = String::from_utf8(writer.out.writer)
        .unwrap_or_else(|invalid| String::from_utf8_lossy(invalid.as_bytes()).into_owned());
    Repaired {
        html,
        images_without_alt: writer.images_without_alt,
    }
}

/// An attribute's value as a browser reads it, its character references (`&ouml;`,
/// `&#246;`, `&amp;`) read by HTML's own rules: `value` is the text between its quotes.
pub fn attribute_value(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    let tag = format!("<a v=\"{}\">", value.replace('"', "&quot;"));
    match tokens(&tag).into_iter().next() {
        Some(Token::TagToken(tag)) => tag
            .attrs
            .into_iter()
            .next()
            .map(|attribute| attribute.value.to_string())
            .unwrap_or_default(),
        _ => value.to_owned(),
    }
}

/// The start tags of `html`, as a browser's tokenizer reads them: each element's name
/// with the names of its attributes.
pub fn start_tags(html: &str) -> Vec<(String, Vec<String>)> {
    tokens(html)
        .into_iter()
        .filter_map(|token| match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => Some((
                tag.name.to_string(),
                tag.attrs.iter().map(|a| a.name.local.to_string()).collect(),
            )),
            _ => None,
        })
        .collect()
}

/// The tokens of `html`, as HTML's tokenizer reads them.
fn tokens(html: &str) -> Vec<Token> {
    let tokenizer = Tokenizer::new(Tokens::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

/// Collects the tokenizer's tokens.
#[derive(Default)]
struct Tokens(RefCell<Vec<Token>>);

impl TokenSink for Tokens {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.0.borrow_mut().push(token);
        TokenSinkResult::Continue
    }
}

/// What an element may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
    Flow,
    Phrasing,
    /// A `<summary>`'s: phrasing, or one heading.
    Summary,
    /// A `<picture>`'s: its `<source>`s and one `<img>`.
    Picture,
}

/// An open element, as written.
struct Open {
    /// The name the input gave it, which its end tag has.
    written: LocalName,
    name: LocalName,
    content: Content,
}

/// An open `<details>`.
struct Details {
    /// The depth of the stack of open elements inside it.
    depth: usize,
    /// Where its content starts in the output.
    start: usize,
    /// Whether its first child (element or text) has been seen, and was a `<summary>`.
    first_child: Option<bool>,
    /// Where its first `<summary>` starts and, once closed, ends.
    summary: Option<(usize, Option<usize>)>,
}

/// An open `<table>`, and the cells of its rows.
struct Table {
    depth: usize,
    rows: Vec<Row>,
    /// How many more rows each column is covered for by a cell with `rowspan` above,
    /// in the current row group.
    spans: Vec<u32>,
    /// The row being read.
    row: Option<OpenRow>,
}

/// A table row being read.
struct OpenRow {
    /// Which columns are taken, by its cells or by cells above it.
    taken: Vec<bool>,
    /// Where the next cell starts looking for a free column.
    next: usize,
    /// Its cells: first column, how many columns, and `rowspan`.
    cells: Vec<(usize, usize, u32)>,
}

/// A table row that has ended: where its end tag starts in the output, and which of its
/// columns are taken (by its cells, or by cells above it).
struct Row {
    end: usize,
    taken: Vec<bool>,
}

struct Writer<'a> {
    out: HtmlSerializer<Vec<u8>>,
    open: Vec<Open>,
    details: Vec<Details>,
    tables: Vec<Table>,
    /// The outline the raw headings go on with (the Markdown renderer has already set the
    /// levels of the Markdown headings: they come out as they are).
    outline: Outline,
    details_label: &'a str,
    images_without_alt: Vec<String>,
}

impl<'a> Writer<'a> {
    fn new(capacity: usize, heading_level: u8, details_label: &'a str) -> Self {
        let options = SerializeOpts {
            create_missing_parent: true,
            ..SerializeOpts::default()
        };
        Writer {
            out: HtmlSerializer::new(Vec::with_capacity(capacity + 64), options),
            open: Vec::new(),
            details: Vec::new(),
            tables: Vec::new(),
            outline: Outline::continuing_from(heading_level),
            details_label,
            images_without_alt: Vec::new(),
        }
    }

    fn content(&self) -> Content {
        self.open.last().map_or(Content::Flow, |open| open.content)
    }

    fn text(&mut self, text: &str) {
        if !text.trim_matches(is_html_space).is_empty() {
            self.child_of_details(None);
        }
        let _ = self.out.write_text(text);
    }

    fn start(&mut self, tag: Tag) {
        let written = tag.name;
        let mut name = modern_name(&written);
        // A `<source>` is a picture's or a video's, wherever they are.
        let fits = match self.content() {
            _ if name == local_name!("source") => true,
            Content::Flow => true,
            Content::Phrasing => is_phrasing(&name),
            Content::Summary => is_phrasing(&name) || heading_level(&name).is_some(),
            Content::Picture => matches!(name, local_name!("source") | local_name!("img")),
        };
        if !fits {
            if is_void(&name) {
                return;
            }
            name = local_name!("span");
        }
        if let Some(level) = heading_level(&name) {
            name = heading_name(self.outline.level(level));
        }
        let mut attrs = tag.attrs;
        if name == local_name!("img") && !attrs.iter().any(|a| a.name.local == local_name!("alt")) {
            let src = attrs.iter().find(|a| a.name.local == local_name!("src"));
            self.images_without_alt
                .push(src.map(|a| a.value.to_string()).unwrap_or_default());
            attrs.push(attribute(local_name!("alt"), ""));
        }
        self.child_of_details(Some(&name));
        self.table_start(&name, &attrs);
        let qualified = html_name(name.clone());
        let _ = self.out.start_elem(
            qualified.clone(),
            attrs.iter().map(|a| (&a.name, a.value.as_ref())),
        );
        if is_void(&name) {
            let _ = self.out.end_elem(qualified);
            return;
        }
        let content = match (&name, self.content()) {
            (&local_name!("summary"), _) => Content::Summary,
            (&local_name!("picture"), _) => Content::Picture,
            (name, parent) if is_transparent(name) => parent,
            (name, _) if is_phrasing(name) || heading_level(name).is_some() => Content::Phrasing,
            (&local_name!("p") | &local_name!("pre"), _) => Content::Phrasing,
            _ => Content::Flow,
        };
        self.open.push(Open {
            written,
            name: name.clone(),
            content,
        });
        match name {
            local_name!("details") => self.details.push(Details {
                depth: self.open.len(),
                start: self.out.writer.len(),
                first_child: None,
                summary: None,
            }),
            local_name!("table") => self.tables.push(Table {
                depth: self.open.len(),
                rows: Vec::new(),
                spans: Vec::new(),
                row: None,
            }),
            _ => {}
        }
    }

    fn end(&mut self, tag: &Tag) {
        if self.open.last().is_none_or(|open| open.written != tag.name) {
            return;
        }
        let Some(open) = self.open.pop() else {
            return;
        };
        let depth = self.open.len();
        if open.name == local_name!("summary") {
            let end = self.out.writer.len() + "</summary>".len();
            if let Some(details) = self.details.last_mut().filter(|d| d.depth == depth)
                && let Some((_, close @ None)) = &mut details.summary
            {
                *close = Some(end);
            }
        }
        self.table_end(&open.name, depth);
        let _ = self.out.end_elem(html_name(open.name.clone()));
        if open.name == local_name!("details")
            && self.details.last().is_some_and(|d| d.depth == depth + 1)
            && let Some(details) = self.details.pop()
        {
            self.summary_first(details);
        }
        if open.name == local_name!("table")
            && self.tables.last().is_some_and(|t| t.depth == depth + 1)
            && let Some(table) = self.tables.pop()
        {
            self.fill_rows(table);
        }
    }

    /// Notes the first child of an open `<details>`, and where its `<summary>` starts.
    fn child_of_details(&mut self, element: Option<&LocalName>) {
        let depth = self.open.len();
        let at = self.out.writer.len();
        let Some(details) = self.details.last_mut().filter(|d| d.depth == depth) else {
            return;
        };
        let is_summary = element == Some(&local_name!("summary"));
        details.first_child.get_or_insert(is_summary);
        if is_summary && details.summary.is_none() {
            details.summary = Some((at, None));
        }
    }

    /// Puts a closed `<details>`'s first `<summary>` first, where browsers show it, or
    /// gives it one.
    fn summary_first(&mut self, details: Details) {
        let out = &mut self.out.writer;
        match (details.first_child, details.summary) {
            (Some(true), _) => {}
            (_, Some((start, Some(end)))) => {
                let summary: Vec<u8> = out.drain(start..end).collect();
                out.splice(details.start..details.start, summary);
            }
            _ => {
                let mut summary = String::from("<summary>");
                let _ = pulldown_cmark_escape::escape_html(&mut summary, self.details_label);
                summary.push_str("</summary>");
                out.splice(details.start..details.start, summary.into_bytes());
            }
        }
    }

    /// Follows the rows and cells of the innermost open table, as HTML lays them out.
    fn table_start(&mut self, name: &LocalName, attrs: &[Attribute]) {
        let depth = self.open.len();
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        let parent = self.open.last().map(|open| &open.name);
        match name {
            &local_name!("thead") | &local_name!("tbody") | &local_name!("tfoot")
                if depth == table.depth =>
            {
                table.spans.clear();
            }
            &local_name!("tr") if depth == table.depth || depth == table.depth + 1 => {
                let taken = table.spans.iter().map(|&rows| rows > 0).collect();
                table.row = Some(OpenRow {
                    taken,
                    next: 0,
                    cells: Vec::new(),
                });
            }
            &local_name!("td") | &local_name!("th")
                if depth == table.depth + 1 || depth == table.depth + 2 =>
            {
                let Some(OpenRow { taken, next, cells }) = table
                    .row
                    .as_mut()
                    .filter(|_| parent == Some(&local_name!("tr")))
                else {
                    return;
                };
                let number = |name: LocalName| {
                    attrs
                        .iter()
                        .find(|a| a.name.local == name)
                        .and_then(|a| a.value.trim().parse::<u32>().ok())
                };
                let columns = number(local_name!("colspan")).map_or(1, |n| n.clamp(1, 1000));
                let rows = match number(local_name!("rowspan")) {
                    Some(0) => u32::MAX,
                    Some(n) => n.min(65534),
                    None => 1,
                };
                let mut column = *next;
                while taken.get(column).copied().unwrap_or(false) {
                    column += 1;
                }
                let columns = columns as usize;
                if taken.len() < column + columns {
                    taken.resize(column + columns, false);
                }
                taken[column..column + columns].fill(true);
                cells.push((column, columns, rows));
                *next = column + columns;
            }
            _ => {}
        }
    }

    /// Ends a row of the innermost open table, at the end tag about to be written.
    fn table_end(&mut self, name: &LocalName, depth: usize) {
        let end = self.out.writer.len();
        let Some(table) = self.tables.last_mut() else {
            return;
        };
        if *name != local_name!("tr") || (depth != table.depth && depth != table.depth + 1) {
            return;
        }
        let Some(OpenRow {
            mut taken, cells, ..
        }) = table.row.take()
        else {
            return;
        };
        let width = taken.iter().rposition(|&t| t).map_or(0, |last| last + 1);
        taken.truncate(width);
        table.rows.push(Row { end, taken });
        for rows in &mut table.spans {
            if *rows != u32::MAX {
                *rows = rows.saturating_sub(1);
            }
        }
        for (column, columns, rows) in cells {
            if table.spans.len() < column + columns {
                table.spans.resize(column + columns, 0);
            }
            let more = if rows == u32::MAX { rows } else { rows - 1 };
            table.spans[column..column + columns].fill(more);
        }
    }

    /// Gives every row of a closed table that is narrower than its widest row an empty
    /// cell over each run of columns it lacks.
    fn fill_rows(&mut self, table: Table) {
        let width = table
            .rows
            .iter()
            .map(|row| row.taken.len())
            .max()
            .unwrap_or(0);
        for row in table.rows.iter().rev() {
            let mut cells = String::new();
            let mut column = 0;
            while column < width {
                if row.taken.get(column).copied().unwrap_or(false) {
                    column += 1;
                    continue;
                }
                let run = (column..width)
                    .take_while(|&c| !row.taken.get(c).copied().unwrap_or(false))
                    .count();
                cells.push_str(&match run {
                    1 => "<td></td>".to_owned(),
                    run => format!("<td colspan=\"{run}\"></td>"),
                });
                column += run;
            }
            if !cells.is_empty() {
                self.out.writer.splice(row.end..row.end, cells.into_bytes());
            }
        }
    }
}

fn html_name(local: LocalName) -> QualName {
    QualName::new(None, ns!(html), local)
}

fn attribute(name: LocalName, value: &str) -> Attribute {
    Attribute {
        name: QualName::new(None, ns!(), name),
        value: StrTendril::from_slice(value),
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{c}' | '\r')
}

/// The element HTML has in place of an obsolete one the sanitizer lets through.
fn modern_name(name: &LocalName) -> LocalName {
    match *name {
        local_name!("acronym") => local_name!("abbr"),
        local_name!("strike") => local_name!("s"),
        local_name!("tt") => local_name!("code"),
        local_name!("center") => local_name!("div"),
        _ => name.clone(),
    }
}

fn heading_level(name: &LocalName) -> Option<u8> {
    match *name {
        local_name!("h1") => Some(1),
        local_name!("h2") => Some(2),
        local_name!("h3") => Some(3),
        local_name!("h4") => Some(4),
        local_name!("h5") => Some(5),
        local_name!("h6") => Some(6),
        _ => None,
    }
}

fn heading_name(level: u8) -> LocalName {
    match level {
        0..=2 => local_name!("h2"),
        3 => local_name!("h3"),
        4 => local_name!("h4"),
        5 => local_name!("h5"),
        _ => local_name!("h6"),
    }
}

/// Phrasing content among the elements the sanitizer keeps (and `ruby`'s parts).
fn is_phrasing(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("abbr")
            | local_name!("area")
            | local_name!("b")
            | local_name!("bdi")
            | local_name!("bdo")
            | local_name!("br")
            | local_name!("cite")
            | local_name!("code")
            | local_name!("data")
            | local_name!("del")
            | local_name!("dfn")
            | local_name!("em")
            | local_name!("i")
            | local_name!("img")
            | local_name!("input")
            | local_name!("ins")
            | local_name!("kbd")
            | local_name!("map")
            | local_name!("mark")
            | local_name!("picture")
            | local_name!("q")
            | local_name!("rp")
            | local_name!("rt")
            | local_name!("rtc")
            | local_name!("ruby")
            | local_name!("s")
            | local_name!("samp")
            | local_name!("small")
            | local_name!("span")
            | local_name!("strong")
            | local_name!("sub")
            | local_name!("sup")
            | local_name!("time")
            | local_name!("u")
            | local_name!("var")
            | local_name!("video")
            | local_name!("wbr")
    )
}

/// Elements that may hold what their parent may.
fn is_transparent(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a") | local_name!("del") | local_name!("ins") | local_name!("map")
    )
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("br")
            | local_name!("col")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("source")
            | local_name!("wbr")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mended(html: &str) -> String {
        repair(html, 0, "Details").html
    }

    #[test]
    fn reads_character_references_in_attribute_values() {
        assert_eq!(attribute_value("&ouml;.html"), "ö.html");
        assert_eq!(attribute_value("/c/?x=1&amp;y=2&#x41;"), "/c/?x=1&y=2A");
        assert_eq!(attribute_value("say \"hi\" &amp;"), "say \"hi\" &");
        assert_eq!(attribute_value("plain"), "plain");
    }

    #[test]
    fn leaves_valid_html_byte_for_byte() {
        let html = "<h2 id=\"a\">A &amp; B <a class=\"heading-anchor\" href=\"#a\">#</a></h2>\n\
                    <p>x &lt; y&nbsp;&gt; z <img src=\"a.png\" alt=\"A &quot;q&quot;\" width=\"3\"><br>\n\
                    <code>\u{E000}0\u{E000}</code></p>\n<pre>\n\nindented</pre>\
                    <table><tbody><tr><td rowspan=\"2\">1</td><td>2</td></tr><tr><td>3</td></tr></tbody></table>\
                    <details><summary>More</summary><p>x</p></details>";
        assert_eq!(mended(html), html);
    }

    #[test]
    fn writes_flow_content_inside_phrasing_as_spans() {
        assert_eq!(
            mended(
                "<details><summary><span><p id=\"n\">1 update.</p></span></summary><p>x</p></details>"
            ),
            "<details><summary><span><span id=\"n\">1 update.</span></span></summary><p>x</p></details>"
        );
        assert_eq!(
            mended("<p><em>a<div>b<hr>c</div></em></p>"),
            "<p><em>a<span>bc</span></em></p>"
        );
        assert_eq!(
            mended("<div><a href=\"/x\"><div>block link</div></a></div>"),
            "<div><a href=\"/x\"><div>block link</div></a></div>",
            "a link holds what its parent may"
        );
        assert_eq!(
            mended("<summary><h3>Title</h3></summary>"),
            "<summary><h2>Title</h2></summary>",
            "a summary may hold a heading"
        );
        let picture = "<picture><source type=\"image/avif\" srcset=\"a.avif 480w\" sizes=\"100vw\">\
                       <img src=\"a.jpg\" alt=\"\"></picture>";
        assert_eq!(
            mended(&format!("<p><a href=\"/x\">{picture}</a></p>")),
            format!("<p><a href=\"/x\">{picture}</a></p>"),
            "a picture is phrasing, and holds its sources"
        );
    }

    #[test]
    fn pictures_and_videos_are_phrasing_and_sources_void() {
        let picture = "<p>A <picture><source srcset=\"/a.avif\" type=\"image/avif\"><img src=\"/a.png\" alt=\"A\"></picture> and <video src=\"/v.mp4\" controls=\"\"></video>.</p>";
        assert_eq!(mended(picture), picture);
    }

    #[test]
    fn gives_obsolete_elements_their_modern_names() {
        assert_eq!(
            mended("<center><tt>x</tt> <strike>y</strike> <acronym>Z</acronym></center>"),
            "<div><code>x</code> <s>y</s> <abbr>Z</abbr></div>"
        );
    }

    #[test]
    fn puts_raw_headings_in_the_page_outline() {
        let out = repair("<h5>Deep</h5><h2>Next</h2><h1>Top</h1>", 3, "Details");
        assert_eq!(out.html, "<h4>Deep</h4><h2>Next</h2><h2>Top</h2>");
        assert_eq!(mended("<h4>a</h4><h6>b</h6>"), "<h2>a</h2><h3>b</h3>");
    }

    #[test]
    fn gives_images_without_alt_an_empty_one_and_reports_them() {
        let out = repair(
            "<p><img src=\"https://x.example/a.png\" width=\"200\"><img alt=\"ok\" src=\"b.png\"><img></p>",
            0,
            "Details",
        );
        assert_eq!(
            out.html,
            "<p><img src=\"https://x.example/a.png\" width=\"200\" alt=\"\"><img alt=\"ok\" src=\"b.png\"><img alt=\"\"></p>"
        );
        assert_eq!(out.images_without_alt, ["https://x.example/a.png", ""]);
    }

    #[test]
    fn shows_the_summary_of_details_first_or_gives_it_one() {
        assert_eq!(
            mended("<details>\n<p>Body</p>\n<summary>1 update</summary>\n</details>"),
            "<details><summary>1 update</summary>\n<p>Body</p>\n\n</details>"
        );
        assert_eq!(
            repair("<details> <p>x</p></details>", 0, "Detalles & más").html,
            "<details><summary>Detalles &amp; más</summary> <p>x</p></details>"
        );
        assert_eq!(
            mended("<details><details><p>in</p></details><summary>out</summary></details>"),
            "<details><summary>out</summary><details><summary>Details</summary><p>in</p></details></details>"
        );
    }

    #[test]
    fn fills_table_rows_narrower_than_the_table() {
        assert_eq!(
            mended(
                "<table><tbody><tr><th>a</th><th>b</th><th>c</th></tr><tr><td>1</td></tr></tbody></table>"
            ),
            "<table><tbody><tr><th>a</th><th>b</th><th>c</th></tr><tr><td>1</td><td colspan=\"2\"></td></tr></tbody></table>"
        );
        // A cell over two rows takes its column in the second row too, and a row may be
        // wider than the first.
        assert_eq!(
            mended(
                "<table><tbody><tr><th>a</th></tr><tr><th rowspan=\"2\">b</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>"
            ),
            "<table><tbody><tr><th>a</th><td colspan=\"2\"></td></tr><tr><th rowspan=\"2\">b</th><td colspan=\"2\"></td></tr><tr><td>1</td><td>2</td></tr></tbody></table>"
        );
        assert_eq!(
            mended(
                "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td><table><tbody><tr><td>x</td></tr></tbody></table></td></tr></tbody></table>"
            ),
            "<table><tbody><tr><td>a</td><td>b</td></tr><tr><td><table><tbody><tr><td>x</td></tr></tbody></table></td><td></td></tr></tbody></table>",
            "a table inside a cell is a table of its own"
        );
    }
}
