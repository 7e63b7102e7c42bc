//! The time of a client-side navigation from one post to another, as a reader sees it:
//! from the click on a related post's link to the new article's heading on screen
//! (Performance API, in the page). A benchmark, not a test: ignored by `scripts/test`,
//! run by `scripts/bench navigation`, which reads the `navigation-timing:` lines.

use std::path::Path;

use folio_e2e::browser::{open, wait_for};
use folio_e2e::{Browser, StaticServer, dist_dir};

/// Navigations timed.
const NAVIGATIONS: usize = 20;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: scripts/bench navigation runs it"]
async fn post_to_post_navigation_time() {
    let server = StaticServer::start(&dist_dir()).await;
    let browser = Browser::start().await;
    let client = &browser.client;
    open(
        client,
        &server.url("/posts/whatsapp-cart-recovery-playbook/"),
    )
    .await;
    wait_for(client, ".related-card a").await;
    // Every post of the site in turn (the first visit of each: its document is fetched),
    // then again from the start until NAVIGATIONS: a link to it is clicked, and the time
    // runs until its heading replaces the previous one and its body is there.
    let posts = post_paths(&dist_dir());
    assert!(posts.len() > 1, "the bundle has posts");
    let script = r#"
        const [path] = arguments;
        const before = document.querySelector('main h1').textContent;
        const link = document.createElement('a');
        link.href = path;
        link.textContent = 'next';
        document.querySelector('main').append(link);
        const start = performance.now();
        link.click();
        return new Promise(done => {
            const shown = () => {
                const h = document.querySelector('main h1');
                if (location.pathname === path && h && h.textContent !== before
                    && document.querySelector('.post-body')) {
                    done(performance.now() - start);
                } else {
                    requestAnimationFrame(shown);
                }
            };
            shown();
        });
    "#;
    let start = posts
        .iter()
        .position(|p| p == "/posts/whatsapp-cart-recovery-playbook/")
        .unwrap_or(0);
    let order = posts.iter().cycle().skip(start + 1).take(NAVIGATIONS);
    for (round, path) in order.enumerate() {
        let ms = client
            .execute(script, vec![path.as_str().into()])
            .await
            .unwrap_or_else(|e| panic!("navigate to {path}: {e}"));
        println!(
            "navigation-timing: ms={} first_visit={} path={path}",
            ms.as_f64().unwrap(),
            round < posts.len() - 1
        );
    }
    browser.close().await;
}

/// The path of every post of the bundle, by its documents (`data/posts/x.json` is
/// `/posts/x/`, `data/es/posts/x.json` is `/es/posts/x/`), sorted.
fn post_paths(dist: &Path) -> Vec<String> {
    let data = dist.join("data");
    let mut folders = vec![(data.join("posts"), String::new())];
    for entry in std::fs::read_dir(&data).unwrap().flatten() {
        let posts = entry.path().join("posts");
        if posts.is_dir() {
            folders.push((posts, format!("{}/", entry.file_name().to_string_lossy())));
        }
    }
    let mut paths: Vec<String> = folders
        .iter()
        .flat_map(|(folder, prefix)| {
            std::fs::read_dir(folder)
                .unwrap()
                .flatten()
                .filter_map(move |entry| {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let slug = name.strip_suffix(".json")?;
                    Some(format!("/{prefix}posts/{slug}/"))
                })
        })
        .collect();
    paths.sort();
    paths
}
