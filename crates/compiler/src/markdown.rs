//! Renders a post's Markdown body to HTML.

use pulldown_cmark::{Options, Parser, html};

/// Renders CommonMark with tables, footnotes, strikethrough and task lists.
pub fn render(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, Parser::new_ext(markdown, options));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_paragraphs_and_headings() {
        assert_eq!(render("## Hi\n\nText"), "<h2>Hi</h2>\n<p>Text</p>\n");
    }

    #[test]
    fn renders_tables() {
        assert!(render("|a|\n|-|\n|1|\n").contains("<table>"));
    }
}
