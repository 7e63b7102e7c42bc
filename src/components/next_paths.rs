//! The "Next paths" block: where a reader goes after the article.

use folio_model::NextPaths;
use leptos::prelude::*;

use crate::locale::Locale;

/// Heading, intro and links to the pages that matter next.
#[component]
pub fn NextPathsBlock(next_paths: NextPaths, locale: Locale) -> impl IntoView {
    let labels = locale.labels();
    (!next_paths.links.is_empty()).then(|| {
        view! {
            <section class="next-paths" aria-labelledby="next-paths-title">
                <p class="eyebrow">{labels.next_paths}</p>
                <h2 id="next-paths-title">{next_paths.heading}</h2>
                <p class="next-paths-intro">{next_paths.intro}</p>
                <ul>
                    {next_paths
                        .links
                        .into_iter()
                        .map(|link| {
                            view! {
                                <li>
                                    <a href=locale.url(&link.href)>{link.title}</a>
                                    <p>{link.description}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
