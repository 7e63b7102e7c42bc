//! The line under a post's dek: authors, published and updated dates, reading time.

use folio_model::PostSummary;
use folio_model::calendar::iso_date;
use leptos::prelude::*;

use crate::components::AuthorLinks;
use crate::locale::Locale;

/// Authors (linking to their pages), dates in `<time datetime>`, reading time.
#[component]
pub fn Byline(summary: PostSummary, locale: Locale) -> impl IntoView {
    let labels = locale.labels();

    let updated = summary.updated.as_ref().map(|updated| {
        view! {
            <span class="updated">
                {labels.updated} " "
                <time datetime=iso_date(updated).to_owned()>{locale.date(updated)}</time>
            </span>
        }
    });
    view! {
        <p class="byline">
            <AuthorLinks authors=summary.authors.clone() locale=locale.clone() />
            <time datetime=iso_date(&summary.published).to_owned()>{locale.date(&summary.published)}</time>
            {updated}
            <span class="reading-time">{(labels.minutes_read)(summary.reading_minutes)}</span>
        </p>
    }
}
