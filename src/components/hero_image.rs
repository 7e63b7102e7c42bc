//! A post's hero illustration, with its space reserved before it loads.

use folio_model::Image;
use leptos::prelude::*;

use crate::locale::Locale;

/// The hero image: alt text, intrinsic width and height (so the page does not move when
/// it arrives); loaded eagerly, since it is near the top of the page.
#[component]
pub fn HeroImage(image: Image, locale: Locale) -> impl IntoView {
    let src = locale.url(&image.src);
    view! {
        <figure class="hero">
            <img
                src=src
                alt=image.alt
                width=image.width
                height=image.height
                decoding="async"
                fetchpriority="high"
            />
        </figure>
    }
}
