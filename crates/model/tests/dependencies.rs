//! Keeps `folio-model` free of web, wasm, I/O-runtime and Markdown dependencies: it must
//! stay testable natively and compile unchanged into the app.

use std::process::Command;

const FORBIDDEN: &[&str] = &[
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "leptos",
    "gloo-net",
    "pulldown-cmark",
    "tokio",
];

#[test]
fn model_has_no_web_wasm_or_markdown_dependency() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "-p",
            "folio-model",
            "-e",
            "normal",
            "--prefix",
            "none",
        ])
        .args(["--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).unwrap();
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        assert!(!FORBIDDEN.contains(&name), "folio-model depends on {name}");
    }
}
