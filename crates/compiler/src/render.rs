//! The second stage: rendering posts. [`assemble`] builds every document of the content
//! index, each body expanded ([`shortcodes`]) and rendered ([`markdown`], with code
//! through [`highlight`]), the terms of related posts ([`features`]) and every page's
//! head with its link-preview picture ([`heads`]); the images the pages show are named
//! here and made by the image engine (`folio_images`).

pub mod assemble;
pub mod features;
pub mod heads;
pub mod highlight;
pub mod links;
pub mod markdown;
pub mod shortcodes;
