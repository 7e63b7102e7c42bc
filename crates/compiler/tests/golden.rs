//! The JSON of the sample content, compared with `golden/sample-content.json`: the
//! documents that show every part of the contract (site, redirects, home pages in both
//! languages, a category page, the reference post and its alternate, features). After a
//! deliberate change, refresh it with `FOLIO_BLESS=1 cargo test -p folio-build --test
//! golden` and review the diff like code.

use std::collections::BTreeMap;
use std::path::Path;

use folio_build::{BuildOptions, compile};
use folio_model::data_layout;

const GOLDEN_DOCUMENTS: &[&str] = &[
    "data/page/1.json",
    "data/es/page/1.json",
    "data/category/automation/1.json",
    "data/posts/whatsapp-cart-recovery-playbook.json",
    "data/es/posts/whatsapp-cart-recovery-playbook.json",
    "data/related.jsonl",
];

#[test]
fn the_sample_content_compiles_to_the_golden_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = BuildOptions {
        now: Some("2026-11-24T00:00:00Z".parse().unwrap()),
        ..BuildOptions::default()
    };
    let compiled =
        compile(&root.join("../../content"), &options).expect("the sample content compiles");
    assert!(
        compiled.warnings.0.is_empty(),
        "the sample content has warnings:\n{}",
        compiled.warnings
    );
    let index = compiled.index;
    let mut documents: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    let mut add = |path: &str, value: serde_json::Value| documents.insert(path.to_owned(), value);
    add(
        data_layout::SITE,
        serde_json::to_value(&index.site).unwrap(),
    );
    add(
        data_layout::REDIRECTS,
        serde_json::to_value(&index.redirects).unwrap(),
    );
    let reviewed = |path: &str| GOLDEN_DOCUMENTS.contains(&path);
    for (path, doc) in index.listings.iter().filter(|(p, _)| reviewed(p)) {
        add(path, serde_json::to_value(doc).unwrap());
    }
    for (path, doc) in index.posts.iter().filter(|(p, _)| reviewed(p)) {
        add(path, serde_json::to_value(doc).unwrap());
    }
    for (path, doc) in index.features.iter().filter(|(p, _)| reviewed(p)) {
        add(path, serde_json::to_value(doc).unwrap());
    }
    add("media", serde_json::to_value(&index.media).unwrap());
    assert_eq!(
        documents.len(),
        GOLDEN_DOCUMENTS.len() + 3,
        "every golden document is built"
    );
    let actual = serde_json::to_string_pretty(&documents).unwrap() + "\n";
    let golden = root.join("tests/golden/sample-content.json");
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
        std::fs::write(&golden, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&golden)
        .expect("the golden file exists: run with FOLIO_BLESS=1 once");
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(0);
        panic!(
            "the sample content's JSON differs from {} at line {}:\n  got:      {}\n  expected: {}\nif the change is intended, refresh with FOLIO_BLESS=1 and review the diff",
            golden.display(),
            first + 1,
            actual.lines().nth(first).unwrap_or(""),
            expected.lines().nth(first).unwrap_or(""),
        );
    }
}

#[test]
fn the_checked_in_highlight_css_is_what_the_compiler_writes() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style/highlight.css");
    let generated = folio_build::render::highlight::theme_css();
    if std::env::var_os("FOLIO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "style/highlight.css is stale: run `cargo run -p folio-build -- highlight-css > style/highlight.css`"
    );
}
