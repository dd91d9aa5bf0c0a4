//! The language and theme switches, on every page.

use leptos::prelude::*;

use crate::app::use_app;
use crate::core::lang::Lang;
use crate::core::saved::Theme;
use crate::i18n::tr;

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let t = move |key| state.t(key);
    let theme_label = move |theme: Theme| {
        let key = match theme {
            Theme::Auto => "theme.auto",
            Theme::Light => "theme.light",
            Theme::Dark => "theme.dark",
            Theme::Projector => "theme.projector",
        };
        tr(state.lang(), key)
    };
    view! {
        <div class="settings">
            <label>
                <span>{t("settings.language")}</span>
                <select on:change=move |event| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&event)) {
                        state.prefs.update(|prefs| prefs.lang = lang);
                    }
                }>
                    {Lang::ALL
                        .into_iter()
                        .map(|lang| {
                            view! {
                                <option value=lang.code() lang=lang.code() selected=move || state.lang() == lang>
                                    {lang.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label>
                <span>{t("settings.theme")}</span>
                <select on:change=move |event| {
                    let value = event_target_value(&event);
                    if let Some(theme) = Theme::ALL.into_iter().find(|theme| theme.key() == value) {
                        state.prefs.update(|prefs| prefs.theme = theme);
                    }
                }>
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            view! {
                                <option
                                    value=theme.key()
                                    selected=move || state.prefs.with(|prefs| prefs.theme) == theme
                                >
                                    {move || theme_label(theme)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
