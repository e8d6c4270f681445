//! `/handoff`: a resident types the code a help-desk officer gave them and continues, on their
//! own phone, the draft the officer prepared — saved on the device as a new draft of theirs, and
//! opened at the part the officer was on.

use crate::api::claim_handoff::claim_handoff;
use crate::dossier::handoff::Redeemed;
use crate::dossier::model::hanoi_time;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn HandoffPage() -> impl IntoView {
    use crate::island::{Bundle, Island, posted_field};
    // A code posted before the island ran (or without JavaScript) is not claimed here: the
    // draft can only be kept on the device, so the island claims it once it runs.
    let posted = posted_field("code");
    view! {
        <Island bundle=Bundle::Handoff name="handoff" props=posted.clone()>
            <Handoff posted />
        </Island>
    }
}

/// Mounts the page's island (bundle `handoff`).
#[cfg(feature = "csr")]
pub fn mount_handoff(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(
        element,
        |posted: Option<String>| view! { <Handoff posted /> },
    )
}

/// The island: the code form; the handed draft is saved on the device. `posted`: a code the
/// form posted before the island ran, claimed as soon as it runs.
#[component]
pub fn Handoff(posted: Option<String>) -> impl IntoView {
    let locale = use_locale();
    // Shown by the server only: a posted code waits for the island.
    let waiting = cfg!(not(feature = "csr")) && posted.is_some();
    let typed = RwSignal::new(posted.clone().unwrap_or_default());
    let problem = RwSignal::new(None::<Signal<String>>);
    let busy = RwSignal::new(false);
    let claim = move || {
        if busy.get_untracked() {
            return;
        }
        let code = match crate::ui::dossier::handoff::typed_code(&typed.get_untracked()) {
            Ok(code) => code,
            Err(text) => {
                problem.set(Some(text));
                request_animation_frame(|| focus_element("handoff-code"));
                return;
            }
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = claim_handoff(code.as_str().to_string()).await;
            let shown = match answer {
                Ok(Redeemed::Found(handed)) => match keep(handed).await {
                    Ok(href) => {
                        crate::island::go_to(&href);
                        return;
                    }
                    Err(text) => text,
                },
                Ok(Redeemed::NoMatch) => tr!(handoff_no_match),
                Ok(Redeemed::Wait { retry_at }) => {
                    let at = hanoi_time(retry_at);
                    Signal::derive(move || {
                        td_string!(locale, handoff_wait, time = at.clone()).to_string()
                    })
                }
                Err(error) => text_signal(error.text()),
            };
            busy.set(false);
            problem.set(Some(shown));
            request_animation_frame(|| focus_element("handoff-code"));
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        claim();
    };
    if posted.is_some() && !waiting {
        request_animation_frame(claim);
    }
    view! {
        <PageTitle text=move || td_string!(locale, handoff_resident_title).to_string() />
        <div class="page page--handoff">
            <h1>{tr!(handoff_resident_title)}</h1>
            <p class="lead">{tr!(handoff_resident_lead)}</p>
            {waiting.then(|| view! { <p class="notice" role="status" data-testid="handoff-waiting">{tr!(handoff_needs_script)}</p> })}
            <form class="handoff-form" method="post" action="/handoff" on:submit=submit novalidate>
                <div class="form-group" class:form-group--error=move || problem.with(Option::is_some)>
                    <label class="field__label" for="handoff-code">{tr!(handoff_code_label)}</label>
                    <p class="hint" id="handoff-code-hint">{tr!(handoff_code_hint)}</p>
                    {move || problem.get().map(|p| view! { <p class="error-message" id="handoff-code-error" role="alert">{p}</p> })}
                    <input id="handoff-code" name="code" class="input input--width-10 input--code" type="text"
                        autocomplete="off" autocapitalize="characters" spellcheck="false"
                        aria-describedby="handoff-code-hint"
                        aria-invalid=move || problem.with(Option::is_some).to_string()
                        value=posted.clone() prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--primary" disabled=busy>{tr!(handoff_continue)}</button>
            </form>
        </div>
    }
}

/// Saves the handed draft on this device as a new draft; the address of the part to open.
async fn keep(handed: crate::dossier::handoff::HandedDraft) -> Result<String, Signal<String>> {
    #[cfg(feature = "csr")]
    {
        use crate::device::{new_id, now, store};
        let mut draft = crate::dossier::handoff::continued(handed.draft, new_id(), now());
        draft.submission_key = Some(new_id());
        store::add_draft(&draft)
            .await
            .map_err(|_| tr!(dossier_store_failed_text))?;
        Ok(crate::ui::dossier::section_href(&draft.id, &handed.step))
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = handed;
        Err(tr!(dossier_store_failed_text))
    }
}
