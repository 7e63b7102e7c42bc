//! Makes a highlighting theme readable: every text colour at WCAG AA contrast (4.5:1)
//! against every background it can be drawn on, each moved only as far as it must be
//! (towards black on a light background, towards white on a dark one), so that the
//! theme keeps its hues.

use syntect::highlighting::{Color, Theme};

/// The contrast WCAG 2.1 AA asks of text (success criterion 1.4.3).
pub const AA_CONTRAST: f64 = 4.5;

/// The contrast between two colours, from 1 (the same) to 21 (black on white), as WCAG
/// 2.1 defines it.
pub fn contrast_ratio(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (a, b) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if a > b { (a, b) } else { (b, a) };
    (light + 0.05) / (dark + 0.05)
}

/// WCAG 2.1's relative luminance of an sRGB colour.
fn relative_luminance(rgb: [u8; 3]) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])
}

/// `theme` with each text colour moved until it reaches [`AA_CONTRAST`]: a rule's own
/// background where it sets one, else the theme's background and every background a
/// rule sets (a span may sit inside another one's background).
pub fn readable(mut theme: Theme) -> Theme {
    let Some(background) = theme.settings.background else {
        return theme;
    };
    let mut ambient = vec![rgb(background)];
    ambient.extend(
        theme
            .scopes
            .iter()
            .filter_map(|item| item.style.background)
            .map(rgb),
    );
    if let Some(foreground) = &mut theme.settings.foreground {
        *foreground = with_contrast(*foreground, &ambient);
    }
    for item in &mut theme.scopes {
        let own = item.style.background.map(|b| vec![rgb(b)]);
        if let Some(foreground) = &mut item.style.foreground {
            *foreground = with_contrast(*foreground, own.as_deref().unwrap_or(&ambient));
        }
    }
    theme
}

fn rgb(color: Color) -> [u8; 3] {
    [color.r, color.g, color.b]
}

/// `color` mixed with black (or white, on a dark background) by the least amount, in steps
/// of 1%, that puts it at [`AA_CONTRAST`] against every one of `backgrounds`.
fn with_contrast(color: Color, backgrounds: &[[u8; 3]]) -> Color {
    let enough = |c: [u8; 3]| {
        backgrounds
            .iter()
            .all(|&b| contrast_ratio(c, b) >= AA_CONTRAST)
    };
    if enough(rgb(color)) {
        return color;
    }
    // Towards the end of the scale far from the first background (the theme's own).
    let luminance = backgrounds.first().map_or(1.0, |&b| relative_luminance(b));
    let target = if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) {
        0.0
    } else {
        255.0
    };
    let mixed = |t: f64| {
        let channel = |c: u8| (f64::from(c) + (target - f64::from(c)) * t).round() as u8;
        [channel(color.r), channel(color.g), channel(color.b)]
    };
    let moved = (1..=100)
        .map(|step| mixed(f64::from(step) / 100.0))
        .find(|&c| enough(c))
        .unwrap_or_else(|| mixed(1.0));
    Color {
        r: moved[0],
        g: moved[1],
        b: moved[2],
        a: color.a,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syntect::highlighting::ThemeSet;

    #[test]
    fn contrast_is_wcags() {
        assert!((contrast_ratio([0; 3], [255; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast_ratio([0x77; 3], [0x77; 3]) - 1.0).abs() < 1e-9);
        // #767676 on white is the lightest grey that passes AA: 4.54:1.
        assert!((contrast_ratio([0x76; 3], [255; 3]) - 4.54).abs() < 0.01);
    }

    #[test]
    fn a_pale_colour_is_darkened_on_white_and_lightened_on_black() {
        let pale = Color {
            r: 0x96,
            g: 0x98,
            b: 0x96,
            a: 0xff,
        };
        let on_white = rgb(with_contrast(pale, &[[255; 3]]));
        assert!(contrast_ratio(on_white, [255; 3]) >= AA_CONTRAST);
        assert!(on_white[0] < 0x96, "{on_white:?}");
        let dim = Color {
            r: 0x40,
            g: 0x40,
            b: 0x60,
            a: 0xff,
        };
        let on_black = rgb(with_contrast(dim, &[[0; 3]]));
        assert!(contrast_ratio(on_black, [0; 3]) >= AA_CONTRAST);
        assert!(on_black[2] > 0x60, "{on_black:?}");
    }

    #[test]
    fn a_readable_colour_is_kept() {
        let dark = Color {
            r: 0x32,
            g: 0x32,
            b: 0x32,
            a: 0xff,
        };
        assert_eq!(with_contrast(dark, &[[255; 3]]), dark);
    }

    #[test]
    fn every_colour_of_the_bundled_themes_becomes_readable() {
        let themes = ThemeSet::load_defaults();
        for (name, theme) in themes.themes {
            let theme = readable(theme);
            let Some(background) = theme.settings.background.map(rgb) else {
                continue;
            };
            for item in &theme.scopes {
                if let Some(foreground) = item.style.foreground {
                    let on = item.style.background.map_or(background, rgb);
                    let ratio = contrast_ratio(rgb(foreground), on);
                    assert!(ratio >= AA_CONTRAST, "{name}: {foreground:?} at {ratio:.2}");
                }
            }
        }
    }
}
