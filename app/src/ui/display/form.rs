//! The display settings: a form that works without script (a GET to `/settings/apply`, which
//! sets the cookie and comes back) and, once the page runs, changes the modes as soon as a box
//! is ticked. Shown in the header's panel on every page and on `/settings`.

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
    let details = NodeRef::<leptos::html::Details>::new();
    let close = move || {
        #[cfg(feature = "hydrate")]
        if let Some(details) = details.get_untracked() {
            details.set_open(false);
            if let Some(summary) = details.first_element_child() {
                use wasm_bindgen::JsCast;
                if let Ok(summary) = summary.dyn_into::<web_sys::HtmlElement>() {
                    let _ = summary.focus();
                }
            }
        }
    };
    view! {
        <details class="display-panel" node_ref=details>
            <summary class="display-panel__button">
                <span class="display-panel__icon" aria-hidden="true">"Aa"</span>
                {tr!(display_button)}
            </summary>
            <div class="display-panel__body">
                <DisplayForm prefix="panel" on_done=Callback::new(move |_| close()) />
            </div>
        </details>
    }
}

/// The settings form; `prefix` keeps its ids apart from another copy on the same page.
#[component]
pub fn DisplayForm(
    prefix: &'static str,
    /// Called when the resident presses Save with the page running (the modes already apply).
    #[prop(optional)]
    on_done: Option<Callback<()>>,
) -> impl IntoView {
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
                        value=size.percent().to_string()
                        prop:checked=move || modes.get().text == size
                        on:change=move |_| modes.update(|d| d.text = size) />
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
                  get: fn(&Display) -> bool,
                  set: fn(&mut Display, bool)| {
        let id = format!("{prefix}-{name}");
        let hint_id = format!("{id}-hint");
        view! {
            <div class="checkboxes__item">
                <input class="checkboxes__input" type="checkbox" id=id.clone() name=name
                    aria-describedby=hint_id.clone()
                    prop:checked=move || get(&modes.get())
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        modes.update(|d| set(d, on));
                    } />
                <label class="checkboxes__label" for=id>{label}</label>
                <p class="hint checkboxes__hint" id=hint_id>{hint}</p>
            </div>
        }
    };
    let switches = view! {
        {switch(CONTRAST, tr!(display_contrast), tr!(display_contrast_hint), |d| d.contrast, |d, on| d.contrast = on)}
        {switch(SIMPLE, tr!(display_simple), tr!(display_simple_hint), |d| d.simple, |d, on| d.simple = on)}
        {switch(READ_ALOUD, tr!(display_speak), tr!(display_speak_hint), |d| d.read_aloud, |d, on| d.read_aloud = on)}
        {switch(REDUCE_MOTION, tr!(display_calm), tr!(display_calm_hint), |d| d.reduce_motion, |d, on| d.reduce_motion = on)}
        {switch(ASSIST, tr!(display_assist), tr!(display_assist_hint), |d| d.assist, |d, on| d.assist = on)}
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        // The modes already apply: only close the panel.
        ev.prevent_default();
        if let Some(done) = on_done {
            done.run(());
        }
    };
    view! {
        <form class="display-form" method="GET" action="/settings/apply" on:submit=submit>
            <input type="hidden" name="next" value=next />
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--small">{tr!(display_text_legend)}</legend>
                <div class="radios">{sizes}</div>
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend fieldset__legend--small">{tr!(display_modes_legend)}</legend>
                <div class="checkboxes">{switches}</div>
            </fieldset>
            <button type="submit" class="button">{tr!(display_save)}</button>
        </form>
    }
}
