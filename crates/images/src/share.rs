//! Link-preview images: what `og:image`, `twitter:image` and the JSON-LD image name.
//! Facebook, LinkedIn, X and Slack show a raster image of about 1200×630 and no SVG, so
//! every page gets one: its hero cover-cropped to that size (an SVG hero rasterized, its
//! transparency laid over the site's background) as a JPEG, or, for a page without a
//! hero, a card of its title, kind and site name in the site's colours, as a PNG (flat
//! colours and text, which PNG keeps sharp and small). Like the variants, each is named
//! by a hash of all it is made from, made once and kept in the cache.

use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;

use folio_model::head::ShareCard;
use image::{DynamicImage, Rgb, RgbImage, RgbaImage};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use super::encode::{self, OutputFormat};
use super::share_card::{self, CARD_HEIGHT, CARD_WIDTH, CardColours, CardText};
use super::{IMAGES_DIR, ImageFile, ImageProblem, Images, VERSION, hex, stem, unusable};

/// The light theme's colours of `style/main.css` (`--bg`, `--surface`, `--text`,
/// `--muted`, `--accent`): link previews are shown on light and dark feeds alike, and
/// the light theme is the site's first.
pub const SITE_COLOURS: CardColours = CardColours {
    background: [0xfb, 0xfa, 0xf7],
    surface: [0xff, 0xff, 0xff],
    text: [0x1d, 0x23, 0x30],
    muted: [0x4f, 0x57, 0x66],
    accent: [0x1d, 0x5c, 0x87],
};

/// Changes whenever the fonts cards are drawn with change, so that no earlier build's
/// card is taken for this one's: 2 added the CJK fallback.
const CARD_FONTS: u32 = 2;

/// What a page's link preview is made from.
pub enum ShareSource<'a> {
    /// A hero of the content folder: a raster image or an SVG (`file`, called `name` in
    /// messages).
    Hero { file: &'a Path, name: &'a str },
    /// A page without a hero.
    Card(&'a ShareCard),
}

/// One link-preview image to make.
#[derive(Debug, Clone)]
pub(super) enum ShareJob {
    Hero {
        file: PathBuf,
        name: String,
        svg: bool,
    },
    Card(ShareCard),
}

impl Images {
    /// The link-preview image of `source`, 1200×630, by its path from the site's root;
    /// [`Images::encode`] makes it. A hero that cannot be used (unreadable, damaged, an
    /// animation) is a problem, which the caller reports where the hero is named: it
    /// shares a card instead.
    pub fn share(&self, source: ShareSource<'_>) -> Result<String, ImageProblem> {
        let (file, job) = match source {
            ShareSource::Hero { file, name } => {
                let svg = !super::is_raster(name);
                let hash = match svg {
                    true => {
                        let bytes = std::fs::read(file).map_err(|e| ImageProblem {
                            message: format!("image `{name}` cannot be read: {e}"),
                            help: "check the file's permissions".to_owned(),
                            warning: false,
                        })?;
                        share_card::check_svg(&bytes).map_err(|e| svg_problem(name, &e))?;
                        hex(&Sha256::digest(&bytes))
                    }
                    false => {
                        let source = self.source(file, name)?;
                        if source.info.format.is_none() {
                            return Err(ImageProblem {
                                message: format!(
                                    "image `{name}` is kept as it is, so link previews show a card instead"
                                ),
                                help:
                                    "use a still PNG, JPEG or WebP as the hero for a preview of it"
                                        .to_owned(),
                                warning: true,
                            });
                        }
                        source.hash.clone()
                    }
                };
                let key = format!(
                    "{VERSION}|share|{hash}|q{}|{:?}",
                    self.quality.lossy, SITE_COLOURS.background
                );
                let output = share_name(&format!("{}-share", stem(name)), &key, OutputFormat::Jpeg);
                let job = ShareJob::Hero {
                    file: file.to_owned(),
                    name: name.to_owned(),
                    svg,
                };
                (output, job)
            }
            ShareSource::Card(card) => {
                let colours = &SITE_COLOURS;
                let key = format!(
                    "{VERSION}|card|{CARD_FONTS}|{:?}|{:?}|{:?}|{:?}",
                    card.title,
                    card.kicker,
                    card.site_name,
                    [
                        colours.background,
                        colours.surface,
                        colours.text,
                        colours.muted,
                        colours.accent
                    ]
                );
                let file = share_name(
                    &format!("card-{}", stem(&card.title)),
                    &key,
                    OutputFormat::Png,
                );
                (file, ShareJob::Card(card.clone()))
            }
        };
        self.shares
            .lock()
            .expect("no thread panics holding the shares")
            .entry(file.clone())
            .or_insert(job);
        Ok(format!("{IMAGES_DIR}/{file}"))
    }

    /// Makes every link-preview image no earlier build made, one per task on every core.
    pub(super) fn encode_shares(&self) -> Result<Vec<(String, ImageFile)>, ImageProblem> {
        let jobs: Vec<(String, ShareJob)> = std::mem::take(
            &mut *self
                .shares
                .lock()
                .expect("no thread panics holding the shares"),
        )
        .into_iter()
        .collect();
        let made: Vec<_> = jobs
            .par_iter()
            .map(|(name, job)| {
                let path = format!("{IMAGES_DIR}/{name}");
                if let Some(cached) = self.cache.get(name) {
                    self.reused.fetch_add(1, Ordering::Relaxed);
                    return Ok((path, ImageFile::Cached(cached)));
                }
                let bytes = match job {
                    ShareJob::Hero { file, name, svg } => {
                        let cover = self.hero_cover(file, name, *svg)?;
                        encode::encode(
                            &DynamicImage::ImageRgb8(cover),
                            OutputFormat::Jpeg,
                            self.quality,
                        )
                    }
                    ShareJob::Card(card) => {
                        let text = CardText {
                            title: &card.title,
                            kicker: card.kicker.as_deref(),
                            site_name: &card.site_name,
                        };
                        let pixels = flatten(&share_card::card(&text, &SITE_COLOURS));
                        encode::encode(
                            &DynamicImage::ImageRgb8(pixels),
                            OutputFormat::Png,
                            self.quality,
                        )
                    }
                };
                self.encoded.fetch_add(1, Ordering::Relaxed);
                let file = match self.cache.put(name, &bytes) {
                    Some(cached) => ImageFile::Cached(cached),
                    None => ImageFile::Encoded(bytes.into()),
                };
                Ok((path, file))
            })
            .collect();
        made.into_iter().collect()
    }

    /// The hero in `file`, scaled to cover 1200×630 and cut to it around its centre.
    fn hero_cover(&self, file: &Path, name: &str, svg: bool) -> Result<RgbImage, ImageProblem> {
        let bytes = std::fs::read(file).map_err(|e| ImageProblem {
            message: format!("image `{name}` cannot be read: {e}"),
            help: "the file changed while the site was built; build again".to_owned(),
            warning: false,
        })?;
        let pixels = match svg {
            true => {
                // Drawn at the width at which its height covers the card, or wider.
                let drawn = share_card::rasterize_svg(&bytes, CARD_WIDTH)
                    .map_err(|e| svg_problem(name, &e))?;
                let width = cover_width(drawn.width(), drawn.height());
                let pixels = match width == CARD_WIDTH {
                    true => drawn,
                    false => share_card::rasterize_svg(&bytes, width)
                        .map_err(|e| svg_problem(name, &e))?,
                };
                DynamicImage::ImageRgb8(flatten(&pixels))
            }
            false => {
                let decoded = super::decode::decode(&bytes, self.settings.max_pixels)
                    .map_err(|e| unusable(name, e))?;
                match decoded.pixels {
                    DynamicImage::ImageRgba8(rgba) => DynamicImage::ImageRgb8(flatten(&rgba)),
                    other => other,
                }
            }
        };
        Ok(cover(&pixels))
    }
}

/// `<stem>.<hash>.<extension>`, the hash of `key`.
fn share_name(stem: &str, key: &str, format: OutputFormat) -> String {
    let hash = hex(&Sha256::digest(key.as_bytes()));
    format!("{stem}.{}.{}", &hash[..10], format.extension())
}

/// The width at which an image `width` × `height` covers the card.
fn cover_width(width: u32, height: u32) -> u32 {
    let scale = f64::max(
        f64::from(CARD_WIDTH) / f64::from(width),
        f64::from(CARD_HEIGHT) / f64::from(height),
    );
    ((f64::from(width) * scale).ceil() as u32).max(CARD_WIDTH)
}

/// `pixels` scaled to cover 1200×630 and cut to it at the centre; a smaller image is
/// enlarged at most to twice its size (past that it blurs), and centred on the site's
/// background where it then falls short.
fn cover(pixels: &DynamicImage) -> RgbImage {
    let (width, height) = (pixels.width().max(1), pixels.height().max(1));
    let scaled_width = cover_width(width, height).min(width.saturating_mul(2));
    let scaled_height =
        ((u64::from(height) * u64::from(scaled_width)).div_ceil(u64::from(width)) as u32).max(1);
    let scaled = encode::resize(pixels, scaled_width, scaled_height).to_rgb8();
    let mut canvas = RgbImage::from_pixel(CARD_WIDTH, CARD_HEIGHT, Rgb(SITE_COLOURS.background));
    let centred = |card: u32, scaled: u32| (i64::from(card) - i64::from(scaled)) / 2;
    image::imageops::overlay(
        &mut canvas,
        &scaled,
        centred(CARD_WIDTH, scaled_width),
        centred(CARD_HEIGHT, scaled_height),
    );
    canvas
}

/// `pixels` laid over the site's background: link previews have no transparency.
fn flatten(pixels: &RgbaImage) -> RgbImage {
    let background = SITE_COLOURS.background;
    RgbImage::from_fn(pixels.width(), pixels.height(), |x, y| {
        let [r, g, b, a] = pixels.get_pixel(x, y).0;
        let over = |c: u8, bg: u8| {
            ((u32::from(c) * u32::from(a) + u32::from(bg) * (255 - u32::from(a)) + 127) / 255) as u8
        };
        Rgb([
            over(r, background[0]),
            over(g, background[1]),
            over(b, background[2]),
        ])
    })
}

fn svg_problem(name: &str, error: &str) -> ImageProblem {
    ImageProblem {
        message: format!("SVG `{name}` cannot be drawn for link previews: {error}"),
        help: "give the SVG a viewBox, or a width and height, and check that it opens in a browser"
            .to_owned(),
        warning: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(RgbImage::from_fn(width, height, |x, _| {
            Rgb([(x % 200) as u8 + 20, 90, 160])
        }))
    }

    #[test]
    fn a_large_hero_is_cut_to_the_card_around_its_centre() {
        let cut = cover(&photo(2400, 2400));
        assert_eq!(cut.dimensions(), (CARD_WIDTH, CARD_HEIGHT));
        let background = Rgb(SITE_COLOURS.background);
        assert!(
            cut.pixels().all(|p| *p != background),
            "no background shows"
        );
    }

    #[test]
    fn a_small_hero_is_enlarged_twice_at_most_and_centred_on_the_background() {
        let card = cover(&photo(300, 200));
        assert_eq!(card.dimensions(), (CARD_WIDTH, CARD_HEIGHT));
        let background = Rgb(SITE_COLOURS.background);
        // 600×400 in the middle: background around it, the picture at the centre.
        assert_eq!(*card.get_pixel(10, 10), background);
        assert_eq!(*card.get_pixel(299, 315), background);
        assert_ne!(*card.get_pixel(301, 315), background);
        assert_ne!(*card.get_pixel(600, 315), background);
        assert_eq!(*card.get_pixel(600, 114), background);
        assert_ne!(*card.get_pixel(600, 116), background);
    }
}
