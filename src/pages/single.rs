//! Pages that are not posts (About, Archive). Their static page is their whole view:
//! at build time they are rendered from their document ([`view`], `ssr` only); in the
//! browser the app adopts the static page's content as it is ([`adopted`]) and follows a
//! link to another page with a full load, so the app carries no decoder of pages.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::head;
use crate::navigation;

/// The content of the static page the app is taking over, when there is one: the
/// reader is on the page's own static HTML.
pub(super) fn static_content() -> Option<String> {
    let main = document()
        .query_selector("#folio[data-folio-static] #main")
        .ok()??;
    Some(main.inner_html())
}

/// The page, as its static HTML has it.
pub(super) fn adopted(html: String) -> AnyView {
    navigation::page_shown();
    view! { <div class="adopted" inner_html=html></div> }.into_any()
}

/// Leaves the app for the page at `href`, loaded whole, as a new entry of the history
/// (the router changes the address only once a page shows, which this one never does
/// in the app), so Back returns to the page the reader left.
pub(super) fn load_whole(href: &str) {
    let _ = window().location().assign(href);
}

/// The page rendered from its document, for its static HTML.
#[cfg(feature = "ssr")]
pub(super) fn view(page: folio_model::PageDocument) -> AnyView {
    head::apply(&page.head);
    view! {
        <article class="post page" aria-labelledby="post-title">
            <header class="post-header">
                <h1 id="post-title">{page.title}</h1>
            </header>
            <div class="post-layout">
                <div class="post-body" inner_html=page.body_html></div>
            </div>
        </article>
    }
    .into_any()
}
