//! Posts to read next, under the article, each with the reason it is there.

use leptos::prelude::*;

use crate::locale::Locale;

/// One related post as the reader sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct RelatedCard {
    pub title: String,
    pub href: String,
    /// The post's document, to load when the reader points at the link.
    pub prefetch: String,
    /// Why it is there: "Also in Automation", "Shares tags: whatsapp, retention".
    pub reason: String,
}

/// The related posts; nothing until they are known. The article never waits for them.
#[component]
pub fn RelatedPosts(posts: Signal<Vec<RelatedCard>>, locale: Locale) -> impl IntoView {
    let labels = locale.labels();
    move || {
        let posts = posts.get();
        (!posts.is_empty()).then(|| {
            view! {
                <section class="related-posts" aria-labelledby="related-title">
                    <h2 id="related-title">{labels.related_posts}</h2>
                    <ul class="related-list">
                        {posts
                            .into_iter()
                            .map(|post| {
                                view! {
                                    <li class="related-card">
                                        <a href=post.href data-prefetch=post.prefetch>{post.title}</a>
                                        <p class="related-reason">{post.reason}</p>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
