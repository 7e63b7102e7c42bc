//! What a reader expects of moving between pages: Back returns to where they were on the
//! page, a new page starts at the top (the router does that part), focus moves to the new
//! page's heading and its title is announced to screen readers, and links start loading
//! their page's data as soon as the reader points at them.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use leptos::ev;
use leptos::prelude::*;
use leptos_router::location::{BrowserUrl, LocationProvider};
use wasm_bindgen::JsCast;

use crate::components::RelatedCard;
use crate::data;

thread_local! {
    /// The last scroll position of every path visited, for Back and Forward.
    static POSITIONS: RefCell<HashMap<String, f64>> = RefCell::default();
    /// Where to scroll once the page a Back or Forward leads to is shown: its path and
    /// position. (A page of an earlier Back may still be arriving: it must not take it.)
    static RESTORE: RefCell<Option<(String, f64)>> = const { RefCell::new(None) };
    /// Whether a page was shown already: the first one keeps the browser's focus.
    static SHOWN_BEFORE: Cell<bool> = const { Cell::new(false) };
}

/// Starts remembering scroll positions and prefetching link targets. Called once, when
/// the app mounts.
pub fn install() {
    if let Ok(history) = window().history() {
        // The app restores positions itself, once the page's data is there.
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    // The listeners live as long as the page: their handles are never removed.
    window_event_listener(ev::scroll, |_| {
        POSITIONS.with(|positions| {
            positions
                .borrow_mut()
                .insert(current_path(), window().scroll_y().unwrap_or_default());
        });
    });
    window_event_listener(ev::popstate, |_| {
        // Read now: by the time the page is shown, scrolling may have overwritten it.
        let path = current_path();
        let position = POSITIONS.with(|positions| positions.borrow().get(&path).copied());
        RESTORE.set(Some((path, position.unwrap_or_default())));
    });
    let prefetch = |event: web_sys::Event| {
        let link = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[data-prefetch]").ok().flatten());
        if let Some(path) = link.and_then(|link| link.get_attribute("data-prefetch")) {
            data::prefetch(&path);
        }
    };
    window_event_listener(ev::pointerover, move |e| prefetch(e.into()));
    window_event_listener(ev::focusin, move |e| prefetch(e.into()));
    window_event_listener(ev::touchstart, move |e| prefetch(e.into()));
}

thread_local! {
    /// The static page the app replaces when its first page is shown, and the app's root.
    static TAKEOVER: RefCell<Option<(web_sys::Element, web_sys::Element)>> = RefCell::default();
}

/// Replaces `static_page` with `app` (rendered off-screen) once the app shows its first
/// page.
pub fn take_over(static_page: web_sys::Element, app: web_sys::Element) {
    TAKEOVER.set(Some((static_page, app)));
}

/// The related posts of the static page the app is taking over, as the build ranked
/// them (with the same code): read from its cards, so that the app shows the same ones
/// at once and loads no features. `None` once the static page is gone (client-side
/// navigation), or when it has none.
pub fn static_related_cards() -> Option<Vec<RelatedCard>> {
    let static_page = document()
        .query_selector("#folio[data-folio-static]")
        .ok()??;
    let cards = static_page.query_selector_all(".related-card").ok()?;
    let cards: Vec<RelatedCard> = (0..cards.length())
        .filter_map(|i| cards.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|card| {
            let link = card.query_selector("a").ok()??;
            Some(RelatedCard {
                title: link.text_content()?,
                href: link.get_attribute("href")?,
                prefetch: link.get_attribute("data-prefetch")?,
                reason: card
                    .query_selector(".related-reason")
                    .ok()??
                    .text_content()?,
            })
        })
        .collect();
    (!cards.is_empty()).then_some(cards)
}

/// Called by every page once its content is in the document.
pub fn page_shown() {
    if cfg!(feature = "ssr") {
        return;
    }
    // The router changes the address and scrolls to the top (or to the link's fragment)
    // once told that the new page is there (right after this task, which puts it in the
    // document): the reader never sees the old page scrolled, or under the new page's
    // address, while the new one loads.
    if let Some(router) = use_context::<BrowserUrl>() {
        router.ready_to_complete();
    }
    request_animation_frame(|| {
        if let Some((static_page, app)) = TAKEOVER.take() {
            // Before anything else, and before the browser paints: the app's page
            // replaces the static one it matches. The static page's loader starts the
            // app only once the browser has reported the page's largest contentful
            // paint (the compiler's `static_pages`): replaced before that report, the
            // static page's paint would be dropped and the app's counted instead.
            let _ = static_page.replace_with_with_node_1(&app);
        }
        let restore = RESTORE.with(|r| {
            let mut r = r.borrow_mut();
            match r.take() {
                Some((path, top)) if path == current_path() => Some(top),
                other => {
                    *r = other;
                    None
                }
            }
        });
        if let Some(top) = restore {
            window().scroll_to_with_x_and_y(0.0, top);
        }
        if SHOWN_BEFORE.replace(true) {
            focus_heading();
        }
    });
}

/// Moves focus to the page's main heading, which screen readers then read out, along with
/// the new title in the announcer.
fn focus_heading() {
    let document = document();
    let heading = document
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        let _ = heading.set_attribute("tabindex", "-1");
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = heading.focus_with_options(&options);
    }
    if let Some(announcer) = document.get_element_by_id("route-announcer") {
        announcer.set_text_content(Some(&document.title()));
    }
}

fn current_path() -> String {
    window().location().pathname().unwrap_or_default()
}
