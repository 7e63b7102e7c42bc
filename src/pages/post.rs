//! The post route: one article.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::{ErrorState, Loading, PostArticle};
use crate::data::{self, LoadError};
use crate::head;
use crate::pages::NotFoundPage;

/// `/posts/<slug>/`: the article, or the 404 page when no post has that slug.
#[component]
pub fn PostPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let post = LocalResource::new(move || {
        let slug = slug();
        async move { data::post("", &slug).await }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match post.await {
                    Ok(post) => {
                        head::set_title(&post.summary.title);
                        view! { <PostArticle post /> }.into_any()
                    }
                    Err(LoadError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => {
                        view! { <ErrorState error retry=move || post.refetch() /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}
