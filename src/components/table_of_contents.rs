//! The table of contents of a long post.

use folio_model::TocEntry;
use leptos::prelude::*;

use crate::components::in_page_links;
use crate::locale::Locale;

/// The post's `##` and `###` headings as links (the compiler leaves the list empty for
/// short posts, and then nothing shows). `path` is the post's own address: links are
/// written in full, because the page's `<base href>` would send `#id` to the home page.
#[component]
pub fn TableOfContents(toc: Vec<TocEntry>, path: String, locale: Locale) -> impl IntoView {
    (!toc.is_empty()).then(|| {
        let labels = locale.labels();
        view! {
            <nav class="toc" aria-labelledby="toc-title" on:click=in_page_links>
                <h2 id="toc-title">{labels.on_this_page}</h2>
                <ol>
                    {toc
                        .into_iter()
                        .map(|entry| {
                            view! {
                                <li class=format!("toc-level-{}", entry.level)>
                                    <a href=format!("{path}#{}", entry.id)>{entry.title}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        }
    })
}
