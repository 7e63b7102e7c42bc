//! Every colour that `style/highlight.css` declares, read from the file itself, at WCAG AA
//! contrast (4.5:1) against the background it is drawn on, in the light theme and in both
//! ways of choosing the dark one: a theme colour added or changed cannot make code
//! unreadable unnoticed.

use std::collections::BTreeMap;
use std::path::Path;

use folio_build::render::highlight::contrast::{AA_CONTRAST, contrast_ratio};

/// One rule of the style sheet: its selectors and its declarations.
struct Rule {
    selectors: Vec<String>,
    declarations: BTreeMap<String, String>,
}

/// The rules of `css`, those inside `@media` blocks included.
fn rules(css: &str) -> Vec<Rule> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("comments are closed");
        rest = &rest[start + end + 2..];
    }
    text.push_str(rest);
    let mut rules = Vec::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('{') {
        let prelude = rest[..open].trim().trim_start_matches('}').trim();
        if prelude.starts_with('@') {
            rest = &rest[open + 1..];
            continue;
        }
        let close = open + rest[open..].find('}').expect("rules are closed");
        let declarations = rest[open + 1..close]
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        rules.push(Rule {
            selectors: prelude.split(',').map(|s| s.trim().to_owned()).collect(),
            declarations,
        });
        rest = &rest[close + 1..];
    }
    rules
}

fn hex(value: &str) -> [u8; 3] {
    let digits = value.strip_prefix('#').unwrap_or(value);
    assert_eq!(digits.len(), 6, "a colour as #rrggbb: {value}");
    let channel = |i: usize| u8::from_str_radix(&digits[i..i + 2], 16).unwrap();
    [channel(0), channel(2), channel(4)]
}

/// The theme a rule belongs to: what comes before its first `.hl-` class.
fn theme_of(rule: &Rule) -> &str {
    let selector = &rule.selectors[0];
    selector[..selector
        .find(".hl-")
        .expect("every rule is of a .hl- class")]
        .trim()
}

#[test]
fn every_code_colour_has_aa_contrast_in_every_theme() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style/highlight.css");
    let css = std::fs::read_to_string(&path).expect("style/highlight.css");
    let rules = rules(&css);
    let mut themes: BTreeMap<&str, Vec<&Rule>> = BTreeMap::new();
    for rule in &rules {
        themes.entry(theme_of(rule)).or_default().push(rule);
    }
    assert_eq!(
        themes.keys().copied().collect::<Vec<_>>(),
        [
            "",
            r#":root:not([data-theme="light"])"#,
            r#":root[data-theme="dark"]"#
        ],
        "a light theme and a dark one, chosen by the reader or by the system"
    );
    let mut failures = Vec::new();
    for (theme, rules) in &themes {
        let code = rules
            .iter()
            .find(|r| r.selectors[0].ends_with(".hl-code"))
            .unwrap_or_else(|| panic!("theme `{theme}` has a .hl-code rule"));
        let background = hex(&code.declarations["background-color"]);
        let foreground = hex(&code.declarations["color"]);
        for rule in rules {
            let own_background = rule.declarations.get("background-color").map(|v| hex(v));
            let (text, on) = match (rule.declarations.get("color"), own_background) {
                (Some(color), on) => (hex(color), on.unwrap_or(background)),
                // A background behind the theme's own text colour.
                (None, Some(on)) => (foreground, on),
                (None, None) => continue,
            };
            let ratio = contrast_ratio(text, on);
            if ratio < AA_CONTRAST {
                failures.push(format!(
                    "{}: {text:02x?} on {on:02x?} is {ratio:.2}:1",
                    rule.selectors[0]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "colours under {AA_CONTRAST}:1 in style/highlight.css:\n{}",
        failures.join("\n")
    );
}

#[test]
fn the_rules_of_a_style_sheet_are_read_inside_media_blocks_too() {
    let rules = rules(
        "/* c */ .a { color: #000000; }\n@media (x) {\n  .b, .c { background-color: #ffffff; }\n}\n",
    );
    assert_eq!(rules.len(), 2);
    assert_eq!(rules[1].selectors, [".b", ".c"]);
    assert_eq!(rules[1].declarations["background-color"], "#ffffff");
}
