//! The display settings: a form that works without script (a GET to `/settings/apply`, which sets
//! the cookie and comes back) and, with `/page.js`, changes the modes as soon as a box is ticked
//! (`form.display-form`). Shown in the header's panel on every page and on `/settings`.

use super::use_display;
use crate::display::{
    ASSIST, CONTRAST, Display, READ_ALOUD, REDUCE_MOTION, SIMPLE, TEXT, TextSize,
};
use crate::tr;
use leptos::prelude::*;

/// The header's button "Text size & display" and, when opened, the settings right below the
/// header (never over the page, so nothing focused is hidden behind it). A `<details>`: it opens
/// with the keyboard and without script.
#[component]
pub fn DisplayPanel() -> impl IntoView {
    view! {
        <details class="display-panel">
            <summary class="display-panel__button">
                <span class="display-panel__icon" aria-hidden="true">"Aa"</span>
                {tr!(display_button)}
            </summary>
            <div class="display-panel__body">
                <DisplayForm prefix="panel" />
            </div>
        </details>
    }
}

/// The settings form; `prefix` keeps its ids apart from another copy on the same page.
#[component]
pub fn DisplayForm(prefix: &'static str) -> impl IntoView {
    let modes = use_display();
    let next = crate::ui::layout::current_address();
    let sizes = TextSize::ALL
        .into_iter()
        .map(|size| {
            let id = format!("{prefix}-text-{}", size.percent());
            let label = match size {
                TextSize::Normal => tr!(display_text_100),
                TextSize::Larger => tr!(display_text_125),
                TextSize::Large => tr!(display_text_150),
                TextSize::Largest => tr!(display_text_200),
            };
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" id=id.clone() name=TEXT
                        value=size.percent().to_string() checked=modes.text == size />
                    <label class="radios__label" for=id>
                        {label}" ("{size.percent()}" %)"
                    </label>
                </div>
            }
        })
        .collect_view();
    let switch = |name: &'static str,
                  label: Signal<String>,
                  hint: Signal<String>,
                  on: fn(&Display) -> bool| {
        let id = format!("{prefix}-{name}");
        let hint_id = format!("{id}-hint");
        view! {
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id=id.clone() name=name
                    aria-describedby=hint_id.clone() checked=on(&modes) />
                <label class="checkboxes__label" for=id>{label}</label>
                <p class="hint checkboxes__hint" id=hint_id>{hint}</p>
            </div>
        }
    };
    view! {
        <form class="display-form" method="GET" action="/settings/apply">
            <input type="hidden" name="next" value=next />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--small">{tr!(display_text_legend)}</legend>
                <div class="radios">{sizes}</div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--small">{tr!(display_modes_legend)}</legend>
                <div class="checkboxes">
                    {switch(CONTRAST, tr!(display_contrast), tr!(display_contrast_hint), |d| d.contrast)}
                    {switch(SIMPLE, tr!(display_simple), tr!(display_simple_hint), |d| d.simple)}
                    {switch(READ_ALOUD, tr!(display_speak), tr!(display_speak_hint), |d| d.read_aloud)}
                    {switch(REDUCE_MOTION, tr!(display_calm), tr!(display_calm_hint), |d| d.reduce_motion)}
                    {switch(ASSIST, tr!(display_assist), tr!(display_assist_hint), |d| d.assist)}
                </div>
            </fieldset>
            <button type="submit" class="button">{tr!(display_save)}</button>
        </form>
    }
}
