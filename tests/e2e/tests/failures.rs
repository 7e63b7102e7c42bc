//! When data cannot be had: a damaged or missing document shows the error state with
//! Retry, and Retry works once the file is back; an unknown address shows the 404 page.

use folio_e2e::browser::{body_text, eval, navigate_in_app, open, wait_for, wait_until};
use folio_e2e::{Browser, SiteCopy, StaticServer, dist_dir};

const REFERENCE_TITLE: &str = "A practical WhatsApp cart recovery playbook for lean revenue teams";

/// The console's problems, less the browser's own line for a request answered 404 on
/// purpose by the test (the app itself must log nothing).
async fn console_problems_except_404(browser: &Browser) -> Vec<String> {
    browser
        .console_problems()
        .await
        .into_iter()
        .filter(|line| !line.contains("status of 404"))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn damaged_and_missing_post_data_show_an_error_with_retry_that_recovers() {
    let site = SiteCopy::new(&dist_dir());
    let reference = site.file("data/posts/whatsapp-cart-recovery-playbook.json");
    let welcome = site.file("data/posts/welcome-to-the-blog.json");
    let (reference_json, welcome_json) = (
        std::fs::read(&reference).unwrap(),
        std::fs::read(&welcome).unwrap(),
    );
    std::fs::write(&reference, b"{\"schema_version\": 2, \"summ").unwrap();
    std::fs::remove_file(&welcome).unwrap();
    let server = StaticServer::start(site.root()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;

    // Damaged JSON.
    navigate_in_app(&browser.client, "/posts/whatsapp-cart-recovery-playbook/").await;
    let retry = wait_for(client, ".error-state button").await;
    let text = body_text(client).await;
    assert!(text.contains("This page could not be loaded"), "{text}");
    assert!(text.contains("damaged"), "{text}");
    assert_eq!(retry.text().await.unwrap(), "Retry");
    std::fs::write(&reference, &reference_json).unwrap();
    retry.click().await.unwrap();
    wait_until(
        client,
        "Retry shows the post",
        &format!("return document.querySelector('main h1')?.textContent === {REFERENCE_TITLE:?}"),
    )
    .await;

    // A post the site lists, whose document is missing from the server.
    navigate_in_app(&browser.client, "/posts/welcome-to-the-blog/").await;
    let retry = wait_for(client, ".error-state button").await;
    assert!(body_text(client).await.contains("missing"));
    std::fs::write(&welcome, &welcome_json).unwrap();
    retry.click().await.unwrap();
    wait_until(
        client,
        "Retry shows the post",
        "return !!document.querySelector('article.post h1')",
    )
    .await;

    let problems = console_problems_except_404(&browser).await;
    assert!(
        problems.is_empty(),
        "the console has problems: {problems:#?}"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_site_document_failing_shows_the_error_state_too() {
    let site = SiteCopy::new(&dist_dir());
    // Static pages embed the site document; a page without it (one cached from an older
    // deployment, say) makes the app fetch it, and here the fetch finds it damaged.
    let page = std::fs::read_to_string(site.file("index.html")).unwrap();
    let embedded = page
        .find("<script type=\"application/json\" data-folio-document=\"data/site.json\">")
        .expect("the home page embeds the site document");
    let end = embedded + page[embedded..].find("</script>").unwrap() + "</script>".len();
    std::fs::write(
        site.file("index.html"),
        format!("{}{}", &page[..embedded], &page[end..]),
    )
    .unwrap();
    std::fs::write(site.file("data/site.json"), b"not json").unwrap();
    let server = StaticServer::start(site.root()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    let retry = wait_for(client, ".error-state button").await;
    std::fs::copy(
        dist_dir().join("data/site.json"),
        site.file("data/site.json"),
    )
    .unwrap();
    retry.click().await.unwrap();
    wait_for(client, ".post-card").await;
    wait_for(client, ".site-name").await;
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_addresses_show_the_404_page_in_their_language() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;
    for (path, heading) in [
        ("/posts/no-such-post/", "Page not found"),
        ("/category/no-such-category/", "Page not found"),
        ("/page/99/", "Page not found"),
        ("/xx/", "Page not found"),
        ("/nothing/here/at/all/", "Page not found"),
        ("/es/posts/no-existe/", "Página no encontrada"),
    ] {
        navigate_in_app(&browser.client, path).await;
        let script =
            format!("return document.querySelector('main h1')?.textContent === {heading:?}");
        wait_until(client, &format!("{path} shows the 404 page"), &script).await;
        assert_eq!(
            eval(
                client,
                "return document.querySelector('meta[name=\"robots\"]')?.getAttribute('content')"
            )
            .await,
            "noindex",
            "{path}"
        );
    }
    let problems = console_problems_except_404(&browser).await;
    assert!(
        problems.is_empty(),
        "the console has problems: {problems:#?}"
    );
    browser.close().await;
}
