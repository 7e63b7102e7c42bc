//! The path the site is served under (`/` or a sub-path such as `/blog/`), and the links
//! built from it.
//!
//! A static page says it in `<html data-folio-base="/blog/">` (the compiler's
//! `static_pages`, from Trunk's public URL); a page without it (Trunk's bare
//! `index.html`) by its `<base href>`. The router matches routes under it, and links and
//! data URLs are built from it: every URL is a path from the host's root, so none depends
//! on the page's address or on a `<base>`.

use std::sync::Arc;

/// The site's base path, without a trailing slash: `""` at the root, `"/blog"` under
/// `/blog/`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteBase(Arc<str>);

impl SiteBase {
    /// The base path of a page whose base URL is `base_uri` and origin is `origin`.
    pub fn from_base_uri(base_uri: &str, origin: &str) -> Self {
        let path = base_uri.strip_prefix(origin).unwrap_or("/");
        let path = path.split(['?', '#']).next().unwrap_or_default();
        // A base URL that names a file (`/blog/index.html`) means its folder.
        let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        SiteBase(folder.trim_end_matches('/').into())
    }

    /// The base path of a site served under `path` (`/blog/`, `/`).
    pub fn from_path(path: &str) -> Self {
        SiteBase(path.trim_end_matches('/').into())
    }

    /// The base path of the current page: its `<html data-folio-base>`, else its
    /// `<base href>`.
    pub fn from_document() -> Self {
        let document = leptos::prelude::document();
        if let Some(path) = document
            .document_element()
            .and_then(|html| html.get_attribute("data-folio-base"))
        {
            return Self::from_path(&path);
        }
        let base_uri = document.base_uri().ok().flatten().unwrap_or_default();
        let origin = leptos::prelude::window()
            .location()
            .origin()
            .unwrap_or_default();
        Self::from_base_uri(&base_uri, &origin)
    }

    /// What the router strips from every path: `""` or `"/blog"`.
    pub fn router_base(&self) -> &str {
        &self.0
    }

    /// A path of the page's address (`/blog/posts/x/`) without the base path
    /// (`/posts/x/`), as the route grammar reads it.
    pub fn route_path<'a>(&self, path: &'a str) -> &'a str {
        path.strip_prefix(&*self.0).unwrap_or(path)
    }

    /// The absolute path of a route given relative to the site's root (`posts/x/`).
    pub fn href(&self, route: &str) -> String {
        format!("{}/{route}", self.0)
    }

    /// A URL of the content index as the page must write it: one relative to the site's
    /// root (`data/media/x.png`, `about/`) under the base path, any other as it is
    /// (`https://…`, `/elsewhere/`, `#x`, `mailto:…`).
    pub fn url(&self, url: &str) -> String {
        let scheme = url
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'));
        if url.is_empty() || url.starts_with(['/', '#', '?']) || scheme {
            url.to_owned()
        } else {
            self.href(url)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(uri: &str) -> SiteBase {
        SiteBase::from_base_uri(uri, "http://127.0.0.1:8080")
    }

    #[test]
    fn a_site_at_the_root_has_an_empty_base() {
        assert_eq!(base("http://127.0.0.1:8080/").router_base(), "");
        assert_eq!(base("http://127.0.0.1:8080/").href("posts/a/"), "/posts/a/");
    }

    #[test]
    fn a_site_under_a_sub_path_keeps_it() {
        let blog = base("http://127.0.0.1:8080/blog/");
        assert_eq!(blog.router_base(), "/blog");
        assert_eq!(blog.href(""), "/blog/");
        assert_eq!(blog.href("posts/a/"), "/blog/posts/a/");
    }

    #[test]
    fn route_paths_are_read_without_the_base() {
        let blog = base("http://127.0.0.1:8080/blog/");
        assert_eq!(blog.route_path("/blog/posts/a/"), "/posts/a/");
        assert_eq!(
            base("http://127.0.0.1:8080/").route_path("/posts/a/"),
            "/posts/a/"
        );
    }

    #[test]
    fn site_relative_urls_go_under_the_base_and_others_stay() {
        let blog = SiteBase::from_path("/blog/");
        assert_eq!(blog.url("data/media/a.png"), "/blog/data/media/a.png");
        assert_eq!(blog.url("about/"), "/blog/about/");
        for kept in ["https://x.example/a", "/shop/", "#top", "mailto:a@b.c", ""] {
            assert_eq!(blog.url(kept), kept);
        }
    }

    #[test]
    fn a_base_naming_a_file_means_its_folder() {
        assert_eq!(
            base("http://127.0.0.1:8080/blog/index.html?x#y").router_base(),
            "/blog"
        );
    }

    #[test]
    fn a_base_from_another_origin_falls_back_to_the_root() {
        assert_eq!(base("https://cdn.example/x/").router_base(), "");
    }
}
