//! The head of every document, with the picture its link previews show: every page
//! shares a raster 1200×630 (Facebook, LinkedIn, X and Slack show no SVG, and nothing
//! for a page without `og:image`): its hero made to that size (an SVG hero rasterized),
//! else a card of its title drawn by the image engine. Named here, made with the other
//! images by [`Images::encode`].

use folio_images::share_card::{CARD_HEIGHT, CARD_WIDTH};
use folio_images::{Images, ShareSource};
use folio_model::head::{self, PageHead, ShareCard};
use folio_model::{Image, ListingPage, PageDocument, PostDocument, SiteDocument};

use crate::parallel;
use crate::render::assemble::Assets;

/// Fills in the head of every page, which needs the site document and the rest of each
/// document. `heroes` are the posts' heroes (path in the content folder, alt text), in
/// the order of `posts`.
pub fn fill_heads(
    posts: &mut [(String, PostDocument)],
    heroes: &[Option<&(String, String)>],
    listings: &mut [(String, ListingPage)],
    pages: &mut [PageDocument],
    site: &mut SiteDocument,
    assets: &Assets<'_>,
) {
    let site_ref = &*site;
    let with_heroes: Vec<_> = posts.iter().zip(heroes).collect();
    let post_heads = parallel::map(&with_heroes, |((_, post), hero)| {
        let card = || {
            card_share(
                assets.images,
                &head::post_share_card(site_ref, &post.summary),
            )
        };
        let share = match hero {
            // Another site's hero is shared as it is.
            Some((path, _)) if path.contains("://") => None,
            Some((path, alt)) => hero_share(assets, path, alt).or_else(card),
            None => card(),
        };
        PageHead::from(&head::post_head(site_ref, post, share.as_ref()))
    });
    for ((_, post), head) in posts.iter_mut().zip(post_heads) {
        post.head = head;
    }
    let listing_heads = parallel::map(listings, |(_, listing)| {
        let share = card_share(assets.images, &head::listing_share_card(site_ref, listing));
        PageHead::from(&head::listing_head(site_ref, listing, share.as_ref()))
    });
    for ((_, listing), head) in listings.iter_mut().zip(listing_heads) {
        listing.head = head;
    }
    let page_heads = parallel::map(pages, |page| {
        let share = card_share(assets.images, &head::page_share_card(site_ref, page));
        PageHead::from(&head::page_head(site_ref, page, share.as_ref()))
    });
    for (page, head) in pages.iter_mut().zip(page_heads) {
        page.head = head;
    }
    let not_found_heads: Vec<PageHead> = site
        .languages
        .iter()
        .map(|language| PageHead::from(&head::not_found_head(site, &language.code)))
        .collect();
    for (language, head) in site.languages.iter_mut().zip(not_found_heads) {
        language.not_found_head = head;
    }
}

/// The hero at `path` made into a link preview; `None` when it cannot be (its problem
/// is reported where the hero is named), and the page shares a card instead.
fn hero_share(assets: &Assets<'_>, path: &str, alt: &str) -> Option<Image> {
    let file = assets.root.join(path);
    let src = assets
        .images
        .share(ShareSource::Hero {
            file: &file,
            name: path,
        })
        .ok()?;
    Some(shared_image(src, alt))
}

/// A card of `card`'s words as a link preview.
fn card_share(images: &Images, card: &ShareCard) -> Option<Image> {
    let src = images.share(ShareSource::Card(card)).ok()?;
    Some(shared_image(src, &card.title))
}

fn shared_image(src: String, alt: &str) -> Image {
    Image {
        src,
        alt: alt.to_owned(),
        width: Some(CARD_WIDTH),
        height: Some(CARD_HEIGHT),
        html: String::new(),
    }
}
