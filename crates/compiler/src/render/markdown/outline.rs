//! The outline of a post's body: the level each heading takes in the page.

/// The open sections of a body's outline: each heading's level as written, and as the
/// page has it.
#[derive(Debug, Default)]
pub struct Outline(Vec<(u8, u8)>);

impl Outline {
    /// An outline that goes on from a heading at `level` in the page (0: no heading yet),
    /// as raw HTML does after the Markdown headings before it.
    pub fn continuing_from(level: u8) -> Self {
        Outline((2..=level.min(6)).map(|level| (level, level)).collect())
    }

    /// The level a heading written at `written` takes in the page: one below the heading
    /// of the section it is in, the body's first sections at 2 (the page's title is its
    /// one `h1`). The outline the author wrote is kept, and no level is skipped: `###`
    /// straight under the title is a section of the page, as screen readers and the HTML
    /// checker read it, and `#` in a body is not a second title.
    pub fn level(&mut self, written: u8) -> u8 {
        while self.0.last().is_some_and(|&(open, _)| open >= written) {
            self.0.pop();
        }
        let level = self.0.last().map_or(2, |&(_, page)| page + 1).min(6);
        self.0.push((written, level));
        level
    }
}
