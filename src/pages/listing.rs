//! The listing pages: home, category, tag and author, each paged, in the route's language.

use folio_model::ListingPage;
use folio_model::data_layout::Page;
use leptos::prelude::*;

use crate::components::ListingView;
use crate::data::{self, LoadError};
use crate::pages::{Loaded, SiteResource, data_prefix, load_with_site};
use crate::{head, navigation};

/// The listing page `page` of a route under `language`.
pub(super) async fn load(
    site: SiteResource,
    language: Option<&str>,
    page: Page<'_>,
) -> Result<Loaded<ListingPage>, LoadError> {
    let prefix = data_prefix(language);
    load_with_site(site, language, data::listing(&prefix, page)).await
}

/// The listing page over its data.
pub(super) fn view(loaded: Loaded<ListingPage>) -> AnyView {
    head::apply(&loaded.document.head);
    navigation::page_shown();
    view! { <ListingView site=loaded.site locale=loaded.locale listing=loaded.document /> }
        .into_any()
}
