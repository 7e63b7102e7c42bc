//! Folio's reader app: the Leptos components, the route table and the data access of the
//! blog, compiled to wasm with the `csr` feature (and, later, rendered to static HTML with
//! `ssr`).

pub mod components;
pub mod data;
pub mod head;
pub mod pages;
pub mod site_base;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::{HomePage, NotFoundPage, PostPage};
use crate::site_base::SiteBase;

/// The whole app: the page shell and the route table, under the site's base path.
#[component]
pub fn App(site_base: SiteBase) -> impl IntoView {
    let router_base = site_base.router_base().to_owned();
    let home = site_base.href("");
    provide_context(site_base);
    view! {
        <Router base=router_base>
            <a class="skip-link" href="#main">"Skip to content"</a>
            <header class="site-header">
                <a class="site-name" href=home>"Folio"</a>
            </header>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/posts/:slug/") view=PostPage />
                </Routes>
            </main>
        </Router>
    }
}

/// Mounts [`App`] on the document's body, under the base path of the page's `<base href>`.
pub fn mount() {
    log_panics_to_console();
    let site_base = SiteBase::from_document();
    leptos::mount::mount_to_body(move || view! { <App site_base /> });
}

/// Sends panics to the browser console instead of an opaque `unreachable` trap.
fn log_panics_to_console() {
    std::panic::set_hook(Box::new(|info| {
        leptos::logging::error!("{info}");
    }));
}
