//! A post's article: back link, title, dek, date and body.

use folio_model::PostDocument;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::calendar_date;
use crate::site_base::SiteBase;

/// The article of one post.
#[component]
pub fn PostArticle(post: PostDocument) -> impl IntoView {
    let home = expect_context::<SiteBase>().href("");
    let summary = post.summary;
    view! {
        <article class="post" aria-labelledby="post-title">
            <p class="back-link">
                <A href=home>"Back to blog"</A>
            </p>
            <h1 id="post-title">{summary.title}</h1>
            <p class="dek">{summary.description}</p>
            <p class="byline">
                <time datetime=summary.published.clone()>{calendar_date(&summary.published).to_owned()}</time>
                " · "
                {format!("{} min read", summary.reading_minutes)}
            </p>
            <div class="post-body" inner_html=post.body_html></div>
        </article>
    }
}
