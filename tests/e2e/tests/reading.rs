//! A reader's first visit: the list of posts, a click, the article.

use std::time::Duration;

use fantoccini::Locator;
use folio_e2e::browser::body_text;
use folio_e2e::{Browser, StaticServer, dist_dir};

const TIMEOUT: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_opens_the_list_and_reads_a_post() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;

    client.goto(&server.url("/")).await.unwrap();
    let link = client
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::LinkText(
            "A practical WhatsApp cart recovery playbook for lean revenue teams",
        ))
        .await
        .expect("the home page lists the reference post");
    let titles = client
        .find_all(Locator::Css(".post-card h2"))
        .await
        .unwrap();
    assert!(
        titles.len() >= 3,
        "the home page lists every published post"
    );
    assert!(
        !body_text(client).await.contains("Drafting a pricing page"),
        "release builds leave drafts out"
    );

    link.click().await.unwrap();
    client
        .wait()
        .at_most(TIMEOUT)
        .for_element(Locator::Css("article.post .post-body"))
        .await
        .expect("the post page shows its article");
    let url = client.current_url().await.unwrap();
    assert_eq!(url.path(), "/posts/whatsapp-cart-recovery-playbook/");
    let text = body_text(client).await;
    assert!(text.contains("Back to blog"), "{text}");
    assert!(
        text.contains("Start from intent, not just abandonment"),
        "{text}"
    );
    assert!(
        text.contains("which product or support context should be included"),
        "{text}"
    );
    assert_eq!(
        client.title().await.unwrap(),
        "A practical WhatsApp cart recovery playbook for lean revenue teams"
    );

    let problems = browser.console_problems().await;
    assert!(
        problems.is_empty(),
        "the console has problems: {problems:#?}"
    );
    browser.close().await;
}
