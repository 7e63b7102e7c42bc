//! A Zola site's own shortcodes, written by its own templates (`templates/shortcodes/`,
//! and its theme's) with Tera, the template engine Zola is built on. A call gets what
//! Zola gives it: its arguments, its `body`, `nth`, `lang`, `page` and `config`; and the
//! functions and filters of Zola's that shortcodes use are Folio's here: `get_url`,
//! `get_image_metadata`, `resize_image` (the original image, until Folio resizes
//! images), `load_data`, `get_random` and `markdown`.
//!
//! URLs come out as paths from the generator's site root (`/2024/post/scooter.svg`), not
//! on Zola's `base_url`: the body's resolver then leads them to what Folio published,
//! as it does the URLs authors wrote in HTML.

use std::cell::Cell;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Location};
use crate::read::import::zola_templates::TemplateFile;

/// The size of an image a template names, by its path from the content or the static
/// folder; `None` when there is no such image.
pub type ImageSize = Arc<dyn Fn(&str) -> Option<(u32, u32)> + Send + Sync>;

/// The text of a file of the site, by its path from the site's root (`load_data`).
pub type DataFile = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// What Zola's functions can look at.
pub struct SiteAccess {
    pub image_size: ImageSize,
    pub data_file: DataFile,
    /// The generator's site on its host (`/`, `/docs/`), which URLs start with.
    pub root_path: String,
}

/// The site's shortcode templates, ready to render calls.
pub struct SiteTemplates {
    tera: tera::Tera,
    /// Each shortcode's template, by shortcode name (`figure`), and whether it writes
    /// Markdown (`.md`) rather than HTML.
    shortcodes: BTreeMap<String, (String, bool)>,
    config: Value,
}

/// What a template's call knows of its page.
pub struct PageVariables<'a> {
    /// Zola's `page`: `title`, `path`, `colocated_path`, `lang`...
    pub page: &'a Value,
    pub lang: &'a str,
}

/// A call that did not come out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// It uses a function, filter or test that Folio does not provide (`get_page`).
    Unsupported(String),
    /// Tera's message, every cause of it.
    Failed(String),
}

impl SiteTemplates {
    /// Reads `files`; a template that does not parse is reported (and its shortcode is
    /// then unknown).
    pub fn new(
        files: &[TemplateFile],
        config: &Map<String, Value>,
        access: SiteAccess,
        problems: &mut Vec<Diagnostic>,
    ) -> Self {
        let mut tera = tera::Tera::default();
        register(&mut tera, &access);
        let all: Vec<(&str, &str)> = files
            .iter()
            .map(|f| (f.name.as_str(), f.text.as_str()))
            .collect();
        let mut loaded: Vec<&TemplateFile> = files.iter().collect();
        if tera.add_raw_templates(all).is_err() {
            // Find the templates that do not parse: each with what it may import.
            let shared: Vec<&TemplateFile> = files
                .iter()
                .filter(|f| !f.name.starts_with("shortcodes/"))
                .collect();
            loaded = files
                .iter()
                .filter(|file| {
                    let mut alone = tera::Tera::default();
                    let with = shared
                        .iter()
                        .chain(std::iter::once(file))
                        .map(|f| (f.name.as_str(), f.text.as_str()));
                    match alone.add_raw_templates(with) {
                        Ok(()) => true,
                        Err(error) => {
                            problems.push(
                                Location::file(&file.path.to_string_lossy())
                                    .warning(format!(
                                        "this template does not load: {}",
                                        messages(&error)
                                    ))
                                    .with_help("the shortcodes it writes are left out of posts; Zola's error would be the same"),
                            );
                            false
                        }
                    }
                })
                .collect();
            tera = tera::Tera::default();
            register(&mut tera, &access);
            let good = loaded.iter().map(|f| (f.name.as_str(), f.text.as_str()));
            if let Err(error) = tera.add_raw_templates(good) {
                problems.push(
                    Location::file(&files[0].path.to_string_lossy())
                        .warning(format!(
                            "the site's templates do not load: {}",
                            messages(&error)
                        ))
                        .with_help("their shortcodes are left out of posts"),
                );
                loaded.clear();
                tera = tera::Tera::default();
            }
        }
        let shortcodes = loaded
            .iter()
            .filter_map(|file| {
                let name = file.name.strip_prefix("shortcodes/")?;
                let (stem, markdown) = match name.strip_suffix(".md") {
                    Some(stem) => (stem, true),
                    None => (name.strip_suffix(".html")?, false),
                };
                Some((stem.to_owned(), (file.name.clone(), markdown)))
            })
            .collect();
        SiteTemplates {
            tera,
            shortcodes,
            config: Value::Object(config.clone()),
        }
    }

    /// Whether the site has a template for the shortcode `name`; and whether it writes
    /// Markdown.
    pub fn shortcode(&self, name: &str) -> Option<bool> {
        self.shortcodes.get(name).map(|(_, markdown)| *markdown)
    }

    /// Renders a call of `name` with its arguments (and `body`, `nth`) on `page`.
    pub fn render(
        &self,
        name: &str,
        arguments: Map<String, Value>,
        body: Option<&str>,
        nth: usize,
        page: &PageVariables<'_>,
    ) -> Result<String, TemplateError> {
        let Some((template, _)) = self.shortcodes.get(name) else {
            return Err(TemplateError::Unsupported(name.to_owned()));
        };
        let mut context = tera::Context::new();
        for (key, value) in arguments {
            context.insert(key, &value);
        }
        if let Some(body) = body {
            context.insert("body", body);
        }
        context.insert("nth", &nth);
        context.insert("lang", page.lang);
        context.insert("page", page.page);
        context.insert("config", &self.config);
        self.tera
            .render(template, &context)
            .map_err(|error| match unsupported(&error) {
                Some(what) => TemplateError::Unsupported(what),
                None => TemplateError::Failed(messages(&error)),
            })
    }
}

thread_local! {
    /// The state of `get_random` on this thread, seeded by [`seed_random`].
    static RANDOM: Cell<u64> = const { Cell::new(0) };
}

/// Seeds `get_random` for the page about to be rendered on this thread: a page is
/// rendered on one thread, so its "random" ids are the same in every build.
pub fn seed_random(page: &str) {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    page.hash(&mut hasher);
    RANDOM.with(|state| state.set(hasher.finish() | 1));
}

fn next_random() -> u64 {
    RANDOM.with(|state| {
        // xorshift64: deterministic, and different on every call.
        let mut x = state.get().max(1);
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        state.set(x);
        x
    })
}

/// Zola's functions and filters that shortcodes use.
fn register(tera: &mut tera::Tera, access: &SiteAccess) {
    let root = access.root_path.clone();
    let url = move |path: &str| -> String {
        if path.starts_with("@/") || path.contains("://") {
            return path.to_owned();
        }
        format!("{root}{}", path.trim_start_matches('/'))
    };
    let get_url = url.clone();
    tera.register_function("get_url", move |args: &HashMap<String, Value>| {
        let path = string_arg(args, "path")?;
        let lang = args.get("lang").and_then(Value::as_str);
        let path = match lang {
            Some(lang) if !path.starts_with("@/") => {
                format!("{lang}/{}", path.trim_start_matches('/'))
            }
            _ => path,
        };
        Ok(Value::String(get_url(&path)))
    });
    let size = access.image_size.clone();
    tera.register_function(
        "get_image_metadata",
        move |args: &HashMap<String, Value>| {
            let path = string_arg(args, "path")?;
            Ok(match size(&path) {
                Some((width, height)) => serde_json::json!({ "width": width, "height": height }),
                // The image the template shows is reported where the body shows it.
                None => Value::Null,
            })
        },
    );
    let size = access.image_size.clone();
    let resized_url = url.clone();
    tera.register_function("resize_image", move |args: &HashMap<String, Value>| {
        let path = string_arg(args, "path")?;
        let (width, height) = size(&path).unwrap_or_default();
        Ok(serde_json::json!({
            "url": resized_url(&path),
            "static_path": path,
            "width": width,
            "height": height,
            "orig_width": width,
            "orig_height": height,
        }))
    });
    let data_file = access.data_file.clone();
    tera.register_function("load_data", move |args: &HashMap<String, Value>| {
        let path = string_arg(args, "path")?;
        let required = args
            .get("required")
            .and_then(Value::as_bool)
            .unwrap_or(true);
        let Some(text) = data_file(&path) else {
            return if required {
                Err(tera::Error::msg(format!(
                    "`load_data`: no file `{path}` in the site"
                )))
            } else {
                Ok(Value::Null)
            };
        };
        let format = args
            .get("format")
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
            .unwrap_or_else(|| {
                path.rsplit('.')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase()
            });
        match format.as_str() {
            "toml" => toml::from_str::<Value>(&text)
                .map_err(|e| tera::Error::msg(format!("`load_data`: `{path}`: {e}"))),
            "json" => serde_json::from_str::<Value>(&text)
                .map_err(|e| tera::Error::msg(format!("`load_data`: `{path}`: {e}"))),
            _ => Ok(Value::String(text)),
        }
    });
    tera.register_function("get_random", |args: &HashMap<String, Value>| {
        let start = args.get("start").and_then(Value::as_i64).unwrap_or(0);
        let end = args
            .get("end")
            .and_then(Value::as_i64)
            .unwrap_or(start + 100);
        let span = u64::try_from((end - start).max(1)).unwrap_or(1);
        let offset = i64::try_from(next_random() % span).unwrap_or(0);
        Ok(Value::from(start + offset))
    });
    tera.register_filter(
        "markdown",
        |value: &Value, args: &HashMap<String, Value>| {
            let text = value.as_str().unwrap_or_default();
            let mut html = String::new();
            pulldown_cmark::html::push_html(
                &mut html,
                pulldown_cmark::Parser::new_ext(text, crate::render::markdown::options()),
            );
            let inline = args.get("inline").and_then(Value::as_bool).unwrap_or(false);
            if inline {
                let trimmed = html.trim_end();
                if let Some(inner) = trimmed
                    .strip_prefix("<p>")
                    .and_then(|rest| rest.strip_suffix("</p>"))
                    .filter(|inner| !inner.contains("<p>"))
                {
                    html = inner.to_owned();
                }
            }
            Ok(Value::String(html))
        },
    );
}

fn string_arg(args: &HashMap<String, Value>, name: &str) -> tera::Result<String> {
    match args.get(name) {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(other) => Ok(other.to_string()),
        None => Err(tera::Error::msg(format!(
            "the argument `{name}` is missing"
        ))),
    }
}

/// The function, filter or test a failed render names as missing.
fn unsupported(error: &tera::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if let Some(tera_error) = current.downcast_ref::<tera::Error>() {
            match &tera_error.kind {
                tera::ErrorKind::FunctionNotFound(name) => {
                    return Some(format!("the function `{name}`"));
                }
                tera::ErrorKind::FilterNotFound(name) => {
                    return Some(format!("the filter `{name}`"));
                }
                tera::ErrorKind::TestNotFound(name) => return Some(format!("the test `{name}`")),
                _ => {}
            }
        }
        cause = current.source();
    }
    None
}

/// Tera's message and every cause of it, on one line.
fn messages(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(current) = cause {
        text.push_str(": ");
        text.push_str(&current.to_string());
        cause = current.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn templates(files: &[(&str, &str)]) -> (SiteTemplates, Vec<Diagnostic>) {
        let files: Vec<TemplateFile> = files
            .iter()
            .map(|(name, text)| TemplateFile {
                name: (*name).to_owned(),
                path: PathBuf::from("templates").join(name),
                text: (*text).to_owned(),
            })
            .collect();
        let mut config = Map::new();
        config.insert("title".into(), Value::from("Site"));
        let access = SiteAccess {
            image_size: Arc::new(|path| {
                (path.trim_start_matches('/') == "blog/a/cat.png").then_some((800, 600))
            }),
            data_file: Arc::new(|path| {
                (path == "data/x.toml").then(|| "name = \"Ferris\"".to_owned())
            }),
            root_path: "/".to_owned(),
        };
        let mut problems = Vec::new();
        let templates = SiteTemplates::new(&files, &config, access, &mut problems);
        (templates, problems)
    }

    fn call(
        templates: &SiteTemplates,
        name: &str,
        args: Value,
        body: Option<&str>,
    ) -> Result<String, TemplateError> {
        let page =
            serde_json::json!({ "path": "/blog/a/", "colocated_path": "blog/a/", "title": "A" });
        let Value::Object(args) = args else {
            panic!("an object")
        };
        templates.render(
            name,
            args,
            body,
            1,
            &PageVariables {
                page: &page,
                lang: "en",
            },
        )
    }

    #[test]
    fn renders_a_figure_with_zolas_functions() {
        let (site, problems) = templates(&[(
            "shortcodes/figure.html",
            r#"{% set meta = get_image_metadata(path=page.colocated_path ~ src) %}<figure><img src="{{ get_url(path=page.path ~ src) }}" alt="{{ alt }}" width="{{ meta.width }}"><figcaption>{{ caption | markdown(inline=true) | safe }}</figcaption></figure>"#,
        )]);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(site.shortcode("figure"), Some(false));
        assert_eq!(
            call(
                &site,
                "figure",
                serde_json::json!({"src": "cat.png", "alt": "A <cat>", "caption": "The *cat*"}),
                None
            )
            .as_deref(),
            // Tera escapes `/` as Zola's templates do; the body's resolver reads it back.
            Ok(
                r#"<figure><img src="&#x2F;blog&#x2F;a&#x2F;cat.png" alt="A &lt;cat&gt;" width="800"><figcaption>The <em>cat</em></figcaption></figure>"#
            )
        );
    }

    #[test]
    fn gives_the_body_config_lang_nth_and_data() {
        let (site, _p) = templates(&[
            (
                "macros/words.html",
                "{% macro loud(text) %}{{ text | upper }}{% endmacro %}",
            ),
            (
                "shortcodes/note.md",
                "{% import \"macros/words.html\" as words %}{% set data = load_data(path=\"data/x.toml\") %}> {{ words::loud(text=body) }} ({{ config.title }}, {{ lang }}, {{ nth }}, {{ data.name }})",
            ),
        ]);
        assert_eq!(site.shortcode("note"), Some(true), "{:?}", _p);
        assert_eq!(
            call(&site, "note", serde_json::json!({}), Some("hi")).as_deref(),
            Ok("> HI (Site, en, 1, Ferris)")
        );
    }

    #[test]
    fn tells_what_folio_lacks_from_what_fails() {
        let (site, _) = templates(&[
            ("shortcodes/posts.html", "{{ get_page(path=\"x.md\") }}"),
            ("shortcodes/broken.html", "{{ 1 / missing }}"),
        ]);
        assert_eq!(
            call(&site, "posts", serde_json::json!({}), None),
            Err(TemplateError::Unsupported("the function `get_page`".into()))
        );
        assert!(matches!(
            call(&site, "broken", serde_json::json!({}), None),
            Err(TemplateError::Failed(_))
        ));
    }

    #[test]
    fn reports_a_template_that_does_not_parse_and_keeps_the_others() {
        let (site, problems) = templates(&[
            ("shortcodes/bad.html", "{% if %}"),
            ("shortcodes/good.html", "ok"),
        ]);
        assert_eq!(site.shortcode("bad"), None);
        assert_eq!(site.shortcode("good"), Some(false));
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .to_string()
                .contains("templates/shortcodes/bad.html"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn random_ids_repeat_for_the_same_page() {
        seed_random("blog/a/index.md");
        let first = (next_random(), next_random());
        seed_random("blog/a/index.md");
        assert_eq!(first, (next_random(), next_random()));
        assert_ne!(first.0, first.1);
    }
}
