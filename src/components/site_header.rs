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
    let header = move || {
        let site = site.get()?;
        let path = path.get();
        let path = path.strip_prefix(base.router_base()).unwrap_or(&path);
        let locale = Locale::of_path(&site, path, base.clone());
        let name = site
            .languages
            .iter()
            .find(|l| l.code == locale.code)
            .map(|l| l.title.clone())
            .unwrap_or_default();
        Some((locale, name, site.navigation))
    };
    move || {
        let (locale, name, navigation) = header().unzip3();
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
                                .unwrap_or_default()
                                .into_iter()
                                .map(|link| view! { <li><a href=link.href>{link.label}</a></li> })
                                .collect_view()}
                        </ul>
                    </nav>
                    <ThemeToggle labels />
                </div>
            </header>
        }
    }
}

/// `Option<(A, B, C)>` as `(Option<A>, Option<B>, Option<C>)`.
trait Unzip3<A, B, C> {
    fn unzip3(self) -> (Option<A>, Option<B>, Option<C>);
}

impl<A, B, C> Unzip3<A, B, C> for Option<(A, B, C)> {
    fn unzip3(self) -> (Option<A>, Option<B>, Option<C>) {
        match self {
            Some((a, b, c)) => (Some(a), Some(b), Some(c)),
            None => (None, None, None),
        }
    }
}
