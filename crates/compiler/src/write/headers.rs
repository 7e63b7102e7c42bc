//! The `_headers` file (Netlify and Cloudflare Pages syntax): the Content-Security-Policy
//! of every page, `Cache-Control` that keeps Trunk's hashed assets for a year and makes
//! browsers revalidate everything else (HTML, JSON, feeds), and two hardening headers.
//!
//! The policy allows no inline script but the ones in Trunk's `index.html` (the theme
//! script and Trunk's module loader), by their SHA-256 hashes, and `'wasm-unsafe-eval'`
//! for the app's WebAssembly: never `'unsafe-eval'` or `'unsafe-inline'`.
//!
//! Both hosts add up the headers of every rule that matches a path, so no path matches
//! two rules that set the same header: the policy is set once, for everything, and each
//! `Cache-Control` rule names its own files or folders.

use std::collections::BTreeSet;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use folio_model::data_layout;
use sha2::{Digest, Sha256};

use crate::write::site_files::SiteFile;
use folio_images::IMAGES_DIR;

/// For files whose name carries a hash of their content (Trunk's `main-<hash>.css`, the
/// images' variants).
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// For every other file: cached, but checked with the server before each use.
const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// The `_headers` file of a site served under `base_path` (`/` or `/blog/`), made from
/// `template` (Trunk's `index.html`), for the files the compiler writes (`written`, and
/// `data`: the paths of the data folder's files, from the site's root).
pub fn file(template_html: &str, base_path: &str, written: &[SiteFile], data: &[&str]) -> SiteFile {
    let mut text = String::from(
        "# Written by folio-build. HTTP headers for Netlify and Cloudflare Pages; other\n\
         # hosts: see the README's section on deploying.\n",
    );
    let mut rule = |path: &str, headers: &[(&str, &str)]| {
        text.push('\n');
        text.push_str(path);
        text.push('\n');
        for (name, value) in headers {
            text.push_str(&format!("  {name}: {value}\n"));
        }
    };
    rule(
        &format!("{base_path}*"),
        &[
            (
                "Content-Security-Policy",
                &content_security_policy(template_html),
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ],
    );
    for asset in hashed_assets(template_html, base_path) {
        rule(&asset, &[("Cache-Control", IMMUTABLE)]);
    }
    let images = format!("{base_path}{IMAGES_DIR}/*");
    if data.iter().any(|path| path.starts_with(IMAGES_DIR)) {
        rule(&images, &[("Cache-Control", IMMUTABLE)]);
    }
    for path in revalidated_paths(base_path, written, data) {
        rule(&path, &[("Cache-Control", REVALIDATE)]);
    }
    SiteFile {
        path: data_layout::HEADERS.into(),
        contents: text,
    }
}

/// The policy: the site's own origin for everything, images from anywhere on HTTPS
/// (posts may show them), and the template's inline scripts by hash.
pub fn content_security_policy(template_html: &str) -> String {
    let hashes: BTreeSet<String> = inline_scripts(template_html)
        .into_iter()
        .map(|script| format!("'sha256-{}'", BASE64.encode(Sha256::digest(script))))
        .collect();
    let mut script_src = vec!["'self'".to_owned(), "'wasm-unsafe-eval'".to_owned()];
    script_src.extend(hashes);
    [
        "default-src 'self'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self' https: data:".to_owned(),
        "connect-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ]
    .join("; ")
}

/// The text of every `<script>` element of `html` that runs and has no `src`: what the
/// policy must allow by hash. Data blocks (`application/json`, `application/ld+json`)
/// never run, so they need none.
fn inline_scripts(html: &str) -> Vec<&str> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start + "<script".len()..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let attributes = &after[..tag_end];
        let body = &after[tag_end + 1..];
        let Some(end) = body.find("</script") else {
            break;
        };
        if runs_inline(attributes) {
            scripts.push(&body[..end]);
        }
        rest = &body[end..];
    }
    scripts
}

/// True for the attributes of a script element with code of its own.
fn runs_inline(attributes: &str) -> bool {
    let attributes = attributes.to_ascii_lowercase();
    let has = |name: &str| {
        attributes
            .split(|c: char| c.is_ascii_whitespace())
            .any(|a| a == name || a.starts_with(&format!("{name}=")))
    };
    if has("src") {
        return false;
    }
    let kind = attributes
        .split_once("type=")
        .map(|(_, v)| v.trim_start_matches(['"', '\'']))
        .map(|v| v.split(['"', '\'', ' ']).next().unwrap_or_default());
    matches!(
        kind,
        None | Some("module" | "text/javascript" | "application/javascript")
    )
}

/// The paths of the files `html` names whose names carry Trunk's content hash
/// (`/folio-0123456789abcdef_bg.wasm`), as served under `base_path`.
fn hashed_assets(html: &str, base_path: &str) -> BTreeSet<String> {
    html.split(|c: char| "\"'()<>=,;`".contains(c) || c.is_whitespace())
        .filter(|token| !token.contains("://") && is_hashed_name(token))
        .map(|token| match token.strip_prefix('/') {
            Some(_) => token.to_owned(),
            None => format!("{base_path}{}", token.trim_start_matches("./")),
        })
        .collect()
}

/// True for `<name>-<hash>.<ext>` and `<name>-<hash>_bg.wasm`, the names Trunk gives the
/// files it hashes: the hash is a 64-bit number in hex without its leading zeros, so one
/// build in sixteen has 15 digits (`folio-574d72500551dc8.js`); 12 to 16 are taken, as a
/// shorter hash is rarer than one in 65,536 and a word of hex letters (`-add.js`) no hash.
fn is_hashed_name(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    if !matches!(extension, "js" | "wasm" | "css" | "svg") {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// A rule for each file and folder at the top of what the compiler writes, and the
/// site's root and data: the HTML, JSON, feeds and sitemap, which change with the
/// content.
/// The paths of every file but the hashed ones, as rules: each top-level file, and each
/// top-level folder's `*` (the data folder's one level down, since its images are
/// hashed and the hosts add up the rules that match).
fn revalidated_paths(base_path: &str, written: &[SiteFile], data: &[&str]) -> BTreeSet<String> {
    let mut paths = BTreeSet::from([base_path.to_owned(), format!("{base_path}index.html")]);
    for file in written {
        let path = match file.path.split_once('/') {
            Some((folder, _)) => format!("{base_path}{folder}/*"),
            None => format!("{base_path}{}", file.path),
        };
        if !path.ends_with(data_layout::HEADERS) {
            paths.insert(path);
        }
    }
    let data_folder = format!("{}/", data_layout::DATA_DIR);
    for path in data {
        let Some(inside) = path.strip_prefix(&data_folder) else {
            continue;
        };
        match inside.split_once('/') {
            Some((folder, _)) if path.starts_with(IMAGES_DIR) && folder == "images" => {}
            Some((folder, _)) => {
                paths.insert(format!("{base_path}{data_folder}{folder}/*"));
            }
            None => {
                paths.insert(format!("{base_path}{path}"));
            }
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"<!doctype html><html lang="en"><head>
<base href="/blog/"><title>x</title>
<!-- the reader's theme -->
<script>try{document.documentElement.dataset.theme="dark"}catch(e){}</script>
<link rel="stylesheet" href="/blog/main-92d9e230b1806228.css"/>
<script type="module">
import init from '/blog/folio-db1775828e8c19ec.js';
await init({ module_or_path: '/blog/folio-db1775828e8c19ec_bg.wasm' });
</script>
<script type="application/ld+json">{"a":1}</script>
<script src="/blog/other.js"></script>
</head><body></body></html>"#;

    #[test]
    fn the_policy_allows_exactly_the_inline_scripts_that_run() {
        let scripts = inline_scripts(TEMPLATE);
        assert_eq!(scripts.len(), 2, "{scripts:?}");
        assert!(scripts[0].starts_with("try{"));
        assert!(scripts[1].contains("import init"));
        let policy = content_security_policy(TEMPLATE);
        assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
        assert!(policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("'unsafe-eval'") && !policy.contains("'unsafe-inline'"));
    }

    #[test]
    fn a_hash_is_of_the_script_text_exactly() {
        // The example of the CSP specification's hash-source.
        let html = "<script>alert('Hello, world.');</script>";
        assert!(
            content_security_policy(html)
                .contains("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='")
        );
    }

    #[test]
    fn trunks_hashes_without_their_leading_zeros_are_hashes() {
        assert!(is_hashed_name("/folio-db1775828e8c19ec.js"));
        assert!(is_hashed_name("/folio-574d72500551dc8_bg.wasm"));
        assert!(!is_hashed_name("/scripts/add-add.js"));
        assert!(!is_hashed_name("/folio-574d72500551dc8.html"));
    }

    #[test]
    fn hashed_assets_are_immutable_and_the_rest_revalidates() {
        let written = [
            SiteFile {
                path: "posts/a/index.html".into(),
                contents: String::new(),
            },
            SiteFile {
                path: "404.html".into(),
                contents: String::new(),
            },
        ];
        let data = [
            "data/site.json",
            "data/posts/a.json",
            "data/media/posts/a/chart.svg",
            "data/images/photo-480.0123456789.avif",
        ];
        let headers = file(TEMPLATE, "/blog/", &written, &data).contents;
        for immutable in [
            "/blog/main-92d9e230b1806228.css",
            "/blog/folio-db1775828e8c19ec.js",
            "/blog/folio-db1775828e8c19ec_bg.wasm",
            "/blog/data/images/*",
        ] {
            assert!(
                headers.contains(&format!("\n{immutable}\n  Cache-Control: {IMMUTABLE}\n")),
                "{immutable} in\n{headers}"
            );
        }
        for revalidated in [
            "/blog/",
            "/blog/posts/*",
            "/blog/404.html",
            "/blog/data/site.json",
            "/blog/data/posts/*",
            "/blog/data/media/*",
        ] {
            assert!(
                headers.contains(&format!("\n{revalidated}\n  Cache-Control: {REVALIDATE}\n")),
                "{revalidated} in\n{headers}"
            );
        }
        assert!(!headers.contains("other.js"));
        assert!(!headers.contains("/blog/data/*"), "{headers}");
        assert_eq!(headers.matches("Content-Security-Policy").count(), 1);
    }
}
