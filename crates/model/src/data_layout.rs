//! Where each document of the content index lives, relative to the site's root.
//!
//! The compiler writes these paths and the app fetches them; both take them from here.

/// The folder under the site's root that holds every JSON document.
pub const DATA_DIR: &str = "data";

/// The listing of published posts.
pub const LISTING: &str = "data/index.json";

/// The document of the post with this slug.
pub fn post_document(slug: &str) -> String {
    format!("{DATA_DIR}/posts/{slug}.json")
}

/// The route of the post with this slug, relative to the site's root.
pub fn post_route(slug: &str) -> String {
    format!("posts/{slug}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_live_under_the_data_folder() {
        assert!(LISTING.starts_with(DATA_DIR));
        assert_eq!(post_document("hello"), "data/posts/hello.json");
    }

    #[test]
    fn routes_end_with_a_slash() {
        assert_eq!(post_route("hello"), "posts/hello/");
    }
}
