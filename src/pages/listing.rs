//! The listing pages: home, category, tag and author, each paged, in the route's language.

use folio_model::ListingPage;
use leptos::prelude::*;

use crate::components::ListingView;
use crate::data::{self, LoadError};
use crate::pages::{Loaded, Route, SiteResource, load_with_site};
use crate::{head, navigation};

/// The listing page of a route.
pub(super) async fn load(
    site: SiteResource,
    route: &Route,
) -> Result<Loaded<ListingPage>, LoadError> {
    load_with_site(site, route, data::listing(&route.prefix(), route.page())).await
}

/// The listing page over its data.
pub(super) fn view(loaded: Loaded<ListingPage>) -> AnyView {
    head::apply(&loaded.document.head);
    navigation::page_shown();
    view! { <ListingView site=loaded.site locale=loaded.locale listing=loaded.document /> }
        .into_any()
}
