//! Reusable views. Each takes its data as props and knows nothing of where it came from.

mod error_state;
mod loading;
mod post_article;
mod post_list;

pub use error_state::ErrorState;
pub use loading::Loading;
pub use post_article::PostArticle;
pub use post_list::PostList;

/// The calendar date of an RFC 3339 date-time (`2026-03-14T00:00:00+01:00` gives
/// `2026-03-14`); localized dates come with the reader app's step.
pub fn calendar_date(rfc3339: &str) -> &str {
    rfc3339.get(..10).unwrap_or(rfc3339)
}
