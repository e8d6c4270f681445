//! "Get help with this draft": after the resident agrees — and only then — the draft (answers and
//! form; the photos only if they tick it) goes to the portal under a 6-symbol code valid for 30
//! minutes, which they read out to the help desk over the phone or at the counter. An officer
//! signed in on this browser gets a code for the resident to continue on their phone instead.

use crate::api::create_handoff::create_handoff;
use crate::dossier::handoff::{Direction, HandoffCode, Issued};
use crate::dossier::model::hanoi_time;
use crate::i18n::*;
use crate::tr;
use crate::ui::dossier::{DraftHandle, text_signal};
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn HandoffPanel(handle: DraftHandle, step: String) -> impl IntoView {
    let locale = use_locale();
    let consent = RwSignal::new(false);
    let with_photos = RwSignal::new(false);
    let problem = RwSignal::new(None::<Signal<String>>);
    let issued = RwSignal::new(None::<Issued>);
    let busy = RwSignal::new(false);
    let step = StoredValue::new(step);
    // An officer signed in on this browser hands the draft to a resident instead.
    let officer = RwSignal::new(false);
    let asked = StoredValue::new(false);
    let opened = move |_| {
        if asked.get_value() {
            return;
        }
        asked.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(Some(_)) = crate::desk::api::who_am_i::who_am_i().await {
                officer.set(true);
            }
        });
    };
    let photos = move || {
        handle
            .draft
            .with(|d| d.as_ref().map_or(0, |d| d.attachments.len()))
    };
    let share = move |_| {
        if !consent.get_untracked() && !officer.get_untracked() {
            problem.set(Some(tr!(handoff_consent_missing)));
            return;
        }
        let Some(draft) = handle.draft.get_untracked() else {
            return;
        };
        problem.set(None);
        busy.set(true);
        let photos = with_photos.get_untracked();
        leptos::task::spawn_local(async move {
            let result = send(draft, step.get_value(), photos).await;
            busy.set(false);
            match result {
                Ok(code) => issued.set(Some(code)),
                Err(error) => problem.set(Some(text_signal(error.text()))),
            }
        });
    };
    let shown = move || {
        issued.get().map(|issued| {
            let spaced = HandoffCode::parse(&issued.code)
                .map(|c| c.spaced())
                .unwrap_or_default();
            let until = hanoi_time(issued.expires_at);
            let how = match issued.direction {
                Direction::ToDesk => tr!(handoff_read_out),
                Direction::ToResident => tr!(handoff_give_resident),
            };
            view! {
                <div class="panel panel--confirmation handoff__code" role="status">
                    <p>{tr!(handoff_your_code)}</p>
                    <p class="tracking-code" data-testid="handoff-code">{spaced}</p>
                    <p>{move || td_string!(locale, handoff_valid_until, time = until.clone()).to_string()}</p>
                </div>
                <p>{how}</p>
            }
        })
    };
    view! {
        <details class="handoff" data-testid="handoff" on:toggle=opened>
            <summary>{tr!(handoff_summary)}</summary>
            <div class="handoff__body">
                <p>{move || if officer.get() { tr!(handoff_explain_officer).get() } else { tr!(handoff_explain).get() }}</p>
                {move || problem.get().map(|text| view! { <p class="error-message" role="alert">{text}</p> })}
                <div class="checkbox" hidden=move || officer.get()>
                    <input type="checkbox" id="handoff-consent" prop:checked=consent
                        on:change=move |ev| consent.set(event_target_checked(&ev)) />
                    <label for="handoff-consent">{tr!(handoff_consent)}</label>
                </div>
                {move || (photos() > 0 && !officer.get()).then(|| view! {
                    <div class="checkbox">
                        <input type="checkbox" id="handoff-photos" prop:checked=with_photos
                            on:change=move |ev| with_photos.set(event_target_checked(&ev)) />
                        <label for="handoff-photos">
                            {move || td_string!(locale, handoff_with_photos, n = photos()).to_string()}
                        </label>
                    </div>
                })}
                <p>
                    <button type="button" class="button button--secondary" on:click=share disabled=busy>
                        {tr!(handoff_button)}
                    </button>
                </p>
                {shown}
            </div>
        </details>
    }
}

/// A typed hand-off code, or the sentence that says what is wrong with it.
pub fn typed_code(typed: &str) -> Result<HandoffCode, Signal<String>> {
    use crate::dossier::handoff::HandoffProblem;
    HandoffCode::parse(typed).map_err(|problem| match problem {
        HandoffProblem::Empty => tr!(handoff_code_missing),
        _ => tr!(handoff_code_form),
    })
}

/// Uploads the photos (when shared) under a new key, then keeps the draft under a new code.
async fn send(
    draft: crate::dossier::model::Draft,
    step: String,
    with_photos: bool,
) -> Result<Issued, crate::dossier::submission::SubmitError> {
    #[cfg_attr(not(feature = "csr"), allow(unused_mut))]
    let mut files_key = None;
    #[cfg(feature = "csr")]
    if with_photos && !draft.attachments.is_empty() {
        use crate::dossier::submission::SubmitError;
        let key = crate::device::new_id();
        for attachment in &draft.attachments {
            let blob = crate::device::store::get_file(&attachment.id)
                .await
                .ok()
                .flatten()
                .ok_or(SubmitError::Unavailable)?;
            crate::device::outbox::upload(&key, attachment, &blob, |_| {}).await?;
        }
        files_key = Some(key);
    }
    #[cfg(not(feature = "csr"))]
    let _ = with_photos;
    let mut shared = crate::dossier::handoff::shared(draft);
    if files_key.is_none() {
        shared.attachments.clear();
    }
    create_handoff(shared, step, files_key).await
}
