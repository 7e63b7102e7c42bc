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
    without_hydration_markers(&html)
}

/// The comments Leptos writes for hydration, to find its text nodes and empty views
/// again in server-rendered HTML: `<!>` (a "bogus comment" to HTML's validators) and
/// `<!--<() />-->`. The app replaces a static page rather than hydrating it, so they
/// serve nothing. Text and attributes never hold them: Leptos escapes `<` there, and
/// bodies reach it sanitized, with no comments.
fn without_hydration_markers(html: &str) -> String {
    const MARKERS: [&str; 2] = ["<!>", "<!--<() />-->"];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match MARKERS.iter().find(|marker| rest.starts_with(**marker)) {
            Some(marker) => rest = &rest[marker.len()..],
            None => {
                out.push_str("<!");
                rest = &rest[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hydration_markers_are_left_out_and_nothing_else() {
        assert_eq!(
            without_hydration_markers("<p>a<!>b</p><!--<() />--><!-- kept --><!doctype>"),
            "<p>ab</p><!-- kept --><!doctype>"
        );
    }
}
