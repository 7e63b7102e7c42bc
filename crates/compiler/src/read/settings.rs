//! The site's settings (`site.toml`), authors and categories: Folio's own files, read
//! strictly (an unknown key is a typo, and says so).

use std::collections::{BTreeMap, BTreeSet};

use folio_images::{ImageSettings, ModernFormat};
use folio_model::related::{RelatedSettings, RelatedWeights};
use folio_model::{Link, NextPath, NextPaths};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Location, key_location, lowercase_first};
use crate::read::front_matter::NextPathRef;
use crate::read::source::TextFile;

/// The validated settings of a site.
#[derive(Debug, Clone)]
pub struct Settings {
    pub base_url: String,
    pub default_language: String,
    pub time_zone: jiff::tz::TimeZone,
    pub posts_per_page: u32,
    pub words_per_minute: u32,
    /// The default language first, then by code.
    pub languages: Vec<LanguageSettings>,
    pub navigation: Vec<Link>,
    pub related: RelatedSettings,
    /// How many of each language's newest posts its feeds hold; `None` for all.
    pub feed_limit: Option<usize>,
    /// The origin of the larger site the blog is part of, when it is not the base URL's
    /// (`https://example.com`): root-relative links out of the blog lead there.
    pub host_url: Option<String>,
    /// `[images]`: the sizes and formats raster images are made in.
    pub images: ImageSettings,
}

/// `[images]` as written: every key optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawImages {
    widths: Option<Vec<u32>>,
    formats: Option<Vec<ModernFormat>>,
    quality: Option<u8>,
    avif_quality: Option<u8>,
    avif_speed: Option<u8>,
    max_pixels: Option<u64>,
}

/// What differs per language.
#[derive(Debug, Clone)]
pub struct LanguageSettings {
    pub code: String,
    pub name: String,
    pub title: String,
    pub description: String,
    pub next_paths: NextPaths,
}

impl Settings {
    /// The settings of a language the site declares.
    pub fn language(&self, code: &str) -> Option<&LanguageSettings> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The codes of every declared language.
    pub fn language_codes(&self) -> BTreeSet<&str> {
        self.languages.iter().map(|l| l.code.as_str()).collect()
    }
}

/// The settings of a site as written: `site.toml`, or what a Zola or Hugo site's
/// configuration says (see [`crate::read::import`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    pub title: Option<String>,
    pub description: String,
    pub base_url: Option<String>,
    pub default_language: Option<String>,
    pub time_zone: Option<String>,
    pub posts_per_page: Option<u32>,
    pub words_per_minute: Option<u32>,
    pub languages: BTreeMap<String, LanguageConfig>,
    pub next_paths: Option<RawNextPaths>,
    pub navigation: Vec<Link>,
    pub related: RawRelated,
    pub feed_limit: Option<u32>,
    pub host_url: Option<String>,
    pub images: RawImages,
}

/// `[related]`: every key optional, each falling back to the model's default.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawRelated {
    count: Option<u32>,
    threshold: Option<f32>,
    weights: RawWeights,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawWeights {
    tags: Option<f32>,
    category: Option<f32>,
    author: Option<f32>,
    text: Option<f32>,
    recency: Option<f32>,
}

/// The most related posts a page may show.
const MAX_RELATED: u32 = 12;

/// What a site says of one language.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LanguageConfig {
    pub name: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    pub next_paths: Option<RawNextPaths>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawNextPaths {
    heading: Option<String>,
    intro: String,
    links: Vec<NextPathRef>,
}

const DEFAULT_NEXT_PATHS_HEADING: &str = "Go deeper from this topic";

/// Reads `site.toml` (or the defaults when there is none). `--base-url` wins over the
/// file's `base_url`.
pub fn read_site(file: Option<&TextFile>, base_url: Option<&str>) -> Result<Settings, Diagnostic> {
    let raw: SiteConfig = match file {
        Some(file) => parse_toml(file, "site.toml")?,
        None => SiteConfig::default(),
    };
    validate(raw, file, base_url)
}

/// Checks the settings `raw`, written in `file` (for the places of its mistakes), and
/// fills in the defaults. `base_url` wins over `raw`'s.
pub fn validate(
    raw: SiteConfig,
    file: Option<&TextFile>,
    base_url: Option<&str>,
) -> Result<Settings, Diagnostic> {
    let at = |key: &str| match file {
        Some(f) => key_location(&f.path, &f.text, 0..f.text.len(), key)
            .unwrap_or_else(|| Location::file(&f.path)),
        None => Location::file("site.toml"),
    };
    let default_language = raw.default_language.unwrap_or_else(|| "en".into());
    let tz_name = raw.time_zone.unwrap_or_else(|| "UTC".into());
    let time_zone = jiff::tz::TimeZone::get(&tz_name).map_err(|_| {
        at("time_zone")
            .error(format!("unknown time zone `{tz_name}`"))
            .with_help("use an IANA name such as \"Europe/Madrid\" or \"UTC\"")
    })?;
    let title = raw.title.unwrap_or_else(|| "Folio".into());
    let mut base_url = base_url
        .map(str::to_owned)
        .or(raw.base_url)
        .unwrap_or_else(|| "/".into());
    if !base_url.ends_with('/') {
        base_url.push('/');
    }
    let site_next_paths = raw.next_paths.unwrap_or_default();
    let mut languages = raw.languages;
    languages.entry(default_language.clone()).or_default();
    let mut settings: Vec<LanguageSettings> = languages
        .into_iter()
        .map(|(code, language)| {
            let next = language
                .next_paths
                .unwrap_or_else(|| site_next_paths.clone());
            LanguageSettings {
                name: language.name.unwrap_or_else(|| code.clone()),
                title: language.title.unwrap_or_else(|| title.clone()),
                description: language
                    .description
                    .unwrap_or_else(|| raw.description.clone()),
                next_paths: NextPaths {
                    heading: next
                        .heading
                        .unwrap_or_else(|| DEFAULT_NEXT_PATHS_HEADING.into()),
                    intro: next.intro,
                    links: next.links.into_iter().map(next_path).collect(),
                },
                code,
            }
        })
        .collect();
    settings.sort_by_key(|l| (l.code != default_language, l.code.clone()));
    let related = related_settings(raw.related, &at)?;
    let images = image_settings(raw.images, &at)?;
    Ok(Settings {
        base_url,
        default_language,
        time_zone,
        posts_per_page: raw.posts_per_page.unwrap_or(10).max(1),
        words_per_minute: raw.words_per_minute.unwrap_or(220).max(1),
        languages: settings,
        navigation: raw.navigation,
        related,
        // Zola's key; 0 means every post, as when it is left out.
        feed_limit: raw.feed_limit.filter(|&n| n > 0).map(|n| n as usize),
        host_url: raw.host_url.filter(|url| !url.trim().is_empty()),
        images,
    })
}

/// The narrowest and widest width an image may be made in.
const IMAGE_WIDTHS: std::ops::RangeInclusive<u32> = 16..=8192;

/// `[images]` checked: widths within [`IMAGE_WIDTHS`], qualities from 1 to 100, a speed
/// from 1 to 10.
fn image_settings(
    raw: RawImages,
    at: &dyn Fn(&str) -> Location,
) -> Result<ImageSettings, Diagnostic> {
    let defaults = ImageSettings::default();
    let mut widths = raw.widths.unwrap_or(defaults.widths);
    if let Some(&width) = widths.iter().find(|w| !IMAGE_WIDTHS.contains(w)) {
        return Err(at("widths")
            .error(format!(
                "`images.widths` has {width}, not between {} and {}",
                IMAGE_WIDTHS.start(),
                IMAGE_WIDTHS.end()
            ))
            .with_help(
                "the widths in pixels images are made in; [480, 800, 1200, 1600] when left out",
            ));
    }
    if widths.is_empty() {
        return Err(at("widths").error("`images.widths` is empty").with_help(
            "give at least one width, or leave the key out for [480, 800, 1200, 1600]",
        ));
    }
    widths.sort_unstable();
    widths.dedup();
    let mut formats = raw.formats.unwrap_or(defaults.formats);
    formats.dedup();
    let range = |key: &str, value: Option<u8>, default: u8, max: u8| match value {
        Some(v) if v == 0 || v > max => Err(at(key)
            .error(format!("`images.{key}` is {v}, not between 1 and {max}"))
            .with_help(format!("{default} when left out"))),
        Some(v) => Ok(v),
        None => Ok(default),
    };
    let max_pixels = raw.max_pixels.unwrap_or(defaults.max_pixels);
    if max_pixels == 0 {
        return Err(at("max_pixels")
            .error("`images.max_pixels` is 0")
            .with_help(
                "the most pixels an image may have; 40000000 (40 megapixels) when left out",
            ));
    }
    Ok(ImageSettings {
        widths,
        formats,
        quality: range("quality", raw.quality, defaults.quality, 100)?,
        avif_quality: range("avif_quality", raw.avif_quality, defaults.avif_quality, 100)?,
        avif_speed: range("avif_speed", raw.avif_speed, defaults.avif_speed, 10)?,
        max_pixels,
    })
}

/// `[related]` checked: a count from 1 to [`MAX_RELATED`], weights and threshold that
/// are numbers of zero or more.
fn related_settings(
    raw: RawRelated,
    at: &dyn Fn(&str) -> Location,
) -> Result<RelatedSettings, Diagnostic> {
    let defaults = RelatedSettings::default();
    let count = raw.count.unwrap_or(defaults.count);
    if !(1..=MAX_RELATED).contains(&count) {
        return Err(at("count")
            .error(format!(
                "`related.count` is {count}, not between 1 and {MAX_RELATED}"
            ))
            .with_help("how many related posts a post shows; 3 when left out"));
    }
    let number = |key: &str, value: Option<f32>, default: f32| match value {
        Some(v) if !v.is_finite() || v < 0.0 => Err(at(key)
            .error(format!(
                "`{key}` is {v}, and must be a number of zero or more"
            ))
            .with_help("0 turns a signal off; see docs/content-format.md for the defaults")),
        Some(v) => Ok(v),
        None => Ok(default),
    };
    let w = raw.weights;
    let d = defaults.weights;
    Ok(RelatedSettings {
        count,
        threshold: number("threshold", raw.threshold, defaults.threshold)?,
        weights: RelatedWeights {
            tags: number("tags", w.tags, d.tags)?,
            category: number("category", w.category, d.category)?,
            author: number("author", w.author, d.author)?,
            text: number("text", w.text, d.text)?,
            recency: number("recency", w.recency, d.recency)?,
        },
    })
}

/// A `next_paths` entry as the model has it.
pub fn next_path(link: NextPathRef) -> NextPath {
    NextPath {
        title: link.title,
        description: link.description,
        href: link.href,
    }
}

/// An author file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorFile {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub bio: String,
    #[serde(default)]
    pub avatar: Option<String>,
    #[serde(default)]
    pub links: Vec<Link>,
}

/// A category file (or entry of `categories.toml`), as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    pub name: String,
    #[serde(default)]
    pub description: String,
}

/// Reads `authors/<id>.toml` files, by id.
pub fn read_authors(
    files: &[TextFile],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, (AuthorFile, Location)> {
    let mut authors = BTreeMap::new();
    for file in files {
        match parse_toml::<AuthorFile>(file, "an author file") {
            Ok(author) => {
                authors.insert(file_id(file), (author, Location::file(&file.path)));
            }
            Err(problem) => problems.push(problem),
        }
    }
    authors
}

/// Reads `categories/<id>.toml` files and `categories.toml`, by id.
pub fn read_categories(
    files: &[TextFile],
    problems: &mut Vec<Diagnostic>,
) -> BTreeMap<String, CategoryFile> {
    let mut categories = BTreeMap::new();
    for file in files {
        if file.relative == "categories.toml" {
            match parse_toml::<BTreeMap<String, CategoryFile>>(file, "categories.toml") {
                Ok(all) => categories.extend(all),
                Err(problem) => problems.push(problem),
            }
        } else {
            match parse_toml::<CategoryFile>(file, "a category file") {
                Ok(category) => {
                    categories.insert(file_id(file), category);
                }
                Err(problem) => problems.push(problem),
            }
        }
    }
    categories
}

fn file_id(file: &TextFile) -> String {
    let name = file.relative.rsplit('/').next().unwrap_or(&file.relative);
    name.trim_end_matches(".toml").to_owned()
}

fn parse_toml<T: serde::de::DeserializeOwned>(
    file: &TextFile,
    what: &str,
) -> Result<T, Diagnostic> {
    toml::from_str(&file.text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        Location::at_offset(&file.path, &file.text, offset)
            .error(lowercase_first(e.message().trim_end()))
            .with_help(format!(
                "{what} is TOML: `key = \"value\"`, one key a line; see docs/content-format.md"
            ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_settings_default_and_can_be_tuned() {
        let defaults = site("title = \"T\"\n").unwrap().related;
        assert_eq!(defaults, RelatedSettings::default());
        let tuned = site("[related]\ncount = 4\n[related.weights]\ntags = 0\ntext = 2.5\n")
            .unwrap()
            .related;
        assert_eq!(tuned.count, 4);
        assert_eq!(tuned.weights.tags, 0.0);
        assert_eq!(tuned.weights.text, 2.5);
        assert_eq!(tuned.weights.category, RelatedWeights::default().category);
    }

    #[test]
    fn related_settings_out_of_range_are_errors_at_their_line() {
        let error = site("title = \"T\"\n[related]\ncount = 0\n").unwrap_err();
        assert_eq!(
            error.to_string().lines().next().unwrap(),
            "content/site.toml:3:1: error: `related.count` is 0, not between 1 and 12"
        );
        let error = site("[related.weights]\nauthor = -1\n").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("content/site.toml:2:1: error: `author` is -1"),
            "{error}"
        );
        assert!(
            site("[related]\nweight = 1\n").is_err(),
            "a typo is an error"
        );
    }

    fn site(text: &str) -> Result<Settings, Diagnostic> {
        let file = TextFile {
            path: "content/site.toml".into(),
            relative: "site.toml".into(),
            text: text.into(),
            ..TextFile::default()
        };
        read_site(Some(&file), None)
    }

    #[test]
    fn has_defaults_for_everything() {
        let settings = read_site(None, None).unwrap();
        assert_eq!(settings.base_url, "/");
        assert_eq!(settings.default_language, "en");
        assert_eq!(settings.posts_per_page, 10);
        assert_eq!(settings.languages[0].title, "Folio");
        assert_eq!(
            settings.languages[0].next_paths.heading,
            DEFAULT_NEXT_PATHS_HEADING
        );
    }

    #[test]
    fn puts_the_default_language_first_and_inherits_texts() {
        let settings = site("title = \"T\"\ndefault_language = \"es\"\n[languages.en]\nname = \"English\"\n[languages.es]\nname = \"Español\"\ntitle = \"T es\"\n").unwrap();
        let codes: Vec<_> = settings.languages.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["es", "en"]);
        assert_eq!(settings.language("es").unwrap().title, "T es");
        assert_eq!(settings.language("en").unwrap().title, "T");
    }

    #[test]
    fn base_url_ends_with_a_slash_and_the_flag_wins() {
        assert_eq!(
            site("base_url = \"https://x.test/blog\"").unwrap().base_url,
            "https://x.test/blog/"
        );
        let file = TextFile {
            path: "s".into(),
            relative: "site.toml".into(),
            text: "base_url = \"/a/\"".into(),
            ..TextFile::default()
        };
        assert_eq!(
            read_site(Some(&file), Some("https://cdn.test/b/"))
                .unwrap()
                .base_url,
            "https://cdn.test/b/"
        );
    }

    #[test]
    fn reports_typos_and_unknown_time_zones() {
        let message = site("title = \"T\"\nposts_per_pag = 3\n")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("content/site.toml:2:1: error: unknown field `posts_per_pag`"),
            "{message}"
        );
        let message = site("time_zone = \"Mars/Olympus\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            message.starts_with("content/site.toml:1:1: error: unknown time zone `Mars/Olympus`"),
            "{message}"
        );
    }
}
