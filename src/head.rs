//! The document's head as the current route wants it: title, language, description,
//! canonical, hreflang alternates, Open Graph, Twitter card and JSON-LD, all computed by
//! `folio_model::head` (which the static pages use too) and written here into the DOM.
//!
//! Every element this module writes carries `data-folio-head`, so that the next route
//! replaces exactly those and leaves the rest of `index.html` alone.

use folio_model::head::HeadTags;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

const MARK: &str = "data-folio-head";

/// Replaces the route-specific part of the head with `tags`.
pub fn apply(tags: &HeadTags) {
    if cfg!(feature = "ssr") {
        // Static pages write their head themselves.
        return;
    }
    let document = document();
    document.set_title(&tags.title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", &tags.language);
    }
    let Some(head) = document.head() else {
        return;
    };
    if let Ok(old) = head.query_selector_all(&format!("[{MARK}]")) {
        for i in 0..old.length() {
            if let Some(element) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                element.remove();
            }
        }
    }
    // The same elements the static pages carry, from the same function.
    let _ = head.insert_adjacent_html("beforeend", &tags.to_html());
}
