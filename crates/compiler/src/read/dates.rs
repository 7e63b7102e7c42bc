//! Dates as authors write them, read in the site's time zone.

use jiff::ZonedDateTime as Zoned;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Reads a date in any of the forms Zola and Hugo accept (see docs/content-format.md):
/// `2026-03-14`, `2026-03-14T10:00:00` or with a space, the hour in one or two digits,
/// seconds and their fractions optional, in `time_zone`; with a zone (`Z`, `+01:00`,
/// `+0100`, `+01`, ` +01:00`, `UTC`) at its instant; and RFC 2822's
/// `Sat, 14 Mar 2026 10:00:00 +0100`, as RSS writes dates.
pub fn parse(text: &str, time_zone: &TimeZone) -> Result<Zoned, String> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<jiff::Timestamp>() {
        return Ok(timestamp.to_zoned_datetime(time_zone.clone()));
    }
    let rfc2822 = || {
        jiff::fmt::rfc2822::parse(text)
            .ok()
            .map(|zoned| zoned.timestamp().to_zoned_datetime(time_zone.clone()))
    };
    if text.contains(',')
        && let Some(date) = rfc2822()
    {
        return Ok(date);
    }
    let (civil, offset) = match civil_and_offset(text) {
        Ok(read) => read,
        Err(message) => return rfc2822().ok_or(message),
    };
    match offset {
        Some(offset) => offset
            .to_timestamp(civil)
            .map(|timestamp| timestamp.to_zoned_datetime(time_zone.clone()))
            .map_err(|e| format!("invalid date `{text}`: {}", reason(&e))),
        None => time_zone
            .to_ambiguous_zoned_datetime(civil)
            .compatible()
            .map_err(|e| format!("invalid date `{text}`: {e}")),
    }
}

/// A date and time as written, and its offset from UTC when it has one.
fn civil_and_offset(text: &str) -> Result<(DateTime, Option<jiff::tz::Offset>), String> {
    let invalid = |why: &str| format!("invalid date `{text}`: {why}");
    // `YYYY-MM-DD` is ten bytes; anything else is read whole, for jiff's message.
    let date_end = match text.get(..10) {
        Some(date) if date.as_bytes()[4] == b'-' => 10,
        _ => text.find(char::is_whitespace).unwrap_or(text.len()),
    };
    let date: Date = text[..date_end]
        .parse()
        .map_err(|e: jiff::Error| invalid(&reason(&e)))?;
    let rest = text[date_end..].trim_start_matches(['T', 't']).trim_start();
    if rest.is_empty() {
        return Ok((date.to_datetime(jiff::civil::Time::midnight()), None));
    }
    let time_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(rest.len());
    let (time_text, zone) = (&rest[..time_end], rest[time_end..].trim());
    let mut parts = time_text.split(':');
    let mut number = |max: i8| -> Result<i8, String> {
        let part = parts.next().unwrap_or("0");
        let whole = part.split('.').next().unwrap_or(part);
        match whole.parse::<i8>() {
            Ok(n) if (0..=max).contains(&n) && !whole.is_empty() && whole.len() <= 2 => Ok(n),
            _ => Err(invalid("the time is not hours:minutes:seconds")),
        }
    };
    let (hour, minute, second) = (number(23)?, number(59)?, number(59)?);
    let nanos = time_text
        .rsplit_once('.')
        .map(|(_, fraction)| {
            let digits: String = fraction.chars().take(9).collect();
            format!("{digits:0<9}").parse::<i32>().unwrap_or(0)
        })
        .unwrap_or(0);
    let time =
        jiff::civil::Time::new(hour, minute, second, nanos).map_err(|e| invalid(&reason(&e)))?;
    Ok((
        date.to_datetime(time),
        zone_offset(zone).map_err(|why| invalid(&why))?,
    ))
}

/// The offset a zone is written as: `Z`, `+01:00`, `+0100`, `+01`, or `UTC`/`GMT`; an
/// abbreviation after an offset (`-0700 MST`, as Go writes dates) is left aside.
fn zone_offset(zone: &str) -> Result<Option<jiff::tz::Offset>, String> {
    let (offset, name) = zone.split_once(' ').unwrap_or((zone, ""));
    let name = name.trim();
    let named = |name: &str| match name.to_ascii_uppercase().as_str() {
        "UTC" | "GMT" | "Z" => Ok(Some(jiff::tz::Offset::UTC)),
        "" => Ok(None),
        other => Err(format!(
            "the time zone `{other}` is not an offset; write it as +01:00"
        )),
    };
    let Some(sign) = offset.chars().next().filter(|c| matches!(c, '+' | '-')) else {
        return named(if name.is_empty() { offset } else { name });
    };
    let digits: String = offset[1..].chars().filter(char::is_ascii_digit).collect();
    let (hours, minutes) = match digits.len() {
        2 => (&digits[..2], "00"),
        4 => (&digits[..2], &digits[2..]),
        _ => return Err("the offset is not +HH:MM".to_owned()),
    };
    let seconds =
        hours.parse::<i32>().unwrap_or(0) * 3600 + minutes.parse::<i32>().unwrap_or(0) * 60;
    let seconds = if sign == '-' { -seconds } else { seconds };
    jiff::tz::Offset::from_seconds(seconds)
        .map(Some)
        .map_err(|e| reason(&e))
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

    /// Every form of docs/content-format.md's table of dates, and what it reads as.
    #[test]
    fn reads_every_form_zola_and_hugo_write() {
        let forms = [
            ("2026-03-14", "2026-03-14T00:00:00+01:00"),
            ("2026-07-01T09:30:00", "2026-07-01T09:30:00+02:00"),
            ("2026-07-01 09:30", "2026-07-01T09:30:00+02:00"),
            ("2026-07-01T09:30:00.250", "2026-07-01T09:30:00.25+02:00"),
            ("2021-10-01 8:30:00+00:00", "2021-10-01T10:30:00+02:00"),
            ("2021-10-01 08:30:00 +00:00", "2021-10-01T10:30:00+02:00"),
            ("2021-10-01T08:30:00+0000", "2021-10-01T10:30:00+02:00"),
            ("2021-10-01T08:30:00-07", "2021-10-01T17:30:00+02:00"),
            ("2021-10-01T08:30:00Z", "2021-10-01T10:30:00+02:00"),
            ("2021-10-01 08:30:00 UTC", "2021-10-01T10:30:00+02:00"),
            ("2021-10-01 08:30:00 -0700 MST", "2021-10-01T17:30:00+02:00"),
            (
                "Fri, 01 Oct 2021 08:30:00 +0000",
                "2021-10-01T10:30:00+02:00",
            ),
        ];
        for (written, read) in forms {
            let parsed = parse(written, &madrid()).unwrap_or_else(|e| panic!("{written}: {e}"));
            assert_eq!(rfc3339(&parsed), read, "{written}");
        }
    }

    #[test]
    fn refuses_impossible_dates() {
        let message = parse("2026-02-30", &madrid()).unwrap_err();
        assert!(
            message.starts_with("invalid date `2026-02-30`: "),
            "{message}"
        );
        assert!(parse("March 3rd", &madrid()).is_err());
        assert!(parse("2026-03-14 25:00", &madrid()).is_err());
        let message = parse("2026-03-14 10:00 CET", &madrid()).unwrap_err();
        assert!(message.contains("`CET` is not an offset"), "{message}");
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
