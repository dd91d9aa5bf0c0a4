//! A QR code on a canvas, sharp at any device pixel ratio.

use leptos::html;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use crate::charts::qr::{draw_qr, modules};

/// `size` is the side in CSS pixels; `label` names it for screen readers.
#[component]
pub fn QrCanvas(text: String, size: u32, label: &'static str) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let (Some(canvas), Some((dark, side))) = (canvas.get(), modules(&text)) else {
            return;
        };
        let pixels = (f64::from(size) * window().device_pixel_ratio().max(1.0)).round() as u32;
        canvas.set_width(pixels);
        canvas.set_height(pixels);
        if let Some(backend) = CanvasBackend::with_canvas_object(canvas) {
            let root = backend.into_drawing_area();
            let _ = draw_qr(&root, &dark, side);
            let _ = root.present();
        }
    });
    let side = format!("{size}px");
    view! {
        <canvas class="share-qr" node_ref=canvas role="img" aria-label=label style:width=side.clone() style:height=side></canvas>
    }
}
