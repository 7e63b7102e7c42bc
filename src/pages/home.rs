//! The home route: the site's posts, newest first.

use leptos::prelude::*;

use crate::components::{ErrorState, Loading, PostList};
use crate::data;

/// `/`: the list of published posts.
#[component]
pub fn HomePage() -> impl IntoView {
    let listing = LocalResource::new(data::listing);
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(listing) => {
                        set_document_title(&listing.site_title);
                        view! {
                            <section class="listing" aria-labelledby="listing-title">
                                <h1 id="listing-title">{listing.site_title}</h1>
                                <PostList posts=listing.posts />
                            </section>
                        }
                            .into_any()
                    }
                    Err(error) => {
                        view! { <ErrorState error retry=move || listing.refetch() /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

/// Sets the browser tab's title.
pub(crate) fn set_document_title(title: &str) {
    document().set_title(title);
}
