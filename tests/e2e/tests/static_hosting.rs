//! The release bundle on a plain static server, as a CDN hosts it: every route is a
//! static page that crawlers and readers without JavaScript can read, unknown paths get
//! the 404 page, old URLs redirect, and the app takes each page over without moving it
//! or fetching what the page embeds.

use std::path::Path;

use folio_e2e::browser::{eval, wait_for, wait_until};
use folio_e2e::static_server::get;
use folio_e2e::{Browser, StaticServer, dist_dir};
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

#[tokio::test(flavor = "multi_thread")]
async fn every_route_is_a_static_page_with_its_head_and_its_text() {
    let server = StaticServer::start(&dist_dir()).await;
    let mut documents = Vec::new();
    route_documents(&dist_dir().join("data"), &mut documents);
    assert!(documents.len() > 20, "the sample has posts and listings");
    for (file, document) in &documents {
        let head = &document["head"];
        let canonical = head["canonical"].as_str().unwrap();
        let (status, html) = get(&server.url(&url_path(canonical))).await;
        assert_eq!(status, 200, "{canonical} (from {file})");
        let title = head["title"].as_str().unwrap();
        assert!(
            html.contains(&format!("<title>{}</title>", escaped(title))),
            "{canonical}: the raw HTML has the title `{title}`"
        );
        assert!(
            html.contains(&format!(
                "rel=\"canonical\" href=\"{}\"",
                escaped(canonical)
            )),
            "{canonical}: the raw HTML has its canonical link"
        );
        for alternate in head["alternates"].as_array().unwrap() {
            let link = format!(
                "rel=\"alternate\" hreflang=\"{}\" href=\"{}\"",
                alternate["hreflang"].as_str().unwrap(),
                escaped(alternate["href"].as_str().unwrap())
            );
            assert!(html.contains(&link), "{canonical}: the raw HTML has {link}");
        }
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
    for path in [
        "/",
        "/posts/whatsapp-cart-recovery-playbook/",
        "/es/posts/whatsapp-cart-recovery-playbook/",
        "/category/automation/",
        "/author/laura-gomez/",
        "/no/such/page/",
    ] {
        let (_, raw) = get(&server.url(path)).await;
        client.goto(&server.url(path)).await.unwrap();
        wait_until(
            client,
            &format!("the app takes {path} over"),
            "return document.querySelector('#folio') && !document.querySelector('[data-folio-static]');",
        )
        .await;
        // The same visible text as the static page (related posts aside: they are
        // ranked in the browser, after the article).
        let script = format!(
            "const text = root => {{
                 const main = root.querySelector('main').cloneNode(true);
                 main.querySelectorAll('.related-posts').forEach(e => e.remove());
                 return main.textContent.replace(/\\s+/g, ' ').trim();
             }};
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
            new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value;
            }).observe({type: 'layout-shift', buffered: true});
            setTimeout(() => done({
                shift,
                data: performance.getEntriesByType('resource')
                    .map(e => new URL(e.name).pathname)
                    .filter(p => p.startsWith('/data/') && p.endsWith('.json')),
            }), 300);
        });";
        let result = eval(client, script).await;
        assert_eq!(result["shift"].as_f64(), Some(0.0), "{path}: CLS {result}");
        assert_eq!(
            result["data"],
            Value::Array(vec![]),
            "{path}: the app fetched what the page embeds"
        );
    }
    // Client-side navigation goes on after the takeover: no new page load.
    client
        .goto(&server.url("/posts/whatsapp-cart-recovery-playbook/"))
        .await
        .unwrap();
    wait_until(
        client,
        "the app takes the post over",
        "return !document.querySelector('[data-folio-static]');",
    )
    .await;
    eval(client, "window.__sameDocument = true; return true;").await;
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
    assert_eq!(
        eval(client, "return window.__sameDocument === true;").await,
        Value::Bool(true),
        "the category page came from the app, not a new page load"
    );
    browser.close().await;
}
