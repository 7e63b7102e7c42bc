//! Every raster image a page shows (heroes, images in bodies, avatars), made for every
//! screen: resized to the widths the layout needs (never wider than the original, nor
//! than twice the width it is shown at), in AVIF and WebP before a fallback in the
//! original's format, under content-hashed names that are cached forever.
//!
//! A build works in two passes. While posts render, [`Images::prepare`] reads each
//! source once (its size, transparency and [`placeholder`](encode::placeholder), decoded
//! once and then kept in the cache) and answers with the names of its variants, so the
//! markup is written before anything is encoded. Then [`Images::encode`] makes the
//! variants no earlier build made, one source per core. A rebuild in which no image
//! changed decodes and encodes nothing.

pub mod cache;
mod decode;
mod encode;
mod settings;
mod share;
pub mod share_card;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use folio_model::picture::{ImageSource, Responsive};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use decode::{DecodeError, Kept, Recognized, SourceFormat};
use encode::{OutputFormat, Quality};
pub use settings::{ImageSettings, ModernFormat};
pub use share::{SITE_COLOURS, ShareSource};

/// Changes whenever what the encoders write changes, so that no earlier build's file is
/// taken for this one's.
const VERSION: u32 = 1;

/// The folder of the site the variants are published in.
pub const IMAGES_DIR: &str = "data/images";

/// The width of the reading column in CSS pixels: `--measure: 42rem` of `style/main.css`
/// at the browser's 16 px. Heroes and body images are never shown wider.
pub const COLUMN_WIDTH: u32 = 672;
/// The column's `sizes`: 42rem, or the viewport less the page's padding (`--space`, 1rem
/// on each side) on a phone.
const COLUMN_SIZES: &str = "min(42rem, 100vw - 2rem)";
/// The width of an author's avatar in CSS pixels (`.avatar`, 3.5rem).
pub const AVATAR_WIDTH: u32 = 56;
/// The width of a hero on a listing's card (`.post-card-image`: the whole card) in a
/// grid of `.post-list` columns, at least 19rem wide and 1.25rem apart, in `main` (72rem
/// at most, 1rem of padding on each side): one column below 41.25rem of viewport, two
/// below 61.5rem (at most 29rem each), then three (at most 22.5rem each).
const CARD_SIZES: &str = "(min-width: 61.5rem) min(22.5rem, 33.3vw - 1.5rem), \
    (min-width: 41.25rem) calc(50vw - 1.625rem), calc(100vw - 2rem)";

/// Where an image is shown, which decides the widths it is made in and its `sizes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Slot {
    /// A post's hero: the column's width, whatever the image's.
    Hero,
    /// An image in a body: its own width, or the column's when it is wider.
    Body,
    /// An author's avatar.
    Avatar,
    /// A post's hero on a listing's card: never wider than a hero, so the hero's files
    /// serve it (nothing more is made), with the card's `sizes`.
    Card,
}

impl Slot {
    fn shown_width(self) -> u32 {
        match self {
            Slot::Hero | Slot::Body | Slot::Card => COLUMN_WIDTH,
            Slot::Avatar => AVATAR_WIDTH,
        }
    }

    fn sizes(self, width: u32) -> String {
        match self {
            Slot::Hero => COLUMN_SIZES.to_owned(),
            Slot::Body if width < COLUMN_WIDTH => format!("min({width}px, 100vw - 2rem)"),
            Slot::Body => COLUMN_SIZES.to_owned(),
            Slot::Avatar => "3.5rem".to_owned(),
            Slot::Card => CARD_SIZES.to_owned(),
        }
    }
}

/// What an image is to a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// The size it is shown at before it loads (oriented as it is shown).
    pub width: u32,
    pub height: u32,
    /// Its variants; `None` when the image is published as it is (an animation, an
    /// AVIF), its original copied.
    pub variants: Option<Variants>,
    /// What the author should know about it (it is kept as it is, and why).
    pub warning: Option<ImageProblem>,
}

/// The files made of an image, as the page names them (paths from the site's root).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variants {
    /// The largest fallback, for `src`.
    pub src: String,
    pub responsive: Responsive,
}

/// Why an image cannot be used as it is, for a diagnostic at the place that shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageProblem {
    pub message: String,
    pub help: String,
    /// Publishing goes on (the image is kept as it is).
    pub warning: bool,
}

/// The contents of a published variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageFile {
    /// A file of the cache folder, copied.
    Cached(PathBuf),
    /// Bytes made by this build, when there is no cache folder.
    Encoded(Arc<[u8]>),
}

/// How many variants a build encoded, and how many it took from earlier builds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageStats {
    pub encoded: usize,
    pub reused: usize,
}

/// The images of one build, shared by the threads that render posts.
#[derive(Debug)]
pub struct Images {
    settings: ImageSettings,
    quality: Quality,
    cache: cache::Cache,
    sources: Mutex<HashMap<PathBuf, Arc<SourceCell>>>,
    /// Every variant the pages name, by file name.
    jobs: Mutex<BTreeMap<String, Job>>,
    /// Every link-preview image the pages name, by file name.
    shares: Mutex<BTreeMap<String, share::ShareJob>>,
    encoded: AtomicUsize,
    reused: AtomicUsize,
}

/// A source, read by the first thread that needs it while the others wait.
type SourceCell = OnceLock<Result<Arc<Source>, ImageProblem>>;

/// A source image: its file, the hash of its bytes and what was learnt of it.
#[derive(Debug)]
struct Source {
    file: PathBuf,
    name: String,
    hash: String,
    info: Info,
}

/// What a build learns of a source by decoding it, kept in the cache by its hash.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Info {
    width: u32,
    height: u32,
    /// `None` when the image is kept as it is.
    format: Option<SourceFormat>,
    kept: Option<Kept>,
    alpha: bool,
    placeholder: Option<String>,
}

/// One variant to make.
#[derive(Debug, Clone)]
struct Job {
    source: Arc<Source>,
    width: u32,
    height: u32,
    format: OutputFormat,
}

impl Images {
    /// The images of a build with `settings`, keeping what it makes under `cache` (the
    /// build's cache folder). `quick` uses the encoders' fastest settings (AVIF speed 10,
    /// WebP method 0), for `trunk serve`: larger files, made several times faster.
    pub fn new(settings: &ImageSettings, cache: Option<&Path>, quick: bool) -> Self {
        Images {
            quality: Quality {
                lossy: settings.quality,
                avif: settings.avif_quality,
                avif_speed: if quick { 10 } else { settings.avif_speed },
                webp_method: if quick { 0 } else { 4 },
            },
            settings: settings.clone(),
            cache: cache::Cache::new(cache),
            sources: Mutex::default(),
            jobs: Mutex::default(),
            shares: Mutex::default(),
            encoded: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    /// The image in `file` (called `name` in messages: its path in the site) as `slot`
    /// shows it: its size and the names of its variants, which [`Images::encode`] makes.
    pub fn prepare(&self, file: &Path, name: &str, slot: Slot) -> Result<Prepared, ImageProblem> {
        let source = self.source(file, name)?;
        let info = &source.info;
        let pixels = u64::from(info.width) * u64::from(info.height);
        if pixels > self.settings.max_pixels {
            return Err(too_large(
                name,
                info.width,
                info.height,
                self.settings.max_pixels,
            ));
        }
        if info.format.is_none() {
            return Ok(Prepared {
                width: info.width,
                height: info.height,
                variants: None,
                warning: info.kept.map(|kept| kept_warning(name, kept)),
            });
        }
        // One fallback, at the widest size: every browser of the last years takes WebP,
        // so only old ones and feed readers load it.
        let fallback = match info.alpha {
            true => OutputFormat::Png,
            false => OutputFormat::Jpeg,
        };
        let widths = self.widths(slot, info.width);
        let mut jobs = self.jobs.lock().expect("no thread panics holding the jobs");
        let mut srcset = |format: OutputFormat| {
            widths
                .iter()
                .map(|&width| {
                    let height = scaled_height(info, width);
                    let file = self.file_name(&source, width, format);
                    let url = format!("{IMAGES_DIR}/{file}");
                    jobs.entry(file).or_insert_with(|| Job {
                        source: Arc::clone(&source),
                        width,
                        height,
                        format,
                    });
                    (url, width)
                })
                .collect::<Vec<_>>()
        };
        let sources = self
            .settings
            .formats
            .iter()
            .map(|modern| {
                let format = match modern {
                    ModernFormat::Avif => OutputFormat::Avif,
                    ModernFormat::Webp => OutputFormat::Webp,
                };
                ImageSource {
                    mime: format.mime().to_owned(),
                    srcset: srcset_text(&srcset(format)),
                }
            })
            .collect();
        let widest = *widths.last().expect("at least one width");
        let src = {
            let file = self.file_name(&source, widest, fallback);
            jobs.entry(file.clone()).or_insert_with(|| Job {
                source: Arc::clone(&source),
                width: widest,
                height: scaled_height(info, widest),
                format: fallback,
            });
            format!("{IMAGES_DIR}/{file}")
        };
        Ok(Prepared {
            width: info.width,
            height: info.height,
            variants: Some(Variants {
                src,
                responsive: Responsive {
                    sources,
                    sizes: slot.sizes(info.width),
                    placeholder: info.placeholder.clone().filter(|_| slot != Slot::Avatar),
                },
            }),
            warning: None,
        })
    }

    /// The widths `slot` needs of an image `width` pixels wide: the settings' widths
    /// below the widest useful one, then that one (the original's width, or twice the
    /// shown width when the original is wider).
    fn widths(&self, slot: Slot, width: u32) -> Vec<u32> {
        let widest = width.min(2 * slot.shown_width());
        let candidates = match slot {
            Slot::Avatar => vec![AVATAR_WIDTH],
            Slot::Hero | Slot::Body | Slot::Card => self.settings.widths.clone(),
        };
        let mut widths: Vec<u32> = candidates.into_iter().filter(|&w| w < widest).collect();
        widths.push(widest);
        widths
    }

    /// `<stem>-<width>.<hash>.<extension>`: the hash is of the source's bytes and of
    /// everything that decides the variant's bytes.
    fn file_name(&self, source: &Source, width: u32, format: OutputFormat) -> String {
        let quality = match format {
            OutputFormat::Avif => format!("q{}s{}", self.quality.avif, self.quality.avif_speed),
            OutputFormat::Webp => format!("q{}m{}", self.quality.lossy, self.quality.webp_method),
            OutputFormat::Jpeg => format!("q{}", self.quality.lossy),
            OutputFormat::Png => String::new(),
        };
        let key = format!("{VERSION}|{}|{width}|{format:?}|{quality}", source.hash);
        let hash = hex(&Sha256::digest(key.as_bytes()));
        format!(
            "{}-{width}.{}.{}",
            stem(&source.name),
            &hash[..10],
            format.extension()
        )
    }

    fn source(&self, file: &Path, name: &str) -> Result<Arc<Source>, ImageProblem> {
        let cell = Arc::clone(
            self.sources
                .lock()
                .expect("no thread panics holding the sources")
                .entry(file.to_owned())
                .or_default(),
        );
        cell.get_or_init(|| self.read_source(file, name).map(Arc::new))
            .clone()
    }

    fn read_source(&self, file: &Path, name: &str) -> Result<Source, ImageProblem> {
        let bytes = std::fs::read(file).map_err(|e| ImageProblem {
            message: format!("image `{name}` cannot be read: {e}"),
            help: "check the file's permissions".to_owned(),
            warning: false,
        })?;
        let hash = hex(&Sha256::digest(&bytes));
        let info_name = format!("{hash}.v{VERSION}.json");
        let cached = self
            .cache
            .get(&info_name)
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|json| serde_json::from_slice::<Info>(&json).ok());
        let info = match cached {
            Some(info) => info,
            None => {
                let info = analyze(&bytes, self.settings.max_pixels).map_err(|e| match e {
                    DecodeError::TooLarge { width, height } => {
                        too_large(name, width, height, self.settings.max_pixels)
                    }
                    other => unusable(name, other),
                })?;
                let json = serde_json::to_vec(&info).expect("image information serializes");
                self.cache.put(&info_name, &json);
                info
            }
        };
        Ok(Source {
            file: file.to_owned(),
            name: name.to_owned(),
            hash,
            info,
        })
    }

    /// Makes every variant and link-preview image the pages name that no earlier build
    /// made, one source per task on every core; each published file by its path from the site's root.
    pub fn encode(&self) -> Result<Vec<(String, ImageFile)>, ImageProblem> {
        let jobs =
            std::mem::take(&mut *self.jobs.lock().expect("no thread panics holding the jobs"));
        let mut by_source: BTreeMap<PathBuf, Vec<(String, Job)>> = BTreeMap::new();
        for (name, job) in jobs {
            by_source
                .entry(job.source.file.clone())
                .or_default()
                .push((name, job));
        }
        let groups: Vec<Vec<(String, Job)>> = by_source.into_values().collect();
        let made: Vec<_> = groups
            .par_iter()
            .map(|jobs| self.encode_source(jobs))
            .collect();
        let mut files = Vec::new();
        for group in made {
            files.extend(group?);
        }
        files.extend(self.encode_shares()?);
        files.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(files)
    }

    fn encode_source(
        &self,
        jobs: &[(String, Job)],
    ) -> Result<Vec<(String, ImageFile)>, ImageProblem> {
        let mut files = Vec::with_capacity(jobs.len());
        let mut missing = Vec::new();
        for (name, job) in jobs {
            match self.cache.get(name) {
                Some(path) => {
                    self.reused.fetch_add(1, Ordering::Relaxed);
                    files.push((format!("{IMAGES_DIR}/{name}"), ImageFile::Cached(path)));
                }
                None => missing.push((name, job)),
            }
        }
        let Some((_, first)) = missing.first() else {
            return Ok(files);
        };
        let source = &first.source;
        let bytes = std::fs::read(&source.file).map_err(|e| ImageProblem {
            message: format!("image `{}` cannot be read: {e}", source.name),
            help: "the file changed while the site was built; build again".to_owned(),
            warning: false,
        })?;
        let decoded = decode::decode(&bytes, self.settings.max_pixels)
            .map_err(|e| unusable(&source.name, e))?;
        drop(bytes);
        missing.sort_by_key(|(_, job)| (job.width, job.format));
        let mut resized: Option<(u32, image::DynamicImage)> = None;
        for (name, job) in missing {
            let pixels = match &resized {
                Some((width, pixels)) if *width == job.width => pixels,
                _ => {
                    let pixels = encode::resize(&decoded.pixels, job.width, job.height);
                    &resized.insert((job.width, pixels)).1
                }
            };
            let bytes = encode::encode(pixels, job.format, self.quality);
            self.encoded.fetch_add(1, Ordering::Relaxed);
            let file = match self.cache.put(name, &bytes) {
                Some(path) => ImageFile::Cached(path),
                None => ImageFile::Encoded(bytes.into()),
            };
            files.push((format!("{IMAGES_DIR}/{name}"), file));
        }
        Ok(files)
    }

    /// How many variants [`Images::encode`] made and reused.
    pub fn stats(&self) -> ImageStats {
        ImageStats {
            encoded: self.encoded.load(Ordering::Relaxed),
            reused: self.reused.load(Ordering::Relaxed),
        }
    }

    /// Removes from the cache what no build used for a day.
    pub fn prune_cache(&self) -> std::io::Result<usize> {
        self.cache.prune()
    }
}

/// Whether the file at `path` is a raster image, made in sizes and formats here, as
/// opposed to an SVG, which is published as it is (it is sharp at any size).
pub fn is_raster(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    !(extension.eq_ignore_ascii_case("svg") || extension.eq_ignore_ascii_case("svgz"))
}

/// Decodes `bytes` once to learn what the pages need of it.
fn analyze(bytes: &[u8], max_pixels: u64) -> Result<Info, DecodeError> {
    if let Recognized::Kept(kept) = decode::recognize(bytes)? {
        let size = imagesize::blob_size(bytes).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
        return Ok(Info {
            width: u32::try_from(size.width).unwrap_or(u32::MAX),
            height: u32::try_from(size.height).unwrap_or(u32::MAX),
            format: None,
            kept: Some(kept),
            alpha: false,
            placeholder: None,
        });
    }
    let decoded = decode::decode(bytes, max_pixels)?;
    let alpha = decoded.pixels.color().has_alpha();
    Ok(Info {
        width: decoded.pixels.width(),
        height: decoded.pixels.height(),
        format: Some(decoded.format),
        kept: None,
        alpha,
        // Transparent pixels would show the placeholder through.
        placeholder: (!alpha).then(|| encode::placeholder(&decoded.pixels)),
    })
}

fn scaled_height(info: &Info, width: u32) -> u32 {
    let height = u64::from(info.height) * u64::from(width) / u64::from(info.width.max(1));
    u32::try_from(height).unwrap_or(u32::MAX).max(1)
}

fn srcset_text(candidates: &[(String, u32)]) -> String {
    candidates
        .iter()
        .map(|(url, width)| format!("{url} {width}w"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The file name of `name` without its folders and extension, in lower-case letters,
/// digits and hyphens: safe in any URL and `srcset`.
fn stem(name: &str) -> String {
    let file = name.rsplit('/').next().unwrap_or(name);
    let base = file.rsplit_once('.').map_or(file, |(base, _)| base);
    let mut stem = String::with_capacity(base.len());
    for c in base.chars() {
        match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9') => stem.push(c),
            _ if !stem.ends_with('-') => stem.push('-'),
            _ => {}
        }
    }
    let stem = stem.trim_matches('-');
    match stem.is_empty() {
        true => "image".to_owned(),
        false => stem.chars().take(120).collect(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn too_large(name: &str, width: u32, height: u32, max_pixels: u64) -> ImageProblem {
    ImageProblem {
        message: format!(
            "image `{name}` is {width}×{height} ({:.1} megapixels), over the limit of {:.1}",
            f64::from(width) * f64::from(height) / 1e6,
            max_pixels as f64 / 1e6
        ),
        help: "resize it before adding it (2400 pixels wide is plenty for a blog), or raise `max_pixels` under `[images]` in site.toml".to_owned(),
        warning: false,
    }
}

fn unusable(name: &str, error: DecodeError) -> ImageProblem {
    let (message, help) = match error {
        DecodeError::Unsupported(what) => (
            format!("image `{name}` is {what}, which browsers do not show"),
            "convert it to JPEG (photos) or PNG (screenshots and drawings)",
        ),
        DecodeError::Corrupt(why) => (
            format!("image `{name}` cannot be decoded: {why}"),
            "the file is damaged or is not what its name says: export it again from the original",
        ),
        DecodeError::TooLarge { width, height } => (
            format!("image `{name}` is {width}×{height}"),
            "resize it before adding it",
        ),
    };
    ImageProblem {
        message,
        help: help.to_owned(),
        warning: false,
    }
}

fn kept_warning(name: &str, kept: Kept) -> ImageProblem {
    match kept {
        Kept::Animated => ImageProblem {
            message: format!("image `{name}` is animated: it is published as it is, not resized"),
            help: "a video of it (MP4 or WebM, `<video autoplay loop muted playsinline>`) is a fraction of its size".to_owned(),
            warning: true,
        },
        Kept::Avif => ImageProblem {
            message: format!("image `{name}` is an AVIF: it is published as it is, in one size, with no fallback"),
            help: "add the original JPEG or PNG instead, and Folio makes the AVIF and WebP sizes from it".to_owned(),
            warning: true,
        },
    }
}

#[cfg(test)]
mod tests;
