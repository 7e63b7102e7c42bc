//! The post page: one article, in the route's language.

use folio_model::PostDocument;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::components::PostArticle;
use crate::data::{self, LoadError};
use crate::pages::{Loaded, Related, Route, SiteResource, load_with_site};
use crate::{head, navigation};

/// How many related posts show.
const RELATED_POSTS: usize = 3;

/// The post of a `posts/<slug>/` route.
pub(super) async fn load(
    site: SiteResource,
    route: &Route,
) -> Result<Loaded<PostDocument>, LoadError> {
    let Page::Post(slug) = route.page() else {
        return Err(LoadError::NotFound);
    };
    load_with_site(
        site,
        route,
        post_or_missing(route.prefix(), slug.to_owned()),
    )
    .await
}

/// The post page over its data.
pub(super) fn view(loaded: Loaded<PostDocument>) -> AnyView {
    let related = related_posts(&loaded);
    head::apply(&loaded.document.head);
    navigation::page_shown();
    view! { <PostArticle site=loaded.site locale=loaded.locale post=loaded.document related /> }
        .into_any()
}

/// Until the related-posts step ranks them: the newest posts of the same category,
/// loaded after the article, which never waits for them.
fn related_posts(loaded: &Loaded<PostDocument>) -> Related {
    let related = RwSignal::new(Vec::new());
    let summary = &loaded.document.summary;
    if let Some(category) = &summary.category {
        let (prefix, category, slug) = (
            loaded.locale.prefix.clone(),
            category.id.clone(),
            summary.slug.clone(),
        );
        leptos::task::spawn_local(async move {
            if let Ok(listing) = data::listing(&prefix, Page::Category(&category, 1)).await {
                let posts = listing
                    .posts
                    .into_iter()
                    .filter(|other| other.slug != slug)
                    .take(RELATED_POSTS)
                    .collect();
                // The reader may have moved on, and the page with it.
                let _ = related.try_set(posts);
            }
        });
    }
    related.into()
}

/// The post; when its document is missing, tells a post that does not exist (the 404
/// page) from one the site lists but whose data is missing (an error, with Retry).
async fn post_or_missing(prefix: String, slug: String) -> Result<PostDocument, LoadError> {
    match data::post(&prefix, &slug).await {
        Err(LoadError::NotFound) => match data::related_features(&prefix).await {
            Ok(features) if features.posts.iter().any(|p| p.slug == slug) => {
                Err(LoadError::Missing)
            }
            _ => Err(LoadError::NotFound),
        },
        result => result,
    }
}
