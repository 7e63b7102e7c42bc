//! Slugs: the URL segments made from names and headings.

/// The slug of `text`: lowercase letters and digits (any script), other characters
/// folded into single dashes, no dash at either end. Latin letters lose their accents
/// (`Español` gives `espanol`) so that slugs are easy to type.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c);
        } else if c != '\'' && c != '’' {
            dash = true;
        }
    }
    slug
}

/// True when `text` is already a slug (`laura-gomez`): what the content format treats as
/// an id rather than a display name.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugifies_names_and_headings() {
        assert_eq!(slugify("Mara Bos"), "mara-bos");
        assert_eq!(
            slugify("  Start from intent, not just abandonment! "),
            "start-from-intent-not-just-abandonment"
        );
        assert_eq!(slugify("Español y Más"), "espanol-y-mas");
        assert_eq!(slugify("Rust 1.85.0"), "rust-1-85-0");
        assert_eq!(slugify("What's new"), "whats-new");
        assert_eq!(slugify("日本語 テスト"), "日本語-テスト");
        assert_eq!(slugify("!!!"), "");
    }

    #[test]
    fn recognizes_ids() {
        assert!(is_slug("laura-gomez"));
        assert!(is_slug("rust2024"));
        assert!(!is_slug("Mara Bos"));
        assert!(!is_slug("-x"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
    }
}
