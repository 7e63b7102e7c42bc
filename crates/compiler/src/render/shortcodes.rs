//! Hugo's and Zola's shortcodes, turned into the Markdown and HTML a reader expects
//! before the body is rendered: read as written (`parse`), then written by Folio
//! (`builtin`: the generators' own and common themes') or by the site's own Zola
//! templates (`templates`, through Tera). Any other shortcode is left out with a
//! warning, its inner content kept as Markdown.
//!
//! The expanded body keeps a map back to the written one, so that problems found while
//! rendering it are reported at the author's line.

mod builtin;
mod parse;
pub mod templates;

use std::borrow::Cow;
use std::collections::HashMap;

use crate::render::markdown::{self, BodyProblem};
use parse::{Call, code_ranges, parse_hugo, parse_zola};
use templates::{PageVariables, SiteTemplates, TemplateError};

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
    /// A Zola site's own shortcode templates, and what they know of the page.
    pub templates: Option<(&'a SiteTemplates, PageVariables<'a>)>,
}

/// A body with its shortcodes expanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expanded<'a> {
    pub text: Cow<'a, str>,
    /// Where each run of the expanded text comes from: its start, the written offset
    /// it maps to, and whether it was copied (else it was generated at that offset).
    spans: Vec<(usize, usize, bool)>,
    /// The HTML the site's templates wrote, each where its
    /// [`markdown::html_placeholder`] is in `text`.
    pub html: Vec<String>,
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
            html: Vec::new(),
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
        html: Vec::new(),
        calls: HashMap::new(),
        problems: Vec::new(),
    };
    writer.range(0, body.len());
    Expanded {
        text: Cow::Owned(writer.text),
        spans: writer.spans,
        html: writer.html,
        problems: writer.problems,
    }
}

struct Writer<'b, 'c> {
    body: &'b str,
    code: &'b [(usize, usize)],
    cx: &'b Context<'c>,
    text: String,
    spans: Vec<(usize, usize, bool)>,
    html: Vec<String>,
    /// How many times each of the site's shortcodes was called so far (Zola's `nth`).
    calls: HashMap<String, usize>,
    problems: Vec<BodyProblem>,
}

impl Writer<'_, '_> {
    /// Writes a call of one of the site's own Zola shortcodes with its template; `false`
    /// when the site has none of that name.
    fn site_call(&mut self, call: &Call, inner: Option<(usize, usize)>) -> bool {
        let Some((templates, page)) = &self.cx.templates else {
            return false;
        };
        let Some(writes_markdown) = templates.shortcode(&call.name).filter(|_| call.zola) else {
            return false;
        };
        let nth = {
            let count = self.calls.entry(call.name.clone()).or_insert(0);
            *count += 1;
            *count
        };
        let arguments = call
            .values
            .iter()
            .map(|(key, value)| (key.clone(), parse::zola_value(value)))
            .collect();
        let body = inner.map(|(start, end)| &self.body[start..end]);
        match templates.render(&call.name, arguments, body, nth, page) {
            Ok(written) if writes_markdown => {
                let block = self.alone_on_its_lines(call, inner);
                let separator = if block { "\n\n" } else { "" };
                self.generate(&format!("{separator}{written}{separator}"), call.start);
            }
            Ok(written) => {
                let left_out = markdown::left_out_by_sanitizer(&written);
                if !left_out.is_empty() {
                    self.problems.push(BodyProblem {
                        offset: call.start,
                        message: format!(
                            "shortcode `{}` writes what no post may hold, left out: {}",
                            call.name,
                            left_out.join(", ")
                        ),
                        help: "pages allow no scripts, styles, frames or event handlers (their \
                               Content-Security-Policy would block them); the rest of what the \
                               template writes is kept"
                            .to_owned(),
                        warning: true,
                    });
                }
                let placeholder = markdown::html_placeholder(self.html.len());
                self.html.push(written);
                let text = if self.alone_on_its_lines(call, inner) {
                    format!("\n\n{placeholder}\n\n")
                } else {
                    placeholder
                };
                self.generate(&text, call.start);
            }
            Err(TemplateError::Unsupported(what)) => {
                self.problems.push(BodyProblem {
                    offset: call.start,
                    message: format!(
                        "shortcode `{}` uses {what}, which Folio does not provide: left out",
                        call.name
                    ),
                    help: "write what it showed as Markdown or HTML; its inner content is kept"
                        .to_owned(),
                    warning: true,
                });
                self.inner(inner);
            }
            Err(TemplateError::Failed(message)) => {
                self.problems.push(BodyProblem {
                    offset: call.start,
                    message: format!("shortcode `{}` failed: {message}", call.name),
                    help: format!(
                        "fix the call's arguments or the template `templates/shortcodes/{}`",
                        call.name
                    ),
                    warning: false,
                });
                self.inner(inner);
            }
        }
        true
    }

    /// Whether a call (with its closing tag, for a body) has its lines to itself: then
    /// what it writes is a block of its own, else it is part of a line of text.
    fn alone_on_its_lines(&self, call: &Call, inner: Option<(usize, usize)>) -> bool {
        let line_start = self.body[..call.start].rfind('\n').map_or(0, |i| i + 1);
        let end = match inner {
            Some((_, inner_end)) => self.body[inner_end..]
                .find("%}")
                .map_or(call.end, |i| inner_end + i + 2),
            None => call.end,
        };
        let line_end = self.body[end..]
            .find('\n')
            .map_or(self.body.len(), |i| end + i);
        self.body[line_start..call.start].trim().is_empty()
            && self.body[end..line_end].trim().is_empty()
    }

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

    fn inner(&mut self, inner: Option<(usize, usize)>) {
        if let Some((start, end)) = inner {
            self.range(start, end);
        }
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
            templates: None,
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
            templates: None,
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
        ); // A theme's Hugo shortcode keeps its image and its link.
        let (out, problems) = expand_with(
            "{{< blog/banner src=\"/img/a.png\" alt=\"A banner\" link=\"https://x.example/\" size=\"wide\" >}}",
            Dialect::Hugo,
            &[],
        );
        assert_eq!(
            out.trim(),
            "![A banner](</img/a.png>) [https://x.example/](<https://x.example/>)"
        );
        assert_eq!(
            problems[0].message,
            "shortcode `blog/banner` is not one Folio knows: its image and link kept, the rest left out"
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
            templates: None,
        };
        let body = "ab {{< youtube x >}} cd";
        let expanded = expand(body, &cx);
        let cd = expanded.text.find("cd").unwrap();
        assert_eq!(expanded.written_offset(cd), body.find("cd").unwrap());
        assert_eq!(expanded.written_offset(1), 1);
        let card = expanded.text.find("<p").unwrap();
        assert_eq!(expanded.written_offset(card + 5), 3);
    }
}
