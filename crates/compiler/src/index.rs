//! Assembles the content index from the parsed posts.

use folio_model::{Listing, PostDocument, PostSummary, SCHEMA_VERSION};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics, line_column};
use crate::source::{ContentDir, SourceFile};
use crate::{BuildOptions, front_matter, markdown};

/// Every document of a compiled site, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentIndex {
    /// The listing of published posts.
    pub listing: Listing,
    /// One document per published post, in listing order.
    pub posts: Vec<PostDocument>,
}

#[derive(Debug, Deserialize)]
struct SiteSettings {
    #[serde(default = "default_title")]
    title: String,
}

fn default_title() -> String {
    "Folio".into()
}

/// Parses and renders every post; collects every problem before giving up.
pub fn assemble(content: &ContentDir, options: BuildOptions) -> Result<ContentIndex, Diagnostics> {
    let mut problems = Vec::new();
    let site_title = match content.site.as_ref().map(parse_site) {
        Some(Ok(settings)) => settings.title,
        Some(Err(problem)) => {
            problems.push(problem);
            String::new()
        }
        None => default_title(),
    };
    let mut posts = Vec::new();
    for file in &content.posts {
        match front_matter::parse(file) {
            Ok(parsed) if parsed.front_matter.draft && !options.drafts => {}
            Ok(parsed) => posts.push(PostDocument {
                schema_version: SCHEMA_VERSION,
                summary: PostSummary {
                    slug: file.slug.clone(),
                    title: parsed.front_matter.title,
                    description: parsed.front_matter.description,
                    published: parsed.front_matter.date.to_string(),
                },
                body_html: markdown::render(parsed.body),
            }),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    posts.sort_by(|a, b| {
        (b.summary.published.as_str(), a.summary.slug.as_str())
            .cmp(&(a.summary.published.as_str(), b.summary.slug.as_str()))
    });
    let listing = Listing {
        schema_version: SCHEMA_VERSION,
        site_title,
        posts: posts.iter().map(|p| p.summary.clone()).collect(),
    };
    Ok(ContentIndex { listing, posts })
}

fn parse_site(file: &SourceFile) -> Result<SiteSettings, Diagnostic> {
    toml::from_str(&file.text).map_err(|e| {
        let (line, column) = line_column(&file.text, e.span().map_or(0, |s| s.start));
        Diagnostic::new(
            &file.path,
            line,
            column,
            e.message().trim_end().to_lowercase(),
        )
        .with_help("site.toml is TOML: `key = \"value\"`, one key a line")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(slug: &str, text: &str) -> SourceFile {
        SourceFile {
            path: format!("posts/{slug}.md"),
            slug: slug.into(),
            text: text.into(),
        }
    }

    fn content(posts: Vec<SourceFile>) -> ContentDir {
        ContentDir { site: None, posts }
    }

    #[test]
    fn lists_posts_newest_first_then_by_slug() {
        let dir = content(vec![
            post("old", "+++\ntitle = \"Old\"\ndate = 2025-01-01\n+++\n"),
            post("b", "+++\ntitle = \"B\"\ndate = 2026-01-01\n+++\n"),
            post("a", "+++\ntitle = \"A\"\ndate = 2026-01-01\n+++\n"),
        ]);
        let index = assemble(&dir, BuildOptions::default()).unwrap();
        let slugs: Vec<_> = index
            .listing
            .posts
            .iter()
            .map(|p| p.slug.as_str())
            .collect();
        assert_eq!(slugs, ["a", "b", "old"]);
        assert_eq!(index.listing.site_title, "Folio");
    }

    #[test]
    fn leaves_drafts_out_unless_asked() {
        let dir = content(vec![post(
            "d",
            "+++\ntitle = \"D\"\ndate = 2026-01-01\ndraft = true\n+++\n",
        )]);
        assert!(
            assemble(&dir, BuildOptions::default())
                .unwrap()
                .posts
                .is_empty()
        );
        assert_eq!(
            assemble(&dir, BuildOptions { drafts: true })
                .unwrap()
                .posts
                .len(),
            1
        );
    }

    #[test]
    fn reports_every_broken_post_at_once() {
        let dir = content(vec![
            post("x", "no header\n"),
            post("y", "+++\ntitle = 1\n+++\n"),
        ]);
        let problems = assemble(&dir, BuildOptions::default()).unwrap_err();
        assert_eq!(problems.0.len(), 2);
        assert_eq!(problems.0[0].path, "posts/x.md");
        assert_eq!(
            (problems.0[1].path.as_str(), problems.0[1].line),
            ("posts/y.md", 2)
        );
    }
}
