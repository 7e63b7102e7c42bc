//! axe-core on every kind of page in both themes, and the screenshots of the README.

use folio_e2e::accessibility::violations;
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

#[tokio::test(flavor = "multi_thread")]
async fn axe_finds_no_violations_on_home_post_category_and_404_in_both_themes() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let mut found = Vec::new();
    for path in [
        "/",
        REFERENCE,
        "/category/automation/",
        "/posts/no-such-post/",
    ] {
        open(&browser, &server, path).await;
        for theme in ["light", "dark"] {
            set_theme(&browser, theme).await;
            for violation in violations(&browser.client).await {
                found.push(format!("{path} ({theme}): {violation}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "axe-core found violations:\n{}",
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
