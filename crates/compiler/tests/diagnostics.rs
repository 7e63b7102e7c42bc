//! Bad content, one mistake per case, and the exact error line each must produce: the
//! file, line and column, and a message an author can act on (with a `help:` line).

use std::fs;
use std::path::Path;

use folio_build::{BuildError, BuildOptions, Severity, compile};

const SITE: &str =
    "title = \"T\"\n[languages.en]\nname = \"English\"\n[languages.es]\nname = \"Español\"\n";
const GOOD_POST: &str = "+++\ntitle = \"Good\"\ndescription = \"D\"\ndate = 2026-01-01\nauthors = [\"laura-gomez\"]\ncategory = \"automation\"\n+++\nBody.\n";
const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"6\"/>";

/// A content folder with a valid site, author, category, image and post, plus `files`.
fn check(files: &[(&str, &[u8])], expected: &str) {
    let first = first_error(files, expected);
    assert_eq!(first, expected);
}

/// The first line of the one error the content of [`check`] has, whose help line it
/// checks.
fn first_error(files: &[(&str, &[u8])], expected: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut all: Vec<(&str, &[u8])> = vec![
        ("site.toml", SITE.as_bytes()),
        (
            "authors/laura-gomez.toml",
            b"name = \"Laura Gomez\"\nrole = \"Automation Lead\"\n",
        ),
        ("categories/automation.toml", b"name = \"Automation\"\n"),
        ("images/hero.svg", SVG.as_bytes()),
        ("posts/good.md", GOOD_POST.as_bytes()),
    ];
    for file in files {
        all.retain(|(path, _)| *path != file.0);
        all.push(*file);
    }
    for (path, bytes) in all {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
    let options = BuildOptions {
        now: Some("2026-11-24T00:00:00Z".parse().unwrap()),
        ..BuildOptions::default()
    };
    let errors = match compile(root, &options) {
        Ok(_) => panic!("expected `{expected}`, but the content compiled"),
        Err(BuildError::Io(e)) => panic!("expected `{expected}`, got an I/O error: {e}"),
        Err(BuildError::Content(diagnostics)) => diagnostics
            .0
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect::<Vec<_>>(),
    };
    let prefix = format!("{}/", root.display());
    let shown: Vec<String> = errors
        .iter()
        .map(|d| d.to_string().replace(&prefix, ""))
        .collect();
    assert_eq!(shown.len(), 1, "expected one error, got {shown:#?}");
    let (first, help) = shown[0].split_once('\n').unwrap_or((&shown[0], ""));
    assert!(
        help.starts_with("  help: ") && help.len() > 10,
        "no help line: {shown:?}"
    );
    first.to_owned()
}

fn post(front_matter: &str, body: &str) -> Vec<u8> {
    format!("+++\n{front_matter}\n+++\n{body}").into_bytes()
}

#[test]
fn front_matter_syntax() {
    check(
        &[("posts/x.md", b"# No front matter\n")],
        "posts/x.md:1:1: error: missing front matter",
    );
    check(
        &[("posts/x.md", b"+++\ntitle = \"X\"\n")],
        "posts/x.md:1:1: error: front matter is never closed",
    );
    check(
        &[("posts/x.md", &post("title = \"X\ndate = 2026-01-01", ""))],
        "posts/x.md:2:11: error: invalid basic string, expected `\"`",
    );
    check(
        &[("posts/x.md", b"---\ntitle: [X\ndate: 2026-01-01\n---\n")],
        "posts/x.md:2:8: error: expected string scalar",
    );
}

#[test]
fn missing_or_wrong_values() {
    check(
        &[("posts/x.md", &post("date = 2026-01-01", ""))],
        "posts/x.md:2:1: error: missing title",
    );
    check(
        &[("posts/x.md", &post("title = \"X\"", ""))],
        "posts/x.md:2:1: error: missing date",
    );
    check(
        &[("posts/x.md", &post("title = 42\ndate = 2026-01-01", ""))],
        "posts/x.md:2:9: error: invalid type: integer `42`, expected a string",
    );
    check(
        &[(
            "posts/x.md",
            &post("title = \"X\"\ndate = 2026-01-01\ntags = \"one\"", ""),
        )],
        "posts/x.md:4:8: error: invalid type: string \"one\", expected a sequence",
    );
    check(
        &[(
            "posts/x.md",
            &post("title = \"X\"\ndate = 2026-01-01\ndraft = \"no\"", ""),
        )],
        "posts/x.md:4:9: error: invalid type: string \"no\", expected a boolean",
    );
    check(
        &[(
            "posts/x.md",
            &post("title = \"X\"\ndate = 2026-01-01\nslug = \"!!!\"", ""),
        )],
        "posts/x.md:4:1: error: this post has an empty slug",
    );
}

#[test]
fn impossible_dates() {
    check(
        &[("posts/x.md", &post("title = \"X\"\ndate = 2026-02-30", ""))],
        "posts/x.md:3:8: error: invalid date, expected day between 01 and 28",
    );
    check(
        &[("posts/x.md", b"---\ntitle: X\ndate: 2026-02-30\n---\n")],
        "posts/x.md:3:1: error: invalid date `2026-02-30`: parameter 'day' for `2026-02` is invalid, must be in range `1..=28`",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01\nupdated = \"yesterday\"",
                "",
            ),
        )],
        "posts/x.md:4:1: error: invalid date `yesterday`: invalid digit, expected 0-9 but got y",
    );
}

#[test]
fn unknown_references() {
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01\nauthors = [\"laura-gomes\"]",
                "",
            ),
        )],
        "posts/x.md:4:1: error: unknown author `laura-gomes`",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01\ncategory = \"automatoin\"",
                "",
            ),
        )],
        "posts/x.md:4:1: error: unknown category `automatoin`",
    );
    check(
        &[(
            "posts/x.md",
            &post("title = \"X\"\ndate = 2026-01-01\nrelated = [\"nope\"]", ""),
        )],
        "posts/x.md:4:1: error: `related` names a missing post `nope`",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01",
                "See [this](/posts/nope/).\n",
            ),
        )],
        "posts/x.md:5:5: error: link to a missing page `/posts/nope/`",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01",
                "Also [z](@/posts/gone.md).\n",
            ),
        )],
        "posts/x.md:5:6: error: link to a missing page `@/posts/gone.md`",
    );
}

#[test]
fn identities_and_alternates() {
    check(
        &[(
            "posts/z.md",
            &post("title = \"X\"\ndate = 2026-01-01\nslug = \"good\"", ""),
        )],
        "posts/z.md:1:1: error: duplicate slug `good`",
    );
    check(
        &[(
            "posts/good.fr.md",
            &post("title = \"X\"\ndate = 2026-01-01", ""),
        )],
        "posts/good.fr.md:1:1: error: `fr` is not a language of the site",
    );
    check(
        &[
            (
                "posts/a.es.md",
                &post(
                    "title = \"A\"\ndate = 2026-01-01\ntranslation_key = \"k\"",
                    "",
                ),
            ),
            (
                "posts/b.es.md",
                &post(
                    "title = \"B\"\ndate = 2026-01-01\ntranslation_key = \"k\"",
                    "",
                ),
            ),
        ],
        "posts/b.es.md:1:1: error: two files claim the same `es` alternate",
    );
}

#[test]
fn images() {
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01",
                "![A chart](chart.png)\n",
            ),
        )],
        "posts/x.md:5:1: error: image file `chart.png` not found",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01\nimage = { src = \"/images/nope.svg\", alt = \"A\" }",
                "",
            ),
        )],
        "posts/x.md:4:1: error: hero image `/images/nope.svg` not found",
    );
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01\nimage = { src = \"/images/hero.svg\" }",
                "",
            ),
        )],
        "posts/x.md:4:1: error: hero image without alt text",
    );
}

#[test]
fn bad_image_files() {
    let body = |src: &str| {
        post(
            "title = \"X\"\ndate = 2026-01-01",
            &format!("Text.\n\n![A photo]({src})\n"),
        )
    };
    check(
        &[
            ("posts/scan.tif", b"II*\0\x08\0\0\0\0\0"),
            ("posts/x.md", &body("scan.tif")),
        ],
        "posts/x.md:7:1: error: image `posts/scan.tif` is a TIFF file, which browsers do not show",
    );
    check(
        &[
            ("posts/photo.heic", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"),
            ("posts/x.md", &body("photo.heic")),
        ],
        "posts/x.md:7:1: error: image `posts/photo.heic` is a HEIC file, which browsers do not show",
    );
    let mut cut = tiny_png();
    cut.truncate(cut.len() - 20);
    // The decoder's own words follow.
    let broken = "posts/x.md:7:1: error: image `posts/broken.png` cannot be decoded: ";
    let first = first_error(
        &[
            ("posts/broken.png", &cut),
            ("posts/x.md", &body("broken.png")),
        ],
        broken,
    );
    assert!(
        first.starts_with(broken) && first.len() > broken.len(),
        "{first}"
    );
    let hero = post(
        "title = \"X\"\ndate = 2026-01-01\nimage = { src = \"huge.png\", alt = \"A\" }",
        "",
    );
    check(
        &[
            (
                "site.toml",
                format!("{SITE}[images]\nmax_pixels = 10\n").as_bytes(),
            ),
            ("posts/huge.png", &tiny_png()),
            ("posts/x.md", &hero),
        ],
        "posts/x.md:4:1: error: image `posts/huge.png` is 4×4 (0.0 megapixels), over the limit of 0.0",
    );
    check(
        &[(
            "site.toml",
            format!("{SITE}[images]\navif_speed = 11\n").as_bytes(),
        )],
        "site.toml:7:1: error: `images.avif_speed` is 11, not between 1 and 10",
    );
}

/// A 4×4 opaque PNG.
fn tiny_png() -> Vec<u8> {
    let image = image::RgbImage::from_pixel(4, 4, image::Rgb([200, 100, 50]));
    let mut bytes = Vec::new();
    image::DynamicImage::from(image)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}

#[test]
fn unsafe_links_and_encodings() {
    check(
        &[(
            "posts/x.md",
            &post(
                "title = \"X\"\ndate = 2026-01-01",
                "[x](javascript:alert(1))\n",
            ),
        )],
        "posts/x.md:5:1: error: link to an unsafe URL `javascript:alert(1)`",
    );
    check(
        &[("posts/x.md", b"+++\ntitle = \"caf\xe9\"\n+++\n")],
        "posts/x.md:2:13: error: this file is not UTF-8 text",
    );
}

#[test]
fn site_authors_and_categories() {
    check(
        &[("site.toml", b"title = \"T\"\nposts_per_pag = 3\n")],
        "site.toml:2:1: error: unknown field `posts_per_pag`, expected one of `title`, `description`, `base_url`, `default_language`, `time_zone`, `posts_per_page`, `words_per_minute`, `languages`, `next_paths`, `navigation`, `related`, `feed_limit`, `host_url`, `images`",
    );
    check(
        &[("site.toml", b"time_zone = \"Mars/Olympus\"\n")],
        "site.toml:1:1: error: unknown time zone `Mars/Olympus`",
    );
    check(
        &[("authors/sam.toml", b"role = \"Writer\"\n")],
        "authors/sam.toml:1:1: error: missing field `name`",
    );
    check(
        &[("categories/news.toml", b"name = 3\n")],
        "categories/news.toml:1:8: error: invalid type: integer `3`, expected a string",
    );
}

#[test]
fn the_base_content_is_valid() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("posts")).unwrap();
    fs::write(
        tmp.path().join("posts/good.md"),
        "+++\ntitle = \"Good\"\ndescription = \"D\"\ndate = 2026-01-01\n+++\nBody.\n",
    )
    .unwrap();
    let compiled = compile(Path::new(tmp.path()), &BuildOptions::default()).unwrap();
    assert_eq!(compiled.index.posts.len(), 1);
    assert!(compiled.warnings.0.is_empty());
}

#[test]
fn pages_that_other_routes_would_read_as_their_own() {
    let page = |title: &str, path: &str| format!("+++\ntitle = \"{title}\"\n{path}+++\nText.\n");
    check(
        &[("pages/tag.md", page("Tags", "").as_bytes())],
        "pages/tag.md:2:1: error: the page path `tag` starts where Folio's routes do",
    );
    check(
        &[(
            "pages/spanish.md",
            page("Hola", "path = \"es/hola\"\n").as_bytes(),
        )],
        "pages/spanish.md:3:1: error: the page path `es/hola` starts where a language's routes do",
    );
    check(
        &[
            ("pages/about.md", page("About", "").as_bytes()),
            (
                "pages/team.md",
                page("Team", "path = \"about\"\n").as_bytes(),
            ),
        ],
        "pages/team.md:3:1: error: two pages have the path `about`",
    );
}
