//! The personal document checklist: each paper, whether it is handed in or only shown, how many
//! originals and copies, why it is needed, and a tick box "I have it" remembered on the device;
//! then "Start the dossier". Together, the island of the check's result (bundle `start`).

use super::{ListenRule, RuleText, Unconfirmed};
use crate::catalogue::model::DocumentUse;
use crate::eligibility::model::{DocumentRule, Text};
use crate::i18n::*;
use crate::tr;
use crate::ui::dossier::start::StartDossier;
use crate::ui::text::use_locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the result's island needs: the procedure, its checklist for these answers, the answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StartProps {
    pub code: String,
    pub name: Text,
    pub documents: Vec<DocumentRule>,
    pub answers: BTreeMap<String, String>,
    /// The dossier's fields the answers already give.
    pub form: crate::dossier::form::Data,
    /// The dossier's first part, which the resident's saved details fill.
    pub applicant: Option<crate::dossier::form::Section>,
    /// The dossier's parts in all (its form's, then the documents).
    pub parts: usize,
}

/// The checklist and "Start the dossier" as the island the `start` bundle takes over.
#[component]
pub fn StartIsland(props: StartProps) -> impl IntoView {
    use crate::island::{Bundle, Island};
    view! {
        <Island bundle=Bundle::Start name="start" props=props.clone()>
            <ChecklistAndStart props=props.clone() />
        </Island>
    }
}

/// Mounts the result's island (bundle `start`) into `element`.
#[cfg(feature = "csr")]
pub fn mount_start(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(
        element,
        |props: StartProps| view! { <ChecklistAndStart props /> },
    )
}

/// The island's component: the checklist (when there are papers) and "Start the dossier".
#[component]
pub fn ChecklistAndStart(props: StartProps) -> impl IntoView {
    let StartProps {
        code,
        name,
        documents,
        answers,
        form,
        applicant,
        parts,
    } = props;
    let checklist =
        (!documents.is_empty()).then(|| view! { <Checklist code=code.clone() documents /> });
    view! {
        {checklist}
        <StartDossier code name answers form applicant parts />
    }
}

#[component]
pub fn Checklist(code: String, documents: Vec<DocumentRule>) -> impl IntoView {
    let locale = use_locale();
    let have = RwSignal::new(Vec::<String>::new());
    let total = documents.len();
    let ids: Vec<String> = documents.iter().map(|d| d.id.clone()).collect();
    {
        let code = code.clone();
        // The ticks live in the browser: read them once the page runs there.
        Effect::new(move |_| have.set(storage::load(&code)));
    }
    let ready = move || {
        // Ticks kept from other answers (papers no longer listed) do not count.
        let n = have.with(|h| ids.iter().filter(|id| h.contains(id)).count());
        td_string!(locale, result_ready, have = n, total = total).to_string()
    };
    let items = documents
        .into_iter()
        .map(|document| {
            let id = document.id.clone();
            let box_id = format!("have-{id}");
            let checked = {
                let id = id.clone();
                move || have.with(|h| h.contains(&id))
            };
            let code = code.clone();
            let toggle = move |ev: leptos::ev::Event| {
                let on = event_target_checked(&ev);
                have.update(|h| {
                    h.retain(|d| d != &id);
                    if on {
                        h.push(id.clone());
                    }
                });
                have.with_untracked(|h| storage::save(&code, h));
            };
            let usage = match document.usage {
                DocumentUse::Submit => tr!(result_hand_in),
                DocumentUse::Show => tr!(result_show),
            };
            let (originals, copies) = (document.originals, document.copies);
            let counts = move || counts_text(locale, originals, copies);
            view! {
                <li class="checklist__item" data-document=document.id.clone()>
                    <div class="checklist__check">
                        <input class="checklist__box" type="checkbox" id=box_id.clone() prop:checked=checked on:change=toggle />
                        <label class="checklist__have" for=box_id>{tr!(result_have)}</label>
                    </div>
                    <div class="checklist__body">
                        <p class="checklist__name"><RuleText text=document.name.clone() /></p>
                        <p class="checklist__meta">
                            <span class="badge">{usage}</span>" "
                            <span>{counts}</span>
                            {document.remark.map(|remark| view! { " "<strong class="badge badge--remark"><RuleText text=remark /></strong> })}
                            {document.uncertain.then(|| view! { " "<Unconfirmed /> })}
                        </p>
                        <p class="checklist__why"><strong>{tr!(result_why)}": "</strong><RuleText text=document.why.clone() /></p>
                        <ListenRule texts=vec![document.name.clone(), document.why] />
                    </div>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="checklist__ready no-print" aria-live="polite">{ready}</p>
        <ul class="checklist">{items}</ul>
    }
}

/// "Originals: 1, copies: 2" in the page's language.
pub fn counts_text(locale: Locale, originals: u32, copies: u32) -> String {
    let mut parts = Vec::new();
    if originals > 0 {
        parts.push(td_string!(locale, result_originals, n = originals).to_string());
    }
    if copies > 0 {
        parts.push(td_string!(locale, result_copies, n = copies).to_string());
    }
    parts.join(", ")
}

/// The ticks, per procedure, in the browser's local storage.
mod storage {
    fn key(code: &str) -> String {
        format!("motcua.have.{code}")
    }

    #[cfg(feature = "csr")]
    fn store() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    #[cfg(feature = "csr")]
    pub fn load(code: &str) -> Vec<String> {
        store()
            .and_then(|s| s.get_item(&key(code)).ok()?)
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    #[cfg(feature = "csr")]
    pub fn save(code: &str, have: &[String]) {
        if let (Some(store), Ok(json)) = (store(), serde_json::to_string(have)) {
            let _ = store.set_item(&key(code), &json);
        }
    }

    #[cfg(not(feature = "csr"))]
    pub fn load(code: &str) -> Vec<String> {
        let _ = key(code);
        Vec::new()
    }

    #[cfg(not(feature = "csr"))]
    pub fn save(_code: &str, _have: &[String]) {}
}
