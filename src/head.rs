//! The document's head as the current route wants it: title, language, and the
//! elements (description, canonical, hreflang alternates, Open Graph, Twitter card,
//! JSON-LD), which the compiler writes as HTML into each route's document with
//! `folio_model::head`, as it writes them into the static pages.
//!
//! Every element this module writes carries `data-folio-head`, so that the next route
//! replaces exactly those and leaves the rest of `index.html` alone.

use folio_model::head::PageHead;
use leptos::prelude::document;
use wasm_bindgen::JsCast;

const MARK: &str = "data-folio-head";

/// Replaces the route-specific part of the head with `page_head`.
pub fn apply(page_head: &PageHead) {
    if cfg!(feature = "ssr") {
        // Static pages write their head themselves.
        return;
    }
    let document = document();
    document.set_title(&page_head.title);
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", &page_head.language);
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
    let _ = head.insert_adjacent_html("beforeend", &page_head.html);
}
