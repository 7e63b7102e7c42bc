//! A listing page: its heading (the blog, a category, a tag or an author), its cards and
//! the links to the other pages of the listing.

use folio_model::{Listing, ListingPage, SiteDocument};
use leptos::prelude::*;

use crate::components::PostCard;
use crate::locale::Locale;

/// One page of a listing.
#[component]
pub fn ListingView(site: SiteDocument, locale: Locale, listing: ListingPage) -> impl IntoView {
    let labels = locale.labels();
    let (eyebrow, description, bio_html) = match &listing.listing {
        Listing::Home => {
            let language = site.languages.iter().find(|l| l.code == locale.code);
            (None, language.map(|l| l.description.clone()), None)
        }
        Listing::Category(id) => {
            let category = site.categories.iter().find(|c| &c.id == id);
            (
                Some(labels.category),
                category.map(|c| c.description.clone()),
                None,
            )
        }
        Listing::Tag(_) => (Some(labels.tag), None, None),
        Listing::Author(id) => {
            let author = site.authors.iter().find(|a| &a.id == id);
            (
                Some(labels.author),
                author.map(|a| a.role.clone()),
                author.map(|a| a.bio_html.clone()),
            )
        }
    };
    let page_of =
        (listing.total_pages > 1).then(|| (labels.page_of)(listing.page, listing.total_pages));
    let posts = listing
        .posts
        .into_iter()
        .map(|post| view! { <PostCard post locale=locale.clone() /> })
        .collect_view();
    view! {
        <section class="listing" aria-labelledby="listing-title">
            <header class="page-intro">
                {eyebrow.map(|e| view! { <p class="eyebrow">{e}</p> })}
                <h1 id="listing-title">{listing.title}</h1>
                {description.filter(|d| !d.is_empty()).map(|d| view! { <p class="dek">{d}</p> })}
                {bio_html.filter(|b| !b.is_empty()).map(|b| view! { <div class="author-bio" inner_html=b></div> })}
                <p class="listing-count">
                    {(labels.posts_count)(listing.total_posts)}
                    {page_of.map(|p| format!(" · {p}"))}
                </p>
            </header>
            {if listing.total_posts == 0 {
                view! { <p class="empty">{labels.no_posts}</p> }.into_any()
            } else {
                view! { <ul class="post-list">{posts}</ul> }.into_any()
            }}
            <Pagination listing=listing.listing page=listing.page total_pages=listing.total_pages locale />
        </section>
    }
}

/// Links to the newer and older pages of a listing.
#[component]
fn Pagination(listing: Listing, page: u32, total_pages: u32, locale: Locale) -> impl IntoView {
    let labels = locale.labels();
    let href = move |n: u32| locale.href(listing.page(n));
    (total_pages > 1).then(|| {
        view! {
            <nav class="pagination" aria-label=labels.pagination>
                {(page > 1).then(|| view! { <a class="newer" rel="prev" href=href(page - 1)>{labels.newer_posts}</a> })}
                <span class="page-of">{(labels.page_of)(page, total_pages)}</span>
                {(page < total_pages).then(|| view! { <a class="older" rel="next" href=href(page + 1)>{labels.older_posts}</a> })}
            </nav>
        }
    })
}
