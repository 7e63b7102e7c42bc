//! The feeds of every language: Atom (`atom_syndication`), RSS 2.0 (`rss`) and JSON Feed
//! 1.1 (serde: its crates are unmaintained or untyped, and the format is one JSON
//! object), each with the full content of the language's newest posts and absolute
//! URLs only, at `<prefix>atom.xml`, `<prefix>rss.xml` and `<prefix>feed.json`.
//!
//! Feeds need absolute URLs: a site built without an absolute base URL has none (every
//! page's head leaves their links out too; see `folio_model::head`).

use chrono::{DateTime, FixedOffset};
use folio_model::PostDocument;
use folio_model::data_layout::{self, FeedFormat, Page};
use folio_model::head::absolute_url;
use serde::Serialize;

use crate::parallel;
use crate::render::assemble::ContentIndex;
use crate::render::markdown;
use crate::write::site_files::SiteFile;

/// The name feeds give as their generator.
const GENERATOR: &str = "Folio";

/// The feeds of every language of `index`, in every format; none without an absolute
/// base URL.
pub fn files(index: &ContentIndex) -> Vec<SiteFile> {
    let site = &index.site;
    if !site.has_absolute_base_url() {
        return Vec::new();
    }
    let mut files = Vec::new();
    for language in &site.languages {
        let channel = Channel::new(index, &language.code);
        for format in FeedFormat::ALL {
            let contents = match format {
                FeedFormat::Atom => channel.atom(),
                FeedFormat::Rss => channel.rss(),
                FeedFormat::Json => channel.json(),
            };
            files.push(SiteFile {
                path: data_layout::feed(&channel.prefix, format),
                contents,
            });
        }
    }
    files
}

/// One language's feed, whatever its format.
struct Channel<'a> {
    language: &'a str,
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    /// The language's route prefix (`""`, `es/`).
    prefix: String,
    home_url: String,
    /// The newest post's last change; the build's inputs only, so output stays
    /// deterministic.
    updated: DateTime<FixedOffset>,
    entries: Vec<Entry<'a>>,
}

/// One post of a feed.
struct Entry<'a> {
    post: &'a PostDocument,
    url: String,
    /// The body with absolute URLs.
    content_html: String,
    published: DateTime<FixedOffset>,
    /// The last update, else the publication.
    updated: DateTime<FixedOffset>,
    /// Each author's name and the URL of their page.
    authors: Vec<(&'a str, String)>,
    image: Option<String>,
}

impl<'a> Channel<'a> {
    fn new(index: &'a ContentIndex, language: &'a str) -> Channel<'a> {
        let site = &index.site;
        let prefix = data_layout::language_prefix(language, &site.default_language);
        let url = |page| absolute_url(&site.base_url, &data_layout::route(&prefix, page));
        let mut posts: Vec<&PostDocument> = index
            .posts
            .iter()
            .map(|(_, post)| post)
            .filter(|post| post.summary.language == language && !post.summary.draft)
            .collect();
        posts.sort_by(|a, b| {
            date(&b.summary.published)
                .cmp(&date(&a.summary.published))
                .then_with(|| a.summary.slug.cmp(&b.summary.slug))
        });
        posts.truncate(index.feed_limit.unwrap_or(usize::MAX));
        let entries = parallel::map(&posts, |post| {
            let summary = &post.summary;
            let post_url = url(Page::Post(&summary.slug));
            let published = date(&summary.published);
            Entry {
                content_html: markdown::with_absolute_urls(
                    &post.body_html,
                    &site.base_url,
                    &post_url,
                ),
                url: post_url,
                published,
                updated: summary.updated.as_deref().map_or(published, date),
                authors: summary
                    .authors
                    .iter()
                    .map(|a| (a.name.as_str(), url(Page::Author(&a.id, 1))))
                    .collect(),
                image: summary
                    .image
                    .as_ref()
                    .map(|image| absolute_url(&site.base_url, &image.src)),
                post,
            }
        });
        let texts = site.languages.iter().find(|l| l.code == language);
        Channel {
            language,
            title: texts.map_or("", |l| l.title.as_str()),
            description: texts.map_or("", |l| l.description.as_str()),
            home_url: url(Page::Home(1)),
            base_url: &site.base_url,
            prefix,
            updated: entries
                .iter()
                .map(|e| e.updated)
                .max()
                .unwrap_or_else(|| date("1970-01-01T00:00:00Z")),
            entries,
        }
    }

    /// The feed's own URL in `format`.
    fn feed_url(&self, format: FeedFormat) -> String {
        absolute_url(self.base_url, &data_layout::feed(&self.prefix, format))
    }

    /// The Atom feed (RFC 4287).
    fn atom(&self) -> String {
        use atom_syndication::{Category, Content, Entry, Feed, Generator, Link, Person, Text};
        let link = |rel: &str, href: String, media_type: &str| Link {
            href,
            rel: rel.into(),
            mime_type: Some(media_type.into()),
            ..Link::default()
        };
        let entries = self.entries.iter().map(|entry| {
            let summary = &entry.post.summary;
            let mut categories: Vec<Category> = summary
                .category
                .iter()
                .chain(&summary.tags)
                .map(|term| Category {
                    term: term.id.clone(),
                    label: Some(term.name.clone()),
                    ..Category::default()
                })
                .collect();
            categories.dedup_by(|a, b| a.term == b.term);
            Entry {
                title: Text::plain(summary.title.clone()),
                id: entry.url.clone(),
                updated: entry.updated,
                published: Some(entry.published),
                authors: entry
                    .authors
                    .iter()
                    .map(|(name, uri)| Person {
                        name: (*name).to_owned(),
                        uri: Some(uri.clone()),
                        ..Person::default()
                    })
                    .collect(),
                categories,
                links: vec![link("alternate", entry.url.clone(), "text/html")],
                summary: Some(Text::plain(summary.excerpt.clone())),
                content: Some(Content {
                    value: Some(entry.content_html.clone()),
                    content_type: Some("html".into()),
                    ..Content::default()
                }),
                ..Entry::default()
            }
        });
        let feed = Feed {
            title: Text::plain(self.title),
            id: self.home_url.clone(),
            updated: self.updated,
            // Every entry has its authors; one without any is the site's.
            authors: vec![Person {
                name: self.title.to_owned(),
                uri: Some(self.home_url.clone()),
                ..Person::default()
            }],
            generator: Some(Generator {
                value: GENERATOR.into(),
                ..Generator::default()
            }),
            links: vec![
                link(
                    "self",
                    self.feed_url(FeedFormat::Atom),
                    FeedFormat::Atom.media_type(),
                ),
                link("alternate", self.home_url.clone(), "text/html"),
            ],
            subtitle: (!self.description.is_empty()).then(|| Text::plain(self.description)),
            lang: Some(self.language.to_owned()),
            entries: entries.collect(),
            ..Feed::default()
        };
        feed.to_string()
    }

    /// The RSS 2.0 feed, with the full content in `content:encoded`, authors in
    /// `dc:creator` (RSS's own `author` must be an email address) and its own URL in
    /// `atom:link`.
    fn rss(&self) -> String {
        use rss::extension::dublincore::DublinCoreExtension;
        use rss::extension::{Extension, ExtensionMap};
        use rss::{Category, Channel, Guid, Item};
        let items = self.entries.iter().map(|entry| {
            let summary = &entry.post.summary;
            Item {
                title: Some(summary.title.clone()),
                link: Some(entry.url.clone()),
                description: Some(summary.excerpt.clone()),
                categories: summary
                    .category
                    .iter()
                    .chain(&summary.tags)
                    .map(|term| Category {
                        name: term.name.clone(),
                        domain: None,
                    })
                    .collect(),
                guid: Some(Guid {
                    value: entry.url.clone(),
                    permalink: true,
                }),
                pub_date: Some(entry.published.to_rfc2822()),
                content: Some(entry.content_html.clone()),
                dublin_core_ext: (!entry.authors.is_empty()).then(|| DublinCoreExtension {
                    creators: entry.authors.iter().map(|(n, _)| (*n).to_owned()).collect(),
                    ..DublinCoreExtension::default()
                }),
                ..Item::default()
            }
        });
        let self_link = Extension {
            name: "atom:link".into(),
            attrs: [
                ("href", self.feed_url(FeedFormat::Rss)),
                ("rel", "self".into()),
                ("type", FeedFormat::Rss.media_type().into()),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
            ..Extension::default()
        };
        let mut extensions = ExtensionMap::new();
        extensions
            .entry("atom".into())
            .or_default()
            .insert("link".into(), vec![self_link]);
        let channel = Channel {
            title: self.title.to_owned(),
            link: self.home_url.clone(),
            description: self.description.to_owned(),
            language: Some(self.language.to_owned()),
            last_build_date: Some(self.updated.to_rfc2822()),
            generator: Some(GENERATOR.into()),
            items: items.collect(),
            extensions,
            namespaces: [("atom".to_owned(), "http://www.w3.org/2005/Atom".to_owned())].into(),
            ..Channel::default()
        };
        channel.to_string()
    }

    /// The JSON Feed (version 1.1).
    fn json(&self) -> String {
        let feed = JsonFeed {
            version: "https://jsonfeed.org/version/1.1",
            title: self.title,
            home_page_url: &self.home_url,
            feed_url: self.feed_url(FeedFormat::Json),
            description: self.description,
            language: self.language,
            items: self
                .entries
                .iter()
                .map(|entry| {
                    let summary = &entry.post.summary;
                    JsonItem {
                        id: &entry.url,
                        url: &entry.url,
                        title: &summary.title,
                        content_html: &entry.content_html,
                        summary: &summary.excerpt,
                        image: entry.image.as_deref(),
                        date_published: entry.published.to_rfc3339(),
                        date_modified: entry.updated.to_rfc3339(),
                        authors: entry
                            .authors
                            .iter()
                            .map(|(name, url)| JsonAuthor { name, url })
                            .collect(),
                        tags: summary
                            .category
                            .iter()
                            .chain(&summary.tags)
                            .map(|t| t.name.as_str())
                            .collect(),
                        language: &summary.language,
                    }
                })
                .collect(),
        };
        serde_json::to_string_pretty(&feed).expect("a feed serializes")
    }
}

/// A date-time the compiler wrote (RFC 3339); the epoch if it somehow is not one.
fn date(rfc3339: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(rfc3339).unwrap_or_default()
}

/// A JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>).
#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    language: &'a str,
    items: Vec<JsonItem<'a>>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    content_html: &'a str,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    date_published: String,
    date_modified: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonAuthor<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    language: &'a str,
}

#[derive(Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
    url: &'a str,
}
