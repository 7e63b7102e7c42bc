//! The small label above a post's title that names its category and links to it.

use folio_model::Term;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::locale::Locale;

/// The category of a post, as a link to the category's page.
#[component]
pub fn CategoryLabel(category: Term, locale: Locale) -> impl IntoView {
    view! {
        <p class="eyebrow">
            <a href=locale.href(Page::Category(&category.id, 1))>{category.name}</a>
        </p>
    }
}
