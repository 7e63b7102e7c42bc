//! Table cells with their column's alignment (`|:--:|`) as a class (`align-center`),
//! which `style/main.css` aligns: pulldown-cmark writes it as a `style` attribute, which
//! the site's Content-Security-Policy (`style-src 'self'`) blocks, and HTML's own
//! `align` attribute is obsolete.

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

/// Where the renderer is in a table.
#[derive(Debug, Default)]
pub struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableCells {
    /// The event to write for `event`, for a table's events; `None` for the others.
    pub fn rewrite<'a>(&mut self, event: &Event<'a>) -> Option<Event<'a>> {
        let rewritten = match event {
            Event::Start(Tag::Table(alignments)) => {
                self.alignments.clone_from(alignments);
                Event::Start(Tag::Table(vec![Alignment::None; alignments.len()]))
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.column = 0;
                return None;
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                return None;
            }
            Event::Start(Tag::TableRow) => {
                self.column = 0;
                return None;
            }
            Event::Start(Tag::TableCell) => {
                let element = self.element();
                let class = match self.alignments.get(self.column) {
                    Some(Alignment::Left) => " class=\"align-left\"",
                    Some(Alignment::Center) => " class=\"align-center\"",
                    Some(Alignment::Right) => " class=\"align-right\"",
                    Some(Alignment::None) | None => "",
                };
                Event::Html(format!("<{element}{class}>").into())
            }
            Event::End(TagEnd::TableCell) => {
                self.column += 1;
                Event::Html(format!("</{}>", self.element()).into())
            }
            _ => return None,
        };
        Some(rewritten)
    }

    fn element(&self) -> &'static str {
        if self.in_head { "th" } else { "td" }
    }
}
