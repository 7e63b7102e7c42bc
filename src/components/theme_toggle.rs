//! The button that switches between the light and dark themes.

use leptos::prelude::*;

use crate::labels::Labels;
use crate::theme::{self, Theme};

/// A button that shows the other theme and remembers the choice.
#[component]
pub fn ThemeToggle(labels: &'static Labels) -> impl IntoView {
    // The theme is known only in the browser; until then the button says nothing wrong.
    let (shown, set_shown) = signal(None::<Theme>);
    Effect::new(move || set_shown.set(Some(theme::current())));
    let label = move || match shown.get() {
        Some(Theme::Dark) => labels.theme_light,
        _ => labels.theme_dark,
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label=label
            title=label
            on:click=move |_| {
                let next = shown.get_untracked().unwrap_or_else(theme::current).toggled();
                theme::choose(next);
                set_shown.set(Some(next));
            }
        >
            <span class="theme-toggle-icon" aria-hidden="true"></span>
        </button>
    }
}
