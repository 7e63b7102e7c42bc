//! Related posts on a real blog (the shared rust-blog corpus, compiled unchanged): release
//! announcements lead to other release announcements, and Inside Rust posts to other
//! Inside Rust posts. The shares measured here are quoted in BENCHMARKS.md.

use std::path::PathBuf;

use folio_build::{BuildOptions, compile};
use folio_model::related::{RelatedIndex, RelatedSettings};

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/rust-blog/content")
}

#[test]
fn related_posts_of_the_rust_blog_stay_on_topic() {
    let options = BuildOptions {
        warn_missing: true,
        ..BuildOptions::default()
    };
    let compiled = compile(&corpus(), &options).expect("the corpus compiles");
    let (_, features) = &compiled.index.features[0];
    let index = RelatedIndex::new(features.clone());
    let features = index.features();
    let settings = RelatedSettings::default();
    let is_release = |title: &str| title.starts_with("Announcing Rust 1.");
    let share = |posts: Vec<&folio_model::PostFeatures>,
                 on_topic: &dyn Fn(&folio_model::PostFeatures) -> bool| {
        let mut hits = 0;
        let mut total = 0;
        for post in &posts {
            let related = index.related(&post.slug, &[], &settings);
            assert_eq!(related.len(), 3, "{} has 3 related posts", post.slug);
            total += related.len();
            hits += related.iter().filter(|r| on_topic(r.post)).count();
        }
        (hits, total)
    };
    // Every tenth release announcement, and every fifth Inside Rust post.
    let releases: Vec<_> = features
        .posts
        .iter()
        .filter(|p| is_release(&p.title))
        .step_by(10)
        .collect();
    let inside: Vec<_> = features
        .posts
        .iter()
        .filter(|p| p.category.as_deref() == Some("inside-rust"))
        .step_by(5)
        .collect();
    assert!(
        releases.len() >= 8 && inside.len() >= 8,
        "{} {}",
        releases.len(),
        inside.len()
    );
    let (hits, total) = share(releases, &|p| is_release(&p.title));
    eprintln!("release announcements: {hits} of {total} related posts are release announcements");
    assert!(hits * 3 >= total * 2, "{hits} of {total}");
    let (hits, total) = share(inside, &|p| p.category.as_deref() == Some("inside-rust"));
    eprintln!("Inside Rust: {hits} of {total} related posts are Inside Rust posts");
    assert!(hits * 3 >= total * 2, "{hits} of {total}");
}
