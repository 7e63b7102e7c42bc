//! What a page shows when its data cannot be had: the reason and a Retry button.

use leptos::prelude::*;

use crate::data::LoadError;

/// The error message of a failed load, with a button that tries again.
#[component]
pub fn ErrorState(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    view! {
        <section class="error-state" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>{format!("Reason: {error}.")}</p>
            <button type="button" on:click=move |_| retry()>
                "Retry"
            </button>
        </section>
    }
}
