//! Folio's reader app: the Leptos components, the route table and the data access of the
//! blog, compiled to wasm with the `csr` feature (and, later, rendered to static HTML with
//! `ssr`).

pub mod components;
pub mod data;
pub mod head;
pub mod labels;
pub mod locale;
pub mod navigation;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
mod related_timing;
pub mod site_base;
pub mod theme;

use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;

use crate::components::SiteHeader;
use crate::pages::RoutePage;
use crate::site_base::SiteBase;

/// The whole app: the page shell and the route, under the site's base path.
#[component]
pub fn App(site_base: SiteBase) -> impl IntoView {
    let router_base = site_base.router_base().to_owned();
    provide_context(site_base);
    // Static pages hand the site document in; the browser loads it with the first route.
    #[cfg(feature = "ssr")]
    let preloaded = use_context::<pages::Preloaded>().map(|p| p.site);
    #[cfg(not(feature = "ssr"))]
    let preloaded = None;
    let site = RwSignal::new(preloaded);
    provide_context(pages::KnownSite(site));
    view! {
        <Router base=router_base>
            <SiteHeader site=site.into() />
            <main id="main" tabindex="-1">
                // The router keeps the location and handles links and history; which
                // page a path shows is read by `pages` with the model's route grammar,
                // so no route table is needed (and none is shipped in the wasm).
                <RoutePage />
            </main>
            <p id="route-announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></p>
        </Router>
    }
}

/// Mounts [`App`], under the site's base path ([`SiteBase::from_document`]). On a static page
/// (`<div id="folio">` rendered at build time, with its data embedded) the app renders
/// off-screen and takes the page's place once its route is shown: the same markup over
/// the same data, so nothing moves. Elsewhere (`trunk serve`'s bare page) it mounts on
/// the body.
pub fn mount() {
    log_panics_to_console();
    data::adopt_embedded_documents();
    let site_base = SiteBase::from_document();
    data::serve_from(site_base.clone());
    navigation::install();
    components::leave_in_page_links_to_the_browser();
    let document = document();
    let app = move || view! { <App site_base /> };
    match document.get_element_by_id("folio") {
        Some(static_page) => {
            let root = document
                .create_element("div")
                .expect("the document creates elements")
                .unchecked_into::<web_sys::HtmlElement>();
            root.set_id("folio");
            leptos::mount::mount_to(root.clone(), app).forget();
            navigation::take_over(static_page, root.into());
        }
        None => leptos::mount::mount_to_body(app),
    }
}

/// Sends panics to the browser console instead of an opaque `unreachable` trap.
fn log_panics_to_console() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
    }));
}
