//! The pages of the site. Only pages know where their data comes from; they hand it to
//! components as props.
//!
//! One route serves every path: the path is read with `folio_model::data_layout`
//! (the grammar the compiler writes routes with), its data loaded, and the page for it
//! shown. While the next page loads, the current one stays on screen.

mod listing;
mod not_found;
mod post;

use folio_model::data_layout::{Page, ParsedRoute, parse_route};
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

/// A route's path as owned values, so that it can outlive the location it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Route {
    language: Option<String>,
    page: OwnedPage,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum OwnedPage {
    Home(u32),
    Post(String),
    Category(String, u32),
    Tag(String, u32),
    Author(String, u32),
}

impl Route {
    fn read(parsed: ParsedRoute<'_>) -> Self {
        let page = match parsed.page {
            Page::Home(n) => OwnedPage::Home(n),
            Page::Post(slug) => OwnedPage::Post(slug.to_owned()),
            Page::Category(id, n) => OwnedPage::Category(id.to_owned(), n),
            Page::Tag(id, n) => OwnedPage::Tag(id.to_owned(), n),
            Page::Author(id, n) => OwnedPage::Author(id.to_owned(), n),
        };
        Route {
            language: parsed.language.map(str::to_owned),
            page,
        }
    }

    /// The route prefix of its data: `"es/"`, or `""` for the default language.
    fn prefix(&self) -> String {
        self.language
            .as_ref()
            .map(|l| format!("{l}/"))
            .unwrap_or_default()
    }

    fn page(&self) -> Page<'_> {
        match &self.page {
            OwnedPage::Home(n) => Page::Home(*n),
            OwnedPage::Post(slug) => Page::Post(slug),
            OwnedPage::Category(id, n) => Page::Category(id, *n),
            OwnedPage::Tag(id, n) => Page::Tag(id, *n),
            OwnedPage::Author(id, n) => Page::Author(id, *n),
        }
    }
}

/// Every route of the site: the page for the current path.
#[component]
pub fn RoutePage() -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let location = use_location();
    let route = Memo::new(move |_| {
        let path = location.pathname.get();
        let path = path.strip_prefix(base.router_base()).unwrap_or(&path);
        parse_route(path).map(Route::read)
    });
    let site = expect_context::<SiteResource>();
    let data = LocalResource::new(move || {
        let route = route.get();
        async move {
            let route = route.ok_or(LoadError::NotFound)?;
            match route.page {
                OwnedPage::Post(_) => post::load(site, &route)
                    .await
                    .map(|loaded| RouteData::Post(Box::new(loaded))),
                _ => listing::load(site, &route)
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
}

/// Loads the site document and the route's document at once (one round trip, not two).
async fn load_with_site<T>(
    site: SiteResource,
    route: &Route,
    document: impl std::future::Future<Output = Result<T, LoadError>>,
) -> Result<Loaded<T>, LoadError> {
    let (site, document) = futures::join!(site.into_future(), document);
    let site = site?;
    let base = expect_context::<SiteBase>();
    let locale =
        Locale::resolve(&site, route.language.as_deref(), base).ok_or(LoadError::NotFound)?;
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
