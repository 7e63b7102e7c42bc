//! Renders a post's Markdown body: heading ids and anchors, a table of contents, checked
//! and rewritten links, sized lazy images, escaped code blocks, and sanitized raw HTML.
//!
//! A pure function of the text and a [`Resolve`] implementation that answers for links
//! and images; it knows nothing about files.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use folio_model::TocEntry;

use crate::render::highlight;
use folio_images::ImageProblem;
use folio_model::picture;
use markup_repair::Repaired;
use outline::Outline;
use table_cells::TableCells;

mod markup_repair;
mod outline;
mod raw_urls;
mod table_cells;
use folio_model::slug::slugify;
use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html,
};
use pulldown_cmark_escape::{escape_href, escape_html};

/// What a link in a body leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another site: kept, with `rel="noopener noreferrer"`.
    External,
    /// A page or file of this site, at this href: a path from the host's root, under
    /// the site's base path (`/blog/posts/x/`), which leads to the same place from every
    /// page, with or without the app.
    Internal(String),
    /// Left as written: a fragment on this page, `mailto:`, `tel:`.
    Unchanged,
    /// Nothing answers to it; the help says what would.
    Missing(String),
    /// Looks like another site's address without `https://`: kept, with a warning.
    NoScheme(String),
    /// A page of the larger site the blog is part of (`/docs/` beside `/blog/`), at
    /// this href.
    Host(String),
    /// A relative link that leads to no page of the blog, written as the root-relative
    /// link to the larger site it was meant to be (`flux/x/` for `/flux/x/`), with a
    /// warning.
    HostGuess(String),
}

/// A local image, as the page will load it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageTarget {
    /// The URL to load: a path from the host's root, under the site's base path.
    pub src: String,
    /// Intrinsic size, when known.
    pub size: Option<(u32, u32)>,
    /// Its sizes and formats (URLs under the base path), for a `<picture>`.
    pub responsive: Option<picture::Responsive>,
    /// What is wrong with the image, or what the author should know about it.
    pub problem: Option<ImageProblem>,
}

impl ImageTarget {
    /// The image at `src` as it is.
    pub fn plain(src: &str, size: Option<(u32, u32)>) -> Self {
        ImageTarget {
            src: src.to_owned(),
            size,
            responsive: None,
            problem: None,
        }
    }
}

/// What refers to an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageUse {
    /// A Markdown image (or a shortcode's): written as a `<picture>` of its variants.
    Markdown,
    /// An `<img>` of raw HTML, whose markup is the author's: its URL is resolved only.
    RawHtml,
}

/// Answers for the links, images and code of one post.
pub trait Resolve {
    /// Where `href` leads.
    fn link(&self, href: &str) -> LinkTarget;
    /// The image at `src`; an error message when the file is missing.
    fn image(&self, src: &str, usage: ImageUse) -> Result<ImageTarget, String>;
    /// The inside of a code block in `language`, highlighted; `None` when the language is
    /// not known.
    fn highlight(&self, language: &str, code: &str) -> Option<String> {
        highlight::highlight(language, code)
    }
    /// The name screen readers give a code block in `language` (which may be empty).
    fn code_label(&self, language: &str) -> String {
        (folio::labels::labels("en").code_block)(language)
    }
    /// The name of a `<details>` whose author gave it no `<summary>`.
    fn details_label(&self) -> &'static str {
        folio::labels::labels("en").details
    }
}

/// A problem in a body, at a byte offset of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyProblem {
    pub offset: usize,
    pub message: String,
    pub help: String,
    /// True when the problem is only a warning.
    pub warning: bool,
}

/// A rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    pub html: String,
    /// Every `##` and `###` heading.
    pub toc: Vec<TocEntry>,
    /// The prose, without code, for counting words and ranking related posts.
    pub text: String,
    /// The text of the first paragraph.
    pub first_paragraph: String,
    /// The text before a `<!-- more -->` summary separator, as Zola and Hugo write it.
    pub summary: Option<String>,
    pub problems: Vec<BodyProblem>,
}

/// The Markdown extensions Folio enables.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `markdown`, asking `resolver` about links and images.
/// With `warn_missing`, missing images, files and link targets are warnings, not errors.
pub fn render(markdown: &str, resolver: &dyn Resolve, warn_missing: bool) -> Rendered {
    render_with_html(markdown, &[], resolver, warn_missing)
}

/// Where `markdown` holds the HTML a template wrote (a site's shortcode): an element
/// of its own, which Markdown passes on as raw HTML, as a block or inline. The HTML
/// takes its place before it is resolved and sanitized, so Markdown never reads it
/// (its indented lines would be code blocks), as Zola keeps it from Markdown too.
pub fn html_placeholder(index: usize) -> String {
    format!("<folio-shortcode-{index}>")
}

/// The index of the HTML whose placeholder `html` is.
fn placeholder_index(html: &str) -> Option<usize> {
    html.trim()
        .strip_prefix("<folio-shortcode-")?
        .strip_suffix('>')?
        .parse()
        .ok()
}

/// [`render`], with `html[i]` in place of each [`html_placeholder`]`(i)`.
pub fn render_with_html(
    markdown: &str,
    html: &[String],
    resolver: &dyn Resolve,
    warn_missing: bool,
) -> Rendered {
    let mut state = RenderState::default();
    // How deep the parser is in blocks and inlines: 0 between top-level blocks.
    let mut depth = 0u32;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        let event = match event {
            Event::Html(text) | Event::InlineHtml(text)
                if !html.is_empty() && text.starts_with("<folio-shortcode-") =>
            {
                let index = placeholder_index(&text).and_then(|i| html.get(i));
                if index.is_some() {
                    state.from_templates.push(range.start);
                }
                match index {
                    Some(written) if text.ends_with('\n') => {
                        Event::Html(format!("{}\n", written.trim_end()).into())
                    }
                    Some(written) => Event::InlineHtml(written.clone().into()),
                    None => Event::Text(text),
                }
            }
            event => event,
        };
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    state.block_start = state.out.len();
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        state.event(event, range.start, resolver, warn_missing);
        if depth == 0 {
            state.end_block();
        }
    }
    state.end_block();
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    match state.raw_html {
        None => html::push_html(&mut html_out, state.out.into_iter()),
        Some((start, end)) => {
            let mut events = state.out;
            events.insert(end, Event::Html(RAW_HTML_MARK.into()));
            events.insert(start, Event::Html(RAW_HTML_MARK.into()));
            html::push_html(&mut html_out, events.into_iter());
            // The outline the raw HTML's headings go on with: that of the last heading
            // before it.
            let heading_level = state
                .heading_starts
                .iter()
                .take_while(|&&(at, _)| at < start)
                .last()
                .map_or(0, |&(_, level)| level);
            let repaired =
                sanitized_between_marks(&html_out, heading_level, resolver.details_label());
            html_out = repaired.html;
            let mut search_from = 0;
            for src in repaired.images_without_alt {
                let offset = raw_image_offset(markdown, &src, search_from);
                search_from = offset + 1;
                state.problems.push(BodyProblem {
                    offset,
                    message: format!("image `{src}` has no alt text"),
                    help: "add `alt=\"...\"` saying what it shows, or `alt=\"\"` if it is only \
                           decoration; as written, it gets `alt=\"\"`, and screen readers skip it"
                        .to_owned(),
                    warning: true,
                });
            }
        }
    }
    // Code is safe by construction (escaped, then highlighted by us), so it joins the
    // body after sanitizing: the sanitizer never has to parse thousands of spans.
    let html_out = splice_code(&html_out, &state.code_blocks);
    // In Unicode's composed form (NFC), as the HTML checker asks of text: `ń` as one
    // character rather than `n` and a combining accent, which render alike but search
    // and compare differently.
    let html_out = match icu_normalizer::ComposingNormalizerBorrowed::new_nfc().normalize(&html_out)
    {
        Cow::Borrowed(_) => html_out,
        Cow::Owned(composed) => composed,
    };
    Rendered {
        html: html_out,
        toc: state.toc,
        text: state.text,
        first_paragraph: state.first_paragraph.trim().to_owned(),
        summary: state
            .summary
            .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" ")),
        problems: state.problems,
    }
}

/// Renders short Markdown with no links to check (author bios).
pub fn render_inline(markdown: &str) -> String {
    struct NoResolve;
    impl Resolve for NoResolve {
        fn link(&self, href: &str) -> LinkTarget {
            if href.contains("://") {
                LinkTarget::External
            } else {
                LinkTarget::Unchanged
            }
        }
        fn image(&self, src: &str, _: ImageUse) -> Result<ImageTarget, String> {
            Ok(ImageTarget::plain(src, None))
        }
    }
    render(markdown, &NoResolve, true).html
}

#[derive(Default)]
struct Heading<'a> {
    level: u8,
    id: Option<String>,
    events: Vec<Event<'a>>,
    text: String,
}

#[derive(Default)]
struct RenderState<'a> {
    out: Vec<Event<'a>>,
    heading: Option<Heading<'a>>,
    /// The image being read: where it starts, its URL and title, and its alt text so far.
    image: Option<(usize, String, String, String)>,
    code: Option<(String, String)>,
    /// The rendered inside of each code block, in order; the body holds placeholders.
    code_blocks: Vec<String>,
    external_links: Vec<bool>,
    ids: HashMap<String, u32>,
    toc: Vec<TocEntry>,
    outline: Outline,
    text: String,
    first_paragraph: String,
    /// The prose before the summary separator, once it is seen.
    summary: Option<String>,
    paragraphs_seen: u32,
    in_paragraph: bool,
    /// Where in `out` the current top-level block starts.
    block_start: usize,
    /// Where in `out` each heading starts, and the level it has in the page.
    heading_starts: Vec<(usize, u8)>,
    /// The events of the raw HTML block being read, from its start: a block of nothing
    /// but comments is left out, and needs no sanitizer.
    html_block: Option<Vec<(usize, Event<'a>)>>,
    /// The current top-level block holds raw HTML.
    raw_html_in_block: bool,
    /// The events of `out` from the first top-level block with raw HTML to the end of the
    /// last one: all the sanitizer has to read.
    raw_html: Option<(usize, usize)>,
    table_cells: TableCells,
    /// The offsets of the HTML that templates wrote: its problems are reported at the
    /// shortcode that wrote it, not inside it.
    from_templates: Vec<usize>,
    problems: Vec<BodyProblem>,
}

impl<'a> RenderState<'a> {
    fn push(&mut self, event: Event<'a>) {
        match &mut self.heading {
            Some(heading) => heading.events.push(event),
            None => self.out.push(event),
        }
    }

    fn prose(&mut self, text: &str) {
        if self.image.is_some() {
            return;
        }
        self.text.push_str(text);
        if let Some(heading) = &mut self.heading {
            heading.text.push_str(text);
        }
        if self.in_paragraph && self.paragraphs_seen == 1 {
            self.first_paragraph.push_str(text);
        }
    }

    /// The summary separator: the prose so far is the post's summary.
    fn summary_ends(&mut self) {
        if self.summary.is_none() {
            self.summary = Some(self.text.trim().to_owned());
        }
    }

    fn problem(&mut self, offset: usize, message: String, help: &str, warning: bool) {
        self.problems.push(BodyProblem {
            offset,
            message,
            help: help.to_owned(),
            warning,
        });
    }

    fn event(
        &mut self,
        event: Event<'a>,
        offset: usize,
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) {
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    let (language, code) = self.code.take().unwrap_or_default();
                    let inside = resolver
                        .highlight(&language, &code)
                        .unwrap_or_else(|| escape(&code));
                    let html = code_block(
                        &language,
                        &resolver.code_label(&language),
                        self.code_blocks.len(),
                    );
                    self.code_blocks.push(inside);
                    self.push(Event::Html(html.into()));
                }
                _ => {}
            }
            return;
        }
        if let Some((_, _, _, alt)) = &mut self.image {
            match event {
                Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                Event::End(TagEnd::Image) => {
                    let (at, src, title, alt) = self.image.take().unwrap_or_default();
                    let mut html = self.image_html(at, &src, &alt, resolver, warn_missing);
                    // The title is the shown `<img>`'s: the last one, after a `<picture>`'s
                    // placeholder and sources.
                    if let Some(end) = html
                        .rfind("<img ")
                        .and_then(|img| Some(img + html[img..].find('>')?))
                        .filter(|_| !title.is_empty())
                    {
                        html.insert_str(end, &format!(" title=\"{}\"", escape(&title)));
                    }
                    self.push(Event::Html(html.into()));
                }
                _ => {}
            }
            return;
        }
        if let Some(block) = &mut self.html_block {
            match event {
                Event::End(TagEnd::HtmlBlock) => {
                    let block = self.html_block.take().unwrap_or_default();
                    self.end_html_block(block, resolver, warn_missing);
                }
                event => block.push((offset, event)),
            }
            return;
        }
        match event {
            Event::Start(Tag::HtmlBlock) => self.html_block = Some(Vec::new()),
            Event::InlineHtml(ref html) if is_only_comments(html) => {}
            Event::Start(Tag::Heading { level, id, .. }) => {
                self.heading = Some(Heading {
                    level: heading_level(level),
                    id: id.map(|id| id.to_string()),
                    ..Heading::default()
                });
            }
            Event::End(TagEnd::Heading(_)) => self.end_heading(),
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info
                        .split([' ', ',', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((language, String::new()));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                self.image = Some((
                    offset,
                    dest_url.to_string(),
                    title.to_string(),
                    String::new(),
                ))
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let (event, external) = self.link(
                    offset,
                    (link_type, dest_url, title, id),
                    resolver,
                    warn_missing,
                );
                self.external_links.push(external);
                self.push(event);
            }
            Event::End(TagEnd::Link) => {
                let event = if self.external_links.pop().unwrap_or(false) {
                    Event::Html("</a>".into())
                } else {
                    Event::End(TagEnd::Link)
                };
                self.push(event);
            }
            Event::Start(Tag::Paragraph) => {
                self.in_paragraph = true;
                self.paragraphs_seen += 1;
                self.push(event);
            }
            Event::End(TagEnd::Paragraph) => {
                self.in_paragraph = false;
                self.text.push('\n');
                self.push(event);
            }
            Event::Start(Tag::Table(_) | Tag::TableCell) => {
                let rewritten = self.table_cells.rewrite(&event).unwrap_or(event);
                self.push(rewritten);
            }
            Event::Start(Tag::TableHead | Tag::TableRow) | Event::End(TagEnd::TableHead) => {
                self.table_cells.rewrite(&event);
                self.push(event);
            }
            // Block ends separate their words from the next block's in the prose.
            Event::End(TagEnd::TableCell) => {
                self.text.push('\n');
                let rewritten = self.table_cells.rewrite(&event).unwrap_or(event);
                self.push(rewritten);
            }
            Event::End(TagEnd::Item | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                self.text.push('\n');
                self.push(event);
            }
            Event::Text(ref text) => {
                self.prose(text);
                self.push(event);
            }
            Event::SoftBreak | Event::HardBreak => {
                self.prose(" ");
                self.push(event);
            }
            Event::InlineHtml(html) => {
                self.raw_html_in_block = true;
                let html = self.resolve_raw_urls(&html, &[(0, offset)], resolver, warn_missing);
                self.push(Event::InlineHtml(html.into()));
            }
            Event::Html(_) => {
                self.raw_html_in_block = true;
                self.push(event);
            }
            Event::Code(ref code) => {
                if let Some(heading) = &mut self.heading {
                    heading.text.push_str(code);
                }
                self.push(event);
            }
            other => self.push(other),
        }
    }

    /// A raw HTML block, whole: left out when it is nothing but comments, which readers
    /// never see (the sanitizer would remove them), else kept for the sanitizer, its
    /// URLs read as the Markdown's are.
    fn end_html_block(
        &mut self,
        block: Vec<(usize, Event<'a>)>,
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) {
        let mut html = String::new();
        // Where each line starts in `html`, and in the body.
        let mut lines = Vec::with_capacity(block.len());
        for (offset, event) in &block {
            if let Event::Html(line) = event {
                lines.push((html.len(), *offset));
                html.push_str(line);
            }
        }
        if is_only_comments(&html) {
            if is_summary_separator(&html) {
                self.summary_ends();
            }
            return;
        }
        self.raw_html_in_block = true;
        let html = self.resolve_raw_urls(&html, &lines, resolver, warn_missing);
        self.push(Event::Start(Tag::HtmlBlock));
        self.push(Event::Html(html.into()));
        self.push(Event::End(TagEnd::HtmlBlock));
    }

    /// `html` with the URLs of its links and images resolved as the Markdown's are,
    /// their problems reported at the body's offsets (`lines`: where each line of `html`
    /// starts, and its offset in the body).
    fn resolve_raw_urls(
        &mut self,
        html: &str,
        lines: &[(usize, usize)],
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) -> String {
        let urls = raw_urls::find(html);
        if urls.is_empty() {
            return html.to_owned();
        }
        let from_templates = std::mem::take(&mut self.from_templates);
        let offset_of = |at: usize| {
            let line = lines
                .partition_point(|&(start, _)| start <= at)
                .saturating_sub(1);
            lines.get(line).map_or(0, |&(start, offset)| {
                if from_templates.contains(&offset) {
                    offset
                } else {
                    offset + (at - start)
                }
            })
        };
        let mut out = String::with_capacity(html.len() + 64);
        let mut copied = 0;
        for raw in urls {
            let offset = offset_of(raw.span.start);
            let written = raw.url.trim();
            if written.is_empty() || is_unsafe_url(written) || !has_known_scheme(written) {
                // The sanitizer takes out what no page may load.
                continue;
            }
            let (url, size) = match raw.kind {
                raw_urls::UrlKind::Link => match resolver.link(written) {
                    LinkTarget::External => continue,
                    target => (
                        self.checked_href(offset, written, target, warn_missing),
                        None,
                    ),
                },
                raw_urls::UrlKind::Image if written.contains(':') => continue,
                raw_urls::UrlKind::Image => {
                    let target = self.checked_image(
                        offset,
                        written,
                        ImageUse::RawHtml,
                        resolver,
                        warn_missing,
                    );
                    (target.src, target.size.filter(|_| !raw.sized))
                }
            };
            if let Some((width, height)) = size {
                out.push_str(&html[copied..raw.name_end]);
                out.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
                copied = raw.name_end;
            }
            out.push_str(&html[copied..raw.span.start]);
            out.push('"');
            out.push_str(&escape(&url));
            out.push('"');
            copied = raw.span.end;
        }
        out.push_str(&html[copied..]);
        self.from_templates = from_templates;
        out
    }

    /// Called between top-level blocks: extends the raw HTML's span over the block that
    /// just ended, if it held any.
    fn end_block(&mut self) {
        if std::mem::take(&mut self.raw_html_in_block) {
            let start = self.raw_html.map_or(self.block_start, |(start, _)| start);
            self.raw_html = Some((start, self.out.len()));
        }
    }

    fn end_heading(&mut self) {
        let Some(heading) = self.heading.take() else {
            return;
        };
        let base = heading.id.clone().unwrap_or_else(|| {
            let slug = slugify(&heading.text);
            if slug.is_empty() {
                "section".into()
            } else {
                slug
            }
        });
        let count = self.ids.entry(base.clone()).or_insert(0);
        let id = if *count == 0 {
            base.clone()
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        let level = self.outline.level(heading.level);
        let escaped_id = escape(&id);
        self.heading_starts.push((self.out.len(), level));
        self.out.push(Event::Html(
            format!("<h{level} id=\"{escaped_id}\">").into(),
        ));
        self.out.extend(heading.events);
        self.out.push(Event::Html(
            format!(" <a class=\"heading-anchor\" href=\"#{escaped_id}\" aria-label=\"Link to this section\">#</a></h{level}>\n").into(),
        ));
        self.text.push('\n');
        if level == 2 || level == 3 {
            self.toc.push(TocEntry {
                level,
                id,
                title: heading.text.trim().to_owned(),
            });
        }
    }

    fn link(
        &mut self,
        offset: usize,
        (link_type, dest_url, title, id): (LinkType, CowStr<'a>, CowStr<'a>, CowStr<'a>),
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) -> (Event<'a>, bool) {
        // The link as written (or with a rewritten destination), closed by `End(Link)`.
        let keep = |dest_url: CowStr<'a>| {
            (
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title: title.clone(),
                    id: id.clone(),
                }),
                false,
            )
        };
        if link_type == LinkType::Email {
            return keep(dest_url);
        }
        if is_unsafe_url(&dest_url) {
            self.problem(
                offset,
                format!("link to an unsafe URL `{dest_url}`"),
                "links may use http, https, mailto or tel, or point inside the site",
                false,
            );
            return (Event::Html("<a>".into()), true);
        }
        if !has_known_scheme(&dest_url) {
            let scheme = dest_url.split(':').next().unwrap_or_default();
            let help = match scheme.to_ascii_lowercase().as_str() {
                "ttps" | "htps" | "htts" | "hhttps" => format!(
                    "write `https{}`; as written, it leads nowhere and is left as text",
                    &dest_url[scheme.len()..]
                ),
                _ => "links may use http, https, mailto or tel, or point inside the site; \
                      as written, it is left as text"
                    .into(),
            };
            self.problem(
                offset,
                format!("link `{dest_url}` has an unknown scheme `{scheme}:`"),
                &help,
                true,
            );
            return (Event::Html("<a>".into()), true);
        }
        match resolver.link(&dest_url) {
            LinkTarget::External => {
                let mut tag = format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\"",
                    href(&dest_url)
                );
                if !title.is_empty() {
                    tag.push_str(&format!(" title=\"{}\"", escape(&title)));
                }
                tag.push('>');
                (Event::Html(tag.into()), true)
            }
            target => keep(
                self.checked_href(offset, &dest_url, target, warn_missing)
                    .into(),
            ),
        }
    }

    /// The href to write for a link to `written`, which leads to `target` (not another
    /// site), with the problem of a link that leads nowhere reported.
    fn checked_href(
        &mut self,
        offset: usize,
        written: &str,
        target: LinkTarget,
        warn_missing: bool,
    ) -> String {
        match target {
            LinkTarget::Internal(to) | LinkTarget::Host(to) => to,
            LinkTarget::External | LinkTarget::Unchanged => written.to_owned(),
            LinkTarget::Missing(help) => {
                self.problem(
                    offset,
                    format!("link to a missing page `{written}`"),
                    &help,
                    warn_missing,
                );
                written.to_owned()
            }
            LinkTarget::HostGuess(to) => {
                let help = format!(
                    "write `{to}`, the page of the site it names: Folio links there; as written, \
                     it would lead below this post's URL, where nothing is"
                );
                self.problem(
                    offset,
                    format!("relative link `{written}` leads to no page of the blog"),
                    &help,
                    true,
                );
                to
            }
            LinkTarget::NoScheme(suggestion) => {
                let help = format!(
                    "write `{suggestion}` if it is another site; as written, it is a path of this site"
                );
                self.problem(
                    offset,
                    format!("link `{written}` has no `https://`"),
                    &help,
                    true,
                );
                written.to_owned()
            }
        }
    }

    fn image_html(
        &mut self,
        offset: usize,
        src: &str,
        alt: &str,
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) -> String {
        if is_unsafe_url(src) {
            self.problem(
                offset,
                format!("image with an unsafe URL `{src}`"),
                "images may use http or https URLs, or files of the content folder",
                false,
            );
            return String::new();
        }
        let target = if src.contains("://") {
            ImageTarget::plain(src, None)
        } else {
            self.checked_image(offset, src, ImageUse::Markdown, resolver, warn_missing)
        };
        if let Some(responsive) = target.responsive {
            let image = folio_model::Image {
                src: target.src,
                alt: alt.to_owned(),
                width: target.size.map(|s| s.0),
                height: target.size.map(|s| s.1),
                html: String::new(),
            };
            return picture::picture_html(
                &image,
                Some(&responsive),
                &str::to_owned,
                picture::Priority::Lazy,
            );
        }
        let mut tag = format!("<img src=\"{}\" alt=\"{}\"", href(&target.src), escape(alt));
        if let Some((width, height)) = target.size {
            tag.push_str(&format!(" width=\"{width}\" height=\"{height}\""));
        }
        tag.push_str(" loading=\"lazy\" decoding=\"async\">");
        tag
    }

    /// The image of the site at `src`, or `src` as written with its problem reported.
    fn checked_image(
        &mut self,
        offset: usize,
        src: &str,
        usage: ImageUse,
        resolver: &dyn Resolve,
        warn_missing: bool,
    ) -> ImageTarget {
        match resolver.image(src, usage) {
            Ok(mut target) => {
                if let Some(problem) = target.problem.take() {
                    self.problem(offset, problem.message, &problem.help, problem.warning);
                }
                target
            }
            Err(message) => {
                let help = if warn_missing {
                    "copy the image into the content folder; it is left as written for now"
                } else {
                    "put the image beside the post (page bundle) or under the content folder, or fix the path"
                };
                self.problem(offset, message, help, warn_missing);
                ImageTarget::plain(src, None)
            }
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Marks where code block `n` goes: a private-use character, which Markdown and the
/// sanitizer leave alone, around its number.
const CODE_MARK: char = '\u{E000}';

/// A fenced code block in `language`, named `label`, with a placeholder for its inside
/// (code block `n`). The block scrolls sideways when its lines are long, so it takes the
/// keyboard's focus (a reader scrolls it with the arrow keys) and has a name to announce;
/// `hl-code` gives it the highlighting theme's colours.
fn code_block(language: &str, label: &str, n: usize) -> String {
    let label = escape(label);
    let start =
        format!("<pre class=\"code hl-code\" tabindex=\"0\" role=\"group\" aria-label=\"{label}\"");
    if language.is_empty() {
        format!("{start}><code>{CODE_MARK}{n}{CODE_MARK}</code></pre>\n")
    } else {
        let language = escape(language);
        format!(
            "{start} data-lang=\"{language}\"><code class=\"language-{language}\">{CODE_MARK}{n}{CODE_MARK}</code></pre>\n"
        )
    }
}

/// Puts each code block's inside in place of its placeholder. Marks that do not name a
/// block (an author typed the character) are left as they are.
fn splice_code(html: &str, blocks: &[String]) -> String {
    if blocks.is_empty() {
        return html.to_owned();
    }
    let mut out = String::with_capacity(html.len() + blocks.iter().map(String::len).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(CODE_MARK) {
        let after = &rest[start + CODE_MARK.len_utf8()..];
        let block = after
            .find(CODE_MARK)
            .and_then(|end| Some((after[..end].parse::<usize>().ok()?, end)));
        match block.and_then(|(n, end)| Some((blocks.get(n)?, end))) {
            Some((inside, end)) => {
                out.push_str(&rest[..start]);
                out.push_str(inside);
                rest = &after[end + CODE_MARK.len_utf8()..];
            }
            None => {
                out.push_str(&rest[..start + CODE_MARK.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether an absolute URL's scheme is one a browser follows and the sanitizer keeps
/// (ammonia's list: http, https, ftp, mailto, irc and the like); `//host/x` has none.
fn has_known_scheme(url: &str) -> bool {
    static SCHEMES: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    let schemes = SCHEMES.get_or_init(|| ammonia::Builder::default().clone_url_schemes());
    let is_scheme = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    };
    match url.split_once(':') {
        Some((scheme, _)) if is_scheme(scheme) => {
            schemes.contains(scheme.to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// `url` with every `#` after the one that starts its fragment written `%23`: a URL
/// may hold only one (`?channels=##rust` is `?channels=` and the fragment `#rust`, with
/// a `#` in it that the URL standard forbids), and browsers read `%23` the same.
fn valid_fragment(url: &str) -> Cow<'_, str> {
    match url.split_once('#') {
        Some((before, fragment)) if fragment.contains('#') => {
            Cow::Owned(format!("{before}#{}", fragment.replace('#', "%23")))
        }
        _ => Cow::Borrowed(url),
    }
}

/// A raw HTML attribute's value as HTML allows it: image sizes as whole numbers of
/// pixels (`300px` is `300`; a size that is not a number is left out), URLs with one `#`.
fn valid_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    match (element, attribute) {
        ("img" | "video" | "source" | "iframe", "width" | "height") => {
            let digits = value.trim().trim_end_matches("px").trim();
            (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .then(|| Cow::Owned(digits.to_owned()))
        }
        ("img", "src") if value.trim_start().starts_with("data:") => value
            .trim_start()
            .starts_with("data:image/")
            .then_some(Cow::Borrowed(value)),
        (_, "href" | "src") if is_unsafe_url(value) => None,
        (_, "href" | "src") => Some(valid_fragment(value)),
        // A callout is a note of the text around it, not a landmark of the page.
        ("div", "role") => (value == "note").then_some(Cow::Borrowed(value)),
        _ => Some(Cow::Borrowed(value)),
    }
}

/// True for URL schemes that run code (`javascript:`, `vbscript:`, `data:` in links).
fn is_unsafe_url(url: &str) -> bool {
    let scheme: String = url
        .trim_start()
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|c| *c != ':' && *c != '/' && *c != '?' && *c != '#')
        .collect::<String>()
        .to_ascii_lowercase();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = escape_html(&mut out, text);
    out
}

fn href(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    let _ = escape_href(&mut out, &valid_fragment(url));
    out
}

/// Whether `html` is only well-formed comments and whitespace: `<!--`, then text that
/// does not start with `>` or `->` and holds no `--!>`, then `-->`, as HTML defines a
/// comment. Anything else (`<!-->` closes at once in a browser) is left to the sanitizer.
fn is_only_comments(html: &str) -> bool {
    let mut rest = html.trim_start();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        let Some(after) = rest.strip_prefix("<!--") else {
            return false;
        };
        if after.starts_with('>') || after.starts_with("->") {
            return false;
        }
        let Some(end) = after.find("-->") else {
            return false;
        };
        if after[..end].contains("--!>") {
            return false;
        }
        rest = after[end + 3..].trim_start();
    }
    true
}

/// Marks the start and the end of the top-level blocks of a body that hold raw HTML; the
/// newline keeps the HTML writer's line breaks as they would be without it.
const RAW_HTML_MARK: &str = "\u{E001}folio-raw-html\u{E001}\n";

/// `html` with what lies between its first and last [`RAW_HTML_MARK`] sanitized, and the
/// marks removed. The rest is Folio's own rendering of Markdown (escaped text, checked
/// URLs), as safe as a body with no raw HTML at all, which is never sanitized; it starts
/// and ends between top-level blocks, so that the sanitizer reads whole elements. Should
/// an author type the mark, the sanitized part only grows.
///
/// The sanitized part is then mended where it breaks HTML's rules (see
/// [`markup_repair`]), its headings going on from `heading_level`.
fn sanitized_between_marks(html: &str, heading_level: u8, details_label: &str) -> Repaired {
    let mend = |part: &str| {
        let clean = sanitizer().clean(part).to_string();
        markup_repair::repair(&clean, heading_level, details_label)
    };
    let (Some(start), Some(end)) = (html.find(RAW_HTML_MARK), html.rfind(RAW_HTML_MARK)) else {
        return mend(html);
    };
    if end <= start {
        return mend(html);
    }
    let inside = mend(&html[start + RAW_HTML_MARK.len()..end]);
    let mut out = String::with_capacity(html.len() + 64);
    out.push_str(&html[..start]);
    out.push_str(&inside.html);
    out.push_str(&html[end + RAW_HTML_MARK.len()..]);
    Repaired {
        html: out,
        ..inside
    }
}

/// Where the raw `<img>` with `src` is written in `markdown`, at or after `from`: where
/// its URL is, else where the next `<img` is (an entity in the URL), else `from`.
fn raw_image_offset(markdown: &str, src: &str, from: usize) -> usize {
    let rest = markdown.get(from..).unwrap_or_default();
    let found = (!src.is_empty())
        .then(|| rest.find(src))
        .flatten()
        .and_then(|at| rest[..at].rfind('<'))
        .or_else(|| rest.to_ascii_lowercase().find("<img"));
    from + found.unwrap_or(0)
}

/// `<!-- more -->` (or `<!--more-->`) on a line of its own: Zola's and Hugo's end of a
/// post's summary.
fn is_summary_separator(html: &str) -> bool {
    html.trim()
        .strip_prefix("<!--")
        .and_then(|rest| rest.strip_suffix("-->"))
        .is_some_and(|inside| inside.trim().eq_ignore_ascii_case("more"))
}

/// What the sanitizer leaves out of `html` (elements, and attributes of elements it
/// keeps), named for an author: `` `<script>` ``, `` `onclick` on `<div>` ``.
pub fn left_out_by_sanitizer(html: &str) -> Vec<String> {
    use std::collections::BTreeMap;
    let count = |html: &str| {
        let mut elements: BTreeMap<String, usize> = BTreeMap::new();
        let mut attributes: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (element, names) in markup_repair::start_tags(html) {
            for name in names {
                *attributes.entry((element.clone(), name)).or_default() += 1;
            }
            *elements.entry(element).or_default() += 1;
        }
        (elements, attributes)
    };
    let (written, written_attributes) = count(html);
    let (kept, kept_attributes) = count(&sanitizer().clean(html).to_string());
    let mut lost: Vec<String> = written
        .iter()
        .filter(|(element, n)| kept.get(*element).copied().unwrap_or(0) < **n)
        .map(|(element, _)| format!("`<{element}>`"))
        .collect();
    lost.extend(
        written_attributes
            .iter()
            .filter(|((element, _), _)| kept.contains_key(element))
            .filter(|(key, n)| kept_attributes.get(*key).copied().unwrap_or(0) < **n)
            .map(|((element, attribute), _)| format!("`{attribute}` on `<{element}>`")),
    );
    lost
}

/// The sanitizer for bodies with raw HTML: ammonia's safe defaults, plus the attributes
/// Folio's own rendering writes.
fn sanitizer() -> &'static ammonia::Builder<'static> {
    static BUILDER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    BUILDER.get_or_init(body_sanitizer)
}

/// The sanitizer of bodies: ammonia's defaults, and the attributes Folio's own HTML uses.
fn body_sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .link_rel(None)
        .add_generic_attributes(["id", "class", "aria-label", "aria-hidden", "title"])
        .add_tag_attributes("a", ["rel"])
        .add_tag_attributes("div", ["role"])
        .add_tag_attributes("img", ["width", "height", "loading", "decoding"])
        .add_tag_attributes("pre", ["data-lang", "tabindex", "role"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // The `<picture>` of an image's sizes and formats, over its `data:` placeholder
        // (`folio_model::picture`), inside raw HTML such as a shortcode's figure. A
        // `data:` URL is kept only as an image's `src` (see `valid_attribute`).
        .add_url_schemes(["data"])
        // What sites' own shortcode templates write: pictures with their sources, and
        // videos of the site (their `src` is a path the CSP's `media-src 'self'` allows).
        .add_tags(["picture", "source", "video"])
        .add_tag_attributes(
            "source",
            ["src", "srcset", "type", "media", "sizes", "width", "height"],
        )
        .add_tag_attributes(
            "video",
            [
                "src",
                "poster",
                "controls",
                "width",
                "height",
                "preload",
                "muted",
                "loop",
                "playsinline",
            ],
        )
        .attribute_filter(valid_attribute);
    builder
}

/// A rendered body with every relative URL made absolute, for feeds, which readers show
/// away from the site: a fragment (`#usage`) becomes `page_url#usage`, a path from the
/// host's root (`/blog/posts/x/`, as bodies write the site's links and images) gets the
/// host of `base_url`, and any other relative URL is joined to `base_url`.
///
/// A `<picture>` becomes its `<img>` (feed readers show one file, the largest fallback),
/// and the placeholders go: away from the page's styles they would show as a second,
/// blurred copy.
pub fn with_absolute_urls(html: &str, base_url: &str, page_url: &str) -> String {
    let mut builder = body_sanitizer();
    // `srcset` is no URL attribute to the sanitizer, so it would stay relative.
    builder.rm_tags(["picture", "source"]);
    builder.url_relative(ammonia::UrlRelative::Custom(Box::new(AbsoluteUrls {
        base_url: base_url.to_owned(),
        page_url: page_url.to_owned(),
    })));
    builder.clean(&without_placeholders(html)).to_string()
}

/// `html` without the placeholders [`picture::picture_html`] writes.
fn without_placeholders(html: &str) -> Cow<'_, str> {
    let start = format!("<img class=\"{}\" src=\"data:", picture::PLACEHOLDER_CLASS);
    if !html.contains(&start) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&start) {
        out.push_str(&rest[..at]);
        // A data URL holds no `>`.
        rest = rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `https://example.com` for `https://example.com/blog/`: the scheme and host of an
/// absolute URL, without its path.
fn origin(url: &str) -> &str {
    let host_start = url.find("://").map_or(0, |at| at + 3);
    url[host_start..]
        .find('/')
        .map_or(url, |at| &url[..host_start + at])
}

/// Makes a body's relative URLs absolute (see [`with_absolute_urls`]).
struct AbsoluteUrls {
    base_url: String,
    page_url: String,
}

impl<'a> ammonia::UrlRelativeEvaluate<'a> for AbsoluteUrls {
    fn evaluate<'url>(&self, url: &'url str) -> Option<Cow<'url, str>> {
        Some(Cow::Owned(if url.starts_with('#') {
            format!("{}{url}", self.page_url)
        } else if url.starts_with('/') {
            format!("{}{url}", origin(&self.base_url))
        } else {
            folio_model::head::absolute_url(&self.base_url, url)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_ends_at_the_more_separator() {
        let resolver = Site;
        let out = render(
            "First *words*.\n\nSecond.\n\n<!-- more -->\n\nThe rest.\n",
            &resolver,
            false,
        );
        assert_eq!(out.summary.as_deref(), Some("First words. Second."));
        assert!(!out.html.contains("more"), "{}", out.html);
    }

    struct Site;
    impl Resolve for Site {
        fn link(&self, href: &str) -> LinkTarget {
            match href {
                h if h.starts_with("http") => LinkTarget::External,
                h if h.starts_with('#') || h.starts_with("mailto:") => LinkTarget::Unchanged,
                "@/posts/b.md" | "/posts/b/" | "/2019/01/01/b/" => {
                    LinkTarget::Internal("/blog/posts/b/".into())
                }
                _ => LinkTarget::Missing("link to a post's route".into()),
            }
        }
        fn image(&self, src: &str, _: ImageUse) -> Result<ImageTarget, String> {
            match src {
                "pic.png" => Ok(ImageTarget::plain(
                    "/blog/data/media/posts/a/pic.png",
                    Some((640, 480)),
                )),
                _ => Err(format!("image file `{src}` not found")),
            }
        }
    }

    fn html(markdown: &str) -> String {
        render(markdown, &Site, false).html
    }

    #[test]
    fn gives_headings_stable_unique_ids_and_anchors() {
        let out = render(
            "## Intro\n\n## Intro\n\n### Deep `code` dive {#custom}\n",
            &Site,
            false,
        );
        assert!(
            out.html
                .contains("<h2 id=\"intro\">Intro <a class=\"heading-anchor\" href=\"#intro\""),
            "{}",
            out.html
        );
        assert!(out.html.contains("<h2 id=\"intro-1\">"), "{}", out.html);
        assert!(
            out.html
                .contains("<h3 id=\"custom\">Deep <code>code</code> dive"),
            "{}",
            out.html
        );
        let ids: Vec<_> = out
            .toc
            .iter()
            .map(|e| (e.level, e.id.as_str(), e.title.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                (2, "intro", "Intro"),
                (2, "intro-1", "Intro"),
                (3, "custom", "Deep code dive")
            ]
        );
    }

    #[test]
    fn renders_gfm_extensions() {
        let out =
            html("| a |\n|---|\n| 1 |\n\n~~old~~\n\n- [x] done\n\nNote[^1].\n\n[^1]: Footnote.\n");
        for needle in [
            "<table>",
            "<del>old</del>",
            "type=\"checkbox\"",
            "footnote-reference",
        ] {
            assert!(out.contains(needle), "{needle} in {out}");
        }
    }

    #[test]
    fn aligns_table_columns_with_classes_the_csp_allows() {
        let out = html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n| 5 |\n");
        assert!(!out.contains("style"), "{out}");
        assert_eq!(
            out,
            "<table><thead><tr><th class=\"align-left\">a</th><th class=\"align-center\">b</th>\
             <th class=\"align-right\">c</th><th>d</th></tr></thead><tbody>\n\
             <tr><td class=\"align-left\">1</td><td class=\"align-center\">2</td>\
             <td class=\"align-right\">3</td><td>4</td></tr>\n\
             <tr><td class=\"align-left\">5</td><td class=\"align-center\"></td>\
             <td class=\"align-right\"></td><td></td></tr>\n</tbody></table>\n"
        );
    }

    #[test]
    fn marks_external_links_and_rewrites_internal_ones() {
        let out = html(
            "[x](https://example.com \"T\") [b](@/posts/b.md) [old](/2019/01/01/b/) [top](#intro) [m](mailto:a@b.c)",
        );
        assert!(
            out.contains(
                "<a href=\"https://example.com\" rel=\"noopener noreferrer\" title=\"T\">x</a>"
            ),
            "{out}"
        );
        assert!(out.contains("<a href=\"/blog/posts/b/\">b</a>"), "{out}");
        assert!(out.contains("<a href=\"/blog/posts/b/\">old</a>"), "{out}");
        assert!(out.contains("<a href=\"#intro\">top</a>"), "{out}");
        assert!(out.contains("<a href=\"mailto:a@b.c\">m</a>"), "{out}");
        assert!(html("<team@example.com>").contains("<a href=\"mailto:team@example.com\">"));
    }

    #[test]
    fn reports_missing_and_unsafe_links_at_their_offset() {
        let out = render(
            "Hello [gone](/posts/nope/) and [x](javascript:alert(1))",
            &Site,
            false,
        );
        let found: Vec<_> = out
            .problems
            .iter()
            .map(|p| (p.offset, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (6, "link to a missing page `/posts/nope/`"),
                (31, "link to an unsafe URL `javascript:alert(1)`")
            ]
        );
        assert!(!out.html.contains("javascript"), "{}", out.html);
    }

    #[test]
    fn sizes_images_and_loads_them_lazily() {
        let out = render("![A *chart*](pic.png) ![gone](nope.png)", &Site, false);
        assert!(out.html.contains("<img src=\"/blog/data/media/posts/a/pic.png\" alt=\"A chart\" width=\"640\" height=\"480\" loading=\"lazy\" decoding=\"async\">"), "{}", out.html);
        assert_eq!(out.problems.len(), 1);
        assert!(!out.problems[0].warning);
        assert!(render("![gone](nope.png)", &Site, true).problems[0].warning);
    }

    #[test]
    fn sanitizes_raw_html() {
        let out = html(
            "<script>alert(1)</script>\n\n<p onclick=\"x()\">Hi <a href=\"javascript:y()\">y</a></p>\n\n## Kept\n",
        );
        assert!(!out.contains("script"), "{out}");
        assert!(!out.contains("onclick"), "{out}");
        assert!(!out.contains("javascript"), "{out}");
        assert!(out.contains("<h2 id=\"kept\">"), "{out}");
    }

    #[test]
    fn sanitizes_only_the_blocks_from_the_first_raw_html_to_the_last() {
        let table = "| a |\n|:-:|\n| b |\n";
        let out = html(&format!(
            "{table}\nBefore.\n\n<div onclick=\"x()\">\n\nInside *md*.\n\n</div>\n\nAfter.\n\n{table}"
        ));
        assert_eq!(
            out.matches("class=\"align-center\"").count(),
            4,
            "the tables before and after are left as Folio wrote them: {out}"
        );
        assert!(!out.contains("onclick"), "{out}");
        assert!(
            out.contains("<div>\n<p>Inside <em>md</em>.</p>\n</div>"),
            "{out}"
        );
        assert!(!out.contains('\u{E001}'), "no mark is left: {out}");
        assert_eq!(
            out,
            html(&format!(
                "{table}\nBefore.\n\n<div>\n\nInside *md*.\n\n</div>\n\nAfter.\n\n{table}"
            )),
            "the same bytes as a body whose raw HTML needed no cleaning"
        );
    }

    #[test]
    fn comments_are_left_out_without_sanitizing() {
        let table = "| a |\n|:-:|\n| b |\n";
        let out = html(&format!(
            "<!-- a note -->\n\n{table}\nText <!-- inline --> here.\n\n<!--\nline one\n\nline two\n-->\n"
        ));
        for comment in ["note", "inline", "line one", "line two", "<!--"] {
            assert!(!out.contains(comment), "{comment}: {out}");
        }
        assert_eq!(
            out.matches("class=\"align-center\"").count(),
            2,
            "nothing else is sanitized: {out}"
        );
    }

    #[test]
    fn what_only_looks_like_a_comment_is_sanitized() {
        let img = "<img src=x onerror=\"y()\">";
        for raw in [
            format!("<!--> {img} -->"),
            format!("<!---> {img} -->"),
            format!("<!-- a --!> {img} -->"),
            format!("<!-- a --> {img}"),
            format!("<!-- a\n\n{img}"),
        ] {
            let out = html(&format!("Text {raw}\n\n{raw}\n"));
            assert!(!out.contains("onerror"), "{raw}: {out}");
        }
    }

    #[test]
    fn tells_comments_as_html_defines_them() {
        for comments in [
            "<!-- a -->",
            " <!---->\n<!-- b -- c --->\n",
            "<!-- <!-- -->",
        ] {
            assert!(is_only_comments(comments), "{comments}");
        }
        for other in [
            "",
            "<!-->",
            "<!--->",
            "<!-- a --!> -->",
            "<!-- a",
            "<!-- a --> b",
            "<b>",
        ] {
            assert!(!is_only_comments(other), "{other}");
        }
    }

    #[test]
    fn raw_html_links_and_images_are_read_as_markdown_ones() {
        let body = "Intro.\n\n<p>See <a href=\"/posts/b/\">B</a>\nand <img alt=\"P\"\n  src=\"pic.png\"></p>\n\n<a href=\"/nope/\">x</a> and <a href=\"https://x.example/\">y</a>\n";
        let out = render(body, &Site, false);
        assert!(
            out.html.contains("<a href=\"/blog/posts/b/\">B</a>"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("<img width=\"640\" height=\"480\" alt=\"P\" src=\"/blog/data/media/posts/a/pic.png\">"),
            "{}",
            out.html
        );
        assert!(
            out.html.contains("href=\"https://x.example/\""),
            "{}",
            out.html
        );
        let problems: Vec<(usize, &str, bool)> = out
            .problems
            .iter()
            .map(|p| (p.offset, p.message.as_str(), p.warning))
            .collect();
        let at = body.find("\"/nope/").unwrap();
        assert_eq!(problems, [(at, "link to a missing page `/nope/`", false)]);
    }

    #[test]
    fn names_what_the_sanitizer_leaves_out() {
        assert_eq!(
            left_out_by_sanitizer(
                "<link rel=\"stylesheet\" href=\"/v.css\"><script src=\"/v.js\"></script><div class=\"v\" onclick=\"x()\"><picture><source srcset=\"/a.avif\"><img src=\"/a.png\" alt=\"A\"></picture></div>"
            ),
            ["`<link>`", "`<script>`", "`onclick` on `<div>`"]
        );
        assert!(left_out_by_sanitizer("<figure><img src=\"a.png\" alt=\"\"></figure>").is_empty());
    }

    #[test]
    fn keeps_image_titles_and_reads_references_in_raw_urls_once() {
        let out = html("![a](https://example.com/u.png \"The \\\"title\\\"\")");
        assert!(
            out.contains(
                "alt=\"a\" loading=\"lazy\" decoding=\"async\" title=\"The &quot;title&quot;\">"
            ),
            "{out}"
        );
        // `&ouml;` is `ö` to a browser: written once, not as the text `&ouml;`.
        let out = render("<a href=\"/nope/&ouml;.html\">x</a>\n", &Site, true);
        assert!(out.html.contains("href=\"/nope/ö.html\""), "{}", out.html);
        assert_eq!(
            out.problems[0].message,
            "link to a missing page `/nope/ö.html`"
        );
    }

    #[test]
    fn raw_html_left_open_cannot_reach_past_its_span() {
        // These HTML blocks end at a blank line, whatever they leave open.
        for opener in [
            "<div>",
            "<div title=\"",
            "<details><summary>",
            "<table><tr><td>",
        ] {
            let out = html(&format!(
                "{opener}\n\n[link](https://example.com)\n\n<b onclick=\"x()\">x</b>\n\n## After\n"
            ));
            assert!(!out.contains("onclick"), "{opener}: {out}");
            assert!(
                out.ends_with("<h2 id=\"after\">After <a class=\"heading-anchor\" href=\"#after\" aria-label=\"Link to this section\">#</a></h2>\n"),
                "{opener}: {out}"
            );
        }
        // These run to their closing tag, here the end of the body, and go as a whole.
        for opener in ["<script>", "<style>", "<textarea>", "<!--"] {
            let out = html(&format!("{opener}\n\nalert(1)\n\n## After\n"));
            assert!(!out.contains(&opener[..4]), "{opener}: {out}");
        }
    }

    #[test]
    fn a_typed_raw_html_mark_only_widens_what_is_sanitized() {
        let mark = RAW_HTML_MARK.trim_end();
        let out = html(&format!(
            "{mark}\n\n<script>alert(1)</script>\n\n<img src=x onerror=\"y()\">\n\n{mark}\n"
        ));
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("onerror"), "{out}");
    }

    #[test]
    fn code_survives_sanitizing_untouched_and_stray_marks_stay_inert() {
        let out = html(
            "<b>raw</b>\n\n```rust\nlet x = \"<b>\";\n```\n\nA \u{E000}0\u{E000} and \u{E000}9\u{E000}.\n",
        );
        assert!(
            out.contains("<span class=\"hl-"),
            "highlighting kept through the sanitizer: {out}"
        );
        assert!(out.contains("data-lang=\"rust\""), "{out}");
        assert!(out.contains("&lt;b&gt;"), "{out}");
        assert_eq!(
            out.matches("<span class=\"hl-storage hl-type\">let</span>")
                .count(),
            2,
            "a typed mark repeats a block, nothing more: {out}"
        );
        assert!(out.contains("\u{E000}9\u{E000}"), "{out}");
    }

    #[test]
    fn escapes_code_and_leaves_it_out_of_the_prose() {
        let list = render("- aside\n- support\n", &Site, false);
        assert_eq!(list.text, "aside\nsupport\n");
        let out = render(
            "Intro words here.\n\n```rust\nfn main() { println!(\"<hi>\"); }\n```\n\nMore `inline` text.\n",
            &Site,
            false,
        );
        assert!(out.html.contains("<pre class=\"code hl-code\" tabindex=\"0\" role=\"group\" aria-label=\"Code: rust\" data-lang=\"rust\"><code class=\"language-rust\"><span class=\"hl-"), "{}", out.html);
        assert!(
            out.html.contains("&lt;hi&gt;") && !out.html.contains("<hi>"),
            "{}",
            out.html
        );
        assert_eq!(out.text, "Intro words here.\nMore  text.\n");
        assert_eq!(out.first_paragraph, "Intro words here.");
        assert_eq!(out.summary, None);
    }

    #[test]
    fn code_blocks_take_the_keyboards_focus_with_a_name() {
        let plain = html("```\nlong line\n```\n");
        assert!(
            plain.starts_with("<pre class=\"code hl-code\" tabindex=\"0\" role=\"group\" aria-label=\"Code\"><code>"),
            "{plain}"
        );
        // Sanitizing a body with raw HTML keeps them.
        let mixed = html("<p>raw</p>\n\n```json\n{}\n```\n");
        assert!(
            mixed.contains("tabindex=\"0\" role=\"group\" aria-label=\"Code: json\""),
            "{mixed}"
        );
    }

    #[test]
    fn feeds_get_every_url_of_a_body_absolute() {
        let body = "<p><a href=\"/blog/posts/b/\">b</a> <a href=\"#usage\">u</a> \
                    <img src=\"/blog/data/media/x.png\" alt=\"\"> <a href=\"posts/c/\">c</a></p>";
        let out = with_absolute_urls(
            body,
            "https://example.com/blog/",
            "https://example.com/blog/posts/a/",
        );
        assert!(
            out.contains("href=\"https://example.com/blog/posts/b/\""),
            "{out}"
        );
        assert!(
            out.contains("href=\"https://example.com/blog/posts/a/#usage\""),
            "{out}"
        );
        assert!(
            out.contains("src=\"https://example.com/blog/data/media/x.png\""),
            "{out}"
        );
        assert!(
            out.contains("href=\"https://example.com/blog/posts/c/\""),
            "{out}"
        );
    }

    #[test]
    fn headings_follow_the_authors_outline_without_skipping_a_level() {
        let out = render(
            "### A\n\n##### B\n\n###### C\n\n#### D\n\n# E\n\n## F\n\n### G\n",
            &Site,
            false,
        );
        let levels: Vec<&str> = out
            .html
            .match_indices("<h")
            .map(|(at, _)| &out.html[at + 2..at + 3])
            .collect();
        assert_eq!(levels, ["2", "3", "4", "3", "2", "3", "4"], "{}", out.html);
        let toc: Vec<_> = out
            .toc
            .iter()
            .map(|e| (e.level, e.title.as_str()))
            .collect();
        assert_eq!(toc, [(2, "A"), (3, "B"), (3, "D"), (2, "E"), (3, "F")]);
    }

    #[test]
    fn a_link_with_an_unknown_scheme_is_a_warning_and_text() {
        let out = render(
            "[rust#1](ttps://github.com/rust-lang/rust/pull/1)\n",
            &Site,
            false,
        );
        assert_eq!(out.html, "<p><a>rust#1</a></p>\n");
        assert_eq!(out.problems.len(), 1);
        assert!(out.problems[0].warning);
        assert!(
            out.problems[0]
                .help
                .contains("`https://github.com/rust-lang/rust/pull/1`"),
            "{:?}",
            out.problems
        );
    }

    #[test]
    fn urls_and_sizes_are_written_as_html_allows() {
        let link = html("[irc](https://webchat.example/?channels=##rust)\n");
        assert!(
            link.contains("href=\"https://webchat.example/?channels=#%23rust\""),
            "{link}"
        );
        let raw = html(
            "<img src=\"https://x.example/a.png\" width=\"300px\" height=\"tall\" alt=\"a\">\n",
        );
        assert!(raw.contains("width=\"300\""), "{raw}");
        assert!(!raw.contains("height"), "{raw}");
    }

    #[test]
    fn bodies_are_in_composed_unicode() {
        assert_eq!(html("Lesin\u{301}ski\n"), "<p>Lesi\u{144}ski</p>\n");
    }
}
