//! Where a post's links and images lead: the table of every route, old URL and post
//! file of the site, and the resolver that reads each link and image of a body as its
//! generator (Folio, Zola, Hugo) meant it.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use folio_model::data_layout::{self, Page as Route, language_prefix};
use folio_model::picture;

use crate::read::import::{Generator, Origin, permalinks};
use crate::read::posts::{Catalog, content_path, is_bundle, normalize_url};
use crate::read::settings::Settings;
use crate::render::assemble::{Assets, media_url, post_route};
use crate::render::highlight;
use crate::render::markdown::{ImageTarget, ImageUse, LinkTarget, Resolve};
use folio_images::{self as images, ImageProblem, Slot};

/// Where internal links may point: post files, routes, old URLs and section folders.
pub(super) struct RouteTable {
    /// Post files by path inside the content folder.
    files: BTreeMap<String, String>,
    /// Routes, old URLs and section folders, normalized, to the route they lead to.
    urls: BTreeMap<String, String>,
    /// An imported site's tag and category pages, by their path from the generator's
    /// site root (`tags/security`), to their route.
    taxonomies: BTreeMap<String, String>,
    /// The first segment of every path of the blog (`posts`, `tag`, `es`, `2019`): a
    /// root-relative link that starts otherwise leads out of the blog.
    segments: BTreeSet<String>,
    /// An imported site's files of the content folder, by the path from the generator's
    /// site root where it published them (see [`published_assets`]).
    published: BTreeMap<String, String>,
}

impl RouteTable {
    pub(super) fn new(
        catalog: &Catalog<'_>,
        settings: &Settings,
        origin: &Origin,
        assets: &BTreeSet<String>,
    ) -> Self {
        let mut files = BTreeMap::new();
        let mut urls = BTreeMap::new();
        let mut taxonomies = BTreeMap::new();
        for post in catalog.posts.iter().chain(&catalog.pages) {
            let prefix = language_prefix(&post.language, &settings.default_language);
            // A term's URL: Hugo's `urlize`, Zola's slug of the name.
            let term_url = |name: &str| match origin.generator {
                Generator::Hugo => permalinks::urlize(name),
                _ => folio_model::slug::slugify(name),
            };
            if origin.generator != Generator::Folio {
                for tag in &post.tags {
                    taxonomies
                        .entry(format!(
                            "{prefix}{}/{}",
                            origin.urls.tags_folder,
                            term_url(&tag.name)
                        ))
                        .or_insert_with(|| data_layout::route(&prefix, Route::Tag(&tag.id, 1)));
                }
                if let Some(id) = &post.category {
                    let name = &catalog.categories[id].name;
                    taxonomies
                        .entry(format!(
                            "{prefix}{}/{}",
                            origin.urls.categories_folder,
                            term_url(name)
                        ))
                        .or_insert_with(|| data_layout::route(&prefix, Route::Category(id, 1)));
                }
            }
            let route = post_route(post, settings);
            files.insert(post.page.file.relative.clone(), route.clone());
            urls.insert(normalize_url(&route), route.clone());
            for alias in &post.aliases {
                urls.entry(alias.clone()).or_insert_with(|| route.clone());
            }
        }
        // Each language's home.
        for language in &settings.languages {
            let prefix = language_prefix(&language.code, &settings.default_language);
            let home = data_layout::route(&prefix, Route::Home(1));
            urls.entry(normalize_url(&home)).or_insert(home);
        }
        for (folder, id) in &catalog.sections {
            let route = data_layout::route("", Route::Category(id, 1));
            files.insert(
                if folder.is_empty() {
                    "_index.md".into()
                } else {
                    format!("{folder}/_index.md")
                },
                route.clone(),
            );
            urls.entry(normalize_url(folder)).or_insert(route);
        }
        let mut segments: BTreeSet<String> = urls
            .keys()
            .chain(assets.iter())
            .filter_map(|path| path.split('/').next())
            .map(str::to_owned)
            .collect();
        segments.extend(settings.languages.iter().map(|l| l.code.clone()));
        segments.extend(
            [
                "posts",
                "page",
                "category",
                "tag",
                "author",
                data_layout::DATA_DIR,
            ]
            .map(str::to_owned),
        );
        RouteTable {
            files,
            urls,
            taxonomies,
            segments,
            published: published_assets(catalog, settings, origin, assets),
        }
    }
}

pub(super) struct PostResolver<'a> {
    pub(super) folder: &'a str,
    pub(super) url_folders: Vec<&'a str>,
    pub(super) table: &'a RouteTable,
    pub(super) assets: &'a Assets<'a>,
    pub(super) media: &'a RefCell<BTreeSet<String>>,
    /// The files of the content folder the body shows as images.
    pub(super) shown: &'a RefCell<BTreeSet<String>>,
    pub(super) highlights: &'a highlight::Cache,
    /// The path the site is served under (`/`, `/blog/`): links and images are written
    /// under it, so that they lead to the same place with and without the app.
    pub(super) base_path: &'a str,
    /// The post's language, for the words the body carries (code blocks' names).
    pub(super) language: &'a str,
    /// Its routes' prefix (`""`, `ja/`).
    pub(super) language_prefix: &'a str,
    /// The folders of the post's translations that are page bundles, the default
    /// language's first: Hugo shares a bundle's files with its translations.
    pub(super) translation_folders: Vec<&'a str>,
    /// The post's file, from the content folder and inside its content tree.
    pub(super) relative: &'a str,
    pub(super) tree_path: &'a str,
    /// The URL its generator gave it, from the generator's site root.
    pub(super) generator_url: Option<&'a str>,
    /// The origin of the host's site, when it is not the base URL's.
    pub(super) host_url: Option<&'a str>,
}

impl Resolve for PostResolver<'_> {
    fn highlight(&self, language: &str, code: &str) -> Option<String> {
        self.highlights.highlight(language, code)
    }

    fn code_label(&self, language: &str) -> String {
        (folio::labels::labels(self.language).code_block)(language)
    }

    fn details_label(&self) -> &'static str {
        folio::labels::labels(self.language).details
    }

    fn link(&self, href: &str) -> LinkTarget {
        let href = href.trim();
        if href.is_empty() || href.starts_with('#') {
            return LinkTarget::Unchanged;
        }
        if href.starts_with("//") || href.contains("://") {
            return LinkTarget::External;
        }
        if href
            .split(['/', '?', '#'])
            .next()
            .is_some_and(|first| first.contains(':'))
            && !href.starts_with("@/")
        {
            return LinkTarget::Unchanged;
        }
        let fragment = href.find('#').map_or("", |i| &href[i..]);
        let path = href.split(['#', '?']).next().unwrap_or_default();
        let found = if let Some(file) = path.strip_prefix("@/") {
            self.file_route(file)
        } else if path.starts_with('/') {
            match self.rooted(path) {
                Rooted::Found(route) => Some(route),
                Rooted::Host => return LinkTarget::Host(self.host_href(href)),
                Rooted::Missing => None,
            }
        } else {
            let found = self.relative(path);
            if found.is_none()
                && let Rooted::Host = self.rooted(&format!("/{path}"))
            {
                return LinkTarget::HostGuess(self.host_href(&format!("/{href}")));
            }
            found
        };
        match found {
            Some(route) => LinkTarget::Internal(format!("{}{route}{fragment}", self.base_path)),
            None if looks_like_domain(path) => LinkTarget::NoScheme(format!("https://{href}")),
            None => LinkTarget::Missing(
                "link to a post's route (`/posts/<slug>/`), its file (`@/posts/<slug>.md`), one of its `aliases`, or a file of the content folder".into(),
            ),
        }
    }

    fn image(&self, src: &str, usage: ImageUse) -> Result<ImageTarget, String> {
        let beside = std::iter::once(self.folder)
            .chain(self.translation_folders.iter().copied())
            .filter_map(|folder| content_path(folder, src))
            .find(|path| self.assets.paths.contains(path));
        let from_root = || match src.strip_prefix('/') {
            Some(_) => self.in_generator_root(src),
            None => self.against_generator_url(src),
        };
        let content_file = beside.or_else(|| {
            let published = self.table.published.get(&from_root()?)?;
            Some(published.clone())
        });
        if let Some(path) = content_file {
            self.shown.borrow_mut().insert(path.clone());
            let file = self.assets.root.join(&path);
            let original = || {
                (
                    format!("{}{}", self.base_path, media_url(&path)),
                    (self.assets.size)(&path),
                )
            };
            return Ok(self.image_target(&file, &path, usage, original, Some(&path)));
        }
        match from_root().and_then(|path| Some((self.assets.statics.get(&path)?, path))) {
            Some((file, path)) => {
                let original = || {
                    (
                        format!("{}{path}", self.base_path),
                        (self.assets.static_size)(&path),
                    )
                };
                Ok(self.image_target(file, &path, usage, original, None))
            }
            None => Err(format!("image file `{src}` not found")),
        }
    }
}

impl PostResolver<'_> {
    /// The image in `file` (`name` in the site) as the body shows it: its variants for
    /// a Markdown image of a raster file, else the `original` URL and size, with
    /// `media` (a file of the content folder) published as it is.
    fn image_target(
        &self,
        file: &std::path::Path,
        name: &str,
        usage: ImageUse,
        original: impl Fn() -> (String, Option<(u32, u32)>),
        media: Option<&str>,
    ) -> ImageTarget {
        let as_is = |problem: Option<ImageProblem>, size: Option<(u32, u32)>| {
            if let Some(media) = media {
                self.media.borrow_mut().insert(media.to_owned());
            }
            let (src, original_size) = original();
            ImageTarget {
                src,
                size: size.or(original_size),
                responsive: None,
                problem,
            }
        };
        if usage == ImageUse::RawHtml || !images::is_raster(name) {
            return as_is(None, None);
        }
        match self.assets.images.prepare(file, name, Slot::Body) {
            Ok(images::Prepared {
                width,
                height,
                variants: Some(variants),
                warning,
            }) => {
                let under_base = |url: &str| format!("{}{url}", self.base_path);
                let mut responsive = variants.responsive;
                for source in &mut responsive.sources {
                    source.srcset = picture::srcset_under(&source.srcset, &under_base);
                }
                ImageTarget {
                    src: under_base(&variants.src),
                    size: Some((width, height)),
                    responsive: Some(responsive),
                    problem: warning,
                }
            }
            Ok(prepared) => as_is(prepared.warning, Some((prepared.width, prepared.height))),
            Err(problem) => as_is(Some(problem), None),
        }
    }
}

/// Where a root-relative link leads.
enum Rooted {
    /// A route or file of the blog, from the site's root.
    Found(String),
    /// A page of the larger site the blog is part of.
    Host,
    /// Inside the blog, where nothing is.
    Missing,
}

impl PostResolver<'_> {
    fn asset(&self, path: &str) -> Option<String> {
        self.assets.paths.contains(path).then(|| {
            self.media.borrow_mut().insert(path.to_owned());
            media_url(path)
        })
    }

    /// A post or section file (`@/blog/x.md`), in the post's own content tree first.
    fn file_route(&self, file: &str) -> Option<String> {
        let tree = &self.relative[..self.relative.len() - self.tree_path.len()];
        self.table
            .files
            .get(&format!("{tree}{file}"))
            .or_else(|| self.table.files.get(file))
            .cloned()
    }

    /// A route, old URL, post file or file of the content folder at `candidate`, a path
    /// inside the content folder or the site.
    fn lookup(&self, candidate: &str) -> Option<String> {
        self.table
            .files
            .get(candidate)
            .or_else(|| self.table.urls.get(&normalize_url(candidate)))
            .cloned()
            .or_else(|| self.asset(candidate))
    }

    /// A link relative to the post: to its folder's files and the site's, to the folders
    /// of its old URLs, then (an imported site's) from the URL its generator gave it.
    fn relative(&self, path: &str) -> Option<String> {
        let from_urls = self
            .url_folders
            .iter()
            .map(|folder| content_path(folder, path));
        let from_translations = self
            .translation_folders
            .iter()
            .map(|folder| content_path(folder, path));
        let candidates = [content_path(self.folder, path), content_path("", path)]
            .into_iter()
            .chain(from_translations)
            .chain(from_urls);
        if let Some(found) = candidates.flatten().find_map(|c| self.lookup(&c)) {
            return Some(found);
        }
        let rooted = format!("/{}", self.against_generator_url(path)?);
        match self.rooted(&rooted) {
            Rooted::Found(route) => Some(route),
            Rooted::Host | Rooted::Missing => None,
        }
    }

    /// A path from the site's root. In Folio's content it is a path of the blog, and a
    /// path outside the blog's routes leads to the host's site when the blog is part of
    /// one. In an imported site it is a path of the generator's site: a static file, a
    /// page of the blog's section, a tag page, or else a page of the rest of the site.
    fn rooted(&self, path: &str) -> Rooted {
        let origin = self.assets.origin;
        if origin.generator == Generator::Folio {
            if let Some(found) = content_path("", path).and_then(|c| self.lookup(&c)) {
                return Rooted::Found(found);
            }
            let first = path
                .trim_start_matches('/')
                .split('/')
                .next()
                .unwrap_or_default();
            let part_of_a_larger_site = self.base_path != "/" || self.host_url.is_some();
            return if part_of_a_larger_site && !self.table.segments.contains(first) {
                Rooted::Host
            } else {
                Rooted::Missing
            };
        }
        let Some(inside) = self.in_generator_root(path) else {
            return Rooted::Host;
        };
        if self.assets.statics.contains_key(&inside) {
            return Rooted::Found(inside);
        }
        if let Some(found) = self
            .table
            .published
            .get(&inside)
            .and_then(|file| self.asset(file))
        {
            return Rooted::Found(found);
        }
        // Hugo's link render hook finds a page by its file (`/blog/2025/x.md`).
        if let Some(route) = inside
            .ends_with(".md")
            .then(|| self.file_route(&inside))
            .flatten()
        {
            return Rooted::Found(route);
        }
        if let Some(route) = self.table.taxonomies.get(&normalize_url(&inside)) {
            return Rooted::Found(route.clone());
        }
        match origin.blog_path(&format!("/{inside}"), self.language_prefix) {
            Some(in_blog) => match self.lookup(&in_blog) {
                Some(found) => Rooted::Found(found),
                None if in_blog.is_empty() => Rooted::Found(String::new()),
                None => Rooted::Missing,
            },
            None => Rooted::Host,
        }
    }

    /// The path inside the generator's site of a path from the host's root; `None`
    /// when it is outside the generator's site.
    fn in_generator_root(&self, path: &str) -> Option<String> {
        in_generator_root(&self.assets.origin.root_path, path)
    }

    /// `path`, relative to the URL the generator gave the post (a folder: `/blog/x/`),
    /// as a path inside the generator's site.
    fn against_generator_url(&self, path: &str) -> Option<String> {
        let url = self.generator_url?;
        let folder = self.in_generator_root(url)?;
        content_path(&folder, path)
    }

    /// A link into the host's site, on the host's origin when the settings name one.
    fn host_href(&self, href: &str) -> String {
        match self.host_url {
            Some(host) => format!("{}{href}", host.trim_end_matches('/')),
            None => href.to_owned(),
        }
    }
}

/// The path inside a generator's site (served from `root`, `/` or `/docs/`) of a path
/// from the host's root; `None` when it is outside the generator's site.
fn in_generator_root(root: &str, path: &str) -> Option<String> {
    let inside = path
        .strip_prefix(root)
        .or_else(|| (path.trim_end_matches('/') == root.trim_end_matches('/')).then_some(""))?;
    content_path("", inside)
}

/// Where an imported site's generator published the files of its content folder, by
/// their path from its site root: a page bundle's files beside the page, under the URL
/// it gave the page (Zola and Hugo alike); any other file at its path inside its content
/// tree, under its language's prefix (Zola copies a section's files to the section's
/// URL, which is its folder; Hugo publishes a file where it lies).
fn published_assets(
    catalog: &Catalog<'_>,
    settings: &Settings,
    origin: &Origin,
    assets: &BTreeSet<String>,
) -> BTreeMap<String, String> {
    let mut published = BTreeMap::new();
    if origin.generator == Generator::Folio {
        return published;
    }
    let mut bundles: BTreeMap<&str, String> = BTreeMap::new();
    let mut trees: BTreeMap<&str, String> = BTreeMap::new();
    for post in &catalog.posts {
        let file = &post.page.file;
        trees.insert(
            &file.relative[..file.tree_start],
            language_prefix(&post.language, &settings.default_language),
        );
        if let Some(url) = post
            .generator_url
            .as_deref()
            .filter(|_| is_bundle(&file.relative))
            .and_then(|url| in_generator_root(&origin.root_path, url))
        {
            bundles.insert(&post.folder, url);
        }
    }
    for path in assets {
        let bundle = ancestors(path).find_map(|folder| {
            let url = bundles.get(folder)?;
            let rest = &path[folder.len()..];
            Some(format!("{url}{rest}"))
        });
        let in_tree = || {
            let (tree, prefix) = trees
                .iter()
                .filter(|(tree, _)| path.starts_with(*tree))
                .max_by_key(|(tree, _)| tree.len())?;
            Some(format!("{prefix}{}", &path[tree.len()..]))
        };
        if let Some(url) = bundle.or_else(in_tree) {
            published
                .entry(url.trim_start_matches('/').to_owned())
                .or_insert_with(|| path.clone());
        }
    }
    published
}

/// The folders that hold a path, the deepest first (`a/b` and `a` for `a/b/c.png`).
fn ancestors(path: &str) -> impl Iterator<Item = &str> {
    path.match_indices('/').rev().map(|(i, _)| &path[..i])
}

/// `github.com/x`: a first segment with a dot and a letters-only last label, which no
/// file or route of a site looks like.
fn looks_like_domain(path: &str) -> bool {
    let host = path.split('/').next().unwrap_or_default();
    let label = host.rsplit('.').next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && (2..=6).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            label,
            "md" | "html" | "htm" | "png" | "jpg" | "jpeg" | "gif" | "svg" | "webp" | "pdf" | "txt"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_domains_from_paths() {
        assert!(looks_like_domain("github.com/epage"));
        assert!(looks_like_domain("docs.rs"));
        assert!(!looks_like_domain("parallel-rustc.html"));
        assert!(!looks_like_domain("chart.png"));
        assert!(!looks_like_domain("posts/x/"));
    }
}
