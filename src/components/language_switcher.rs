//! Links to the same post in the site's other languages.

use folio_model::data_layout::Page;
use folio_model::{Alternate, SiteDocument};
use leptos::prelude::*;

use crate::locale::Locale;

/// "Read in Español" links, one per alternate; nothing when the post has none.
#[component]
pub fn LanguageSwitcher(
    alternates: Vec<Alternate>,
    site: SiteDocument,
    locale: Locale,
) -> impl IntoView {
    let labels = locale.labels();
    (!alternates.is_empty()).then(|| {
        let links = alternates
            .into_iter()
            .map(|alternate| {
                let name = site
                    .languages
                    .iter()
                    .find(|l| l.code == alternate.language)
                    .map_or(alternate.language.clone(), |l| l.name.clone());
                let href = locale.href_in(&site, &alternate.language, Page::Post(&alternate.slug));
                view! {
                    <li>
                        <a href=href hreflang=alternate.language>
                            {(labels.read_in)(&name)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <nav class="language-switcher" aria-label=labels.also_in>
                <p>{labels.also_in}</p>
                <ul>{links}</ul>
            </nav>
        }
    })
}
