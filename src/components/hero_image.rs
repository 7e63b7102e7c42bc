//! A post's hero illustration, with its space reserved before it loads.

use folio_model::Image;
use leptos::prelude::*;

/// The hero image: alt text, intrinsic width and height (so the page does not move when
/// it arrives); loaded eagerly, since it is near the top of the page.
#[component]
pub fn HeroImage(image: Image) -> impl IntoView {
    view! {
        <figure class="hero">
            <img
                src=image.src
                alt=image.alt
                width=image.width
                height=image.height
                decoding="async"
                fetchpriority="high"
            />
        </figure>
    }
}
