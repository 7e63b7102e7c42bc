//! The placeholder shown while a page's data loads.

use leptos::prelude::*;

/// A quiet placeholder that announces loading to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="loading" role="status" aria-live="polite">
            <span class="visually-hidden">"Loading…"</span>
        </div>
    }
}
