//! `sitemap.xml` (the sitemaps.org protocol, with `lastmod` and each page's languages as
//! `xhtml:link` hreflang alternates) and the `robots.txt` that points crawlers to it.
//!
//! A sitemap lists absolute URLs: a site built without an absolute base URL has none, and
//! its `robots.txt` names no sitemap.

use std::io;

use folio_model::data_layout;
use folio_model::head::{self, HeadTags, absolute_url};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::render::assemble::ContentIndex;
use crate::write::site_files::SiteFile;

/// `sitemap.xml`, if the site has an absolute base URL, and `robots.txt`.
pub fn files(index: &ContentIndex) -> Vec<SiteFile> {
    let site = &index.site;
    let mut robots = String::from("User-agent: *\nAllow: /\n");
    let mut files = Vec::new();
    if site.has_absolute_base_url() {
        let url = absolute_url(&site.base_url, data_layout::SITEMAP);
        robots.push_str(&format!("\nSitemap: {url}\n"));
        files.push(SiteFile {
            path: data_layout::SITEMAP.into(),
            contents: sitemap(&entries(index)),
        });
    }
    files.push(SiteFile {
        path: data_layout::ROBOTS.into(),
        contents: robots,
    });
    files
}

/// One URL of the sitemap.
struct SitemapEntry<'a> {
    head: HeadTags,
    /// When the page last changed (RFC 3339).
    lastmod: Option<&'a str>,
}

/// Every page worth indexing: each published post, the first page of each listing, and
/// every page that is not a post.
fn entries(index: &ContentIndex) -> Vec<SitemapEntry<'_>> {
    let indexed = |head: &HeadTags| {
        !head.canonical.is_empty()
            && !head
                .meta_content("robots")
                .is_some_and(|r| r.contains("noindex"))
    };
    let posts = index
        .posts
        .iter()
        .map(|(_, post)| post)
        .filter(|post| !post.summary.draft)
        .map(|post| SitemapEntry {
            head: head::post_head(&index.site, post, None),
            lastmod: Some(
                post.summary
                    .updated
                    .as_deref()
                    .unwrap_or(&post.summary.published),
            ),
        });
    let listings = index
        .listings
        .iter()
        .map(|(_, listing)| listing)
        .filter(|listing| listing.page <= 1)
        .map(|listing| SitemapEntry {
            head: head::listing_head(&index.site, listing, None),
            lastmod: listing
                .posts
                .iter()
                .map(|p| p.updated.as_deref().unwrap_or(&p.published))
                .max_by_key(|date| chrono::DateTime::parse_from_rfc3339(date).ok()),
        });
    // Pages that are not posts have no date that says when they changed.
    let pages = index.pages.iter().map(|page| SitemapEntry {
        head: head::page_head(&index.site, page, None),
        lastmod: None,
    });
    listings
        .chain(posts)
        .chain(pages)
        .filter(|entry| indexed(&entry.head))
        .collect()
}

/// The sitemap's XML.
fn sitemap(entries: &[SitemapEntry<'_>]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_sitemap(&mut writer, entries).expect("writing to memory");
    let mut xml = String::from_utf8(writer.into_inner()).expect("the writer writes UTF-8");
    xml.push('\n');
    xml
}

fn write_sitemap(writer: &mut Writer<Vec<u8>>, entries: &[SitemapEntry<'_>]) -> io::Result<()> {
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"))
        .with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"))
        .write_inner_content(|writer| {
            for entry in entries {
                writer.create_element("url").write_inner_content(|writer| {
                    writer
                        .create_element("loc")
                        .write_text_content(BytesText::new(&entry.head.canonical))?;
                    if let Some(lastmod) = entry.lastmod {
                        writer
                            .create_element("lastmod")
                            .write_text_content(BytesText::new(lastmod))?;
                    }
                    for alternate in &entry.head.alternates {
                        writer
                            .create_element("xhtml:link")
                            .with_attribute(("rel", "alternate"))
                            .with_attribute(("hreflang", alternate.hreflang.as_str()))
                            .with_attribute(("href", alternate.href.as_str()))
                            .write_empty()?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    Ok(())
}
