//! The pages of the site. Only pages know where their data comes from; they hand it to
//! components as props.
//!
//! One route serves every path: the path is read with `folio_model::data_layout`
//! (the grammar the compiler writes routes with), its data loaded, and the page for it
//! shown. While the next page loads, the current one stays on screen.

mod listing;
mod not_found;
mod post;
mod single;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use folio_model::data_layout::{Page, parse_route_with_pages};
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
    /// A page that is not a post, as its static HTML has it.
    Adopted(String),
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
    #[cfg(feature = "ssr")]
    Page(Box<folio_model::PageDocument>),
    NotFound,
}

/// The site document once known (preloaded, or loaded with the first route): the header
/// shows it, and every route's page needs it. Provided by the app.
#[derive(Debug, Clone, Copy)]
pub struct KnownSite(pub RwSignal<Option<SiteDocument>>);

impl KnownSite {
    /// The site document, loaded the first time (and again after a failure).
    async fn load(self) -> Result<SiteDocument, LoadError> {
        if let Some(site) = self.0.get_untracked() {
            return Ok(site);
        }
        let site = data::site().await?;
        self.0.set(Some(site.clone()));
        Ok(site)
    }
}

/// Every route of the site: the page for the current path.
///
/// The page shows once its data is there; until then the last page stays (the
/// placeholder on the first). Only the latest path's data is shown, however the loads
/// finish, and the view is built as soon as it is, so that the page is in the document
/// when `navigation::page_shown` runs.
#[component]
pub fn RoutePage() -> impl IntoView {
    // Only static pages are rendered from preloaded data, at build time: the browser's
    // app carries none of it.
    #[cfg(feature = "ssr")]
    if let Some(preloaded) = use_context::<Preloaded>() {
        return preloaded_page(preloaded);
    }
    let base = expect_context::<SiteBase>();
    let site = expect_context::<KnownSite>();
    let location = use_location();
    // The path inside the site; a change of fragment alone loads nothing.
    let path = Memo::new({
        let base = base.clone();
        move |_| base.route_path(&location.pathname.get()).to_owned()
    });
    let shown = RwSignal::new(None::<Result<RouteData, LoadError>>);
    let attempt = RwSignal::new(0_u32);
    let latest = Rc::new(Cell::new(0_u64));
    Effect::new(move |_| {
        let path = path.get();
        attempt.track();
        let load = latest.get() + 1;
        latest.set(load);
        let (latest, base) = (latest.clone(), base.clone());
        leptos::task::spawn_local(async move {
            let result = load_route(&path, site, base).await;
            if latest.get() == load {
                shown.set(Some(result));
            }
        });
    });
    let retry = move || attempt.update(|n| *n += 1);
    (move || {
        let shown = shown.get();
        untrack(|| match shown {
            None => view! { <Loading /> }.into_any(),
            Some(Ok(RouteData::Post(loaded))) => post::view(*loaded),
            Some(Ok(RouteData::Listing(loaded))) => listing::view(*loaded),
            Some(Ok(RouteData::Adopted(html))) => single::adopted(html),
            Some(Err(LoadError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => view! { <ErrorState error retry /> }.into_any(),
        })
    })
    .into_any()
}

/// The data of the route at `path` (inside the site).
async fn load_route(path: &str, site: KnownSite, base: SiteBase) -> Result<RouteData, LoadError> {
    // Which paths are languages' and which are pages' the site's languages say (and the
    // 404 page still names the site in its header).
    let known = site.load().await;
    let Some(route) = parse_route_with_pages(path, &|code| is_language(&known, code)) else {
        return Err(LoadError::NotFound);
    };
    let site = known?;
    let (language, prefix) = (route.language, data_prefix(route.language));
    match route.page {
        Page::Single(_) => match single::static_content() {
            Some(html) => Ok(RouteData::Adopted(html)),
            None => {
                single::load_whole(&base.href(path.trim_start_matches('/')));
                std::future::pending().await
            }
        },
        Page::Post(slug) => with_site(site, base, language, post::load(prefix, slug.into()).await)
            .map(|loaded| RouteData::Post(Box::new(loaded))),
        page => with_site(site, base, language, data::listing(&prefix, page).await)
            .map(|loaded| RouteData::Listing(Box::new(loaded))),
    }
}

/// The page of a preloaded route, shown at once.
#[cfg(feature = "ssr")]
fn preloaded_page(preloaded: Preloaded) -> AnyView {
    let base = expect_context::<SiteBase>();
    let path = base
        .route_path(&use_location().pathname.get_untracked())
        .to_owned();
    let known = Ok(preloaded.site.clone());
    let language = parse_route_with_pages(&path, &|code| is_language(&known, code))
        .and_then(|route| route.language.map(str::to_owned));
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
        #[cfg(feature = "ssr")]
        PreloadedRoute::Page(page) => single::view(*page),
        PreloadedRoute::NotFound => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Whether `code` is one of the site's languages, once the site is known.
fn is_language(site: &Result<SiteDocument, LoadError>, code: &str) -> bool {
    site.as_ref()
        .is_ok_and(|site| site.languages.iter().any(|language| language.code == code))
}

/// A route's document with the site document, in the route's language. The site is
/// loaded first: which paths are pages its languages say, and on a static page it is
/// embedded, so this costs no round trip.
fn with_site<T>(
    site: SiteDocument,
    base: SiteBase,
    language: Option<&str>,
    document: Result<T, LoadError>,
) -> Result<Loaded<T>, LoadError> {
    let locale = Locale::resolve(&site, language, base).ok_or(LoadError::NotFound)?;
    Ok(Loaded {
        site,
        locale,
        document: document?,
    })
}

/// Posts to show under an article, once known.
type Related = Signal<Vec<crate::components::RelatedCard>>;
