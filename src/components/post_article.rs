//! A post's page, top to bottom as the reference page has it: back link, category, title,
//! dek, byline, hero, body, table of contents, author cards, next paths, related posts and
//! the other languages of the post.

use folio_model::data_layout::Page;
use folio_model::{PostDocument, SiteDocument};
use leptos::prelude::*;

use crate::components::{
    AuthorCard, Byline, CategoryLabel, HeroImage, LanguageSwitcher, NextPathsBlock, RelatedCard,
    RelatedPosts, TableOfContents,
};
use crate::locale::Locale;

/// The article of one post, with what surrounds it.
#[component]
pub fn PostArticle(
    site: SiteDocument,
    locale: Locale,
    post: PostDocument,
    /// Posts to read next, which arrive after the article.
    related: Signal<Vec<RelatedCard>>,
) -> impl IntoView {
    let labels = locale.labels();
    let summary = post.summary;
    let category = summary
        .category
        .clone()
        .map(|category| view! { <CategoryLabel category locale=locale.clone() /> });
    let authors = post
        .author_cards
        .into_iter()
        .map(|author| view! { <AuthorCard author locale=locale.clone() /> })
        .collect_view();
    view! {
        <article class="post" aria-labelledby="post-title">
            <header class="post-header">
                <p class="back-link">
                    <a href=locale.href(Page::Home(1))>{labels.back_to_blog}</a>
                </p>
                {category}
                <h1 id="post-title">{summary.title.clone()}</h1>
                <p class="dek">{summary.description.clone()}</p>
                <Byline summary=summary.clone() locale=locale.clone() />
            </header>
            {summary.image.clone().map(|image| view! { <HeroImage image /> })}
            <div class="post-layout">
                <div class="post-body" inner_html=post.body_html></div>
                <TableOfContents toc=post.toc locale=locale.clone() />
            </div>
            <footer class="post-footer">
                {authors}
                <NextPathsBlock next_paths=post.next_paths locale=locale.clone() />
                <RelatedPosts posts=related locale=locale.clone() />
                <LanguageSwitcher alternates=post.alternates site locale />
            </footer>
        </article>
    }
}
