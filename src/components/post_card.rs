//! A post as a card in a list: category, title, dek, author, date and reading time.

use folio_model::PostSummary;
use folio_model::calendar::iso_date;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::components::{AuthorLinks, CategoryLabel};
use crate::data;
use crate::locale::Locale;

/// One post in a list. Its title links to the post and starts loading the post's data
/// when the reader points at it, focuses it or touches it.
#[component]
pub fn PostCard(
    post: PostSummary,
    locale: Locale,
    /// The level of the title's heading: 2 on listing pages, 3 under a section heading.
    #[prop(default = 2)]
    heading_level: u8,
) -> impl IntoView {
    let labels = locale.labels();
    let href = locale.href(Page::Post(&post.slug));
    let prefetch = data::post_path(&locale.prefix, &post.slug);
    let link = view! { <a href=href data-prefetch=prefetch>{post.title}</a> };
    let title = if heading_level == 3 {
        view! { <h3 class="post-card-title">{link}</h3> }.into_any()
    } else {
        view! { <h2 class="post-card-title">{link}</h2> }.into_any()
    };
    let category = post
        .category
        .map(|category| view! { <CategoryLabel category locale=locale.clone() /> });

    view! {
        <li class="post-card">
            {category}
            {title}
            <p class="dek">{post.excerpt}</p>
            <p class="byline">
                <AuthorLinks authors=post.authors.clone() locale=locale.clone() />
                <time datetime=iso_date(&post.published).to_owned()>{locale.date(&post.published)}</time>
                <span class="reading-time">{(labels.minutes_read)(post.reading_minutes)}</span>
            </p>
        </li>
    }
}
