//! `/desk/handoff`: the officer types the 6-symbol code a resident reads out and sees the
//! resident's draft at the part they were on (with their photos, if they shared them) — in this
//! page's memory only, for the call or the visit; nothing is kept on the desk computer.

use crate::desk::api::open_handoff::{DeskHandoff, open_handoff};
use crate::desk::ui::view::{DossierSections, FileLink};
use crate::desk::ui::{DeskGate, use_desk};
use crate::dossier::handoff::Redeemed;
use crate::dossier::model::hanoi_time;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::text_signal;
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn DeskHandoffPage() -> impl IntoView {
    view! { <DeskGate><HandoffForm /></DeskGate> }
}

#[component]
fn HandoffForm() -> impl IntoView {
    let locale = use_locale();
    let csrf = StoredValue::new(use_desk().csrf);
    // A code posted before the desk ran is opened as soon as it runs (never by the server's
    // render: the draft shows in the running page only).
    let posted = crate::desk::take_posted_code();
    let waiting = cfg!(not(feature = "csr")) && posted.is_some();
    let typed = RwSignal::new(posted.clone().unwrap_or_default());
    let problem = RwSignal::new(None::<Signal<String>>);
    let opened = RwSignal::new(None::<DeskHandoff>);
    let busy = RwSignal::new(false);
    let open = move || {
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
            let answer = open_handoff(csrf.get_value(), code.as_str().to_string()).await;
            busy.set(false);
            match answer {
                Ok(Redeemed::Found(handoff)) => {
                    problem.set(None);
                    typed.set(String::new());
                    opened.set(Some(handoff));
                    request_animation_frame(|| focus_element("handoff-draft"));
                }
                Ok(Redeemed::NoMatch) => problem.set(Some(tr!(handoff_no_match))),
                Ok(Redeemed::Wait { retry_at }) => {
                    let at = hanoi_time(retry_at);
                    problem.set(Some(Signal::derive(move || {
                        td_string!(locale, handoff_wait, time = at.clone()).to_string()
                    })))
                }
                Err(error) => problem.set(Some(text_signal(error.text()))),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        open();
    };
    if posted.is_some() && !waiting {
        request_animation_frame(open);
    }
    let draft_view = move || {
        opened.get().map(|handoff| {
            let code = handoff.code.clone();
            let files: Vec<FileLink> = if handoff.handed.with_files {
                handoff
                    .handed
                    .draft
                    .attachments
                    .iter()
                    .map(|a| FileLink {
                        document: a.document.clone(),
                        name: a.name.clone(),
                        size: a.size,
                        href: format!("/desk/handoff-files/{code}/{}", a.id),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let title = text_signal(handoff.handed.draft.procedure_name.clone());
            let reference = crate::dossier::tracking::draft_reference(&handoff.handed.draft.id);
            let step = handoff.handed.step.clone();
            let step_name = handoff
                .view
                .parts
                .iter()
                .find(|p| p.id == step)
                .map(|p| text_signal(p.title.clone()))
                .unwrap_or_else(|| match step.as_str() {
                    "documents" => tr!(dossier_documents),
                    _ => tr!(review_title),
                });
            view! {
                <section class="handoff-draft" id="handoff-draft" tabindex="-1" aria-labelledby="handoff-draft-title">
                    <span class="caption">{tr!(draft_reference)}": "{reference}</span>
                    <h2 id="handoff-draft-title">{title}</h2>
                    <p class="notice" data-testid="handoff-step">{tr!(handoff_step)}" "<strong>{step_name}</strong></p>
                    <DossierSections view=handoff.view.clone() files step=step.clone() />
                </section>
            }
        })
    };
    view! {
        <PageTitle text=move || td_string!(locale, handoff_desk_title).to_string() />
        <div class="page page--desk-handoff">
            <h1>{tr!(handoff_desk_title)}</h1>
            <p class="lead">{tr!(handoff_desk_lead)}</p>
            {waiting.then(|| view! { <p class="notice" role="status" data-testid="handoff-waiting">{tr!(handoff_desk_needs_script)}</p> })}
            <form class="handoff-form" method="post" action="/desk/handoff" on:submit=submit novalidate>
                <div class="form-group" class:form-group--error=move || problem.with(Option::is_some)>
                    <label class="field__label" for="handoff-code">{tr!(handoff_code_label)}</label>
                    {move || problem.get().map(|p| view! { <p class="error-message" id="handoff-code-error" role="alert">{p}</p> })}
                    <input id="handoff-code" name="code" class="input input--width-10 input--code" type="text"
                        autocomplete="off" autocapitalize="characters" spellcheck="false"
                        aria-invalid=move || problem.with(Option::is_some).to_string()
                        value=posted.clone() prop:value=typed on:input=move |ev| typed.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button button--primary" disabled=busy>{tr!(handoff_open)}</button>
            </form>
            {draft_view}
        </div>
    }
}
