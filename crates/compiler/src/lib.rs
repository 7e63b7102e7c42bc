//! Folio's content compiler: turns a content folder (Markdown posts with front matter,
//! site settings, authors, categories) into the JSON content index of `folio-model`.
//!
//! Three stages, one folder each: [`read`] a site (Folio's content folder, or a Zola or
//! Hugo site as it is), [`render`] its posts into the documents of the index, [`write`]
//! the index and the site around it. Only `read::source`, `read::import`, `write` and
//! the highlight cache touch the file system. Every problem of a run is collected before
//! anything is written.

pub mod diagnostic;
pub mod parallel;
pub mod read;
pub mod render;
pub mod write;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use diagnostic::Location;
use folio_images as images;
use read::{front_matter, import, posts, settings, source};
use render::shortcodes::templates::{self, SiteTemplates};
use render::{assemble, highlight};
use write::output;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use render::assemble::ContentIndex;

/// Why a build did not produce an index.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Occurs when the content has mistakes: every error and warning of the run.
    #[error("{0}")]
    Content(Diagnostics),
    /// Occurs when the content folder cannot be read or the output cannot be written.
    #[error(transparent)]
    Io(#[from] source::IoError),
}

/// Options of a build that do not come from the content itself.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Include drafts and future posts.
    pub drafts: bool,
    /// The site's absolute URL, over `site.toml`'s `base_url`.
    pub base_url: Option<String>,
    /// Report missing images, files and link targets of bodies as warnings, not errors
    /// (for content migrated without all its files, to publish while fixing them).
    pub warn_missing: bool,
    /// The build time (posts after it are future posts); now when not given.
    pub now: Option<jiff::Timestamp>,
    /// A folder where builds keep what they highlighted, for the next build to reuse.
    pub cache: Option<PathBuf>,
    /// The section of a Zola or Hugo site that is the blog (`blog`), when the site
    /// holds more than the blog; `None` for the whole site.
    pub section: Option<String>,
    /// The origin of the larger site the blog is part of, over the settings'.
    pub host_url: Option<String>,
    /// Encode images at the encoders' fastest settings (for `trunk serve`).
    pub quick_images: bool,
}

/// A successful compilation and its warnings.
#[derive(Debug)]
pub struct Compiled {
    pub index: ContentIndex,
    pub warnings: Diagnostics,
    /// Every code block the build highlighted, for [`write_cache`].
    pub highlighted: highlight::Highlighted,
    /// The folder the index's media paths are relative to.
    pub content_root: PathBuf,
    /// The images the pages show, to encode (see [`build`]) and keep in the cache.
    pub images: images::Images,
}

/// Reads and compiles the content folder, without writing anything.
pub fn compile(content_dir: &Path, options: &BuildOptions) -> Result<Compiled, BuildError> {
    // The cache is read while the content is.
    let (highlights, read) = std::thread::scope(|scope| {
        let highlights = scope.spawn(|| match &options.cache {
            Some(folder) => highlight::Cache::read(folder),
            None => highlight::Cache::default(),
        });
        let read = read_site(content_dir, options);
        let highlights = highlights
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (highlights, read)
    });
    let (files, settings, origin, mut problems) = read?;
    let authors = settings::read_authors(&files.authors, &mut problems);
    let categories = settings::read_categories(&files.categories, &mut problems);
    let mut pages = Vec::with_capacity(files.pages.len());
    let in_blog: Vec<&source::TextFile> = files
        .pages
        .iter()
        .filter(|file| origin.is_in_blog(file))
        .collect();
    for parsed in parallel::map(&in_blog, |file| front_matter::parse(file)) {
        match parsed {
            Ok(page) => pages.push(page),
            Err(problem) => problems.push(problem),
        }
    }
    let now = options
        .now
        .unwrap_or_else(jiff::Timestamp::now)
        .to_zoned_datetime(settings.time_zone.clone());
    let inclusion = posts::Inclusion {
        drafts: options.drafts,
        now: &now,
        origin: &origin,
    };
    let catalog = posts::resolve(
        pages,
        &settings,
        authors,
        categories,
        &files.assets,
        inclusion,
        &mut problems,
    );
    let size = |path: &str| source::image_size(&files.root, path);
    let static_size = |path: &str| {
        let file = files.statics.get(path)?;
        source::image_size(file.parent()?, &file.file_name()?.to_string_lossy())
    };
    let site_templates = (!origin.templates.is_empty())
        .then(|| zola_templates(content_dir, &files, &origin, &mut problems));
    let images = images::Images::new(
        &settings.images,
        options.cache.as_deref(),
        options.quick_images,
    );
    let assets = assemble::Assets {
        paths: &files.assets,
        size: &size,
        static_size: &static_size,
        statics: &files.statics,
        origin: &origin,
        templates: site_templates.as_ref(),
        root: &files.root,
        images: &images,
        base_path: &folio_model::data_layout::base_path(&settings.base_url),
    };
    let index = assemble::assemble(
        &catalog,
        &settings,
        &assets,
        &highlights,
        options.warn_missing,
        &mut problems,
    );
    let diagnostics = Diagnostics(problems).sorted();
    if diagnostics.error_count() > 0 {
        return Err(BuildError::Content(diagnostics));
    }
    Ok(Compiled {
        index,
        warnings: diagnostics,
        highlighted: highlights.into_highlighted(),
        content_root: files.root.clone(),
        images,
    })
}

/// Reads the site at `root` (Folio's content folder, or a Zola or Hugo site) and its
/// settings.
fn read_site(
    root: &Path,
    options: &BuildOptions,
) -> Result<
    (
        source::ContentFiles,
        settings::Settings,
        import::Origin,
        Vec<Diagnostic>,
    ),
    BuildError,
> {
    let content = |problem| BuildError::Content(Diagnostics(vec![problem]));
    let layout = match import::locate(root) {
        Ok(layout) => layout,
        Err(import::LayoutError::Io(e)) => return Err(e.into()),
        Err(import::LayoutError::Config(problem)) => return Err(content(problem)),
    };
    let base_url = options.base_url.as_deref();
    if layout.generator == import::Generator::Folio {
        if let Some(section) = &options.section {
            return Err(content(Location::file(&root.to_string_lossy()).error(format!(
                "`--section {section}` is for a Zola or a Hugo site, and this is a Folio content folder"
            )).with_help("leave `--section` out, or give the site's root folder (the one with its `config.toml` or `hugo.toml`)")));
        }
        let (files, problems) = source::read_content_dir(root)?;
        let mut settings = settings::read_site(files.site.as_ref(), base_url).map_err(content)?;
        if options.host_url.is_some() {
            settings.host_url.clone_from(&options.host_url);
        }
        return Ok((files, settings, import::Origin::folio(), problems));
    }
    let (files, mut problems) =
        source::read_trees(&layout.content, &layout.static_dirs, &layout.ignored)?;
    problems.extend(layout.unused_warning());
    let mut config = layout.settings.clone();
    if layout.generator == import::Generator::Zola && config.posts_per_page.is_none() {
        config.posts_per_page = zola_paginate_by(&files, options.section.as_deref());
    }
    if options.host_url.is_some() {
        config.host_url.clone_from(&options.host_url);
    }
    let root_url = config.base_url.clone().unwrap_or_else(|| "/".to_owned());
    if let Some(section) = &options.section {
        config.base_url = Some(format!("{}/{section}/", root_url.trim_end_matches('/')));
    }
    let mut settings =
        settings::validate(config, layout.config.as_ref(), base_url).map_err(content)?;
    let origin = import::Origin {
        generator: layout.generator,
        urls: layout.urls,
        section: options.section.clone(),
        root_path: folio_model::data_layout::base_path(&root_url),
        language_prefixes: settings
            .languages
            .iter()
            .map(|l| folio_model::data_layout::language_prefix(&l.code, &settings.default_language))
            .filter(|prefix| !prefix.is_empty())
            .collect(),
        params: layout.params,
        templates: layout.templates,
        config_table: layout.config_table,
    };
    // The generator's menu links are paths of its site: those inside the blog are routes.
    for link in &mut settings.navigation {
        if let Some(inside) = link
            .href
            .starts_with('/')
            .then(|| origin.blog_path(&link.href, ""))
            .flatten()
        {
            link.href = if inside.is_empty() {
                String::new()
            } else {
                format!("{inside}/")
            };
        } else if let (true, Some(host)) = (link.href.starts_with('/'), &settings.host_url) {
            link.href = format!("{}{}", host.trim_end_matches('/'), link.href);
        }
    }
    Ok((files, settings, origin, problems))
}

/// A Zola site's shortcode templates, with what Zola's functions read of the site:
/// image sizes from the content and static folders, and its data files.
fn zola_templates(
    site_root: &Path,
    files: &source::ContentFiles,
    origin: &import::Origin,
    problems: &mut Vec<Diagnostic>,
) -> SiteTemplates {
    let content_root = files.root.clone();
    let statics = files.statics.clone();
    let image_size: templates::ImageSize = Arc::new(move |written: &str| {
        // Zola reads these paths from the content folder, the static folder, or with
        // `../static/` from the content folder.
        let written = written.strip_prefix("@/").unwrap_or(written);
        let path = posts::content_path("", written.trim_start_matches("../static/"))?;
        source::image_size(&content_root, &path).or_else(|| {
            let file = statics.get(&path)?;
            source::image_size(file.parent()?, &file.file_name()?.to_string_lossy())
        })
    });
    let site_root = site_root.to_path_buf();
    let data_file: templates::DataFile =
        Arc::new(move |path: &str| source::site_file_text(&site_root, path));
    SiteTemplates::new(
        &origin.templates,
        &origin.config_table,
        templates::SiteAccess {
            image_size,
            data_file,
            root_path: origin.root_path.clone(),
        },
        problems,
    )
}

/// Zola paginates a section by its `_index.md`'s `paginate_by`: the blog's section's
/// (the site's root section, or `section`) is the blog's page size.
fn zola_paginate_by(files: &source::ContentFiles, section: Option<&str>) -> Option<u32> {
    let index = match section {
        Some(section) => format!("{section}/_index.md"),
        None => "_index.md".to_owned(),
    };
    let file = files.pages.iter().find(|f| f.tree_path() == index)?;
    // A section file that does not parse is reported with the other pages.
    let page = front_matter::parse(file).ok()?;
    let size = page.front_matter.extra.get("paginate_by")?.as_u64()?;
    u32::try_from(size).ok().filter(|&n| n > 0)
}

/// Keeps what `compiled` highlighted in the cache folder of `options`, if it has one,
/// and removes the images no build has used for a day.
pub fn write_cache(compiled: &Compiled, options: &BuildOptions) -> std::io::Result<()> {
    match &options.cache {
        Some(folder) => {
            highlight::write_cache(folder, &compiled.highlighted)?;
            compiled.images.prune_cache().map(|_| ())
        }
        None => Ok(()),
    }
}

/// Compiles the content folder and writes the index into `out_dir` (the site's `data`
/// folder), replacing what was there only once everything is ready.
pub fn build(
    content_dir: &Path,
    out_dir: &Path,
    options: &BuildOptions,
) -> Result<Compiled, BuildError> {
    let mut compiled = compile(content_dir, options)?;
    compiled.index.images = compiled.images.encode().map_err(|problem| {
        BuildError::Content(Diagnostics(vec![
            Location::file(&compiled.content_root.to_string_lossy())
                .error(problem.message)
                .with_help(problem.help),
        ]))
    })?;
    output::write_atomically(&compiled.index, &compiled.content_root, out_dir)?;
    Ok(compiled)
}
