//! Reusable views. Each takes its data as props and knows nothing of where it came from.

mod error_state;
mod loading;
mod post_article;
mod post_list;

pub use error_state::ErrorState;
pub use loading::Loading;
pub use post_article::PostArticle;
pub use post_list::PostList;
