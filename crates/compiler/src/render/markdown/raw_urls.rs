//! The URLs an author wrote in raw HTML (`<a href>`, `<img src>`), found so that they are
//! read as the body's Markdown links and images are: rewritten where they lead inside
//! the site, reported where they lead nowhere. Tags are read as HTML's tokenizer reads
//! them (quoted and unquoted values, comments skipped); the sanitizer and the markup
//! repair see the result afterwards.

use std::ops::Range;

/// What a URL of raw HTML is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlKind {
    /// `<a href>`, `<area href>`.
    Link,
    /// `<img src>`, `<source src>`, `<video poster>`.
    Image,
}

/// One URL of raw HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawUrl {
    pub kind: UrlKind,
    /// The URL, its character references (`&amp;`, `&ouml;`) read.
    pub url: String,
    /// Where its value is written, quotes included.
    pub span: Range<usize>,
    /// Where the tag's name ends, to add attributes after it.
    pub name_end: usize,
    /// Whether the tag gives `width` and `height` (for `<img>`).
    pub sized: bool,
}

/// Every link and image URL of `html`, in order.
pub fn find(html: &str) -> Vec<RawUrl> {
    let bytes = html.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(next) = html[at..].find('<') {
        at += next;
        if html[at..].starts_with("<!--") {
            at = html[at + 4..]
                .find("-->")
                .map_or(html.len(), |end| at + 4 + end + 3);
            continue;
        }
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
            continue;
        }
        let name_start = at + 1;
        let mut i = name_start;
        while i < bytes.len() && !is_space(bytes[i]) && bytes[i] != b'/' && bytes[i] != b'>' {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        let name_end = i;
        let mut urls = Vec::new();
        let mut sized = (false, false);
        // The attributes, up to the tag's `>`.
        loop {
            while i < bytes.len() && (is_space(bytes[i]) || bytes[i] == b'/') {
                i += 1;
            }
            if i >= bytes.len() || bytes[i] == b'>' {
                break;
            }
            let attribute_start = i;
            while i < bytes.len() && !is_space(bytes[i]) && !matches!(bytes[i], b'/' | b'>' | b'=')
                || i == attribute_start
            {
                i += 1;
            }
            let attribute = html[attribute_start..i].to_ascii_lowercase();
            let mut j = i;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            if bytes.get(j) != Some(&b'=') {
                continue;
            }
            j += 1;
            while j < bytes.len() && is_space(bytes[j]) {
                j += 1;
            }
            let value_start = j;
            let (value, value_end) = match bytes.get(j) {
                Some(&quote @ (b'"' | b'\'')) => {
                    let end = html[j + 1..]
                        .find(quote as char)
                        .map_or(html.len(), |e| j + 1 + e);
                    (&html[j + 1..end], (end + 1).min(html.len()))
                }
                _ => {
                    while j < bytes.len() && !is_space(bytes[j]) && bytes[j] != b'>' {
                        j += 1;
                    }
                    (&html[value_start..j], j)
                }
            };
            i = value_end;
            match attribute.as_str() {
                "width" => sized.0 = true,
                "height" => sized.1 = true,
                _ => {}
            }
            if let Some(kind) = url_kind(&name, &attribute) {
                urls.push((
                    kind,
                    super::markup_repair::attribute_value(value),
                    value_start..value_end,
                ));
            }
        }
        found.extend(urls.into_iter().map(|(kind, url, span)| RawUrl {
            kind,
            url,
            span,
            name_end,
            sized: sized.0 && sized.1,
        }));
        at = (i + 1).min(html.len());
    }
    found
}

fn url_kind(tag: &str, attribute: &str) -> Option<UrlKind> {
    match (tag, attribute) {
        ("a" | "area", "href") => Some(UrlKind::Link),
        ("img" | "source", "src") | ("source", "srcset") | ("video", "poster") => {
            Some(UrlKind::Image)
        }
        ("video", "src") => Some(UrlKind::Link),
        _ => None,
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(html: &str) -> Vec<(UrlKind, String, &str, bool)> {
        find(html)
            .into_iter()
            .map(|u| (u.kind, u.url, &html[u.span], u.sized))
            .collect()
    }

    #[test]
    fn finds_links_and_images_in_every_way_of_quoting() {
        let html = r#"<p><a class=x href="/blog/2021/03/a/">A</a> <IMG alt='B' SRC='/img/b.svg' />
<a href=/c/?x=1&amp;y=2>C</a><img src="d.png" width="10" height="5"></p>"#;
        assert_eq!(
            urls(html),
            [
                (
                    UrlKind::Link,
                    "/blog/2021/03/a/".into(),
                    "\"/blog/2021/03/a/\"",
                    false
                ),
                (UrlKind::Image, "/img/b.svg".into(), "'/img/b.svg'", false),
                (
                    UrlKind::Link,
                    "/c/?x=1&y=2".into(),
                    "/c/?x=1&amp;y=2",
                    false
                ),
                (UrlKind::Image, "d.png".into(), "\"d.png\"", true),
            ]
        );
    }

    #[test]
    fn skips_comments_other_attributes_and_text() {
        let html = "<!-- <a href=\"/x/\"> --><div data-href=\"/y/\">a < b <a name=top></a></div>";
        assert_eq!(urls(html), []);
    }

    #[test]
    fn a_tag_across_lines_and_one_left_open_are_read() {
        let html = "<img\n  alt=\"Flux\"\n  src=\"/img/a.png\"\n>\n<a href=\"/z/";
        let found = urls(html);
        assert_eq!(found[0].1, "/img/a.png");
        assert_eq!(found[1].1, "/z/");
    }
}
