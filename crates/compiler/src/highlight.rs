//! Highlights fenced code at build time: spans with `hl-` CSS classes, so the page ships
//! no highlighter; `style/highlight.css` holds the light and dark themes ([`theme_css`]).

use std::sync::OnceLock;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

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
    let syntaxes = syntaxes();
    let syntax = syntaxes.find_syntax_by_token(language)?;
    let mut html = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, CLASS_STYLE);
    for line in LinesWithEndings::from(code) {
        html.parse_html_for_line_which_includes_newline(line).ok()?;
    }
    Some(html.finalize())
}

/// The CSS of the light theme, and of the dark theme for readers who prefer dark, for the
/// classes [`highlight`] writes. `style/highlight.css` is this, checked in.
pub fn theme_css() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        css_for_theme_with_class_style(&themes.themes[name], CLASS_STYLE)
            .expect("the bundled themes have CSS")
    };
    let dark = css(DARK_THEME);
    format!(
        "/* Code highlighting, written by `folio-build highlight-css`: do not edit by hand. */\n\
         /* Light: {LIGHT_THEME}. Dark: {DARK_THEME}, when the reader chose it or the system \
         prefers it and the reader did not choose light. */\n\n{}\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
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
