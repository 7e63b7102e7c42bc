//! The `<head>` of every route: title, description, canonical URL, hreflang alternates,
//! meta tags (Open Graph, Twitter card, robots) and JSON-LD.
//!
//! Computed here, in one place, so that the static HTML the compiler writes and the head
//! the app sets on client-side navigation can never disagree. Every function takes the
//! documents as they are and never fails: a missing category, an unknown language or an
//! empty string gives a plainer head, not an error.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use crate::content_index::{
    Alternate, Image, Language, Listing, ListingPage, PageDocument, PostDocument, PostSummary,
    SiteDocument,
};
use crate::data_layout::{FeedFormat, Page, feed, language_prefix, route};
use crate::locale::Locale;

/// A route's head as its document carries it: what the app needs to apply it on
/// navigation, with the elements already written as HTML (by [`HeadTags::to_html`], as
/// the static pages write them), so that the app carries no code to build them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageHead {
    /// The document's `<title>`.
    pub title: String,
    /// The `<html lang>`.
    pub language: String,
    /// Every other element of the route's head, each marked `data-folio-head`.
    pub html: String,
}

impl From<&HeadTags> for PageHead {
    fn from(tags: &HeadTags) -> Self {
        PageHead {
            title: tags.title.clone(),
            language: tags.language.clone(),
            html: tags.to_html(),
        }
    }
}

/// Everything a route puts in its `<head>`, as the compiler computes it: written into the
/// static pages, into each route's document as a [`PageHead`], and read by the sitemap.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeadTags {
    /// The document's `<title>`.
    pub title: String,
    /// The page's description (also in [`HeadTags::meta`]). May be empty.
    pub description: String,
    /// The absolute URL of the route, for `<link rel="canonical">` (root-relative when the
    /// site's base URL is `/`). Empty for the 404 page, which has no URL of its own: write
    /// no canonical link then.
    pub canonical: String,
    /// The `<html lang>`.
    pub language: String,
    /// The `<link rel="alternate" hreflang href>` links: the same page in every language
    /// it exists in, then `x-default`. Empty when there is no other language.
    pub alternates: Vec<HreflangLink>,
    /// The `<link rel="alternate" type>` links to the feeds of the route's language, one
    /// per format. Empty when the site has no absolute base URL, and so no feeds.
    #[serde(default)]
    pub feeds: Vec<FeedLink>,
    /// Every `<meta>` of the route, in order. Tags with nothing to say (an empty
    /// description) are left out.
    pub meta: Vec<MetaTag>,
    /// The text of the `<script type="application/ld+json">`: JSON with every `<`, `>`
    /// and `&` escaped (`\u003c`), so it can be written inside the script element as it
    /// is.
    pub json_ld: String,
}

impl HeadTags {
    /// The elements of the head as HTML, each marked `data-folio-head`, so that whoever
    /// replaces them finds exactly these: the compiler writes them into static pages, and
    /// the app writes them on navigation. The `<title>` is left to the caller.
    pub fn to_html(&self) -> String {
        let mut html = String::new();
        for meta in &self.meta {
            html.push_str(&format!(
                "<meta data-folio-head {}=\"{}\" content=\"{}\">",
                meta.attribute.as_str(),
                escape_html(&meta.key),
                escape_html(&meta.content)
            ));
        }
        if !self.canonical.is_empty() {
            html.push_str(&format!(
                "<link data-folio-head rel=\"canonical\" href=\"{}\">",
                escape_html(&self.canonical)
            ));
        }
        for alternate in &self.alternates {
            html.push_str(&format!(
                "<link data-folio-head rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
                escape_html(&alternate.hreflang),
                escape_html(&alternate.href)
            ));
        }
        for feed in &self.feeds {
            html.push_str(&format!(
                "<link data-folio-head rel=\"alternate\" type=\"{}\" title=\"{}\" href=\"{}\">",
                escape_html(&feed.media_type),
                escape_html(&feed.title),
                escape_html(&feed.href)
            ));
        }
        // Already safe inside a script element.
        html.push_str(&format!(
            "<script data-folio-head type=\"application/ld+json\">{}</script>",
            self.json_ld
        ));
        html
    }

    /// The content of the first meta tag named `key` (`og:title`, `robots`), if any.
    pub fn meta_content(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|tag| tag.key == key)
            .map(|tag| tag.content.as_str())
    }
}

/// `<link rel="alternate" hreflang="{hreflang}" href="{href}">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HreflangLink {
    /// A language code, or `x-default` for the version shown to every other language.
    pub hreflang: String,
    /// The absolute URL of that version.
    pub href: String,
}

/// `<link rel="alternate" type="{media_type}" title="{title}" href="{href}">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedLink {
    /// `application/atom+xml`, `application/rss+xml` or `application/feed+json`.
    pub media_type: String,
    /// The site's title in the feed's language, and the format: "Folio Journal (Atom)".
    pub title: String,
    /// The feed's absolute URL.
    pub href: String,
}

/// `<meta {attribute}="{key}" content="{content}">`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MetaTag {
    /// Which attribute names the tag.
    pub attribute: MetaAttribute,
    /// The tag's name (`description`, `og:title`, `twitter:card`).
    pub key: String,
    /// Its value, as text: escape it when writing HTML.
    pub content: String,
}

impl MetaTag {
    /// `<meta name="{key}" content="{content}">`.
    pub fn name(key: &str, content: &str) -> MetaTag {
        MetaTag {
            attribute: MetaAttribute::Name,
            key: key.to_owned(),
            content: content.to_owned(),
        }
    }

    /// `<meta property="{key}" content="{content}">`.
    pub fn property(key: &str, content: &str) -> MetaTag {
        MetaTag {
            attribute: MetaAttribute::Property,
            key: key.to_owned(),
            content: content.to_owned(),
        }
    }
}

/// The attribute that names a meta tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetaAttribute {
    /// `<meta name>`: description, robots, Twitter card.
    Name,
    /// `<meta property>`: Open Graph and `article:*`.
    Property,
}

impl MetaAttribute {
    /// The attribute's name in HTML: `name` or `property`.
    pub fn as_str(self) -> &'static str {
        match self {
            MetaAttribute::Name => "name",
            MetaAttribute::Property => "property",
        }
    }
}

/// `text` escaped for HTML text and double-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// The words of a generated link-preview card: what a page shares as its image when it
/// has no hero of its own (see [`post_head`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShareCard {
    /// The large text: the post's or the listing's title.
    pub title: String,
    /// The small line above it: the post's category, "Posts tagged", or none.
    pub kicker: Option<String>,
    /// The site's name, at the bottom.
    pub site_name: String,
}

/// The card of a post without a hero: its title, its category and the site's name.
pub fn post_share_card(site: &SiteDocument, summary: &PostSummary) -> ShareCard {
    let scope = SiteInLanguage::new(site, &summary.language);
    ShareCard {
        title: summary.title.clone(),
        kicker: summary
            .category
            .as_ref()
            .map(|category| category.name.clone()),
        site_name: scope.title().to_owned(),
    }
}

/// The card of a listing: home shows the site's description, a category, author or tag
/// its name under "Posts in", "Posts by" or "Posts tagged".
pub fn listing_share_card(site: &SiteDocument, listing: &ListingPage) -> ShareCard {
    let scope = SiteInLanguage::new(site, &listing.language);
    let words = scope.words;
    let (title, kicker) = match listing.listing {
        Listing::Home => (first_non_empty(&[scope.description(), scope.title()]), None),
        Listing::Category(_) => (listing_name(&scope, listing), Some(words.posts_in)),
        Listing::Author(_) => (listing_name(&scope, listing), Some(words.posts_by)),
        Listing::Tag(_) => (listing_name(&scope, listing), Some(words.posts_tagged)),
    };
    ShareCard {
        title: title.to_owned(),
        kicker: kicker.map(str::to_owned),
        site_name: scope.title().to_owned(),
    }
}

/// The head of a post's page. `share` is the image its link previews show (a raster
/// 1200×630 made from its hero, or its card), else its hero as it is.
pub fn post_head(site: &SiteDocument, post: &PostDocument, share: Option<&Image>) -> HeadTags {
    let summary = &post.summary;
    let scope = SiteInLanguage::new(site, &summary.language);
    let canonical = scope.url(Page::Post(&summary.slug));
    let description = post_description(summary);
    let image = share
        .or(summary.image.as_ref())
        .map(|image| AbsoluteImage::new(&site.base_url, image));
    let card = Card {
        kind: "article",
        title: &summary.title,
        description,
        url: &canonical,
        noindex: summary.draft,
        image: image.as_ref(),
    };
    let json_ld = post_json_ld(&scope, summary, &canonical, description, image.as_ref());
    HeadTags {
        title: join_title(&[&summary.title, scope.title()]),
        description: description.to_owned(),
        language: scope.code.to_owned(),
        alternates: post_alternates(&scope, post),
        feeds: scope.feed_links(),
        meta: meta_tags(&scope, &card, article_tags(summary)),
        json_ld: script_safe_json(&json_ld),
        canonical,
    }
}

/// The head of one page of a listing (home, category, tag or author), whose link
/// previews show `share` (its card).
pub fn listing_head(site: &SiteDocument, listing: &ListingPage, share: Option<&Image>) -> HeadTags {
    let scope = SiteInLanguage::new(site, &listing.language);
    let canonical = scope.url(listing.listing.page(listing.page));
    let name = listing_name(&scope, listing);
    let description = listing_description(&scope, listing);
    let page_label = (listing.page > 1).then(|| scope.words.page(listing.page));
    let page_label = page_label.as_deref().unwrap_or_default();
    let title = match listing.listing {
        Listing::Home => join_title(&[name, page_label]),
        _ => join_title(&[name, scope.title(), page_label]),
    };
    let image = share.map(|image| AbsoluteImage::new(&site.base_url, image));
    let card = Card {
        kind: "website",
        title: name,
        description: &description,
        url: &canonical,
        noindex: false,
        image: image.as_ref(),
    };
    let alternates = match listing.listing {
        Listing::Home if listing.page <= 1 => home_alternates(site),
        _ => Vec::new(),
    };
    let json_ld = listing_json_ld(
        &scope,
        listing,
        name,
        &description,
        &canonical,
        image.as_ref(),
    );
    HeadTags {
        title,
        language: scope.code.to_owned(),
        alternates,
        feeds: scope.feed_links(),
        meta: meta_tags(&scope, &card, Vec::new()),
        json_ld: script_safe_json(&json_ld),
        description,
        canonical,
    }
}

/// The card of a page that is not a post: its title and the site's name.
pub fn page_share_card(site: &SiteDocument, page: &PageDocument) -> ShareCard {
    ShareCard {
        title: page.title.clone(),
        kicker: None,
        site_name: SiteInLanguage::new(site, &page.language).title().to_owned(),
    }
}

/// The head of a page that is not a post, whose link previews show `share` (its card).
pub fn page_head(site: &SiteDocument, page: &PageDocument, share: Option<&Image>) -> HeadTags {
    let scope = SiteInLanguage::new(site, &page.language);
    let canonical = scope.url(Page::Single(&page.path));
    let description = first_non_empty(&[&page.description, scope.description()]);
    let image = share.map(|image| AbsoluteImage::new(&site.base_url, image));
    let card = Card {
        kind: "website",
        title: &page.title,
        description,
        url: &canonical,
        noindex: false,
        image: image.as_ref(),
    };
    let mut json_ld = Map::new();
    json_ld.insert("@context".into(), SCHEMA_ORG.into());
    json_ld.insert("@type".into(), "WebPage".into());
    json_ld.insert("url".into(), canonical.clone().into());
    json_ld.insert("inLanguage".into(), scope.code.into());
    json_ld.insert("isPartOf".into(), scope.blog_json_ld());
    insert_text(&mut json_ld, "name", &page.title);
    insert_text(&mut json_ld, "description", description);
    if let Some(image) = &image {
        json_ld.insert("image".into(), image.url.clone().into());
    }
    HeadTags {
        title: join_title(&[&page.title, scope.title()]),
        description: description.to_owned(),
        language: scope.code.to_owned(),
        alternates: alternate_links(&scope, &page.path, &page.alternates, |path| {
            Page::Single(path)
        }),
        feeds: scope.feed_links(),
        meta: meta_tags(&scope, &card, Vec::new()),
        json_ld: script_safe_json(&Value::Object(json_ld)),
        canonical,
    }
}

/// The head of the 404 page in `language`: not indexed, with no canonical URL.
pub fn not_found_head(site: &SiteDocument, language: &str) -> HeadTags {
    let scope = SiteInLanguage::new(site, language);
    let words = scope.words;
    let card = Card {
        kind: "website",
        title: words.page_not_found,
        description: words.page_not_found_description,
        url: "",
        noindex: true,
        image: None,
    };
    let json_ld = json!({
        "@context": SCHEMA_ORG,
        "@type": "WebPage",
        "name": words.page_not_found,
        "description": words.page_not_found_description,
        "inLanguage": scope.code,
        "isPartOf": scope.blog_json_ld(),
    });
    HeadTags {
        title: join_title(&[words.page_not_found, scope.title()]),
        description: words.page_not_found_description.to_owned(),
        canonical: String::new(),
        language: scope.code.to_owned(),
        alternates: Vec::new(),
        feeds: scope.feed_links(),
        meta: meta_tags(&scope, &card, Vec::new()),
        json_ld: script_safe_json(&json_ld),
    }
}

/// `path`, relative to the site's root, as a URL under the site's `base_url`
/// (`https://example.com/blog/` gives `https://example.com/blog/<path>`, `/` gives
/// `/<path>`). A URL that is already absolute (`https://…`, `//host/…`) is kept as it is.
pub fn absolute_url(base_url: &str, path: &str) -> String {
    if path.contains("://") || path.starts_with("//") {
        return path.to_owned();
    }
    let base = base_url.trim_end_matches('/');
    let path = path.trim_start_matches('/');
    format!("{base}/{path}")
}

const SCHEMA_ORG: &str = "https://schema.org";

/// Between the parts of a title: "Post · Site".
const TITLE_SEPARATOR: &str = " · ";

/// The hreflang of the version for every language not listed.
const X_DEFAULT: &str = "x-default";

/// The site as seen from one of its languages: its title, its words, its URLs.
struct SiteInLanguage<'a> {
    site: &'a SiteDocument,
    /// The language's code; the default language's when the document gave none.
    code: &'a str,
    words: &'static Words,
}

impl<'a> SiteInLanguage<'a> {
    fn new(site: &'a SiteDocument, code: &'a str) -> Self {
        let code = if code.is_empty() {
            site.default_language.as_str()
        } else {
            code
        };
        SiteInLanguage {
            site,
            code,
            words: Words::of(code),
        }
    }

    /// The absolute URL of `page` in this language.
    fn url(&self, page: Page<'_>) -> String {
        page_url(self.site, self.code, page)
    }

    /// The site's title in this language, else in the default language, else empty.
    fn title(&self) -> &'a str {
        self.language_text(|language| &language.title)
    }

    /// The site's description in this language, else in the default language, else
    /// empty.
    fn description(&self) -> &'a str {
        self.language_text(|language| &language.description)
    }

    /// A text of this language's entry in the site, else of the default language's.
    fn language_text(&self, text: impl Fn(&'a Language) -> &'a str) -> &'a str {
        let languages = &self.site.languages;
        languages
            .iter()
            .find(|language| language.code == self.code)
            .or_else(|| {
                languages
                    .iter()
                    .find(|language| language.code == self.site.default_language)
            })
            .map_or("", text)
    }

    /// The links to this language's feeds, or none when the site has no absolute base
    /// URL.
    fn feed_links(&self) -> Vec<FeedLink> {
        if !self.site.has_absolute_base_url() {
            return Vec::new();
        }
        let prefix = language_prefix(self.code, &self.site.default_language);
        FeedFormat::ALL
            .iter()
            .map(|&format| FeedLink {
                media_type: format.media_type().to_owned(),
                title: format!("{} ({})", self.title(), format.name()),
                href: absolute_url(&self.site.base_url, &feed(&prefix, format)),
            })
            .collect()
    }

    /// The blog in this language, as a schema.org `Blog`.
    fn blog_json_ld(&self) -> Value {
        let mut blog = Map::new();
        blog.insert("@type".into(), "Blog".into());
        insert_text(&mut blog, "name", self.title());
        blog.insert("url".into(), self.url(Page::Home(1)).into());
        Value::Object(blog)
    }
}

/// The absolute URL of `page` in `language`.
fn page_url(site: &SiteDocument, language: &str, page: Page<'_>) -> String {
    let prefix = language_prefix(language, &site.default_language);
    absolute_url(&site.base_url, &route(&prefix, page))
}

/// The words of the head's own texts in one language. Languages Folio has no words for
/// get English.
struct Words {
    /// "Page", as in "Page 2".
    page: &'static str,
    page_not_found: &'static str,
    page_not_found_description: &'static str,
    /// Before a category's name, for a category with no description.
    posts_in: &'static str,
    /// Before an author's name, for an author with no role.
    posts_by: &'static str,
    /// Before a tag's name.
    posts_tagged: &'static str,
}

const ENGLISH: Words = Words {
    page: "Page",
    page_not_found: "Page not found",
    page_not_found_description: "There is no page at this address.",
    posts_in: "Posts in",
    posts_by: "Posts by",
    posts_tagged: "Posts tagged",
};

const SPANISH: Words = Words {
    page: "Página",
    page_not_found: "Página no encontrada",
    page_not_found_description: "No hay ninguna página en esta dirección.",
    posts_in: "Artículos en",
    posts_by: "Artículos de",
    posts_tagged: "Artículos con la etiqueta",
};

impl Words {
    fn of(language: &str) -> &'static Words {
        match Locale::from_code(language) {
            Some(Locale::Spanish) => &SPANISH,
            Some(Locale::English) | None => &ENGLISH,
        }
    }

    /// "Page 2".
    fn page(&self, number: u32) -> String {
        format!("{} {number}", self.page)
    }
}

/// The non-empty `parts` of a title, joined: "Post · Site".
fn join_title(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|part| !part.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(TITLE_SEPARATOR)
}

/// An image of a document, with its URL made absolute.
struct AbsoluteImage<'a> {
    url: String,
    image: &'a Image,
}

impl<'a> AbsoluteImage<'a> {
    fn new(base_url: &str, image: &'a Image) -> Self {
        AbsoluteImage {
            url: absolute_url(base_url, &image.src),
            image,
        }
    }
}

/// What the meta tags say of a page, whatever its kind.
struct Card<'a> {
    /// `og:type`.
    kind: &'static str,
    /// The page's own title, without the site's.
    title: &'a str,
    description: &'a str,
    /// The canonical URL; empty when the page has none.
    url: &'a str,
    noindex: bool,
    image: Option<&'a AbsoluteImage<'a>>,
}

/// Meta tags in order, leaving out those with empty content.
#[derive(Default)]
struct MetaTags(Vec<MetaTag>);

impl MetaTags {
    fn name(&mut self, key: &str, content: &str) {
        if !content.is_empty() {
            self.0.push(MetaTag::name(key, content));
        }
    }

    fn property(&mut self, key: &str, content: &str) {
        if !content.is_empty() {
            self.0.push(MetaTag::property(key, content));
        }
    }
}

/// Every meta tag of a page: description and robots, Open Graph, then `article_tags`,
/// then the Twitter card.
fn meta_tags(
    scope: &SiteInLanguage<'_>,
    card: &Card<'_>,
    article_tags: Vec<MetaTag>,
) -> Vec<MetaTag> {
    let mut meta = MetaTags::default();
    meta.name("description", card.description);
    if card.noindex {
        meta.name("robots", "noindex");
    }
    meta.property("og:type", card.kind);
    meta.property("og:title", card.title);
    meta.property("og:description", card.description);
    meta.property("og:url", card.url);
    meta.property("og:site_name", scope.title());
    meta.property("og:locale", &scope.code.replace('-', "_"));
    if let Some(image) = card.image {
        meta.property("og:image", &image.url);
        meta.property("og:image:alt", &image.image.alt);
        if let Some(width) = image.image.width {
            meta.property("og:image:width", &width.to_string());
        }
        if let Some(height) = image.image.height {
            meta.property("og:image:height", &height.to_string());
        }
    }
    meta.0.extend(article_tags);
    let twitter_card = match card.image {
        Some(_) => "summary_large_image",
        None => "summary",
    };
    meta.name("twitter:card", twitter_card);
    meta.name("twitter:title", card.title);
    meta.name("twitter:description", card.description);
    if let Some(image) = card.image {
        meta.name("twitter:image", &image.url);
        meta.name("twitter:image:alt", &image.image.alt);
    }
    meta.0
}

/// A post's `article:*` Open Graph tags.
fn article_tags(summary: &PostSummary) -> Vec<MetaTag> {
    let mut meta = MetaTags::default();
    meta.property("article:published_time", &summary.published);
    if let Some(updated) = &summary.updated {
        meta.property("article:modified_time", updated);
    }
    if let Some(category) = &summary.category {
        meta.property("article:section", &category.name);
    }
    for tag in &summary.tags {
        meta.property("article:tag", &tag.name);
    }
    meta.0
}

/// A post's description: its dek, else its excerpt.
fn post_description(summary: &PostSummary) -> &str {
    if summary.description.is_empty() {
        &summary.excerpt
    } else {
        &summary.description
    }
}

/// One link per language version of a post and `x-default` for the default language's,
/// by language code; none for a post in one language only. Alternates without a language
/// are left out.
fn post_alternates(scope: &SiteInLanguage<'_>, post: &PostDocument) -> Vec<HreflangLink> {
    alternate_links(scope, &post.summary.slug, &post.alternates, |slug| {
        Page::Post(slug)
    })
}

/// The hreflang links of a post or page (`own`: its slug or path) and its alternates,
/// each at `page` of its key, and `x-default` at the default language's; none for one
/// without alternates.
fn alternate_links(
    scope: &SiteInLanguage<'_>,
    own: &str,
    alternates: &[Alternate],
    page: impl Fn(&str) -> Page<'_>,
) -> Vec<HreflangLink> {
    if alternates.is_empty() {
        return Vec::new();
    }
    let site = scope.site;
    let mut versions: Vec<(&str, &str)> = std::iter::once((scope.code, own))
        .chain(
            alternates
                .iter()
                .filter(|alternate| !alternate.language.is_empty())
                .map(|alternate| (alternate.language.as_str(), alternate.slug.as_str())),
        )
        .collect();
    versions.sort_by_key(|&(language, _)| language);
    versions.dedup_by_key(|&mut (language, _)| language);
    let link = |hreflang: &str, language: &str, key: &str| HreflangLink {
        hreflang: hreflang.to_owned(),
        href: page_url(site, language, page(key)),
    };
    let mut links: Vec<HreflangLink> = versions
        .iter()
        .map(|&(language, key)| link(language, language, key))
        .collect();
    if let Some(&(language, key)) = versions
        .iter()
        .find(|&&(language, _)| language == site.default_language)
    {
        links.push(link(X_DEFAULT, language, key));
    }
    links
}

/// One link per language to its home page, then `x-default` for the default language's;
/// none for a site in one language.
fn home_alternates(site: &SiteDocument) -> Vec<HreflangLink> {
    if site.languages.len() < 2 {
        return Vec::new();
    }
    let home = |hreflang: &str, language: &str| HreflangLink {
        hreflang: hreflang.to_owned(),
        href: page_url(site, language, Page::Home(1)),
    };
    site.languages
        .iter()
        .map(|language| home(&language.code, &language.code))
        .chain(std::iter::once(home(X_DEFAULT, &site.default_language)))
        .collect()
}

/// A listing's own title: the site's title for home; the listing's title, else the
/// category's or author's name in the site, else its id.
fn listing_name<'a>(scope: &SiteInLanguage<'a>, listing: &'a ListingPage) -> &'a str {
    let site = scope.site;
    match &listing.listing {
        Listing::Home => first_non_empty(&[scope.title(), &listing.title]),
        Listing::Category(id) => {
            let category = site.categories.iter().find(|category| &category.id == id);
            first_non_empty(&[
                &listing.title,
                category.map_or("", |category| &category.name),
                id,
            ])
        }
        Listing::Author(id) => {
            let author = site.authors.iter().find(|author| &author.id == id);
            first_non_empty(&[&listing.title, author.map_or("", |author| &author.name), id])
        }
        Listing::Tag(id) => first_non_empty(&[&listing.title, id]),
    }
}

/// A listing's description: the site's for home, the category's description or the
/// author's role when there is one, else a sentence naming the listing.
fn listing_description(scope: &SiteInLanguage<'_>, listing: &ListingPage) -> String {
    let site = scope.site;
    let words = scope.words;
    let name = listing_name(scope, listing);
    match &listing.listing {
        Listing::Home => scope.description().to_owned(),
        Listing::Category(id) => site
            .categories
            .iter()
            .find(|category| &category.id == id && !category.description.is_empty())
            .map_or_else(
                || format!("{} {name}", words.posts_in),
                |category| category.description.clone(),
            ),
        Listing::Author(id) => site
            .authors
            .iter()
            .find(|author| &author.id == id && !author.role.is_empty())
            .map_or_else(
                || format!("{} {name}", words.posts_by),
                |author| author.role.clone(),
            ),
        Listing::Tag(_) => format!("{} {name}", words.posts_tagged),
    }
}

fn first_non_empty<'a>(texts: &[&'a str]) -> &'a str {
    texts
        .iter()
        .copied()
        .find(|text| !text.is_empty())
        .unwrap_or_default()
}

/// A post as a schema.org `BlogPosting`.
fn post_json_ld(
    scope: &SiteInLanguage<'_>,
    summary: &PostSummary,
    canonical: &str,
    description: &str,
    image: Option<&AbsoluteImage<'_>>,
) -> Value {
    let mut posting = Map::new();
    posting.insert("@context".into(), SCHEMA_ORG.into());
    posting.insert("@type".into(), "BlogPosting".into());
    insert_text(&mut posting, "headline", &summary.title);
    insert_text(&mut posting, "description", description);
    insert_text(&mut posting, "datePublished", &summary.published);
    let modified = summary.updated.as_deref().unwrap_or(&summary.published);
    insert_text(&mut posting, "dateModified", modified);
    let authors: Vec<Value> = summary
        .authors
        .iter()
        .map(|author| person_json_ld(scope, &author.id, &author.name))
        .collect();
    if !authors.is_empty() {
        posting.insert("author".into(), authors.into());
    }
    if let Some(image) = image {
        posting.insert("image".into(), image.url.clone().into());
    }
    posting.insert("inLanguage".into(), scope.code.into());
    posting.insert("mainEntityOfPage".into(), canonical.into());
    posting.insert("url".into(), canonical.into());
    if let Some(category) = &summary.category {
        insert_text(&mut posting, "articleSection", &category.name);
    }
    let keywords: Vec<&str> = summary.tags.iter().map(|tag| tag.name.as_str()).collect();
    insert_text(&mut posting, "keywords", &keywords.join(", "));
    posting.insert("wordCount".into(), summary.word_count.into());
    posting.insert("isPartOf".into(), scope.blog_json_ld());
    Value::Object(posting)
}

/// An author as a schema.org `Person`, with the URL of their page when they have one (an
/// author file, which gives a role or a biography).
fn person_json_ld(scope: &SiteInLanguage<'_>, id: &str, name: &str) -> Value {
    let has_page =
        scope.site.authors.iter().any(|author| {
            author.id == id && (!author.role.is_empty() || !author.bio_html.is_empty())
        });
    let mut person = Map::new();
    person.insert("@type".into(), "Person".into());
    person.insert("name".into(), name.into());
    if has_page && !id.is_empty() {
        person.insert("url".into(), scope.url(Page::Author(id, 1)).into());
    }
    Value::Object(person)
}

/// A listing's page as a schema.org `Blog`, with its cards as `blogPost`s.
fn listing_json_ld(
    scope: &SiteInLanguage<'_>,
    listing: &ListingPage,
    name: &str,
    description: &str,
    canonical: &str,
    image: Option<&AbsoluteImage<'_>>,
) -> Value {
    let mut blog = Map::new();
    blog.insert("@context".into(), SCHEMA_ORG.into());
    blog.insert("@type".into(), "Blog".into());
    insert_text(&mut blog, "name", name);
    insert_text(&mut blog, "description", description);
    blog.insert("url".into(), canonical.into());
    if let Some(image) = image {
        blog.insert("image".into(), image.url.clone().into());
    }
    blog.insert("inLanguage".into(), scope.code.into());
    let posts: Vec<Value> = listing
        .posts
        .iter()
        .map(|card| {
            let language = if card.language.is_empty() {
                scope.code
            } else {
                &card.language
            };
            json!({
                "@type": "BlogPosting",
                "headline": card.title,
                "url": page_url(scope.site, language, Page::Post(&card.slug)),
                "datePublished": card.published,
            })
        })
        .collect();
    if !posts.is_empty() {
        blog.insert("blogPost".into(), posts.into());
    }
    Value::Object(blog)
}

/// Inserts `key` unless `text` is empty.
fn insert_text(object: &mut Map<String, Value>, key: &str, text: &str) {
    if !text.is_empty() {
        object.insert(key.to_owned(), text.into());
    }
}

/// `value` as JSON text that is safe inside a `<script>` element.
fn script_safe_json(value: &Value) -> String {
    script_safe(&value.to_string())
}

/// JSON text made safe inside a `<script>` element, so that no `</script>` or `<!--` ends
/// it early: `<`, `>` and `&` only occur inside JSON strings, where their `\u` escapes
/// mean the same.
pub fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::content_index::{
        Alternate, Author, Category, Extra, NextPaths, SCHEMA_VERSION, Term,
    };

    const BLOG: &str = "https://example.com/blog/";

    fn language(code: &str, title: &str, description: &str) -> Language {
        Language {
            code: code.into(),
            name: code.into(),
            title: title.into(),
            description: description.into(),
            next_paths: NextPaths::default(),
            post_count: 1,
            not_found_head: PageHead::default(),
        }
    }

    fn author(id: &str, name: &str, role: &str, bio_html: &str) -> Author {
        Author {
            id: id.into(),
            name: name.into(),
            role: role.into(),
            bio_html: bio_html.into(),
            avatar: None,
            links: vec![],
        }
    }

    fn category(id: &str, name: &str, description: &str) -> Category {
        Category {
            id: id.into(),
            name: name.into(),
            description: description.into(),
        }
    }

    /// A site in English (the default) and Spanish, under `base_url`.
    fn site(base_url: &str) -> SiteDocument {
        SiteDocument {
            schema_version: SCHEMA_VERSION,
            base_url: base_url.into(),
            default_language: "en".into(),
            languages: vec![
                language("en", "Folio", "Notes on support and automation."),
                language("es", "Folio en español", "Notas sobre soporte."),
            ],
            posts_per_page: 10,
            navigation: vec![],
            authors: vec![
                author(
                    "laura-gomez",
                    "Laura Gómez",
                    "Automation Lead",
                    "<p>Hi.</p>",
                ),
                author("samir-haddad", "Samir Haddad", "", "<p>Writes.</p>"),
                author("guest", "A Guest", "", ""),
            ],
            categories: vec![
                category("automation", "Automation", "How teams automate support."),
                category("growth", "Growth", ""),
            ],
            related: Default::default(),
        }
    }

    /// A site in English only.
    fn english_site(base_url: &str) -> SiteDocument {
        let mut site = site(base_url);
        site.languages.truncate(1);
        site
    }

    fn term(id: &str, name: &str) -> Term {
        Term {
            id: id.into(),
            name: name.into(),
        }
    }

    fn summary(language: &str, slug: &str, title: &str) -> PostSummary {
        PostSummary {
            slug: slug.into(),
            language: language.into(),
            title: title.into(),
            description: "Recover carts without spamming.".into(),
            excerpt: "The first paragraph.".into(),
            published: "2026-03-14T00:00:00+01:00".into(),
            updated: None,
            word_count: 1200,
            reading_minutes: 6,
            category: Some(term("automation", "Automation")),
            tags: vec![term("whatsapp", "WhatsApp"), term("retention", "Retention")],
            authors: vec![term("laura-gomez", "Laura Gómez")],
            image: None,
            draft: false,
        }
    }

    fn post(summary: PostSummary, alternates: &[(&str, &str)]) -> PostDocument {
        PostDocument {
            schema_version: SCHEMA_VERSION,
            summary,
            body_html: "<p>Body</p>".into(),
            toc: vec![],
            author_cards: vec![],
            next_paths: NextPaths::default(),
            alternates: alternates
                .iter()
                .map(|&(language, slug)| Alternate {
                    language: language.into(),
                    slug: slug.into(),
                    title: slug.into(),
                })
                .collect(),
            related: vec![],
            extra: Extra::default(),
            head: PageHead::default(),
        }
    }

    fn english_post() -> PostDocument {
        post(summary("en", "cart-recovery", "Cart recovery"), &[])
    }

    fn hero(src: &str, width: Option<u32>, height: Option<u32>) -> Image {
        Image {
            src: src.into(),
            alt: "A phone showing a cart".into(),
            width,
            height,
            html: String::new(),
        }
    }

    fn listing(language: &str, which: Listing, title: &str, page: u32) -> ListingPage {
        ListingPage {
            schema_version: SCHEMA_VERSION,
            language: language.into(),
            listing: which,
            title: title.into(),
            page,
            total_pages: 3,
            total_posts: 25,
            posts: vec![],
            head: PageHead::default(),
        }
    }

    fn category_listing(id: &str, title: &str) -> ListingPage {
        listing("en", Listing::Category(id.into()), title, 1)
    }

    fn links(head: &HeadTags) -> Vec<(&str, &str)> {
        head.alternates
            .iter()
            .map(|link| (link.hreflang.as_str(), link.href.as_str()))
            .collect()
    }

    fn keys(head: &HeadTags) -> Vec<&str> {
        head.meta.iter().map(|tag| tag.key.as_str()).collect()
    }

    fn json_ld(head: &HeadTags) -> Value {
        serde_json::from_str(&head.json_ld).expect("the JSON-LD parses")
    }

    #[test]
    fn a_document_carries_the_head_as_the_static_page_writes_it() {
        let site = site(BLOG);
        let tags = post_head(
            &site,
            &post(
                summary("es", "recuperar-carritos", "Recuperar carritos"),
                &[],
            ),
            None,
        );
        let head = PageHead::from(&tags);
        assert_eq!(head.title, tags.title);
        assert_eq!(head.language, "es");
        assert_eq!(head.html, tags.to_html());
        assert!(head.html.contains("rel=\"canonical\""), "{}", head.html);
    }

    #[test]
    fn a_post_links_every_language_version_and_x_default_under_the_base_url() {
        let site = site(BLOG);
        let english = post(
            summary("en", "cart-recovery", "Cart recovery"),
            &[("es", "recuperar-carritos")],
        );
        let spanish = post(
            summary("es", "recuperar-carritos", "Recuperar carritos"),
            &[("en", "cart-recovery")],
        );
        let expected = [
            ("en", "https://example.com/blog/posts/cart-recovery/"),
            (
                "es",
                "https://example.com/blog/es/posts/recuperar-carritos/",
            ),
            ("x-default", "https://example.com/blog/posts/cart-recovery/"),
        ];
        let english_head = post_head(&site, &english, None);
        assert_eq!(links(&english_head), expected);
        assert_eq!(links(&post_head(&site, &spanish, None)), expected);
        assert_eq!(
            english_head.canonical,
            "https://example.com/blog/posts/cart-recovery/"
        );
    }

    #[test]
    fn every_page_links_the_feeds_of_its_language_when_the_site_has_an_absolute_url() {
        let head = post_head(&site(BLOG), &post(summary("es", "hola", "Hola"), &[]), None);
        let feeds: Vec<(&str, &str)> = head
            .feeds
            .iter()
            .map(|f| (f.media_type.as_str(), f.href.as_str()))
            .collect();
        assert_eq!(
            feeds,
            [
                (
                    "application/atom+xml",
                    "https://example.com/blog/es/atom.xml"
                ),
                ("application/rss+xml", "https://example.com/blog/es/rss.xml"),
                (
                    "application/feed+json",
                    "https://example.com/blog/es/feed.json"
                ),
            ]
        );
        assert!(head.to_html().contains(
            "<link data-folio-head rel=\"alternate\" type=\"application/atom+xml\" title=\""
        ));
        let relative = post_head(&site("/"), &english_post(), None);
        assert_eq!(relative.feeds, [], "no feeds without absolute URLs");
    }

    #[test]
    fn a_post_in_one_language_has_no_hreflang_links() {
        assert_eq!(post_head(&site(BLOG), &english_post(), None).alternates, []);
    }

    #[test]
    fn x_default_needs_a_version_in_the_default_language() {
        let portuguese_and_spanish = post(summary("es", "hola", "Hola"), &[("pt", "ola")]);
        assert_eq!(
            links(&post_head(&site(BLOG), &portuguese_and_spanish, None)),
            [
                ("es", "https://example.com/blog/es/posts/hola/"),
                ("pt", "https://example.com/blog/pt/posts/ola/"),
            ]
        );
    }

    #[test]
    fn a_spanish_post_lives_under_its_language_prefix() {
        let head = post_head(&site(BLOG), &post(summary("es", "hola", "Hola"), &[]), None);
        assert_eq!(head.canonical, "https://example.com/blog/es/posts/hola/");
        assert_eq!(head.title, "Hola · Folio en español");
        assert_eq!(head.language, "es");
        assert_eq!(head.meta_content("og:locale"), Some("es"));
        assert_eq!(head.meta_content("og:site_name"), Some("Folio en español"));
        assert_eq!(head.meta_content("og:url"), Some(head.canonical.as_str()));
    }

    #[test]
    fn post_titles_end_with_the_site_title_of_their_language_or_the_default_one() {
        let check = |site: &SiteDocument, language: &str, expected: &str| {
            let head = post_head(site, &post(summary(language, "x", "Olá"), &[]), None);
            assert_eq!(head.title, expected, "{language}");
        };
        check(&site(BLOG), "en", "Olá · Folio");
        check(&site(BLOG), "pt-BR", "Olá · Folio");
        let mut untitled = site(BLOG);
        untitled.languages.clear();
        check(&untitled, "en", "Olá");
        let head = post_head(
            &site(BLOG),
            &post(summary("pt-BR", "ola", "Olá"), &[]),
            None,
        );
        assert_eq!(head.canonical, "https://example.com/blog/pt-BR/posts/ola/");
        assert_eq!(head.meta_content("og:locale"), Some("pt_BR"));
    }

    #[test]
    fn a_post_is_described_by_its_dek_else_its_excerpt() {
        let mut post = english_post();
        assert_eq!(
            post_head(&site(BLOG), &post, None).description,
            "Recover carts without spamming."
        );
        post.summary.description.clear();
        let head = post_head(&site(BLOG), &post, None);
        assert_eq!(head.description, "The first paragraph.");
        assert_eq!(
            head.meta_content("description"),
            Some("The first paragraph.")
        );
        assert_eq!(
            head.meta_content("og:description"),
            Some("The first paragraph.")
        );
        assert_eq!(json_ld(&head)["description"], "The first paragraph.");
    }

    #[test]
    fn an_empty_description_leaves_out_its_tags() {
        let mut post = english_post();
        post.summary.description.clear();
        post.summary.excerpt.clear();
        let head = post_head(&site(BLOG), &post, None);
        let keys = keys(&head);
        for key in ["description", "og:description", "twitter:description"] {
            assert!(!keys.contains(&key), "{key} in {keys:?}");
        }
        assert!(json_ld(&head).get("description").is_none());
    }

    #[test]
    fn a_post_has_every_meta_tag_in_order() {
        let mut post = post(summary("en", "cart-recovery", "Cart recovery"), &[]);
        post.summary.updated = Some("2026-03-20T09:30:00+01:00".into());
        post.summary.image = Some(hero("data/media/images/hero.svg", Some(1200), Some(630)));
        let image = "https://example.com/blog/data/media/images/hero.svg";
        let url = "https://example.com/blog/posts/cart-recovery/";
        let description = "Recover carts without spamming.";
        let alt = "A phone showing a cart";
        assert_eq!(
            post_head(&site(BLOG), &post, None).meta,
            [
                MetaTag::name("description", description),
                MetaTag::property("og:type", "article"),
                MetaTag::property("og:title", "Cart recovery"),
                MetaTag::property("og:description", description),
                MetaTag::property("og:url", url),
                MetaTag::property("og:site_name", "Folio"),
                MetaTag::property("og:locale", "en"),
                MetaTag::property("og:image", image),
                MetaTag::property("og:image:alt", alt),
                MetaTag::property("og:image:width", "1200"),
                MetaTag::property("og:image:height", "630"),
                MetaTag::property("article:published_time", "2026-03-14T00:00:00+01:00"),
                MetaTag::property("article:modified_time", "2026-03-20T09:30:00+01:00"),
                MetaTag::property("article:section", "Automation"),
                MetaTag::property("article:tag", "WhatsApp"),
                MetaTag::property("article:tag", "Retention"),
                MetaTag::name("twitter:card", "summary_large_image"),
                MetaTag::name("twitter:title", "Cart recovery"),
                MetaTag::name("twitter:description", description),
                MetaTag::name("twitter:image", image),
                MetaTag::name("twitter:image:alt", alt),
            ]
        );
    }

    #[test]
    fn a_share_image_stands_for_the_hero_in_every_link_preview() {
        let mut post = english_post();
        post.summary.image = Some(hero("data/media/images/hero.svg", None, None));
        let share = hero(
            "data/images/hero-share.0123456789.jpg",
            Some(1200),
            Some(630),
        );
        let head = post_head(&site(BLOG), &post, Some(&share));
        assert_shares(
            &head,
            "https://example.com/blog/data/images/hero-share.0123456789.jpg",
        );
        assert_eq!(head.meta_content("og:image:width"), Some("1200"));
        assert_eq!(head.meta_content("og:image:height"), Some("630"));
    }

    /// `head` shows `image` in every link preview: Open Graph, Twitter's and JSON-LD's.
    fn assert_shares(head: &HeadTags, image: &str) {
        assert_eq!(head.meta_content("og:image"), Some(image));
        assert_eq!(head.meta_content("twitter:image"), Some(image));
        assert_eq!(
            head.meta_content("twitter:card"),
            Some("summary_large_image")
        );
        assert_eq!(json_ld(head)["image"], image);
    }

    #[test]
    fn a_listing_shares_its_card() {
        let card = hero(
            "data/images/card-automation.0123456789.png",
            Some(1200),
            Some(630),
        );
        let category = category_listing("automation", "Automation");
        assert_eq!(
            listing_head(&site(BLOG), &category, None).meta_content("og:image"),
            None
        );
        let head = listing_head(&site(BLOG), &category, Some(&card));
        assert_shares(
            &head,
            "https://example.com/blog/data/images/card-automation.0123456789.png",
        );
    }

    #[test]
    fn a_page_shares_its_card() {
        let site = site(BLOG);
        let page = PageDocument {
            schema_version: SCHEMA_VERSION,
            language: "en".into(),
            path: "about".into(),
            title: "About us".into(),
            description: "Who writes here.".into(),
            body_html: String::new(),
            alternates: Vec::new(),
            head: PageHead::default(),
        };
        let card = page_share_card(&site, &page);
        assert_eq!(
            (card.title.as_str(), card.kicker.as_deref()),
            ("About us", None)
        );
        assert_eq!(page_head(&site, &page, None).meta_content("og:image"), None);
        let image = hero(
            "data/images/card-about-us.0123456789.png",
            Some(1200),
            Some(630),
        );
        let head = page_head(&site, &page, Some(&image));
        assert_shares(
            &head,
            "https://example.com/blog/data/images/card-about-us.0123456789.png",
        );
    }

    #[test]
    fn share_cards_name_the_page_its_kind_and_the_site() {
        let site = site(BLOG);
        let post = english_post();
        let card = post_share_card(&site, &post.summary);
        assert_eq!(card.title, post.summary.title);
        assert_eq!(card.kicker.as_deref(), Some("Automation"));
        assert_eq!(card.site_name, "Folio");
        let category = listing_share_card(&site, &category_listing("automation", "Automation"));
        assert_eq!(
            (category.title.as_str(), category.kicker.as_deref()),
            ("Automation", Some("Posts in"))
        );
        let home = listing_share_card(&site, &listing("en", Listing::Home, "Folio", 1));
        assert_eq!(home.kicker, None);
        assert!(!home.title.is_empty());
        let spanish = listing_share_card(
            &site,
            &listing("es", Listing::Tag("ventas".into()), "Ventas", 1),
        );
        assert_eq!(spanish.kicker.as_deref(), Some("Artículos con la etiqueta"));
    }

    #[test]
    fn open_graph_uses_property_and_the_rest_name() {
        let head = post_head(&site(BLOG), &english_post(), None);
        for tag in &head.meta {
            let expected = if tag.key.starts_with("og:") || tag.key.starts_with("article:") {
                MetaAttribute::Property
            } else {
                MetaAttribute::Name
            };
            assert_eq!(tag.attribute, expected, "{}", tag.key);
        }
        assert_eq!(MetaAttribute::Name.as_str(), "name");
        assert_eq!(MetaAttribute::Property.as_str(), "property");
    }

    #[test]
    fn a_post_without_an_image_gets_a_summary_card_and_no_modified_time() {
        let head = post_head(&site(BLOG), &english_post(), None);
        assert_eq!(head.meta_content("twitter:card"), Some("summary"));
        let keys = keys(&head);
        for key in ["og:image", "twitter:image", "article:modified_time"] {
            assert!(!keys.contains(&key), "{key} in {keys:?}");
        }
        assert!(json_ld(&head).get("image").is_none());
    }

    #[test]
    fn image_urls_are_made_absolute_unless_they_already_are() {
        let check = |base_url: &str, image: Image, expected: &str| {
            let mut post = english_post();
            post.summary.image = Some(image);
            let head = post_head(&site(base_url), &post, None);
            assert_eq!(head.meta_content("og:image"), Some(expected));
            assert_eq!(head.meta_content("twitter:image"), Some(expected));
            assert_eq!(json_ld(&head)["image"], expected);
        };
        let relative = || hero("data/media/images/hero.svg", None, None);
        check(
            BLOG,
            relative(),
            "https://example.com/blog/data/media/images/hero.svg",
        );
        check("/", relative(), "/data/media/images/hero.svg");
        let cdn = "https://cdn.example.org/hero.png";
        check(BLOG, hero(cdn, None, None), cdn);
    }

    #[test]
    fn image_sizes_are_only_given_when_known() {
        let mut post = english_post();
        post.summary.image = Some(hero("data/media/images/hero.svg", Some(800), None));
        let head = post_head(&site(BLOG), &post, None);
        assert_eq!(head.meta_content("og:image:width"), Some("800"));
        assert_eq!(head.meta_content("og:image:height"), None);
    }

    #[test]
    fn drafts_are_not_indexed() {
        let mut post = english_post();
        assert_eq!(
            post_head(&site(BLOG), &post, None).meta_content("robots"),
            None
        );
        post.summary.draft = true;
        assert_eq!(
            post_head(&site(BLOG), &post, None).meta_content("robots"),
            Some("noindex")
        );
    }

    #[test]
    fn urls_are_root_relative_when_the_base_url_is_a_slash() {
        let site = site("/");
        let post = post(summary("en", "hello", "Hello"), &[("es", "hola")]);
        let head = post_head(&site, &post, None);
        assert_eq!(head.canonical, "/posts/hello/");
        assert_eq!(
            links(&head),
            [
                ("en", "/posts/hello/"),
                ("es", "/es/posts/hola/"),
                ("x-default", "/posts/hello/")
            ]
        );
        let home = listing_head(&site, &listing("es", Listing::Home, "Folio", 1), None);
        assert_eq!(home.canonical, "/es/");
        assert_eq!(
            links(&home),
            [("en", "/"), ("es", "/es/"), ("x-default", "/")]
        );
        let tag = listing_head(
            &site,
            &listing("en", Listing::Tag("rust".into()), "Rust", 2),
            None,
        );
        assert_eq!(tag.canonical, "/tag/rust/page/2/");
    }

    #[test]
    fn joins_paths_to_the_base_url() {
        let check = |base_url: &str, path: &str, expected: &str| {
            assert_eq!(
                absolute_url(base_url, path),
                expected,
                "{base_url} + {path}"
            );
        };
        check(BLOG, "posts/x/", "https://example.com/blog/posts/x/");
        check(BLOG, "", "https://example.com/blog/");
        check(BLOG, "/data/x.svg", "https://example.com/blog/data/x.svg");
        check(
            "https://example.com/blog",
            "es/",
            "https://example.com/blog/es/",
        );
        check(
            "https://example.com/",
            "posts/x/",
            "https://example.com/posts/x/",
        );
        check("/", "posts/x/", "/posts/x/");
        check("/", "", "/");
        check("", "posts/x/", "/posts/x/");
        check(
            BLOG,
            "http://elsewhere.org/a.png",
            "http://elsewhere.org/a.png",
        );
        check(BLOG, "//cdn.example.org/a.png", "//cdn.example.org/a.png");
    }

    #[test]
    fn home_titles_name_the_page_after_the_first() {
        let check = |language: &str, page: u32, expected: &str| {
            let home = listing("en", Listing::Home, "Folio", page);
            let home = ListingPage {
                language: language.into(),
                ..home
            };
            assert_eq!(listing_head(&site(BLOG), &home, None).title, expected);
        };
        check("en", 1, "Folio");
        check("en", 2, "Folio · Page 2");
        check("es", 1, "Folio en español");
        check("es", 2, "Folio en español · Página 2");
        check("pt", 3, "Folio · Page 3");
    }

    #[test]
    fn listing_titles_end_with_the_site_title_then_the_page() {
        let check = |listing: ListingPage, expected: &str, og_title: &str| {
            let head = listing_head(&site(BLOG), &listing, None);
            assert_eq!(head.title, expected);
            assert_eq!(head.meta_content("og:title"), Some(og_title));
            assert_eq!(head.meta_content("twitter:title"), Some(og_title));
        };
        let automation = || Listing::Category("automation".into());
        check(
            listing("en", automation(), "Automation", 1),
            "Automation · Folio",
            "Automation",
        );
        check(
            listing("en", automation(), "Automation", 3),
            "Automation · Folio · Page 3",
            "Automation",
        );
        check(
            listing("es", Listing::Tag("whatsapp".into()), "WhatsApp", 2),
            "WhatsApp · Folio en español · Página 2",
            "WhatsApp",
        );
        check(
            listing("en", Listing::Author("laura-gomez".into()), "", 1),
            "Laura Gómez · Folio",
            "Laura Gómez",
        );
        check(
            listing("en", Listing::Category("unknown".into()), "", 1),
            "unknown · Folio",
            "unknown",
        );
    }

    #[test]
    fn the_home_page_is_described_by_the_site_in_its_language() {
        let check = |language: &str, expected: &str| {
            let home = listing(language, Listing::Home, "Folio", 1);
            let head = listing_head(&site(BLOG), &home, None);
            assert_eq!(head.description, expected);
            assert_eq!(head.meta_content("og:description"), Some(expected));
        };
        check("en", "Notes on support and automation.");
        check("es", "Notas sobre soporte.");
        check("pt", "Notes on support and automation.");
    }

    #[test]
    fn categories_are_described_by_their_description_else_by_their_name() {
        let check = |language: &str, id: &str, title: &str, expected: &str| {
            let category = listing(language, Listing::Category(id.into()), title, 1);
            assert_eq!(
                listing_head(&site(BLOG), &category, None).description,
                expected
            );
        };
        check(
            "en",
            "automation",
            "Automation",
            "How teams automate support.",
        );
        check("en", "growth", "Growth", "Posts in Growth");
        check("es", "growth", "Crecimiento", "Artículos en Crecimiento");
        check("en", "missing", "Missing", "Posts in Missing");
        check("en", "growth", "", "Posts in Growth");
        assert_eq!(
            listing_head(&site(BLOG), &category_listing("missing", ""), None).description,
            "Posts in missing"
        );
    }

    #[test]
    fn authors_are_described_by_their_role_else_by_their_name() {
        let check = |language: &str, id: &str, title: &str, expected: &str| {
            let author = listing(language, Listing::Author(id.into()), title, 1);
            assert_eq!(
                listing_head(&site(BLOG), &author, None).description,
                expected
            );
        };
        check("en", "laura-gomez", "Laura Gómez", "Automation Lead");
        check(
            "en",
            "samir-haddad",
            "Samir Haddad",
            "Posts by Samir Haddad",
        );
        check(
            "es",
            "samir-haddad",
            "Samir Haddad",
            "Artículos de Samir Haddad",
        );
        check("en", "nobody", "", "Posts by nobody");
    }

    #[test]
    fn tags_are_described_by_their_name() {
        let check = |language: &str, title: &str, expected: &str| {
            let tag = listing(language, Listing::Tag("whatsapp".into()), title, 1);
            assert_eq!(listing_head(&site(BLOG), &tag, None).description, expected);
        };
        check("en", "WhatsApp", "Posts tagged WhatsApp");
        check("es", "WhatsApp", "Artículos con la etiqueta WhatsApp");
        check("en", "", "Posts tagged whatsapp");
    }

    #[test]
    fn the_first_home_page_links_every_language_home() {
        let expected = [
            ("en", "https://example.com/blog/"),
            ("es", "https://example.com/blog/es/"),
            ("x-default", "https://example.com/blog/"),
        ];
        for language in ["en", "es"] {
            let home = listing(language, Listing::Home, "Folio", 1);
            assert_eq!(links(&listing_head(&site(BLOG), &home, None)), expected);
        }
    }

    #[test]
    fn other_listing_pages_have_no_hreflang_links() {
        let second_home = listing("en", Listing::Home, "Folio", 2);
        assert_eq!(listing_head(&site(BLOG), &second_home, None).alternates, []);
        let category = category_listing("automation", "Automation");
        assert_eq!(listing_head(&site(BLOG), &category, None).alternates, []);
        let single_language_home = listing("en", Listing::Home, "Folio", 1);
        assert_eq!(
            listing_head(&english_site(BLOG), &single_language_home, None).alternates,
            []
        );
    }

    #[test]
    fn listings_are_websites_without_article_tags() {
        let head = listing_head(
            &site(BLOG),
            &category_listing("automation", "Automation"),
            None,
        );
        assert_eq!(
            head.canonical,
            "https://example.com/blog/category/automation/"
        );
        assert_eq!(head.meta_content("og:type"), Some("website"));
        assert_eq!(head.meta_content("twitter:card"), Some("summary"));
        assert_eq!(head.meta_content("robots"), None);
        assert!(!keys(&head).iter().any(|key| key.starts_with("article:")));
    }

    #[test]
    fn the_not_found_page_is_not_indexed_and_has_no_url() {
        let check = |language: &str, title: &str| {
            let head = not_found_head(&site(BLOG), language);
            assert_eq!(head.title, title);
            assert_eq!(head.language, language);
            assert_eq!(head.canonical, "");
            assert_eq!(head.alternates, []);
            assert_eq!(head.meta_content("robots"), Some("noindex"));
            assert_eq!(head.meta_content("og:url"), None);
            let json = json_ld(&head);
            assert_eq!(json["@type"], "WebPage");
            assert_eq!(json["inLanguage"], language);
        };
        check("en", "Page not found · Folio");
        check("es", "Página no encontrada · Folio en español");
        check("pt", "Page not found · Folio");
    }

    #[test]
    fn a_post_is_a_blog_posting_in_json_ld() {
        let mut post = english_post();
        post.summary.authors = vec![
            term("laura-gomez", "Laura Gómez"),
            term("samir-haddad", "Samir Haddad"),
            term("guest", "A Guest"),
            term("stranger", "A Stranger"),
        ];
        post.summary.image = Some(hero("data/media/images/hero.svg", None, None));
        let url = "https://example.com/blog/posts/cart-recovery/";
        let json = json_ld(&post_head(&site(BLOG), &post, None));
        assert_eq!(
            json,
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "BlogPosting",
                "headline": "Cart recovery",
                "description": "Recover carts without spamming.",
                "datePublished": "2026-03-14T00:00:00+01:00",
                "dateModified": "2026-03-14T00:00:00+01:00",
                "author": [
                    {
                        "@type": "Person",
                        "name": "Laura Gómez",
                        "url": "https://example.com/blog/author/laura-gomez/"
                    },
                    {
                        "@type": "Person",
                        "name": "Samir Haddad",
                        "url": "https://example.com/blog/author/samir-haddad/"
                    },
                    { "@type": "Person", "name": "A Guest" },
                    { "@type": "Person", "name": "A Stranger" }
                ],
                "image": "https://example.com/blog/data/media/images/hero.svg",
                "inLanguage": "en",
                "mainEntityOfPage": url,
                "url": url,
                "articleSection": "Automation",
                "keywords": "WhatsApp, Retention",
                "wordCount": 1200,
                "isPartOf": {
                    "@type": "Blog",
                    "name": "Folio",
                    "url": "https://example.com/blog/"
                }
            })
        );
    }

    #[test]
    fn a_spanish_post_links_spanish_pages_and_its_update_in_json_ld() {
        let mut post = post(summary("es", "hola", "Hola"), &[]);
        post.summary.updated = Some("2026-04-01T10:00:00+02:00".into());
        post.summary.tags.clear();
        post.summary.category = None;
        let json = json_ld(&post_head(&site(BLOG), &post, None));
        assert_eq!(json["dateModified"], "2026-04-01T10:00:00+02:00");
        assert_eq!(json["inLanguage"], "es");
        assert_eq!(
            json["author"][0]["url"],
            "https://example.com/blog/es/author/laura-gomez/"
        );
        assert_eq!(json["isPartOf"]["url"], "https://example.com/blog/es/");
        assert_eq!(json["isPartOf"]["name"], "Folio en español");
        assert!(json.get("keywords").is_none());
        assert!(json.get("articleSection").is_none());
    }

    #[test]
    fn a_listing_is_a_blog_with_its_posts_in_json_ld() {
        let mut home = listing("en", Listing::Home, "Folio", 2);
        home.posts = vec![
            summary("en", "cart-recovery", "Cart recovery"),
            summary("en", "triage", "Triage"),
        ];
        let json = json_ld(&listing_head(&site(BLOG), &home, None));
        assert_eq!(
            json,
            serde_json::json!({
                "@context": "https://schema.org",
                "@type": "Blog",
                "name": "Folio",
                "description": "Notes on support and automation.",
                "url": "https://example.com/blog/page/2/",
                "inLanguage": "en",
                "blogPost": [
                    {
                        "@type": "BlogPosting",
                        "headline": "Cart recovery",
                        "url": "https://example.com/blog/posts/cart-recovery/",
                        "datePublished": "2026-03-14T00:00:00+01:00"
                    },
                    {
                        "@type": "BlogPosting",
                        "headline": "Triage",
                        "url": "https://example.com/blog/posts/triage/",
                        "datePublished": "2026-03-14T00:00:00+01:00"
                    }
                ]
            })
        );
    }

    #[test]
    fn json_ld_cannot_close_its_script_element() {
        let title = "Ends </script><script>alert(1)</script> & <!-- here -->";
        let post = post(summary("en", "x", title), &[]);
        let mut category = category_listing("automation", title);
        category.posts = vec![summary("en", "x", title)];
        for head in [
            post_head(&site(BLOG), &post, None),
            listing_head(&site(BLOG), &category, None),
        ] {
            assert!(!head.json_ld.contains('<'), "{}", head.json_ld);
            assert!(!head.json_ld.contains('>'), "{}", head.json_ld);
            assert!(!head.json_ld.contains('&'), "{}", head.json_ld);
            let json = json_ld(&head);
            let name = json.get("headline").or_else(|| json.get("name")).unwrap();
            assert_eq!(name, title);
        }
        let json = json_ld(&listing_head(&site(BLOG), &category, None));
        assert_eq!(json["blogPost"][0]["headline"], title);
    }

    #[test]
    fn nothing_in_the_documents_makes_it_panic() {
        let empty_site = SiteDocument {
            schema_version: 0,
            base_url: String::new(),
            default_language: String::new(),
            languages: vec![],
            posts_per_page: 0,
            navigation: vec![],
            authors: vec![author("", "", "", "")],
            categories: vec![category("", "", "")],
            related: Default::default(),
        };
        let odd_site = SiteDocument {
            base_url: "ñ://日本/".into(),
            default_language: "日本語".into(),
            ..site(BLOG)
        };
        let mut odd = summary("", "", "");
        odd.description.clear();
        odd.excerpt.clear();
        odd.published = "é".into();
        odd.updated = Some(String::new());
        odd.category = Some(term("", ""));
        odd.tags = vec![term("", ""), term("ü", "<ü>")];
        odd.authors = vec![term("", ""), term("日本", "日本")];
        odd.image = Some(Image {
            src: String::new(),
            alt: String::new(),
            width: Some(0),
            height: Some(u32::MAX),
            html: String::new(),
        });
        odd.draft = true;
        let posts = [
            post(odd.clone(), &[("", ""), ("日本語", "ñ"), ("", "x")]),
            post(summary("xx-ÿ", "ü", "Ü"), &[("en", "")]),
            english_post(),
        ];
        let listings = [
            Listing::Home,
            Listing::Category(String::new()),
            Listing::Tag("ü".into()),
            Listing::Author("guest".into()),
        ]
        .into_iter()
        .flat_map(|which| {
            [0, 1, u32::MAX].map(|page| ListingPage {
                posts: vec![odd.clone()],
                ..listing("", which.clone(), "", page)
            })
        })
        .collect::<Vec<_>>();
        for site in [empty_site, odd_site, site(BLOG), english_site("/")] {
            let mut heads: Vec<HeadTags> = posts
                .iter()
                .map(|post| post_head(&site, post, None))
                .collect();
            heads.extend(
                listings
                    .iter()
                    .map(|listing| listing_head(&site, listing, None)),
            );
            heads
                .extend(["", "en", "es", "日本語"].map(|language| not_found_head(&site, language)));
            for head in heads {
                assert!(!head.json_ld.contains('<'));
                json_ld(&head);
            }
        }
    }

    #[test]
    fn alternates_without_a_language_are_left_out() {
        let post = post(summary("en", "x", "X"), &[("", "y"), ("es", "x")]);
        assert_eq!(
            links(&post_head(&site("/"), &post, None)),
            [
                ("en", "/posts/x/"),
                ("es", "/es/posts/x/"),
                ("x-default", "/posts/x/")
            ]
        );
    }

    #[test]
    fn a_post_without_a_language_is_in_the_default_one() {
        let head = post_head(
            &site(BLOG),
            &post(summary("", "x", "X"), &[("es", "x")]),
            None,
        );
        assert_eq!(head.language, "en");
        assert_eq!(head.canonical, "https://example.com/blog/posts/x/");
        assert_eq!(links(&head)[0], ("en", "https://example.com/blog/posts/x/"));
        assert_eq!(not_found_head(&site(BLOG), "").language, "en");
    }
}
