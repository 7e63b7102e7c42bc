//! The documents of the content index, as serialized to JSON.
//!
//! Where each document lives is in [`crate::data_layout`]. The documents are:
//!
//! - [`SiteDocument`], `data/site.json`: settings, languages, authors, categories.
//! - [`ListingPage`], one per page of each listing (home, category, tag, author) in each
//!   language: the post cards of that page.
//! - [`PostDocument`], one per post: metadata, body HTML, table of contents, author cards,
//!   next paths, alternates. A post page needs this one document before its article shows.
//! - [`RelatedFeatures`], one per language: compact features for ranking related posts,
//!   loaded after the article. Written as JSON Lines (a header, then a post per line) by
//!   [`crate::feature_lines`], so that the app reads it in slices.
//! - [`Redirects`], `data/redirects.json`: old URLs and where they now point.
//!
//! Every document carries `schema_version`. A reader that finds a version it does not know
//! must refuse the document rather than guess. Fields may be added within a version only
//! with a serde default, so that older documents still read; anything else bumps it.
//! Dates are RFC 3339 strings with an offset. URLs of routes are relative to the site's
//! root and end with `/` (`posts/x/`, `es/posts/x/`).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::data_layout::Page;
use crate::head::PageHead;
use crate::related::RelatedSettings;

/// The version of the JSON format described in this module.
pub const SCHEMA_VERSION: u32 = 5;

/// The schema version a document that does not read names, when it is not ours: its
/// reader then says it was written for another version of Folio, rather than damaged.
pub fn foreign_schema_version(text: &str) -> Option<u32> {
    #[derive(Deserialize)]
    struct VersionOnly {
        schema_version: u32,
    }
    crate::object_json::from_str::<VersionOnly>(text)
        .ok()
        .map(|v| v.schema_version)
        .filter(|&version| version != SCHEMA_VERSION)
}

/// The site: settings, languages, authors and categories. Small; shared by every page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SiteDocument {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// The absolute URL of the site's root, ending with `/` (`https://example.com/blog/`),
    /// or `/` when the build was not told.
    pub base_url: String,
    /// The language of unprefixed routes (`en`).
    pub default_language: String,
    /// Every language of the site, the default first, then by code.
    pub languages: Vec<Language>,
    /// How many post cards a listing page holds.
    pub posts_per_page: u32,
    /// Links of the site's header.
    #[serde(default)]
    pub navigation: Vec<Link>,
    /// Every author with a file, and every name-only author a post names, by id.
    pub authors: Vec<Author>,
    /// Every category, by id.
    pub categories: Vec<Category>,
    /// How related posts are chosen.
    #[serde(default)]
    pub related: RelatedSettings,
}

impl SiteDocument {
    /// True when the base URL is absolute (`https://…`): feeds and the sitemap need
    /// absolute URLs, so a site built without one has neither.
    pub fn has_absolute_base_url(&self) -> bool {
        self.base_url.contains("://")
    }
}

/// One language of the site, with the texts that differ per language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// BCP 47 code (`en`, `es`, `pt-BR`).
    pub code: String,
    /// The language's own name (`Español`), for the language switcher.
    pub name: String,
    /// The site's title in this language.
    pub title: String,
    /// The site's description in this language. May be empty.
    #[serde(default)]
    pub description: String,
    /// The "Next paths" block shown under posts of this language.
    pub next_paths: NextPaths,
    /// Published posts in this language.
    pub post_count: u32,
    /// The head of the 404 page in this language ([`crate::head::not_found_head`]).
    pub not_found_head: PageHead,
}

/// A labelled link (navigation, author links).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// The visible text.
    pub label: String,
    /// Where it goes: an absolute URL, or a route relative to the site's root.
    pub href: String,
}

/// The "Next paths" block: where a reader goes from a post.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NextPaths {
    /// The block's heading ("Go deeper from this topic").
    pub heading: String,
    /// One sentence under the heading.
    #[serde(default)]
    pub intro: String,
    /// The links. An empty list means the block is not shown.
    #[serde(default)]
    pub links: Vec<NextPath>,
}

/// One link of the "Next paths" block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextPath {
    /// The link's title.
    pub title: String,
    /// One sentence about where it goes. May be empty.
    #[serde(default)]
    pub description: String,
    /// Absolute URL, or a route relative to the site's root.
    pub href: String,
}

/// A person who writes posts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// URL segment of the author's page (`laura-gomez`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Job title ("Automation Lead"). Empty for name-only authors.
    #[serde(default)]
    pub role: String,
    /// Short biography, rendered from Markdown. Empty for name-only authors.
    #[serde(default)]
    pub bio_html: String,
    /// Avatar image, when the author file names one.
    #[serde(default)]
    pub avatar: Option<Image>,
    /// The author's links.
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A category: every post has at most one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Category {
    /// URL segment of the category's page (`automation`).
    pub id: String,
    /// Display name ("Automation").
    pub name: String,
    /// One paragraph about the category. May be empty.
    #[serde(default)]
    pub description: String,
}

/// An id and the name to show for it: a post's category, tags and authors on cards.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Term {
    /// URL segment.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// An image with the size it takes before it loads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// URL relative to the site's root (`data/media/x.svg`), or absolute.
    pub src: String,
    /// Text alternative; never empty for hero images.
    pub alt: String,
    /// Intrinsic width in CSS pixels, when known.
    #[serde(default)]
    pub width: Option<u32>,
    /// Intrinsic height in CSS pixels, when known.
    #[serde(default)]
    pub height: Option<u32>,
    /// The image's markup as the document that holds it shows it (a post's hero in its
    /// post's document, as its card in a listing's), written by the compiler with
    /// [`crate::picture`], URLs under the base path: for a raster image, a `<picture>`
    /// of its sizes and formats over its placeholder, `src` being its fallback (for
    /// feeds and link previews); else an `<img>` of `src` as it is (an SVG, another
    /// site's).
    #[serde(default)]
    pub html: String,
}

/// Which listing a [`ListingPage`] belongs to: `"home"`, or `{"category": "<id>"}` and
/// the like. (Serde's plain enum form: an internally or adjacently tagged enum costs the
/// app several kilobytes of decoding code.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Listing {
    /// Every post of the language.
    Home,
    /// The posts of one category.
    Category(String),
    /// The posts with one tag.
    Tag(String),
    /// The posts of one author.
    Author(String),
}

impl Listing {
    /// Page `n` of this listing.
    pub fn page(&self, n: u32) -> Page<'_> {
        match self {
            Listing::Home => Page::Home(n),
            Listing::Category(id) => Page::Category(id, n),
            Listing::Tag(id) => Page::Tag(id, n),
            Listing::Author(id) => Page::Author(id, n),
        }
    }
}

/// One page of a listing: the cards it shows and where it sits among the pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingPage {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// The language of the listing.
    pub language: String,
    /// Which listing this is.
    pub listing: Listing,
    /// The listing's display name (category, tag or author name; the site's title for
    /// home).
    pub title: String,
    /// 1-based page number.
    pub page: u32,
    /// How many pages the listing has (at least 1).
    pub total_pages: u32,
    /// How many posts the listing has over all its pages.
    pub total_posts: u32,
    /// The cards of this page, newest first.
    pub posts: Vec<PostSummary>,
    /// The page's head ([`crate::head::listing_head`]).
    pub head: PageHead,
}

/// What a card shows of a post, and the metadata of its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSummary {
    /// URL segment: the post's route is `posts/<slug>/` under its language's prefix.
    pub slug: String,
    /// The post's language.
    pub language: String,
    /// The title.
    pub title: String,
    /// The dek, as the author wrote it. May be empty.
    #[serde(default)]
    pub description: String,
    /// The description, else the text of the first paragraph, shortened.
    #[serde(default)]
    pub excerpt: String,
    /// Publication date-time, RFC 3339 with the site time zone's offset.
    pub published: String,
    /// Last significant update, RFC 3339, when the author gave one.
    #[serde(default)]
    pub updated: Option<String>,
    /// Words of the body outside code (CJK characters count one each).
    pub word_count: u32,
    /// Minutes to read, at least 1.
    pub reading_minutes: u32,
    /// The post's category.
    #[serde(default)]
    pub category: Option<Term>,
    /// The post's tags, in the author's order.
    #[serde(default)]
    pub tags: Vec<Term>,
    /// The post's authors, in the author's order.
    #[serde(default)]
    pub authors: Vec<Term>,
    /// The hero image.
    #[serde(default)]
    pub image: Option<Image>,
    /// True for drafts and future posts, which only `--drafts` builds contain.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// One post, with everything its page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PostDocument {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// The card data and page metadata. (Nested rather than flattened: flattening costs
    /// the app several kilobytes of decoding code.) Its `image` is the hero the post
    /// page shows above the body: `None` when the body shows that picture itself, which
    /// stays the post's picture in listings and link previews.
    pub summary: PostSummary,
    /// The body rendered to HTML at build time: sanitized, safe to insert as it is.
    pub body_html: String,
    /// The table of contents; empty for short posts (fewer than three headings or 700
    /// words).
    #[serde(default)]
    pub toc: Vec<TocEntry>,
    /// Full cards of the post's authors, in the post's order.
    #[serde(default)]
    pub author_cards: Vec<Author>,
    /// The "Next paths" block: the post's own links, else the site's defaults.
    #[serde(default)]
    pub next_paths: NextPaths,
    /// The same post in other languages, by language code.
    #[serde(default)]
    pub alternates: Vec<Alternate>,
    /// Slugs of posts the author wants first among related posts, in order.
    #[serde(default)]
    pub related: Vec<String>,
    /// Front matter keys Folio does not know, kept as they were.
    #[serde(default)]
    pub extra: Extra,
    /// The page's head ([`crate::head::post_head`]).
    pub head: PageHead,
}

/// A page that is not a post (About, Archive, Talks): at its own path, with the site's
/// header and footer, in the sitemap, never in feeds or listings. Its static page is its
/// whole view: the app adopts it as it is and follows links to pages with a full load,
/// so the app decodes no document of pages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageDocument {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    pub language: String,
    /// Its path under its language's prefix (`about`, `talks/2024`).
    pub path: String,
    pub title: String,
    /// May be empty.
    pub description: String,
    /// The body rendered to HTML at build time, as a post's.
    pub body_html: String,
    /// The same page in other languages; each one's `slug` is that page's path.
    #[serde(default)]
    pub alternates: Vec<Alternate>,
    /// The page's head ([`crate::head::page_head`]).
    pub head: PageHead,
}

/// Front matter keys Folio does not know: a JSON object, kept as text so that readers
/// that never look inside (the app) carry no code for arbitrary JSON.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Extra(Box<serde_json::value::RawValue>);

impl Extra {
    /// The keys and values of `map`.
    pub fn from_map(map: &BTreeMap<String, serde_json::Value>) -> Self {
        Extra(serde_json::value::to_raw_value(map).expect("a map of JSON values serializes"))
    }

    /// The object's JSON text.
    pub fn json(&self) -> &str {
        self.0.get()
    }
}

impl Default for Extra {
    fn default() -> Self {
        Extra(serde_json::value::RawValue::from_string("{}".to_owned()).expect("`{}` is JSON"))
    }
}

impl PartialEq for Extra {
    fn eq(&self, other: &Self) -> bool {
        self.json() == other.json()
    }
}

/// A heading of a post's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TocEntry {
    /// 2 for `##`, 3 for `###`.
    pub level: u8,
    /// The heading's id in the body (link to `#id`).
    pub id: String,
    /// The heading's text.
    pub title: String,
}

/// The same post in another language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Alternate {
    /// The alternate's language.
    pub language: String,
    /// The alternate's slug (it may differ, with `translation_key`).
    pub slug: String,
    /// The alternate's title.
    pub title: String,
}

/// Compact features of every published post of one language, for ranking related posts
/// in the browser. Loaded after the article has rendered; its file is JSON Lines
/// ([`crate::feature_lines`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedFeatures {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// The language of every post listed.
    pub language: String,
    /// Every tag the posts use, with its name, by id.
    #[serde(default)]
    pub tags: Vec<Term>,
    /// One entry per published post, newest first.
    pub posts: Vec<PostFeatures>,
}

/// What the related-posts ranking knows of one post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostFeatures {
    /// The post's slug.
    pub slug: String,
    /// The post's title, for the related-post card.
    pub title: String,
    /// Days since 1970-01-01 of its publication.
    pub published_day: i32,
    /// Category id.
    #[serde(default)]
    pub category: Option<String>,
    /// Tag ids.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Author ids.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Slugs the author pinned as related, in order.
    #[serde(default)]
    pub related: Vec<String>,
    /// The post's strongest terms as `[term index, weight 1..=255]`, by index (the
    /// indexes are the compiler's, the same for every post of a language).
    #[serde(default)]
    pub terms: Vec<(u32, u8)>,
    /// True for drafts and future posts (only in `--drafts` builds): never related.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
}

/// Old URLs of posts (aliases, Zola paths) and the routes they now lead to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Redirects {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// Sorted by `from`.
    pub redirects: Vec<Redirect>,
}

/// One old URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Redirect {
    /// The old path, relative to the site's root, as the author wrote it less any leading
    /// `/` (`2019/09/30/async-await/`, `old.html`).
    pub from: String,
    /// The route it leads to, relative to the site's root (`posts/async-await/`).
    pub to: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> PostSummary {
        PostSummary {
            slug: "hello".into(),
            language: "en".into(),
            title: "Hello".into(),
            description: "A first post.".into(),
            excerpt: "A first post.".into(),
            published: "2026-03-14T00:00:00+01:00".into(),
            updated: None,
            word_count: 2,
            reading_minutes: 1,
            category: Some(Term {
                id: "news".into(),
                name: "News".into(),
            }),
            tags: vec![],
            authors: vec![Term {
                id: "ana".into(),
                name: "Ana".into(),
            }],
            image: None,
            draft: false,
        }
    }

    fn post() -> PostDocument {
        PostDocument {
            schema_version: SCHEMA_VERSION,
            summary: summary(),
            body_html: "<p>Hi</p>\n".into(),
            toc: vec![],
            author_cards: vec![],
            next_paths: NextPaths::default(),
            alternates: vec![Alternate {
                language: "es".into(),
                slug: "hola".into(),
                title: "Hola".into(),
            }],
            related: vec![],
            extra: Extra::from_map(&BTreeMap::from([(
                "mood".into(),
                serde_json::json!("calm"),
            )])),
            head: PageHead::default(),
        }
    }

    #[test]
    fn a_post_round_trips_through_json() {
        let json = serde_json::to_string(&post()).unwrap();
        assert_eq!(serde_json::from_str::<PostDocument>(&json).unwrap(), post());
    }

    #[test]
    fn a_post_nests_its_summary_and_published_posts_carry_no_draft_flag() {
        let json = serde_json::to_value(post()).unwrap();
        assert_eq!(json["summary"]["slug"], "hello");
        assert_eq!(json["body_html"], "<p>Hi</p>\n");
        assert!(json.get("slug").is_none());
        assert!(json["summary"].get("draft").is_none());
        assert_eq!(json["extra"]["mood"], "calm");
    }

    #[test]
    fn fields_added_later_have_defaults() {
        let json = r#"{"slug":"a","language":"en","title":"A","published":"2026-01-01T00:00:00Z",
            "word_count":1,"reading_minutes":1}"#;
        let summary: PostSummary = serde_json::from_str(json).unwrap();
        assert_eq!((summary.description.as_str(), summary.category), ("", None));
    }

    #[test]
    fn listings_say_their_kind_and_id() {
        assert_eq!(
            serde_json::to_value(Listing::Home).unwrap(),
            serde_json::json!("home")
        );
        assert_eq!(
            serde_json::to_value(Listing::Tag("rust".into())).unwrap(),
            serde_json::json!({ "tag": "rust" })
        );
    }
}
