//! The `folio-build` command as authors and Trunk's hook run it: exit statuses, messages,
//! and what is (and is not) written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn folio_build(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio-build"))
        .args(args)
        .output()
        .expect("folio-build runs")
}

fn build(content: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--content",
        content.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    folio_build(&args)
}

fn sample_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

fn write_post(content: &Path, slug: &str, text: &str) {
    fs::create_dir_all(content.join("posts")).unwrap();
    fs::write(content.join("posts").join(format!("{slug}.md")), text).unwrap();
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn listed_slugs(out: &Path) -> Vec<String> {
    let listing: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    listing["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().into())
        .collect()
}

#[test]
fn builds_the_sample_content_without_drafts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    let content = sample_content();
    let output = build(&content, &out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let slugs = listed_slugs(&out);
    assert!(slugs.contains(&"whatsapp-cart-recovery-playbook".to_owned()));
    assert!(!slugs.contains(&"drafting-a-pricing-page".to_owned()));
    for slug in &slugs {
        assert!(
            out.join(format!("posts/{slug}.json")).is_file(),
            "{slug} has its document"
        );
    }
}

#[test]
fn drafts_are_built_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    let content = sample_content();
    assert!(build(&content, &out, &["--drafts"]).status.success());
    assert!(listed_slugs(&out).contains(&"drafting-a-pricing-page".to_owned()));
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let content = sample_content();
    let build = |name: &str| {
        let out = tmp.path().join(name);
        assert!(build(&content, &out, &[]).status.success());
        fs::read(out.join("index.json")).unwrap()
    };
    assert_eq!(build("a"), build("b"));
}

#[test]
fn content_errors_exit_1_name_the_place_and_leave_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("data");
    write_post(
        &content,
        "good",
        "+++\ntitle = \"Good\"\ndate = 2026-01-01\n+++\nHi\n",
    );
    assert!(build(&content, &out, &[]).status.success());
    let before = fs::read(out.join("index.json")).unwrap();

    write_post(
        &content,
        "broken",
        "+++\ntitle = \"Broken\"\ndate = 2026-13-01\n+++\n",
    );
    write_post(&content, "untitled", "+++\ndate = 2026-01-01\n+++\n");
    let output = build(&content, &out, &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    let broken = content.join("posts/broken.md");
    assert!(
        message.contains(&format!("{}:3:8: error: ", broken.display())),
        "{message}"
    );
    assert!(
        message.contains("untitled.md:2:1: error: missing field `title`"),
        "{message}"
    );
    assert!(message.contains("  help: "), "{message}");
    assert!(message.trim_end().ends_with("2 errors"), "{message}");
    assert_eq!(
        fs::read(out.join("index.json")).unwrap(),
        before,
        "the previous output is kept"
    );
    let leftovers: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no staging folder is left behind: {leftovers:?}"
    );
}

#[test]
fn check_reports_problems_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    write_post(&content, "a", "no front matter\n");
    let output = folio_build(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("a.md:1:1: error: missing front matter"),
        "{}",
        stderr(&output)
    );
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
}

#[test]
fn a_missing_content_folder_exits_2() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("nope");
    let output = folio_build(&["check", "--content", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("folio-build: error: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_usage_mistake_exits_2() {
    assert_eq!(
        folio_build(&["build", "--frobnicate"]).status.code(),
        Some(2)
    );
    assert_eq!(folio_build(&[]).status.code(), Some(2));
}
