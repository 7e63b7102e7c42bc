//! The document's head as the current route wants it. For now the title; the full head
//! metadata (description, canonical, Open Graph, JSON-LD) comes from `folio-model`.

/// Sets the browser tab's title, which screen readers also announce on navigation.
pub fn set_title(title: &str) {
    leptos::prelude::document().set_title(title);
}
