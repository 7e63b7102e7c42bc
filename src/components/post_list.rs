//! The list of post cards on listing pages.

use folio_model::PostSummary;
use folio_model::data_layout::{Page, route};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::calendar_date;
use crate::site_base::SiteBase;

/// Posts as cards: title linking to the post, dek and date.
#[component]
pub fn PostList(posts: Vec<PostSummary>) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    view! {
        <ul class="post-list">
            {posts
                .into_iter()
                .map(|post| {
                    let href = base.href(&route("", Page::Post(&post.slug)));
                    view! {
                        <li class="post-card">
                            <h2>
                                <A href=href>{post.title}</A>
                            </h2>
                            <p class="dek">{post.description}</p>
                            <time datetime=post.published.clone()>{calendar_date(&post.published).to_owned()}</time>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use leptos::prelude::*;
    use leptos_router::components::Router;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn cards_link_to_posts_under_the_site_base() {
        let host = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let posts = vec![PostSummary {
            slug: "hello".into(),
            language: "en".into(),
            title: "Hello".into(),
            description: "A first post.".into(),
            excerpt: "A first post.".into(),
            published: "2026-03-14T00:00:00+01:00".into(),
            updated: None,
            word_count: 3,
            reading_minutes: 1,
            category: None,
            tags: vec![],
            authors: vec![],
            image: None,
            draft: false,
        }];
        let site_base = SiteBase::from_base_uri("http://h/blog/", "http://h");
        let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            provide_context(site_base);
            view! {
                <Router base="/blog">
                    <PostList posts />
                </Router>
            }
        });
        let link = host
            .query_selector(".post-card a")
            .unwrap()
            .expect("a card link");
        assert_eq!(
            link.get_attribute("href").as_deref(),
            Some("/blog/posts/hello/")
        );
        assert_eq!(link.text_content().as_deref(), Some("Hello"));
        drop(handle);
    }
}
