//! Finding QR codes in a camera frame: pure image analysis with rqrr, so the
//! browser part only has to hand over greyscale pixels.

/// The texts of every QR code that can be read in a greyscale image of
/// `width` × `height` pixels, row by row, 0 being black. A buffer of the
/// wrong size gives nothing.
pub fn qr_texts(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width.checked_mul(height) != Some(luma.len()) || luma.is_empty() {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok())
        .map(|(_, text)| text)
        .collect()
}

/// RGBA pixels (as a canvas gives them) to greyscale, by the Rec. 601 weights.
pub fn luma_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|pixel| {
            let [r, g, b] = [pixel[0], pixel[1], pixel[2]].map(u32::from);
            ((299 * r + 587 * g + 114 * b) / 1000) as u8
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, QrCode};

    /// A QR code of `text` drawn as an RGBA picture, `scale` pixels per module, with a quiet zone.
    fn picture(text: &str, scale: usize) -> (usize, Vec<u8>) {
        let code = QrCode::new(text).unwrap();
        let side = code.width();
        let colours = code.to_colors();
        let size = (side + 8) * scale;
        let mut rgba = vec![255u8; size * size * 4];
        for (index, colour) in colours.iter().enumerate() {
            if *colour == Color::Dark {
                let (mx, my) = (index % side + 4, index / side + 4);
                for y in my * scale..(my + 1) * scale {
                    for x in mx * scale..(mx + 1) * scale {
                        rgba[(y * size + x) * 4..][..3].fill(0);
                    }
                }
            }
        }
        (size, rgba)
    }

    #[test]
    fn a_drawn_response_code_is_read_back() {
        let code = "1NAC-3GVX-7T90-CSK6-CSJ0-A619-AMA0";
        let (size, rgba) = picture(code, 4);
        assert_eq!(qr_texts(size, size, &luma_of_rgba(&rgba)), [code]);
    }

    #[test]
    fn a_frame_without_a_code_or_of_the_wrong_size_gives_nothing() {
        assert!(qr_texts(10, 10, &[200; 100]).is_empty());
        assert!(qr_texts(10, 10, &[0; 99]).is_empty());
        assert!(qr_texts(0, 0, &[]).is_empty());
    }
}
