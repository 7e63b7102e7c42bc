//! Data access: fetches the content index's JSON documents and says exactly why when it
//! cannot.
//!
//! Paths come from `folio_model::data_layout` and are relative: the browser resolves them
//! against the page's `<base href>`, so the site works under any sub-path.

use folio_model::data_layout::{self, Page};
use folio_model::{ListingPage, PostDocument, SCHEMA_VERSION};
use serde::de::DeserializeOwned;

/// Why a document could not be had.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// Occurs when the request never got an answer (offline, DNS, connection reset).
    #[error("the network request failed")]
    Network,
    /// Occurs when the document does not exist.
    #[error("not found")]
    NotFound,
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

/// Page `page` of the list of every post, in the language of route prefix `prefix`.
pub async fn home_page(prefix: &str, page: u32) -> Result<ListingPage, LoadError> {
    let listing: ListingPage = fetch_json(&data_layout::document(prefix, Page::Home(page))).await?;
    check_version(listing.schema_version)?;
    Ok(listing)
}

/// The post with this slug, in the language of route prefix `prefix`.
pub async fn post(prefix: &str, slug: &str) -> Result<PostDocument, LoadError> {
    let post: PostDocument = fetch_json(&data_layout::document(prefix, Page::Post(slug))).await?;
    check_version(post.schema_version)?;
    Ok(post)
}

async fn fetch_json<T: DeserializeOwned>(path: &str) -> Result<T, LoadError> {
    let response = gloo_net::http::Request::get(path)
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    match response.status() {
        200..=299 => {}
        404 => return Err(LoadError::NotFound),
        status => return Err(LoadError::Status(status)),
    }
    let text = response.text().await.map_err(|_| LoadError::Network)?;
    decode(&text)
}

/// Reads a document; a document that does not fit is blamed on its schema version when
/// that differs from ours, else on damage.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|_| {
        #[derive(serde::Deserialize)]
        struct VersionOnly {
            schema_version: u32,
        }
        match serde_json::from_str::<VersionOnly>(text) {
            Ok(v) if v.schema_version != SCHEMA_VERSION => {
                LoadError::UnknownSchema(v.schema_version)
            }
            _ => LoadError::Corrupt,
        }
    })
}

fn check_version(found: u32) -> Result<(), LoadError> {
    if found == SCHEMA_VERSION {
        Ok(())
    } else {
        Err(LoadError::UnknownSchema(found))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_listing_page() {
        let listing: ListingPage = decode(
            r#"{"schema_version":1,"language":"en","listing":{"kind":"home"},"title":"T",
                "page":1,"total_pages":1,"total_posts":0,"posts":[]}"#,
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
