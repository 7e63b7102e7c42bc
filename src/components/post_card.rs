//! A post as a card in a list: its hero, category, title, dek, author, date and reading
//! time.

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
    // The compiler's markup of the hero as a card shows it: the hero's sizes and
    // formats, lazy, cut to the card's frame.
    let image = post
        .image
        .map(|image| view! { <div class="post-card-image" inner_html=image.html></div> });
    let category = post
        .category
        .map(|category| view! { <CategoryLabel category locale=locale.clone() /> });

    view! {
        <li class="post-card">
            {image}
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

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use folio_model::Term;
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    use super::*;
    use crate::site_base::SiteBase;

    wasm_bindgen_test_configure!(run_in_browser);

    fn summary() -> PostSummary {
        PostSummary {
            slug: "hola".into(),
            language: "es".into(),
            title: "Hola".into(),
            description: "Un primer artículo.".into(),
            excerpt: "Un primer artículo.".into(),
            published: "2026-03-14T00:00:00+01:00".into(),
            updated: None,
            word_count: 300,
            reading_minutes: 2,
            category: Some(Term {
                id: "automation".into(),
                name: "Automatización".into(),
            }),
            tags: vec![],
            authors: vec![Term {
                id: "ana".into(),
                name: "Ana".into(),
            }],
            image: None,
            draft: false,
        }
    }

    #[wasm_bindgen_test]
    fn a_card_links_under_the_site_base_in_its_language_and_prefetches_its_post() {
        let host = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&host).unwrap();
        let base = SiteBase::from_base_uri("http://h/blog/", "http://h");
        let locale = Locale::for_tests("es", "es/", base);
        let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
            view! { <ul><PostCard post=summary() locale /></ul> }
        });
        let attribute = |css: &str, name: &str| {
            host.query_selector(css)
                .unwrap()
                .unwrap_or_else(|| panic!("no {css}"))
                .get_attribute(name)
        };
        assert_eq!(
            attribute(".post-card-title a", "href").as_deref(),
            Some("/blog/es/posts/hola/")
        );
        assert_eq!(
            attribute(".post-card-title a", "data-prefetch").as_deref(),
            Some("data/es/posts/hola.json")
        );
        assert_eq!(
            attribute(".eyebrow a", "href").as_deref(),
            Some("/blog/es/category/automation/")
        );
        assert_eq!(
            attribute(".authors a", "href").as_deref(),
            Some("/blog/es/author/ana/")
        );
        assert_eq!(attribute("time", "datetime").as_deref(), Some("2026-03-14"));
        let text = host.text_content().unwrap_or_default();
        assert!(text.contains("14 mar 2026"), "{text}");
        assert!(text.contains("2 min de lectura"), "{text}");
        drop(handle);
    }
}
