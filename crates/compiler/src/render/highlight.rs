//! Highlights fenced code at build time: spans with `hl-` CSS classes, so the page ships
//! no highlighter; `style/highlight.css` holds the light and dark themes ([`theme_css`]).
//! A [`Cache`] keeps what a build highlighted for the next build of the same site:
//! syntect's grammars are a large part of a first build's work, and most rebuilds change
//! one post.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

pub mod contrast;
mod rust;

const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };
const LIGHT_THEME: &str = "InspiredGitHub";
const DARK_THEME: &str = "base16-ocean.dark";

fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(two_face::syntax::extra_newlines)
}

/// The code as highlighted HTML (the inside of `<code>`), or `None` when the language is
/// not known: the caller then escapes it as plain text.
pub fn highlight(language: &str, code: &str) -> Option<String> {
    if rust::is_rust(language) {
        return Some(rust::highlight(code));
    }
    let syntaxes = syntaxes();
    let syntax = syntaxes.find_syntax_by_token(language)?;
    let mut html = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        html.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(html.finalize())
}

/// The text of highlighted HTML, its tags dropped and the entities it writes read back:
/// the code it was made from. The tests hold every highlighter to it.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Code highlighted by an earlier build, and what this build highlights. Shared by the
/// threads that render posts. The default keeps nothing: a build without a cache folder
/// highlights every block and records none.
#[derive(Debug, Default)]
pub struct Cache {
    earlier: HashMap<(String, String), String>,
    /// What this build highlighted, when it keeps it for the next one.
    this_build: Option<Mutex<Vec<Block>>>,
}

/// What a build highlighted, for [`write_cache`] (nothing when it keeps no cache).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// Every block, once each and sorted (so that the cache file does not depend on which
    /// thread finished first).
    pub blocks: Vec<Block>,
    /// True when the blocks are exactly those of the cache read: no need to write it again.
    pub unchanged: bool,
}

/// One highlighted code block: its language and text, and the HTML [`highlight`] made.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Block {
    pub language: String,
    pub code: String,
    pub html: String,
}

/// The cache file: the blocks of one build, and which highlighter made them.
#[derive(Serialize, Deserialize)]
struct CacheFile<'a> {
    highlighter: String,
    blocks: Cow<'a, [Block]>,
}

/// The name of the cache file in the cache folder.
const CACHE_FILE: &str = "highlight.json";

impl Cache {
    /// The cache kept in `folder` by an earlier build; empty when there is none, or when
    /// it is unreadable or was made by another highlighter (another build of folio-build).
    pub fn read(folder: &Path) -> Self {
        let earlier = fs::read(folder.join(CACHE_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|file| file.highlighter == highlighter_identity())
            .map(|file| {
                file.blocks
                    .into_owned()
                    .into_iter()
                    .map(|block| ((block.language, block.code), block.html))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            earlier,
            this_build: Some(Mutex::default()),
        }
    }

    /// [`highlight`], from the cache when an earlier build highlighted the same code.
    pub fn highlight(&self, language: &str, code: &str) -> Option<String> {
        let Some(this_build) = &self.this_build else {
            return highlight(language, code);
        };
        let key = (language.to_owned(), code.to_owned());
        let html = match self.earlier.get(&key) {
            Some(html) => html.clone(),
            None => highlight(language, code)?,
        };
        let (language, code) = key;
        this_build
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(Block {
                language,
                code,
                html: html.clone(),
            });
        Some(html)
    }

    /// Every block this build highlighted.
    pub fn into_highlighted(self) -> Highlighted {
        let Some(this_build) = self.this_build else {
            return Highlighted::default();
        };
        let mut blocks = this_build
            .into_inner()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        blocks.sort_unstable();
        blocks.dedup();
        let unchanged = !self.earlier.is_empty()
            && blocks.len() == self.earlier.len()
            && blocks.iter().all(|block| {
                self.earlier
                    .get(&(block.language.clone(), block.code.clone()))
                    .is_some_and(|html| *html == block.html)
            });
        Highlighted { blocks, unchanged }
    }
}

/// Keeps what a build highlighted in `folder` for the next build, replacing what an
/// earlier build kept there only once the new file is whole.
pub fn write_cache(folder: &Path, highlighted: &Highlighted) -> std::io::Result<()> {
    if highlighted.unchanged {
        return Ok(());
    }
    fs::create_dir_all(folder)?;
    let file = CacheFile {
        highlighter: highlighter_identity(),
        blocks: Cow::Borrowed(highlighted.blocks.as_slice()),
    };
    let json = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
    let partial = folder.join(format!("{CACHE_FILE}.{}", std::process::id()));
    fs::write(&partial, json)?;
    fs::rename(&partial, folder.join(CACHE_FILE)).inspect_err(|_| {
        let _ = fs::remove_file(&partial);
    })
}

/// What made the cached HTML: this very executable (its size and time of writing), so
/// that a rebuilt folio-build, whose syntaxes or classes may differ, starts afresh.
fn highlighter_identity() -> String {
    let executable = std::env::current_exe()
        .and_then(fs::metadata)
        .map(|meta| {
            let written = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}-{written}", meta.len())
        })
        .unwrap_or_default();
    format!("folio-build {} {executable}", env!("CARGO_PKG_VERSION"))
}

/// The CSS of the light theme, and of the dark theme for readers who prefer dark, for the
/// classes [`highlight`] writes. `style/highlight.css` is this, checked in.
pub fn theme_css() -> String {
    let themes = ThemeSet::load_defaults();
    // Both themes have colours under 4.5:1 on their own background (InspiredGitHub's
    // comments are 2.9:1 on white): each is moved as little as reaches it.
    let css = |name: &str| {
        let theme = contrast::readable(themes.themes[name].clone());
        css_for_theme_with_class_style(&theme, CLASS_STYLE).expect("the bundled themes have CSS")
    };
    let dark = css(DARK_THEME);
    format!(
        "/* Code highlighting, written by `folio-build highlight-css`: do not edit by hand. */\n\
         /* Light: {LIGHT_THEME}. Dark: {DARK_THEME}, when the reader chose it or the system \
         prefers it and the reader did not choose light. Every text colour is at 4.5:1 or more \
         on its background (WCAG AA): the themes' own colours, darkened or lightened as \
         little as that takes. */\n\n{}\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css(LIGHT_THEME).trim_end(),
        scoped(&dark, r#":root[data-theme="dark"]"#).trim_end(),
        indented(&scoped(&dark, r#":root:not([data-theme="light"])"#)).trim_end(),
    )
}

/// `css` with every selector of its rules under `scope`.
fn scoped(css: &str, scope: &str) -> String {
    css.lines()
        .map(|line| match line.strip_suffix('{') {
            Some(selectors) if !line.trim_start().starts_with('@') => {
                let selectors: Vec<String> = selectors
                    .split(',')
                    .map(|selector| format!("{scope} {}", selector.trim()))
                    .collect();
                format!("{} {{\n", selectors.join(", "))
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

fn indented(css: &str) -> String {
    css.lines().map(|line| format!("  {line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_known_languages_with_classes() {
        let html = highlight("rust", "fn main() {}\n").unwrap();
        assert!(html.contains("<span class=\"hl-"), "{html}");
        assert!(html.contains("main"), "{html}");
        assert!(
            highlight("rs", "let x = 1;\n").is_some(),
            "file extensions name languages too"
        );
    }

    #[test]
    fn leaves_unknown_languages_to_the_caller() {
        assert_eq!(highlight("klingon", "qaStaH nuq?\n"), None);
        assert_eq!(highlight("", "plain\n"), None);
    }

    #[test]
    fn escapes_what_it_highlights() {
        let html = highlight("html", "<script>alert(1)</script>\n").unwrap();
        assert!(!html.contains("<script>"), "{html}");
    }

    #[test]
    fn the_cache_gives_back_what_was_highlighted_and_keeps_only_this_builds_blocks() {
        let folder = tempfile::tempdir().unwrap();
        let first = Cache::read(folder.path());
        let html = first.highlight("rust", "fn main() {}\n").unwrap();
        assert_eq!(first.highlight("klingon", "nuq\n"), None);
        write_cache(folder.path(), &first.into_highlighted()).unwrap();

        let second = Cache::read(folder.path());
        assert_eq!(second.earlier.len(), 1, "unknown languages are not kept");
        assert_eq!(second.highlight("rust", "fn main() {}\n"), Some(html));
        assert!(second.highlight("toml", "a = 1\n").is_some());
        write_cache(folder.path(), &second.into_highlighted()).unwrap();
        assert_eq!(Cache::read(folder.path()).earlier.len(), 2);

        let again = Cache::read(folder.path());
        again.highlight("toml", "a = 1\n");
        again.highlight("rust", "fn main() {}\n");
        assert!(again.into_highlighted().unchanged);

        let third = Cache::read(folder.path());
        third.highlight("toml", "a = 1\n");
        write_cache(folder.path(), &third.into_highlighted()).unwrap();
        assert_eq!(
            Cache::read(folder.path()).earlier.len(),
            1,
            "blocks no post uses any more are dropped"
        );
    }

    #[test]
    fn a_cache_from_another_highlighter_or_damaged_is_ignored() {
        let folder = tempfile::tempdir().unwrap();
        let stale = CacheFile {
            highlighter: "folio-build 0.0.1 1-1".into(),
            blocks: Cow::Owned(vec![Block {
                language: "rust".into(),
                code: "x\n".into(),
                html: "stale".into(),
            }]),
        };
        fs::write(
            folder.path().join(CACHE_FILE),
            serde_json::to_vec(&stale).unwrap(),
        )
        .unwrap();
        assert!(Cache::read(folder.path()).earlier.is_empty());
        fs::write(folder.path().join(CACHE_FILE), b"{\"highlighter\": tru").unwrap();
        assert!(Cache::read(folder.path()).earlier.is_empty());
        assert!(
            Cache::read(&folder.path().join("missing"))
                .earlier
                .is_empty()
        );
    }

    #[test]
    fn themes_cover_light_and_dark() {
        let css = theme_css();
        assert!(css.contains(".hl-"));
        assert!(css.contains("@media (prefers-color-scheme: dark)"));
        assert!(
            css.contains(r#":root[data-theme="dark"] .hl-comment"#),
            "a reader who chose dark gets dark code on a light system"
        );
        assert!(
            css.contains(r#":root:not([data-theme="light"]) .hl-comment"#),
            "a reader who chose light keeps light code on a dark system"
        );
    }

    #[test]
    fn scoping_prefixes_every_selector_of_a_rule() {
        assert_eq!(
            scoped(".a, .b .c {\n color: red;\n}\n", ".dark"),
            ".dark .a, .dark .b .c {\n color: red;\n}\n"
        );
    }
}
