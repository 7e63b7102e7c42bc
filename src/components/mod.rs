//! Reusable views. Each takes its data as props and knows nothing of where it came from.

mod author_card;
mod author_links;
mod byline;
mod category_label;
mod error_state;
mod hero_image;
mod in_page_links;
mod language_switcher;
mod listing_view;
mod loading;
mod next_paths;
mod post_article;
mod post_card;
mod related_posts;
mod site_header;
mod table_of_contents;
mod theme_toggle;

pub use author_card::AuthorCard;
pub use author_links::AuthorLinks;
pub use byline::Byline;
pub use category_label::CategoryLabel;
pub use error_state::ErrorState;
pub use hero_image::HeroImage;
pub use in_page_links::leave_in_page_links_to_the_browser;
pub use language_switcher::LanguageSwitcher;
pub use listing_view::ListingView;
pub use loading::Loading;
pub use next_paths::NextPathsBlock;
pub use post_article::PostArticle;
pub use post_card::PostCard;
pub use related_posts::{RelatedCard, RelatedPosts};
pub use site_header::SiteHeader;
pub use table_of_contents::TableOfContents;
pub use theme_toggle::ThemeToggle;
