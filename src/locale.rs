//! The language a route is in (from its `/<lang>/` prefix) and the links and labels that
//! go with it.

use folio_model::SiteDocument;
use folio_model::data_layout::{Page, language_prefix, route};

use crate::labels::{Labels, labels};
use crate::site_base::SiteBase;

/// A route's language, and how to link to other routes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locale {
    /// The language code (`en`).
    pub code: String,
    /// The route prefix of the language: `""` for the default one, else `"<code>/"`.
    pub prefix: String,
    base: SiteBase,
}

impl Locale {
    /// The language of a route whose `:lang` segment is `segment` (`None` for the
    /// unprefixed routes of the default language); `None` when the site has no such
    /// language, or names its default language with a prefix.
    pub fn resolve(site: &SiteDocument, segment: Option<&str>, base: SiteBase) -> Option<Self> {
        let code = match segment {
            None => site.default_language.clone(),
            Some(code) if code == site.default_language => return None,
            Some(code) => site.languages.iter().find(|l| l.code == code)?.code.clone(),
        };
        Some(Self::new(site, &code, base))
    }

    /// The language of a path such as `/es/posts/x/` (without the site base): its first
    /// segment when that is one of the site's other languages, else the default one.
    pub fn of_path(site: &SiteDocument, path: &str, base: SiteBase) -> Self {
        let first = path.trim_start_matches('/').split('/').next();
        Self::resolve(site, first, base.clone())
            .unwrap_or_else(|| Self::new(site, &site.default_language.clone(), base))
    }

    /// A locale built by hand, for tests of views.
    #[cfg(test)]
    pub fn for_tests(code: &str, prefix: &str, base: SiteBase) -> Self {
        Self {
            code: code.to_owned(),
            prefix: prefix.to_owned(),
            base,
        }
    }

    /// The default language, for when the site itself could not be loaded.
    pub fn fallback(base: SiteBase) -> Self {
        Self {
            code: "en".to_owned(),
            prefix: String::new(),
            base,
        }
    }

    fn new(site: &SiteDocument, code: &str, base: SiteBase) -> Self {
        Self {
            code: code.to_owned(),
            prefix: language_prefix(code, &site.default_language),
            base,
        }
    }

    /// The absolute path of `page` in this language (`/blog/es/posts/x/`).
    pub fn href(&self, page: Page<'_>) -> String {
        self.base.href(&route(&self.prefix, page))
    }

    /// The absolute path of `page` in another language of the site.
    pub fn href_in(&self, site: &SiteDocument, language: &str, page: Page<'_>) -> String {
        self.base.href(&route(
            &language_prefix(language, &site.default_language),
            page,
        ))
    }

    /// A URL of the content index (an image, a link of the site's settings) as the page
    /// writes it: under the base path when it is relative to the site's root.
    pub fn url(&self, url: &str) -> String {
        self.base.url(url)
    }

    /// The app's own words in this language.
    pub fn labels(&self) -> &'static Labels {
        labels(&self.code)
    }

    /// A date of a document (RFC 3339) as readers of this language write it.
    pub fn date(&self, rfc3339: &str) -> String {
        folio_model::calendar::display_date(rfc3339, &self.code)
    }
}
