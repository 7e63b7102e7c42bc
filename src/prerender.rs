//! A route rendered to static HTML at build time, from the app's own components (the
//! `ssr` feature): what the content compiler writes as `<route>/index.html`. The data is
//! handed in whole ([`Preloaded`]), so nothing is fetched and nothing waits.

use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::App;
use crate::pages::Preloaded;
use crate::site_base::SiteBase;

/// The HTML the app's body holds for the route at `path` (the address's whole path,
/// base path included: `/blog/posts/x/`).
pub fn render_body(site_base: SiteBase, path: &str, preloaded: Preloaded) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(preloaded);
        view! { <App site_base /> }.to_html()
    });
    owner.cleanup();
    html
}
