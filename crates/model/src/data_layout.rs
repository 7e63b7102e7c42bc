//! Routes and where each document of the content index lives, relative to the site's root.
//!
//! The data of a route mirrors the route: `es/posts/x/` reads `data/es/posts/x.json`, so
//! the app finds a page's document from its URL alone, with no other request first.
//! Routes of the default language have no prefix; every other language's routes start
//! with its code (`es/`). Routes end with `/`: each is also a static `index.html`.

/// The folder under the site's root that holds every JSON document.
pub const DATA_DIR: &str = "data";

/// The site document.
pub const SITE: &str = "data/site.json";

/// The old URLs and where they lead.
pub const REDIRECTS: &str = "data/redirects.json";

/// The folder, under the site's root, of images copied from the content folder.
pub const MEDIA_DIR: &str = "data/media";

/// The route prefix of a language: `""` for the default language, else `"<code>/"`.
pub fn language_prefix(language: &str, default_language: &str) -> String {
    if language == default_language {
        String::new()
    } else {
        format!("{language}/")
    }
}

/// A page of the site, without its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// Page `n` (1-based) of the list of every post.
    Home(u32),
    /// A post.
    Post(&'a str),
    /// Page `n` of a category's posts.
    Category(&'a str, u32),
    /// Page `n` of a tag's posts.
    Tag(&'a str, u32),
    /// Page `n` of an author's posts.
    Author(&'a str, u32),
}

/// The route of `page` under a language's `prefix` (see [`language_prefix`]).
///
/// Page 1 of a listing is the listing's own route; page `n` adds `page/n/`.
pub fn route(prefix: &str, page: Page<'_>) -> String {
    let paged = |base: String, n: u32| {
        if n <= 1 {
            base
        } else {
            format!("{base}page/{n}/")
        }
    };
    match page {
        Page::Home(n) => paged(prefix.to_owned(), n),
        Page::Post(slug) => format!("{prefix}posts/{slug}/"),
        Page::Category(id, n) => paged(format!("{prefix}category/{id}/"), n),
        Page::Tag(id, n) => paged(format!("{prefix}tag/{id}/"), n),
        Page::Author(id, n) => paged(format!("{prefix}author/{id}/"), n),
    }
}

/// The JSON document holding the data of `page` under a language's `prefix`.
pub fn document(prefix: &str, page: Page<'_>) -> String {
    match page {
        Page::Home(n) => format!("{DATA_DIR}/{prefix}page/{n}.json"),
        Page::Post(slug) => format!("{DATA_DIR}/{prefix}posts/{slug}.json"),
        Page::Category(id, n) => format!("{DATA_DIR}/{prefix}category/{id}/{n}.json"),
        Page::Tag(id, n) => format!("{DATA_DIR}/{prefix}tag/{id}/{n}.json"),
        Page::Author(id, n) => format!("{DATA_DIR}/{prefix}author/{id}/{n}.json"),
    }
}

/// The related-posts features of a language.
pub fn related_features(prefix: &str) -> String {
    format!("{DATA_DIR}/{prefix}related.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_language_has_no_prefix() {
        assert_eq!(language_prefix("en", "en"), "");
        assert_eq!(language_prefix("es", "en"), "es/");
    }

    #[test]
    fn routes_end_with_a_slash_and_page_one_is_the_listing_itself() {
        assert_eq!(route("", Page::Home(1)), "");
        assert_eq!(route("", Page::Home(2)), "page/2/");
        assert_eq!(route("es/", Page::Home(1)), "es/");
        assert_eq!(route("es/", Page::Post("hola")), "es/posts/hola/");
        assert_eq!(
            route("", Page::Category("automation", 1)),
            "category/automation/"
        );
        assert_eq!(route("", Page::Tag("whatsapp", 3)), "tag/whatsapp/page/3/");
        assert_eq!(
            route("es/", Page::Author("laura-gomez", 1)),
            "es/author/laura-gomez/"
        );
    }

    #[test]
    fn documents_mirror_routes_under_the_data_folder() {
        assert_eq!(document("", Page::Home(1)), "data/page/1.json");
        assert_eq!(
            document("es/", Page::Post("hola")),
            "data/es/posts/hola.json"
        );
        assert_eq!(
            document("", Page::Category("automation", 2)),
            "data/category/automation/2.json"
        );
        assert_eq!(document("", Page::Tag("t", 1)), "data/tag/t/1.json");
        assert_eq!(document("", Page::Author("a", 1)), "data/author/a/1.json");
        assert_eq!(related_features("es/"), "data/es/related.json");
        for path in [SITE, REDIRECTS, MEDIA_DIR] {
            assert!(path.starts_with(DATA_DIR));
        }
    }
}
