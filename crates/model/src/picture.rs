//! The HTML of a raster image: a `<picture>` of the sizes and formats the compiler made,
//! over its placeholder. The one writer of that markup, for the images of bodies and for
//! heroes and avatars (kept in [`Image::html`], which the app shows as it is), so every
//! image loads the same way.

use crate::content_index::Image;
use crate::head::escape_html;

/// The variants of a raster image, as `<picture>` offers them to the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Responsive {
    /// Modern formats first (`image/avif`, then `image/webp`), each with its `srcset`.
    pub sources: Vec<ImageSource>,
    /// Which width the layout shows the image at (`min(42rem, 100vw - 2rem)`).
    pub sizes: String,
    /// A tiny preview (a `data:` PNG) shown under the image until it paints; `None` for
    /// images with transparency, which it would show through.
    pub placeholder: Option<String>,
}

/// One format of a responsive image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageSource {
    /// `image/avif`, `image/webp`.
    pub mime: String,
    /// Candidates as `srcset` writes them (`data/images/a-480.1f2e3d4c5b.avif 480w, …`).
    pub srcset: String,
}

/// How urgently the browser should load the image.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// The page's largest paint (a post's hero): loaded at once, before other images.
    High,
    /// On the first screen (a listing's first cards): loaded at once, before the page's
    /// load event, so that the page paints it before the app takes over.
    Eager,
    /// Anything else: loaded when it nears the viewport.
    Lazy,
}

impl Priority {
    /// How an image of this priority asks to be loaded.
    fn attributes(self) -> &'static str {
        match self {
            Priority::High => " fetchpriority=\"high\" decoding=\"async\"",
            Priority::Eager => " decoding=\"async\"",
            Priority::Lazy => LAZY,
        }
    }
}

const LAZY: &str = " loading=\"lazy\" decoding=\"async\"";

/// The class of the element that holds an image and its placeholder.
pub const FRAME_CLASS: &str = "image-frame";
/// The class of a placeholder.
pub const PLACEHOLDER_CLASS: &str = "image-placeholder";

/// The markup of `image`: a `<picture>` of `responsive`'s sizes and formats, over its
/// placeholder when it has one, or a plain `<img>` when the image is shown as it is (an
/// SVG, another site's). `url` turns a URL relative to the site's root into the page's
/// (under the base path); absolute URLs are left alone.
pub fn picture_html(
    image: &Image,
    responsive: Option<&Responsive>,
    url: &dyn Fn(&str) -> String,
    priority: Priority,
) -> String {
    let link = |src: &str| match src.contains("://") || src.starts_with("data:") {
        true => src.to_owned(),
        false => url(src),
    };
    let size = match (image.width, image.height) {
        (Some(width), Some(height)) => format!(" width=\"{width}\" height=\"{height}\""),
        _ => String::new(),
    };
    let loading = priority.attributes();
    let img = format!(
        "<img src=\"{}\" alt=\"{}\"{size}{loading}>",
        escape_html(&link(&image.src)),
        escape_html(&image.alt)
    );
    let Some(responsive) = responsive else {
        return img;
    };
    let sizes = escape_html(&responsive.sizes);
    let mut html = String::with_capacity(512);
    if let Some(placeholder) = &responsive.placeholder {
        html.push_str(&format!(
            "<span class=\"{FRAME_CLASS}\"><img class=\"{PLACEHOLDER_CLASS}\" src=\"{}\" alt=\"\"{size}>",
            escape_html(placeholder)
        ));
    }
    html.push_str("<picture>");
    for source in &responsive.sources {
        html.push_str(&format!(
            "<source type=\"{}\" srcset=\"{}\" sizes=\"{sizes}\">",
            escape_html(&source.mime),
            escape_html(&srcset_under(&source.srcset, &link))
        ));
    }
    html.push_str(&img);
    html.push_str("</picture>");
    if responsive.placeholder.is_some() {
        html.push_str("</span>");
    }
    html
}

/// `html` with its first image, when this module wrote it as [`Priority::Lazy`], loaded
/// as `priority` instead: a body that shows the post's hero stands for the hero, and its
/// first image is the page's largest paint; a listing's first cards are on its first
/// screen. `None` when the first image is not one of this module's (raw HTML's), or
/// there is none.
pub fn with_first_image(html: &str, priority: Priority) -> Option<String> {
    let start = html.find("<img ")?;
    let tag_end = start + html[start..].find('>')?;
    // The placeholder comes first in its frame: the image is the next one.
    let start = match html[start..tag_end].contains(PLACEHOLDER_CLASS) {
        true => tag_end + html[tag_end..].find("<img ")?,
        false => start,
    };
    let tag_end = start + html[start..].find('>')?;
    let at = start + html[start..tag_end].find(LAZY)?;
    Some(format!(
        "{}{}{}",
        &html[..at],
        priority.attributes(),
        &html[at + LAZY.len()..]
    ))
}

/// A `srcset` with each candidate's URL passed through `link`.
pub fn srcset_under(candidates: &str, link: &dyn Fn(&str) -> String) -> String {
    candidates
        .split(", ")
        .map(|candidate| match candidate.split_once(' ') {
            Some((url, descriptor)) => format!("{} {descriptor}", link(url)),
            None => link(candidate),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under_blog(src: &str) -> String {
        format!("/blog/{src}")
    }

    fn photo() -> Image {
        Image {
            src: "data/images/cat-800.0123456789.jpg".into(),
            alt: "A cat \"asleep\"".into(),
            width: Some(1600),
            height: Some(900),
            html: String::new(),
        }
    }

    fn variants(placeholder: Option<&str>) -> Responsive {
        Responsive {
            sources: vec![ImageSource {
                mime: "image/avif".into(),
                srcset: "data/images/cat-480.aaaaaaaaaa.avif 480w, data/images/cat-800.bbbbbbbbbb.avif 800w".into(),
            }],
            sizes: "min(1600px, 42rem, 100vw - 2rem)".into(),
            placeholder: placeholder.map(str::to_owned),
        }
    }

    #[test]
    fn a_processed_image_is_a_picture_over_its_placeholder() {
        let html = picture_html(
            &photo(),
            Some(&variants(Some("data:image/png;base64,iVBO"))),
            &under_blog,
            Priority::Lazy,
        );
        assert_eq!(
            html,
            "<span class=\"image-frame\">\
             <img class=\"image-placeholder\" src=\"data:image/png;base64,iVBO\" alt=\"\" width=\"1600\" height=\"900\">\
             <picture>\
             <source type=\"image/avif\" srcset=\"/blog/data/images/cat-480.aaaaaaaaaa.avif 480w, /blog/data/images/cat-800.bbbbbbbbbb.avif 800w\" sizes=\"min(1600px, 42rem, 100vw - 2rem)\">\
             <img src=\"/blog/data/images/cat-800.0123456789.jpg\" alt=\"A cat &quot;asleep&quot;\" width=\"1600\" height=\"900\" loading=\"lazy\" decoding=\"async\">\
             </picture></span>"
        );
    }

    #[test]
    fn a_bodys_first_image_can_be_loaded_first() {
        let lazy = |image: &Image, placeholder| {
            picture_html(
                image,
                Some(&variants(placeholder)),
                &under_blog,
                Priority::Lazy,
            )
        };
        let high = |image: &Image, placeholder| {
            picture_html(
                image,
                Some(&variants(placeholder)),
                &under_blog,
                Priority::High,
            )
        };
        let second = Image {
            src: "data/images/dog.jpg".into(),
            ..photo()
        };
        for placeholder in [Some("data:image/png;base64,iVBO"), None] {
            let body = format!(
                "<p>Hi</p>{}<p>{}</p>",
                lazy(&photo(), placeholder),
                lazy(&second, placeholder)
            );
            assert_eq!(
                with_first_image(&body, Priority::High),
                Some(format!(
                    "<p>Hi</p>{}<p>{}</p>",
                    high(&photo(), placeholder),
                    lazy(&second, placeholder)
                ))
            );
        }
        let card = lazy(&photo(), Some("data:image/png;base64,iVBO"));
        assert_eq!(
            with_first_image(&card, Priority::Eager),
            Some(picture_html(
                &photo(),
                Some(&variants(Some("data:image/png;base64,iVBO"))),
                &under_blog,
                Priority::Eager
            ))
        );
        assert_eq!(with_first_image("<p>No image</p>", Priority::High), None);
        assert_eq!(
            with_first_image("<img src=\"a.png\" alt=\"\"><p>x</p>", Priority::Eager),
            None,
            "raw HTML's image is left as the author wrote it"
        );
    }

    #[test]
    fn an_image_without_variants_is_a_plain_img() {
        let bare = picture_html(&photo(), Some(&variants(None)), &under_blog, Priority::High);
        assert!(bare.starts_with("<picture><source"), "{bare}");
        assert!(
            bare.contains("fetchpriority=\"high\"") && !bare.contains("loading="),
            "{bare}"
        );
        let svg = Image {
            src: "data/media/chart.svg".into(),
            width: None,
            height: None,
            ..photo()
        };
        assert_eq!(
            picture_html(&svg, None, &under_blog, Priority::Lazy),
            "<img src=\"/blog/data/media/chart.svg\" alt=\"A cat &quot;asleep&quot;\" loading=\"lazy\" decoding=\"async\">"
        );
        let remote = Image {
            src: "https://example.com/a.png".into(),
            ..svg
        };
        assert!(
            picture_html(&remote, None, &under_blog, Priority::Lazy)
                .starts_with("<img src=\"https://example.com/a.png\""),
            "another site's image is left where it is"
        );
    }
}
