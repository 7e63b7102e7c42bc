//! Posts to read next, under the article.

use folio_model::PostSummary;
use leptos::prelude::*;

use crate::components::PostCard;
use crate::locale::Locale;

/// Other posts to read, under the article; nothing until they are known, and nothing when
/// there are none. The article never waits for them.
#[component]
pub fn RelatedPosts(posts: Signal<Vec<PostSummary>>, locale: Locale) -> impl IntoView {
    let labels = locale.labels();
    move || {
        let posts = posts.get();
        let locale = locale.clone();
        (!posts.is_empty()).then(|| {
            view! {
                <section class="related-posts" aria-labelledby="related-title">
                    <h2 id="related-title">{labels.related_posts}</h2>
                    <ul class="post-list compact">
                        {posts
                            .into_iter()
                            .map(|post| view! { <PostCard post locale=locale.clone() heading_level=3 /> })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
