//! The placeholder shown while a page's data loads: grey blocks shaped like the page, so
//! that nothing moves when the text arrives.

use leptos::prelude::*;

use crate::labels::labels;

/// A quiet placeholder that announces loading to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let labels = labels(&document_language());
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="visually-hidden">{labels.loading}</span>
            <div class="skeleton skeleton-eyebrow" aria-hidden="true"></div>
            <div class="skeleton skeleton-title" aria-hidden="true"></div>
            <div class="skeleton skeleton-title short" aria-hidden="true"></div>
            <div class="skeleton skeleton-line" aria-hidden="true"></div>
            <div class="skeleton skeleton-line" aria-hidden="true"></div>
            <div class="skeleton skeleton-line short" aria-hidden="true"></div>
        </div>
    }
}

/// The language of the page as it stands (`<html lang>`), for texts shown before the
/// site's data is there.
pub fn document_language() -> String {
    document()
        .document_element()
        .and_then(|root| root.get_attribute("lang"))
        .unwrap_or_default()
}
