//! The post page: one article, in the route's language.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use folio_model::data_layout::Page;
use folio_model::related::{Reason, RelatedIndex};
use folio_model::{PostDocument, RelatedFeatures, SiteDocument};
use leptos::prelude::*;

use crate::components::{PostArticle, RelatedCard};
use crate::data::{self, LoadError};
use crate::locale::Locale;
use crate::pages::{Loaded, Preloaded, Related};
use crate::{head, navigation};

/// The post page over its data.
pub(super) fn view(loaded: Loaded<PostDocument>) -> AnyView {
    let related = related_posts(&loaded);
    head::apply(&loaded.document.head);
    navigation::page_shown();
    view! { <PostArticle site=loaded.site locale=loaded.locale post=loaded.document related /> }
        .into_any()
}

/// The post's related posts, ranked in the browser from the language's features. The
/// features load once the article is on screen, and once per language per visit. A static
/// page (see `prerender`) comes with them ranked at build time by the same code: taking
/// it over keeps them, and loads no features.
fn related_posts(loaded: &Loaded<PostDocument>) -> Related {
    let related = RwSignal::new(Vec::new());
    let site = loaded.site.clone();
    let locale = loaded.locale.clone();
    let slug = loaded.document.summary.slug.clone();
    let alternates: Vec<String> = loaded
        .document
        .alternates
        .iter()
        .map(|a| a.slug.clone())
        .collect();
    if cfg!(feature = "ssr") {
        if let Some(index) = use_context::<Preloaded>().and_then(|p| p.related) {
            related.set(related_cards(&index, &slug, &alternates, &site, &locale));
        }
        return related.into();
    }
    if let Some(cards) = navigation::static_related_cards() {
        related.set(cards);
        return related.into();
    }
    request_animation_frame(move || {
        leptos::task::spawn_local(async move {
            let Ok(index) = related_index(&locale.prefix).await else {
                // Without features there is nothing to rank: the block stays away.
                return;
            };
            let cards = related_cards(&index, &slug, &alternates, &site, &locale);
            // The reader may have moved on, and the page with it.
            let _ = related.try_set(cards);
        });
    });
    related.into()
}

/// The cards of the posts related to `slug`, never one of its `alternates`.
fn related_cards(
    index: &RelatedIndex,
    slug: &str,
    alternates: &[String],
    site: &SiteDocument,
    locale: &Locale,
) -> Vec<RelatedCard> {
    let exclude: Vec<&str> = alternates.iter().map(String::as_str).collect();
    index
        .related(slug, &exclude, &site.related)
        .into_iter()
        .map(|related| RelatedCard {
            title: related.post.title.clone(),
            href: locale.href(Page::Post(&related.post.slug)),
            prefetch: data::post_path(&locale.prefix, &related.post.slug),
            reason: reason_text(&related.reason, site, index.features(), locale),
        })
        .collect()
}

thread_local! {
    /// The ranking index of each language's features, built once per visit.
    static INDEXES: RefCell<HashMap<String, Rc<RelatedIndex>>> = RefCell::default();
}

async fn related_index(prefix: &str) -> Result<Rc<RelatedIndex>, LoadError> {
    if let Some(index) = INDEXES.with(|i| i.borrow().get(prefix).cloned()) {
        return Ok(index);
    }
    let index = Rc::new(data::related_index(prefix).await?);
    INDEXES.with(|i| i.borrow_mut().insert(prefix.to_owned(), index.clone()));
    Ok(index)
}

/// Why a related post is there, in the reader's language.
fn reason_text(
    reason: &Reason,
    site: &SiteDocument,
    features: &RelatedFeatures,
    locale: &Locale,
) -> String {
    let labels = locale.labels();
    match reason {
        Reason::Pinned => labels.reason_pinned.to_owned(),
        Reason::SharedTags(ids) => {
            let names: Vec<&str> = ids
                .iter()
                .map(|id| {
                    features
                        .tags
                        .iter()
                        .find(|t| &t.id == id)
                        .map_or(id.as_str(), |t| t.name.as_str())
                })
                .collect();
            (labels.reason_tags)(&names.join(", "))
        }
        Reason::SameCategory(id) => {
            let name = site
                .categories
                .iter()
                .find(|c| &c.id == id)
                .map_or(id.as_str(), |c| c.name.as_str());
            (labels.reason_category)(name)
        }
        Reason::SameAuthor(id) => {
            let name = site
                .authors
                .iter()
                .find(|a| &a.id == id)
                .map_or(id.as_str(), |a| a.name.as_str());
            (labels.reason_author)(name)
        }
        Reason::SimilarTopic => labels.reason_topic.to_owned(),
        Reason::Recent => labels.reason_recent.to_owned(),
    }
}

/// The post `slug` in the language of route prefix `prefix`; when its document is
/// missing, tells a post that does not exist (the 404 page) from one the site lists but
/// whose data is missing (an error, with Retry).
pub(super) async fn load(prefix: String, slug: String) -> Result<PostDocument, LoadError> {
    match data::post(&prefix, &slug).await {
        Err(LoadError::NotFound) => match related_index(&prefix).await {
            Ok(index) if index.contains(&slug) => Err(LoadError::Missing),
            _ => Err(LoadError::NotFound),
        },
        result => result,
    }
}
