//! A QR code drawn as dark squares on a light field, with the quiet zone of
//! four modules that scanners need. The modules come from the `qrcode` crate.

use plotters::coord::Shift;
use plotters::prelude::*;
use qrcode::{Color as Module, EcLevel, QrCode};

/// The modules of `text`, row by row, and the side in modules; `None` if it cannot fit.
pub fn modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text, EcLevel::M).ok()?;
    let side = code.width();
    let dark = code
        .to_colors()
        .into_iter()
        .map(|colour| colour == Module::Dark)
        .collect();
    Some((dark, side))
}

const QUIET_ZONE: usize = 4;

/// Draws the code to fill the largest square of `area`, black on white
/// whatever the theme: scanners expect dark modules on a light field.
pub fn draw_qr<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    dark: &[bool],
    side: usize,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (width, height) = area.dim_in_pixel();
    let total = (side + 2 * QUIET_ZONE) as u32;
    let module = (width.min(height) / total).max(1) as i32;
    area.fill(&WHITE)?;
    for (index, _) in dark.iter().enumerate().filter(|(_, dark)| **dark) {
        let x = (index % side + QUIET_ZONE) as i32 * module;
        let y = (index / side + QUIET_ZONE) as i32 * module;
        area.draw(&Rectangle::new(
            [(x, y), (x + module, y + module)],
            BLACK.filled(),
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_code_fits_a_small_qr_code() {
        let (dark, side) = modules("1NAC-3GVX-7T90-CSK6-CSJ0-A619-AMA").unwrap();
        assert_eq!(dark.len(), side * side);
        assert!(side <= 33, "version 4 or smaller scans easily, got {side}");
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (200, 200)).into_drawing_area();
            draw_qr(&root, &dark, side).unwrap();
        }
        assert_eq!(
            out.matches("<rect").count(),
            1 + dark.iter().filter(|d| **d).count()
        );
    }
}
