//! The languages Folio has its own words for (dates, page titles), and how a BCP 47
//! language code picks one of them.

/// A language whose words Folio knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Locale {
    /// `en` and every `en-*`.
    English,
    /// `es` and every `es-*`.
    Spanish,
}

impl Locale {
    /// The locale of a language code, by its primary subtag (`es-MX` is Spanish), with
    /// any case; `None` for a language Folio has no words for.
    pub(crate) fn from_code(code: &str) -> Option<Locale> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            Some(Locale::English)
        } else if primary.eq_ignore_ascii_case("es") {
            Some(Locale::Spanish)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(code: &str, expected: Option<Locale>) {
        assert_eq!(Locale::from_code(code), expected, "{code:?}");
    }

    #[test]
    fn picks_the_locale_by_primary_subtag_in_any_case() {
        check("en", Some(Locale::English));
        check("en-GB", Some(Locale::English));
        check("EN-us", Some(Locale::English));
        check("es", Some(Locale::Spanish));
        check("es-MX", Some(Locale::Spanish));
        check("es_ES", Some(Locale::Spanish));
    }

    #[test]
    fn other_codes_have_no_locale() {
        check("", None);
        check("pt-BR", None);
        check("eng", None);
        check("esperanto", None);
        check("-es", None);
        check("español", None);
    }
}
