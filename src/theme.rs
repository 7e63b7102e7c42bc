//! The reader's colour theme: the system's (prefers-color-scheme) until they pick one,
//! then theirs, remembered in local storage. `index.html` applies the remembered choice
//! before the first paint, so that the page never flashes the other theme.

use leptos::prelude::{document, window};

/// Where the choice is remembered; `index.html` reads the same key.
const STORAGE_KEY: &str = "folio-theme";

/// A colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The other theme.
    pub fn toggled(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// The theme the page shows now: the reader's choice, else the system's.
pub fn current() -> Theme {
    let chosen = document()
        .document_element()
        .and_then(|root| root.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => Theme::Dark,
        Some("light") => Theme::Light,
        _ if system_prefers_dark() => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Shows `theme` and remembers it for the next visits.
pub fn choose(theme: Theme) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme.name());
    }
    if let Ok(Some(storage)) = window().local_storage() {
        // Private modes may refuse storage: the choice then lasts for this page only.
        let _ = storage.set_item(STORAGE_KEY, theme.name());
    }
}

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
