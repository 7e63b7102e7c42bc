//! The Flux blog, a Hugo site nobody here wrote, built from its root and served under
//! `/blog/` by a plain static server: its Hugo URLs redirect to their posts, the files of
//! its `static/` folder and its page bundles load, the pages its shortcodes shaped
//! (link cards, callouts, galleries, figures) pass axe-core in both themes, and the app
//! runs there under its Content-Security-Policy.

use std::path::Path;

use folio_e2e::accessibility::audit_page;
use folio_e2e::browser::wait_until;
use folio_e2e::static_server::{get, get_response};
use folio_e2e::{Browser, StaticServer, flux_build};
use serde_json::Value;

/// Posts whose bodies hold what Hugo's and Docsy's shortcodes became, and the HTML it
/// is: a gallery and an alert (v2.7.0), YouTube link cards (April 2022), `imgproc`
/// figures (January 2022; the Flux blog has one post by that name every year, hence the
/// dates in their slugs).
const SHAPED_POSTS: &[(&str, &str)] = &[
    (
        "/blog/posts/announcing-flux-v2-7-0/",
        "<div class=\"gallery\">",
    ),
    (
        "/blog/posts/announcing-flux-v2-7-0/",
        "<div class=\"callout callout-info\" role=\"note\">",
    ),
    (
        "/blog/posts/2022-05-04-april-update/",
        "class=\"embed-link\"",
    ),
    ("/blog/posts/2022-01-31-january-update/", "<figure>"),
];

/// The one image the copy of the Flux site lacks: it is in the rest of fluxcd.io, whose
/// files are not in the corpus (the build reports it, and runs with `--warn-missing`).
const ABSENT_FROM_THE_COPY: &str = "/ecosystem/img/weave-gitops3.png";

/// The site's old URLs: `(from, to)`, from its root.
fn redirects(dist: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dist.join("data/redirects.json")).expect("redirects");
    let value: Value = serde_json::from_str(&text).expect("redirects.json parses");
    value["redirects"]
        .as_array()
        .expect("a list of redirects")
        .iter()
        .map(|r| {
            (
                format!("/blog/{}", r["from"].as_str().unwrap()),
                format!("/blog/{}", r["to"].as_str().unwrap()),
            )
        })
        .collect()
}

/// Every image file a page names, as written (from the host's root): each `src` but the
/// placeholders' `data:` URLs, and each candidate of every `srcset`.
fn image_sources(html: &str) -> Vec<String> {
    let attribute = |name: &str| -> Vec<String> {
        html.split(&format!(" {name}=\""))
            .skip(1)
            .filter_map(|rest| Some(rest[..rest.find('"')?].replace("&amp;", "&")))
            .collect()
    };
    let mut sources: Vec<String> = attribute("src")
        .into_iter()
        .filter(|src| !src.starts_with("data:") && !src.contains("://"))
        .collect();
    for srcset in attribute("srcset") {
        sources.extend(
            srcset
                .split(", ")
                .filter_map(|c| Some(c.split(' ').next()?.to_owned())),
        );
    }
    sources
}

#[tokio::test(flavor = "multi_thread")]
async fn hugo_urls_redirect_and_every_image_of_every_post_loads() {
    let dist = flux_build();
    let server = StaticServer::start_under(&dist, "blog", 0).await;
    let redirects = redirects(&dist);
    // The Flux site's permalinks are `/:section/:year/:month/:slug/`: each post has one.
    let dated = redirects
        .iter()
        .filter(|(from, _)| from.split('/').nth(2).is_some_and(|y| y.len() == 4))
        .count();
    assert!(dated >= 77, "{dated} dated Hugo URLs in {redirects:?}");
    let mut posts = Vec::new();
    for (from, to) in &redirects {
        let page = if from.ends_with('/') {
            from.clone()
        } else {
            format!("{from}/")
        };
        let response = get_response(&server.url(&page)).await;
        assert_eq!(response.status, 200, "{page}");
        // A page, not a download: `flux-v2.7.0` is a folder, whatever its dots say.
        assert!(
            response
                .header("content-type")
                .is_some_and(|t| t.starts_with("text/html")),
            "{page} is served as HTML: {:?}",
            response.headers
        );
        assert!(
            response
                .body
                .contains(&format!("http-equiv=\"refresh\" content=\"0; url={to}\"")),
            "{page} sends the reader to {to}: {}",
            response.body
        );
        if !posts.contains(to) {
            posts.push(to.clone());
        }
    }
    // Every image a post shows, from `/img/` of `static/` or its page bundle, is served.
    let mut images = 0;
    for post in &posts {
        let (status, html) = get(&server.url(post)).await;
        assert_eq!(status, 200, "{post}");
        for src in image_sources(&html) {
            if src.starts_with("http") || src == ABSENT_FROM_THE_COPY {
                continue;
            }
            let (status, _) = get(&server.url(&src)).await;
            assert_eq!(status, 200, "{post}: {src}");
            images += 1;
        }
    }
    assert!(images > 150, "{images} images in {} posts", posts.len());
    // In Chromium: an old URL leads to its post, and the post's images paint.
    let browser = Browser::start().await;
    let client = &browser.client;
    let (from, to) = redirects
        .iter()
        .find(|(_, to)| to == SHAPED_POSTS[0].0)
        .expect("v2.7.0 has an old URL");
    // As Hugo wrote it, with its trailing slash.
    client.goto(&server.url(&format!("{from}/"))).await.unwrap();
    wait_until(
        client,
        &format!("{from} leads to {to}"),
        &format!(
            "return location.pathname === {} && !!document.querySelector('main h1');",
            Value::from(to.as_str())
        ),
    )
    .await;
    wait_until(
        client,
        "every image of the post paints",
        "const images = [...document.querySelectorAll('.post-body img')];
         images.forEach(i => { i.loading = 'eager'; });
         return images.length > 2 && images.every(i => i.complete && i.naturalWidth > 0);",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let reports = server.csp_reports();
    assert_eq!(reports, Vec::<String>::new(), "the policy was violated");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_violations_on_the_flux_pages_in_either_theme() {
    let dist = flux_build();
    let server = StaticServer::start_under(&dist, "blog", 0).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    let mut pages = vec!["/blog/", "/blog/tag/announcement/", "/blog/page/2/"];
    for (path, _) in SHAPED_POSTS {
        if !pages.contains(path) {
            pages.push(path);
        }
    }
    let mut found = Vec::new();
    for path in &pages {
        found.extend(audit_page(client, &server.url(path), path).await);
    }
    // The shortcodes' HTML was there to be checked.
    for (path, html) in SHAPED_POSTS {
        let (_, page) = get(&server.url(path)).await;
        assert!(page.contains(html), "{path} has {html}");
    }
    assert!(
        found.is_empty(),
        "axe-core found violations on {} Flux pages:\n{}",
        pages.len(),
        found.join("\n")
    );
    browser.close().await;
}
