//! Every file of the static site around its `data` folder: the static page of each route
//! (`static_pages`), the feeds (`feeds`), `sitemap.xml` and `robots.txt` (`sitemap`) and
//! `_headers` (`headers`), made from Trunk's `index.html` and written together.

use std::collections::BTreeSet;
use std::path::Path;

use folio_model::data_layout;

use crate::render::assemble::ContentIndex;
use crate::write::static_pages::{self, StaticPagesError, Template};
use crate::write::{feeds, headers, output, sitemap};

/// One file of the static site.
pub struct SiteFile {
    /// Relative to the site's root.
    pub path: String,
    pub contents: String,
}

/// What [`write`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub pages: usize,
    pub feeds: usize,
    /// False when the site has no absolute base URL, so no feeds and no sitemap.
    pub sitemap: bool,
    /// The feeds larger than [`LARGE_FEED`] bytes, and their sizes.
    pub large_feeds: Vec<(String, usize)>,
    /// How many static files were copied.
    pub static_files: usize,
    /// The static files left out because Folio writes a file at their path.
    pub replaced_static_files: Vec<String>,
}

/// A feed size past which feed readers download too much at each poll, and some refuse
/// the feed (1 MiB).
pub const LARGE_FEED: usize = 1 << 20;

/// Writes every file of the site around `index`'s data into `site_dir`, from `template`.
pub fn write(
    index: &ContentIndex,
    template: &Template,
    site_dir: &Path,
) -> Result<Written, StaticPagesError> {
    let mut files = static_pages::pages(index, template)?;
    let pages = files.len();
    let feeds = feeds::files(index);
    let written = Written {
        pages,
        feeds: feeds.len(),
        sitemap: index.site.has_absolute_base_url(),
        large_feeds: feeds
            .iter()
            .filter(|feed| feed.contents.len() > LARGE_FEED)
            .map(|feed| (feed.path.clone(), feed.contents.len()))
            .collect(),
        static_files: 0,
        replaced_static_files: Vec::new(),
    };
    files.extend(feeds);
    files.extend(sitemap::files(index));
    let base_path = data_layout::base_path(&index.site.base_url);
    let data = index.data_paths();
    let data: Vec<&str> = data.iter().map(String::as_str).collect();
    files.push(headers::file(template.html(), &base_path, &files, &data));
    // A Zola or Hugo site's static files go to the site's root as they are, unless Folio
    // writes a file there (its `robots.txt`, a page, the data folder).
    let ours: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    let (replaced, statics): (Vec<_>, Vec<_>) = index
        .static_files
        .iter()
        .partition(|(path, _)| ours.contains(path.as_str()) || path.starts_with("data/"));
    let written = Written {
        static_files: statics.len(),
        replaced_static_files: replaced.into_iter().map(|(path, _)| path.clone()).collect(),
        ..written
    };
    output::copy_files(
        site_dir,
        statics
            .into_iter()
            .map(|(path, source)| (path.clone(), source.clone()))
            .collect(),
    )?;
    output::write_pages(
        site_dir,
        files.into_iter().map(|f| (f.path, f.contents)).collect(),
    )?;
    Ok(written)
}
