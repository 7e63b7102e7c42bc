//! Link-preview images: a generated card for pages without a hero image,
//! and rasterizing of SVG heroes, both drawn with the bundled fonts only.

use std::fmt::Write as _;
use std::sync::{Arc, OnceLock};

use folio_model::head::escape_html;
use image::RgbaImage;
use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg::{self, fontdb, roxmltree};

/// Width of a card in pixels (the usual Open Graph size).
pub const CARD_WIDTH: u32 = 1200;
/// Height of a card in pixels.
pub const CARD_HEIGHT: u32 = 630;

const FONT: &[u8] = include_bytes!("../assets/DejaVuSans-Bold.ttf");
const FAMILY: &str = "DejaVu Sans";
/// Chinese, Japanese and Korean glyphs, which DejaVu Sans lacks: text falls back to it
/// character by character (DejaVu Sans has Latin, Greek, Cyrillic, Hebrew and Arabic).
const FALLBACK: &[u8] = include_bytes!("../assets/DroidSansFallback.ttf");

const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = CARD_WIDTH as f32 - 2.0 * MARGIN;
const KICKER_SIZE: f32 = 32.0;
const SITE_SIZE: f32 = 30.0;
/// Largest and smallest title font sizes, tried in steps of `TITLE_STEP`.
const TITLE_SIZES: (f32, f32) = (72.0, 44.0);
const TITLE_STEP: f32 = 4.0;
const TITLE_MAX_LINES: usize = 4;
const LINE_HEIGHT: f32 = 1.15;
/// Lowest y the title may reach; the site name and its rule sit below.
const TITLE_BOTTOM: f32 = 450.0;
const RULE_Y: f32 = 488.0;
const SITE_BASELINE: f32 = CARD_HEIGHT as f32 - MARGIN;

/// The words on a card.
pub struct CardText<'a> {
    /// The page title, the large text.
    pub title: &'a str,
    /// A small line above the title: a category name, or e.g. "Posts in Rust".
    pub kicker: Option<&'a str>,
    /// The site name, shown at the bottom.
    pub site_name: &'a str,
}

/// Colours as sRGB triples.
pub struct CardColours {
    /// The card's background.
    pub background: [u8; 3],
    /// The rule above the site name.
    pub surface: [u8; 3],
    /// The title.
    pub text: [u8; 3],
    /// The site name.
    pub muted: [u8; 3],
    /// The bar at the top and the kicker.
    pub accent: [u8; 3],
}

/// A 1200×630 RGBA card: an accent bar and the kicker (small, accent colour)
/// at the top, the title large below them (at most four lines, the font
/// shrunk from 72px to 44px until it fits, else cut at a word with "…"), and
/// the site name at the bottom in the muted colour. All text is left-aligned
/// inside 80px margins.
pub fn card(text: &CardText<'_>, colours: &CardColours) -> RgbaImage {
    let ascent = face().ascender() as f32 / face().units_per_em() as f32;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{CARD_WIDTH}" height="{CARD_HEIGHT}" font-family="{FAMILY}" font-weight="bold">
<rect width="100%" height="100%" fill="{}"/>
<rect x="{MARGIN}" y="{MARGIN}" width="120" height="10" rx="5" fill="{}"/>
<rect x="{MARGIN}" y="{RULE_Y}" width="{TEXT_WIDTH}" height="2" fill="{}"/>
"#,
        css_colour(colours.background),
        css_colour(colours.accent),
        css_colour(colours.surface),
    );

    let mut top = MARGIN + 42.0;
    if let Some(kicker) = text.kicker.filter(|k| !k.trim().is_empty()) {
        let line = single_line(kicker, KICKER_SIZE);
        push_text(
            &mut svg,
            &line,
            top + ascent * KICKER_SIZE,
            KICKER_SIZE,
            colours.accent,
        );
        top += KICKER_SIZE * LINE_HEIGHT + 28.0;
    }

    let (size, lines) = fit_title(text.title, TITLE_BOTTOM - top);
    for (i, line) in lines.iter().enumerate() {
        let baseline = top + ascent * size + i as f32 * size * LINE_HEIGHT;
        push_text(&mut svg, line, baseline, size, colours.text);
    }

    let site = single_line(text.site_name, SITE_SIZE);
    push_text(&mut svg, &site, SITE_BASELINE, SITE_SIZE, colours.muted);
    svg.push_str("</svg>");

    let tree = usvg::Tree::from_str(&svg, &options()).expect("card SVG is well-formed");
    let mut pixmap = Pixmap::new(CARD_WIDTH, CARD_HEIGHT).expect("card size is valid");
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    to_image(&pixmap)
}

/// An SVG file rasterized to `width` pixels wide (height by its aspect
/// ratio), text drawn with the bundled font only; an error message for an
/// SVG that does not parse or has no size.
pub fn rasterize_svg(data: &[u8], width: u32) -> Result<RgbaImage, String> {
    let tree = parse_svg(data)?;
    let size = tree.size();
    let height = (size.height() * width as f32 / size.width())
        .round()
        .max(1.0) as u32;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("cannot rasterize at {width}×{height}"))?;
    let transform =
        Transform::from_scale(width as f32 / size.width(), height as f32 / size.height());
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    Ok(to_image(&pixmap))
}

/// Whether `data` is an SVG that [`rasterize_svg`] can draw: it parses and has a size.
pub fn check_svg(data: &[u8]) -> Result<(), String> {
    parse_svg(data).map(drop)
}

fn parse_svg(data: &[u8]) -> Result<usvg::Tree, String> {
    let tree = usvg::Tree::from_data(data, &options()).map_err(|e| e.to_string())?;
    if !has_intrinsic_size(data) {
        return Err("SVG has neither a viewBox nor an absolute width and height".into());
    }
    Ok(tree)
}

/// usvg options whose only font is the bundled one, which also stands in for
/// every generic family (so SVGs asking for e.g. `serif` still get text).
fn options() -> usvg::Options<'static> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    let fontdb = FONTS.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_font_data(FONT.to_vec());
        db.load_font_data(FALLBACK.to_vec());
        db.set_serif_family(FAMILY);
        db.set_sans_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    });
    usvg::Options {
        font_family: FAMILY.into(),
        fontdb: fontdb.clone(),
        ..Default::default()
    }
}

fn face() -> &'static ttf_parser::Face<'static> {
    static FACE: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(FONT, 0).expect("bundled font parses"))
}

fn fallback_face() -> &'static ttf_parser::Face<'static> {
    static FACE: OnceLock<ttf_parser::Face<'static>> = OnceLock::new();
    FACE.get_or_init(|| ttf_parser::Face::parse(FALLBACK, 0).expect("bundled font parses"))
}

/// The advance width of `text` at `size` px in the bundled fonts, the fallback's where
/// the first lacks a character. Characters neither has count as 1em if CJK (they are
/// full-width), else 0.6em.
fn text_width(text: &str, size: f32) -> f32 {
    let advance = |face: &ttf_parser::Face<'_>, c: char| {
        let advance = face
            .glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))?;
        Some(f32::from(advance) / f32::from(face.units_per_em()))
    };
    let em: f32 = text
        .chars()
        .map(|c| {
            advance(face(), c)
                .or_else(|| advance(fallback_face(), c))
                .unwrap_or(if is_cjk(c) { 1.0 } else { 0.6 })
        })
        .sum();
    em * size
}

/// The largest title size whose wrapped lines fit in `height`, with those
/// lines; at the smallest size the lines are cut to fit.
fn fit_title(title: &str, height: f32) -> (f32, Vec<String>) {
    let max_lines =
        |size: f32| ((height / (size * LINE_HEIGHT)) as usize).clamp(1, TITLE_MAX_LINES);
    let (largest, smallest) = TITLE_SIZES;
    let mut size = largest;
    loop {
        let width = |s: &str| text_width(s, size);
        let lines = wrap(title, TEXT_WIDTH, &width);
        if lines.len() <= max_lines(size) {
            return (size, lines);
        }
        if size - TITLE_STEP < smallest {
            return (size, truncate(lines, max_lines(size), TEXT_WIDTH, &width));
        }
        size -= TITLE_STEP;
    }
}

/// `text` on one line at `size`, cut with "…" if too long.
fn single_line(text: &str, size: f32) -> String {
    let width = |s: &str| text_width(s, size);
    let lines = wrap(text, TEXT_WIDTH, &width);
    truncate(lines, 1, TEXT_WIDTH, &width)
        .pop()
        .unwrap_or_default()
}

/// Splits `text` into lines no wider than `max_width`, breaking at
/// whitespace and between CJK characters; a word wider than a line is broken
/// between characters. Whitespace runs collapse to one space, and control
/// characters count as whitespace.
fn wrap(text: &str, max_width: f32, width: &dyn Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for (spaced, unit) in break_units(text) {
        let candidate = match (line.is_empty(), spaced) {
            (true, _) => unit.to_string(),
            (false, true) => format!("{line} {unit}"),
            (false, false) => format!("{line}{unit}"),
        };
        if width(&candidate) <= max_width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in unit.chars() {
            line.push(c);
            if width(&line) > max_width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The pieces of `text` a line may break between, each with whether
/// whitespace came before it: words, and single CJK characters (with any
/// closing punctuation that follows, which may not start a line).
fn break_units(text: &str) -> Vec<(bool, &str)> {
    let mut units = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()) {
        let mut spaced = true;
        let mut start = 0;
        for (i, c) in word.char_indices() {
            let boundary = i > start
                && !is_closing(c)
                && (is_cjk(c) || word[..i].chars().next_back().is_some_and(is_cjk));
            if boundary {
                units.push((spaced, &word[start..i]));
                spaced = false;
                start = i;
            }
        }
        if start < word.len() {
            units.push((spaced, &word[start..]));
        }
    }
    units
}

/// `lines` cut to `max_lines`; if any were dropped, the last kept line ends
/// in "…", with words (or, lacking spaces, characters) removed to make room.
fn truncate(
    mut lines: Vec<String>,
    max_lines: usize,
    max_width: f32,
    width: &dyn Fn(&str) -> f32,
) -> Vec<String> {
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.last_mut() {
        while !last.is_empty() && width(&format!("{last}…")) > max_width {
            match last.rfind(' ') {
                Some(i) => last.truncate(i),
                None => {
                    last.pop();
                }
            }
        }
        last.push('…');
    }
    lines
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'     // Hangul Jamo
        | '\u{2E80}'..='\u{9FFF}'   // CJK radicals, punctuation, kana, ideographs
        | '\u{AC00}'..='\u{D7AF}'   // Hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FE30}'..='\u{FE4F}'   // CJK compatibility forms
        | '\u{FF00}'..='\u{FFEF}'   // full-width forms
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions
    )
}

/// Punctuation that must not begin a line.
fn is_closing(c: char) -> bool {
    "、。，．：；！？）」』】〉》〕ー・…ゃゅょっャュョッ!?,.:;)]}".contains(c)
}

/// Appends a `<text>` element with `content` escaped.
fn push_text(svg: &mut String, content: &str, baseline: f32, size: f32, colour: [u8; 3]) {
    let _ = writeln!(
        svg,
        r#"<text x="{MARGIN}" y="{baseline}" font-size="{size}" fill="{}">{}</text>"#,
        css_colour(colour),
        escape_html(content)
    );
}

/// `#rrggbb`.
fn css_colour([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Whether the root `<svg>` has a size of its own: a `viewBox`, or a width
/// and height that are not percentages. (usvg would assume 100×100.)
/// Data that is not plain UTF-8 XML (e.g. SVGZ) is left to usvg.
fn has_intrinsic_size(data: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return true;
    };
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let Ok(doc) = roxmltree::Document::parse_with_options(text, options) else {
        return true;
    };
    let svg = doc.root_element();
    let absolute = |name| {
        svg.attribute(name)
            .is_some_and(|v| !v.trim().ends_with('%'))
    };
    svg.attribute("viewBox").is_some() || (absolute("width") && absolute("height"))
}

/// Converts tiny-skia's premultiplied pixels to straight RGBA.
fn to_image(pixmap: &Pixmap) -> RgbaImage {
    let data = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    RgbaImage::from_raw(pixmap.width(), pixmap.height(), data).expect("buffer matches size")
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLOURS: CardColours = CardColours {
        background: [250, 248, 240],
        surface: [230, 225, 210],
        text: [20, 20, 30],
        muted: [110, 110, 120],
        accent: [200, 60, 40],
    };

    fn render(title: &str, kicker: Option<&str>) -> RgbaImage {
        let text = CardText {
            title,
            kicker,
            site_name: "Folio Test Site",
        };
        card(&text, &COLOURS)
    }

    fn is_background(p: &image::Rgba<u8>) -> bool {
        p.0 == [250, 248, 240, 255]
    }

    /// The right and bottom margins, outside any text.
    fn assert_margins_clear(img: &RgbaImage) {
        for (x, y, p) in img.enumerate_pixels() {
            let right = x >= CARD_WIDTH - MARGIN as u32;
            let bottom = y >= SITE_BASELINE as u32 + 12;
            assert!(
                !(right || bottom) || is_background(p),
                "ink at {x},{y}: {p:?}"
            );
        }
    }

    #[test]
    fn card_size_and_corners() {
        let img = render("Hello, world", Some("Posts in Rust"));
        assert_eq!(img.dimensions(), (CARD_WIDTH, CARD_HEIGHT));
        for (x, y) in [
            (0, 0),
            (CARD_WIDTH - 1, 0),
            (0, CARD_HEIGHT - 1),
            (CARD_WIDTH - 1, CARD_HEIGHT - 1),
        ] {
            assert!(is_background(img.get_pixel(x, y)));
        }
    }

    #[test]
    fn title_paints_in_text_colour() {
        let inked = title_ink(&render("Writing a blog compiler", None));
        assert!(inked > 1000, "only {inked} title pixels");
    }

    /// How many pixels of the title's area are in the text colour.
    fn title_ink(img: &RgbaImage) -> usize {
        (MARGIN as u32..CARD_WIDTH - MARGIN as u32)
            .flat_map(|x| (120..TITLE_BOTTOM as u32).map(move |y| (x, y)))
            .filter(|&(x, y)| img.get_pixel(x, y).0 == [20, 20, 30, 255])
            .count()
    }

    #[test]
    fn cjk_titles_are_drawn_with_the_fallback_font() {
        // Without glyphs, every character would be the same empty box: two titles of
        // as many characters would look alike.
        let titles = ["日本語の記事", "中文博客文章", "한국어블로그"];
        let cards: Vec<RgbaImage> = titles.iter().map(|title| render(title, None)).collect();
        for (title, card) in titles.iter().zip(&cards) {
            let inked = title_ink(card);
            assert!(inked > 1000, "{title}: only {inked} title pixels");
        }
        assert!(cards[0] != cards[1] && cards[1] != cards[2] && cards[0] != cards[2]);
    }

    #[test]
    fn long_titles_stay_inside_margins() {
        let words = "Lorem ipsum dolor sit amet consectetur ".repeat(8);
        let spaceless = "W".repeat(300);
        let cjk = "日本語のタイトルはスペースなしで書かれる。".repeat(15);
        for title in [&words[..300], &spaceless, &cjk] {
            assert_margins_clear(&render(title, Some(&spaceless)));
        }
    }

    #[test]
    fn empty_and_markup_titles() {
        assert_margins_clear(&render("", None));
        assert_margins_clear(&render("   ", Some("")));
        assert_margins_clear(&render("<script>&\"'</script> \u{0} \u{1b}", Some("<&>")));
    }

    #[test]
    fn fits_title_by_shrinking_then_cuts() {
        let (size, lines) = fit_title("Short", 328.0);
        assert_eq!((size, lines), (72.0, vec!["Short".to_string()]));
        let long = "word ".repeat(200);
        let (size, lines) = fit_title(&long, 328.0);
        assert_eq!((size, lines.len()), (TITLE_SIZES.1, TITLE_MAX_LINES));
        assert!(lines[3].ends_with("word…"));
    }

    #[test]
    fn wraps_with_fake_widths() {
        let width = |s: &str| s.chars().count() as f32;
        assert_eq!(wrap("aa bb cc", 5.0, &width), ["aa bb", "cc"]);
        assert_eq!(wrap("  aa \n\t bb  ", 10.0, &width), ["aa bb"]);
        assert_eq!(wrap("abcdefgh ij", 3.0, &width), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("日本語です。", 3.0, &width), ["日本語", "です。"]);
        assert_eq!(wrap("日本語で。す", 4.0, &width), ["日本語", "で。す"]);
        assert_eq!(wrap("Rust入門", 5.0, &width), ["Rust入", "門"]);
        assert!(wrap("", 3.0, &width).is_empty());
        let lines = wrap("one two three four five", 9.0, &width);
        assert_eq!(lines, ["one two", "three", "four five"]);
        assert_eq!(truncate(lines, 2, 9.0, &width), ["one two", "three…"]);
        assert_eq!(
            truncate(vec!["abcdefghi".into(), "x".into()], 1, 9.0, &width),
            ["abcdefgh…"]
        );
        assert_eq!(
            truncate(vec!["one two".into(), "x".into()], 1, 7.0, &width),
            ["one…"]
        );
    }

    #[test]
    fn rasterizes_svg_to_width() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#ff0000"/></svg>"##;
        let img = rasterize_svg(svg, 200).unwrap();
        assert_eq!(img.dimensions(), (200, 100));
        assert!(img.pixels().all(|p| p.0 == [255, 0, 0, 255]));
    }

    #[test]
    fn rasterizes_view_box_only_svg_with_text() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"><text x="10" y="70" font-family="Inter, serif" font-size="60">Hi</text></svg>"##;
        let img = rasterize_svg(svg, 600).unwrap();
        assert_eq!(img.dimensions(), (600, 200));
        assert!(img.pixels().any(|p| p.0 == [0, 0, 0, 255]), "text drawn");
        assert_eq!(
            img.get_pixel(599, 199).0,
            [0, 0, 0, 0],
            "transparent outside"
        );
    }

    #[test]
    fn demultiplies_translucent_pixels() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#ff8000" fill-opacity="0.5"/></svg>"##;
        let p = rasterize_svg(svg, 4).unwrap().get_pixel(1, 1).0;
        assert!(
            p[0] == 255 && p[1].abs_diff(128) <= 1 && p[2] == 0 && p[3].abs_diff(128) <= 1,
            "{p:?}"
        );
    }

    #[test]
    fn rejects_bad_svgs() {
        assert!(rasterize_svg(b"\xff\xfe not svg", 100).is_err());
        assert!(rasterize_svg(b"<svg", 100).is_err());
        assert!(rasterize_svg(br#"<svg xmlns="http://www.w3.org/2000/svg"/>"#, 100).is_err());
        let sized = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#;
        assert!(rasterize_svg(sized, 0).is_err());
    }
}
