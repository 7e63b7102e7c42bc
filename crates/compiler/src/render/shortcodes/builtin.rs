//! The shortcodes Folio writes itself: Hugo's built-in ones (`figure`, `youtube`,
//! `vimeo`, `x`/`tweet`, `gist`, `highlight`, `param`, `ref`, `relref`, `details`,
//! `comment`), Docsy's (`alert`, `pageinfo`, `imgproc`), the `note` and `gallery` of
//! common themes, and Zola's `youtube`, `vimeo` and `gist`. Embeds are link cards:
//! nothing loads from the third party until the reader follows the link, and the page
//! keeps its strict CSP.

use super::Writer;
use super::parse::Call;
use crate::render::markdown::BodyProblem;

impl Writer<'_, '_> {
    /// Writes what `call` becomes, with its inner content (`body[start..end]`).
    pub(super) fn call(&mut self, call: &Call, inner: Option<(usize, usize)>) {
        let at = call.start;
        let inner_text = inner.map_or("", |(s, e)| &self.body[s..e]);
        // Folio's link cards for Zola's embeds, which keep the page's CSP; then the
        // site's own templates.
        let embed = matches!(call.name.as_str(), "youtube" | "vimeo" | "gist");
        if !embed && self.site_call(call, inner) {
            return;
        }
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
            // A theme's or site's own Hugo shortcode, which is a Go template Folio does
            // not run: what authors most often hand one is kept, an image by its `src`
            // and a link by its `link`, `href` or `url`, with the inner Markdown.
            (_, false) if call.named("src").is_some() || link_of(call).is_some() => {
                let title = call.named("title").or(call.named("caption"));
                let mut kept = Vec::new();
                if let Some(src) = call.named("src") {
                    let alt = call.named("alt").or(title).unwrap_or_default();
                    kept.push(format!("![{}]({})", markdown_text(alt), markdown_url(src)));
                }
                if let Some(link) = link_of(call) {
                    let text = title.unwrap_or(link);
                    kept.push(format!("[{}]({})", markdown_text(text), markdown_url(link)));
                }
                let what = match (call.named("src").is_some(), link_of(call).is_some()) {
                    (true, true) => "image and link",
                    (true, false) => "image",
                    _ => "link",
                };
                self.problems.push(BodyProblem {
                    offset: call.start,
                    message: format!(
                        "shortcode `{}` is not one Folio knows: its {what} kept, the rest left out",
                        call.name
                    ),
                    help: "write it as Markdown or HTML: Folio runs no Go templates; \
                           docs/migrating.md lists the shortcodes Folio renders"
                        .to_owned(),
                    warning: true,
                });
                self.generate(&format!("\n\n{}\n\n", kept.join(" ")), at);
                self.inner(inner);
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

/// The link a call names: its `link`, `href` or `url`.
fn link_of(call: &Call) -> Option<&str> {
    call.named("link")
        .or(call.named("href"))
        .or(call.named("url"))
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

    #[test]
    fn globs_match_as_hugo_resources_do() {
        assert!(glob("images/*", "images/a.jpg"));
        assert!(!glob("*", "images/a.jpg"));
        assert!(glob("**.png", "x/y.png"));
        assert!(glob("wego*.png", "wego-1.png"));
    }
}
