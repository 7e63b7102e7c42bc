//! The URL a generator gave a page: Hugo's (`url`, the `permalinks` of its section, or
//! its path and file name) and Zola's (`path`, or its sections and slug). Folio keeps it
//! as an old URL of the post, with a redirect page, and links to it lead to the post.

use folio_model::slug::slugify;
use jiff::ZonedDateTime as Zoned;

use super::{Generator, UrlRules};

/// What a page's URL is made of.
#[derive(Debug, Clone, Copy)]
pub struct PageFacts<'a> {
    /// The file's path in its content tree: `blog/2021-03-01-x/index.md`.
    pub path: &'a str,
    pub title: &'a str,
    /// The front matter's `slug`.
    pub slug: Option<&'a str>,
    /// Hugo's `url`, Zola's `path`.
    pub url: Option<&'a str>,
    pub date: &'a Zoned,
    /// `""` in the default language, else `ja/`.
    pub language_prefix: &'a str,
}

/// The page's URL under `generator`, from the site's root: `/blog/2021/03/x/`.
pub fn page_url(generator: Generator, rules: &UrlRules, page: &PageFacts<'_>) -> Option<String> {
    let url = match generator {
        Generator::Folio => return None,
        Generator::Hugo => hugo(rules, page),
        Generator::Zola => zola(page),
    };
    let url = format!("/{}", url.trim_start_matches('/'));
    Some(match generator {
        Generator::Hugo if rules.lowercase => url.to_lowercase(),
        _ => url,
    })
}

/// The folders of the file and its name without `.md` (a bundle's folder name for its
/// `index.md`), with a `.ja` language suffix taken off.
fn folders_and_name(path: &str) -> (Vec<&str>, &str) {
    let mut parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.strip_suffix(".md").unwrap_or(file);
    let stem = stem.split('.').next().unwrap_or(stem);
    if stem == "index"
        && let Some(folder) = parts.pop()
    {
        return (parts, folder);
    }
    (parts, stem)
}

fn hugo(rules: &UrlRules, page: &PageFacts<'_>) -> String {
    if let Some(url) = page.url {
        return url.to_owned();
    }
    let (folders, name) = folders_and_name(page.path);
    let section = folders.first().copied().unwrap_or_default();
    let path = match rules.permalinks.get(section) {
        Some(pattern) => expand(pattern, page, &folders, name),
        None => {
            let last = page.slug.map_or_else(|| urlize(name), urlize);
            let mut parts: Vec<String> = folders.iter().map(|f| urlize(f)).collect();
            parts.push(last);
            format!("/{}/", parts.join("/"))
        }
    };
    let path = if rules.ugly && path.ends_with('/') && path.len() > 1 {
        format!("{}.html", path.trim_end_matches('/'))
    } else {
        path
    };
    format!("/{}{}", page.language_prefix, path.trim_start_matches('/'))
}

/// A Hugo permalink pattern with its tokens replaced (`:year`, `:month`, `:slug`…).
fn expand(pattern: &str, page: &PageFacts<'_>, folders: &[&str], name: &str) -> String {
    let date = page.date.date();
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut rest = pattern;
    while let Some(start) = rest.find(':') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .unwrap_or(after.len());
        let token = &after[..end];
        let value = match token {
            "year" => format!("{:04}", date.year()),
            "month" => format!("{:02}", date.month()),
            "monthname" => MONTHS[(date.month() - 1) as usize].to_owned(),
            "day" => format!("{:02}", date.day()),
            "weekday" => date.weekday().to_sunday_zero_offset().to_string(),
            "weekdayname" => format!("{:?}", date.weekday()),
            "yearday" => date.day_of_year().to_string(),
            "section" => folders.first().copied().unwrap_or_default().to_owned(),
            "sections" => folders.join("/"),
            "title" => urlize(page.title),
            "slug" => urlize(page.slug.unwrap_or(page.title)),
            "filename" | "contentbasename" => urlize(name),
            "slugorfilename" | "slugorcontentbasename" => urlize(page.slug.unwrap_or(name)),
            _ => format!(":{token}"),
        };
        out.push_str(&value);
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Hugo's `urlize`: spaces become `-`, letters, digits and `._-~+#%/` stay, the rest
/// goes; Hugo lowercases the whole path afterwards.
pub fn urlize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '~' | '+' | '#' | '%' | '/') {
            out.push(c);
        } else if c.is_whitespace() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.to_lowercase()
}

fn zola(page: &PageFacts<'_>) -> String {
    // Zola puts a page with a `path` there, in any language.
    if let Some(path) = page.url {
        return format!("/{}/", path.trim_matches('/'));
    }
    let (folders, name) = folders_and_name(page.path);
    let name = crate::read::dates::from_file_name(name).map_or(name, |(_, rest)| rest);
    let slug = slugify(page.slug.unwrap_or(name));
    let mut parts: Vec<String> = folders.iter().map(|f| slugify(f)).collect();
    parts.push(slug);
    format!("/{}{}/", page.language_prefix, parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> Zoned {
        "2021-03-01T08:30:00+00:00[UTC]".parse().unwrap()
    }

    fn facts<'a>(path: &'a str, title: &'a str, date: &'a Zoned) -> PageFacts<'a> {
        PageFacts {
            path,
            title,
            slug: None,
            url: None,
            date,
            language_prefix: "",
        }
    }

    fn hugo_rules() -> UrlRules {
        UrlRules {
            permalinks: [(
                "blog".to_owned(),
                "/:section/:year/:month/:slug/".to_owned(),
            )]
            .into(),
            lowercase: true,
            ..UrlRules::default()
        }
    }

    #[test]
    fn expands_the_flux_sites_permalinks() {
        let date = date();
        let page = facts(
            "blog/2021-03-01-march-update/index.md",
            "March 2021 Update",
            &date,
        );
        assert_eq!(
            page_url(Generator::Hugo, &hugo_rules(), &page).as_deref(),
            Some("/blog/2021/03/march-2021-update/")
        );
        let page = PageFacts {
            slug: Some("Flux v2.1.0"),
            ..page
        };
        assert_eq!(
            page_url(Generator::Hugo, &hugo_rules(), &page).as_deref(),
            Some("/blog/2021/03/flux-v2.1.0/")
        );
    }

    #[test]
    fn hugo_urls_without_permalinks_follow_the_file() {
        let date = date();
        let rules = UrlRules {
            lowercase: true,
            ..UrlRules::default()
        };
        let page = facts("posts/My First Post.md", "Hello", &date);
        assert_eq!(
            page_url(Generator::Hugo, &rules, &page).as_deref(),
            Some("/posts/my-first-post/")
        );
        let page = PageFacts {
            language_prefix: "ja/",
            ..facts("posts/bundle/index.ja.md", "x", &date)
        };
        assert_eq!(
            page_url(Generator::Hugo, &rules, &page).as_deref(),
            Some("/ja/posts/bundle/")
        );
        let page = PageFacts {
            url: Some("/custom/place/"),
            ..page
        };
        assert_eq!(
            page_url(Generator::Hugo, &rules, &page).as_deref(),
            Some("/custom/place/")
        );
        let ugly = UrlRules {
            ugly: true,
            ..rules
        };
        assert_eq!(
            page_url(Generator::Hugo, &ugly, &facts("posts/a.md", "A", &date)).as_deref(),
            Some("/posts/a.html")
        );
    }

    #[test]
    fn zola_urls_are_sections_and_slug() {
        let date = date();
        let rules = UrlRules::default();
        let page = facts("blog/2019-09-30-Async Await.md", "x", &date);
        assert_eq!(
            page_url(Generator::Zola, &rules, &page).as_deref(),
            Some("/blog/async-await/")
        );
        let page = PageFacts {
            url: Some("2019/09/30/async"),
            language_prefix: "fr/",
            ..page
        };
        assert_eq!(
            page_url(Generator::Zola, &rules, &page).as_deref(),
            Some("/2019/09/30/async/")
        );
    }

    #[test]
    fn urlizes_as_hugo_does() {
        assert_eq!(urlize("March 2021 Update"), "march-2021-update");
        assert_eq!(urlize("Flux: v2.1.0 is out!"), "flux-v2.1.0-is-out");
        assert_eq!(urlize("Straße  café"), "straße-café");
    }
}
