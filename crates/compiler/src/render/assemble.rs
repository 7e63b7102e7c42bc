//! Renders every post and assembles the documents of the content index: the site
//! document, listing pages, post documents, related-posts features and redirects.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use folio_model::data_layout::{self, Page as Route, language_prefix};
use folio_model::head::PageHead;
use folio_model::pagination::{page_count, page_items};
use folio_model::picture;
use folio_model::text_stats::{count_words, reading_minutes};
use folio_model::*;

use crate::diagnostic::{Diagnostic, Location};
use crate::parallel;
use crate::read::dates::rfc3339;
use crate::read::import::{self, Generator, Origin, Params};
use crate::read::posts::{Catalog, Post, content_path, is_bundle, normalize_url};
use crate::read::settings::Settings;
use crate::render::links::{PostResolver, RouteTable};
use crate::render::markdown;
use crate::render::shortcodes::templates::{self, SiteTemplates};
use crate::render::shortcodes::{self, Dialect};
use crate::render::{features, heads, highlight};
use folio_images::{self as images, ImageProblem, Images, Slot};

/// A post gets a table of contents when it has this many `##`/`###` headings...
const TOC_MIN_HEADINGS: usize = 3;
/// ...and this many words: a short post reads faster than its contents would.
const TOC_MIN_WORDS: u32 = 700;

/// Every document of a compiled site, with the site path each is written to.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentIndex {
    pub site: SiteDocument,
    pub listings: Vec<(String, ListingPage)>,
    pub posts: Vec<(String, PostDocument)>,
    /// Pages that are not posts; each is only a static page (see [`PageDocument`]).
    pub pages: Vec<PageDocument>,
    pub features: Vec<(String, RelatedFeatures)>,
    pub redirects: Redirects,
    /// Files of the content folder the pages use as they are, by path inside the
    /// content folder; each is published at [`data_layout::MEDIA_DIR`]`/<path>`.
    pub media: BTreeSet<String>,
    /// The sizes and formats made of the raster images, by path from the site's root
    /// (under [`images::IMAGES_DIR`]); filled in by [`crate::build`], which encodes them.
    pub images: Vec<(String, images::ImageFile)>,
    /// The site's static files (a Zola or Hugo site's `static/`), by their path from the
    /// site's root, copied there as they are.
    pub static_files: BTreeMap<String, std::path::PathBuf>,
    /// How many of each language's newest posts its feeds hold; `None` for all.
    pub feed_limit: Option<usize>,
}

impl ContentIndex {
    /// The path from the site's root of every file of the data folder.
    pub fn data_paths(&self) -> Vec<String> {
        let mut paths = vec![
            data_layout::SITE.to_owned(),
            data_layout::REDIRECTS.to_owned(),
        ];
        paths.extend(self.listings.iter().map(|(path, _)| path.clone()));
        paths.extend(self.posts.iter().map(|(path, _)| path.clone()));
        paths.extend(self.features.iter().map(|(path, _)| path.clone()));
        paths.extend(self.media.iter().map(|media| media_url(media)));
        paths.extend(self.images.iter().map(|(path, _)| path.clone()));
        paths
    }
}

/// How the files of the content folder can be looked at.
pub struct Assets<'a> {
    /// Paths of every non-text file, inside the content folder.
    pub paths: &'a BTreeSet<String>,
    /// The intrinsic size of one of them.
    pub size: &'a (dyn Fn(&str) -> Option<(u32, u32)> + Sync),
    /// The intrinsic size of a static file.
    pub static_size: &'a (dyn Fn(&str) -> Option<(u32, u32)> + Sync),
    /// The static files, by their path from the site's root.
    pub statics: &'a BTreeMap<String, std::path::PathBuf>,
    /// Where the site came from: how its links and shortcodes are read.
    pub origin: &'a Origin,
    /// A Zola site's own shortcode templates.
    pub templates: Option<&'a SiteTemplates>,
    /// The folder the content paths are in.
    pub root: &'a std::path::Path,
    /// Makes the sizes and formats of raster images.
    pub images: &'a Images,
    /// The path the site is served under (`/`, `/blog/`), which images' markup starts
    /// its URLs with.
    pub base_path: &'a str,
}

/// The media URL, relative to the site's root, of a file of the content folder.
pub fn media_url(path: &str) -> String {
    format!("{}/{path}", data_layout::MEDIA_DIR)
}

/// Renders the posts of `catalog` (their code through `highlights`) and builds every
/// document.
pub fn assemble(
    catalog: &Catalog<'_>,
    settings: &Settings,
    assets: &Assets<'_>,
    highlights: &highlight::Cache,
    warn_missing: bool,
    problems: &mut Vec<Diagnostic>,
) -> ContentIndex {
    let table = RouteTable::new(catalog, settings, assets.origin, assets.paths);
    let base_path = data_layout::base_path(&settings.base_url);
    let bundles_by_group = translated_bundles(catalog, settings);
    let bodies = Bodies {
        table: &table,
        base_path: &base_path,
        bundles_by_group: &bundles_by_group,
        settings,
        assets,
        highlights,
        warn_missing,
    };
    let results = parallel::map(&catalog.posts, |post| {
        let (body, mut media, shown) = bodies.render(post);
        let hero = post
            .image
            .as_ref()
            .map(|(path, alt)| image(path, alt, Slot::Hero, assets));
        let summary = summary(post, &body, catalog, settings, hero.as_ref());
        // The hero's files again, as a listing's card shows them (the hero's problems
        // are reported once, with the hero's).
        let card = post
            .image
            .as_ref()
            .map(|(path, alt)| image(path, alt, Slot::Card, assets).image);
        let terms = features::count_terms(&feature_fields(post, &tag_text(post), &body.text));
        // On the Flux blog a `*featured*` picture is the card's, and the body shows it
        // where it belongs: the page then shows it once, there, not again as a hero.
        let shows_hero = post
            .image
            .as_ref()
            .is_some_and(|(path, _)| shown.contains(path));
        let hero_problem = hero.and_then(|hero| {
            media.extend(hero.original);
            hero.problem
        });
        (body, summary, card, terms, media, shows_hero, hero_problem)
    });
    let mut media = BTreeSet::new();
    let mut rendered = Vec::with_capacity(catalog.posts.len());
    let mut summaries = Vec::with_capacity(catalog.posts.len());
    let mut cards = Vec::with_capacity(catalog.posts.len());
    let mut counted_terms = Vec::with_capacity(catalog.posts.len());
    let mut hero_in_body = Vec::with_capacity(catalog.posts.len());
    for (post, (body, summary, card, terms, used, shows_hero, hero_problem)) in
        catalog.posts.iter().zip(results)
    {
        hero_in_body.push(shows_hero);
        if let Some(problem) = hero_problem {
            problems.push(diagnostic(post.page.locate("image"), &problem));
        }
        report(post, &body, problems);
        if post.description.trim().is_empty() {
            problems.push(post.page.locate("title").warning("this post has no description").with_help(
                "add `description = \"...\"`: the dek under the title, and the summary in listings and link previews",
            ));
        }
        media.extend(used);
        rendered.push(body);
        cards.push(PostSummary {
            image: card,
            ..summary.clone()
        });
        summaries.push(summary);
        counted_terms.push(terms);
    }
    let mut pages = Vec::with_capacity(catalog.pages.len());
    for (page, (body, used, _)) in catalog
        .pages
        .iter()
        .zip(parallel::map(&catalog.pages, |page| bodies.render(page)))
    {
        report(page, &body, problems);
        media.extend(used);
        let mut alternates: Vec<Alternate> = catalog
            .pages
            .iter()
            .filter(|other| other.group == page.group && other.language != page.language)
            .map(|other| Alternate {
                language: other.language.clone(),
                slug: other.page_path.clone().unwrap_or_default(),
                title: other.title.clone(),
            })
            .collect();
        alternates.sort();
        pages.push(PageDocument {
            schema_version: SCHEMA_VERSION,
            language: page.language.clone(),
            path: page.page_path.clone().unwrap_or_default(),
            title: page.title.clone(),
            description: page.description.clone(),
            body_html: body.html,
            alternates,
            head: PageHead::default(),
        });
    }
    for (id, entry) in &catalog.authors {
        if let Some(avatar) = avatar(entry, assets) {
            media.extend(avatar.original);
            if let Some(problem) = avatar.problem {
                let file = Location::file(&format!("authors/{id}.toml"));
                problems.push(diagnostic(file, &problem));
            }
        }
    }

    let mut order: Vec<usize> = (0..catalog.posts.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&catalog.posts[a], &catalog.posts[b]);
        pb.published
            .timestamp()
            .cmp(&pa.published.timestamp())
            .then_with(|| pa.slug.cmp(&pb.slug))
    });

    // Ranking the terms of related posts needs only the prose and the counted terms, so
    // it runs beside the assembly of the documents and their heads.
    let texts: Vec<String> = rendered
        .iter_mut()
        .map(|body| std::mem::take(&mut body.text))
        .collect();
    let (site, posts, listings, features) = std::thread::scope(|scope| {
        let features = scope.spawn(|| {
            settings
                .languages
                .iter()
                .map(|language| {
                    related_features(
                        &language.code,
                        &order,
                        catalog,
                        settings,
                        (&texts, &counted_terms),
                    )
                })
                .collect()
        });
        let mut posts = post_documents(&order, catalog, settings, assets, &summaries, rendered);
        let mut listings: Vec<_> = settings
            .languages
            .iter()
            .flat_map(|language| listing_pages(&language.code, &order, catalog, settings, &cards))
            .collect();
        let mut site = site_document(catalog, settings, assets);
        let heroes: Vec<_> = order
            .iter()
            .map(|&i| catalog.posts[i].image.as_ref())
            .collect();
        heads::fill_heads(
            &mut posts,
            &heroes,
            &mut listings,
            &mut pages,
            &mut site,
            assets,
        );
        // The post page shows its document's image as the hero; a body that shows that
        // file itself keeps it as the card's and the link preview's picture only (the
        // listings' summaries and the head, already written, keep it), and its first
        // image, the page's largest paint, loads first as the hero would.
        for ((_, document), &i) in posts.iter_mut().zip(&order) {
            if hero_in_body[i] {
                document.summary.image = None;
                if let Some(html) =
                    picture::with_first_image(&document.body_html, picture::Priority::High)
                {
                    document.body_html = html;
                }
            }
        }
        let features = features
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (site, posts, listings, features)
    });
    ContentIndex {
        site,
        listings,
        posts,
        pages,
        features,
        redirects: redirects(catalog, settings),
        media,
        images: Vec::new(),
        static_files: assets.statics.clone(),
        feed_limit: settings.feed_limit,
    }
}

/// What rendering a body needs, the same for every post and page.
struct Bodies<'b> {
    table: &'b RouteTable,
    base_path: &'b str,
    bundles_by_group: &'b BTreeMap<&'b str, Vec<(&'b str, &'b str)>>,
    settings: &'b Settings,
    assets: &'b Assets<'b>,
    highlights: &'b highlight::Cache,
    warn_missing: bool,
}

impl Bodies<'_> {
    /// The body of a post or page, with the files of the content folder it uses and
    /// those it shows as images.
    fn render(&self, post: &Post<'_>) -> (markdown::Rendered, BTreeSet<String>, BTreeSet<String>) {
        let (assets, settings) = (self.assets, self.settings);
        // Zola resolves relative links against the page's URL: its old URLs' folders.
        let url_folders = post
            .aliases
            .iter()
            .map(|a| a.rsplit_once('/').map_or("", |(f, _)| f))
            .collect();
        let media = RefCell::new(BTreeSet::new());
        let shown = RefCell::new(BTreeSet::new());
        let resolver = PostResolver {
            folder: &post.folder,
            url_folders,
            table: self.table,
            assets,
            media: &media,
            shown: &shown,
            highlights: self.highlights,
            base_path: self.base_path,
            language: &post.language,
            language_prefix: &language_prefix(&post.language, &settings.default_language),
            translation_folders: self
                .bundles_by_group
                .get(post.group.as_str())
                .into_iter()
                .flatten()
                .filter(|(language, _)| *language != post.language)
                .map(|(_, folder)| *folder)
                .collect(),
            relative: &post.page.file.relative,
            tree_path: post.page.file.tree_path(),
            generator_url: post.generator_url.as_deref(),
            host_url: settings.host_url.as_deref(),
        };
        let bundle_files = bundle_files(&post.folder, assets);
        let param = |name: &str| post_param(post, &assets.origin.params, name);
        let zola_page = assets.templates.map(|_| {
            templates::seed_random(&post.page.file.relative);
            zola_page(post)
        });
        let expanded = shortcodes::expand(
            post.page.body,
            &shortcodes::Context {
                dialect: match assets.origin.generator {
                    Generator::Hugo => Dialect::Hugo,
                    Generator::Zola => Dialect::Zola,
                    Generator::Folio => Dialect::Both,
                },
                bundle_files: &bundle_files,
                folder: folder_of(post.page.file.tree_path()),
                param: &param,
                templates: assets
                    .templates
                    .zip(zola_page.as_ref())
                    .map(|(site, page)| {
                        (
                            site,
                            templates::PageVariables {
                                page,
                                lang: &post.language,
                            },
                        )
                    }),
            },
        );
        let mut body = markdown::render_with_html(
            &expanded.text,
            &expanded.html,
            &resolver,
            self.warn_missing,
        );
        for problem in &mut body.problems {
            problem.offset = expanded.written_offset(problem.offset);
        }
        body.problems.extend(expanded.problems.iter().cloned());
        (body, media.into_inner(), shown.into_inner())
    }
}

/// The problems of a body, at the author's lines.
fn report(post: &Post<'_>, body: &markdown::Rendered, problems: &mut Vec<Diagnostic>) {
    for problem in &body.problems {
        let location = post.page.body_location(problem.offset);
        let diagnostic = if problem.warning {
            location.warning(&problem.message)
        } else {
            location.error(&problem.message)
        };
        problems.push(diagnostic.with_help(&problem.help));
    }
}

/// The page bundles of each group of translations, by language, the default language's
/// first.
fn translated_bundles<'c>(
    catalog: &'c Catalog<'_>,
    settings: &Settings,
) -> BTreeMap<&'c str, Vec<(&'c str, &'c str)>> {
    let mut groups: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for post in &catalog.posts {
        if is_bundle(&post.page.file.relative) {
            groups
                .entry(post.group.as_str())
                .or_default()
                .push((post.language.as_str(), post.folder.as_str()));
        }
    }
    for bundles in groups.values_mut() {
        bundles.sort_by_key(|(language, _)| *language != settings.default_language);
    }
    groups
}

/// The document of every post, newest first.
fn post_documents(
    order: &[usize],
    catalog: &Catalog<'_>,
    settings: &Settings,
    assets: &Assets<'_>,
    summaries: &[PostSummary],
    mut rendered: Vec<markdown::Rendered>,
) -> Vec<(String, PostDocument)> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, post) in catalog.posts.iter().enumerate() {
        groups.entry(post.group.as_str()).or_default().push(i);
    }
    let mut posts = Vec::with_capacity(order.len());
    for &i in order {
        let post = &catalog.posts[i];
        let prefix = language_prefix(&post.language, &settings.default_language);
        let language = settings
            .language(&post.language)
            .expect("posts are in declared languages");
        let mut alternates: Vec<Alternate> = groups[post.group.as_str()]
            .iter()
            .map(|&j| &catalog.posts[j])
            .filter(|other| other.language != post.language)
            .map(|other| Alternate {
                language: other.language.clone(),
                slug: other.slug.clone(),
                title: other.title.clone(),
            })
            .collect();
        alternates.sort();
        let next_paths = NextPaths {
            heading: language.next_paths.heading.clone(),
            intro: language.next_paths.intro.clone(),
            links: post
                .next_paths
                .clone()
                .unwrap_or_else(|| language.next_paths.links.clone()),
        };
        let body = std::mem::take(&mut rendered[i]);
        let document = PostDocument {
            schema_version: SCHEMA_VERSION,
            summary: summaries[i].clone(),
            body_html: body.html,
            toc: if body.toc.len() >= TOC_MIN_HEADINGS && summaries[i].word_count >= TOC_MIN_WORDS {
                body.toc
            } else {
                Vec::new()
            },
            author_cards: post
                .authors
                .iter()
                .map(|id| author(id, catalog, assets))
                .collect(),
            next_paths,
            alternates,
            related: post.related.clone(),
            extra: Extra::from_map(&post.page.front_matter.extra),
            head: PageHead::default(),
        };
        posts.push((
            data_layout::document(&prefix, Route::Post(&post.slug)),
            document,
        ));
    }
    posts
}

/// How many of a listing page's cards are on its first screen (a row of three on a
/// laptop, the first one or two on a phone): their images load at once, the others when
/// the reader nears them.
const FIRST_SCREEN_CARDS: usize = 3;

/// The card at position `at` of a listing page, its image eager on the first screen.
fn first_screen_card(card: &PostSummary, at: usize) -> PostSummary {
    let mut card = card.clone();
    if at < FIRST_SCREEN_CARDS
        && let Some(image) = &mut card.image
        && let Some(html) = picture::with_first_image(&image.html, picture::Priority::Eager)
    {
        image.html = html;
    }
    card
}

/// The indexes of the posts in `language`, in `order`.
fn in_language(order: &[usize], catalog: &Catalog<'_>, language: &str) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&i| catalog.posts[i].language == language)
        .collect()
}

/// The listing pages of one language: home, then every category, tag and author, of
/// the posts' `cards` (their summaries with their heroes as cards show them).
fn listing_pages(
    language: &str,
    order: &[usize],
    catalog: &Catalog<'_>,
    settings: &Settings,
    cards: &[PostSummary],
) -> Vec<(String, ListingPage)> {
    let prefix = language_prefix(language, &settings.default_language);
    let title = &settings
        .language(language)
        .expect("listings are built for declared languages")
        .title;
    let cards: Vec<&PostSummary> = in_language(order, catalog, language)
        .into_iter()
        .map(|i| &cards[i])
        .collect();
    let mut listings = Vec::new();
    let mut add_listing = |listing: Listing, title: String, members: &[usize]| {
        let total_pages = page_count(members.len(), settings.posts_per_page);
        for page in 1..=total_pages {
            listings.push((
                data_layout::document(&prefix, listing.page(page)),
                ListingPage {
                    schema_version: SCHEMA_VERSION,
                    language: language.to_owned(),
                    listing: listing.clone(),
                    title: title.clone(),
                    page,
                    total_pages,
                    total_posts: members.len() as u32,
                    posts: page_items(members, settings.posts_per_page, page)
                        .iter()
                        .enumerate()
                        .map(|(at, &c)| first_screen_card(cards[c], at))
                        .collect(),
                    head: PageHead::default(),
                },
            ));
        }
    };
    let everyone: Vec<usize> = (0..cards.len()).collect();
    add_listing(Listing::Home, title.clone(), &everyone);
    // Which cards each category, tag and author lists, in one pass over the cards.
    let mut by_category: BTreeMap<&str, Vec<usize>> = catalog
        .categories
        .keys()
        .map(|id| (id.as_str(), Vec::new()))
        .collect();
    let mut by_tag: BTreeMap<&str, (&str, Vec<usize>)> = BTreeMap::new();
    let mut by_author: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (c, card) in cards.iter().enumerate() {
        if let Some(category) = &card.category {
            by_category.entry(category.id.as_str()).or_default().push(c);
        }
        for tag in &card.tags {
            by_tag
                .entry(tag.id.as_str())
                .or_insert_with(|| (tag.name.as_str(), Vec::new()))
                .1
                .push(c);
        }
        for author in &card.authors {
            by_author.entry(author.id.as_str()).or_default().push(c);
        }
    }
    for (id, members) in &by_category {
        add_listing(
            Listing::Category((*id).to_owned()),
            catalog.categories[*id].name.clone(),
            members,
        );
    }
    for (id, (name, members)) in &by_tag {
        add_listing(Listing::Tag((*id).to_owned()), (*name).to_owned(), members);
    }
    for (id, members) in &by_author {
        add_listing(
            Listing::Author((*id).to_owned()),
            catalog.authors[*id].name.clone(),
            members,
        );
    }
    listings
}

/// The related-posts features of one language, from each post's prose and counted terms
/// (`texts` and `counted`, by post index).
fn related_features(
    language: &str,
    order: &[usize],
    catalog: &Catalog<'_>,
    settings: &Settings,
    (texts, counted): (&[String], &[features::CountedTerms]),
) -> (String, RelatedFeatures) {
    let in_language = in_language(order, catalog, language);
    let tag_texts: Vec<String> = in_language
        .iter()
        .map(|&i| tag_text(&catalog.posts[i]))
        .collect();
    let documents: Vec<Vec<(&str, u32)>> = in_language
        .iter()
        .zip(&tag_texts)
        .map(|(&i, tags)| feature_fields(&catalog.posts[i], tags, &texts[i]).to_vec())
        .collect();
    let counted: Vec<&features::CountedTerms> = in_language.iter().map(|&i| &counted[i]).collect();
    // The app compares term indexes only: the words themselves stay here.
    let (_vocabulary, terms) = features::top_terms(&documents, &counted);
    let posts = in_language
        .iter()
        .zip(terms)
        .map(|(&i, terms)| {
            let post = &catalog.posts[i];
            PostFeatures {
                slug: post.slug.clone(),
                title: post.title.clone(),
                published_day: post
                    .published
                    .date()
                    .since(jiff::civil::date(1970, 1, 1))
                    .map_or(0, |span| span.get_days()),
                category: post.category.clone(),
                tags: post.tags.iter().map(|t| t.id.clone()).collect(),
                authors: post.authors.clone(),
                related: post.related.clone(),
                terms,
                draft: post.draft,
            }
        })
        .collect();
    let tags: BTreeMap<&str, &Term> = in_language
        .iter()
        .flat_map(|&i| &catalog.posts[i].tags)
        .map(|tag| (tag.id.as_str(), tag))
        .collect();
    (
        data_layout::related_features(&language_prefix(language, &settings.default_language)),
        RelatedFeatures {
            schema_version: SCHEMA_VERSION,
            language: language.to_owned(),
            tags: tags.into_values().cloned().collect(),
            posts,
        },
    )
}

/// The site document: settings, languages, authors and categories.
fn site_document(catalog: &Catalog<'_>, settings: &Settings, assets: &Assets<'_>) -> SiteDocument {
    let languages = settings
        .languages
        .iter()
        .map(|language| Language {
            code: language.code.clone(),
            name: language.name.clone(),
            title: language.title.clone(),
            description: language.description.clone(),
            next_paths: language.next_paths.clone(),
            post_count: catalog
                .posts
                .iter()
                .filter(|p| p.language == language.code)
                .count() as u32,
            not_found_head: PageHead::default(),
        })
        .collect();
    SiteDocument {
        schema_version: SCHEMA_VERSION,
        base_url: settings.base_url.clone(),
        default_language: settings.default_language.clone(),
        languages,
        posts_per_page: settings.posts_per_page,
        navigation: settings.navigation.clone(),
        related: settings.related.clone(),
        authors: catalog
            .authors
            .keys()
            .map(|id| author(id, catalog, assets))
            .collect(),
        categories: catalog
            .categories
            .iter()
            .map(|(id, c)| Category {
                id: id.clone(),
                name: c.name.clone(),
                description: c.description.clone(),
            })
            .collect(),
    }
}

/// Old URLs of posts (Zola paths and aliases) and the routes they now lead to.
fn redirects(catalog: &Catalog<'_>, settings: &Settings) -> Redirects {
    let mut redirects: BTreeMap<String, String> = BTreeMap::new();
    for post in catalog.posts.iter().chain(&catalog.pages) {
        let route = post_route(post, settings);
        for alias in &post.aliases {
            if *alias != normalize_url(&route) {
                redirects
                    .entry(alias.clone())
                    .or_insert_with(|| route.clone());
            }
        }
    }
    Redirects {
        schema_version: SCHEMA_VERSION,
        redirects: redirects
            .into_iter()
            .map(|(from, to)| Redirect { from, to })
            .collect(),
    }
}

/// The fields of a post that say what it is about, with their weights for
/// [`features::count_terms`]: title and tags weigh more than the prose.
fn feature_fields<'a>(post: &'a Post<'_>, tags: &'a str, text: &'a str) -> [(&'a str, u32); 4] {
    [
        (post.title.as_str(), 3),
        (post.description.as_str(), 2),
        (tags, 2),
        (text, 1),
    ]
}

/// The names of a post's tags, as one text.
fn tag_text(post: &Post<'_>) -> String {
    post.tags
        .iter()
        .map(|t| t.name.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn summary(
    post: &Post<'_>,
    body: &markdown::Rendered,
    catalog: &Catalog<'_>,
    settings: &Settings,
    hero: Option<&PreparedImage>,
) -> PostSummary {
    let words = count_words(&body.text);
    // The author's words first: the description, else the summary before `<!-- more -->`.
    let excerpt = match &body.summary {
        _ if !post.description.trim().is_empty() => post.description.clone(),
        Some(summary) if !summary.is_empty() => shorten(summary, 600),
        _ => shorten(&body.first_paragraph, 240),
    };
    PostSummary {
        slug: post.slug.clone(),
        language: post.language.clone(),
        title: post.title.clone(),
        description: post.description.clone(),
        excerpt,
        published: rfc3339(&post.published),
        updated: post.updated.as_ref().map(rfc3339),
        word_count: words,
        reading_minutes: reading_minutes(words, settings.words_per_minute),
        category: post.category.as_ref().map(|id| Term {
            id: id.clone(),
            name: catalog.categories[id].name.clone(),
        }),
        tags: post.tags.clone(),
        authors: post
            .authors
            .iter()
            .map(|id| Term {
                id: id.clone(),
                name: catalog.authors[id].name.clone(),
            })
            .collect(),
        image: hero.map(|hero| hero.image.clone()),
        draft: post.draft,
    }
}

/// An image of the content folder as a page shows it, with what the site must publish
/// for it.
struct PreparedImage {
    image: Image,
    /// The file to copy as it is (an SVG, an animation), by its path in the content
    /// folder; `None` when its variants are made instead, or it is another site's.
    original: Option<String>,
    problem: Option<ImageProblem>,
}

fn image(path: &str, alt: &str, slot: Slot, assets: &Assets<'_>) -> PreparedImage {
    let prepared =
        |src: String, size: Option<(u32, u32)>, responsive: Option<&picture::Responsive>| {
            let image = Image {
                src,
                alt: alt.to_owned(),
                width: size.map(|s| s.0),
                height: size.map(|s| s.1),
                html: String::new(),
            };
            let priority = match slot {
                Slot::Hero => picture::Priority::High,
                Slot::Body | Slot::Avatar | Slot::Card => picture::Priority::Lazy,
            };
            let under_base = |url: &str| format!("{}{url}", assets.base_path);
            let html = picture::picture_html(&image, responsive, &under_base, priority);
            Image { html, ..image }
        };
    let as_it_is = |size: Option<(u32, u32)>, problem: Option<ImageProblem>| PreparedImage {
        image: prepared(media_url(path), size, None),
        original: Some(path.to_owned()),
        problem,
    };
    if path.contains("://") {
        return PreparedImage {
            image: prepared(path.to_owned(), None, None),
            original: None,
            problem: None,
        };
    }
    if !images::is_raster(path) {
        return as_it_is((assets.size)(path), None);
    }
    match assets.images.prepare(&assets.root.join(path), path, slot) {
        Ok(images::Prepared {
            width,
            height,
            variants: Some(variants),
            warning,
        }) => PreparedImage {
            image: prepared(
                variants.src,
                Some((width, height)),
                Some(&variants.responsive),
            ),
            original: None,
            problem: warning,
        },
        Ok(kept) => as_it_is(Some((kept.width, kept.height)), kept.warning),
        Err(problem) => as_it_is((assets.size)(path), Some(problem)),
    }
}

/// The diagnostic of an image's problem at `location`.
fn diagnostic(location: Location, problem: &ImageProblem) -> Diagnostic {
    let diagnostic = match problem.warning {
        true => location.warning(&problem.message),
        false => location.error(&problem.message),
    };
    diagnostic.with_help(&problem.help)
}

/// The avatar of an author, when its file names one that exists.
fn avatar(entry: &crate::read::posts::AuthorEntry, assets: &Assets<'_>) -> Option<PreparedImage> {
    let path = entry
        .file
        .as_ref()?
        .avatar
        .as_deref()
        .and_then(|a| content_path("", a))
        .filter(|a| assets.paths.contains(a))?;
    Some(image(&path, &entry.name, Slot::Avatar, assets))
}

fn author(id: &str, catalog: &Catalog<'_>, assets: &Assets<'_>) -> Author {
    let entry = &catalog.authors[id];
    let file = entry.file.as_ref();
    Author {
        id: id.to_owned(),
        name: entry.name.clone(),
        role: file.map(|f| f.role.clone()).unwrap_or_default(),
        bio_html: file
            .map(|f| markdown::render_inline(&f.bio))
            .unwrap_or_default(),
        avatar: avatar(entry, assets).map(|a| a.image),
        links: file.map(|f| f.links.clone()).unwrap_or_default(),
    }
}

/// The route of a post, or of a page that is not one.
pub(super) fn post_route(post: &Post<'_>, settings: &Settings) -> String {
    let prefix = language_prefix(&post.language, &settings.default_language);
    match &post.page_path {
        Some(path) => data_layout::route(&prefix, Route::Single(path)),
        None => data_layout::route(&prefix, Route::Post(&post.slug)),
    }
}

/// The text up to `max` characters, cut at a word, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The files of a post's folder (a page bundle), relative to it: what `imgproc` and
/// `gallery` choose from.
fn bundle_files(folder: &str, assets: &Assets<'_>) -> Vec<String> {
    let prefix = if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    };
    assets
        .paths
        .range(prefix.clone()..)
        .take_while(|path| path.starts_with(&prefix))
        .map(|path| path[prefix.len()..].to_owned())
        .collect()
}

/// What a Zola template knows as `page`: the page's title, description, date, slug,
/// language, `extra`, its URL path (`/2024/post/`) and, for a page bundle, its folder
/// in the content (`colocated_path`, `2024/post/`), where its files are.
fn zola_page(post: &Post<'_>) -> serde_json::Value {
    let tree_path = post.page.file.tree_path();
    let colocated = is_bundle(tree_path).then(|| format!("{}/", folder_of(tree_path)));
    serde_json::json!({
        "title": post.title,
        "description": post.description,
        "date": rfc3339(&post.published),
        "slug": post.slug,
        "lang": post.language,
        "path": post.generator_url,
        "relative_path": tree_path,
        "colocated_path": colocated,
        "extra": post.page.front_matter.extra,
        "taxonomies": { "tags": post.tags.iter().map(|t| &t.name).collect::<Vec<_>>() },
    })
}

/// A front matter value of the post by name (Hugo's `param` shortcode), as text.
/// A `param` shortcode's value: the page's front matter, then its language's and the
/// site's parameters, as Hugo looks them up.
fn post_param(post: &Post<'_>, site: &Params, name: &str) -> Option<String> {
    match name.to_lowercase().as_str() {
        "title" => return Some(post.title.clone()),
        "description" => return Some(post.description.clone()),
        _ => {}
    }
    let extra = &post.page.front_matter.extra;
    let (first, rest) = name
        .split_once('.')
        .map_or((name, None), |(f, r)| (f, Some(r)));
    let own = extra.get(first).or_else(|| {
        extra
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(first))
            .map(|(_, value)| value)
    });
    let own = match rest {
        None => own,
        Some(rest) => own.and_then(|v| import::lookup(v.as_object()?, rest)),
    };
    let value = own.or_else(|| site.get(&post.language, name))?;
    match value {
        serde_json::Value::String(text) => Some(text.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn folder_of(relative: &str) -> &str {
    relative.rsplit_once('/').map_or("", |(folder, _)| folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortens_at_a_word() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
    }
}
