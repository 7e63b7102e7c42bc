//! `folio-build`: the content compiler's command line. Exit status 0 on success (warnings
//! allowed), 1 when the content has errors, 2 for usage and I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use folio_build::{BuildError, BuildOptions};

/// A build allocates millions of small strings on every core: mimalloc makes a rust-blog
/// build about 5% faster than the system allocator, and a 10,000-post build 15%.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "folio-build",
    version,
    about = "Compiles a Folio content folder, or a Zola or Hugo site, into its JSON content index"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile the content folder and write the content index.
    Build {
        #[command(flatten)]
        content: ContentArgs,
        /// Where to write the JSON documents (the site's `data` folder); replaced as a
        /// whole on success, left as it was on failure.
        #[arg(long)]
        out: PathBuf,
        /// The site's absolute URL (`https://example.com/blog/`), over site.toml's base_url.
        #[arg(long)]
        base_url: Option<String>,
        /// Include drafts and future-dated posts.
        #[arg(long)]
        drafts: bool,
        /// Also write the site around --out: every route's static page, 404.html, redirect
        /// pages at old URLs, feeds, sitemap.xml, robots.txt and _headers, made from this
        /// page: the `index.html` Trunk wrote.
        #[arg(long)]
        template: Option<PathBuf>,
    },
    /// Check the content folder, drafts included, and report every problem; write nothing.
    Check {
        #[command(flatten)]
        content: ContentArgs,
    },
    /// Print the CSS of code highlighting (light and dark), checked in as style/highlight.css.
    HighlightCss,
}

#[derive(Args)]
struct ContentArgs {
    /// The content folder, or the root folder of a Zola or Hugo site as it is (with its
    /// `config.toml`, `hugo.toml` or `config/_default/`).
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The section of a Zola or Hugo site that is the blog (`blog`), when the site
    /// holds more (docs, product pages): only its pages are posts, and the blog is
    /// served under the section's path.
    #[arg(long, value_name = "NAME")]
    section: Option<String>,
    /// The origin of the larger site the blog is part of (`https://example.com`), when
    /// it is not the base URL's: root-relative links out of the blog lead there.
    #[arg(long, value_name = "URL")]
    host_url: Option<String>,
    /// Report missing images, files and link targets as warnings instead of errors: for
    /// content migrated without all its files, to publish while fixing them.
    #[arg(long)]
    warn_missing: bool,
    /// A folder where each build keeps the code it highlighted, for the next build to
    /// reuse (syntect's languages are a large part of a first build's work). Off when not given.
    #[arg(long, value_name = "FOLDER")]
    cache: Option<PathBuf>,
    /// Encode images at the encoders' fastest settings (AVIF speed 10, WebP method 0):
    /// larger files, made several times faster, for `trunk serve`.
    #[arg(long)]
    quick_images: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let now = match build_time() {
        Ok(now) => now,
        Err(message) => {
            eprintln!("folio-build: error: {message}");
            return ExitCode::from(2);
        }
    };
    let (result, verb, options) = match &cli.command {
        Command::HighlightCss => {
            print!("{}", folio_build::render::highlight::theme_css());
            return ExitCode::SUCCESS;
        }
        Command::Build {
            content,
            out,
            base_url,
            drafts,
            template,
        } => {
            let options = options(content, *drafts, base_url.clone(), now);
            let built = folio_build::build(&content.content, out, &options);
            if let (Ok(compiled), Some(template)) = (&built, template)
                && let Err(message) = write_site_files(compiled, template, out)
            {
                eprintln!("folio-build: error: {message}");
                return ExitCode::from(2);
            }
            (built, "built", options)
        }
        Command::Check { content } => {
            let options = options(content, true, None, now);
            (
                folio_build::compile(&content.content, &options),
                "checked",
                options,
            )
        }
    };
    match result {
        Ok(compiled) => {
            if let Err(e) = folio_build::write_cache(&compiled, &options) {
                let folder = options.cache.unwrap_or_default();
                eprintln!(
                    "folio-build: warning: could not keep the highlighted code in {} for the next build: {e}",
                    folder.display()
                );
            }
            if !compiled.warnings.0.is_empty() {
                report(&compiled.warnings);
            }
            eprintln!("folio-build: {verb} {} posts", compiled.index.posts.len());
            let images = compiled.images.stats();
            if images.encoded + images.reused > 0 {
                eprintln!(
                    "folio-build: images: {} encoded, {} from the cache",
                    images.encoded, images.reused
                );
            }
            // The process ends here: freeing the index string by string would only cost
            // time (a few milliseconds on rust-blog).
            std::mem::forget(compiled);
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(problems)) => {
            report(&problems);
            ExitCode::from(1)
        }
        Err(BuildError::Io(e)) => {
            eprintln!("folio-build: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Writes `diagnostics` to standard error at once: standard error is unbuffered, and a
/// migrated blog may have thousands of warnings (rust-blog: 1,600 lines, 10,000 writes).
fn report(diagnostics: &folio_build::Diagnostics) {
    use std::io::Write;
    let _ = std::io::stderr().write_all(format!("{diagnostics}\n").as_bytes());
}

/// The static pages of every route, the feeds, the sitemap and the headers, into the
/// folder that holds the data folder `out`.
fn write_site_files(
    compiled: &folio_build::Compiled,
    template: &std::path::Path,
    out: &std::path::Path,
) -> Result<(), String> {
    use folio_build::write::site_files;
    use folio_build::write::static_pages::Template;
    let site_dir = out
        .parent()
        .filter(|_| out.file_name() == Some(std::ffi::OsStr::new("data")))
        .ok_or_else(|| {
            format!(
                "--template needs --out to be the site's `data` folder, not {}",
                out.display()
            )
        })?;
    let template = Template::read(template).map_err(|e| e.to_string())?;
    let written =
        site_files::write(&compiled.index, &template, site_dir).map_err(|e| e.to_string())?;
    eprintln!(
        "folio-build: wrote {} static pages and {} feeds{}",
        written.pages,
        written.feeds,
        match written.static_files {
            0 => String::new(),
            n => format!(", and copied {n} static files"),
        }
    );
    if let Some((path, bytes)) = written.large_feeds.iter().max_by_key(|(_, bytes)| *bytes) {
        eprintln!(
            "folio-build: warning: {path} is {:.1} MB ({} feeds over 1 MB): feed readers \
             download it whole at every poll\n  = help: keep the newest posts only, with \
             `feed_limit = 20` in site.toml",
            *bytes as f64 / 1e6,
            written.large_feeds.len()
        );
    }
    if let Some(first) = written.replaced_static_files.first() {
        eprintln!(
            "folio-build: warning: the static file {first} is left out ({} in all): Folio \
             writes its own file at that path",
            written.replaced_static_files.len()
        );
    }
    if !written.sitemap {
        eprintln!(
            "folio-build: warning: no feeds and no sitemap: they need absolute URLs\n  \
             = help: set `base_url = \"https://…/\"` in site.toml, or FOLIO_BASE_URL"
        );
    }
    Ok(())
}

fn options(
    content: &ContentArgs,
    drafts: bool,
    base_url: Option<String>,
    now: jiff::Timestamp,
) -> BuildOptions {
    BuildOptions {
        drafts,
        base_url,
        warn_missing: content.warn_missing,
        now: Some(now),
        cache: content.cache.clone(),
        section: content
            .section
            .as_deref()
            .map(|s| s.trim_matches('/').to_owned()),
        host_url: content.host_url.clone(),
        quick_images: content.quick_images,
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible builds) when set, else now.
fn build_time() -> Result<jiff::Timestamp, String> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
            .ok_or_else(|| format!("SOURCE_DATE_EPOCH must be seconds since 1970, not `{value}`")),
        Err(_) => Ok(jiff::Timestamp::now()),
    }
}
