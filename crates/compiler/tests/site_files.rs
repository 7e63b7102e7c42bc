//! The files around the data folder, end to end through the compiler: feeds, sitemap,
//! robots.txt and _headers, read back with a parser of their own format.

use std::fs;
use std::path::Path;

use folio_build::write::site_files::{self, Written};
use folio_build::write::static_pages::Template;
use folio_build::{BuildOptions, compile};

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\"><head><base href=\"/blog/\">\
    <title>Folio</title><script>document.documentElement.dataset.x=1</script>\
    <link rel=\"stylesheet\" href=\"/blog/main-0123456789abcdef.css\"></head>\
    <body></body></html>";

const SITE: &str = "base_url = \"https://example.com/blog/\"\n\
    [languages.en]\n[languages.es]\nname = \"Español\"\ntitle = \"Diario\"\n";

/// Builds `files` (and `site.toml`, unless given) with drafts, and writes the site files
/// into a fresh folder.
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Written) {
    let content = tempfile::tempdir().unwrap();
    let mut files = files.to_vec();
    if !files.iter().any(|(path, _)| *path == "site.toml") {
        files.push(("site.toml", SITE));
    }
    for (path, text) in files {
        let path = content.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let options = BuildOptions {
        drafts: true,
        now: Some("2026-11-24T00:00:00Z".parse().unwrap()),
        ..BuildOptions::default()
    };
    let compiled = compile(content.path(), &options).unwrap_or_else(|e| panic!("{e}"));
    let out = tempfile::tempdir().unwrap();
    let template = Template::parse(TEMPLATE).unwrap();
    let written = site_files::write(&compiled.index, &template, out.path()).unwrap();
    (out, written)
}

fn post(title: &str, date: &str, extra: &str) -> String {
    format!(
        "+++\ntitle = \"{title}\"\ndescription = \"About {title}\"\ndate = {date}\n{extra}+++\n"
    )
}

fn sample() -> (tempfile::TempDir, Written) {
    let a = post(
        "Alpha",
        "2026-01-01",
        "tags = [\"rust\"]\nauthors = [\"Ana Ruiz\"]\n",
    ) + "See [beta](@/posts/b.md), [below](#usage) and ![chart](chart.svg).\n\n## Usage\n";
    let b = post("Beta", "2026-02-01", "updated = 2026-03-01\n");
    let a_es = post("Alfa", "2026-01-02", "");
    let draft = post("Draft", "2026-01-03", "draft = true\n");
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";
    site(&[
        ("posts/a.md", &a),
        ("posts/chart.svg", svg),
        ("posts/b.md", &b),
        ("posts/a.es.md", &a_es),
        ("posts/draft.md", &draft),
    ])
}

fn read(dir: &Path, path: &str) -> String {
    fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text of every element named `name` (ignoring its namespace) of `xml`.
fn texts(xml: &str, name: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    document
        .descendants()
        .filter(|n| n.tag_name().name() == name)
        .map(|n| n.text().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn each_language_has_three_feeds_of_its_published_posts_newest_first() {
    let (dir, written) = sample();
    assert_eq!(written.feeds, 6);
    let dir = dir.path();
    let alpha = "https://example.com/blog/posts/a/";
    let beta = "https://example.com/blog/posts/b/";
    let atom = read(dir, "atom.xml");
    assert_eq!(
        texts(&atom, "id")[1..],
        [beta, alpha],
        "no draft, newest first"
    );
    assert_eq!(texts(&atom, "updated")[0], "2026-03-01T00:00:00+00:00");
    let rss = read(dir, "rss.xml");
    assert_eq!(texts(&rss, "guid"), [beta, alpha]);
    assert_eq!(texts(&rss, "creator"), ["Ana Ruiz"]);
    let json: serde_json::Value = serde_json::from_str(&read(dir, "feed.json")).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(json["feed_url"], "https://example.com/blog/feed.json");
    let ids: Vec<&str> = json["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [beta, alpha]);
    let spanish: serde_json::Value = serde_json::from_str(&read(dir, "es/feed.json")).unwrap();
    assert_eq!(spanish["title"], "Diario");
    assert_eq!(
        spanish["items"][0]["url"],
        "https://example.com/blog/es/posts/a/"
    );
}

#[test]
fn feed_content_has_only_absolute_urls() {
    let (dir, _) = sample();
    let json: serde_json::Value = serde_json::from_str(&read(dir.path(), "feed.json")).unwrap();
    let alpha = &json["items"][1];
    let html = alpha["content_html"].as_str().unwrap();
    for url in [
        "href=\"https://example.com/blog/posts/b/\"",
        "href=\"https://example.com/blog/posts/a/#usage\"",
        "src=\"https://example.com/blog/data/media/posts/chart.svg\"",
    ] {
        assert!(html.contains(url), "{url} in {html}");
    }
    assert_eq!(
        alpha["authors"][0]["url"],
        "https://example.com/blog/author/ana-ruiz/"
    );
    assert_eq!(alpha["tags"], serde_json::json!(["rust"]));
}

#[test]
fn feed_limit_keeps_the_newest_posts() {
    let (dir, _) = site(&[
        ("site.toml", &format!("feed_limit = 1\n{SITE}")),
        ("posts/a.md", &post("A", "2026-01-01", "")),
        ("posts/b.md", &post("B", "2026-02-01", "")),
    ]);
    let atom = read(dir.path(), "atom.xml");
    assert_eq!(texts(&atom, "entry").len(), 1);
    assert!(atom.contains("https://example.com/blog/posts/b/"));
}

#[test]
fn the_sitemap_lists_every_published_page_with_its_languages() {
    let (dir, written) = sample();
    assert!(written.sitemap);
    let xml = read(dir.path(), "sitemap.xml");
    let locations = texts(&xml, "loc");
    for url in [
        "https://example.com/blog/",
        "https://example.com/blog/es/",
        "https://example.com/blog/posts/a/",
        "https://example.com/blog/posts/b/",
        "https://example.com/blog/es/posts/a/",
    ] {
        assert!(locations.iter().any(|l| l == url), "{url} in {locations:?}");
    }
    assert!(!xml.contains("draft"), "drafts are not listed");
    let document = roxmltree::Document::parse(&xml).unwrap();
    let alpha = document
        .descendants()
        .find(|n| {
            n.tag_name().name() == "url"
                && n.children()
                    .any(|c| c.text() == Some("https://example.com/blog/posts/a/"))
        })
        .unwrap();
    let alternates: Vec<(&str, &str)> = alpha
        .children()
        .filter(|n| n.tag_name().name() == "link")
        .map(|n| {
            (
                n.attribute("hreflang").unwrap(),
                n.attribute("href").unwrap(),
            )
        })
        .collect();
    assert!(
        alternates.contains(&("es", "https://example.com/blog/es/posts/a/")),
        "{alternates:?}"
    );
    assert!(alternates.contains(&("en", "https://example.com/blog/posts/a/")));
    let lastmod = texts(&xml, "lastmod");
    assert!(
        lastmod.iter().all(|d| d.len() == 25),
        "RFC 3339 dates: {lastmod:?}"
    );
    let robots = read(dir.path(), "robots.txt");
    assert!(
        robots.contains("Sitemap: https://example.com/blog/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn a_site_without_an_absolute_base_url_has_no_feeds_and_no_sitemap() {
    let (dir, written) = site(&[
        ("site.toml", "base_url = \"/blog/\"\n"),
        ("posts/a.md", &post("A", "2026-01-01", "")),
    ]);
    assert_eq!((written.feeds, written.sitemap), (0, false));
    assert!(!dir.path().join("atom.xml").exists());
    assert!(!dir.path().join("sitemap.xml").exists());
    assert!(!read(dir.path(), "robots.txt").contains("Sitemap"));
    let page = read(dir.path(), "posts/a/index.html");
    assert!(
        !page.contains("application/atom+xml"),
        "no link to a feed that is not there"
    );
}

#[test]
fn every_page_links_its_languages_feeds() {
    let (dir, _) = sample();
    let page = read(dir.path(), "es/posts/a/index.html");
    for (kind, href) in [
        (
            "application/atom+xml",
            "https://example.com/blog/es/atom.xml",
        ),
        ("application/rss+xml", "https://example.com/blog/es/rss.xml"),
        (
            "application/feed+json",
            "https://example.com/blog/es/feed.json",
        ),
    ] {
        assert!(
            page.contains(&format!(
                "rel=\"alternate\" type=\"{kind}\" title=\"Diario ("
            )),
            "{kind}"
        );
        assert!(page.contains(&format!("href=\"{href}\"")), "{href}");
    }
}

#[test]
fn the_headers_file_holds_the_policy_and_the_cache_rules() {
    let (dir, _) = sample();
    let headers = read(dir.path(), "_headers");
    assert!(headers.contains("\n/blog/*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    assert!(headers.contains(
        "\n/blog/main-0123456789abcdef.css\n  Cache-Control: public, max-age=31536000, immutable\n"
    ));
    for revalidated in [
        "/blog/posts/*",
        "/blog/es/*",
        "/blog/atom.xml",
        "/blog/sitemap.xml",
    ] {
        assert!(
            headers.contains(&format!(
                "\n{revalidated}\n  Cache-Control: public, max-age=0, must-revalidate\n"
            )),
            "{revalidated} in {headers}"
        );
    }
}
