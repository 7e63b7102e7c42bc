//! Resizes decoded pixels (fast_image_resize's SIMD Lanczos) and encodes them: AVIF
//! through rav1e, lossy WebP through libwebp, JPEG and PNG through `image`; and the
//! tiny PNG placeholder a page shows until an image paints.

use std::io::Cursor;

use base64::Engine as _;
use image::{DynamicImage, ExtendedColorType, ImageEncoder};

/// A format an image is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputFormat {
    Avif,
    Webp,
    Jpeg,
    Png,
}

impl OutputFormat {
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Avif => "avif",
            OutputFormat::Webp => "webp",
            OutputFormat::Jpeg => "jpg",
            OutputFormat::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            OutputFormat::Avif => "image/avif",
            OutputFormat::Webp => "image/webp",
            OutputFormat::Jpeg => "image/jpeg",
            OutputFormat::Png => "image/png",
        }
    }
}

/// How hard the encoders work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quality {
    /// WebP's and JPEG's, 1 to 100.
    pub lossy: u8,
    pub avif: u8,
    /// rav1e's speed, 1 to 10.
    pub avif_speed: u8,
    /// libwebp's method, 0 (fastest) to 6.
    pub webp_method: u8,
}

/// `pixels` scaled to `width` × `height` (its aspect ratio, rounded), or a copy when
/// that is its size.
pub fn resize(pixels: &DynamicImage, width: u32, height: u32) -> DynamicImage {
    use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
    if (pixels.width(), pixels.height()) == (width, height) {
        return pixels.clone();
    }
    let mut resized = DynamicImage::new(width, height, pixels.color());
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(pixels, &mut resized, &options)
        .expect("RGB8 and RGBA8 images of a non-zero size resize into their own type");
    resized
}

/// `pixels` (RGB8 or RGBA8) in `format`.
pub fn encode(pixels: &DynamicImage, format: OutputFormat, quality: Quality) -> Vec<u8> {
    let (width, height) = (pixels.width(), pixels.height());
    let color = match pixels {
        DynamicImage::ImageRgba8(_) => ExtendedColorType::Rgba8,
        _ => ExtendedColorType::Rgb8,
    };
    let bytes = pixels.as_bytes();
    let mut out = Vec::new();
    let written =
        match format {
            OutputFormat::Avif => {
                image::codecs::avif::AvifEncoder::new_with_speed_quality(
                    &mut out,
                    quality.avif_speed,
                    quality.avif,
                )
                // One image per core: the build runs as many at once as there are cores.
                .with_num_threads(Some(1))
                .write_image(bytes, width, height, color)
            }
            OutputFormat::Webp => return webp(pixels, quality),
            OutputFormat::Jpeg => {
                let rgb = pixels.to_rgb8();
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality.lossy)
                    .write_image(&rgb, width, height, ExtendedColorType::Rgb8)
            }
            OutputFormat::Png => image::codecs::png::PngEncoder::new(&mut out)
                .write_image(bytes, width, height, color),
        };
    written.expect("encoding pixels of a known size into memory does not fail");
    out
}

fn webp(pixels: &DynamicImage, quality: Quality) -> Vec<u8> {
    let (width, height) = (pixels.width(), pixels.height());
    let encoder = match pixels {
        DynamicImage::ImageRgba8(rgba) => webp::Encoder::from_rgba(rgba, width, height),
        DynamicImage::ImageRgb8(rgb) => webp::Encoder::from_rgb(rgb, width, height),
        _ => unreachable!("decoded images are RGB8 or RGBA8"),
    };
    let mut config = webp::WebPConfig::new().expect("libwebp's default configuration");
    config.quality = f32::from(quality.lossy);
    config.method = i32::from(quality.webp_method);
    encoder
        .encode_advanced(&config)
        .expect("libwebp encodes an image within its size limits")
        .to_vec()
}

/// The longest side of a placeholder, in pixels: enough for the shapes and colours of
/// the picture, small enough (a few hundred bytes) to sit in the page.
const PLACEHOLDER_SIDE: u32 = 16;

/// The placeholder of `pixels`: a `data:` URL of a tiny PNG, which the browser scales
/// up smoothly to the image's box.
pub fn placeholder(pixels: &DynamicImage) -> String {
    let (width, height) = (pixels.width(), pixels.height());
    let scale = f64::from(PLACEHOLDER_SIDE) / f64::from(width.max(height));
    let small = resize(
        &DynamicImage::ImageRgb8(pixels.to_rgb8()),
        (f64::from(width) * scale).round().max(1.0) as u32,
        (f64::from(height) * scale).round().max(1.0) as u32,
    );
    let mut png = Vec::new();
    small
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .expect("a tiny PNG encodes into memory");
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(png)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    const QUALITY: Quality = Quality {
        lossy: 80,
        avif: 60,
        avif_speed: 10,
        webp_method: 0,
    };

    fn gradient(width: u32, height: u32) -> DynamicImage {
        RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
        })
        .into()
    }

    #[test]
    fn every_format_is_what_browsers_read() {
        let pixels = resize(&gradient(300, 200), 150, 100);
        assert_eq!((pixels.width(), pixels.height()), (150, 100));
        for (format, expected) in [
            (OutputFormat::Avif, image::ImageFormat::Avif),
            (OutputFormat::Webp, image::ImageFormat::WebP),
            (OutputFormat::Jpeg, image::ImageFormat::Jpeg),
            (OutputFormat::Png, image::ImageFormat::Png),
        ] {
            let bytes = encode(&pixels, format, QUALITY);
            assert_eq!(image::guess_format(&bytes).unwrap(), expected, "{format:?}");
            if format != OutputFormat::Avif {
                let back = image::load_from_memory(&bytes).unwrap();
                assert_eq!((back.width(), back.height()), (150, 100), "{format:?}");
            }
        }
    }

    #[test]
    fn transparency_survives_webp_and_png() {
        let pixels: DynamicImage = RgbaImage::from_fn(40, 40, |x, _| {
            Rgba([255, 0, 0, if x < 20 { 0 } else { 255 }])
        })
        .into();
        for format in [OutputFormat::Webp, OutputFormat::Png] {
            let back = image::load_from_memory(&encode(&pixels, format, QUALITY))
                .unwrap()
                .to_rgba8();
            assert_eq!(back.get_pixel(2, 2).0[3], 0, "{format:?}");
            assert_eq!(back.get_pixel(38, 2).0[3], 255, "{format:?}");
        }
    }

    #[test]
    fn a_placeholder_is_a_tiny_png_of_the_same_shape() {
        let url = placeholder(&gradient(1600, 900));
        let png = base64::engine::general_purpose::STANDARD
            .decode(url.strip_prefix("data:image/png;base64,").unwrap())
            .unwrap();
        let small = image::load_from_memory(&png).unwrap();
        assert_eq!((small.width(), small.height()), (16, 9));
        assert!(url.len() < 1200, "{} bytes", url.len());
        let tall = placeholder(&gradient(10, 4000));
        assert!(tall.starts_with("data:image/png;base64,"));
    }
}
