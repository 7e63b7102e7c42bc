//! The images of a build: widths, formats, fallbacks, placeholders, the cache and bad
//! images.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

use super::*;

fn settings() -> ImageSettings {
    ImageSettings {
        avif_speed: 10,
        ..ImageSettings::default()
    }
}

fn photo(width: u32, height: u32) -> DynamicImage {
    RgbImage::from_fn(width, height, |x, y| {
        Rgb([
            (x * 7 % 256) as u8,
            (y * 3 % 256) as u8,
            ((x + y) % 256) as u8,
        ])
    })
    .into()
}

fn write(dir: &Path, name: &str, image: &DynamicImage, format: ImageFormat) -> PathBuf {
    let path = dir.join(name);
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), format)
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    path
}

fn widths_of(srcset: &str) -> Vec<u32> {
    srcset
        .split(", ")
        .map(|c| {
            c.rsplit_once(' ')
                .unwrap()
                .1
                .trim_end_matches('w')
                .parse()
                .unwrap()
        })
        .collect()
}

#[test]
fn a_photo_is_made_in_the_widths_the_column_needs_in_avif_webp_and_jpeg() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "Big Photo.JPG",
        &photo(2000, 1000),
        ImageFormat::Jpeg,
    );
    let images = Images::new(&settings(), None, false);
    let prepared = images
        .prepare(&file, "posts/a/Big Photo.JPG", Slot::Hero)
        .unwrap();
    assert_eq!((prepared.width, prepared.height), (2000, 1000));
    let variants = prepared.variants.unwrap();
    let responsive = &variants.responsive;
    // Twice the 672 px column is the widest any screen needs.
    assert_eq!(
        widths_of(&responsive.sources[0].srcset),
        [480, 800, 1200, 1344]
    );
    assert_eq!(
        responsive
            .sources
            .iter()
            .map(|s| s.mime.as_str())
            .collect::<Vec<_>>(),
        ["image/avif", "image/webp"]
    );
    assert!(
        responsive.sources[0]
            .srcset
            .starts_with("data/images/big-photo-480."),
        "{}",
        responsive.sources[0].srcset
    );
    assert!(responsive.sources[0].srcset.contains(".avif 480w"));
    assert!(
        variants.src.starts_with("data/images/big-photo-1344.") && variants.src.ends_with(".jpg"),
        "{}",
        variants.src
    );
    assert_eq!(responsive.sizes, "min(42rem, 100vw - 2rem)");
    assert!(
        responsive
            .placeholder
            .as_deref()
            .unwrap()
            .starts_with("data:image/png;base64,")
    );
}

#[test]
fn every_variant_is_encoded_in_its_format_and_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "photo.jpg", &photo(600, 300), ImageFormat::Jpeg);
    let images = Images::new(&settings(), None, false);
    images.prepare(&file, "photo.jpg", Slot::Hero).unwrap();
    let files = images.encode().unwrap();
    assert_eq!(
        files.len(),
        5,
        "480 and 600 pixels wide in AVIF and WebP, and a JPEG of 600"
    );
    assert_eq!(
        images.stats(),
        ImageStats {
            encoded: 5,
            reused: 0
        }
    );
    for (path, file) in &files {
        let ImageFile::Encoded(bytes) = file else {
            panic!("no cache folder: {file:?}")
        };
        let expected = match path.rsplit('.').next().unwrap() {
            "avif" => ImageFormat::Avif,
            "webp" => ImageFormat::WebP,
            _ => ImageFormat::Jpeg,
        };
        assert_eq!(image::guess_format(bytes).unwrap(), expected, "{path}");
        if expected != ImageFormat::Avif {
            let width: u32 = path
                .split('-')
                .nth(1)
                .unwrap()
                .split('.')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let decoded = image::load_from_memory(bytes).unwrap();
            assert_eq!(
                (decoded.width(), decoded.height()),
                (width, width / 2),
                "{path}"
            );
        }
    }
}

#[test]
fn no_image_is_made_wider_than_its_original_and_a_small_one_keeps_its_own_width() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "small.png", &photo(600, 300), ImageFormat::Png);
    let images = Images::new(&settings(), None, false);
    let body = images
        .prepare(&file, "small.png", Slot::Body)
        .unwrap()
        .variants
        .unwrap();
    assert_eq!(widths_of(&body.responsive.sources[0].srcset), [480, 600]);
    assert_eq!(body.responsive.sizes, "min(600px, 100vw - 2rem)");
    assert!(
        body.src.contains("-600.") && body.src.ends_with(".jpg"),
        "an opaque PNG falls back to one JPEG: {}",
        body.src
    );
    let avatar = images
        .prepare(&file, "small.png", Slot::Avatar)
        .unwrap()
        .variants
        .unwrap();
    assert_eq!(widths_of(&avatar.responsive.sources[0].srcset), [56, 112]);
    assert_eq!(avatar.responsive.sizes, "3.5rem");
    assert_eq!(
        avatar.responsive.placeholder, None,
        "avatars are too small to need one"
    );
}

#[test]
fn a_transparent_image_has_no_placeholder_and_a_webp_falls_back_to_png_or_jpeg() {
    let dir = tempfile::tempdir().unwrap();
    let mut logo = RgbaImage::from_pixel(100, 50, Rgba([0, 0, 255, 255]));
    logo.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
    let transparent = write(dir.path(), "logo.png", &logo.into(), ImageFormat::Png);
    let opaque = write(dir.path(), "photo.webp", &photo(100, 50), ImageFormat::WebP);
    let images = Images::new(&settings(), None, false);
    let logo = images
        .prepare(&transparent, "logo.png", Slot::Body)
        .unwrap()
        .variants
        .unwrap();
    assert_eq!(logo.responsive.placeholder, None);
    assert!(
        logo.src.ends_with(".png"),
        "transparency falls back to PNG: {}",
        logo.src
    );
    let webp = images
        .prepare(&opaque, "photo.webp", Slot::Body)
        .unwrap()
        .variants
        .unwrap();
    assert!(webp.src.ends_with(".jpg"), "{}", webp.src);
    let files = images.encode().unwrap();
    let (_, ImageFile::Encoded(bytes)) = files
        .iter()
        .find(|(p, _)| p.starts_with("data/images/logo-100.") && p.ends_with(".webp"))
        .unwrap()
    else {
        panic!()
    };
    assert!(image::load_from_memory(bytes).unwrap().color().has_alpha());
}

#[test]
fn a_second_build_encodes_nothing_and_a_changed_image_only_itself() {
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.jpg", &photo(500, 300), ImageFormat::Jpeg);
    let b = write(dir.path(), "b.jpg", &photo(400, 300), ImageFormat::Jpeg);
    let build = |expected: ImageStats| {
        let images = Images::new(&settings(), Some(cache.path()), false);
        let first = images.prepare(&a, "a.jpg", Slot::Body).unwrap();
        images.prepare(&b, "b.jpg", Slot::Body).unwrap();
        let files = images.encode().unwrap();
        assert_eq!(images.stats(), expected);
        assert!(
            files
                .iter()
                .all(|(_, f)| matches!(f, ImageFile::Cached(path) if path.is_file()))
        );
        first
    };
    let cold = build(ImageStats {
        encoded: 8,
        reused: 0,
    });
    let warm = build(ImageStats {
        encoded: 0,
        reused: 8,
    });
    assert_eq!(cold, warm, "the cache gives the same page");
    write(dir.path(), "a.jpg", &photo(500, 301), ImageFormat::Jpeg);
    build(ImageStats {
        encoded: 5,
        reused: 3,
    });
}

#[test]
fn quick_settings_make_other_files_than_the_release_ones() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.jpg", &photo(500, 300), ImageFormat::Jpeg);
    let release = Images::new(&settings(), None, false)
        .prepare(&file, "a.jpg", Slot::Body)
        .unwrap();
    let quick = Images::new(&settings(), None, true)
        .prepare(&file, "a.jpg", Slot::Body)
        .unwrap();
    // WebP's method is 4 for a release and 0 under `trunk serve`.
    let webp = |p: &Prepared| {
        p.variants.as_ref().unwrap().responsive.sources[1]
            .srcset
            .clone()
    };
    assert_ne!(webp(&release), webp(&quick));
}

#[test]
fn bad_images_say_what_is_wrong_and_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let images = Images::new(
        &ImageSettings {
            max_pixels: 1_000_000,
            ..settings()
        },
        None,
        false,
    );
    let big = write(dir.path(), "big.png", &photo(1001, 1000), ImageFormat::Png);
    let problem = images
        .prepare(&big, "posts/big.png", Slot::Body)
        .unwrap_err();
    assert_eq!(
        problem.message,
        "image `posts/big.png` is 1001×1000 (1.0 megapixels), over the limit of 1.0"
    );
    assert!(problem.help.contains("max_pixels"), "{}", problem.help);

    let tiff = dir.path().join("scan.tif");
    std::fs::write(&tiff, b"II*\0\x08\0\0\0\0\0").unwrap();
    let problem = images.prepare(&tiff, "scan.tif", Slot::Body).unwrap_err();
    assert_eq!(
        problem.message,
        "image `scan.tif` is a TIFF file, which browsers do not show"
    );

    let broken = dir.path().join("broken.jpg");
    std::fs::write(&broken, b"\xFF\xD8\xFF\xE0 not really").unwrap();
    let problem = images
        .prepare(&broken, "broken.jpg", Slot::Body)
        .unwrap_err();
    assert!(
        problem
            .message
            .starts_with("image `broken.jpg` cannot be decoded: "),
        "{}",
        problem.message
    );
    assert!(!problem.warning);
}

#[test]
fn an_animated_gif_is_kept_as_it_is_with_a_warning() {
    use image::codecs::gif::GifEncoder;
    let dir = tempfile::tempdir().unwrap();
    let mut gif = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut gif);
        for shade in [0u8, 255] {
            let frame = image::Frame::new(RgbaImage::from_pixel(30, 20, Rgba([shade, 0, 0, 255])));
            encoder.encode_frame(frame).unwrap();
        }
    }
    let file = dir.path().join("spinner.gif");
    std::fs::write(&file, gif).unwrap();
    let images = Images::new(&settings(), None, false);
    let prepared = images.prepare(&file, "spinner.gif", Slot::Body).unwrap();
    assert_eq!(
        (prepared.width, prepared.height, prepared.variants.clone()),
        (30, 20, None)
    );
    let warning = prepared.warning.unwrap();
    assert!(warning.warning);
    assert_eq!(
        warning.message,
        "image `spinner.gif` is animated: it is published as it is, not resized"
    );
    assert!(images.encode().unwrap().is_empty());
}

#[test]
fn stems_are_safe_in_urls() {
    assert_eq!(stem("posts/a/Big Photo (1).JPG"), "big-photo-1");
    assert_eq!(stem("日本.png"), "image");
    assert_eq!(stem("no-extension"), "no-extension");
}

#[test]
fn a_card_shows_the_heros_files_at_the_cards_width() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "hero.jpg",
        &photo(2000, 1000),
        ImageFormat::Jpeg,
    );
    let images = Images::new(&settings(), None, false);
    let hero = images.prepare(&file, "hero.jpg", Slot::Hero).unwrap();
    let made = images.jobs.lock().unwrap().len();
    let card = images.prepare(&file, "hero.jpg", Slot::Card).unwrap();
    assert_eq!(
        images.jobs.lock().unwrap().len(),
        made,
        "nothing more to make"
    );
    let (hero, card) = (hero.variants.unwrap(), card.variants.unwrap());
    assert_eq!(card.src, hero.src);
    assert_eq!(card.responsive.sources, hero.responsive.sources);
    assert!(card.responsive.placeholder.is_some());
    assert!(
        card.responsive
            .sizes
            .starts_with("(min-width: 61.5rem) min(22.5rem"),
        "{}",
        card.responsive.sizes
    );
}
