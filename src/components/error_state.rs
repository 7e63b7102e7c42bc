//! What a page shows when its data cannot be had: the reason and a Retry button.

use leptos::prelude::*;

use crate::components::loading::document_language;
use crate::data::LoadError;
use crate::labels::labels;

/// The error message of a failed load, with a button that tries again.
#[component]
pub fn ErrorState(error: LoadError, retry: impl Fn() + 'static) -> impl IntoView {
    let labels = labels(&document_language());
    // On a static page, the error replaces it too: the reader gets Retry, not a page
    // whose app has silently stopped.
    crate::navigation::page_shown();
    view! {
        <section class="error-state page-intro" role="alert">
            <h1>{labels.load_failed_title}</h1>
            <p class="dek">{format!("{error}.")}</p>
            <p>
                <button type="button" class="button" on:click=move |_| retry()>
                    {labels.retry}
                </button>
            </p>
        </section>
    }
}
