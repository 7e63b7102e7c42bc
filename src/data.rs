//! Data access: fetches the content index's JSON documents, keeps them for the rest of the
//! visit, prefetches the ones a reader is about to open, and says exactly why when a
//! document cannot be had.
//!
//! Paths come from `folio_model::data_layout`, relative to the site's root; each request
//! goes to that path under the site's base path ([`serve_from`]), so the site works under
//! any sub-path.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use folio_model::data_layout::{self, Page};
use folio_model::feature_lines::{FeatureLines, FeatureLinesError};
use folio_model::object_json;
use folio_model::related::RelatedIndex;
use folio_model::{
    ListingPage, PostDocument, SCHEMA_VERSION, SiteDocument, foreign_schema_version,
};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;

use crate::site_base::SiteBase;

/// Why a document could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Occurs when the request never got an answer (offline, DNS, connection reset).
    #[error("the network request failed")]
    Network,
    /// Occurs when the document does not exist.
    #[error("not found")]
    NotFound,
    /// Occurs when the site lists the document but the server does not have it (a
    /// deployment that is incomplete or still in progress).
    #[error("the page's data is missing from the server")]
    Missing,
    /// Occurs when the server answered with another error status.
    #[error("the server answered {0}")]
    Status(u16),
    /// Occurs when the document is not valid JSON of the expected shape.
    #[error("the data is damaged")]
    Corrupt,
    /// Occurs when the document was written for a schema version this app does not know.
    #[error("the data is from a newer or older version of the site (schema {0})")]
    UnknownSchema(u32),
}

/// The site document: languages, authors, categories.
pub async fn site() -> Result<SiteDocument, LoadError> {
    load(data_layout::SITE).await
}

/// A page of a listing (home, category, tag or author), in the language of route prefix
/// `prefix`.
pub async fn listing(prefix: &str, page: Page<'_>) -> Result<ListingPage, LoadError> {
    load(&data_layout::document(prefix, page)).await
}

/// The post with this slug, in the language of route prefix `prefix`.
pub async fn post(prefix: &str, slug: &str) -> Result<PostDocument, LoadError> {
    load(&post_path(prefix, slug)).await
}

/// How many posts of a features file are read between two turns of the browser's event
/// loop: about a millisecond of work on a phone, so that a tap is never held up for long
/// while a large blog's features are read.
pub const FEATURES_PER_SLICE: usize = 100;

/// The related-posts index of a language, read from its features file a slice at a time.
/// The text is let go once indexed: the index is what the app keeps.
pub async fn related_index(prefix: &str) -> Result<RelatedIndex, LoadError> {
    let path = data_layout::related_features(prefix);
    let result = async {
        let text = text(&path).await?;
        let mut lines = FeatureLines::new(&text)?;
        while !lines.read(FEATURES_PER_SLICE)? {
            next_task().await;
        }
        Ok(lines.finish())
    }
    .await;
    if result.is_err() {
        forget(&path);
    } else {
        DOCUMENTS.with(|documents| documents.borrow_mut().remove(&path));
    }
    result
}

impl From<FeatureLinesError> for LoadError {
    fn from(error: FeatureLinesError) -> Self {
        match error {
            FeatureLinesError::UnknownSchema(version) => LoadError::UnknownSchema(version),
            FeatureLinesError::Damaged { .. } => LoadError::Corrupt,
        }
    }
}

/// Lets the browser handle input and paint before the work goes on.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window()
            .is_some_and(|window| window.set_timeout_with_callback(&resolve).is_ok());
        if !waiting {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Where the document of a post lives.
pub fn post_path(prefix: &str, slug: &str) -> String {
    data_layout::document(prefix, Page::Post(slug))
}

/// Starts loading the document at `path` so that it is ready when the reader opens it.
pub fn prefetch(path: &str) {
    let pending = text(path);
    leptos::task::spawn_local(async move {
        let _ = pending.await;
    });
}

/// Every document the app reads carries the schema version it was written for.
pub trait Versioned {
    fn schema_version(&self) -> u32;
}

macro_rules! versioned {
    ($($document:ty),*) => {
        $(impl Versioned for $document {
            fn schema_version(&self) -> u32 {
                self.schema_version
            }
        })*
    };
}
versioned!(SiteDocument, ListingPage, PostDocument);

async fn load<T: DeserializeOwned + Versioned>(path: &str) -> Result<T, LoadError> {
    let result = text(path).await.and_then(|text| {
        let document: T = decode(&text)?;
        if document.schema_version() == SCHEMA_VERSION {
            Ok(document)
        } else {
            Err(LoadError::UnknownSchema(document.schema_version()))
        }
    });
    if result.is_err() {
        forget(path);
    }
    result
}

type PendingText = Shared<LocalBoxFuture<'static, Result<Rc<str>, LoadError>>>;

thread_local! {
    /// The text of every document fetched (or being fetched) during this visit.
    static DOCUMENTS: RefCell<HashMap<String, PendingText>> = RefCell::default();
    /// Documents that failed once: the next request asks the server again rather than
    /// the browser's cache, so that Retry sees a fixed file.
    static FAILED: RefCell<HashSet<String>> = RefCell::default();
    /// The path the site is served under: where the data paths are requested.
    static SITE_BASE: RefCell<SiteBase> = RefCell::default();
}

/// Requests every document under `site_base` (`/blog/data/…`). Called once, when the
/// app mounts.
pub fn serve_from(site_base: SiteBase) {
    SITE_BASE.set(site_base);
}

/// The text of the document at `path`, fetched once per visit.
fn text(path: &str) -> PendingText {
    DOCUMENTS.with(|documents| {
        documents
            .borrow_mut()
            .entry(path.to_owned())
            .or_insert_with(|| {
                let revalidate = FAILED.with(|failed| failed.borrow().contains(path));
                fetch_text(path.to_owned(), revalidate)
                    .boxed_local()
                    .shared()
            })
            .clone()
    })
}

/// Takes the documents a static page embeds (`<script type="application/json"
/// data-folio-document="data/…">`) as already fetched, so that the app starts on them
/// without asking the server again.
pub fn adopt_embedded_documents() {
    let Ok(scripts) = leptos::prelude::document().query_selector_all("script[data-folio-document]")
    else {
        return;
    };
    for i in 0..scripts.length() {
        let Some(script) = scripts
            .item(i)
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let (Some(path), Some(text)) = (
            script.get_attribute("data-folio-document"),
            script.text_content(),
        ) else {
            continue;
        };
        let text: Rc<str> = text.into();
        let ready = async move { Ok(text) }.boxed_local().shared();
        DOCUMENTS.with(|documents| documents.borrow_mut().insert(path, ready));
    }
}

fn forget(path: &str) {
    DOCUMENTS.with(|documents| documents.borrow_mut().remove(path));
    FAILED.with(|failed| failed.borrow_mut().insert(path.to_owned()));
}

async fn fetch_text(path: String, revalidate: bool) -> Result<Rc<str>, LoadError> {
    let url = SITE_BASE.with(|base| base.borrow().href(&path));
    let mut request = gloo_net::http::Request::get(&url);
    if revalidate {
        request = request.cache(web_sys::RequestCache::NoCache);
    }
    let response = request.send().await.map_err(|_| LoadError::Network)?;
    match response.status() {
        200..=299 => {}
        404 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Status(status)),
    }
    let text = response.text().await.map_err(|_| LoadError::Network)?;
    Ok(text.into())
}

/// Reads a document; a document that does not fit is blamed on its schema version when
/// that differs from ours, else on damage.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    object_json::from_str(text).map_err(|_| match foreign_schema_version(text) {
        Some(version) => LoadError::UnknownSchema(version),
        None => LoadError::Corrupt,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_listing_page() {
        let listing: ListingPage = decode(
            r#"{"schema_version":2,"language":"en","listing":"home","title":"T",
                "page":1,"total_pages":1,"total_posts":0,"posts":[],
                "head":{"title":"T","language":"en","html":""}}"#,
        )
        .unwrap();
        assert_eq!(listing.title, "T");
    }

    #[test]
    fn damaged_json_is_corrupt() {
        assert_eq!(
            decode::<ListingPage>("{\"schema_v").unwrap_err(),
            LoadError::Corrupt
        );
    }

    #[test]
    fn an_unknown_shape_from_another_version_is_blamed_on_the_version() {
        assert_eq!(
            decode::<ListingPage>(r#"{"schema_version":99,"entries":[]}"#).unwrap_err(),
            LoadError::UnknownSchema(99)
        );
    }
}
