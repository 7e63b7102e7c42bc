//! The documents of the content index, as serialized to JSON.
//!
//! Every document carries `schema_version`. A reader that finds a version it does not know
//! must refuse the document rather than guess; a field added later gets a serde default, so
//! older documents of the same version still read.

use serde::{Deserialize, Serialize};

/// The version of the JSON format described in this module.
///
/// Bumped whenever a change would make an older reader misread a newer document.
pub const SCHEMA_VERSION: u32 = 1;

/// The list of published posts of the site, newest first.
///
/// Written to [`crate::data_layout::LISTING`]. It holds no post bodies: a post page never
/// needs it before its article shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// The site's title, as shown in the header and the document title.
    pub site_title: String,
    /// Published posts, newest first; ties are broken by slug.
    pub posts: Vec<PostSummary>,
}

/// What a listing card shows of a post.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSummary {
    /// The post's URL segment: `/posts/<slug>/`.
    pub slug: String,
    /// The post's title.
    pub title: String,
    /// The dek: one paragraph that says what the post is about. May be empty.
    #[serde(default)]
    pub description: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
}

/// One post with its rendered body.
///
/// Written to [`crate::data_layout::post_document`] for its slug.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDocument {
    /// Always [`SCHEMA_VERSION`] when written by this version of the compiler.
    pub schema_version: u32,
    /// Everything a listing shows of the post.
    #[serde(flatten)]
    pub summary: PostSummary,
    /// The body rendered to HTML at build time. Safe to insert as it is.
    pub body_html: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_post() -> PostDocument {
        PostDocument {
            schema_version: SCHEMA_VERSION,
            summary: PostSummary {
                slug: "hello".into(),
                title: "Hello".into(),
                description: "A first post.".into(),
                published: "2026-03-14".into(),
            },
            body_html: "<p>Hi</p>\n".into(),
        }
    }

    #[test]
    fn post_document_round_trips_through_json() {
        let post = sample_post();
        let json = serde_json::to_string(&post).unwrap();
        assert_eq!(serde_json::from_str::<PostDocument>(&json).unwrap(), post);
    }

    #[test]
    fn post_document_is_flat_on_the_wire() {
        let json = serde_json::to_value(sample_post()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "schema_version": 1,
                "slug": "hello",
                "title": "Hello",
                "description": "A first post.",
                "published": "2026-03-14",
                "body_html": "<p>Hi</p>\n",
            })
        );
    }

    #[test]
    fn a_missing_description_reads_as_empty() {
        let json = r#"{"slug":"a","title":"A","published":"2026-01-01"}"#;
        let summary: PostSummary = serde_json::from_str(json).unwrap();
        assert_eq!(summary.description, "");
    }
}
