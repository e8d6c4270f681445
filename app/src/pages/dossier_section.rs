//! `/dossiers/{id}/{section}`: one part of a dossier's form (or its documents). Every change is
//! kept on the device as it is typed; "Save and continue" checks the whole part (GOV.UK error
//! summary, messages by the fields) and marks it completed.

use crate::catalogue::source;
use crate::clock::today;
#[cfg(feature = "hydrate")]
use crate::device::store;
use crate::device::use_device;
use crate::dossier::form::{Field, sections_shown};
use crate::dossier::model::DOCUMENTS;
use crate::eligibility::answers::Answers;
use crate::eligibility::evaluate::evaluate;
use crate::eligibility::rules_for;
use crate::pages::procedure::ProcedureOffline;
use crate::tr;
use crate::ui::check::{english, focus_element};
use crate::ui::dossier::documents::DossierDocuments;
use crate::ui::dossier::draft::DraftUnavailable;
use crate::ui::dossier::field::{ErrorSummary, FieldInput};
#[cfg(feature = "hydrate")]
use crate::ui::dossier::people::remember;
use crate::ui::dossier::people::{PersonPicker, RememberBox};
use crate::ui::dossier::{
    DraftFrame, DraftHandle, Load, SaveStatus, dossier_href, draft_title, section_href,
    text_signal, use_draft,
};
use crate::ui::layout::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

#[component]
pub fn DossierSectionPage() -> impl IntoView {
    let params = use_params_map();
    let id = Signal::derive(move || params.with(|p| p.get("id").unwrap_or_default()));
    let section = Memo::new(move |_| params.with(|p| p.get("section").unwrap_or_default()));
    let handle = use_draft(id);
    let ready = Callback::new(move |_| {
        let which = section.get();
        if which == super::dossier_review::REVIEW {
            view! { <super::dossier_review::ReviewPart handle /> }.into_any()
        } else if which == super::dossier_review::RECEIPT {
            view! { <super::dossier_receipt::ReceiptPart handle /> }.into_any()
        } else if which == crate::dossier::supplement::SUPPLEMENT {
            view! { <super::dossier_supplement::SupplementPart handle /> }.into_any()
        } else if which == DOCUMENTS {
            view! { <DocumentsPart handle /> }.into_any()
        } else {
            view! { <FormPart handle which /> }.into_any()
        }
    });
    view! { <DraftFrame handle ready /> }
}

/// The parts of this dossier in order, by id, then "documents".
fn order(handle: DraftHandle) -> Vec<&'static str> {
    let (code, other) = handle
        .draft
        .with_untracked(|d| {
            d.as_ref()
                .map(|d| (d.procedure.clone(), d.who_for.is_someone_else()))
        })
        .unwrap_or_default();
    let mut ids: Vec<&'static str> = sections_shown(&code, other).iter().map(|s| s.id).collect();
    ids.push(DOCUMENTS);
    ids
}

/// Header lines shared by the parts: back link, procedure, and — in the help-desk view — the
/// step number and the draft's short reference, large, to read out over the phone.
#[component]
fn PartHeader(handle: DraftHandle, title: Signal<String>, which: String) -> impl IntoView {
    let english = english();
    let i18n = crate::i18n::use_i18n();
    let steps = order(handle);
    let step = steps.iter().position(|s| *s == which).map(|i| i + 1);
    let total = steps.len();
    let (id, name) = handle
        .draft
        .with_untracked(|d| d.as_ref().map(|d| (d.id.clone(), d.clone())))
        .expect("loaded");
    let editable = name.is_editable();
    let caption = Signal::derive(move || draft_title(&name, english.get()));
    view! {
        <PageTitle text=move || format!("{} – {}", title.get(), caption.get()) />
        <p class="check-nav"><a class="back-link" href=dossier_href(&id)>{tr!(dossier_back)}</a></p>
        <span class="caption">{caption}</span>
        <p class="assist-only assist-panel">
            {step.map(|n| view! {
                <span class="assist-panel__step">
                    {move || crate::i18n::t_string!(i18n, draft_step, n = n, total = total).to_string()}
                </span>
            })}
            <span class="assist-panel__reference">
                {tr!(draft_reference)}": "<strong>{crate::dossier::tracking::draft_reference(&id)}</strong>
            </span>
        </p>
        {editable.then(|| view! { <crate::ui::dossier::handoff::HandoffPanel handle step=which.clone() /> })}
    }
}

#[component]
fn FormPart(handle: DraftHandle, which: String) -> impl IntoView {
    let (code, other, editable, id) = handle
        .draft
        .with_untracked(|d| {
            d.as_ref().map(|d| {
                (
                    d.procedure.clone(),
                    d.who_for.is_someone_else(),
                    d.is_editable(),
                    d.id.clone(),
                )
            })
        })
        .expect("loaded");
    let Some(section) = sections_shown(&code, other)
        .into_iter()
        .find(|s| s.id == which)
    else {
        return view! { <DraftUnavailable load=Load::Missing /> }.into_any();
    };
    let device = use_device();
    let today = today();
    let title = text_signal(section.title.clone());
    let intro = section.intro.clone().map(text_signal);
    let is_person = section.person.is_some();
    let fields: StoredValue<Vec<Field>> = StoredValue::new(section.fields.clone());
    let section = StoredValue::new(section);
    let problems = RwSignal::new(Vec::new());
    let revision = RwSignal::new(0u32);
    let consent = RwSignal::new(false);
    let people = RwSignal::new(Vec::new());
    if is_person {
        Effect::new(move |_| {
            #[cfg(feature = "hydrate")]
            leptos::task::spawn_local(async move {
                if let Ok(list) = store::list_people().await {
                    // Someone already saved is remembered again by default. (The page may
                    // have been left meanwhile: then nothing is done.)
                    let Some(known) = section.try_with_value(|s| {
                        handle.draft.with_untracked(|d| {
                            d.as_ref().is_some_and(|d| {
                                let details =
                                    crate::dossier::model::Person::details_from(s, &d.form);
                                crate::dossier::model::Person::matching(&list, s, &details)
                                    .is_some()
                            })
                        })
                    }) else {
                        return;
                    };
                    consent.try_set(known);
                    people.try_set(list);
                }
            });
        });
    }
    let next = {
        let order = order(handle);
        let position = order.iter().position(|s| *s == which).unwrap_or(0);
        match order.get(position + 1) {
            Some(next) => section_href(&id, next),
            None => dossier_href(&id),
        }
    };
    let navigate = use_navigate();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = handle
            .draft
            .with_untracked(|d| {
                d.as_ref()
                    .map(|d| section.with_value(|s| s.problems(&d.form, today)))
            })
            .unwrap_or_default();
        if !found.is_empty() {
            problems.set(found);
            request_animation_frame(|| focus_element("error-summary"));
            return;
        }
        problems.set(Vec::new());
        let id = section.with_value(|s| s.id);
        handle.update(|d| {
            d.completed.insert(id.to_string());
        });
        handle.save_now();
        // The person is kept (with consent) before moving on, so that leaving the page right
        // after cannot lose it.
        if is_person && consent.get_untracked() && !device.shared.get_untracked() {
            #[cfg(feature = "hydrate")]
            if let Some(form) = handle
                .draft
                .with_untracked(|d| d.as_ref().map(|d| d.form.clone()))
            {
                let section = section.get_value();
                let navigate = navigate.clone();
                let next = next.clone();
                leptos::task::spawn_local(async move {
                    let _ = remember(&section, &form).await;
                    navigate(&next, Default::default());
                });
                return;
            }
        }
        navigate(&next, Default::default());
    };
    let data = Memo::new(move |_| {
        handle
            .draft
            .with(|d| d.as_ref().map(|d| d.form.clone()).unwrap_or_default())
    });
    let on_input = Callback::new(move |(key, value): (String, String)| {
        handle.update(|d| {
            d.form.insert(key, value);
        });
    });
    let form_fields = move || {
        revision.get();
        fields
            .get_value()
            .into_iter()
            .map(|field| view! { <FieldInput field data on_input problems today read_only=!editable /> })
            .collect_view()
    };
    view! {
        <div class="page page--dossier-part">
            <PartHeader handle title which=which.clone() />
            <ErrorSummary problems fields />
            <h1 id="part-heading">{title}</h1>
            {intro.map(|intro| view! { <p class="lead">{intro}</p> })}
            {move || (editable && is_person).then(|| view! {
                <PersonPicker handle section people=people.get() revision />
            })}
            <form class="dossier-form" novalidate=true on:submit=submit>
                {form_fields}
                {move || (editable && is_person && !device.shared.get()).then(|| view! { <RememberBox consent section /> })}
                <SaveStatus handle />
                {editable.then(|| view! { <button type="submit" class="button">{tr!(dossier_save_continue)}</button> })}
            </form>
        </div>
    }
    .into_any()
}

#[component]
fn DocumentsPart(handle: DraftHandle) -> impl IntoView {
    let (code, answers, editable, id) = handle
        .draft
        .with_untracked(|d| {
            d.as_ref().map(|d| {
                (
                    d.procedure.clone(),
                    Answers(d.answers.clone()),
                    d.is_editable(),
                    d.id.clone(),
                )
            })
        })
        .expect("loaded");
    let procedure = LocalResource::new(move || source::procedure(code.clone()));
    let navigate = use_navigate();
    let done = move |_| {
        handle.update(|d| {
            d.completed.insert(DOCUMENTS.to_string());
        });
        handle.save_now();
        navigate(&dossier_href(&id), Default::default());
    };
    let documents = move || {
        procedure.get().map(|result| match result {
            Ok(procedure) => {
                let rules = rules_for(&procedure);
                let evaluation = evaluate(&rules, &answers, today());
                let documents = evaluation
                    .documents
                    .iter()
                    .map(|&i| rules.documents[i].clone())
                    .collect::<Vec<_>>();
                view! {
                    <ul class="checklist">
                        <DossierDocuments handle documents read_only=!editable />
                    </ul>
                }
                .into_any()
            }
            Err(_) => view! { <ProcedureOffline /> }.into_any(),
        })
    };
    view! {
        <div class="page page--dossier-part">
            <PartHeader handle title=tr!(dossier_documents) which=DOCUMENTS.to_string() />
            <h1 id="part-heading">{tr!(dossier_documents)}</h1>
            <p class="lead">{tr!(dossier_documents_lead)}</p>
            <p class="hint" id="attach-hint">{tr!(attach_hint)}</p>
            <Suspense fallback=move || view! { <p class="loading">{tr!(loading)}</p> }>{documents}</Suspense>
            <SaveStatus handle />
            {editable.then(|| view! {
                <button type="button" class="button" on:click=done>{tr!(dossier_save_continue)}</button>
            })}
        </div>
    }
}
