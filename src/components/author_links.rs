//! The names of a post's authors, each linking to the author's page.

use folio_model::Term;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::locale::Locale;

/// "Ana Ruiz, Laura Gomez", each name a link.
#[component]
pub fn AuthorLinks(authors: Vec<Term>, locale: Locale) -> impl IntoView {
    let links = authors
        .into_iter()
        .enumerate()
        .map(|(i, author)| {
            view! {
                {(i > 0).then_some(", ")}
                <a href=locale.href(Page::Author(&author.id, 1))>{author.name}</a>
            }
        })
        .collect_view();
    view! { <span class="authors">{links}</span> }
}
