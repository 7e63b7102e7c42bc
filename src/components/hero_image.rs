//! A post's hero illustration, with its space reserved before it loads.

use folio_model::Image;
use leptos::prelude::*;

/// The hero image, loaded first (it is the page's largest paint), with its alt text and
/// intrinsic size so the page does not move when it arrives: the compiler's markup of it
/// (a raster hero's `<picture>` of its sizes and formats over its placeholder), shown as
/// written, so the app carries no code to write it.
#[component]
pub fn HeroImage(image: Image) -> impl IntoView {
    view! { <figure class="hero" inner_html=image.html></figure> }
}
