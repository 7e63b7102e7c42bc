//! A reader on the release bundle: the reference post element by element, every route
//! type in both languages, navigation with Back, the language switcher, a sub-path.

use fantoccini::actions::InputSource;
use folio_e2e::browser::{body_text, eval, navigate_in_app, open, wait_for, wait_until};
use folio_e2e::{Browser, StaticServer, dist_dir};
use serde_json::Value;

const REFERENCE_TITLE: &str = "A practical WhatsApp cart recovery playbook for lean revenue teams";
const REFERENCE_DEK: &str = "Cart recovery succeeds when timing, message quality, and operational ownership work together. This playbook focuses on the workflow decisions that make the channel perform.";

/// Clicks the link whose text is exactly `text`.
async fn click_link(browser: &Browser, text: &str) {
    browser
        .client
        .find(fantoccini::Locator::LinkText(text))
        .await
        .unwrap_or_else(|e| panic!("no link `{text}`: {e}"))
        .click()
        .await
        .expect("click the link");
}

/// Waits until the main heading reads `title`.
async fn wait_for_heading(browser: &Browser, title: &str) {
    let script = format!(
        "const h = document.querySelector('main h1'); return !!h && h.textContent === {};",
        Value::from(title)
    );
    wait_until(
        &browser.client,
        &format!("the page heading is `{title}`"),
        &script,
    )
    .await;
}

fn assert_clean_console(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "the console has problems: {problems:#?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_reference_post_shows_every_element_of_the_reference_page_in_order() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;
    assert!(
        !body_text(client).await.contains("Drafting a pricing page"),
        "release builds leave drafts out"
    );
    click_link(&browser, REFERENCE_TITLE).await;
    wait_for_heading(&browser, REFERENCE_TITLE).await;
    wait_for(client, ".related-posts .related-card").await;

    // Each element of the reference page, by its place in the article, with its text.
    let elements = eval(
        client,
        r#"
        const a = document.querySelector('article.post');
        const parts = [
          ['back link', '.back-link a'], ['category', '.post-header .eyebrow a'],
          ['title', 'h1'], ['dek', '.post-header .dek'], ['byline', '.post-header .byline'],
          ['hero', '.hero img'], ['body', '.post-body'], ['author card', '.author-card'],
          ['next paths', '.next-paths'], ['related posts', '.related-posts'],
          ['language switcher', '.language-switcher'],
        ];
        return parts.map(([name, css]) => {
          const e = a.querySelector(css);
          return e && { name, text: e.innerText, href: e.getAttribute('href'),
                        alt: e.getAttribute('alt'), width: e.getAttribute('width'),
                        height: e.getAttribute('height') };
        });
        "#,
    )
    .await;
    let order = eval(
        client,
        r#"
        const a = document.querySelector('article.post');
        const css = ['.back-link a', '.post-header .eyebrow a', 'h1', '.post-header .dek',
          '.post-header .byline', '.hero img', '.post-body', '.author-card', '.next-paths',
          '.related-posts', '.language-switcher'];
        const nodes = css.map(c => a.querySelector(c));
        return nodes.every((n, i) => i === 0 ||
          (n && nodes[i - 1] && (nodes[i - 1].compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING)));
        "#,
    )
    .await;
    let elements = elements.as_array().expect("a list of elements");
    for element in elements {
        assert!(!element.is_null(), "an element is missing: {elements:#?}");
    }
    assert_eq!(order, Value::Bool(true), "the elements are out of order");
    let text = |i: usize| elements[i]["text"].as_str().unwrap_or_default().to_owned();
    assert_eq!(text(0), "Back to blog", "back link");
    assert_eq!(elements[0]["href"], "/");
    assert_eq!(text(1).to_lowercase(), "automation");
    assert_eq!(elements[1]["href"], "/category/automation/");
    assert_eq!(text(2), REFERENCE_TITLE);
    assert_eq!(text(3), REFERENCE_DEK);
    let byline = text(4);
    for part in [
        "Laura Gomez",
        "Mar 14, 2026",
        "Updated Mar 20, 2026",
        "2 min read",
    ] {
        assert!(byline.contains(part), "the byline lacks `{part}`: {byline}");
    }
    assert_eq!(
        elements[5]["alt"],
        "Revenue operations illustration for a WhatsApp cart recovery playbook."
    );
    assert!(
        elements[5]["width"].is_string() && elements[5]["height"].is_string(),
        "the hero reserves its space: {:?}",
        elements[5]
    );
    let body = text(6);
    for part in [
        "Start from intent, not just abandonment",
        "which product or support context should be included",
        "Use messaging to reduce friction",
    ] {
        assert!(body.contains(part), "the body lacks `{part}`");
    }
    let card = text(7);
    for part in [
        "Laura Gomez",
        "Automation Lead",
        "Laura focuses on revenue workflows",
    ] {
        assert!(
            card.contains(part),
            "the author card lacks `{part}`: {card}"
        );
    }
    let next = text(8);
    for part in [
        "Go deeper from this topic",
        "Move from educational content into the product, solution, and implementation pages that matter next.",
    ] {
        assert!(next.contains(part), "next paths lack `{part}`: {next}");
    }
    assert!(next.to_lowercase().contains("next paths"));
    assert_eq!(
        eval(
            client,
            "return document.querySelectorAll('.next-paths li a').length"
        )
        .await,
        3
    );
    assert!(text(10).contains("Read in Español"), "{}", text(10));
    // Three related posts, each with its reason, none the post itself or its alternate.
    let related = eval(
        client,
        "return [...document.querySelectorAll('.related-card')].map(c => [c.querySelector('a').getAttribute('href'), c.querySelector('.related-reason').textContent])",
    )
    .await;
    let related = related.as_array().unwrap();
    assert_eq!(related.len(), 3, "{related:?}");
    for card in related {
        let (href, reason) = (card[0].as_str().unwrap(), card[1].as_str().unwrap());
        assert!(href.starts_with("/posts/"), "{href}");
        assert_ne!(href, "/posts/whatsapp-cart-recovery-playbook/");
        assert!(!href.starts_with("/es/"), "{href}");
        assert!(
            [
                "Shares tags: ",
                "Also in ",
                "Also by ",
                "Similar topic",
                "Picked by the author",
                "Recently published"
            ]
            .iter()
            .any(|r| reason.starts_with(r)),
            "{reason}"
        );
    }
    assert_eq!(
        eval(client, "return !!document.querySelector('article .toc')").await,
        false,
        "a short post has no table of contents"
    );
    // The dates carry machine-readable values.
    assert_eq!(
        eval(
            client,
            "return [...document.querySelectorAll('.post-header time')].map(t => t.getAttribute('datetime'))"
        )
        .await,
        serde_json::json!(["2026-03-14", "2026-03-20"])
    );

    // The head of the page, set by the app from the post's document.
    let head = eval(
        client,
        r#"
        const attr = (css, a) => document.querySelector(css)?.getAttribute(a);
        return {
          title: document.title,
          lang: document.documentElement.lang,
          description: attr('meta[name="description"]', 'content'),
          canonical: attr('link[rel="canonical"]', 'href'),
          hreflang: [...document.querySelectorAll('link[rel="alternate"][hreflang]')]
            .map(l => l.getAttribute('hreflang')),
          og_title: attr('meta[property="og:title"]', 'content'),
          og_type: attr('meta[property="og:type"]', 'content'),
          twitter: attr('meta[name="twitter:card"]', 'content'),
          json_ld: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent),
        };
        "#,
    )
    .await;
    assert_eq!(head["title"], format!("{REFERENCE_TITLE} · Folio Journal"));
    assert_eq!(head["lang"], "en");
    assert_eq!(head["description"], REFERENCE_DEK);
    assert_eq!(
        head["canonical"],
        "https://journal.example.com/posts/whatsapp-cart-recovery-playbook/"
    );
    assert_eq!(
        head["hreflang"],
        serde_json::json!(["en", "es", "x-default"])
    );
    assert_eq!(head["og_title"], REFERENCE_TITLE);
    assert_eq!(head["og_type"], "article");
    assert_eq!(head["twitter"], "summary_large_image");
    assert_eq!(head["json_ld"]["@type"], "BlogPosting");
    assert_eq!(head["json_ld"]["headline"], REFERENCE_TITLE);

    // A long post has a table of contents, after its body, whose links stay on the page.
    navigate_in_app(client, "/posts/support-automation-field-guide/").await;
    let toc_link = wait_for(client, "article .toc a").await;
    assert_eq!(
        eval(client, "const a = document.querySelector('article'); return !!(a.querySelector('.post-body').compareDocumentPosition(a.querySelector('.toc')) & Node.DOCUMENT_POSITION_FOLLOWING) && !!(a.querySelector('.toc').compareDocumentPosition(a.querySelector('.author-card')) & Node.DOCUMENT_POSITION_FOLLOWING)").await,
        true,
        "the table of contents comes after the body and before the author card"
    );
    toc_link.click().await.unwrap();
    wait_until(client, "the table of contents link leads to its heading", "return location.hash === '#read-the-inbox-you-actually-have' && location.pathname === '/posts/support-automation-field-guide/'").await;
    assert_clean_console(browser.console_problems().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_moves_between_routes_and_back_returns_to_their_place() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    folio_e2e::browser::set_viewport(client, 375, 700).await;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;

    // Down the list, into a post: the post starts at the top, with focus on its title.
    eval(client, "window.scrollTo(0, 900); return true").await;
    wait_until(
        client,
        "the list is scrolled",
        "return window.scrollY > 800",
    )
    .await;
    let list_position = eval(client, "return window.scrollY")
        .await
        .as_f64()
        .unwrap();
    // Clicked from script: WebDriver's own click would first scroll the link into view.
    let script = format!(
        "[...document.querySelectorAll('.post-card-title a')].find(a => a.textContent === {REFERENCE_TITLE:?}).click(); return true"
    );
    eval(client, &script).await;
    wait_for_heading(&browser, REFERENCE_TITLE).await;
    wait_until(
        client,
        "the post starts at the top",
        "return window.scrollY === 0",
    )
    .await;
    wait_until(
        client,
        "focus is on the title",
        "return document.activeElement === document.querySelector('main h1')",
    )
    .await;
    assert_eq!(
        eval(
            client,
            "return document.getElementById('route-announcer').textContent"
        )
        .await,
        format!("{REFERENCE_TITLE} · Folio Journal")
    );

    // Post -> category -> author, each a page of its own kind.
    eval(
        client,
        "document.querySelector('.post-header .eyebrow a').click(); return true",
    )
    .await;
    wait_for_heading(&browser, "Automation").await;
    assert!(
        body_text(client).await.contains("CATEGORY")
            || body_text(client).await.contains("Category")
    );
    let author = eval(
        client,
        "const a = document.querySelector('.post-card .authors a'); a.click(); return a.textContent",
    )
    .await;
    wait_for_heading(&browser, author.as_str().unwrap()).await;
    let author_page = body_text(client).await;
    assert!(
        author_page.contains("AUTHOR") || author_page.contains("Author"),
        "{author_page}"
    );

    // Back, three times: to the list, where the reader left it.
    for _ in 0..3 {
        client.back().await.unwrap();
    }
    wait_for_heading(&browser, "Folio Journal").await;
    let script = format!("return Math.abs(window.scrollY - {list_position}) < 2");
    wait_until(client, "Back restores the list's scroll position", &script).await;

    // The list's other pages.
    click_link(&browser, "Older posts").await;
    wait_until(client, "page 2 shows", "return location.pathname === '/page/2/' && document.querySelector('.pagination .page-of')?.textContent === 'Page 2 of 3'").await;
    assert_clean_console(browser.console_problems().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_route_type_works_in_spanish_and_the_language_switcher_goes_both_ways() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;
    click_link(&browser, REFERENCE_TITLE).await;
    wait_for(client, ".language-switcher a").await;
    click_link(&browser, "Read in Español").await;
    wait_until(client, "the Spanish post shows", "return location.pathname === '/es/posts/whatsapp-cart-recovery-playbook/' && document.documentElement.lang === 'es' && !!document.querySelector('.back-link')").await;
    let spanish = body_text(client).await;
    for part in [
        "Volver al blog",
        "14 mar 2026",
        "min de lectura",
        "Leer en English",
    ] {
        assert!(spanish.contains(part), "the Spanish post lacks `{part}`");
    }
    click_link(&browser, "Leer en English").await;
    wait_for_heading(&browser, REFERENCE_TITLE).await;
    client.back().await.unwrap();
    wait_until(client, "Back returns to the Spanish post", "return document.documentElement.lang === 'es' && location.pathname.startsWith('/es/posts/')").await;

    click_link(&browser, "Volver al blog").await;
    wait_for_heading(&browser, "Folio Journal en español").await;
    let category = eval(client, "const a = document.querySelector('.post-card .eyebrow a'); a.click(); return a.textContent").await;
    wait_until(client, "the Spanish category page shows", "return location.pathname.startsWith('/es/category/') && document.body.innerText.includes('Categoría'.toUpperCase()) || document.body.innerText.includes('Categoría')").await;
    wait_for_heading(&browser, category.as_str().unwrap()).await;
    let author = eval(client, "const a = document.querySelector('.post-card .authors a'); a.click(); return a.textContent").await;
    wait_for_heading(&browser, author.as_str().unwrap()).await;
    assert!(
        eval(client, "return location.pathname")
            .await
            .as_str()
            .unwrap()
            .starts_with("/es/author/")
    );
    assert_clean_console(browser.console_problems().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_theme_toggle_is_remembered_and_links_prefetch_their_post() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(client, &server.url("/")).await;
    wait_for(client, ".post-card").await;

    // Pointing at a card's title loads the post's data before any click.
    let link = client
        .find(fantoccini::Locator::LinkText(REFERENCE_TITLE))
        .await
        .unwrap();
    client
        .perform_actions(fantoccini::actions::MouseActions::new("mouse".into()).then(
            fantoccini::actions::PointerAction::MoveToElement {
                element: link,
                duration: None,
                x: 0.0,
                y: 0.0,
            },
        ))
        .await
        .unwrap();
    wait_until(
        client,
        "hovering a card prefetches its post",
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/data/posts/whatsapp-cart-recovery-playbook.json'))",
    )
    .await;

    // The toggle switches the theme, and the choice outlives a reload.
    let before = eval(
        client,
        "return getComputedStyle(document.body).backgroundColor",
    )
    .await;
    let toggle = wait_for(client, ".theme-toggle").await;
    let label = toggle.attr("aria-label").await.unwrap().unwrap_or_default();
    toggle.click().await.unwrap();
    let chosen = if label.contains("dark") {
        "dark"
    } else {
        "light"
    };
    let script = format!("return document.documentElement.dataset.theme === {chosen:?}");
    wait_until(client, "the toggle sets the theme", &script).await;
    let after = eval(
        client,
        "return getComputedStyle(document.body).backgroundColor",
    )
    .await;
    assert_ne!(before, after, "the page changes colour");
    client.refresh().await.unwrap();
    wait_for(client, ".post-card").await;
    wait_until(client, "the theme is remembered", &script).await;
    assert_clean_console(browser.console_problems().await);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn without_javascript_in_page_links_stay_on_their_page() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start_without_javascript().await;
    let client = &browser.client;
    let post = "/posts/support-automation-field-guide/";
    client.goto(&server.url(post)).await.expect("load the page");
    assert_eq!(
        eval(
            client,
            "return document.querySelector('#folio').hasAttribute('data-folio-static')"
        )
        .await,
        true,
        "the app did not run: this is the static page"
    );
    // A table-of-contents entry, as the reader sees it: a click, with the page's own URL
    // resolution (no `<base>` to send `#id` to the home page).
    wait_for(client, ".toc a[href='#read-the-inbox-you-actually-have']")
        .await
        .click()
        .await
        .expect("click the table-of-contents entry");
    wait_until(
        client,
        "the entry lands on its heading, on the same page",
        &format!(
            "return location.pathname === '{post}' && location.hash === '#read-the-inbox-you-actually-have' \
             && Math.abs(document.getElementById('read-the-inbox-you-actually-have').getBoundingClientRect().top) < 200"
        ),
    )
    .await;
    // Every in-page link of the page resolves to the page itself.
    let elsewhere = eval(
        client,
        &format!(
            "return [...document.querySelectorAll('a[href^=\"#\"]')].map(a => a.href).filter(h => !h.startsWith(location.origin + '{post}#'))"
        ),
    )
    .await;
    assert_eq!(
        elsewhere,
        Value::Array(vec![]),
        "in-page links that leave the page"
    );
    // And the page's own scripts never ran: Trunk's loader would have set `wasmBindings`
    // and the app replaced the static page by now.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(
        eval(client, "return typeof window.wasmBindings === 'undefined' && !!document.querySelector('#folio[data-folio-static]')").await,
        true,
        "JavaScript is off"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_that_is_not_a_post_is_adopted_as_it_is_and_reached_from_the_header() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    // The static page, taken over: the same heading and body, not the 404 page.
    open(client, &server.url("/about/")).await;
    wait_for_heading(&browser, "About this blog").await;
    let page = body_text(client).await;
    assert!(
        page.contains("We write about customer conversations"),
        "{page}"
    );
    assert_eq!(
        eval(client, "return document.title").await,
        "About this blog · Folio Journal"
    );
    // From it, a post opens in the app, without a page load.
    eval(client, "window.stayed = true; return true").await;
    click_link(&browser, "the field guide to support automation").await;
    wait_until(
        client,
        "the post opens in the app",
        "return location.pathname === '/posts/support-automation-field-guide/' && window.stayed === true",
    )
    .await;
    // The header's link leads to the page again, loaded whole, and Back returns.
    click_link(&browser, "About").await;
    wait_until(
        client,
        "the page loads",
        "return location.pathname === '/about/' && window.stayed === undefined",
    )
    .await;
    wait_for_heading(&browser, "About this blog").await;
    client.back().await.expect("go back");
    wait_until(
        client,
        "Back returns to the post",
        "return location.pathname === '/posts/support-automation-field-guide/'",
    )
    .await;
    assert_clean_console(browser.console_problems().await);
    browser.close().await;
}
