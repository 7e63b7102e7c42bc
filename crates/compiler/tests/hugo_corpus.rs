//! The Flux blog (`../shared/corpora/flux-blog`: a real Hugo site with the Docsy theme,
//! 77 posts, page bundles with their images, never copied into this repository) builds
//! as it is from its site root, with `--section blog`: its `hugo.yaml`, its dates, its
//! permalinks and aliases as old URLs, its `static/` files and its shortcodes.

use std::path::PathBuf;

mod support;

use folio_build::{BuildError, BuildOptions, Compiled, Severity, compile};

fn site() -> PathBuf {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/flux-blog");
    assert!(
        path.is_dir(),
        "the shared Flux corpus is not at {}",
        path.display()
    );
    path
}

fn options(warn_missing: bool) -> BuildOptions {
    BuildOptions {
        section: Some("blog".to_owned()),
        warn_missing,
        ..BuildOptions::default()
    }
}

fn compiled() -> Compiled {
    match compile(&site(), &options(true)) {
        Ok(compiled) => compiled,
        Err(BuildError::Content(problems)) => panic!("the Flux site has errors:\n{problems}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn only_the_image_missing_from_the_copy_is_an_error() {
    let Err(BuildError::Content(problems)) = compile(&site(), &options(false)) else {
        panic!("the copy lacks one image, which must be reported");
    };
    let errors: Vec<String> = problems
        .0
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("2022-08-02-july-update/index.md:338:4: error: image file `/ecosystem/img/weave-gitops3.png` not found"),
        "{}",
        errors[0]
    );
}

#[test]
fn every_post_builds_with_its_settings_and_old_urls() {
    let compiled = compiled();
    assert_eq!(compiled.index.posts.len(), 77);
    let site = &compiled.index.site;
    assert_eq!(site.languages[0].title, "Flux");
    assert_eq!(site.base_url, "/blog/");
    let redirects = support::redirects(&compiled);
    // The permalinks `/:section/:year/:month/:slug/` (the slug from the title), and an
    // alias, both inside the blog's `/blog/`.
    assert!(redirects.contains(&(
        "2021/03/march-2021-update",
        "posts/2021-03-01-march-update/"
    )));
    assert!(redirects.contains(&("2023/08/flux-v2.1.0", "posts/announcing-flux-v2-1-0/")));
    assert!(redirects.contains(&(
        "2021-11-10-flux-security-audit",
        "posts/2021-11-10-flux-security-audit/"
    )));
    // Two files Hugo kept apart by their dates keep them in their slugs.
    for slug in ["2021-01-06-january-update", "2023-02-01-january-update"] {
        assert!(
            compiled
                .index
                .posts
                .iter()
                .any(|(path, _)| path.ends_with(&format!("/{slug}.json"))),
            "{slug}"
        );
    }
    // A page bundle's `*featured*` image is its post's picture, as Docsy shows it, its
    // alt text the post's title: on its card...
    let cards: Vec<_> = compiled
        .index
        .listings
        .iter()
        .filter(|(path, _)| path.starts_with("data/page/"))
        .flat_map(|(_, listing)| &listing.posts)
        .filter_map(|post| Some((post.image.as_ref()?, &post.title)))
        .collect();
    assert_eq!(cards.len(), 57);
    assert!(
        cards
            .iter()
            .all(|(image, title)| image.alt == **title && image.src.contains("featured"))
    );
    // ...and in its link previews; its page shows it once: as the hero, or only where
    // the body shows it.
    let heroes = compiled
        .index
        .posts
        .iter()
        .filter(|(_, post)| post.summary.image.is_some())
        .count();
    // Every post shares a raster picture: the 57 a 1200×630 JPEG of their hero, the 20
    // without one a card of their title.
    let previews = |kind: &str| {
        compiled
            .index
            .posts
            .iter()
            .filter_map(|(_, post)| {
                let tag = "property=\"og:image\" content=\"";
                let start = post.head.html.find(tag)? + tag.len();
                let url = &post.head.html[start..];
                Some(url[..url.find('"')?].to_owned())
            })
            .filter(|url| url.contains(&format!("/data/images/{kind}")))
            .count()
    };
    assert_eq!(heroes, 5);
    assert_eq!((previews(""), previews("card-")), (77, 20));
    for (path, post) in &compiled.index.posts {
        if let Some(hero) = &post.summary.image {
            assert!(
                !post.body_html.contains(&hero.src),
                "{path} shows its hero twice"
            );
        }
    }
    // The static folder is copied to the site's root.
    assert!(
        compiled
            .index
            .static_files
            .contains_key("img/flagger-gitops.png")
    );
    let warnings: Vec<String> = compiled
        .warnings
        .0
        .iter()
        .map(|d| d.message.clone())
        .collect();
    assert_eq!(
        warnings
            .iter()
            .filter(|m| m.starts_with("Folio does not use"))
            .count(),
        1,
        "{warnings:#?}"
    );
}

#[test]
fn no_shortcode_reaches_a_page_and_links_resolve() {
    let compiled = compiled();
    for (path, post) in &compiled.index.posts {
        let html = &post.body_html;
        for syntax in ["{{<", "{{%", ">}}", "%}}"] {
            assert!(!html.contains(syntax), "{path} holds `{syntax}`");
        }
    }
    let body = |slug: &str| {
        &compiled
            .index
            .posts
            .iter()
            .find(|(path, _)| path.ends_with(&format!("/{slug}.json")))
            .unwrap_or_else(|| panic!("no post {slug}"))
            .1
            .body_html
    };
    // A link to another post by its Hugo URL leads to the post, one into the rest of
    // fluxcd.io stays a link of the host, and `/img/` files are served from the blog.
    let may = body("2022-06-01-may-update");
    assert!(
        may.contains("href=\"/blog/posts/2022-05-04-april-update/\""),
        "{may}"
    );
    let html = compiled
        .index
        .posts
        .iter()
        .map(|(_, p)| p.body_html.as_str())
        .collect::<String>();
    assert!(html.contains("href=\"/flux/"), "host links kept");
    assert!(
        html.contains("src=\"/blog/img/"),
        "static images under the blog"
    );
    // A YouTube shortcode is a link card; imgproc a figure of the bundle's image.
    assert!(html.contains("<a class=\"embed-link\" href=\"https://www.youtube.com/watch?v="));
    assert!(html.contains("<figure>"));
}

/// The images a post shows in Hugo: Markdown images, raw `<img>`, `imgproc` figures and
/// the bundle's files a `gallery` matches (`match="images/*"`).
fn images_in_source(text: &str, bundle: &std::path::Path) -> usize {
    let markdown = text.matches("![").count();
    let raw = text.matches("<img ").count();
    let figures = text.matches("{{< imgproc").count();
    let galleries: usize = text
        .match_indices("{{< gallery match=\"")
        .map(|(at, opening)| {
            let pattern = &text[at + opening.len()..];
            let pattern = &pattern[..pattern.find('"').unwrap_or(0)];
            let folder = bundle.join(pattern.trim_end_matches('*').trim_end_matches('/'));
            std::fs::read_dir(folder).map_or(0, |files| files.count())
        })
        .sum();
    markdown + raw + figures + galleries
}

#[test]
fn every_image_a_post_showed_in_hugo_is_in_its_page() {
    let compiled = compiled();
    let blog = site().join("content/en/blog");
    let mut checked = 0;
    for entry in std::fs::read_dir(&blog).expect("the blog's folder") {
        let path = entry.expect("an entry").path();
        let (file, bundle) = if path.is_dir() {
            (path.join("index.md"), path.clone())
        } else {
            (path.clone(), blog.clone())
        };
        let is_post = file.extension().is_some_and(|e| e == "md")
            && file.file_name().is_some_and(|name| name != "_index.md");
        let Some(text) = is_post
            .then(|| std::fs::read_to_string(&file).ok())
            .flatten()
        else {
            continue;
        };
        let Some(title) = text
            .lines()
            .find_map(|line| line.strip_prefix("title:"))
            .map(|title| {
                let title = title.trim();
                for quote in ['"', '\''] {
                    if let Some(inner) = title
                        .strip_prefix(quote)
                        .and_then(|t| t.strip_suffix(quote))
                    {
                        return inner.replace("''", "'");
                    }
                }
                title.to_owned()
            })
        else {
            continue;
        };
        let expected = images_in_source(&text, &bundle);
        let Some((_, post)) = compiled
            .index
            .posts
            .iter()
            .find(|(_, post)| post.summary.title == title)
        else {
            panic!("no post titled `{title}` ({})", file.display());
        };
        let shown = post.body_html.matches("<img ").count();
        assert!(
            shown >= expected,
            "{}: {expected} images in Hugo, {shown} in its page",
            file.display()
        );
        checked += 1;
    }
    assert_eq!(checked, 77);
}

#[test]
fn a_body_that_shows_the_hero_loads_its_first_image_first_and_its_card_shows_the_hero() {
    let compiled = compiled();
    let title = "KubeCon EU 2022 Wrap-Up";
    let (_, post) = compiled
        .index
        .posts
        .iter()
        .find(|(_, post)| post.summary.title == title)
        .expect("the KubeCon wrap-up");
    // Its body shows `kubecon-welcome-featured.jpg` itself, first (`imgproc`).
    assert!(post.summary.image.is_none(), "the page shows the hero once");
    let first = post.body_html.split("<picture>").nth(1).expect("pictures");
    let first = first.split("</picture>").next().unwrap();
    assert!(
        first.contains("kubecon-welcome-featured") && first.contains("fetchpriority=\"high\""),
        "{first}"
    );
    assert_eq!(post.body_html.matches("fetchpriority").count(), 1);
    let card = compiled
        .index
        .listings
        .iter()
        .flat_map(|(_, listing)| &listing.posts)
        .find(|card| card.title == title)
        .and_then(|card| card.image.as_ref())
        .expect("the card shows the hero");
    assert!(
        !card.html.contains("fetchpriority") && card.html.contains("(min-width: 61.5rem)"),
        "{}",
        card.html
    );
}
