//! If the app ever panics (a bug: bad input never panics), the page is
//! replaced by a plain message with a way to reload. Saved data is
//! untouched: nothing is written here, and the app stops before it could
//! write anything half-done.

use crate::core::lang::Lang;
use crate::core::url_config::UrlConfig;
use crate::i18n::{locale, td_string};
use crate::storage;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// The language the app starts in (the URL's, then the saved choice); a
/// panic during start-up comes before `<html lang>` is set.
fn start_up_lang() -> Option<Lang> {
    let query = web_sys::window()?.location().search().ok()?;
    UrlConfig::parse(&query)
        .lang
        .or_else(|| storage::peek_prefs().map(|prefs| prefs.lang))
}

/// Builds the screen with plain DOM calls: the reactive system may be what
/// broke. The reload link needs no script, so it works after the wasm traps.
fn show() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let lang = start_up_lang().unwrap_or_else(|| {
        document
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    });
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    let texts = locale(lang);
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let (Some(body), Some(main), Some(heading), Some(explain), Some(reload)) = (
        document.body(),
        element("main", ""),
        element("h1", td_string!(texts, crash.heading)),
        element("p", td_string!(texts, crash.explain)),
        element("a", td_string!(texts, crash.reload)),
    ) else {
        return;
    };
    // Without its fragment (the skip link leaves `#main`): a link to the same
    // page with a fragment only scrolls, it does not load.
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    let _ = reload.set_attribute("href", page);
    let _ = reload.set_attribute("class", "button-primary");
    let _ = heading.set_attribute("tabindex", "-1");
    let _ = main.set_attribute("class", "crash");
    let _ = main.append_with_node_3(&heading, &explain, &reload);
    body.set_text_content(None);
    let _ = body.append_child(&main);
    if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
        let _ = heading.focus();
    }
}
