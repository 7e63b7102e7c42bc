//! Reads an image file into sRGB pixels the right way up: its format told by its bytes
//! (not its name), its size checked before anything is allocated, its EXIF orientation
//! applied and its colour profile converted to sRGB. What cannot be published as made
//! here (an animated GIF, an AVIF) is told apart, to be kept as it is.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

/// The format of a source image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SourceFormat {
    Jpeg,
    Png,
    Gif,
    Webp,
}

/// Why an image is published as it is, not resized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Kept {
    /// An animated GIF or WebP: resizing would keep only its first frame.
    Animated,
    /// An AVIF: already the smallest format, and one this build does not decode.
    Avif,
}

/// A decoded image.
pub struct Decoded {
    /// Oriented, sRGB, 8 bits per channel: RGB, or RGBA when the image has transparency.
    pub pixels: DynamicImage,
    pub format: SourceFormat,
}

/// What a source image is, before its pixels are decoded.
pub enum Recognized {
    Raster(SourceFormat),
    Kept(Kept),
}

/// Why an image cannot be used; the message names no file (the caller does).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// A format browsers do not show, or that is not an image at all.
    Unsupported(String),
    /// More pixels than the settings allow.
    TooLarge { width: u32, height: u32 },
    /// The file is damaged or is not what it says it is.
    Corrupt(String),
}

/// Tells the format of `bytes`, and whether it is animated.
pub fn recognize(bytes: &[u8]) -> Result<Recognized, DecodeError> {
    let format = image::guess_format(bytes).map_err(|_| {
        DecodeError::Unsupported(
            match bytes.get(4..12) {
                Some(b"ftypheic" | b"ftypheix" | b"ftypmif1" | b"ftypmsf1") => "a HEIC file",
                _ => "not an image format browsers show",
            }
            .to_owned(),
        )
    })?;
    let format = match format {
        ImageFormat::Jpeg => SourceFormat::Jpeg,
        ImageFormat::Png => SourceFormat::Png,
        ImageFormat::Gif => SourceFormat::Gif,
        ImageFormat::WebP => SourceFormat::Webp,
        ImageFormat::Avif => return Ok(Recognized::Kept(Kept::Avif)),
        other => {
            return Err(DecodeError::Unsupported(format!(
                "a {} file",
                other
                    .extensions_str()
                    .first()
                    .map_or("?", |e| e)
                    .to_uppercase()
            )));
        }
    };
    if is_animated(bytes, format)? {
        return Ok(Recognized::Kept(Kept::Animated));
    }
    Ok(Recognized::Raster(format))
}

fn is_animated(bytes: &[u8], format: SourceFormat) -> Result<bool, DecodeError> {
    use image::AnimationDecoder;
    match format {
        SourceFormat::Gif => {
            let decoder =
                image::codecs::gif::GifDecoder::new(Cursor::new(bytes)).map_err(corrupt)?;
            Ok(decoder.into_frames().take(2).count() > 1)
        }
        SourceFormat::Webp => {
            let decoder =
                image::codecs::webp::WebPDecoder::new(Cursor::new(bytes)).map_err(corrupt)?;
            Ok(decoder.has_animation())
        }
        SourceFormat::Jpeg | SourceFormat::Png => Ok(false),
    }
}

/// Decodes `bytes` (a [`Recognized::Raster`] image) into oriented sRGB pixels, refusing
/// images of more than `max_pixels` before decoding them.
pub fn decode(bytes: &[u8], max_pixels: u64) -> Result<Decoded, DecodeError> {
    let format = match recognize(bytes)? {
        Recognized::Raster(format) => format,
        Recognized::Kept(_) => {
            return Err(DecodeError::Unsupported("an animated or AVIF image".into()));
        }
    };
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let mut limits = image::Limits::default();
    // The decoded pixels and the decoder's own buffers, at 4 bytes a pixel and a margin.
    limits.max_alloc = Some(max_pixels.saturating_mul(8).max(1 << 26));
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(corrupt)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > max_pixels {
        return Err(DecodeError::TooLarge { width, height });
    }
    let orientation = decoder.orientation().map_err(corrupt)?;
    let profile = decoder.icc_profile().ok().flatten();
    let decoded = DynamicImage::from_decoder(decoder).map_err(corrupt)?;
    let mut pixels = match decoded.color().has_alpha() && has_transparency(&decoded) {
        true => DynamicImage::ImageRgba8(decoded.into_rgba8()),
        false => DynamicImage::ImageRgb8(decoded.into_rgb8()),
    };
    if let Some(profile) = profile {
        to_srgb(&mut pixels, &profile);
    }
    pixels.apply_orientation(orientation);
    Ok(Decoded { pixels, format })
}

/// Whether any pixel of an image with an alpha channel is not opaque.
fn has_transparency(image: &DynamicImage) -> bool {
    match image {
        DynamicImage::ImageRgba8(pixels) => pixels.pixels().any(|p| p.0[3] < 255),
        DynamicImage::ImageLumaA8(pixels) => pixels.pixels().any(|p| p.0[1] < 255),
        other => other.to_rgba8().pixels().any(|p| p.0[3] < 255),
    }
}

/// Converts pixels described by the ICC `profile` to sRGB, in place. A profile that
/// does not parse, is already sRGB's, or is not an RGB one (a greyscale or CMYK JPEG's,
/// which the decoder has already made RGB) leaves the pixels as they are.
fn to_srgb(pixels: &mut DynamicImage, profile: &[u8]) {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(source) = ColorProfile::new_from_slice(profile) else {
        return;
    };
    if source.color_space != DataColorSpace::Rgb {
        return;
    }
    let srgb = ColorProfile::new_srgb();
    let layout = match pixels {
        DynamicImage::ImageRgba8(_) => Layout::Rgba,
        _ => Layout::Rgb,
    };
    let Ok(transform) =
        source.create_transform_8bit(layout, &srgb, layout, TransformOptions::default())
    else {
        return;
    };
    let samples: &mut [u8] = match pixels {
        DynamicImage::ImageRgba8(buffer) => buffer,
        DynamicImage::ImageRgb8(buffer) => buffer,
        _ => return,
    };
    let source_samples = samples.to_vec();
    let _ = transform.transform(&source_samples, samples);
}

fn corrupt(error: image::ImageError) -> DecodeError {
    match error {
        image::ImageError::Limits(_) => {
            DecodeError::Corrupt("it needs more memory to decode than its size allows".to_owned())
        }
        image::ImageError::Unsupported(e) => DecodeError::Unsupported(e.to_string()),
        other => DecodeError::Corrupt(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{Rgb, RgbImage, Rgba, RgbaImage};

    fn png(image: &DynamicImage) -> Vec<u8> {
        let mut out = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn an_opaque_image_decodes_to_rgb_and_a_transparent_one_to_rgba() {
        let opaque = RgbaImage::from_pixel(4, 2, Rgba([10, 20, 30, 255]));
        let decoded = decode(&png(&opaque.into()), 100).unwrap();
        assert!(matches!(decoded.pixels, DynamicImage::ImageRgb8(_)));
        assert_eq!(decoded.format, SourceFormat::Png);
        let mut clear = RgbaImage::from_pixel(4, 2, Rgba([10, 20, 30, 255]));
        clear.put_pixel(0, 0, Rgba([0, 0, 0, 0]));
        let decoded = decode(&png(&clear.into()), 100).unwrap();
        assert!(matches!(decoded.pixels, DynamicImage::ImageRgba8(_)));
    }

    #[test]
    fn too_many_pixels_are_refused_before_decoding() {
        let image = RgbImage::from_pixel(20, 10, Rgb([1, 2, 3]));
        assert_eq!(
            decode(&png(&image.into()), 199).err(),
            Some(DecodeError::TooLarge {
                width: 20,
                height: 10
            })
        );
    }

    #[test]
    fn formats_browsers_do_not_show_and_damaged_files_are_told_apart() {
        let image: DynamicImage = RgbImage::from_pixel(8, 8, Rgb([1, 2, 3])).into();
        assert_eq!(
            recognize(b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0\x28\0").err(),
            Some(DecodeError::Unsupported("a BMP file".into()))
        );
        assert_eq!(
            recognize(b"II*\0\x08\0\0\0").err(),
            Some(DecodeError::Unsupported("a TIFF file".into()))
        );
        assert!(matches!(
            recognize(b"\0\0\0\x18ftypheic\0\0\0\0"),
            Err(DecodeError::Unsupported(what)) if what == "a HEIC file"
        ));
        let mut cut = png(&image);
        cut.truncate(cut.len() / 2);
        assert!(matches!(decode(&cut, 1000), Err(DecodeError::Corrupt(_))));
    }

    #[test]
    fn the_exif_orientation_turns_the_image() {
        // A 2×1 JPEG whose EXIF says "rotate 90° clockwise" is shown 1×2.
        let jpeg = jpeg_with_orientation(6);
        let decoded = decode(&jpeg, 1000).unwrap();
        assert_eq!(
            (decoded.pixels.width(), decoded.pixels.height()),
            (8, 16),
            "a 16×8 photo taken on its side"
        );
        let upright = decode(&jpeg_with_orientation(1), 1000).unwrap();
        assert_eq!((upright.pixels.width(), upright.pixels.height()), (16, 8));
    }

    /// A 16×8 JPEG with an EXIF APP1 segment holding only `Orientation`.
    fn jpeg_with_orientation(orientation: u16) -> Vec<u8> {
        let image: DynamicImage = RgbImage::from_pixel(16, 8, Rgb([200, 100, 50])).into();
        let mut jpeg = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        tiff.extend_from_slice(&[0x01, 0x12, 0, 3, 0, 0, 0, 1]);
        tiff.extend_from_slice(&orientation.to_be_bytes());
        tiff.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&u16::try_from(app1.len() + 2).unwrap().to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    #[test]
    fn an_animated_gif_is_kept() {
        use image::codecs::gif::GifEncoder;
        let mut gif = Vec::new();
        {
            let mut encoder = GifEncoder::new(&mut gif);
            for shade in [0u8, 255] {
                let frame =
                    image::Frame::new(RgbaImage::from_pixel(4, 4, Rgba([shade, 0, 0, 255])));
                encoder.encode_frame(frame).unwrap();
            }
        }
        assert!(matches!(
            recognize(&gif),
            Ok(Recognized::Kept(Kept::Animated))
        ));
    }
}
