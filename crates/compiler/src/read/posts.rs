//! Turns parsed pages into posts and checks what spans files: identity (slug, language),
//! dates, authors, categories, tags, hero images, alternates, duplicates, `related`.

use std::collections::{BTreeMap, BTreeSet};

use folio_model::slug::{is_slug, slugify};
use folio_model::{NextPath, Term};
use jiff::ZonedDateTime as Zoned;

use crate::diagnostic::{Diagnostic, Location};
use crate::read::dates;
use crate::read::front_matter::{ImageRef, Page};
use crate::read::import::permalinks::{self, PageFacts};
use crate::read::import::{Generator, Origin};
use crate::read::settings::{AuthorFile, CategoryFile, Settings, next_path};

/// A post, resolved but not yet rendered.
#[derive(Debug, Clone)]
pub struct Post<'a> {
    pub page: Page<'a>,
    /// The folder of the file inside the content folder (`posts`, `posts/bundle`).
    pub folder: String,
    pub language: String,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub published: Zoned,
    pub updated: Option<Zoned>,
    /// A draft, or dated after the build time.
    pub draft: bool,
    pub authors: Vec<String>,
    pub category: Option<String>,
    pub tags: Vec<Term>,
    /// Hero image: its path in the content folder and its alt text.
    pub image: Option<(String, String)>,
    pub next_paths: Option<Vec<NextPath>>,
    pub related: Vec<String>,
    /// Posts with the same group are alternates of each other.
    pub group: String,
    /// Old URLs, without leading or trailing `/`.
    pub aliases: Vec<String>,
    /// The slug with the date its file name starts with (`2021-01-06-january-update`),
    /// for when two posts' slugs collide and their generator kept them apart.
    pub dated_slug: Option<String>,
    /// The URL its generator (Zola, Hugo) gave it, from the generator's site root.
    pub generator_url: Option<String>,
    /// For a page that is not a post (see [`Catalog::pages`]): its path under its
    /// language's prefix (`about`).
    pub page_path: Option<String>,
}

impl Post<'_> {
    /// The folder the post is in, inside its content tree (the same for its
    /// translations): a page bundle's parent folder (`blog/2023` for
    /// `blog/2023/community-day/index.md`).
    pub fn place(&self) -> &str {
        let folder = folder_of(self.page.file.tree_path());
        if is_bundle(&self.page.file.relative) {
            folder_of(folder)
        } else {
            folder
        }
    }
}

/// Whether a page is a section's (`_index.md`, and its translations `_index.es.md`).
pub fn is_section(relative: &str) -> bool {
    let name = file_name(relative);
    name.strip_prefix("_index.")
        .is_some_and(|rest| rest == "md" || rest.ends_with(".md"))
}

/// Whether a page is a page bundle's (`index.md`, `index.ja.md`): its folder is its own.
pub fn is_bundle(relative: &str) -> bool {
    let name = file_name(relative);
    name == "index.md"
        || name
            .strip_prefix("index.")
            .is_some_and(|rest| rest.ends_with(".md"))
}

/// An author as posts refer to it.
#[derive(Debug, Clone)]
pub struct AuthorEntry {
    pub name: String,
    /// `None` for name-only authors.
    pub file: Option<AuthorFile>,
}

/// Every post and what they refer to.
#[derive(Debug, Clone, Default)]
pub struct Catalog<'a> {
    pub posts: Vec<Post<'a>>,
    /// Pages that are not posts (About, Archive): a Folio `pages/` file, or a Zola or
    /// Hugo page without a date. Each has its `page_path`; its dates mean nothing.
    pub pages: Vec<Post<'a>>,
    pub authors: BTreeMap<String, AuthorEntry>,
    pub categories: BTreeMap<String, CategoryFile>,
    /// Section folders (Zola `_index.md`) and the category they stand for.
    pub sections: BTreeMap<String, String>,
}

/// What a build includes.
#[derive(Debug, Clone, Copy)]
pub struct Inclusion<'t> {
    /// Include drafts and future posts.
    pub drafts: bool,
    /// The build time: posts after it are future posts.
    pub now: &'t Zoned,
    /// Where the site came from, and which of its sections is the blog.
    pub origin: &'t Origin,
}

/// Resolves every page; problems are collected, the pages with them left out.
pub fn resolve<'a>(
    pages: Vec<Page<'a>>,
    settings: &Settings,
    author_files: BTreeMap<String, (AuthorFile, Location)>,
    categories: BTreeMap<String, CategoryFile>,
    assets: &BTreeSet<String>,
    inclusion: Inclusion<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Catalog<'a> {
    let origin = inclusion.origin;
    let pages = pages
        .into_iter()
        .filter(|page| origin.is_in_blog(page.file));
    let mut catalog = Catalog {
        authors: author_files
            .into_iter()
            .map(|(id, (file, _))| {
                (
                    id,
                    AuthorEntry {
                        name: file.name.clone(),
                        file: Some(file),
                    },
                )
            })
            .collect(),
        categories,
        ..Catalog::default()
    };
    let declared_authors = !catalog.authors.is_empty();
    let declared_categories = !catalog.categories.is_empty();
    let (mut sections, pages): (Vec<_>, Vec<_>) = pages.partition(|p| is_section(&p.file.relative));
    // A section's own `_index.md` names it before its translations (`_index.es.md`).
    sections.sort_by_key(|section| file_name(&section.file.relative) != "_index.md");
    for section in &sections {
        let folder = folder_of(&section.file.relative).to_owned();
        // An imported site's home and the blog's section are the blog itself.
        let tree_folder = folder_of(section.file.tree_path());
        if origin.generator != Generator::Folio
            && (tree_folder.is_empty() || origin.section.as_deref() == Some(tree_folder))
        {
            continue;
        }
        let title = section
            .front_matter
            .title
            .clone()
            .unwrap_or_else(|| folder.clone());
        let id = match folder.rsplit('/').next().filter(|s| !s.is_empty()) {
            Some(name) => slugify(name),
            None => slugify(&title),
        };
        catalog
            .categories
            .entry(id.clone())
            .or_insert_with(|| CategoryFile {
                name: title,
                description: section.front_matter.description.clone().unwrap_or_default(),
            });
        catalog.sections.insert(folder, id);
    }
    let cx = PageContext {
        settings,
        languages: settings.language_codes(),
        declared_authors,
        declared_categories,
        assets,
        now: inclusion.now,
        origin,
    };
    for page in pages {
        if let Some(post) = resolve_page(page, &cx, &mut catalog, problems) {
            match post.page_path {
                Some(_) => catalog.pages.push(post),
                None => catalog.posts.push(post),
            }
        }
    }
    if !inclusion.drafts {
        catalog.posts.retain(|p| !p.draft);
        catalog.pages.retain(|p| !p.draft);
    }
    check_identities(&mut catalog.posts, problems);
    check_page_paths(&mut catalog.pages, settings, problems);
    check_related(&catalog.posts, problems);
    catalog
}

/// What resolving a page needs besides the page and what other pages added.
struct PageContext<'s> {
    settings: &'s Settings,
    languages: BTreeSet<&'s str>,
    /// Whether the content has author files (then id-shaped values must name one).
    declared_authors: bool,
    /// Whether the content has category files.
    declared_categories: bool,
    assets: &'s BTreeSet<String>,
    now: &'s Zoned,
    origin: &'s Origin,
}

/// One page as a post, or `None` with its problems reported. Name-only authors and
/// categories it introduces are added to `catalog`.
fn resolve_page<'a>(
    page: Page<'a>,
    cx: &PageContext<'_>,
    catalog: &mut Catalog<'a>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Post<'a>> {
    let fm = &page.front_matter;
    if fm.title.is_none() && fm.template.is_some() {
        problems.push(
            Location::file(&page.file.path)
                .warning("template page skipped: it has no title and only names a template")
                .with_help("give it a `title` to publish it as a post"),
        );
        return None;
    }
    if !is_rendered(fm) {
        return None;
    }
    let Some(title) = fm.title.clone().filter(|t| !t.trim().is_empty()) else {
        problems.push(
            page.locate("title")
                .error("missing title")
                .with_help("add `title = \"...\"` to the front matter"),
        );
        return None;
    };
    let relative = page.file.relative.clone();
    let folder = folder_of(&relative).to_owned();
    let stem = file_name(&relative).trim_end_matches(".md");
    let (base, suffix) = match stem.rsplit_once('.') {
        Some((base, suffix)) if looks_like_language(suffix) => (base, Some(suffix)),
        _ => (stem, None),
    };
    let bundle = base == "index";
    let base = if bundle {
        folder.rsplit('/').next().unwrap_or(base)
    } else {
        base
    };
    let language = page
        .file
        .tree_language
        .clone()
        .or_else(|| suffix.map(str::to_owned))
        .or_else(|| fm.lang.clone())
        .unwrap_or_else(|| cx.settings.default_language.clone());
    if !cx.languages.contains(language.as_str()) {
        problems.push(
            Location::file(&page.file.path)
                .error(format!("`{language}` is not a language of the site"))
                .with_help(format!(
                    "declare it in site.toml with `[languages.{language}]`, or rename the file"
                )),
        );
        return None;
    }
    let dated_base = base;
    let (name_date, base) = match dates::from_file_name(base) {
        Some((date, rest)) => (Some(date), rest),
        None => (None, base),
    };
    let dated_slug = (name_date.is_some() && fm.slug.is_none()).then(|| slugify(dated_base));
    let slug = match &fm.slug {
        Some(slug) => slugify(slug),
        None => slugify(base),
    };
    if slug.is_empty() {
        problems.push(
            page.locate("slug")
                .error("this post has an empty slug")
                .with_help("set `slug = \"...\"` with letters or digits"),
        );
        return None;
    }
    let single = is_single_page(&page, name_date.is_some(), cx);
    let (published, updated) = if single && fm.date.is_none() {
        (cx.now.clone(), None)
    } else {
        resolve_dates(&page, name_date, cx, problems)?
    };
    let mut ok = true;
    let mut author_ids = Vec::new();
    let written_authors: Vec<(String, &String)> = fm
        .authors
        .iter()
        .chain(&fm.author)
        .flat_map(|value| {
            let names = match cx.origin.generator {
                Generator::Folio => vec![value.clone()],
                _ => author_names(value),
            };
            names.into_iter().map(move |name| (name, value))
        })
        .collect();
    for (name, value) in &written_authors {
        let value = *value;
        match refer(name, cx.declared_authors, catalog.authors.keys()) {
            Ok(id) => {
                catalog
                    .authors
                    .entry(id.clone())
                    .or_insert_with(|| AuthorEntry {
                        name: name.trim().to_owned(),
                        file: None,
                    });
                if !author_ids.contains(&id) {
                    author_ids.push(id);
                }
            }
            Err(help) => {
                problems.push(
                    page.locate(if fm.author.as_deref() == Some(value) {
                        "author"
                    } else {
                        "authors"
                    })
                    .error(format!("unknown author `{value}`"))
                    .with_help(help),
                );
                ok = false;
            }
        }
    }
    let category_value = fm
        .category
        .clone()
        .or_else(|| fm.categories.first().cloned())
        .or_else(|| {
            fm.taxonomies
                .as_ref()
                .and_then(|t| t.categories.first().cloned())
        });
    let category = match category_value {
        Some(value) => match refer(&value, cx.declared_categories, catalog.categories.keys()) {
            Ok(id) => {
                catalog
                    .categories
                    .entry(id.clone())
                    .or_insert_with(|| CategoryFile {
                        name: value.trim().to_owned(),
                        description: String::new(),
                    });
                Some(id)
            }
            Err(help) => {
                let key = if fm.category.is_some() {
                    "category"
                } else {
                    "categories"
                };
                problems.push(
                    page.locate(key)
                        .error(format!("unknown category `{value}`"))
                        .with_help(help),
                );
                ok = false;
                None
            }
        },
        None => section_of(&folder, &catalog.sections),
    };
    let tag_names = fm
        .tags
        .clone()
        .or_else(|| fm.taxonomies.as_ref().map(|t| t.tags.clone()))
        .unwrap_or_default();
    let mut tags: Vec<Term> = Vec::new();
    for name in tag_names {
        let id = slugify(&name);
        if !id.is_empty() && !tags.iter().any(|t| t.id == id) {
            tags.push(Term {
                id,
                name: name.trim().to_owned(),
            });
        }
    }
    let image = match &fm.image {
        None if cx.origin.generator != Generator::Folio => {
            conventional_hero(&page, &folder, bundle, &title, cx)
        }
        None => None,
        Some(image) => {
            let resolved = resolve_image(&page, image, &folder, cx, problems);
            ok &= resolved.is_some();
            resolved
        }
    };
    if !ok {
        return None;
    }
    // Translations are the same file in each language's tree, or share a key.
    let tree_folder = folder_of(page.file.tree_path());
    let group = match &fm.translation_key {
        Some(key) => format!("key:{key}"),
        None => format!(
            "file:{tree_folder}/{}",
            if bundle { "index" } else { dated_base }
        ),
    };
    let prefix =
        folio_model::data_layout::language_prefix(&language, &cx.settings.default_language);
    let generator_url = permalinks::page_url(
        cx.origin.generator,
        &cx.origin.urls,
        &PageFacts {
            path: page.file.tree_path(),
            title: &title,
            slug: fm.slug.as_deref(),
            url: match cx.origin.generator {
                Generator::Hugo => fm.url.as_deref(),
                _ => fm.path.as_deref(),
            },
            date: &published,
            language_prefix: &prefix,
        },
    );
    let written_aliases =
        fm.aliases
            .iter()
            .chain(&fm.path)
            .map(|alias| match cx.origin.generator {
                Generator::Folio => Some(normalize_url(alias)),
                _ => cx.origin.blog_path(alias, &prefix),
            });
    let generator_alias = generator_url
        .as_deref()
        .and_then(|url| cx.origin.blog_path(url, &prefix));
    let mut aliases: Vec<String> = written_aliases
        .chain([generator_alias.clone()])
        .flatten()
        .filter(|a| !a.is_empty())
        .collect();
    aliases.sort();
    aliases.dedup();
    let draft = fm.draft.unwrap_or(false) || published.timestamp() > cx.now.timestamp();
    let page_path = single.then(|| {
        let written = match cx.origin.generator {
            Generator::Hugo => fm.url.clone(),
            Generator::Folio | Generator::Zola => fm.path.clone(),
        };
        match (written, &generator_alias) {
            // Zola's `path` is from the site's root, a translation's prefix and all
            // (`/es/privacidad`).
            (Some(path), _) => {
                let path = normalize_url(&path);
                match path.strip_prefix(prefix.as_str()) {
                    Some(inside) if !prefix.is_empty() => inside.to_owned(),
                    _ => path,
                }
            }
            (None, Some(alias)) if cx.origin.generator != Generator::Folio => alias
                .strip_prefix(prefix.as_str())
                .unwrap_or(alias)
                .to_owned(),
            _ => {
                let tree_path = page.file.tree_path();
                let inside = tree_path.strip_prefix("pages/").unwrap_or(tree_path);
                let inside = inside.trim_end_matches(".md");
                let inside = if bundle { folder_of(inside) } else { inside };
                match suffix {
                    Some(suffix) => inside
                        .strip_suffix(&format!(".{suffix}"))
                        .unwrap_or(inside)
                        .to_owned(),
                    None => inside.to_owned(),
                }
            }
        }
    });
    Some(Post {
        folder,
        language,
        slug,
        title,
        description: fm.description.clone().unwrap_or_default(),
        published,
        updated,
        draft,
        authors: author_ids,
        category,
        tags,
        image,
        next_paths: fm
            .next_paths
            .clone()
            .map(|links| links.into_iter().map(next_path).collect()),
        related: fm.related.iter().map(|s| slugify(s)).collect(),
        group,
        aliases,
        dated_slug,
        generator_url,
        page_path,
        page,
    })
}

/// Whether a page is published at all: Zola's `render = false`, Hugo's `headless` and
/// `build.render = "never"` keep one out, as their generators do.
fn is_rendered(fm: &crate::read::front_matter::FrontMatter) -> bool {
    let extra = &fm.extra;
    let never = |value: Option<&serde_json::Value>| {
        matches!(value, Some(serde_json::Value::Bool(false)))
            || value.and_then(serde_json::Value::as_str) == Some("never")
    };
    let build = ["_build", "build"]
        .iter()
        .filter_map(|key| extra.get(*key)?.as_object())
        .any(|build| never(build.get("render")));
    !(never(extra.get("render"))
        || extra.get("headless") == Some(&serde_json::Value::Bool(true))
        || build)
}

/// Whether a page is one that is not a post: a Folio content folder's `pages/`, or a
/// page of a Zola or Hugo site without a date (front matter, file name or URL), as
/// both publish an About page.
fn is_single_page(page: &Page<'_>, dated_name: bool, cx: &PageContext<'_>) -> bool {
    match cx.origin.generator {
        Generator::Folio => page.file.tree_path().starts_with("pages/"),
        _ => {
            let fm = &page.front_matter;
            fm.date.is_none()
                && !dated_name
                && fm.path.as_deref().and_then(dates::from_path).is_none()
        }
    }
}

/// Pages' paths: one page per path and language, and none that another route or a
/// language would read as its own.
fn check_page_paths(
    pages: &mut Vec<Post<'_>>,
    settings: &Settings,
    problems: &mut Vec<Diagnostic>,
) {
    pages.sort_by(|a, b| a.page.file.relative.cmp(&b.page.file.relative));
    let languages = settings.language_codes();
    let mut taken: BTreeMap<(String, String), String> = BTreeMap::new();
    pages.retain(|page| {
        let path = page.page_path.clone().unwrap_or_default();
        let first = path.split('/').next().unwrap_or_default();
        let location = || page.page.locate(if page.page.front_matter.path.is_some() { "path" } else { "title" });
        if path.is_empty() {
            problems.push(location().error("this page has no path of its own").with_help(
                "give it `path = \"about\"`, or move it into a folder that names it",
            ));
            return false;
        }
        let reserved = folio_model::data_layout::ROUTE_WORDS.contains(&first)
            || first == folio_model::data_layout::DATA_DIR;
        if reserved || languages.contains(first) {
            let what = if reserved { "Folio's routes" } else { "a language's routes" };
            problems.push(
                location()
                    .error(format!("the page path `{path}` starts where {what} do"))
                    .with_help(format!(
                        "give the page another `path` (`about-{first}`): `/{first}/` is kept for {what}"
                    )),
            );
            return false;
        }
        match taken.entry((page.language.clone(), path.clone())) {
            std::collections::btree_map::Entry::Occupied(first) => {
                problems.push(
                    location()
                        .error(format!("two pages have the path `{path}`"))
                        .with_help(format!("{} has it too; give one another `path`", first.get())),
                );
                false
            }
            std::collections::btree_map::Entry::Vacant(entry) => {
                entry.insert(page.page.file.path.clone());
                true
            }
        }
    });
}

/// The publication date (front matter, else the file name, else a Zola `path`) and the
/// update date, in the site's time zone.
fn resolve_dates(
    page: &Page<'_>,
    name_date: Option<jiff::civil::Date>,
    cx: &PageContext<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(Zoned, Option<Zoned>)> {
    let fm = &page.front_matter;
    let published = match (
        &fm.date,
        name_date,
        fm.path.as_deref().and_then(dates::from_path),
    ) {
        (Some(text), _, _) => match dates::parse(&text.0, &cx.settings.time_zone) {
            Ok(date) => date,
            Err(message) => {
                problems.push(page.locate("date").error(message).with_help(DATE_HELP));
                return None;
            }
        },
        (None, Some(date), _) | (None, None, Some(date)) => match date
            .to_zoned_datetime(cx.settings.time_zone.clone())
        {
            Ok(date) => date,
            Err(e) => {
                problems.push(Location::file(&page.file.path).error(format!("invalid date: {e}")));
                return None;
            }
        },
        (None, None, None) => {
            problems.push(page.locate("date").error("missing date").with_help(
                "add `date = 2026-03-14` to the front matter, or start the file name with the date (`2026-03-14-title.md`)",
            ));
            return None;
        }
    };
    let updated = match &fm.updated {
        Some(text) => match dates::parse(&text.0, &cx.settings.time_zone) {
            Ok(date) => Some(date),
            Err(message) => {
                problems.push(page.locate("updated").error(message).with_help(DATE_HELP));
                return None;
            }
        },
        None => None,
    };
    Some((published, updated))
}

/// The hero image: its path in the content folder (or its URL) and alt text; `None`
/// with the problems reported when the file is missing or the alt text is empty.
fn resolve_image(
    page: &Page<'_>,
    image: &ImageRef,
    folder: &str,
    cx: &PageContext<'_>,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, String)> {
    let alt = image.alt.clone().unwrap_or_default();
    let alt_missing = alt.trim().is_empty();
    if alt_missing {
        problems.push(
            page.locate("image")
                .error("hero image without alt text")
                .with_help(
                    "add `alt = \"...\"` describing the image for readers who cannot see it",
                ),
        );
    }
    let src = if image.src.contains("://") {
        image.src.clone()
    } else {
        let local = content_path(folder, &image.src).filter(|path| cx.assets.contains(path));
        let Some(path) = local else {
            problems.push(page.locate("image").error(format!("hero image `{}` not found", image.src)).with_help(
                "put the image beside the post, or under the content folder and start the path with `/` (`/images/hero.svg`)",
            ));
            return None;
        };
        path
    };
    (!alt_missing).then_some((src, alt))
}

/// A Zola or Hugo post's hero image by its generator's conventions: the first of Hugo's
/// `images` that is a file of the content, else a page bundle's image named `*featured*`
/// (as Docsy themes find it); its alt text the post's title.
fn conventional_hero(
    page: &Page<'_>,
    folder: &str,
    bundle: bool,
    title: &str,
    cx: &PageContext<'_>,
) -> Option<(String, String)> {
    let listed = page
        .front_matter
        .images
        .iter()
        .filter_map(|src| content_path(folder, src))
        .find(|path| cx.assets.contains(path));
    let featured = || {
        let prefix = format!("{folder}/");
        cx.assets
            .range(prefix.clone()..)
            .take_while(|path| path.starts_with(&prefix))
            .filter(|path| !path[prefix.len()..].contains('/'))
            .find(|path| {
                let name = path[prefix.len()..].to_ascii_lowercase();
                name.contains("featured")
                    && [".png", ".jpg", ".jpeg", ".webp", ".gif", ".svg", ".avif"]
                        .iter()
                        .any(|extension| name.ends_with(extension))
            })
            .cloned()
    };
    let path = listed.or_else(|| bundle.then(featured).flatten())?;
    Some((path, title.to_owned()))
}

const DATE_HELP: &str = "write dates as 2026-03-14, or 2026-03-14T10:00:00 with an optional offset (+01:00, Z); docs/content-format.md lists every form";

/// Duplicate slugs and alternates. Posts that share a slug where their generator kept
/// them apart get slugs that say where they come from (see [`separate_shared_slugs`]);
/// what is left is an error.
fn check_identities(posts: &mut Vec<Post<'_>>, problems: &mut Vec<Diagnostic>) {
    posts.sort_by(|a, b| a.page.file.relative.cmp(&b.page.file.relative));
    separate_shared_slugs(posts);
    let mut taken: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut drop = BTreeSet::new();
    for i in 0..posts.len() {
        let key = (posts[i].language.clone(), posts[i].slug.clone());
        let Some(&first) = taken.get(&key) else {
            taken.insert(key, i);
            continue;
        };
        problems.push(
            Location::file(&posts[i].page.file.path)
                .error(format!("duplicate slug `{}`", posts[i].slug))
                .with_help(format!(
                    "{} has the same slug; set a different `slug = \"...\"` in one of them",
                    posts[first].page.file.path
                )),
        );
        drop.insert(i);
    }
    let mut claimed: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (i, post) in posts.iter().enumerate() {
        if drop.contains(&i) {
            continue;
        }
        if let Some(&first) = claimed.get(&(post.group.clone(), post.language.clone())) {
            problems.push(Location::file(&post.page.file.path)
                .error(format!("two files claim the same `{}` alternate", post.language))
                .with_help(format!("{} is already this post in `{}`; give one of them another `translation_key`", posts[first].page.file.path, post.language)));
            drop.insert(i);
        } else {
            claimed.insert((post.group.clone(), post.language.clone()), i);
        }
    }
    let mut i = 0;
    posts.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
}

/// Gives distinct slugs to the posts of a language that share one, the way their
/// generator kept them apart, leaving a slug set in front matter as it is:
/// - dated files with one name (`2021-01-06-january-update.md`,
///   `2023-02-01-january-update.md`) each keep their date;
/// - files in different folders (Hugo's `blog/2023/community-day.md` and
///   `blog/2024/community-day.md`, or Zola's `inside-rust/x.md` beside `x.md`) take the
///   first folder where their places differ as a prefix (`2023-community-day`); one in
///   the folder the others are nested in keeps its slug;
/// - in one folder, the dated ones keep their dates.
fn separate_shared_slugs(posts: &mut [Post<'_>]) {
    let mut shared: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (i, post) in posts.iter().enumerate() {
        if post.page.front_matter.slug.is_none() {
            shared
                .entry((post.language.clone(), post.slug.clone()))
                .or_default()
                .push(i);
        }
    }
    for members in shared.values().filter(|members| members.len() > 1) {
        let dated: BTreeSet<&String> = members
            .iter()
            .filter_map(|&i| posts[i].dated_slug.as_ref())
            .collect();
        if dated.len() == members.len() {
            for &i in members {
                posts[i].slug = posts[i].dated_slug.clone().unwrap_or_default();
            }
            continue;
        }
        let places: Vec<Vec<String>> = members
            .iter()
            .map(|&i| {
                posts[i]
                    .place()
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .collect();
        let common = (0..)
            .take_while(|&n| {
                places
                    .iter()
                    .all(|place| place.len() > n && place[n] == places[0][n])
            })
            .count();
        let apart = places.iter().any(|place| place.len() > common);
        for (&i, place) in members.iter().zip(&places) {
            match place.get(common) {
                Some(folder) if apart => {
                    posts[i].slug = format!("{}-{}", slugify(folder), posts[i].slug);
                }
                None if apart => {}
                _ => {
                    if let Some(dated) = posts[i].dated_slug.clone() {
                        posts[i].slug = dated;
                    }
                }
            }
        }
    }
}

fn check_related(posts: &[Post<'_>], problems: &mut Vec<Diagnostic>) {
    let slugs: BTreeSet<(&str, &str)> = posts
        .iter()
        .map(|p| (p.language.as_str(), p.slug.as_str()))
        .collect();
    for post in posts {
        for slug in &post.related {
            if !slugs.contains(&(post.language.as_str(), slug.as_str())) {
                problems.push(
                    post.page
                        .locate("related")
                        .error(format!("`related` names a missing post `{slug}`"))
                        .with_help(format!(
                            "name the slug of a published `{}` post (the file name without `.md`)",
                            post.language
                        )),
                );
            }
        }
    }
}

/// The people an imported post's author line names. Docsy blogs write it in Markdown,
/// several in one line, with their links and companies
/// (`[Ana Ruiz](https://github.com/ana) (Acme), [Bo Li](https://github.com/bo)`): the
/// link texts are the names. Any other line is one name.
fn author_names(value: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|at| open + at) else {
            break;
        };
        let name = rest[open + 1..close].trim();
        if !name.is_empty() {
            names.push(name.to_owned());
        }
        rest = &rest[close + 2..];
    }
    if names.is_empty() {
        names.push(value.trim().to_owned());
    }
    names
}

/// The id a post's author or category value refers to. With declared files, an id-shaped
/// value must name one; a display name becomes (or matches) the slug of the name.
fn refer<'k>(
    value: &str,
    declared: bool,
    known: impl Iterator<Item = &'k String> + Clone,
) -> Result<String, String> {
    let value = value.trim();
    if known.clone().any(|k| k == value) {
        return Ok(value.to_owned());
    }
    if declared && is_slug(value) {
        let suggestion = known
            .map(|k| (strsim::jaro_winkler(k, value), k))
            .filter(|(score, _)| *score > 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, k)| k.clone());
        return Err(match suggestion {
            Some(k) => format!("did you mean `{k}`?"),
            None => {
                "add a file for it, or write the person's or category's display name".to_owned()
            }
        });
    }
    Ok(slugify(value))
}

fn section_of(folder: &str, sections: &BTreeMap<String, String>) -> Option<String> {
    let mut folder = folder;
    loop {
        if let Some(id) = sections.get(folder) {
            return Some(id.clone());
        }
        if folder.is_empty() {
            return None;
        }
        folder = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
    }
}

/// A BCP 47 tag's shape: a 2-3 letter language, then optionally a script (4 letters), a
/// region (2 letters) or an area (3 digits): `es`, `pt-BR`, `zh-Hant`, `es-419`.
fn looks_like_language(suffix: &str) -> bool {
    let (primary, subtag) = suffix.split_once('-').unwrap_or((suffix, ""));
    let subtag_ok = match subtag.len() {
        0 => true,
        2 | 4 => subtag.chars().all(|c| c.is_ascii_alphabetic()),
        3 => subtag.chars().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()) && subtag_ok
}

/// The path inside the content folder of `src` as written in a file of `folder`: from
/// the content folder when it starts with `/`, else from `folder`. `None` if it climbs
/// out of the content folder.
pub fn content_path(folder: &str, src: &str) -> Option<String> {
    let src = src.split(['?', '#']).next().unwrap_or_default();
    let (start, rest) = match src.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (folder, src),
    };
    let mut parts: Vec<&str> = start.split('/').filter(|s| !s.is_empty()).collect();
    for part in rest.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A site-relative URL without leading and trailing `/` or a final `index.html`.
pub fn normalize_url(url: &str) -> String {
    let url = url.split(['?', '#']).next().unwrap_or_default().trim();
    let url = url.trim_matches('/');
    url.strip_suffix("index.html")
        .unwrap_or(url)
        .trim_end_matches('/')
        .to_owned()
}

fn file_name(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}

fn folder_of(relative: &str) -> &str {
    relative.rsplit_once('/').map_or("", |(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_paths_inside_the_content_folder() {
        assert_eq!(
            content_path("posts/x", "pic.png").as_deref(),
            Some("posts/x/pic.png")
        );
        assert_eq!(
            content_path("posts", "/images/a.svg").as_deref(),
            Some("images/a.svg")
        );
        assert_eq!(
            content_path("a/b", "../c/d.png?x=1").as_deref(),
            Some("a/c/d.png")
        );
        assert_eq!(content_path("a", "../../x.png"), None);
    }

    #[test]
    fn normalizes_old_urls() {
        assert_eq!(normalize_url("/2019/09/30/x/"), "2019/09/30/x");
        assert_eq!(normalize_url("2019/09/30/x.html"), "2019/09/30/x.html");
        assert_eq!(normalize_url("/blog/x/index.html#top"), "blog/x");
    }

    #[test]
    fn refers_to_declared_ids_and_suggests_near_ones() {
        let known = ["laura-gomez".to_owned(), "sam-lee".to_owned()];
        assert_eq!(
            refer("laura-gomez", true, known.iter()),
            Ok("laura-gomez".into())
        );
        assert_eq!(refer("Mara Bos", true, known.iter()), Ok("mara-bos".into()));
        assert_eq!(
            refer("laura-gomes", true, known.iter()),
            Err("did you mean `laura-gomez`?".into())
        );
        assert_eq!(refer("lcnr", false, known.iter()), Ok("lcnr".into()));
    }

    #[test]
    fn recognizes_sections_and_bundles_in_every_language() {
        assert!(is_section("blog/_index.md"));
        assert!(is_section("_index.es.md"));
        assert!(!is_section("blog/index.md"));
        assert!(is_bundle("blog/trip/index.ja.md"));
        assert!(!is_bundle("blog/trip/indexes.md"));
    }

    #[test]
    fn reads_the_people_of_a_docsy_author_line() {
        assert_eq!(
            author_names(
                "[Ana Ruiz](https://github.com/ana) (Acme), [Bo Li](https://github.com/bo/), Cisco"
            ),
            ["Ana Ruiz", "Bo Li"]
        );
        assert_eq!(
            author_names("OpenTelemetry Governance Committee"),
            ["OpenTelemetry Governance Committee"]
        );
    }

    #[test]
    fn recognizes_language_suffixes() {
        assert!(looks_like_language("es"));
        assert!(looks_like_language("pt-BR"));
        assert!(!looks_like_language("1"));
        assert!(looks_like_language("zh-Hant"));
        assert!(looks_like_language("es-419"));
        assert!(!looks_like_language("release"));
        assert!(!looks_like_language("io-incident"));
    }
}
