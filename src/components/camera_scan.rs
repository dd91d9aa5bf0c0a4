//! Scanning response codes' QR codes with the device's camera. Frames are
//! read a few times a second from a video element into a small canvas and
//! handed to `core::scan` as greyscale; each new code goes to `on_code`.
//! Nothing leaves the device. Without a camera, or when the person or the
//! page (an iframe without `allow="camera"`) refuses it, a message says so
//! and pasting codes still works.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints,
};

use crate::core::scan::{luma_of_rgba, qr_texts, InView};

/// Frames wider than this are scaled down first: enough for a code held up to the camera.
const FRAME_WIDTH: u32 = 640;
const EVERY: Duration = Duration::from_millis(300);

fn has_camera_api() -> bool {
    window()
        .navigator()
        .media_devices()
        .is_ok_and(|devices| !JsValue::from(devices).is_undefined())
}

async fn open_camera() -> Result<MediaStream, JsValue> {
    let constraints = MediaStreamConstraints::new();
    let video = js_sys::Object::new();
    js_sys::Reflect::set(&video, &"facingMode".into(), &"environment".into())?;
    constraints.set_video(&video);
    let promise = window()
        .navigator()
        .media_devices()?
        .get_user_media_with_constraints(&constraints)?;
    JsFuture::from(promise).await?.dyn_into()
}

fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The QR texts in the video's current frame.
fn read_frame(video: &HtmlVideoElement, canvas: &HtmlCanvasElement) -> Vec<String> {
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return Vec::new();
    }
    let scale = (f64::from(FRAME_WIDTH) / f64::from(width)).min(1.0);
    let (w, h) = (
        (f64::from(width) * scale) as u32,
        (f64::from(height) * scale) as u32,
    );
    canvas.set_width(w);
    canvas.set_height(h);
    // The frame is read back every time: tell the browser, so it keeps the pixels in memory.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into());
    let Some(context) = canvas
        .get_context_with_context_options("2d", &options)
        .ok()
        .flatten()
        .and_then(|context| context.dyn_into::<CanvasRenderingContext2d>().ok())
    else {
        return Vec::new();
    };
    if context
        .draw_image_with_html_video_element_and_dw_and_dh(
            video,
            0.0,
            0.0,
            f64::from(w),
            f64::from(h),
        )
        .is_err()
    {
        return Vec::new();
    }
    match context.get_image_data(0.0, 0.0, f64::from(w), f64::from(h)) {
        Ok(image) => qr_texts(w as usize, h as usize, &luma_of_rgba(&image.data())),
        Err(_) => Vec::new(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CameraState {
    Off,
    Starting,
    On,
    Refused,
}

/// `labels`: start, stop, the refusal message and the video's name, already translated.
#[component]
pub fn CameraScan(on_code: Callback<String>, labels: [&'static str; 4]) -> impl IntoView {
    let [start_label, stop_label, refused_label, video_label] = labels;
    if !has_camera_api() {
        return view! { <p class="hint">{refused_label}</p> }.into_any();
    }
    let camera = RwSignal::new(CameraState::Off);
    let video = NodeRef::<html::Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let timer = StoredValue::new_local(None::<IntervalHandle>);
    // The codes in view, so a code held up counts once; started anew with the camera.
    let in_view = StoredValue::new_local(InView::default());
    let frame = StoredValue::new_local(None::<HtmlCanvasElement>);

    let halt = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Some(stream) = stream.try_update_value(Option::take).flatten() {
            stop(&stream);
        }
    };
    on_cleanup(halt);

    let start = move || {
        camera.set(CameraState::Starting);
        in_view.set_value(InView::default());
        spawn_local(async move {
            let opened = open_camera().await;
            // The scanner may be gone by the time the browser's question is
            // answered (a language switch draws the page anew): then the
            // camera is let go at once.
            let Some(element) = video.try_get_untracked().flatten() else {
                if let Ok(opened) = opened {
                    stop(&opened);
                }
                return;
            };
            let Ok(opened) = opened else {
                camera.set(CameraState::Refused);
                return;
            };
            element.set_src_object(Some(&opened));
            let _ = element.play();
            stream.set_value(Some(opened));
            frame.set_value(
                document()
                    .create_element("canvas")
                    .ok()
                    .and_then(|c| c.dyn_into().ok()),
            );
            camera.set(CameraState::On);
            let tick = move || {
                let (Some(element), Some(canvas)) = (
                    video.try_get_untracked().flatten(),
                    frame.try_get_value().flatten(),
                ) else {
                    return;
                };
                let read = read_frame(&element, &canvas);
                let arrived = in_view.try_update_value(|in_view| in_view.arrived(read));
                for text in arrived.unwrap_or_default() {
                    on_code.run(text);
                }
            };
            timer.set_value(set_interval_with_handle(tick, EVERY).ok());
        });
    };
    // One button that starts and stops, so focus stays on it whatever happens.
    let toggle = move |_| match camera.get_untracked() {
        CameraState::On => {
            halt();
            camera.set(CameraState::Off);
        }
        CameraState::Starting => {}
        CameraState::Off | CameraState::Refused => start(),
    };

    view! {
        <div class="camera-scan">
            <button
                type="button"
                class="button-secondary"
                aria-disabled=move || (camera.get() == CameraState::Starting).then_some("true")
                on:click=toggle
            >
                {move || if camera.get() == CameraState::On { stop_label } else { start_label }}
            </button>
            <Show when=move || camera.get() == CameraState::Refused>
                <p role="alert">{refused_label}</p>
            </Show>
            <video
                node_ref=video
                class="camera-video"
                class:hidden=move || camera.get() != CameraState::On
                muted=true
                playsinline=true
                aria-label=video_label
            ></video>
        </div>
    }
    .into_any()
}
