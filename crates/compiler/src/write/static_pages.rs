//! The static HTML of every route, so that any static host serves the site with no rewrite
//! rules: `<route>/index.html` for each post and listing page, `404.html`, and a small
//! redirect page at each old URL. Each page is Trunk's `index.html` with the route's head,
//! its body rendered by the app's own components (`folio::prerender`, the `ssr` feature)
//! and the route's data embedded, so that the app takes the page over without fetching it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use folio::pages::{Preloaded, PreloadedRoute};
use folio::prerender;
use folio::site_base::SiteBase;
use folio_model::data_layout::{self, Page};
use folio_model::head::{PageHead, escape_html, script_safe};
use folio_model::related::RelatedIndex;
use folio_model::{ListingPage, PostDocument, Redirect, SiteDocument};
use pulldown_cmark_escape::escape_href;

use crate::parallel;
use crate::read::source::{self, IoError};
use crate::render::assemble::ContentIndex;
use crate::write::site_files::SiteFile;

/// The page every route's HTML is made from: Trunk's `index.html`, cut where the route's
/// parts go.
#[derive(Debug, Clone)]
pub struct Template {
    /// Up to the value of `<html lang="`.
    before_lang: String,
    /// From the end of that value up to where `<title>…</title>` was.
    before_head: String,
    /// From the end of the title element to the end of the `<body>` start tag.
    before_body: String,
    /// The rest: the end of the body and of the page.
    after_body: String,
    /// The base path of `<base href>`: where Trunk put the assets.
    base_href: String,
    /// The whole page, as Trunk wrote it but for the app's start and the `<base>`.
    html: String,
}

/// What Trunk's loader awaits before it starts the app, in the static pages: the page's
/// load (its stylesheets and eager images), then every image of its first screen (a lazy
/// one there loads after the load event), a frame to paint them, then the browser's
/// report of the page's largest contentful paint (at once where there is no such
/// report); after a second at most. An image the app's copy of the page painted instead
/// would be the page's largest paint, a second time.
const AFTER_FIRST_PAINT: &str = "await new Promise(go => { setTimeout(go, 1000); \
    const paint = \"largest-contentful-paint\"; \
    const painted = () => requestAnimationFrame(() => setTimeout(() => { \
    if (!(PerformanceObserver.supportedEntryTypes || []).includes(paint)) return go(); \
    new PerformanceObserver((_, o) => { o.disconnect(); go(); }).observe({ type: paint, buffered: true }); })); \
    const shown = () => { const img = [...document.images].find(i => !i.complete && i.getBoundingClientRect().top < innerHeight); \
    if (!img) return painted(); \
    img.addEventListener(\"load\", shown, { once: true }); img.addEventListener(\"error\", shown, { once: true }); }; \
    if (document.readyState === \"complete\") shown(); else addEventListener(\"load\", shown, { once: true }); });\n";

/// Trunk's `index.html`, changed so that a static page's article comes before the app:
/// the links that preload the app's JS and wasm while the page is parsed go, and the
/// loader waits for the page's first paint to be reported before it imports the JS and
/// fetches the wasm.
/// The app is not needed to read the page, and downloading it first takes bandwidth
/// from the page's CSS and images on a slow connection (and makes Lighthouse count it
/// before the largest contentful paint). It also keeps the app's takeover after that
/// report: Chromium drops the paint of a page replaced before it, and counts the
/// replacement's instead. The Content-Security-Policy hashes the loader
/// as changed here.
fn start_after_first_paint(html: &str) -> String {
    let mut html = html.to_owned();
    for kind in ["<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        while let Some(start) = html.find(kind) {
            let Some(end) = html[start..].find('>') else {
                break;
            };
            html.replace_range(start..start + end + 1, "");
        }
    }
    // The module's static import would fetch the JS while the page is parsed: it is
    // imported once the paint is reported instead.
    let import = "import init, * as bindings from '";
    let deferred_import = html.find(import).and_then(|start| {
        let path_start = start + import.len();
        let path_end = path_start + html[path_start..].find('\'')?;
        let end = path_end + html[path_end..].find(';')? + 1;
        let path = html[path_start..path_end].to_owned();
        html.replace_range(start..end, "");
        Some(format!(
            "const bindings = await import('{path}');\nconst init = bindings.default;\n"
        ))
    });
    if let Some(at) = html.find("const wasm = await init(") {
        html.insert_str(at, &deferred_import.unwrap_or_default());
        html.insert_str(at, AFTER_FIRST_PAINT);
    }
    html
}

/// `html` without its `<base href>` element (and the line it stood on), and the path it
/// gave. A static page has no `<base>`: its links are paths from the host's root, so that
/// `#heading` stays on its page and every tool reads each URL as a browser does, and the
/// app is told the base path by an attribute of `<html>` instead ([`BASE_ATTRIBUTE`]).
fn without_base(html: &str) -> Result<(String, String), String> {
    const BASE: &str = "<base href=\"";
    let missing = || format!("the page has no `{BASE}`");
    let start = html.find(BASE).ok_or_else(missing)?;
    let href_end = start + BASE.len() + html[start + BASE.len()..].find('"').ok_or_else(missing)?;
    let end = href_end + html[href_end..].find('>').ok_or_else(missing)? + 1;
    let href = html[start + BASE.len()..href_end].to_owned();
    let line_start = html[..start].rfind('\n').map_or(0, |at| at + 1);
    let (start, end) = if html[line_start..start].trim().is_empty() && html[end..].starts_with('\n')
    {
        (line_start, end + 1)
    } else {
        (start, end)
    };
    Ok((format!("{}{}", &html[..start], &html[end..]), href))
}

/// The attribute of `<html>` that tells the app the site's base path (`/`, `/blog/`),
/// which static pages do not give in a `<base>` (see [`Template::parse`]).
const BASE_ATTRIBUTE: &str = "data-folio-base";

/// The attribute that marks a page's content as static, for the app to replace.
const STATIC_MARK: &str = "data-folio-static";

/// Why the template cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct TemplateError {
    pub path: PathBuf,
    pub problem: String,
}

impl Template {
    /// Reads the template at `path` (Trunk's `index.html` in the build's staging folder).
    pub fn read(path: &Path) -> Result<Template, StaticPagesError> {
        let html = source::read_file(path)?;
        Template::parse(&html).map_err(|problem| {
            StaticPagesError::Template(TemplateError {
                path: path.to_owned(),
                problem,
            })
        })
    }

    /// Cuts `html` where the route's parts go, with the app's start moved after the
    /// page's first paint (see [`start_after_first_paint`]).
    pub fn parse(html: &str) -> Result<Template, String> {
        let html = &start_after_first_paint(html);
        if html.contains(STATIC_MARK) {
            return Err(
                "this is a page folio-build wrote, not Trunk's index.html: build from a fresh \
                 `trunk build`, whose hook passes the right template"
                    .into(),
            );
        }
        let (html, base_href) = &without_base(html)?;
        let find = |what: &str, from: usize| {
            html[from..]
                .find(what)
                .map(|at| from + at)
                .ok_or_else(|| format!("the page has no `{what}`"))
        };
        let lang = find("<html lang=\"", 0)? + "<html lang=\"".len();
        let lang_end = find("\"", lang)?;
        let title = find("<title>", lang_end)?;
        let title_end = find("</title>", title)? + "</title>".len();
        let body = find("<body", title_end)?;
        let body_open_end = find(">", body)? + 1;
        let body_end = find("</body>", body_open_end)?;
        Ok(Template {
            before_lang: html[..lang].to_owned(),
            // After the language's closing quote.
            before_head: format!(
                "\" {BASE_ATTRIBUTE}=\"{}\"{}",
                escape_html(base_href),
                &html[lang_end + 1..title]
            ),
            before_body: html[title_end..body_open_end].to_owned(),
            after_body: html[body_end..].to_owned(),
            base_href: base_href.clone(),
            html: html.clone(),
        })
    }

    /// The whole page, as Trunk wrote it but for the changes above.
    pub fn html(&self) -> &str {
        &self.html
    }

    /// A whole page: its language, head, body and embedded documents.
    fn page(&self, head: &PageHead, body: &str, embedded: &[(String, String)]) -> String {
        let mut page = String::with_capacity(body.len() + 4096);
        page.push_str(&self.before_lang);
        page.push_str(&escape_html(&head.language));
        page.push_str(&self.before_head);
        page.push_str(&format!("<title>{}</title>", escape_html(&head.title)));
        page.push_str(&head.html);
        page.push_str(&self.before_body);
        // Marked static: the app replaces this element with its own once it runs.
        page.push_str(&format!("\n    <div id=\"folio\" {STATIC_MARK}>"));
        page.push_str(body);
        page.push_str("</div>\n");
        for (path, json) in embedded {
            page.push_str("    <script type=\"application/json\" data-folio-document=\"");
            page.push_str(&escape_html(path));
            page.push_str("\">");
            page.push_str(&script_safe(json));
            page.push_str("</script>\n");
        }
        page.push_str("  ");
        page.push_str(&self.after_body);
        page
    }
}

/// Why the static pages could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StaticPagesError {
    #[error(transparent)]
    Template(#[from] TemplateError),
    #[error(
        "the site's base URL `{base_url}` is served under `{site_path}`, but the app's \
         assets are under `{asset_path}` (Trunk's public URL)\n  = hint: build with \
         `trunk build --public-url {site_path}`, or set base_url to match"
    )]
    BasePathMismatch {
        base_url: String,
        site_path: String,
        asset_path: String,
    },
    #[error(transparent)]
    Io(#[from] IoError),
}

/// The static page of every route of `index`, from `template`: posts, listing pages,
/// pages, `404.html` and a redirect page at each old URL.
pub fn pages(index: &ContentIndex, template: &Template) -> Result<Vec<SiteFile>, StaticPagesError> {
    let base_path = data_layout::base_path(&index.site.base_url);
    if base_path != template.base_href {
        return Err(StaticPagesError::BasePathMismatch {
            base_url: index.site.base_url.clone(),
            site_path: base_path,
            asset_path: template.base_href.clone(),
        });
    }
    Ok(render_pages(index, template, &base_path))
}

/// Every page of the site, rendered.
fn render_pages(index: &ContentIndex, template: &Template, base_path: &str) -> Vec<SiteFile> {
    let site = &index.site;
    let site_json = serde_json::to_string(site).expect("documents serialize");
    // Each language's related posts, ranked as the app ranks them, for post pages.
    let related: HashMap<&str, Arc<RelatedIndex>> = index
        .features
        .iter()
        .map(|(path, features)| (path.as_str(), Arc::new(RelatedIndex::new(features.clone()))))
        .collect();
    // The page of `route` (relative to the site's root), written at `file`.
    let render = |route: &str,
                  file: String,
                  head: &PageHead,
                  preloaded: PreloadedRoute,
                  data_path: Option<&str>| {
        let mut embedded = vec![(data_layout::SITE.to_owned(), site_json.clone())];
        let document = match &preloaded {
            PreloadedRoute::Post(post) => Some(serde_json::to_string(post)),
            PreloadedRoute::Listing(listing) => Some(serde_json::to_string(listing)),
            PreloadedRoute::Page(_) | PreloadedRoute::NotFound => None,
        };
        if let (Some(path), Some(document)) = (data_path, document) {
            embedded.push((path.to_owned(), document.expect("documents serialize")));
        }
        let related = match &preloaded {
            PreloadedRoute::Post(post) => {
                let prefix =
                    data_layout::language_prefix(&post.summary.language, &site.default_language);
                related
                    .get(data_layout::related_features(&prefix).as_str())
                    .cloned()
            }
            _ => None,
        };
        let body = prerender::render_body(
            SiteBase::from_path(base_path),
            &format!("{base_path}{route}"),
            Preloaded {
                site: site.clone(),
                route: preloaded,
                related,
            },
        );
        SiteFile {
            path: file,
            contents: template.page(head, &body, &embedded),
        }
    };
    let mut files = parallel::map(&index.posts, |(data_path, post)| {
        let route = post_route(site, post);
        let preloaded = PreloadedRoute::Post(Box::new(post.clone()));
        render(
            &route,
            format!("{route}index.html"),
            &post.head,
            preloaded,
            Some(data_path),
        )
    });
    files.extend(parallel::map(&index.listings, |(data_path, listing)| {
        let route = listing_route(site, listing);
        let preloaded = PreloadedRoute::Listing(Box::new(listing.clone()));
        render(
            &route,
            format!("{route}index.html"),
            &listing.head,
            preloaded,
            Some(data_path),
        )
    }));
    // A page's static page is all of it: the app adopts it, and needs no document.
    files.extend(parallel::map(&index.pages, |page| {
        let prefix = data_layout::language_prefix(&page.language, &site.default_language);
        let route = data_layout::route(&prefix, Page::Single(&page.path));
        let preloaded = PreloadedRoute::Page(Box::new(page.clone()));
        render(
            &route,
            format!("{route}index.html"),
            &page.head,
            preloaded,
            None,
        )
    }));
    if let Some(language) = site
        .languages
        .iter()
        .find(|l| l.code == site.default_language)
    {
        // Not a route: the app reads its path as no page, and shows the 404 page.
        let head = &language.not_found_head;
        files.push(render(
            "404.html",
            "404.html".into(),
            head,
            PreloadedRoute::NotFound,
            None,
        ));
    }
    files.extend(
        index
            .redirects
            .redirects
            .iter()
            .map(|redirect| redirect_page(site, base_path, redirect)),
    );
    files
}

/// The route of a post, relative to the site's root.
fn post_route(site: &SiteDocument, post: &PostDocument) -> String {
    let prefix = data_layout::language_prefix(&post.summary.language, &site.default_language);
    data_layout::route(&prefix, Page::Post(&post.summary.slug))
}

/// The route of a listing page, relative to the site's root.
fn listing_route(site: &SiteDocument, listing: &ListingPage) -> String {
    let prefix = data_layout::language_prefix(&listing.language, &site.default_language);
    data_layout::route(&prefix, listing.listing.page(listing.page))
}

/// A page at an old URL that sends readers and crawlers on to the post's route: its
/// canonical link is the post's absolute URL, and the refresh goes to the post's path on
/// whatever host serves the page (`base_path` is the base URL's path).
fn redirect_page(site: &SiteDocument, base_path: &str, redirect: &Redirect) -> SiteFile {
    let attribute = |url: &str| {
        let mut href = String::new();
        escape_href(&mut href, url).expect("writing to a String");
        escape_html(&href)
    };
    let canonical = attribute(&format!("{}{}", site.base_url, redirect.to));
    let target = attribute(&format!("{base_path}{}", redirect.to));
    // In the language of the page it leads to.
    let language = data_layout::parse_route(&redirect.to)
        .and_then(|route| route.language)
        .unwrap_or(&site.default_language);
    let labels = folio::labels::labels(language);
    let (lang, moved, moved_to) = (
        escape_html(language),
        escape_html(labels.moved),
        escape_html(labels.moved_to),
    );
    let contents = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{moved}</title>\n<meta name=\"robots\" content=\"noindex\">\n\
         <link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n\
         <body>\n<p>{moved_to} <a href=\"{target}\">{canonical}</a>.</p>\n\
         </body>\n</html>\n"
    );
    SiteFile {
        path: redirect_file(&redirect.from),
        contents,
    }
}

/// The file of the redirect page at the old URL `from`: the file itself when it names
/// an HTML file (`old.html`), else a folder's `index.html`, dots and all (Hugo's
/// `/blog/2025/09/flux-v2.7.0/`), which every host serves as HTML.
fn redirect_file(from: &str) -> String {
    let from = from.trim_start_matches('/');
    let names_html_file = Path::new(from)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    if from.is_empty() || from.ends_with('/') {
        format!("{from}index.html")
    } else if names_html_file {
        from.to_owned()
    } else {
        format!("{from}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_redirect_page_is_a_folder_unless_its_url_names_an_html_file() {
        let path = redirect_file;
        assert_eq!(
            path("2025/09/flux-v2.7.0"),
            "2025/09/flux-v2.7.0/index.html"
        );
        assert_eq!(path("2019/09/30/x/"), "2019/09/30/x/index.html");
        assert_eq!(path("old.html"), "old.html");
        assert_eq!(path("OLD.HTM"), "OLD.HTM");
    }

    #[test]
    fn embedded_json_cannot_end_its_script() {
        let json = serde_json::to_string("</script><!-- x").unwrap();
        let safe = script_safe(&json);
        assert!(!safe.contains('<'));
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "</script><!-- x"
        );
    }

    #[test]
    fn a_page_the_compiler_wrote_is_refused_as_a_template() {
        let trunk = "<html lang=\"en\"><head><base href=\"/\"><title>t</title></head>\
                     <body></body></html>";
        let template = Template::parse(trunk).unwrap();
        let written = template.page(&PageHead::default(), "<p>hi</p>", &[]);
        let error = Template::parse(&written).unwrap_err();
        assert!(error.contains("fresh `trunk build`"), "{error}");
    }

    #[test]
    fn the_app_starts_after_the_first_paint_without_preloading() {
        let trunk = "<html lang=\"en\"><head><base href=\"/\"><title>t</title>\
            <script type=\"module\">\nimport init, * as bindings from '/folio-0123456789abcdef.js';\n\
            const wasm = await init({ module_or_path: '/folio-0123456789abcdef_bg.wasm' });\n</script>\
            <link rel=\"modulepreload\" href=\"/folio-0123456789abcdef.js\" crossorigin=\"anonymous\">\
            <link rel=\"preload\" href=\"/folio-0123456789abcdef_bg.wasm\" as=\"fetch\"></head>\
            <body></body></html>";
        let template = Template::parse(trunk).unwrap();
        let html = template.html();
        assert!(!html.contains("preload"), "{html}");
        let wait = html
            .find("largest-contentful-paint")
            .expect("the loader waits");
        let import = html
            .find("await import('/folio-0123456789abcdef.js')")
            .expect("the JS is imported after the wait");
        assert!(wait < import && import < html.find("const wasm = await init(").unwrap());
        assert!(!html.contains("import init"), "no static import: {html}");
    }

    #[test]
    fn a_page_has_no_base_element_and_gives_the_app_its_base_path() {
        let trunk = "<!doctype html>\n<html lang=\"en\">\n  <head>\n    <base href=\"/blog/\">\n    \
                     <title>t</title>\n  </head>\n  <body>\n  </body>\n</html>\n";
        let template = Template::parse(trunk).unwrap();
        let head = PageHead {
            language: "es".into(),
            ..PageHead::default()
        };
        let page = template.page(&head, "<p>hola</p>", &[]);
        assert!(!page.contains("<base"), "{page}");
        assert!(
            page.starts_with("<!doctype html>\n<html lang=\"es\" data-folio-base=\"/blog/\">\n  <head>\n    <title>"),
            "{page}"
        );
    }

    #[test]
    fn a_template_without_its_parts_is_refused() {
        let error = Template::parse("<html><body></body></html>").unwrap_err();
        assert!(error.contains("<base href="), "{error}");
        let error = Template::parse("<html><base href=\"/\"><body></body></html>").unwrap_err();
        assert!(error.contains("<html lang="), "{error}");
    }
}
