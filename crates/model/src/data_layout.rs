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

/// The path part of the site's base URL, with its trailing slash: `/blog/` for
/// `https://example.com/blog/`, `/` for `/`.
pub fn base_path(base_url: &str) -> String {
    let path = match base_url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |at| &rest[at..]),
        None => base_url,
    };
    let mut path = path.to_owned();
    if !path.starts_with('/') {
        path.insert(0, '/');
    }
    if !path.ends_with('/') {
        path.push('/');
    }
    path
}

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
    /// A page that is not a post (About, Archive), at its own path (`about`,
    /// `talks/2024`), which starts with no word of the other routes nor a language.
    Single(&'a str),
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
        Page::Single(path) => format!("{prefix}{path}/"),
    }
}

/// A route read back from its path: the page, and the language segment it is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedRoute<'a> {
    /// The first segment when the route is under one (`es` in `es/posts/x/`); whether it
    /// is a language of the site is for the caller to check.
    pub language: Option<&'a str>,
    pub page: Page<'a>,
}

/// The page a route path (relative to the site's root, as [`route`] writes it; slashes
/// around it optional) stands for, or `None` when it stands for no page.
pub fn parse_route(path: &str) -> Option<ParsedRoute<'_>> {
    let path = path.trim_matches('/');
    let segments: Vec<&str> = if path.is_empty() {
        Vec::new()
    } else {
        path.split('/').collect()
    };
    if let Some(page) = parse_page(&segments) {
        return Some(ParsedRoute {
            language: None,
            page,
        });
    }
    let (language, rest) = segments.split_first()?;
    if language.is_empty() || ROUTE_WORDS.contains(language) {
        return None;
    }
    Some(ParsedRoute {
        language: Some(language),
        page: parse_page(rest)?,
    })
}

/// [`parse_route`], where a path of no other route is a [`Page::Single`] when
/// `is_language` says its first segment is not one of the site's languages (or is, and
/// the rest is the page's path in that language).
pub fn parse_route_with_pages<'a>(
    path: &'a str,
    is_language: &dyn Fn(&str) -> bool,
) -> Option<ParsedRoute<'a>> {
    let path = path.trim_matches('/');
    let single = |language, rest: &'a str| {
        let first = rest.split('/').next().unwrap_or_default();
        (!rest.is_empty() && !ROUTE_WORDS.contains(&first) && first != DATA_DIR).then_some(
            ParsedRoute {
                language,
                page: Page::Single(rest),
            },
        )
    };
    match parse_route(path) {
        Some(route) if route.language.is_none_or(is_language) => Some(route),
        _ => match path.split_once('/') {
            Some((language, rest)) if is_language(language) => single(Some(language), rest),
            _ => single(None, path),
        },
    }
}

/// The fixed words of routes, which no language prefix nor page can be.
pub const ROUTE_WORDS: &[&str] = &["author", "category", "page", "posts", "tag"];

/// The page of route segments without a language prefix.
fn parse_page<'a>(segments: &[&'a str]) -> Option<Page<'a>> {
    // Page numbers as `route` writes them: digits, no leading zero.
    let number = |n: &str| {
        let digits = n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0');
        n.parse::<u32>().ok().filter(|_| digits)
    };
    let id = |id: &'a str| Some(id).filter(|id| !id.is_empty());
    match *segments {
        [] => Some(Page::Home(1)),
        ["page", n] => Some(Page::Home(number(n)?)),
        ["posts", slug] => Some(Page::Post(id(slug)?)),
        ["category", c] => Some(Page::Category(id(c)?, 1)),
        ["category", c, "page", n] => Some(Page::Category(id(c)?, number(n)?)),
        ["tag", t] => Some(Page::Tag(id(t)?, 1)),
        ["tag", t, "page", n] => Some(Page::Tag(id(t)?, number(n)?)),
        ["author", a] => Some(Page::Author(id(a)?, 1)),
        ["author", a, "page", n] => Some(Page::Author(id(a)?, number(n)?)),
        _ => None,
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
        Page::Single(path) => format!("{DATA_DIR}/{prefix}pages/{path}.json"),
    }
}

/// The sitemap, at the site's root.
pub const SITEMAP: &str = "sitemap.xml";

/// The instructions for crawlers, at the site's root.
pub const ROBOTS: &str = "robots.txt";

/// The HTTP headers of every file (Netlify and Cloudflare Pages syntax), at the site's
/// root.
pub const HEADERS: &str = "_headers";

/// The formats each language's feed is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeedFormat {
    Atom,
    Rss,
    Json,
}

impl FeedFormat {
    /// Every format, in the order pages link them.
    pub const ALL: [FeedFormat; 3] = [FeedFormat::Atom, FeedFormat::Rss, FeedFormat::Json];

    /// The file's name under a language's prefix.
    pub fn file_name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "atom.xml",
            FeedFormat::Rss => "rss.xml",
            FeedFormat::Json => "feed.json",
        }
    }

    /// The media type, for `<link rel="alternate" type>`.
    pub fn media_type(self) -> &'static str {
        match self {
            FeedFormat::Atom => "application/atom+xml",
            FeedFormat::Rss => "application/rss+xml",
            FeedFormat::Json => "application/feed+json",
        }
    }

    /// The format's name, as readers know it.
    pub fn name(self) -> &'static str {
        match self {
            FeedFormat::Atom => "Atom",
            FeedFormat::Rss => "RSS",
            FeedFormat::Json => "JSON Feed",
        }
    }
}

/// The feed of a language's posts in `format`, relative to the site's root
/// (`atom.xml`, `es/atom.xml`).
pub fn feed(prefix: &str, format: FeedFormat) -> String {
    format!("{prefix}{}", format.file_name())
}

/// The related-posts features of a language (JSON Lines: [`crate::feature_lines`]).
pub fn related_features(prefix: &str) -> String {
    format!("{DATA_DIR}/{prefix}related.jsonl")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_path_is_the_path_of_the_base_url() {
        assert_eq!(base_path("https://example.com/blog/"), "/blog/");
        assert_eq!(base_path("https://example.com"), "/");
        assert_eq!(base_path("http://127.0.0.1:8080/blog"), "/blog/");
        assert_eq!(base_path("/"), "/");
    }

    #[test]
    fn feeds_live_under_their_language_prefix() {
        assert_eq!(feed("", FeedFormat::Atom), "atom.xml");
        assert_eq!(feed("es/", FeedFormat::Rss), "es/rss.xml");
        assert_eq!(feed("es/", FeedFormat::Json), "es/feed.json");
    }

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
    fn routes_read_back_as_the_pages_they_were_written_for() {
        let pages = [
            Page::Home(1),
            Page::Home(3),
            Page::Post("hola"),
            Page::Category("automation", 1),
            Page::Category("automation", 2),
            Page::Tag("whatsapp", 1),
            Page::Tag("whatsapp", 4),
            Page::Author("laura-gomez", 1),
            Page::Author("laura-gomez", 2),
        ];
        for page in pages {
            for (prefix, language) in [("", None), ("es/", Some("es"))] {
                let path = route(prefix, page);
                assert_eq!(
                    parse_route(&path),
                    Some(ParsedRoute { language, page }),
                    "{path}"
                );
                assert_eq!(
                    parse_route(&format!("/{path}")),
                    Some(ParsedRoute { language, page })
                );
            }
        }
    }

    #[test]
    fn paths_of_no_other_route_are_pages_where_no_language_is() {
        let is_language = |code: &str| code == "es";
        let parsed = |path| parse_route_with_pages(path, &is_language);
        let single = |language, path| {
            Some(ParsedRoute {
                language,
                page: Page::Single(path),
            })
        };
        assert_eq!(parsed("/about/"), single(None, "about"));
        assert_eq!(parsed("talks/2024/"), single(None, "talks/2024"));
        assert_eq!(parsed("es/privacidad/"), single(Some("es"), "privacidad"));
        assert_eq!(
            parsed("es/"),
            Some(ParsedRoute {
                language: Some("es"),
                page: Page::Home(1)
            })
        );
        assert_eq!(parsed("posts/a/"), parse_route("posts/a/"));
        for no_page in ["posts/", "tag/x/y/", "data/x/", "es/posts/", ""] {
            assert_eq!(
                parsed(no_page).map(|r| r.page),
                parse_route(no_page).map(|r| r.page),
                "{no_page}"
            );
        }
        assert_eq!(route("es/", Page::Single("privacidad")), "es/privacidad/");
        assert_eq!(
            document("", Page::Single("talks/2024")),
            "data/pages/talks/2024.json"
        );
    }

    #[test]
    fn paths_of_no_page_read_as_none() {
        for path in [
            "posts/",
            "posts/a/b/",
            "page/0/",
            "page/x/",
            "page/-1/",
            "es/page/",
            "category/a/page/",
            "nothing/here/at/all/",
            "es/es/posts/a/",
            "page/02/",
            "page/+2/",
            "posts/page/2/",
        ] {
            assert_eq!(parse_route(path), None, "{path}");
        }
        assert_eq!(
            parse_route("fr/"),
            Some(ParsedRoute {
                language: Some("fr"),
                page: Page::Home(1)
            }),
            "the caller checks the language"
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
        assert_eq!(related_features("es/"), "data/es/related.jsonl");
        for path in [SITE, REDIRECTS, MEDIA_DIR] {
            assert!(path.starts_with(DATA_DIR));
        }
    }
}
