//! `/desk/assist`: filing for a walk-in resident on the desk computer. Starting turns on "this is
//! a shared computer" for this browser (and clears what an earlier visitor left), so nothing of
//! the resident's stays once the tab closes; the dossier is filed through the resident's own
//! pages, the receipt printed and handed over; Finish clears the computer at once.

use crate::desk::ui::DeskGate;
use crate::device::{shared, use_device};
use crate::i18n::*;
use crate::tr;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn DeskAssistPage() -> impl IntoView {
    view! { <DeskGate><Assist /></DeskGate> }
}

#[component]
fn Assist() -> impl IntoView {
    let locale = use_locale();
    let device = use_device();
    let cleared = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            #[cfg(feature = "csr")]
            shared::clear_everything().await;
            shared::set(true);
            device.shared.set(true);
            crate::device::nothing_waiting(device);
            busy.set(false);
            crate::island::go_to("/procedures");
        });
    };
    let finish = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            #[cfg(feature = "csr")]
            shared::clear_everything().await;
            crate::device::nothing_waiting(device);
            busy.set(false);
            cleared.set(true);
        });
    };
    view! {
        <PageTitle text=move || td_string!(locale, assist_title).to_string() />
        <div class="page page--desk-assist">
            <h1>{tr!(assist_title)}</h1>
            <p class="lead">{tr!(assist_lead)}</p>
            <ol class="steps">
                <li>{tr!(assist_step_start)}</li>
                <li>{tr!(assist_step_file)}</li>
                <li>{tr!(assist_step_print)}</li>
                <li>{tr!(assist_step_finish)}</li>
            </ol>
            <p class="actions">
                <button type="button" class="button button--primary" on:click=start disabled=busy>{tr!(assist_start)}</button>
                <button type="button" class="button button--secondary" on:click=finish disabled=busy>{tr!(assist_finish)}</button>
            </p>
            {move || cleared.get().then(|| view! {
                <p class="notice notice--good" role="status" data-testid="assist-cleared">{tr!(assist_cleared)}</p>
            })}
            <p class="hint">{tr!(assist_handoff_hint)}</p>
        </div>
    }
}
