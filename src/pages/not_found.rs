//! The 404 page, for unknown routes, unknown posts and unknown languages.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::locale::Locale;
use crate::pages::KnownSite;
use crate::site_base::SiteBase;
use crate::{head, navigation};

/// What a reader sees at an address that has no page, in the language of the address.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let path = use_location().pathname;
    let site = expect_context::<KnownSite>().0;
    let locale = move || {
        let base = base.clone();
        match site.get() {
            Some(site) => {
                let locale = Locale::of_path(&site, base.route_path(&path.get()), base.clone());
                if let Some(language) = site.languages.iter().find(|l| l.code == locale.code) {
                    head::apply(&language.not_found_head);
                }
                locale
            }
            _ => Locale::fallback(base),
        }
    };
    navigation::page_shown();
    move || {
        let locale = locale();
        let labels = locale.labels();
        view! {
            <section class="not-found page-intro" aria-labelledby="not-found-title">
                <p class="eyebrow">"404"</p>
                <h1 id="not-found-title">{labels.not_found_title}</h1>
                <p class="dek">{labels.not_found_text}</p>
                <p>
                    <a class="button" href=locale.href(folio_model::data_layout::Page::Home(1))>
                        {labels.go_home}
                    </a>
                </p>
            </section>
        }
    }
}
