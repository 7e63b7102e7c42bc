//! Small Hugo and Zola sites of our own (`tests/sites/`), built from their roots: their
//! settings, posts, alternates, redirects, static files and the exact warnings.

use std::path::PathBuf;

mod support;

use folio_build::{BuildOptions, Compiled, compile};
use folio_model::content_index::PostDocument;

fn build(name: &str) -> Compiled {
    build_with(name, BuildOptions::default())
}

fn build_with(name: &str, options: BuildOptions) -> Compiled {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sites")
        .join(name);
    match compile(&root, &options) {
        Ok(compiled) => compiled,
        Err(e) => panic!("{e}"),
    }
}

fn warnings(compiled: &Compiled) -> Vec<String> {
    compiled
        .warnings
        .0
        .iter()
        .map(|d| {
            let text = d.to_string();
            let line = text.lines().next().unwrap_or_default();
            line.rsplit("tests/sites/")
                .next()
                .unwrap_or(line)
                .to_owned()
        })
        .collect()
}

/// The post document at `document` (`data/posts/x.json`).
fn post<'c>(compiled: &'c Compiled, document: &str) -> &'c PostDocument {
    &compiled
        .index
        .posts
        .iter()
        .find(|(path, _)| path == document)
        .unwrap_or_else(|| panic!("no {document}"))
        .1
}

fn body<'c>(compiled: &'c Compiled, document: &str) -> &'c str {
    &post(compiled, document).body_html
}

/// The paths of every post document, sorted.
fn documents(compiled: &Compiled) -> Vec<&str> {
    let mut paths: Vec<&str> = compiled
        .index
        .posts
        .iter()
        .map(|(p, _)| p.as_str())
        .collect();
    paths.sort();
    paths
}

#[test]
fn a_multilingual_hugo_site() {
    let compiled = build("hugo-multilingual");
    let site = &compiled.index.site;
    assert_eq!(site.base_url, "https://example.org/");
    let titles: Vec<(&str, &str)> = site
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.title.as_str()))
        .collect();
    assert_eq!(titles, [("en", "Field notes"), ("es", "Notas de campo")]);
    let posts = documents(&compiled);
    assert_eq!(
        posts,
        [
            "data/es/posts/first-light.json",
            "data/es/posts/segunda.json",
            "data/es/posts/trip.json",
            "data/posts/2023-meetup.json",
            "data/posts/2024-meetup.json",
            "data/posts/first-light.json",
            "data/posts/second.json",
            "data/posts/trip.json",
        ]
    );
    // The same file in each language's contentDir, and a shared translationKey.
    let alternates = |document: &str| -> Vec<(String, String)> {
        post(&compiled, document)
            .alternates
            .iter()
            .map(|a| (a.language.clone(), a.slug.clone()))
            .collect()
    };
    assert_eq!(
        alternates("data/posts/first-light.json"),
        [("es".to_owned(), "first-light".to_owned())]
    );
    assert_eq!(
        alternates("data/posts/second.json"),
        [("es".to_owned(), "segunda".to_owned())]
    );
    // Hugo's permalinks, in each language, are old URLs.
    let redirects = support::redirects(&compiled);
    assert_eq!(
        redirects,
        [
            ("2023/05/meetup-2023", "posts/2023-meetup/"),
            ("2024/03/first-light", "posts/first-light/"),
            ("2024/04/second-night", "posts/second/"),
            ("2024/05/meetup-2024", "posts/2024-meetup/"),
            ("2024/06/the-trip", "posts/trip/"),
            ("es/2024/03/primera-luz", "es/posts/first-light/"),
            ("es/2024/04/segunda-noche", "es/posts/segunda/"),
            ("es/2024/06/el-viaje", "es/posts/trip/"),
        ]
    );
    // Two posts named `meetup.md` in the folders of their years: Hugo kept them apart
    // by their folders, and so do their slugs.
    let trip = body(&compiled, "data/posts/trip.json");
    assert!(trip.contains("href=\"/posts/2023-meetup/\""), "{trip}");
    // A link to a page's file from the site's root, as Hugo's link render hook finds it.
    assert!(trip.contains("href=\"/posts/first-light/\""), "{trip}");
    // A page without a date in each language is a page, with its translation as an
    // alternate in its head.
    let pages: Vec<(&str, &str)> = compiled
        .index
        .pages
        .iter()
        .map(|page| (page.language.as_str(), page.path.as_str()))
        .collect();
    assert_eq!(pages, [("en", "about"), ("es", "about")]);
    let about = &compiled.index.pages[0];
    assert!(
        about
            .head
            .html
            .contains("rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/es/about/\""),
        "{}",
        about.head.html
    );
    assert!(
        about.body_html.contains("href=\"/posts/first-light/\""),
        "{}",
        about.body_html
    );
    // The Spanish bundle shows the English bundle's map, as Hugo shares a bundle's
    // files with its translations.
    let viaje = body(&compiled, "data/es/posts/trip.json");
    assert!(
        viaje.contains("src=\"/data/media/en/posts/trip/map.svg\""),
        "{viaje}"
    );
    let html = body(&compiled, "data/posts/first-light.json");
    assert!(html.contains("src=\"/img/dome.svg\""), "{html}");
    assert!(html.contains("width=\"40\" height=\"20\""), "{html}");
    assert!(html.contains("href=\"/posts/second/\""), "{html}");
    assert!(html.contains("href=\"/tag/night/\""), "{html}");
    assert!(
        html.contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\""),
        "{html}"
    );
    assert!(html.contains("Inner <em>Markdown</em> kept."), "{html}");
    assert!(compiled.index.static_files.contains_key("img/dome.svg"));
    assert_eq!(
        warnings(&compiled),
        [
            "hugo-multilingual/content/en/posts/first-light.md:13:1: warning: shortcode `sparkle` is not one Folio knows: left out",
            "hugo-multilingual/hugo.toml:1:1: warning: Folio does not use any of these settings: enableEmoji, params (but description)",
        ]
    );
}

#[test]
fn a_zola_site_root_with_static_files_and_sections() {
    let compiled = build("zola-static");
    let site = &compiled.index.site;
    assert_eq!(site.base_url, "https://zola.example/");
    assert_eq!(site.languages[0].title, "A Zola blog");
    let html = body(&compiled, "data/posts/screenshots.json");
    // `../screenshot.png`, from the post's URL `/screenshots/`, is the static file.
    // A raster image: published in its sizes and formats, made from the static file.
    assert!(
        html.contains("<picture><source type=\"image/avif\" srcset=\"/data/images/screenshot-16."),
        "{html}"
    );
    // `../diagram.svg`, from the same URL, is the file Zola published from `content/`.
    assert!(html.contains("src=\"/data/media/diagram.svg\""), "{html}");
    assert!(html.contains("watch?v=dQw4w9WgXcQ"), "{html}");
    assert!(html.contains("href=\"/category/blog/\""), "{html}");
    // Zola's tag page, `/tags/rust-tips/`, is Folio's.
    assert!(html.contains("href=\"/tag/rust-tips/\""), "{html}");
    // A page without a date is a page at its `path`, not a post; `render = false` is
    // no page at all.
    assert!(html.contains("href=\"/about/\""), "{html}");
    let pages: Vec<(&str, &str)> = compiled
        .index
        .pages
        .iter()
        .map(|page| (page.path.as_str(), page.title.as_str()))
        .collect();
    assert_eq!(pages, [("about", "About me")]);
    assert!(
        compiled.index.pages[0]
            .body_html
            .contains("href=\"/posts/screenshots/\""),
        "{}",
        compiled.index.pages[0].body_html
    );
    let later = body(&compiled, "data/posts/later.json");
    assert!(later.contains("href=\"/posts/screenshots/\""), "{later}");
    // The `blog` section is a category; the home `_index.md` is not.
    let categories: Vec<&str> = site.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(categories, ["blog"]);
    // The home section's `paginate_by` is the blog's page size.
    assert_eq!(site.posts_per_page, 3);
    // `ignored_content` leaves out the drafts folder (whose page does not parse) and
    // the spreadsheet; `ignored_static` the layered source file.
    assert_eq!(
        documents(&compiled),
        ["data/posts/later.json", "data/posts/screenshots.json"]
    );
    let statics: Vec<&str> = compiled
        .index
        .static_files
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(statics, ["screenshot.png"]);
    let redirects = support::redirects(&compiled);
    assert_eq!(
        redirects,
        [
            ("blog/later", "posts/later/"),
            ("old/later", "posts/later/"),
            ("screenshots", "posts/screenshots/"),
        ]
    );
    assert_eq!(
        warnings(&compiled),
        [
            "zola-static/config.toml:1:1: warning: Folio does not use any of these settings: build_search_index, compile_sass, markdown",
            "zola-static/content/2023-06-01-screenshots.md:11:1: warning: shortcode `quote` is not one Folio knows: left out",
        ]
    );
}

#[test]
fn a_hugo_site_with_a_config_folder_and_one_section_as_the_blog() {
    let compiled = build_with(
        "hugo-config-folder",
        BuildOptions {
            section: Some("posts".to_owned()),
            ..BuildOptions::default()
        },
    );
    let site = &compiled.index.site;
    // config/_default/: hugo.toml, languages.yaml and params.toml together.
    assert_eq!(site.base_url, "https://docs.example/posts/");
    assert_eq!(site.posts_per_page, 5);
    assert_eq!(compiled.index.feed_limit, Some(20));
    // `menu.main`, by weight: the blog's section is its home; the rest of the site is
    // left as the site wrote it.
    let navigation: Vec<(&str, &str)> = site
        .navigation
        .iter()
        .map(|link| (link.label.as_str(), link.href.as_str()))
        .collect();
    assert_eq!(navigation, [("News", ""), ("Docs", "/docs/")]);
    let languages: Vec<(&str, &str, &str)> = site
        .languages
        .iter()
        .map(|l| (l.code.as_str(), l.title.as_str(), l.description.as_str()))
        .collect();
    assert_eq!(
        languages,
        [
            ("en", "Product", "News of the product"),
            ("fr", "Produit", "Les nouvelles du produit")
        ]
    );
    // Only the section's pages are posts; `release.fr.md` is the French alternate.
    let posts = documents(&compiled);
    assert_eq!(
        posts,
        [
            "data/fr/posts/release.json",
            "data/posts/bundle.json",
            "data/posts/release.json"
        ]
    );
    let release = post(&compiled, "data/posts/release.json");
    assert_eq!(release.alternates[0].language, "fr");
    assert_eq!(release.summary.published, "2025-01-15T10:00:00+01:00");
    // `/docs/guide/` is the rest of the site; `/fr/posts/release/` the French post.
    assert!(
        release.body_html.contains("href=\"/docs/guide/\""),
        "{}",
        release.body_html
    );
    assert!(
        release
            .body_html
            .contains("href=\"/posts/fr/posts/release/\""),
        "{}",
        release.body_html
    );
    // `param`: the site's parameters, and a language's own before them; dotted names.
    assert!(
        release
            .body_html
            .contains("Details of version 3.1, by the product team."),
        "{}",
        release.body_html
    );
    let french = post(&compiled, "data/fr/posts/release.json");
    assert_eq!(french.summary.excerpt, "Les nouveautés, en bref.");
    assert!(
        french
            .body_html
            .contains("Les détails de la version 3.1, par l'équipe du produit."),
        "{}",
        french.body_html
    );
    let bundle = post(&compiled, "data/posts/bundle.json");
    let hero = bundle.summary.image.as_ref().expect("the featured image");
    assert_eq!((hero.alt.as_str(), hero.width), ("A bundle", Some(40)));
    assert_eq!(
        support::redirects(&compiled),
        [
            ("bundle", "posts/bundle/"),
            ("fr/release", "fr/posts/release/"),
            ("release", "posts/release/")
        ]
    );
}

#[test]
fn a_zola_site_with_its_own_shortcode_templates() {
    let compiled = build("zola-shortcodes");
    let html = body(&compiled, "data/posts/trip.json");
    // The site's `figure`: its image found beside the post and sized, its caption's
    // Markdown rendered, and nothing of the template's indentation read as code.
    assert!(
        html.contains(
            "<img src=\"/data/media/blog/trip/cat.svg\" alt=\"A blue cat\" width=\"80\" height=\"40\">"
        ),
        "{html}"
    );
    assert!(
        html.contains("<figcaption>The <em>blue</em> cat</figcaption>"),
        "{html}"
    );
    // The site's `info` replaces the theme's; its body is Markdown, code and all.
    assert!(html.contains("<div class=\"info\">"), "{html}");
    assert!(!html.contains("the theme's info"), "{html}");
    assert!(
        html.contains("<pre") && html.contains("indented code stays code"),
        "{html}"
    );
    // The theme's `note`, with the theme's macro.
    assert!(
        html.contains("<div class=\"note\"><strong>HEADS UP</strong>"),
        "{html}"
    );
    // A Markdown shortcode, inline: `nth`, `lang`, `config.extra` and `load_data`.
    assert!(
        html.contains("Inline <strong>Ferris</strong> says hi (1, en, Ferris).")
            && html.contains("again <strong>Ferris</strong> says hi (2, en, Ferris)."),
        "{html}"
    );
    // The site's video, with what a post may hold of it: its file, found beside the post.
    assert!(
        html.contains(
            "<video controls=\"\" preload=\"none\" src=\"/data/media/blog/trip/clip.mp4\">"
        ),
        "{html}"
    );
    // Folio's own link card for Zola's `youtube`, which keeps the page's CSP.
    assert!(html.contains("watch?v=dQw4w9WgXcQ"), "{html}");
    for syntax in ["{{", "{%", "folio-shortcode"] {
        assert!(!html.contains(syntax), "{syntax} in {html}");
    }
    assert_eq!(
        warnings(&compiled),
        [
            "zola-shortcodes/content/blog/trip/index.md:22:1: warning: shortcode `latest` uses the function `get_section`, which Folio does not provide: left out",
            "zola-shortcodes/content/blog/trip/index.md:26:1: warning: shortcode `video` writes what no post may hold, left out: `<link>`, `<script>`, `onplay` on `<video>`",
        ]
    );
}
