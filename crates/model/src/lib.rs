//! Folio's JSON contract (the content index the compiler writes and the app reads) and the
//! pure algorithms both sides share: routes, pagination, slugs, word counts, dates for
//! readers, the head metadata of every route, the HTML of images and the ranking of related posts.
//!
//! This crate depends on no I/O, no web API, no wasm binding and no Markdown parser, so
//! that it is tested and benchmarked natively and compiled unchanged into the app. A test
//! in `tests/dependencies.rs` keeps it that way.

pub mod calendar;
pub mod content_index;
pub mod data_layout;
pub mod feature_lines;
pub mod head;
mod locale;
pub mod object_json;
pub mod pagination;
pub mod picture;
pub mod related;
pub mod slug;
pub mod synthetic;
pub mod text_stats;

pub use content_index::*;
