//! The end-to-end harness: the release bundle (`dist/`) served by a plain static file
//! server, the way a CDN serves it, and a real headless Chromium driven over WebDriver.
//!
//! Nothing here knows about Folio's code: tests see only what a reader's browser sees.

pub mod accessibility;
pub mod browser;
pub mod site_copy;
pub mod static_server;

use std::path::PathBuf;

pub use browser::Browser;
pub use site_copy::SiteCopy;
pub use static_server::StaticServer;

/// The release bundle under test: `$FOLIO_DIST`, else `dist/` at the workspace root.
///
/// Panics with the command to run when the bundle has not been built.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("FOLIO_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no release bundle at {}: run `trunk build --release --offline` first (scripts/test does)",
        dir.display()
    );
    dir
}

/// The release bundle built for a sub-path, and its base URL: `$FOLIO_SUBPATH_DIST`,
/// built by `FOLIO_BASE_URL=$FOLIO_SUBPATH_BASE_URL trunk build --release --offline
/// --public-url <its path> --dist $FOLIO_SUBPATH_DIST` (scripts/test does), to be served
/// on that URL's port.
///
/// Panics with the command to run when it has not been built.
pub fn sub_path_build() -> (PathBuf, url::Url) {
    let dist = std::env::var_os("FOLIO_SUBPATH_DIST").map(PathBuf::from);
    let base_url = std::env::var("FOLIO_SUBPATH_BASE_URL").ok();
    let (Some(dist), Some(base_url)) = (dist, base_url) else {
        panic!(
            "no sub-path build: set FOLIO_SUBPATH_DIST and FOLIO_SUBPATH_BASE_URL \
             (http://127.0.0.1:<free port>/blog/) and build it with `FOLIO_BASE_URL=$FOLIO_SUBPATH_BASE_URL \
             trunk build --release --offline --public-url /blog/ --dist $FOLIO_SUBPATH_DIST` \
             (scripts/test does)"
        )
    };
    assert!(
        dist.join("index.html").is_file(),
        "no sub-path build at {}",
        dist.display()
    );
    let base_url = url::Url::parse(&base_url).expect("FOLIO_SUBPATH_BASE_URL is a URL");
    (dist, base_url)
}

/// The release bundle built over the Flux blog (a Hugo site nobody here wrote, its `blog`
/// section served under `/blog/`): `$FOLIO_FLUX_DIST`, built by scripts/test's
/// `flux-blog-build` step.
///
/// Panics with the command to run when it has not been built.
pub fn flux_build() -> PathBuf {
    let Some(dist) = std::env::var_os("FOLIO_FLUX_DIST").map(PathBuf::from) else {
        panic!(
            "no Flux blog build: set FOLIO_FLUX_DIST and build it with \
             `FOLIO_CONTENT=../shared/corpora/flux-blog FOLIO_SECTION=blog \
             FOLIO_BASE_URL=https://fluxcd.io/blog/ FOLIO_WARN_MISSING=1 \
             trunk build --release --offline --public-url /blog/ --dist $FOLIO_FLUX_DIST` \
             (scripts/test does)"
        )
    };
    assert!(
        dist.join("index.html").is_file(),
        "no Flux blog build at {}",
        dist.display()
    );
    dist
}

/// Where tests write their screenshots (test artifacts): `$FOLIO_SCREENSHOTS`, else
/// `target/screenshots/` at the workspace root.
pub fn screenshot_dir() -> PathBuf {
    let dir = std::env::var_os("FOLIO_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots")
        });
    std::fs::create_dir_all(&dir).expect("create the screenshot folder");
    dir
}
