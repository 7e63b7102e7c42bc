//! The table of contents of a long post.

use folio_model::TocEntry;
use leptos::prelude::*;

use crate::locale::Locale;

/// The post's `##` and `###` headings as links (the compiler leaves the list empty for
/// short posts, and then nothing shows): `#id`, which stays on the page with or without
/// the app.
#[component]
pub fn TableOfContents(toc: Vec<TocEntry>, locale: Locale) -> impl IntoView {
    (!toc.is_empty()).then(|| {
        let labels = locale.labels();
        view! {
            <nav class="toc" aria-labelledby="toc-title">
                <h2 id="toc-title">{labels.on_this_page}</h2>
                <ol>
                    {toc
                        .into_iter()
                        .map(|entry| {
                            view! {
                                <li class=format!("toc-level-{}", entry.level)>
                                    <a href=format!("#{}", entry.id)>{entry.title}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
