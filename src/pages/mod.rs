//! The pages of the site. Only pages know where their data comes from; they hand it to
//! components as props.
//!
//! One route serves every path: the path is read with `folio_model::data_layout`
//! (the grammar the compiler writes routes with), its data loaded, and the page for it
//! shown. While the next page loads, the current one stays on screen.

mod listing;
mod not_found;
mod post;

use std::sync::Arc;

use folio_model::data_layout::{Page, parse_route};
use folio_model::related::RelatedIndex;
use folio_model::{ListingPage, PostDocument, SiteDocument};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

pub use not_found::NotFoundPage;

use crate::components::{ErrorState, Loading};
use crate::data::{self, LoadError};
use crate::locale::Locale;
use crate::site_base::SiteBase;

/// What a route shows once its data is there.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub site: SiteDocument,
    pub locale: Locale,
    pub document: T,
}

/// The data of a route, by kind of page.
#[derive(Debug, Clone)]
enum RouteData {
    Post(Box<Loaded<PostDocument>>),
    Listing(Box<Loaded<ListingPage>>),
}

/// The data prefix of a route under `language` (its `/<lang>/` segment): `"es/"`, or
/// `""` for the unprefixed routes of the default language.
fn data_prefix(language: Option<&str>) -> String {
    language.map(|l| format!("{l}/")).unwrap_or_default()
}

/// A route's data handed in whole, as when the static pages are rendered at build time:
/// the route then shows at once, without loading anything.
#[derive(Debug, Clone)]
pub struct Preloaded {
    pub site: SiteDocument,
    pub route: PreloadedRoute,
    /// The ranking index of the route's language, for a post's related posts.
    pub related: Option<Arc<RelatedIndex>>,
}

/// The document of a preloaded route.
#[derive(Debug, Clone)]
pub enum PreloadedRoute {
    Post(Box<PostDocument>),
    Listing(Box<ListingPage>),
    NotFound,
}

/// The site document as far as it is known: loaded, or preloaded. Provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct KnownSite(pub Signal<Option<SiteDocument>>);

/// Every route of the site: the page for the current path.
#[component]
pub fn RoutePage() -> impl IntoView {
    if let Some(preloaded) = use_context::<Preloaded>() {
        return preloaded_page(preloaded);
    }
    let base = expect_context::<SiteBase>();
    let location = use_location();
    // The path inside the site; a change of fragment alone loads nothing.
    let path = Memo::new(move |_| base.route_path(&location.pathname.get()).to_owned());
    let site = expect_context::<SiteResource>();
    let data = LocalResource::new(move || {
        let path = path.get();
        async move {
            let route = parse_route(&path).ok_or(LoadError::NotFound)?;
            match route.page {
                Page::Post(slug) => post::load(site, route.language, slug)
                    .await
                    .map(|loaded| RouteData::Post(Box::new(loaded))),
                page => listing::load(site, route.language, page)
                    .await
                    .map(|loaded| RouteData::Listing(Box::new(loaded))),
            }
        }
    });
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(RouteData::Post(loaded)) => post::view(*loaded),
                    Ok(RouteData::Listing(loaded)) => listing::view(*loaded),
                    Err(LoadError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => {
                        let retry = move || {
                            site.refetch();
                            data.refetch();
                        };
                        view! { <ErrorState error retry /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
    .into_any()
}

/// The page of a preloaded route, shown at once.
fn preloaded_page(preloaded: Preloaded) -> AnyView {
    let base = expect_context::<SiteBase>();
    let path = base
        .route_path(&use_location().pathname.get_untracked())
        .to_owned();
    let language = parse_route(&path).and_then(|route| route.language.map(str::to_owned));
    let Preloaded { site, route, .. } = preloaded;
    let Some(locale) = Locale::resolve(&site, language.as_deref(), base) else {
        return view! { <NotFoundPage /> }.into_any();
    };
    match route {
        PreloadedRoute::Post(document) => post::view(Loaded {
            site,
            locale,
            document: *document,
        }),
        PreloadedRoute::Listing(document) => listing::view(Loaded {
            site,
            locale,
            document: *document,
        }),
        PreloadedRoute::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Loads the site document and the route's document at once (one round trip, not two).
async fn load_with_site<T>(
    site: SiteResource,
    language: Option<&str>,
    document: impl std::future::Future<Output = Result<T, LoadError>>,
) -> Result<Loaded<T>, LoadError> {
    let (site, document) = futures::join!(site.into_future(), document);
    let site = site?;
    let base = expect_context::<SiteBase>();
    let locale = Locale::resolve(&site, language, base).ok_or(LoadError::NotFound)?;
    Ok(Loaded {
        site,
        locale,
        document: document?,
    })
}

/// The site document, loaded once for the whole visit (the header shows it too).
pub type SiteResource = LocalResource<Result<SiteDocument, LoadError>>;

/// The site document for the whole visit.
pub fn site_resource() -> SiteResource {
    LocalResource::new(data::site)
}

/// Posts to show under an article, once known.
type Related = Signal<Vec<crate::components::RelatedCard>>;
