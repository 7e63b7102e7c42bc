//! The CommonMark spec's examples (0.31.2, npm `commonmark-spec`, which `scripts/bootstrap`
//! installs into `.tools/`), rendered by Folio's Markdown stage and compared with the
//! spec's HTML, once both are read the same way: what Folio adds on purpose is left
//! out of the comparison (heading ids and anchors, the outline's heading levels, code
//! blocks' names and focus, images' lazy loading, `rel` on links), and the examples
//! where Folio differs on purpose are listed below with why.

use std::collections::BTreeSet;
use std::path::PathBuf;

use folio_build::render::markdown::{self, ImageTarget, ImageUse, LinkTarget, Resolve};
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// Examples where Folio writes other HTML than the spec's, on purpose, by reason.
const ON_PURPOSE: &[(&str, &[u32])] = &[
    (
        "raw HTML the sanitizer leaves out: `<script>`, `<style>`, `<textarea>`, elements \
         and attributes outside its allowlist, comments, processing instructions, \
         declarations and CDATA",
        &[
            163, 169, 170, 171, 172, 173, 176, 177, 178, 179, 180, 182, 183, 201, 308, 309, 491,
            524, 536, 613, 614, 615, 616, 617, 625, 626, 627, 628, 629,
        ],
    ),
    (
        "raw HTML read as a browser reads it, and written well-formed: what it leaves open \
         is closed (a link left open in a paragraph reopened after it, as browsers do), a \
         stray closing tag is left out, a table gets its `<tbody>`, a paragraph inside \
         `<pre>` becomes a `<span>`",
        &[
            21, 31, 148, 149, 150, 151, 155, 160, 165, 174, 175, 184, 187, 190, 191, 344, 476, 477,
            494, 623, 630, 631, 642, 643,
        ],
    ),
    (
        "an `<img>` without `alt` gets `alt=\"\"` (and a warning)",
        &[475],
    ),
    (
        "an autolink whose scheme no browser follows (`a+b+c:`, `made-up-scheme:`, \
         `localhost:`) keeps its text, with no link: a blog keeps only the schemes the \
         sanitizer allows",
        &[598, 599, 601],
    ),
];

/// Links and images as written: the spec's examples name no file of a site.
struct AsWritten;

impl Resolve for AsWritten {
    fn link(&self, _href: &str) -> LinkTarget {
        LinkTarget::Unchanged
    }

    fn image(&self, src: &str, _usage: ImageUse) -> Result<ImageTarget, String> {
        Ok(ImageTarget::plain(src, None))
    }

    fn highlight(&self, _language: &str, _code: &str) -> Option<String> {
        None
    }
}

struct Example {
    number: u32,
    markdown: String,
    html: String,
}

fn spec_path() -> PathBuf {
    match std::env::var_os("COMMONMARK_SPEC") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../.tools/commonmark-spec/node_modules/commonmark-spec/spec.txt"),
    }
}

/// The examples of the spec's text, as its own `index.js` reads them (`→` is a tab).
fn examples(spec: &str) -> Vec<Example> {
    const FENCE: &str = "````````````````````````````````";
    let spec = spec.split("<!-- END TESTS -->").next().unwrap_or_default();
    let mut examples = Vec::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line != format!("{FENCE} example") {
            continue;
        }
        let (mut markdown, mut html, mut in_html) = (String::new(), String::new(), false);
        for line in lines.by_ref() {
            if line == FENCE {
                break;
            }
            if line == "." && !in_html {
                in_html = true;
                continue;
            }
            let target = if in_html { &mut html } else { &mut markdown };
            target.push_str(&line.replace('→', "\t"));
            target.push('\n');
        }
        examples.push(Example {
            number: examples.len() as u32 + 1,
            markdown,
            html,
        });
    }
    examples
}

#[derive(Default)]
struct Tokens(std::cell::RefCell<Vec<Token>>);

impl TokenSink for Tokens {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        self.0.borrow_mut().push(token);
        TokenSinkResult::Continue
    }
}

const BLOCKS: &[&str] = &[
    "blockquote",
    "div",
    "h",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "details",
    "summary",
    "figure",
];

/// Attributes Folio adds on purpose, left out of the comparison.
fn added_by_folio(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("h", "id")
            | ("img", "loading" | "decoding")
            | ("a", "rel")
            | (
                "pre",
                "class" | "tabindex" | "role" | "aria-label" | "data-lang"
            )
    )
}

/// `html` read as a browser reads it, written one way: attributes sorted, text with its
/// white space collapsed outside `<pre>`, none around blocks.
fn normalized(html: &str) -> String {
    let tokenizer = Tokenizer::new(Tokens::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    enum Part {
        Tag(String, bool),
        Text(String),
    }
    let mut parts = Vec::new();
    let mut skipping = false;
    let mut in_pre = 0;
    for token in tokenizer.sink.0.into_inner() {
        match token {
            Token::TagToken(tag) => {
                let name = tag.name.to_string();
                let name = if matches!(name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
                    "h".to_owned()
                } else {
                    name
                };
                let class = tag
                    .attrs
                    .iter()
                    .find(|a| &*a.name.local == "class")
                    .map(|a| a.value.to_string());
                if name == "a" && class.as_deref() == Some("heading-anchor") {
                    skipping = tag.kind == TagKind::StartTag;
                    if let Some(Part::Text(text)) = parts.last_mut() {
                        *text = text.trim_end().to_owned();
                    }
                    continue;
                }
                if skipping {
                    if tag.kind == TagKind::EndTag && name == "a" {
                        skipping = false;
                    }
                    continue;
                }
                if name == "pre" {
                    in_pre += if tag.kind == TagKind::StartTag { 1 } else { -1 };
                }
                let written = match tag.kind {
                    TagKind::StartTag => {
                        let mut attributes: Vec<(String, String)> = tag
                            .attrs
                            .iter()
                            .map(|a| (a.name.local.to_string(), a.value.to_string()))
                            .filter(|(attribute, _)| !added_by_folio(&name, attribute))
                            .collect();
                        attributes.sort();
                        let attributes: String = attributes
                            .iter()
                            .map(|(k, v)| format!(" {k}=\"{}\"", escape(v).replace('"', "&quot;")))
                            .collect();
                        format!("<{name}{attributes}>")
                    }
                    TagKind::EndTag => format!("</{name}>"),
                };
                parts.push(Part::Tag(written, BLOCKS.contains(&name.as_str())));
            }
            Token::CharacterTokens(text) if !skipping => {
                let text = escape(&text);
                match parts.last_mut() {
                    Some(Part::Text(previous)) => previous.push_str(&text),
                    _ => parts.push(Part::Text(text)),
                }
                // Text in `<pre>` is kept as it is, marked so.
                if in_pre > 0
                    && let Some(Part::Text(text)) = parts.last_mut()
                {
                    text.insert(0, '\u{0}');
                }
            }
            Token::CommentToken(comment) => {
                parts.push(Part::Tag(format!("<!--{comment}-->"), false))
            }
            _ => {}
        }
    }
    let mut out = String::new();
    for i in 0..parts.len() {
        match &parts[i] {
            Part::Tag(tag, _) => out.push_str(tag),
            Part::Text(text) if text.contains('\u{0}') => out.push_str(&text.replace('\u{0}', "")),
            Part::Text(raw) => {
                let mut text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
                let block_before =
                    i == 0 || matches!(parts.get(i.wrapping_sub(1)), Some(Part::Tag(_, true)));
                let block_after = matches!(parts.get(i + 1), Some(Part::Tag(_, true)) | None);
                if !block_before && raw.starts_with(char::is_whitespace) && !text.is_empty() {
                    text.insert(0, ' ');
                }
                if !block_after && raw.ends_with(char::is_whitespace) && !text.is_empty() {
                    text.push(' ');
                }
                if text.is_empty() && !block_before && !block_after && !raw.is_empty() {
                    text.push(' ');
                }
                out.push_str(&text);
            }
        }
    }
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn folio_renders_the_commonmark_spec_as_the_spec_does_but_where_it_differs_on_purpose() {
    let path = spec_path();
    let spec = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the CommonMark spec is not at {} ({e}): run scripts/bootstrap, which installs it",
            path.display()
        )
    });
    let examples = examples(&spec);
    assert_eq!(examples.len(), 652, "the spec 0.31.2 has 652 examples");
    let on_purpose: BTreeSet<u32> = ON_PURPOSE
        .iter()
        .flat_map(|(_, n)| n.iter().copied())
        .collect();
    let mut differ = BTreeSet::new();
    let mut shown = String::new();
    for example in &examples {
        let rendered = markdown::render(&example.markdown, &AsWritten, true).html;
        let (ours, theirs) = (normalized(&rendered), normalized(&example.html));
        if ours != theirs {
            differ.insert(example.number);
            if !on_purpose.contains(&example.number) {
                shown.push_str(&format!(
                    "\n--- example {}\n{:?}\nspec:  {theirs}\nfolio: {ours}\n",
                    example.number, example.markdown
                ));
            }
        }
    }
    let fixed: Vec<&u32> = on_purpose.difference(&differ).collect();
    assert!(
        shown.is_empty() && fixed.is_empty(),
        "{} of 652 differ; not on purpose:{shown}\nlisted as differing, but rendered as the spec does: {fixed:?}",
        differ.len()
    );
}
