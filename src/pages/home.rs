//! The home route: the site's posts, newest first.

use leptos::prelude::*;

use crate::components::{ErrorState, Loading, PostList};
use crate::{data, head};

/// `/`: the list of published posts.
#[component]
pub fn HomePage() -> impl IntoView {
    let listing = LocalResource::new(|| data::home_page("", 1));
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match listing.await {
                    Ok(listing) => {
                        head::set_title(&listing.title);
                        view! {
                            <section class="listing" aria-labelledby="listing-title">
                                <h1 id="listing-title">{listing.title}</h1>
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
