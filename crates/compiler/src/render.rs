//! The second stage: rendering posts. [`assemble`] builds every document of the content
//! index, each body expanded ([`shortcodes`]) and rendered ([`markdown`], with code
//! through [`highlight`]), the terms of related posts ([`features`]), and the sizes and formats of its images
//! ([`images`]).

pub mod assemble;
pub mod features;
pub mod highlight;
pub mod images;
pub mod links;
pub mod markdown;
pub mod shortcodes;
