//! Finding QR codes in a camera frame: pure image analysis with quircs (a
//! Rust port of quirc), so the browser part only has to hand over greyscale
//! pixels. (rqrr was tried first: its Galois-field tables added about 100 KB
//! gzip to the app.)

/// The texts of every QR code that can be read in a greyscale image of
/// `width` × `height` pixels, row by row, 0 being black. A buffer of the
/// wrong size gives nothing.
pub fn qr_texts(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width.checked_mul(height) != Some(luma.len()) || luma.is_empty() {
        return Vec::new();
    }
    let mut decoder = quircs::Quirc::default();
    decoder
        .identify(width, height, luma)
        .filter_map(|code| code.ok()?.decode().ok())
        .filter_map(|data| String::from_utf8(data.payload).ok())
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

    proptest::proptest! {
        #[test]
        fn any_frame_is_read_without_panicking(width in 1usize..60, height in 1usize..60, seed in proptest::prelude::any::<u64>()) {
            let mut state = seed | 1;
            let luma: Vec<u8> = (0..width * height)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    if state % 3 == 0 { 0 } else { 255 }
                })
                .collect();
            let _ = qr_texts(width, height, &luma);
        }
    }

    #[test]
    fn a_frame_without_a_code_or_of_the_wrong_size_gives_nothing() {
        assert!(qr_texts(10, 10, &[200; 100]).is_empty());
        assert!(qr_texts(10, 10, &[0; 99]).is_empty());
        assert!(qr_texts(0, 0, &[]).is_empty());
    }
}
