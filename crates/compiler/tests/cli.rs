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

fn has_post(out: &Path, slug: &str) -> bool {
    out.join(format!("posts/{slug}.json")).is_file()
}

#[test]
fn builds_the_sample_content_without_drafts_or_future_posts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    let output = build(&sample_content(), &out, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(has_post(&out, "whatsapp-cart-recovery-playbook"));
    assert!(
        out.join("es/posts/whatsapp-cart-recovery-playbook.json")
            .is_file()
    );
    assert!(
        !has_post(&out, "drafting-a-pricing-page"),
        "drafts are left out"
    );
    assert!(
        !has_post(&out, "yearly-automation-audit"),
        "future posts are left out"
    );
    assert!(out.join("site.json").is_file() && out.join("page/1.json").is_file());
}

#[test]
fn drafts_and_future_posts_are_built_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    assert!(
        build(&sample_content(), &out, &["--drafts"])
            .status
            .success()
    );
    assert!(has_post(&out, "drafting-a-pricing-page"));
    assert!(has_post(&out, "yearly-automation-audit"));
}

/// Every file under `dir` with its bytes, by path.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(
                tree(&path)
                    .into_iter()
                    .map(|(p, b)| (Path::new(path.file_name().unwrap()).join(p), b)),
            );
        } else {
            files.push((
                PathBuf::from(path.file_name().unwrap()),
                fs::read(&path).unwrap(),
            ));
        }
    }
    files.sort();
    files
}

#[test]
fn the_same_content_gives_the_same_bytes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(build(&sample_content(), &a, &[]).status.success());
    assert!(build(&sample_content(), &b, &[]).status.success());
    assert_eq!(tree(&a), tree(&b));
}

#[test]
fn a_rebuild_from_the_cache_gives_the_same_bytes_as_a_first_build() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let cache_arg = ["--cache", cache.to_str().unwrap()];
    let (first, cached, rebuilt) = (
        tmp.path().join("first"),
        tmp.path().join("cached"),
        tmp.path().join("rebuilt"),
    );
    assert!(build(&sample_content(), &first, &[]).status.success());
    assert!(
        build(&sample_content(), &cached, &cache_arg)
            .status
            .success()
    );
    assert!(
        cache.join("highlight.json").is_file(),
        "the first build with a cache folder fills it"
    );
    let output = build(&sample_content(), &rebuilt, &cache_arg);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(tree(&first), tree(&cached));
    assert_eq!(tree(&first), tree(&rebuilt));
}

#[test]
fn a_cache_that_cannot_be_written_is_a_warning() {
    let tmp = tempfile::tempdir().unwrap();
    let not_a_folder = tmp.path().join("cache");
    fs::write(&not_a_folder, "a file").unwrap();
    let out = tmp.path().join("data");
    let output = build(
        &sample_content(),
        &out,
        &["--cache", not_a_folder.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(has_post(&out, "whatsapp-cart-recovery-playbook"));
    assert!(
        stderr(&output).contains("warning: could not keep the highlighted code in"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn content_errors_exit_1_name_the_place_and_leave_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    let out = tmp.path().join("data");
    write_post(
        &content,
        "good",
        "+++\ntitle = \"Good\"\ndescription = \"D\"\ndate = 2026-01-01\n+++\nHi\n",
    );
    assert!(build(&content, &out, &[]).status.success());
    let before = fs::read(out.join("site.json")).unwrap();

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
        message.contains("untitled.md:2:1: error: missing title"),
        "{message}"
    );
    assert!(message.contains("  help: "), "{message}");
    assert!(
        message.trim_end().ends_with("2 errors, 0 warnings"),
        "{message}"
    );
    assert_eq!(
        fs::read(out.join("site.json")).unwrap(),
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
