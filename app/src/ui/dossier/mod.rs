//! Pieces of the dossier pages: the draft as the pages hold it (loaded from the device, saved
//! back at most ~300 ms after each change), the form's fields, the documents with their photos,
//! saved people, and the button that starts a dossier from the checklist.

pub mod confirm;
pub mod documents;
pub mod draft;
pub mod field;
pub mod handoff;
pub mod people;
pub mod start;
pub mod timeline;

pub use confirm::Confirm;
pub use draft::{DraftFrame, DraftHandle, Load, SaveStatus, StoreProblem, use_draft};

use crate::dossier::model::{Draft, SubmissionState};
use crate::eligibility::model::Text;
use crate::tr;
use crate::ui::check::english;
use leptos::prelude::*;

/// What a page reads from the device's store: not yet, the answer, or why it cannot.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(crate::device::store::StoreError),
}

impl<T> From<Result<T, crate::device::store::StoreError>> for Loaded<T> {
    fn from(result: Result<T, crate::device::store::StoreError>) -> Self {
        match result {
            Ok(value) => Loaded::Ready(value),
            Err(error) => Loaded::Failed(error),
        }
    }
}

/// "Opening the dossier kept on this device…", and what to do without JavaScript: what the
/// server renders for a page that reads the device.
pub fn loading_view(text: Signal<String>) -> impl IntoView {
    view! {
        <p class="loading">{text}</p>
        <noscript><p class="notice notice--warning">{tr!(dossiers_need_script)}</p></noscript>
    }
}

/// Shows `ready` with the definition (rules, form) of the procedure `code` once it is read — from
/// the device's copy, kept by the service worker, or from the server — or says it cannot be had
/// without the network.
#[component]
pub fn WithDefinition(
    code: String,
    ready: Callback<crate::definition::Definition, AnyView>,
) -> impl IntoView {
    let definition = LocalResource::new(move || crate::ui::catalogue::definition(code.clone()));
    move || match definition.get() {
        None => loading_view(tr!(loading)).into_any(),
        Some(Ok(definition)) => ready.run(definition),
        Some(Err(_)) => view! { <crate::pages::procedure::ProcedureOffline /> }.into_any(),
    }
}

/// Shows `ready` with the dossier form of the procedure `code` (see [`WithDefinition`]).
#[component]
pub fn WithForm(code: String, ready: Callback<crate::definition::Form, AnyView>) -> impl IntoView {
    let form = LocalResource::new(move || crate::ui::catalogue::form(code.clone()));
    move || match form.get() {
        None => loading_view(tr!(loading)).into_any(),
        Some(Ok(form)) => ready.run(form),
        Some(Err(_)) => view! { <crate::pages::procedure::ProcedureOffline /> }.into_any(),
    }
}

/// `/dossiers/{id}` and its sections.
pub fn dossier_href(id: &str) -> String {
    format!("/dossiers/{id}")
}

pub fn section_href(id: &str, section: &str) -> String {
    format!("/dossiers/{id}/{section}")
}

/// The procedure's name kept in the draft, in the page's language, or its code.
pub fn draft_title(draft: &Draft, english: bool) -> String {
    let name: &Text = &draft.procedure_name;
    let text = name.get(english);
    if text.is_empty() {
        draft.procedure.clone()
    } else {
        text.to_string()
    }
}

/// A domain text in the page's language, following it.
pub fn text_signal(text: Text) -> Signal<String> {
    let english = english();
    Signal::derive(move || text.get(english.get()).to_string())
}

/// The state of a dossier as a tag: draft, waiting, sent (with its code), not sent.
#[component]
pub fn StateTag(state: SubmissionState) -> impl IntoView {
    let (class, label) = match &state {
        SubmissionState::Draft => ("tag tag--draft", tr!(dossier_state_draft)),
        SubmissionState::Queued { .. } => ("tag tag--waiting", tr!(dossier_state_queued)),
        SubmissionState::Sent { .. } => ("tag tag--done", tr!(dossier_state_sent)),
        SubmissionState::Failed { .. } => ("tag tag--stop", tr!(dossier_state_failed)),
    };
    let detail = match state {
        SubmissionState::Sent { tracking_code, .. } => Some(tracking_code),
        SubmissionState::Failed { reason, .. } => Some(reason),
        _ => None,
    };
    view! {
        <strong class=class>{label}</strong>
        {detail.map(|d| view! { " "<span class="tag-detail">{d}</span> })}
    }
}
