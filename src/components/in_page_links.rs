//! Links to a place on the same page (`#heading`, footnotes, the skip link): left to the
//! browser, as without the app.
//!
//! The router would take `#x`, or a full `/posts/x/#y` link to the page itself, for a
//! navigation to the page it is on. The browser does what a reader expects of them:
//! scrolls to the target, moves the keyboard's focus there and puts the address in the
//! history, and static pages get the same from it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Keeps clicks on links into the current page from the router (whose listener is on
/// the window, after the document's). Called once, when the app mounts.
pub fn leave_in_page_links_to_the_browser() {
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(|event: web_sys::MouseEvent| {
        if is_in_page_link(&event) {
            event.stop_propagation();
        }
    });
    let _ = document().add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_click.forget();
}

/// Whether `event` is a plain click on a link to a fragment of the current page.
fn is_in_page_link(event: &web_sys::MouseEvent) -> bool {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return false;
    }
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href]").ok().flatten())
    else {
        return false;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    let path = window().location().pathname().unwrap_or_default();
    match href.split_once('#') {
        Some(("", _)) => true,
        Some((target, _)) => target == path,
        None => false,
    }
}
