//! The last stage: writing the site. [`output`] writes the content index atomically;
//! [`site_files`] writes the site around it: [`static_pages`], [`feeds`], [`sitemap`]
//! and [`headers`].

pub mod feeds;
pub mod headers;
pub mod output;
pub mod site_files;
pub mod sitemap;
pub mod static_pages;
