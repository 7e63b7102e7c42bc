//! The card about a post's author: name, role, picture, bio and a link to their posts.

use folio_model::Author;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::locale::Locale;

/// One author of a post.
#[component]
pub fn AuthorCard(author: Author, locale: Locale) -> impl IntoView {
    let labels = locale.labels();
    let href = locale.href(Page::Author(&author.id, 1));
    let initials: String = author
        .name
        .split_whitespace()
        .filter_map(|word| word.chars().next())
        .take(2)
        .collect();
    let picture = match author.avatar {
        // The compiler's markup of it: a `<picture>` of its sizes and formats.
        Some(avatar) => view! { <span class="avatar" inner_html=avatar.html></span> }.into_any(),
        None => view! {
            <span class="avatar avatar-initials" role="img" aria-label=author.name.clone()>
                {initials}
            </span>
        }
        .into_any(),
    };
    view! {
        <section class="author-card" aria-label=author.name.clone()>
            <div class="author-card-head">
                <p class="author-name">
                    <a href=href.clone()>{author.name.clone()}</a>
                </p>
                {(!author.role.is_empty()).then(|| view! { <p class="author-role">{author.role.clone()}</p> })}
            </div>
            {picture}
            <div class="author-bio" inner_html=author.bio_html></div>
            <p class="author-more">
                <a href=href>{(labels.more_from)(&author.name)}</a>
            </p>
        </section>
    }
}
