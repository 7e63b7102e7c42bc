//! Every page shares with a picture: each HTML route of the sample, of its build for a
//! sub-path and of the Flux blog names a raster `og:image` of 1200×630 (its width,
//! height and alt text too) that is in the build, the same in Twitter's card and in the
//! JSON-LD: a photo hero made to that size, an SVG hero rasterized, or a card.

use std::path::{Path, PathBuf};

use folio_e2e::{dist_dir, flux_build, sub_path_build};

/// Every `index.html` of a build but the redirect pages of old URLs.
fn pages(dist: &Path) -> Vec<PathBuf> {
    let mut pages = Vec::new();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.file_name().is_some_and(|n| n == "index.html") {
                pages.push(path);
            }
        }
    }
    pages.retain(|page| {
        !std::fs::read_to_string(page)
            .unwrap()
            .contains("http-equiv=\"refresh\"")
    });
    pages.sort();
    pages
}

/// The `content` of the `<meta>` whose `attribute` is `name`.
fn meta<'a>(html: &'a str, attribute: &str, name: &str) -> Option<&'a str> {
    let tag = format!("{attribute}=\"{name}\" content=\"");
    let start = html.find(&tag)? + tag.len();
    Some(&html[start..start + html[start..].find('"')?])
}

/// Checks every page of the build at `dist`, published at `base_url`; returns how many
/// pages shared a card (rather than a hero).
fn every_page_shares_a_picture(dist: &Path, base_url: &str) -> usize {
    let pages = pages(dist);
    assert!(pages.len() > 5, "{}: pages", dist.display());
    let mut cards = 0;
    for page in &pages {
        let html = std::fs::read_to_string(page).unwrap();
        let at = page.display();
        let image =
            meta(&html, "property", "og:image").unwrap_or_else(|| panic!("{at}: no og:image"));
        let path = image
            .strip_prefix(base_url)
            .unwrap_or_else(|| panic!("{at}: {image} is not under {base_url}"));
        let file = dist.join(path);
        let size = imagesize::size(&file).unwrap_or_else(|e| panic!("{at}: {image}: {e}"));
        assert_eq!((size.width, size.height), (1200, 630), "{at}: {image}");
        assert!(
            path.ends_with(".jpg") || path.ends_with(".png"),
            "{at}: {image} is a PNG or a JPEG"
        );
        assert_eq!(
            meta(&html, "property", "og:image:width"),
            Some("1200"),
            "{at}"
        );
        assert_eq!(
            meta(&html, "property", "og:image:height"),
            Some("630"),
            "{at}"
        );
        assert!(
            meta(&html, "property", "og:image:alt").is_some_and(|alt| !alt.is_empty()),
            "{at}: og:image:alt"
        );
        assert_eq!(meta(&html, "name", "twitter:image"), Some(image), "{at}");
        assert_eq!(
            meta(&html, "name", "twitter:card"),
            Some("summary_large_image"),
            "{at}"
        );
        assert!(
            html.contains(&format!("\"image\":\"{image}\"")),
            "{at}: the JSON-LD's image is {image}"
        );
        if path.contains("/card-") {
            cards += 1;
        }
    }
    cards
}

fn base_url_of(dist: &Path) -> String {
    let site: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("data/site.json")).unwrap())
            .unwrap();
    site["base_url"].as_str().unwrap().to_owned()
}

#[test]
fn every_page_of_the_sample_shares_a_raster_picture() {
    let dist = dist_dir();
    let cards = every_page_shares_a_picture(&dist, &base_url_of(&dist));
    assert!(cards > 0, "the listings share cards");
    let (dist, base_url) = sub_path_build();
    every_page_shares_a_picture(&dist, base_url.as_str());
}

#[test]
fn every_page_of_the_flux_blog_shares_a_raster_picture() {
    let dist = flux_build();
    every_page_shares_a_picture(&dist, &base_url_of(&dist));
}
