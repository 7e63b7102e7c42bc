//! The rust-blog corpus (`../shared/corpora/rust-blog`, 754 Markdown files written for
//! Zola, never copied into this repository) compiles unchanged: 750 posts (754 files
//! less three `_index.md` sections and one template page).

use std::path::PathBuf;

use folio_build::{BuildError, BuildOptions, Severity, compile};

fn corpus() -> PathBuf {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpora/rust-blog/content");
    assert!(
        path.is_dir(),
        "the shared rust-blog corpus is not at {}",
        path.display()
    );
    path
}

#[test]
fn the_rust_blog_corpus_compiles_with_no_error() {
    // A build with a cache folder (empty here) records the code it highlights, which the
    // end of this test reads.
    let cache = tempfile::tempdir().unwrap();
    let options = BuildOptions {
        warn_missing: true,
        cache: Some(cache.path().to_path_buf()),
        ..BuildOptions::default()
    };
    let compiled = match compile(&corpus(), &options) {
        Ok(compiled) => compiled,
        Err(BuildError::Content(problems)) => panic!("the corpus has errors:\n{problems}"),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(compiled.index.posts.len(), 750);
    let count = |needle: &str| {
        compiled
            .warnings
            .0
            .iter()
            .filter(|d| d.message.contains(needle))
            .count()
    };
    assert_eq!(count("template page skipped"), 1);
    // The corpus was published without its images; each reference is reported.
    assert!(count("image file") > 200, "{}", count("image file"));
    // Raw `<img>`s without `alt` (the team photos of the 2025 project goals updates, a
    // cupcake) are reported for their authors to describe.
    assert_eq!(count("has no alt text"), 10);
    let categories: Vec<_> = compiled
        .index
        .site
        .categories
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(
        categories,
        [
            "Inside Rust Blog",
            "Rust Release Announcements",
            "Rust Blog"
        ]
    );
    let posts: Vec<&str> = compiled
        .index
        .posts
        .iter()
        .map(|(path, _)| path.as_str())
        .collect();
    assert!(posts.contains(&"data/posts/async-await-hits-beta.json"));
    assert!(
        posts.contains(&"data/posts/inside-rust-all-hands.json"),
        "a slug shared across sections is prefixed"
    );
    let redirect = compiled
        .index
        .redirects
        .redirects
        .iter()
        .find(|r| r.from == "2019/09/30/Async-await-hits-beta");
    assert_eq!(
        redirect.map(|r| r.to.as_str()),
        Some("posts/async-await-hits-beta/")
    );
    // Rust is highlighted from its tokens: every block reads as its code once its tags
    // are dropped and its entities read.
    let rust: Vec<_> = compiled
        .highlighted
        .blocks
        .iter()
        .filter(|block| block.language == "rust")
        .collect();
    assert!(rust.len() > 500, "{}", rust.len());
    for block in rust {
        assert_eq!(
            folio_build::render::highlight::text_of(&block.html),
            block.code,
            "{}",
            block.html
        );
    }
}

#[test]
fn without_warn_missing_the_missing_images_are_errors() {
    let Err(BuildError::Content(problems)) = compile(&corpus(), &BuildOptions::default()) else {
        panic!("the corpus's missing images must fail a strict build");
    };
    let first = problems
        .0
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap();
    assert!(
        first.message.starts_with("image file")
            || first.message.starts_with("link to a missing page"),
        "{first}"
    );
}
