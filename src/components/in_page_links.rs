//! Links to a place on the same page (`#heading`, footnotes) inside a post.
//!
//! The page's `<base href>` is the site's root, so the browser resolves `href="#x"` to the
//! home page; and the router would treat a full `/posts/x/#y` link as a navigation. Both
//! are handled here instead: scroll to the target, and put its address in the history.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A click handler for a container whose links may point into the current page.
pub fn in_page_links(event: web_sys::MouseEvent) {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return;
    }
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
    else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    let fragment = match href.split_once('#') {
        Some(("", fragment)) => fragment,
        Some((target, fragment)) if target == path => fragment,
        _ => return,
    };
    let document = document();
    let Some(target) = document
        .get_element_by_id(fragment)
        .or_else(|| percent_decoded(fragment).and_then(|id| document.get_element_by_id(&id)))
    else {
        return;
    };
    event.prevent_default();
    event.stop_propagation();
    target.scroll_into_view();
    if let Ok(history) = window().history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.push_state_with_url(&state, "", Some(&format!("{path}#{fragment}")));
    }
}

fn percent_decoded(fragment: &str) -> Option<String> {
    js_sys::decode_uri_component(fragment)
        .ok()
        .map(String::from)
}
