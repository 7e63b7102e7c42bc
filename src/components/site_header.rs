//! The site's header: skip link, the blog's name (home of the route's language), the
//! site's navigation links and the theme toggle.

use folio_model::SiteDocument;
use folio_model::data_layout::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::ThemeToggle;
use crate::locale::Locale;
use crate::site_base::SiteBase;

/// The header above every page. Its height is fixed by the stylesheet, so that nothing
/// moves when the site's name arrives.
#[component]
pub fn SiteHeader(
    /// The site document, once loaded.
    site: Signal<Option<SiteDocument>>,
) -> impl IntoView {
    let base = expect_context::<SiteBase>();
    let path = use_location().pathname;
    move || {
        // Until the site document is there: the labels of the page's language, an empty
        // name and no links, in a header of the same height.
        let site = site.get();
        let locale = site
            .as_ref()
            .map(|site| Locale::of_path(site, base.route_path(&path.get()), base.clone()));
        let name = site
            .as_ref()
            .zip(locale.as_ref())
            .and_then(|(site, locale)| {
                site.languages
                    .iter()
                    .find(|l| l.code == locale.code)
                    .map(|l| l.title.clone())
            });
        let navigation = site.map(|site| site.navigation).unwrap_or_default();
        let labels = locale
            .as_ref()
            .map_or(crate::labels::labels(""), Locale::labels);
        let home = locale.as_ref().map(|l| l.href(Page::Home(1)));
        view! {
            <a class="skip-link" href="#main">{labels.skip_link}</a>
            <header class="site-header">
                <div class="site-header-inner">
                    <a class="site-name" href=home>{name}</a>
                    <nav class="site-nav" aria-label=labels.main_navigation>
                        <ul>
                            {navigation
                                .into_iter()
                                .map(|link| view! { <li><a href=base.url(&link.href)>{link.label}</a></li> })
                                .collect_view()}
                        </ul>
                    </nav>
                    <ThemeToggle labels />
                </div>
            </header>
        }
    }
}
