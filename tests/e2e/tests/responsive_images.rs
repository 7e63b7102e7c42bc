//! Images made for every screen, as Chromium loads them from the Flux blog (real photos
//! and screenshots, built as a release is): on a phone (375 px at 3 device pixels per
//! CSS pixel) and on a laptop (1280 px at 1), a post's photo hero is the smallest file
//! that is sharp there, in AVIF; its placeholder is in the page, under it, in its box;
//! nothing moves as it loads.

use std::path::Path;

use folio_e2e::browser::{eval, wait_until};
use folio_e2e::{Browser, StaticServer, flux_build};
use serde_json::Value;

/// The first post (by path) whose hero is a raster image at least twice the column's
/// width, so that every width is made of it: its route and its AVIF candidates.
fn post_with_a_photo_hero(dist: &Path) -> (String, Vec<(String, u32)>) {
    let mut documents: Vec<_> = std::fs::read_dir(dist.join("data/posts"))
        .expect("the posts' documents")
        .map(|e| e.unwrap().path())
        .collect();
    documents.sort();
    for path in documents {
        let document: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let image = &document["summary"]["image"];
        // The compiler's `<picture>`: its first source is the AVIF.
        let Some(avif) = image["html"]
            .as_str()
            .and_then(|html| html.split("<source type=\"image/avif\" srcset=\"").nth(1))
            .and_then(|rest| rest.split('"').next())
        else {
            continue;
        };
        if image["width"].as_u64().unwrap_or(0) < 1344 {
            continue;
        }
        let candidates = avif
            .split(", ")
            .map(|c| {
                let (url, width) = c.rsplit_once(' ').unwrap();
                let url = url.trim_start_matches("/blog/").to_owned();
                (url, width.trim_end_matches('w').parse().unwrap())
            })
            .collect();
        let slug = path.file_stem().unwrap().to_string_lossy();
        return (format!("/blog/posts/{slug}/"), candidates);
    }
    panic!("no post of the Flux blog has a photo hero 1344 pixels wide or more");
}

#[tokio::test(flavor = "multi_thread")]
async fn each_screen_loads_the_smallest_sharp_hero_over_its_placeholder() {
    let dist = flux_build();
    let (route, candidates) = post_with_a_photo_hero(&dist);
    let widths: Vec<u32> = candidates.iter().map(|c| c.1).collect();
    assert_eq!(widths, [480, 800, 1200, 1344], "{route}");
    let server = StaticServer::start_under(&dist, "blog", 0).await;
    // The column is 42rem (672 px), less 1rem of padding on each side on a phone.
    for (width, height, ratio, shown) in [(375, 812, 3.0, 343.0), (1280, 900, 1.0, 672.0)] {
        let browser = Browser::start_as_device(width, height, ratio).await;
        let client = &browser.client;
        client
            .goto(&server.url(&route))
            .await
            .expect("load the post");
        wait_until(
            client,
            "the hero loads",
            "const img = document.querySelector('.hero picture img'); return !!img && img.complete && img.naturalWidth > 0;",
        )
        .await;
        let hero = eval(
            client,
            "const img = document.querySelector('.hero picture img');
             const placeholder = document.querySelector('.hero .image-placeholder');
             const box = e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; };
             const r = img.getBoundingClientRect();
             const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
             return {
                 current: new URL(img.currentSrc).pathname,
                 shown: r.width,
                 ratio: devicePixelRatio,
                 image: box(img),
                 placeholder: placeholder && box(placeholder),
                 placeholderSrc: placeholder && placeholder.getAttribute('src').slice(0, 22),
                 placeholderDecoded: placeholder && placeholder.complete && placeholder.naturalWidth > 0,
                 onTop: top === img,
                 lazy: img.loading,
                 priority: img.getAttribute('fetchpriority'),
             };",
        )
        .await;
        assert_eq!(hero["ratio"].as_f64(), Some(ratio), "{hero}");
        assert!(
            (hero["shown"].as_f64().unwrap() - shown).abs() < 1.0,
            "{width} px: the hero is {hero}"
        );
        let needed = (shown * ratio).ceil() as u32;
        let (expected, _) = candidates
            .iter()
            .find(|(_, w)| *w >= needed)
            .expect("a candidate wide enough");
        assert_eq!(
            hero["current"].as_str(),
            Some(format!("/blog/{expected}").as_str()),
            "{width} px at {ratio}x needs {needed} pixels: {hero}"
        );
        assert!(expected.ends_with(".avif"), "{expected}");
        assert_eq!(hero["priority"], "high", "{hero}");
        assert_eq!(hero["lazy"], "auto", "the hero is never lazy: {hero}");
        // The placeholder is in the document (no request), decoded, in the image's box
        // and under it.
        assert_eq!(hero["placeholderSrc"], "data:image/png;base64,", "{hero}");
        assert_eq!(hero["placeholderDecoded"], true, "{hero}");
        assert_eq!(hero["placeholder"], hero["image"], "{hero}");
        assert_eq!(hero["onTop"], true, "{hero}");
        let shift = eval(
            client,
            "return new Promise(done => {
                let shift = 0;
                new PerformanceObserver(list => {
                    for (const e of list.getEntries()) if (!e.hadRecentInput) shift += e.value;
                }).observe({type: 'layout-shift', buffered: true});
                setTimeout(() => done(shift), 500);
            });",
        )
        .await;
        assert_eq!(shift.as_f64(), Some(0.0), "{width} px: CLS {shift}");
        browser.close().await;
    }
}

/// The AVIF candidates of a `<picture>`'s `srcset`, as (path, width).
const AVIF_CANDIDATES: &str =
    "const avif = picture => picture.querySelector('source[type=\"image/avif\"]')
    .getAttribute('srcset').split(', ').map(c => c.split(' '))
    .map(([url, w]) => [new URL(url, location.href).pathname, parseInt(w)]);";

#[tokio::test(flavor = "multi_thread")]
async fn listing_cards_show_each_hero_small_in_one_shape_and_lazy_below_the_first_screen() {
    let dist = flux_build();
    let server = StaticServer::start_under(&dist, "blog", 0).await;
    for (width, height, ratio) in [(375, 812, 3.0), (1280, 900, 1.0)] {
        let browser = Browser::start_as_device(width, height, ratio).await;
        let client = &browser.client;
        client
            .goto(&server.url("/blog/"))
            .await
            .expect("load the home page");
        wait_until(
            client,
            "the first card's image loads",
            "const img = document.querySelector('.post-card-image picture img'); return !!img && img.complete && img.naturalWidth > 0;",
        )
        .await;
        let script = format!(
            "{AVIF_CANDIDATES}
             const frames = [...document.querySelectorAll('.post-card-image')];
             const img = frames[0].querySelector('picture img');
             const requested = new Set(performance.getEntriesByType('resource')
                 .map(e => new URL(e.name).pathname));
             return {{
                 cards: document.querySelectorAll('.post-card').length,
                 images: frames.length,
                 shapes: [...new Set(frames.map(f => {{
                     const r = f.getBoundingClientRect();
                     return Math.round(r.width / r.height * 100) / 100;
                 }}))],
                 // The first screen's three cards load at once, the others lazily.
                 loading: [...document.querySelectorAll('.post-card')]
                     .map((card, at) => [at, card.querySelector('.post-card-image picture img')])
                     .filter(([, img]) => img)
                     .every(([at, img]) => img.loading === (at < 3 ? 'auto' : 'lazy')
                         && !img.hasAttribute('fetchpriority')),
                 placeholders: frames.filter(f => f.querySelector('.image-placeholder')).length,
                 current: new URL(img.currentSrc).pathname,
                 candidates: avif(img.closest('picture')),
                 shown: img.getBoundingClientRect().width,
                 far: frames.filter(f => f.getBoundingClientRect().top > 4 * innerHeight)
                     .filter(f => requested.has(new URL(f.querySelector('picture img').currentSrc
                         || f.querySelector('picture img').src).pathname)).length,
                 farCount: frames.filter(f => f.getBoundingClientRect().top > 4 * innerHeight).length,
             }};"
        );
        let cards = eval(client, &script).await;
        assert!(
            cards["images"].as_u64().unwrap() >= 3,
            "{width} px: the Flux home's cards show their heroes: {cards}"
        );
        assert_eq!(cards["shapes"].as_array().map(Vec::len), Some(1), "{cards}");
        assert_eq!(cards["loading"], true, "{cards}");
        assert_eq!(cards["placeholders"], cards["images"], "{cards}");
        let needed = (cards["shown"].as_f64().unwrap() * ratio).ceil() as u64;
        let candidates = cards["candidates"].as_array().unwrap();
        let expected = candidates
            .iter()
            .find(|c| c[1].as_u64().unwrap() >= needed)
            .unwrap_or_else(|| candidates.last().unwrap());
        assert_eq!(
            cards["current"], expected[0],
            "{width} px at {ratio}x needs {needed} pixels: {cards}"
        );
        assert_eq!(
            cards["far"], 0,
            "{width} px: cards far below the screen load nothing: {cards}"
        );
        browser.close().await;
    }
}
