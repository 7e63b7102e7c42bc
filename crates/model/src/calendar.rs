//! Dates as readers see them, from the RFC 3339 date-times of the documents
//! (`2026-03-14T00:00:00+01:00`), without a date library.
//!
//! Only the calendar date counts (the first ten characters, `YYYY-MM-DD`): it is the
//! author's date in the site's time zone, so it is shown as it is, never converted. A
//! string that does not start with a valid date is shown unchanged rather than guessed at.

use crate::locale::Locale;

/// Abbreviated month names in English, as in "Mar 14, 2026".
const ENGLISH_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Abbreviated month names in Spanish (CLDR's, as browsers show them), as in
/// "14 mar 2026".
const SPANISH_MONTHS: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

/// The date of `rfc3339` for a reader of `language`: `Mar 14, 2026` in English (`en`,
/// `en-*`), `14 mar 2026` in Spanish (`es`, `es-*`), the ISO date `2026-03-14` in any other
/// language. A string that does not start with a valid `YYYY-MM-DD` date comes back
/// unchanged.
pub fn display_date(rfc3339: &str, language: &str) -> String {
    let Some(date) = CalendarDate::parse(rfc3339) else {
        return rfc3339.to_owned();
    };
    match Locale::from_code(language) {
        Some(Locale::English) => format!(
            "{} {}, {}",
            ENGLISH_MONTHS[date.month_index()],
            date.day,
            date.year
        ),
        Some(Locale::Spanish) => format!(
            "{} {} {}",
            date.day,
            SPANISH_MONTHS[date.month_index()],
            date.year
        ),
        None => iso_date(rfc3339).to_owned(),
    }
}

/// The `YYYY-MM-DD` date that `rfc3339` starts with (for `<time datetime>`), or the whole
/// string when it does not start with a valid date (shorter strings included).
pub fn iso_date(rfc3339: &str) -> &str {
    match CalendarDate::parse(rfc3339) {
        Some(_) => &rfc3339[..CalendarDate::LENGTH],
        None => rfc3339,
    }
}

/// A valid date of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CalendarDate {
    year: u16,
    /// 1 to 12.
    month: u8,
    /// 1 to the month's length.
    day: u8,
}

impl CalendarDate {
    /// The length of `YYYY-MM-DD`, in bytes.
    const LENGTH: usize = 10;

    /// The date `text` starts with, when it is a valid `YYYY-MM-DD` date followed by
    /// nothing or by a time (`T`, `t` or a space).
    fn parse(text: &str) -> Option<CalendarDate> {
        let bytes = text.as_bytes();
        let date = bytes.get(..Self::LENGTH)?;
        if !matches!(bytes.get(Self::LENGTH), None | Some(b'T' | b't' | b' ')) {
            return None;
        }
        if date[4] != b'-' || date[7] != b'-' {
            return None;
        }
        let year = digits(&date[0..4])?;
        let month = digits(&date[5..7])?;
        let day = digits(&date[8..10])?;
        let date = CalendarDate {
            year,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        date.is_valid().then_some(date)
    }

    fn is_valid(self) -> bool {
        (1..=12).contains(&self.month)
            && (1..=days_in_month(self.year, self.month)).contains(&self.day)
    }

    /// The month's index in a table of twelve names.
    fn month_index(self) -> usize {
        usize::from(self.month - 1)
    }
}

/// The number that ASCII `digits` spell, when they are all digits (at most four).
fn digits(digits: &[u8]) -> Option<u16> {
    digits.iter().try_fold(0u16, |number, &byte| {
        byte.is_ascii_digit()
            .then(|| number * 10 + u16::from(byte - b'0'))
    })
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(rfc3339: &str, language: &str, expected: &str) {
        assert_eq!(
            display_date(rfc3339, language),
            expected,
            "{rfc3339:?} in {language:?}"
        );
    }

    #[test]
    fn english_dates_have_the_abbreviated_month_first() {
        check("2026-03-14T00:00:00+01:00", "en", "Mar 14, 2026");
        check("2026-03-04T23:59:59-05:00", "en", "Mar 4, 2026");
        check("2025-12-31", "en-GB", "Dec 31, 2025");
        check("2026-01-01t10:00:00Z", "EN-us", "Jan 1, 2026");
    }

    #[test]
    fn spanish_dates_have_the_day_first_and_a_lowercase_month() {
        check("2026-03-14T00:00:00+01:00", "es", "14 mar 2026");
        check("2026-09-05T00:00:00+02:00", "es-MX", "5 sept 2026");
        check("2026-08-20 08:00:00Z", "es", "20 ago 2026");
    }

    #[test]
    fn other_languages_get_the_iso_date() {
        check("2026-03-14T00:00:00+01:00", "pt-BR", "2026-03-14");
        check("2026-03-14T00:00:00+01:00", "", "2026-03-14");
        check("2026-03-14", "日本語", "2026-03-14");
    }

    #[test]
    fn every_month_has_its_name() {
        let english: Vec<String> = (1..=12)
            .map(|month| display_date(&format!("2026-{month:02}-01"), "en"))
            .collect();
        let spanish: Vec<String> = (1..=12)
            .map(|month| display_date(&format!("2026-{month:02}-01"), "es"))
            .collect();
        assert_eq!(english[0], "Jan 1, 2026");
        assert_eq!(english[11], "Dec 1, 2026");
        assert_eq!(spanish[0], "1 ene 2026");
        assert_eq!(spanish[11], "1 dic 2026");
        for (month, (english, spanish)) in english.iter().zip(&spanish).enumerate() {
            assert!(english.starts_with(ENGLISH_MONTHS[month]), "{english}");
            assert!(spanish.contains(SPANISH_MONTHS[month]), "{spanish}");
        }
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        check("2024-02-29T00:00:00Z", "en", "Feb 29, 2024");
        check("2000-02-29T00:00:00Z", "en", "Feb 29, 2000");
        check("2023-02-29T00:00:00Z", "en", "2023-02-29T00:00:00Z");
        check("1900-02-29T00:00:00Z", "en", "1900-02-29T00:00:00Z");
        check("2026-04-31T00:00:00Z", "es", "2026-04-31T00:00:00Z");
        check("2026-01-31T00:00:00Z", "es", "31 ene 2026");
    }

    #[test]
    fn malformed_dates_come_back_unchanged() {
        for malformed in [
            "",
            "2026",
            "2026-03-1",
            "2026/03/14",
            "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z",
            "2026-03-00T00:00:00Z",
            "2026-03-145",
            "2026-03-14X00:00:00Z",
            "+026-03-14",
            " 2026-03-14",
            "March 14, 2026",
            "2026-03-1é",
            "２０２６-０３-１４",
            "日本語の日付です",
            "é",
        ] {
            for language in ["en", "es", "pt"] {
                check(malformed, language, malformed);
            }
            assert_eq!(iso_date(malformed), malformed);
        }
    }

    #[test]
    fn iso_dates_are_the_first_ten_characters_of_valid_dates() {
        assert_eq!(iso_date("2026-03-14T00:00:00+01:00"), "2026-03-14");
        assert_eq!(iso_date("2026-03-14"), "2026-03-14");
        assert_eq!(iso_date("2026-03"), "2026-03");
        assert_eq!(iso_date("2026-03-14é"), "2026-03-14é");
        assert_eq!(iso_date("2026-03-1日本"), "2026-03-1日本");
    }
}
