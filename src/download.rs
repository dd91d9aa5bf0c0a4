//! Browser file transfer: offering a text as a download, and reading a file
//! the user picked. The only module that creates Blobs and object URLs.

use wasm_bindgen::JsCast;

use crate::core::workshop::MAX_IMPORT_FILE_MB;

/// Offers `contents` as a file named `name` of type `mime`.
pub fn offer_download(name: &str, mime: &str, contents: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    save_link(name, &url)?;
    web_sys::Url::revoke_object_url(&url)
}

/// Clicks a download link to `url` that saves as `name`.
fn save_link(name: &str, url: &str) -> Result<(), wasm_bindgen::JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(url);
    link.set_download(name);
    link.click();
    Ok(())
}

/// A file name in the user's language: `name` (a workshop's or a
/// questionnaire's) in lower case with its letters and digits kept and one
/// dash for each run of anything else, then what the file holds, like
/// "personalmøte-mars-resultat.csv".
pub fn file_name(name: &str, holds: &str, extension: &str) -> String {
    let mut stem = String::new();
    for word in name.split(|c: char| !c.is_alphanumeric()) {
        if !word.is_empty() {
            stem.push_str(&word.to_lowercase());
            stem.push('-');
        }
    }
    format!("{stem}{holds}.{extension}")
}

/// The text of the first file chosen in a file input, if any. A file over
/// [`MAX_IMPORT_FILE_MB`] is not read and comes back empty, like one that
/// cannot be read as text: its parser then refuses it.
pub async fn read_chosen_file(input: &web_sys::HtmlInputElement) -> Option<String> {
    read_chosen_files(input)
        .await
        .into_iter()
        .next()
        .map(Option::unwrap_or_default)
}

/// The texts of every file chosen in a file input, in order: `None` for a
/// file over [`MAX_IMPORT_FILE_MB`], which is not read. A file that cannot be
/// read as text comes back empty, so it is still counted.
pub async fn read_chosen_files(input: &web_sys::HtmlInputElement) -> Vec<Option<String>> {
    let max_bytes = f64::from(MAX_IMPORT_FILE_MB) * 1_048_576.0;
    let Some(files) = input.files() else {
        return Vec::new();
    };
    let mut texts = Vec::new();
    for index in 0..files.length() {
        let Some(file) = files.get(index) else {
            continue;
        };
        if file.size() > max_bytes {
            texts.push(None);
            continue;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
        texts.push(Some(
            text.ok()
                .and_then(|text| text.as_string())
                .unwrap_or_default(),
        ));
    }
    texts
}

/// Offers what `canvas` shows as a PNG file named `name`.
pub fn offer_canvas_png(
    name: &str,
    canvas: &web_sys::HtmlCanvasElement,
) -> Result<(), wasm_bindgen::JsValue> {
    save_link(name, &canvas.to_data_url_with_type("image/png")?)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn a_file_name_keeps_letters_and_digits_in_lower_case_with_single_dashes() {
        assert_eq!(
            file_name("Personalmøte Helse og omsorg, MARS", "profil", "png"),
            "personalmøte-helse-og-omsorg-mars-profil.png"
        );
        assert_eq!(
            file_name("ØRSTA – 2026!", "svar", "csv"),
            "ørsta-2026-svar.csv"
        );
        assert_eq!(file_name(" ,; ", "resultat", "json"), "resultat.json");
    }
}
