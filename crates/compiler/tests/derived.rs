//! Derived fields and aliases, end to end through the compiler: what authors write, and
//! what the content index says about it.

use std::fs;

use folio_build::{BuildOptions, Compiled, compile};
use folio_model::{PostDocument, SiteDocument};

fn build(files: &[(&str, &str)], options: BuildOptions) -> Compiled {
    let tmp = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = tmp.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    let options = BuildOptions {
        now: Some("2026-11-24T00:00:00Z".parse().unwrap()),
        ..options
    };
    match compile(tmp.path(), &options) {
        Ok(compiled) => compiled,
        Err(e) => panic!("{e}"),
    }
}

fn post<'a>(compiled: &'a Compiled, path: &str) -> &'a PostDocument {
    let found = compiled.index.posts.iter().find(|(p, _)| p == path);
    &found
        .unwrap_or_else(|| {
            panic!(
                "no {path} among {:?}",
                compiled
                    .index
                    .posts
                    .iter()
                    .map(|(p, _)| p)
                    .collect::<Vec<_>>()
            )
        })
        .1
}

fn site(compiled: &Compiled) -> &SiteDocument {
    &compiled.index.site
}

const MADRID: &str = "time_zone = \"Europe/Madrid\"\nwords_per_minute = 4\n[languages.en]\n[languages.es]\nname = \"Español\"\n";

#[test]
fn the_excerpt_falls_back_to_the_first_paragraph_with_a_warning() {
    let long = "word ".repeat(80);
    let text = format!("+++\ntitle = \"T\"\ndate = 2026-01-01\n+++\n{long}\n\nSecond paragraph.\n");
    let compiled = build(&[("posts/a.md", &text)], BuildOptions::default());
    let summary = &post(&compiled, "data/posts/a.json").summary;
    assert!(
        summary.excerpt.ends_with("word…") && summary.excerpt.chars().count() <= 241,
        "{}",
        summary.excerpt
    );
    assert_eq!(summary.description, "");
    let warning = compiled
        .warnings
        .0
        .iter()
        .find(|d| d.message == "this post has no description")
        .unwrap();
    assert_eq!((warning.line, warning.column), (2, 1));
}

#[test]
fn words_reading_time_and_dates() {
    let text = "+++\ntitle = \"T\"\ndescription = \"D\"\ndate = 2026-07-01T09:30:00\nlastmod = 2026-12-01\n+++\nOne two three 日本語 `code here`\n\n```\nnot counted either\n```\n";
    let compiled = build(
        &[("site.toml", MADRID), ("posts/a.md", text)],
        BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    let summary = &post(&compiled, "data/posts/a.json").summary;
    assert_eq!(
        summary.word_count, 6,
        "three words and three CJK characters; code left out"
    );
    assert_eq!(summary.reading_minutes, 2, "6 words at 4 a minute");
    assert_eq!(summary.published, "2026-07-01T09:30:00+02:00");
    assert_eq!(
        summary.updated.as_deref(),
        Some("2026-12-01T00:00:00+01:00"),
        "lastmod is updated"
    );
}

#[test]
fn dates_come_from_file_names_and_zola_paths() {
    let compiled = build(
        &[
            (
                "2019-09-30-async-await.md",
                "+++\ntitle = \"A\"\ndescription = \"D\"\n+++\n",
            ),
            (
                "b.md",
                "+++\ntitle = \"B\"\ndescription = \"D\"\npath = \"2015/05/15/Rust-1.0\"\n+++\n",
            ),
            (
                "c.md",
                "---\ntitle: C\ndescription: D\npublishDate: 2020-02-02\n---\n",
            ),
        ],
        BuildOptions::default(),
    );
    assert_eq!(
        post(&compiled, "data/posts/async-await.json")
            .summary
            .published,
        "2019-09-30T00:00:00+00:00"
    );
    assert_eq!(
        post(&compiled, "data/posts/b.json").summary.published,
        "2015-05-15T00:00:00+00:00"
    );
    assert_eq!(
        post(&compiled, "data/posts/c.json").summary.published,
        "2020-02-02T00:00:00+00:00",
        "publishDate is date"
    );
    let redirect = &compiled.index.redirects.redirects[0];
    assert_eq!(
        (redirect.from.as_str(), redirect.to.as_str()),
        ("2015/05/15/Rust-1.0", "posts/b/")
    );
}

#[test]
fn zola_sections_become_categories_and_template_pages_are_skipped() {
    let compiled = build(
        &[
            ("_index.md", "+++\ntitle = \"Main Blog\"\n+++\n"),
            (
                "inside/_index.md",
                "+++\ntitle = \"Inside\"\ndescription = \"Team news\"\n+++\n",
            ),
            (
                "inside/x.md",
                "+++\ntitle = \"X\"\ndescription = \"D\"\ndate = 2026-01-01\n[taxonomies]\ntags = [\"Compiler Team\"]\n+++\n",
            ),
            (
                "y.md",
                "+++\ntitle = \"Y\"\ndescription = \"D\"\ndate = 2026-01-01\nauthor = \"Mara Bos\"\n+++\n",
            ),
            ("latest.md", "+++\ntemplate = \"releases.html\"\n+++\n"),
        ],
        BuildOptions::default(),
    );
    let x = &post(&compiled, "data/posts/x.json").summary;
    assert_eq!(
        x.category
            .as_ref()
            .map(|c| (c.id.as_str(), c.name.as_str())),
        Some(("inside", "Inside"))
    );
    assert_eq!(x.tags[0].id, "compiler-team");
    let y = &post(&compiled, "data/posts/y.json").summary;
    assert_eq!(
        y.category.as_ref().map(|c| c.id.as_str()),
        Some("main-blog")
    );
    assert_eq!(
        y.authors[0].id, "mara-bos",
        "a name-only author gets the slug of the name"
    );
    assert_eq!(compiled.index.posts.len(), 2);
    assert!(
        compiled
            .warnings
            .0
            .iter()
            .any(|d| d.message.starts_with("template page skipped"))
    );
    let inside = site(&compiled)
        .categories
        .iter()
        .find(|c| c.id == "inside")
        .unwrap();
    assert_eq!(inside.description, "Team news");
}

#[test]
fn alternates_by_file_name_and_by_translation_key() {
    let compiled = build(
        &[
            ("site.toml", MADRID),
            (
                "posts/a.md",
                "+++\ntitle = \"A\"\ndescription = \"D\"\ndate = 2026-01-01\n+++\n",
            ),
            (
                "posts/a.es.md",
                "+++\ntitle = \"A es\"\ndescription = \"D\"\ndate = 2026-01-01\n+++\n",
            ),
            (
                "posts/b.md",
                "+++\ntitle = \"B\"\ndescription = \"D\"\ndate = 2026-01-01\ntranslation_key = \"k\"\n+++\n",
            ),
            (
                "posts/otro.es.md",
                "+++\ntitle = \"Otro\"\ndescription = \"D\"\ndate = 2026-01-01\ntranslation_key = \"k\"\n+++\n",
            ),
        ],
        BuildOptions::default(),
    );
    let a = post(&compiled, "data/posts/a.json");
    assert_eq!(
        a.alternates
            .iter()
            .map(|x| (x.language.as_str(), x.slug.as_str()))
            .collect::<Vec<_>>(),
        [("es", "a")]
    );
    let otro = post(&compiled, "data/es/posts/otro.json");
    assert_eq!(
        otro.alternates
            .iter()
            .map(|x| (x.language.as_str(), x.slug.as_str()))
            .collect::<Vec<_>>(),
        [("en", "b")]
    );
    assert_eq!(
        site(&compiled)
            .languages
            .iter()
            .map(|l| (l.code.as_str(), l.post_count))
            .collect::<Vec<_>>(),
        [("en", 2), ("es", 2)]
    );
}

#[test]
fn drafts_and_future_posts_need_the_drafts_flag_and_base_url_is_kept() {
    let files = [
        (
            "posts/draft.md",
            "+++\ntitle = \"D\"\ndescription = \"D\"\ndate = 2026-01-01\ndraft = true\n+++\n",
        ),
        (
            "posts/future.md",
            "+++\ntitle = \"F\"\ndescription = \"D\"\ndate = 2030-01-15\n+++\n",
        ),
        (
            "posts/now.md",
            "+++\ntitle = \"N\"\ndescription = \"D\"\ndate = 2026-01-01\n+++\n",
        ),
    ];
    let release = build(
        &files,
        BuildOptions {
            base_url: Some("https://example.com/blog".into()),
            ..BuildOptions::default()
        },
    );
    assert_eq!(release.index.posts.len(), 1);
    assert_eq!(site(&release).base_url, "https://example.com/blog/");
    let preview = build(
        &files,
        BuildOptions {
            drafts: true,
            ..BuildOptions::default()
        },
    );
    assert_eq!(preview.index.posts.len(), 3);
    assert!(
        post(&preview, "data/posts/future.json").summary.draft,
        "drafts and future posts are marked"
    );
    assert!(!post(&preview, "data/posts/now.json").summary.draft);
}
