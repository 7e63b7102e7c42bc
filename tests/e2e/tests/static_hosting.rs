//! The release bundle on a plain static server, as a CDN hosts it: every route is a
//! static page that crawlers and readers without JavaScript can read, unknown paths get
//! the 404 page, old URLs redirect, and the app takes each page over without moving it
//! or fetching what the page embeds. Feeds, the sitemap and `_headers` are served as
//! the hosts serve them, the site runs under its Content-Security-Policy, and a build
//! for a sub-path works there.

use std::path::Path;

use fantoccini::Client;
use folio_e2e::browser::{eval, navigate_in_app, open, wait_for, wait_until};
use folio_e2e::static_server::{get, get_response};
use folio_e2e::{Browser, StaticServer, dist_dir, sub_path_build};
use serde_json::Value;

/// Every JSON document of a route (posts and listing pages), with its path.
fn route_documents(dir: &Path, found: &mut Vec<(String, Value)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().unwrap() != "media" {
                route_documents(&path, found);
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            let value: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            if value.get("head").is_some() {
                found.push((path.display().to_string(), value));
            }
        }
    }
}

/// The canonical URL of a document's head: its elements are HTML (`head.html`).
fn canonical(head: &Value) -> String {
    let html = head["html"]
        .as_str()
        .expect("a document's head has its elements as HTML");
    let (_, after) = html
        .split_once("rel=\"canonical\" href=\"")
        .expect("a route's head has a canonical link");
    after[..after.find('"').unwrap()].replace("&amp;", "&")
}

/// The path part of a canonical URL.
fn url_path(canonical: &str) -> String {
    match url::Url::parse(canonical) {
        Ok(url) => url.path().to_owned(),
        Err(_) => canonical.to_owned(),
    }
}

/// Text as it appears in HTML, escaped the way the pages escape it.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The first words of an HTML fragment's text.
fn first_words(html: &str, words: usize) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace()
        .take(words)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A route of each kind, and an unknown path: the pages the app takes over in tests.
const APP_ROUTES: [&str; 6] = [
    "/",
    "/posts/whatsapp-cart-recovery-playbook/",
    "/es/posts/whatsapp-cart-recovery-playbook/",
    "/category/automation/",
    "/author/laura-gomez/",
    "/no/such/page/",
];

/// Follows the post's category link, and waits for the category page.
async fn open_the_posts_category(client: &Client) {
    client
        .find(fantoccini::Locator::Css(".post-header .eyebrow a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_until(
        client,
        "the category page shows",
        "return location.pathname === '/category/automation/' && !!document.querySelector('.post-card');",
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_is_a_static_page_with_its_head_and_its_text() {
    let server = StaticServer::start(&dist_dir()).await;
    let mut documents = Vec::new();
    route_documents(&dist_dir().join("data"), &mut documents);
    assert!(documents.len() > 20, "the sample has posts and listings");
    for (file, document) in &documents {
        let head = &document["head"];
        let canonical = &canonical(head);
        let (status, html) = get(&server.url(&url_path(canonical))).await;
        assert_eq!(status, 200, "{canonical} (from {file})");
        let title = head["title"].as_str().unwrap();
        assert!(
            html.contains(&format!("<title>{}</title>", escaped(title))),
            "{canonical}: the raw HTML has the title `{title}`"
        );
        // Canonical, hreflang alternates, feeds, Open Graph, JSON-LD: the page carries
        // the very elements the app writes on navigation.
        assert!(
            html.contains(head["html"].as_str().unwrap()),
            "{canonical}: the raw HTML has the head elements of its document"
        );
        let language = head["language"].as_str().unwrap();
        assert!(
            html.contains(&format!("<html lang=\"{language}\"")),
            "{canonical}"
        );
        if let Some(body) = document["body_html"].as_str() {
            // The article is in the page itself, for crawlers and readers without
            // JavaScript.
            let words = first_words(body, 8);
            assert!(
                first_words(&html, usize::MAX).contains(&words),
                "{canonical}: the raw HTML has the article's text `{words}`"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_paths_get_the_404_page_and_old_urls_redirect() {
    let server = StaticServer::start(&dist_dir()).await;
    for path in ["/no/such/page/", "/posts/no-such-post/", "/es/nada/"] {
        let (status, html) = get(&server.url(path)).await;
        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found"), "{path}: the 404 page");
        assert!(
            html.contains("name=\"robots\" content=\"noindex"),
            "{path}: not indexed"
        );
    }
    let redirects: Value = serde_json::from_str(
        &std::fs::read_to_string(dist_dir().join("data/redirects.json")).unwrap(),
    )
    .unwrap();
    let redirects = redirects["redirects"].as_array().unwrap();
    assert!(!redirects.is_empty(), "the sample has old URLs");
    let browser = Browser::start().await;
    for redirect in redirects {
        let from = format!("/{}", redirect["from"].as_str().unwrap());
        let to = format!("/{}", redirect["to"].as_str().unwrap());
        // An old URL without a trailing slash is a folder: static hosts add the slash.
        let page = if from.ends_with('/') || from.contains('.') {
            from.clone()
        } else {
            format!("{from}/")
        };
        let (status, html) = get(&server.url(&page)).await;
        assert_eq!(status, 200, "{page}");
        assert!(
            html.contains("http-equiv=\"refresh\""),
            "{page}: a redirect page"
        );
        browser.client.goto(&server.url(&from)).await.unwrap();
        wait_until(
            &browser.client,
            &format!("{from} leads to {to}"),
            &format!("return location.pathname === {};", Value::from(to.as_str())),
        )
        .await;
        wait_for(&browser.client, "main h1").await;
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_takes_each_page_over_without_moving_it_or_fetching_its_data() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    for path in APP_ROUTES {
        let (_, raw) = get(&server.url(path)).await;
        open(client, &server.url(path)).await;
        // Post pages come with their related posts, ranked at build time.
        if path.contains("/posts/") {
            assert!(
                raw.contains("class=\"related-card\""),
                "{path}: related posts"
            );
        }
        // The same visible text as the static page, related posts included.
        let script = format!(
            "const text = root => root.querySelector('main').textContent
                 .replace(/\\s+/g, ' ').trim();
             const page = new DOMParser().parseFromString({}, 'text/html');
             return [text(page), text(document)];",
            Value::from(raw.as_str())
        );
        let texts = eval(client, &script).await;
        assert_eq!(
            texts[0], texts[1],
            "{path}: the app shows what the page showed"
        );
        // Nothing moved, and nothing embedded was fetched again.
        let script = "return new Promise(done => {
            let shift = 0;
            const shifts = [];
            const rect = r => [r.x, r.y, r.width, r.height].map(Math.round).join(' ');
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) {
                    shift += e.value;
                    shifts.push({at: Math.round(e.startTime), value: e.value,
                        moved: e.sources.map(s => (s.node ? s.node.nodeName + '.'
                            + (s.node.className || '') : 'removed node')
                            + ': ' + rect(s.previousRect) + ' -> ' + rect(s.currentRect))});
                }
            }).observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done({
                shift,
                shifts,
                paints: performance.getEntriesByType('paint')
                    .map(e => e.name + ' ' + Math.round(e.startTime)),
                data: performance.getEntriesByType('resource')
                    .map(e => new URL(e.name).pathname)
                    .filter(p => p.startsWith('/data/') && !p.startsWith('/data/media/')
                        && !p.startsWith('/data/images/')),
            }), 300);
        });";
        let result = eval(client, script).await;
        assert_eq!(result["shift"].as_f64(), Some(0.0), "{path}: CLS {result}");
        // The largest contentful paint stays the static page's, which the app replaced
        // (so its element is gone): the takeover paints nothing new.
        let script = "return new Promise(done => {
            const paints = [];
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) paints.push(!!e.element && e.element.isConnected);
            }).observe({type: 'largest-contentful-paint', buffered: true});
            setTimeout(() => done(paints), 100);
        });";
        let paints = eval(client, script).await;
        let paints = paints.as_array().unwrap();
        assert!(!paints.is_empty(), "{path}: a largest contentful paint");
        assert!(
            paints.iter().all(|app| app == &Value::Bool(false)),
            "{path}: the largest contentful paint is the app's, not the static page's: {paints:?}"
        );
        assert_eq!(
            result["data"],
            Value::Array(vec![]),
            "{path}: the app fetched what the page embeds, or related-posts features"
        );
    }
    // Client-side navigation goes on after the takeover: no new page load.
    open(
        client,
        &server.url("/posts/whatsapp-cart-recovery-playbook/"),
    )
    .await;
    eval(client, "window.__sameDocument = true; return true;").await;
    open_the_posts_category(client).await;
    assert_eq!(
        eval(client, "return window.__sameDocument === true;").await,
        Value::Bool(true),
        "the category page came from the app, not a new page load"
    );
    // The related posts the build ranked are the ones the app ranks in the browser.
    let post = "/posts/whatsapp-cart-recovery-playbook/";
    let (_, raw) = get(&server.url(post)).await;
    navigate_in_app(client, post).await;
    wait_for(client, ".related-posts .related-card").await;
    let script = format!(
        "const cards = root => [...root.querySelectorAll('.related-card')]
             .map(c => c.querySelector('a').getAttribute('href') + ' ' + c.textContent);
         const page = new DOMParser().parseFromString({}, 'text/html');
         return [cards(page), cards(document)];",
        Value::from(raw.as_str())
    );
    let cards = eval(client, &script).await;
    assert_eq!(cards[0], cards[1], "the build and the browser rank alike");
    assert_eq!(cards[0].as_array().map(Vec::len), Some(3));
    browser.close().await;
}

/// Every published post's canonical URL, by language, from the bundle's documents.
fn published_posts(dist: &Path) -> Vec<(String, String)> {
    let mut documents = Vec::new();
    route_documents(&dist.join("data"), &mut documents);
    documents
        .iter()
        .filter_map(|(_, doc)| {
            let summary = doc.get("summary")?;
            Some((
                summary["language"].as_str()?.to_owned(),
                canonical(&doc["head"]),
            ))
        })
        .collect()
}

/// Every URL in `text`'s `href`, `src` and `url` attributes and JSON fields, and in its
/// `<loc>`, `<id>`, `<link>` and `<guid>` elements, unescaped.
fn urls_in(text: &str) -> Vec<String> {
    let text = text
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("\\\"", "\"");
    let mut urls = Vec::new();
    for opener in [
        "href=\"",
        "src=\"",
        "\"url\":\"",
        "\"url\": \"",
        "<loc>",
        "<id>",
        "<link>",
        "<guid>",
    ] {
        for piece in text.split(opener).skip(1) {
            let end = piece.find(['"', '<']).unwrap_or(piece.len());
            urls.push(piece[..end].replace("&amp;", "&"));
        }
    }
    urls
}

#[tokio::test(flavor = "multi_thread")]
async fn feeds_and_the_sitemap_parse_and_list_every_published_post_with_absolute_urls() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist).await;
    let site: Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("data/site.json")).unwrap())
            .unwrap();
    let base_url = site["base_url"].as_str().unwrap();
    assert!(
        base_url.starts_with("https://"),
        "the sample has an absolute base URL"
    );
    let posts = published_posts(&dist);
    assert!(posts.len() >= 12);
    let languages: Vec<&str> = site["languages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["code"].as_str().unwrap())
        .collect();
    for language in languages {
        let prefix = if language == site["default_language"] {
            String::new()
        } else {
            format!("{language}/")
        };
        let expected: Vec<&str> = posts
            .iter()
            .filter(|(l, _)| l == language)
            .map(|(_, url)| url.as_str())
            .collect();
        for feed in ["atom.xml", "rss.xml", "feed.json"] {
            let path = format!("/{prefix}{feed}");
            let (status, text) = get(&server.url(&path)).await;
            assert_eq!(status, 200, "{path}");
            let listed: Vec<String> = if feed.ends_with(".json") {
                let json: Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{path} is not JSON: {e}"));
                assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
                json["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|item| {
                        assert!(!item["content_html"].as_str().unwrap().is_empty());
                        item["url"].as_str().unwrap().to_owned()
                    })
                    .collect()
            } else {
                let xml = roxmltree::Document::parse(&text)
                    .unwrap_or_else(|e| panic!("{path} is not XML: {e}"));
                let entry = if feed == "atom.xml" { "entry" } else { "item" };
                let entries: Vec<_> = xml
                    .descendants()
                    .filter(|n| n.tag_name().name() == entry)
                    .collect();
                entries
                    .iter()
                    .map(|e| {
                        let content = e
                            .children()
                            .find(|c| matches!(c.tag_name().name(), "content" | "encoded"))
                            .and_then(|c| c.text())
                            .unwrap_or_else(|| panic!("{path}: an entry without content"));
                        assert!(content.contains("<p>"), "{path}: full content");
                        let link = e
                            .children()
                            .find(|c| c.tag_name().name() == "link")
                            .unwrap();
                        link.attribute("href").or(link.text()).unwrap().to_owned()
                    })
                    .collect()
            };
            let mut sorted_listed: Vec<&str> = listed.iter().map(String::as_str).collect();
            sorted_listed.sort();
            let mut sorted_expected = expected.clone();
            sorted_expected.sort();
            assert_eq!(sorted_listed, sorted_expected, "{path} lists every post");
            for url in urls_in(&text) {
                assert!(
                    url.starts_with("https://")
                        || url.starts_with("http://")
                        || url.starts_with("mailto:"),
                    "{path}: `{url}` is not absolute"
                );
            }
        }
    }
    let (status, sitemap) = get(&server.url("/sitemap.xml")).await;
    assert_eq!(status, 200);
    let xml = roxmltree::Document::parse(&sitemap).expect("the sitemap is XML");
    let locations: Vec<&str> = xml
        .descendants()
        .filter(|n| n.tag_name().name() == "loc")
        .filter_map(|n| n.text())
        .collect();
    for (_, url) in &posts {
        assert!(locations.contains(&url.as_str()), "the sitemap lists {url}");
    }
    // Pages that are not posts too, in no feed.
    let about = format!("{base_url}about/");
    assert!(
        locations.contains(&about.as_str()),
        "the sitemap lists {about}"
    );
    assert!(
        xml.descendants()
            .any(|n| n.tag_name().name() == "link" && n.attribute("hreflang") == Some("es")),
        "the sitemap has hreflang alternates"
    );
    for url in urls_in(&sitemap) {
        assert!(url.starts_with(base_url), "sitemap: `{url}` is absolute");
    }
    let (status, robots) = get(&server.url("/robots.txt")).await;
    assert_eq!(status, 200);
    assert!(
        robots.contains(&format!("Sitemap: {base_url}sitemap.xml")),
        "{robots}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hashed_assets_are_cached_for_a_year_and_everything_else_revalidates() {
    let dist = dist_dir();
    let server = StaticServer::start(&dist).await;
    let home = std::fs::read_to_string(dist.join("index.html")).unwrap();
    let assets: Vec<String> = urls_in(&home)
        .into_iter()
        .chain(home.split('\'').map(str::to_owned))
        .filter(|url| {
            url.starts_with('/') && [".js", ".wasm", ".css"].iter().any(|e| url.ends_with(e))
        })
        .collect();
    assert!(assets.iter().any(|a| a.ends_with("_bg.wasm")), "{assets:?}");
    assert!(assets.iter().any(|a| a.ends_with(".js")), "{assets:?}");
    for asset in &assets {
        let response = get_response(&server.url(asset)).await;
        assert_eq!(response.status, 200, "{asset}");
        assert_eq!(
            response.header("cache-control"),
            Some("public, max-age=31536000, immutable"),
            "{asset}"
        );
    }
    for path in [
        "/",
        "/posts/whatsapp-cart-recovery-playbook/",
        "/es/category/automation/",
        "/data/site.json",
        "/data/posts/whatsapp-cart-recovery-playbook.json",
        "/atom.xml",
        "/sitemap.xml",
    ] {
        let response = get_response(&server.url(path)).await;
        assert_eq!(
            response.header("cache-control"),
            Some("public, max-age=0, must-revalidate"),
            "{path}"
        );
        let policy = response
            .header("content-security-policy")
            .unwrap_or_default();
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"),
            "{path}: {policy}"
        );
        assert!(!policy.contains("'unsafe-eval'") && !policy.contains("'unsafe-inline'"));
    }
}

/// The violation reports the server has received so far, once the browser has had time
/// to send them.
async fn reports_after_a_while(server: &StaticServer) -> Vec<String> {
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    server.csp_reports()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_site_runs_under_its_content_security_policy_without_a_violation() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    for path in APP_ROUTES {
        open(client, &server.url(path)).await;
    }
    // The theme toggle, related posts and in-app navigation all run under the policy.
    open(
        client,
        &server.url("/posts/whatsapp-cart-recovery-playbook/"),
    )
    .await;
    wait_for(client, ".related-posts .related-card").await;
    eval(
        client,
        "document.querySelector('.theme-toggle')?.click(); return true;",
    )
    .await;
    open_the_posts_category(client).await;
    let reports = reports_after_a_while(&server).await;
    assert_eq!(reports, Vec::<String>::new(), "the policy was violated");
    // The policy is enforced, and its reports reach the server: an injected inline
    // script is refused.
    eval(
        client,
        "const s = document.createElement('script'); s.textContent = 'window.__injected = 1';
         document.head.append(s); return true;",
    )
    .await;
    assert_eq!(
        eval(client, "return window.__injected === undefined;").await,
        Value::Bool(true)
    );
    let mut reports = Vec::new();
    for _ in 0..20 {
        reports = reports_after_a_while(&server).await;
        if !reports.is_empty() {
            break;
        }
    }
    assert_eq!(reports.len(), 1, "{reports:#?}");
    assert!(reports[0].contains("script-src"), "{}", reports[0]);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_build_for_a_sub_path_works_end_to_end() {
    let (dist, base_url) = sub_path_build();
    let sub_path = base_url.path().trim_matches('/').to_owned();
    let server = StaticServer::start_under(&dist, &sub_path, base_url.port().unwrap()).await;
    let base = base_url.as_str().trim_end_matches('/').to_owned();
    let post = format!("{base}/posts/whatsapp-cart-recovery-playbook/");
    // Crawlers: the deep link, its canonical URL and its assets, all under the sub-path.
    let (status, html) = get(&post).await;
    assert_eq!(status, 200);
    assert!(
        html.contains(&format!("rel=\"canonical\" href=\"{post}\"")),
        "canonical"
    );
    // No `<base>`: every URL of the page is a path from the host's root, and the app
    // reads the base path from `<html>`.
    assert!(!html.contains("<base"), "a static page has no <base>");
    assert!(html.contains(&format!(
        "<html lang=\"en\" data-folio-base=\"/{sub_path}/\">"
    )));
    assert!(html.contains(&format!(
        "href=\"{base}/es/posts/whatsapp-cart-recovery-playbook/\""
    )));
    assert!(html.contains(&format!("href=\"{base}/atom.xml\"")));
    for url in urls_in(&html).iter().filter(|u| u.starts_with('/')) {
        assert!(
            url.starts_with(&format!("/{sub_path}/")),
            "`{url}` is under the sub-path"
        );
    }
    let (status, page) = get(&format!("{base}/no/such/page/")).await;
    assert_eq!(status, 404);
    assert!(page.contains("noindex"));
    let (status, feed) = get(&format!("{base}/atom.xml")).await;
    assert_eq!(status, 200);
    for url in urls_in(&feed) {
        assert!(
            url.starts_with(&base) || !url.contains("127.0.0.1"),
            "atom.xml: `{url}` is under the base URL"
        );
    }
    assert!(feed.contains(&post));
    // Readers: the app starts, navigates, and loads images, all under the sub-path.
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &format!("{base}/")).await;
    wait_for(client, ".post-card").await;
    client
        .find(fantoccini::Locator::Css(&format!(
            "a[href='/{sub_path}/posts/whatsapp-cart-recovery-playbook/']"
        )))
        .await
        .expect("a card links the reference post under the sub-path")
        .click()
        .await
        .unwrap();
    wait_until(
        client,
        "the post shows",
        &format!("return location.pathname === '/{sub_path}/posts/whatsapp-cart-recovery-playbook/' && !!document.querySelector('.post-body');"),
    )
    .await;
    wait_until(
        client,
        "the hero image loads",
        "const i = document.querySelector('.hero img'); return !!i && i.complete && i.naturalWidth > 0",
    )
    .await;
    assert_eq!(
        eval(
            client,
            "return document.querySelector('.post-header .eyebrow a').getAttribute('href')"
        )
        .await,
        format!("/{sub_path}/category/automation/")
    );
    let reports = reports_after_a_while(&server).await;
    assert_eq!(reports, Vec::<String>::new(), "the policy was violated");
    let problems = browser.console_problems().await;
    assert!(
        problems.is_empty(),
        "the console has problems: {problems:#?}"
    );
    browser.close().await;
}
