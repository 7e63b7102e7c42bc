//! The path the site is served under (`/` or a sub-path such as `/blog/`), and the links
//! built from it.
//!
//! The page's `<base href>` (filled by Trunk from its public URL) is the one source: the
//! router matches routes under it, links are built from it, and data URLs are resolved
//! against it by the browser.

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

    /// The base path of the current page, from its `<base href>`.
    pub fn from_document() -> Self {
        let document = leptos::prelude::document();
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
