//! Word counts and reading time.
//!
//! A word is a run of letters or digits (apostrophes inside a word keep it whole); each
//! CJK character counts as a word of its own, since those scripts do not separate words
//! with spaces. Callers leave code out of the text they count.

/// Counts the words of `text`. ASCII, most of any text, is read a byte at a time without
/// a branch on what the byte is: a branch per byte would be mispredicted at every word's
/// start and end.
pub fn count_words(text: &str) -> u32 {
    // Per ASCII byte: 1 for a letter or digit, 2 for an apostrophe.
    const CLASS: [u8; 128] = {
        let mut class = [0u8; 128];
        let mut b = 0;
        // `for` is not allowed in a constant.
        while b < 128 {
            if (b as u8).is_ascii_alphanumeric() {
                class[b] = 1;
            } else if b == b'\'' as usize {
                class[b] = 2;
            }
            b += 1;
        }
        class
    };
    let bytes = text.as_bytes();
    let mut words = 0u32;
    // 1 inside a word, else 0.
    let mut in_word = 0u32;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte.is_ascii() {
            let class = u32::from(CLASS[usize::from(byte)]);
            let letter = class & 1;
            words += letter & !in_word & 1;
            in_word = letter | (in_word & (class >> 1));
            at += 1;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        at += c.len_utf8();
        if is_cjk(c) {
            words += 1;
            in_word = 0;
        } else if c.is_alphanumeric() || (in_word == 1 && c == '’') {
            words += 1 - in_word;
            in_word = 1;
        } else {
            in_word = 0;
        }
    }
    words
}

/// Minutes to read `words` at `words_per_minute`: rounded up, at least one.
pub fn reading_minutes(words: u32, words_per_minute: u32) -> u32 {
    words.div_ceil(words_per_minute.max(1)).max(1)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F) // CJK Extensions B-F, supplement
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_latin_words() {
        assert_eq!(count_words("Teams often talk about cart recovery."), 6);
        assert_eq!(count_words("don't stop—ever, 2026"), 4);
        assert_eq!(count_words(""), 0);
        assert_eq!(count_words("  \n\t "), 0);
    }

    #[test]
    fn apostrophes_keep_words_whole_only_inside_them() {
        assert_eq!(count_words("it's the dogs’ toy"), 4);
        assert_eq!(count_words("'quoted' ’curly’ ''"), 2);
        assert_eq!(count_words("rock'n'roll l’été café naïve"), 4);
        assert_eq!(count_words("a'b 'c d' e’f"), 4);
    }

    #[test]
    fn counts_each_cjk_character() {
        assert_eq!(count_words("日本語"), 3);
        assert_eq!(count_words("Rust は速い"), 4);
        assert_eq!(count_words("한국어"), 3);
    }

    #[test]
    fn rounds_reading_time_up_to_at_least_a_minute() {
        assert_eq!(reading_minutes(0, 220), 1);
        assert_eq!(reading_minutes(220, 220), 1);
        assert_eq!(reading_minutes(221, 220), 2);
        assert_eq!(reading_minutes(500, 0), 500);
    }
}
