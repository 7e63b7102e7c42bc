//! Dates as authors write them, read in the site's time zone.

use jiff::ZonedDateTime as Zoned;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Reads `2026-03-14`, `2026-03-14T10:00:00` (or with a space) in `time_zone`, or a
/// date-time with an offset (`2026-03-14T10:00:00+01:00`, `...Z`) at its instant.
pub fn parse(text: &str, time_zone: &TimeZone) -> Result<Zoned, String> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
        return Ok(timestamp.to_zoned_datetime(time_zone.clone()));
    }
    let civil = text.parse::<DateTime>().or_else(|_| {
        text.parse::<Date>()
            .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
    });
    match civil {
        Ok(datetime) => time_zone
            .to_ambiguous_zoned_datetime(datetime)
            .compatible()
            .map_err(|e| format!("invalid date `{text}`: {e}")),
        Err(e) => Err(format!("invalid date `{text}`: {}", reason(&e))),
    }
}

fn reason(e: &jiff::Error) -> String {
    let full = e.to_string();
    // jiff's message names the whole chain; the last part is the one authors can act on.
    full.rsplit(": ").next().unwrap_or(&full).to_owned()
}

/// RFC 3339 with the zone's offset: `2026-03-14T00:00:00+01:00`.
pub fn rfc3339(zoned: &Zoned) -> String {
    zoned
        .timestamp()
        .display_with_offset(zoned.offset())
        .to_string()
}

/// The date a file name starts with (`2019-09-30-async.md`), and the rest of the name.
pub fn from_file_name(name: &str) -> Option<(Date, &str)> {
    let (prefix, rest) = (name.get(..10)?, name.get(10..)?);
    let rest = rest.strip_prefix('-')?;
    Some((prefix.parse().ok()?, rest))
}

/// The date a Zola `path` carries as `YYYY/MM/DD` (`2019/09/30/async-await`).
pub fn from_path(path: &str) -> Option<Date> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() == 2 && w[2].len() == 2;
        ok.then(|| format!("{}-{}-{}", w[0], w[1], w[2]).parse().ok())
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn madrid() -> TimeZone {
        TimeZone::get("Europe/Madrid").unwrap()
    }

    #[test]
    fn reads_dates_in_the_site_time_zone() {
        assert_eq!(
            rfc3339(&parse("2026-03-14", &madrid()).unwrap()),
            "2026-03-14T00:00:00+01:00"
        );
        assert_eq!(
            rfc3339(&parse("2026-07-01T09:30:00", &madrid()).unwrap()),
            "2026-07-01T09:30:00+02:00"
        );
        assert_eq!(
            rfc3339(&parse("2026-07-01 09:30:00", &madrid()).unwrap()),
            "2026-07-01T09:30:00+02:00"
        );
    }

    #[test]
    fn keeps_the_instant_of_dates_with_an_offset() {
        assert_eq!(
            rfc3339(&parse("2026-03-14T10:00:00Z", &madrid()).unwrap()),
            "2026-03-14T11:00:00+01:00"
        );
        assert_eq!(
            rfc3339(&parse("2019-03-14T10:00:00-05:00", &TimeZone::UTC).unwrap()),
            "2019-03-14T15:00:00+00:00"
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        let message = parse("2026-02-30", &madrid()).unwrap_err();
        assert!(
            message.starts_with("invalid date `2026-02-30`: "),
            "{message}"
        );
        assert!(parse("March 3rd", &madrid()).is_err());
    }

    #[test]
    fn finds_dates_in_file_names_and_zola_paths() {
        let (date, rest) = from_file_name("2019-09-30-async-await.md").unwrap();
        assert_eq!(
            (date.to_string().as_str(), rest),
            ("2019-09-30", "async-await.md")
        );
        assert!(from_file_name("async.md").is_none());
        assert_eq!(
            from_path("2019/09/30/Async-await-hits-beta")
                .unwrap()
                .to_string(),
            "2019-09-30"
        );
        assert_eq!(
            from_path("inside-rust/2024/01/02/x").unwrap().to_string(),
            "2024-01-02"
        );
        assert!(from_path("about").is_none());
    }
}
