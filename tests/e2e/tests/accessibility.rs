//! axe-core on every page of the site in both themes, and the screenshots of the README.

use std::path::Path;

use folio_e2e::accessibility::audit_page;
use folio_e2e::browser::{self, eval, navigate_in_app, set_viewport, wait_for, wait_until};
use folio_e2e::{Browser, StaticServer, dist_dir, screenshot_dir};

const REFERENCE: &str = "/posts/whatsapp-cart-recovery-playbook/";

/// Opens `path` by navigating inside the app from the home page (deep links need the
/// static pages of the hosting step) and waits for its main heading.
async fn open(browser: &Browser, server: &StaticServer, path: &str) {
    let client = &browser.client;
    browser::open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;
    if path != "/" {
        navigate_in_app(client, path).await;
    }
    let script = format!(
        "return location.pathname === {path:?} && !!document.querySelector('main h1') && !document.querySelector('.loading')"
    );
    wait_until(client, &format!("{path} shows"), &script).await;
    if path == REFERENCE {
        wait_for(client, ".related-posts").await;
    }
}

async fn set_theme(browser: &Browser, theme: &str) {
    let script =
        format!("document.documentElement.setAttribute('data-theme', {theme:?}); return true");
    eval(&browser.client, &script).await;
}

/// The path of every page of the site in `dist`: each route's static page (redirect
/// pages at old URLs left out: they send the reader on at once), and the 404 page.
fn every_page(dist: &Path) -> Vec<String> {
    let mut pages = vec!["/no-such-page/".to_owned()];
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("read dist/") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.file_name().is_some_and(|n| n == "index.html") {
                let html = std::fs::read_to_string(&path).expect("read a page");
                if html.contains("data-folio-static") {
                    let folder = path.parent().unwrap().strip_prefix(dist).unwrap();
                    let route = folder.to_string_lossy();
                    pages.push(if route.is_empty() {
                        "/".into()
                    } else {
                        format!("/{route}/")
                    });
                }
            }
        }
    }
    pages.sort();
    pages
}

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_violations_on_any_page_in_either_theme() {
    let dist = dist_dir();
    let pages = every_page(&dist);
    assert!(pages.len() > 40, "every page of the sample: {pages:?}");
    let server = StaticServer::start(&dist).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    let mut found = Vec::new();
    for path in &pages {
        found.extend(audit_page(client, &server.url(path), path).await);
    }
    assert!(
        found.is_empty(),
        "axe-core found violations on {} pages:\n{}",
        pages.len(),
        found.join("\n")
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn screenshots_of_home_and_the_reference_post() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let dir = screenshot_dir();
    for (name, path) in [("home", "/"), ("post", REFERENCE)] {
        for width in [375, 1280] {
            set_viewport(&browser.client, width, 900).await;
            open(&browser, &server, path).await;
            for theme in ["light", "dark"] {
                set_theme(&browser, theme).await;
                let png = browser.client.screenshot().await.expect("a screenshot");
                let file = dir.join(format!("{name}-{width}-{theme}.png"));
                std::fs::write(&file, png).expect("write the screenshot");
            }
        }
    }
    browser.close().await;
}
