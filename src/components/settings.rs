//! The language and theme switches, on every page.

use leptos::prelude::*;

use crate::app::use_app;
use crate::core::lang::Lang;
use crate::core::saved::Theme;
use crate::i18n::td_string;

#[component]
pub fn Settings() -> impl IntoView {
    let state = use_app();
    let theme_label = move |theme: Theme| {
        let locale = state.locale();
        match theme {
            Theme::Auto => td_string!(locale, theme.auto),
            Theme::Light => td_string!(locale, theme.light),
            Theme::Dark => td_string!(locale, theme.dark),
            Theme::Projector => td_string!(locale, theme.projector),
        }
    };
    view! {
        <div class="settings">
            <label>
                <span>{move || td_string!(state.locale(), settings.language)}</span>
                <select on:change=move |event| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&event)) {
                        state.choose_lang(lang);
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
                <span>{move || td_string!(state.locale(), settings.theme)}</span>
                <select on:change=move |event| {
                    let value = event_target_value(&event);
                    if let Some(theme) = Theme::ALL.into_iter().find(|theme| theme.key() == value) {
                        state.choose_theme(theme);
                    }
                }>
                    {Theme::ALL
                        .into_iter()
                        .map(|theme| {
                            view! {
                                <option
                                    value=theme.key()
                                    selected=move || state.theme_choice() == theme
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
