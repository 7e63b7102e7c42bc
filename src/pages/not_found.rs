//! The 404 page, for unknown routes and unknown posts.

use leptos::prelude::*;

use crate::site_base::SiteBase;

/// What a reader sees at an address that has no page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let home = expect_context::<SiteBase>().href("");
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"Page not found"</h1>
            <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
            <p>
                <a href=home>"Go to the blog's home page"</a>
            </p>
        </section>
    }
}
