//! How a site's raster images are made (`[images]` of `site.toml`): the widths, formats,
//! qualities and limits the engine works to, with defaults good for a blog.

use serde::Deserialize;

/// How raster images are resized and encoded (`[images]`).
#[derive(Debug, Clone, PartialEq)]
pub struct ImageSettings {
    /// The widths, in pixels, images are made in (each no wider than the original nor
    /// than twice the width the layout shows it at), ascending.
    pub widths: Vec<u32>,
    /// The modern formats offered before the fallback, in the order browsers try them.
    pub formats: Vec<ModernFormat>,
    /// The quality of WebP and JPEG, 1 to 100.
    pub quality: u8,
    /// The quality of AVIF, 1 to 100 (AVIF looks as good as JPEG at a lower number).
    pub avif_quality: u8,
    /// rav1e's speed, 1 (smallest files, slowest) to 10.
    pub avif_speed: u8,
    /// The most pixels an image may have (a guard against a camera's 100-megapixel file).
    pub max_pixels: u64,
}

impl Default for ImageSettings {
    fn default() -> Self {
        ImageSettings {
            widths: vec![480, 800, 1200, 1600],
            formats: vec![ModernFormat::Avif, ModernFormat::Webp],
            quality: 80,
            avif_quality: 60,
            avif_speed: 6,
            max_pixels: 40_000_000,
        }
    }
}

/// A format offered in a `<source>`, before the fallback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ModernFormat {
    Avif,
    Webp,
}
