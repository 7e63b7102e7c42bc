//! The listing pages: home, category, tag and author, each paged, in the route's language.

use folio_model::ListingPage;
use leptos::prelude::*;

use crate::components::ListingView;
use crate::pages::Loaded;
use crate::{head, navigation};

/// The listing page over its data.
pub(super) fn view(loaded: Loaded<ListingPage>) -> AnyView {
    head::apply(&loaded.document.head);
    navigation::page_shown();
    view! { <ListingView site=loaded.site locale=loaded.locale listing=loaded.document /> }
        .into_any()
}
