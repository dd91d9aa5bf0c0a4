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

/// Frames a code may go unread and still count as held in view (blur, a
/// hand passing): 1.5 s at a frame every 300 ms.
const MISSED_FRAMES: u32 = 5;

/// The codes in front of the camera, so that a code held in view counts
/// once, and the same code shown again after it left the view counts
/// again: two people who answered alike show the same code.
#[derive(Default)]
pub struct InView {
    frame: u32,
    /// Each code read lately: how many copies were in view at once, and the
    /// frame it was last read in.
    codes: Vec<(String, usize, u32)>,
}

impl InView {
    /// Takes the codes read in one frame; gives those that came into view.
    pub fn arrived(&mut self, read: Vec<String>) -> Vec<String> {
        self.frame += 1;
        let frame = self.frame;
        self.codes
            .retain(|&(_, _, last)| frame - last - 1 <= MISSED_FRAMES);
        let mut arrived = Vec::new();
        for text in &read {
            let copies = read.iter().filter(|other| *other == text).count();
            let held = match self.codes.iter_mut().find(|(code, ..)| code == text) {
                Some(entry) => entry,
                None => {
                    self.codes.push((text.clone(), 0, frame));
                    self.codes.last_mut().expect("just pushed")
                }
            };
            held.2 = frame;
            if held.1 < copies {
                held.1 += 1;
                arrived.push(text.clone());
            }
        }
        arrived
    }
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
    fn a_code_held_in_view_counts_once_and_again_once_it_was_out_of_view() {
        let code = || "1NAC-3GVX".to_string();
        let mut view = InView::default();
        assert_eq!(view.arrived(vec![code()]), [code()]);
        // Held up, with a few blurred frames between.
        for frame in 0..21 {
            let read = if frame % 4 == 3 { vec![] } else { vec![code()] };
            assert!(view.arrived(read).is_empty(), "frame {frame}");
        }
        for _ in 0..MISSED_FRAMES {
            assert!(view.arrived(vec![]).is_empty());
        }
        assert!(
            view.arrived(vec![code()]).is_empty(),
            "back within the frames it may be missed"
        );
        for _ in 0..=MISSED_FRAMES {
            view.arrived(vec![]);
        }
        assert_eq!(
            view.arrived(vec![code()]),
            [code()],
            "the next person's alike code"
        );
        // Two phones with alike codes shown side by side count twice, once.
        let mut view = InView::default();
        assert_eq!(view.arrived(vec![code(), code()]), [code(), code()]);
        assert!(view.arrived(vec![code(), code()]).is_empty());
        assert!(view.arrived(vec![code()]).is_empty());
        assert!(view.arrived(vec![code(), code()]).is_empty());
    }

    #[test]
    fn a_frame_without_a_code_or_of_the_wrong_size_gives_nothing() {
        assert!(qr_texts(10, 10, &[200; 100]).is_empty());
        assert!(qr_texts(10, 10, &[0; 99]).is_empty());
        assert!(qr_texts(0, 0, &[]).is_empty());
    }
}
