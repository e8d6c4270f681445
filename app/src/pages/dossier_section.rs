//! `/dossiers/{id}/{section}`: one part of a dossier's form (or its documents). Every change is
//! kept on the device as it is typed; "Save and continue" checks the whole part (GOV.UK error
//! summary, messages by the fields) and marks it completed.

use crate::clock::today;
use crate::definition::{Definition, Form};
#[cfg(feature = "csr")]
use crate::device::store;
use crate::device::use_device;
use crate::dossier::form::Field;
use crate::dossier::model::DOCUMENTS;
use crate::eligibility::answers::Answers;
use crate::eligibility::evaluate::evaluate;
use crate::tr;
use crate::ui::check::{english, focus_element};
use crate::ui::dossier::documents::DossierDocuments;
use crate::ui::dossier::draft::DraftUnavailable;
use crate::ui::dossier::field::{ErrorSummary, FieldInput};
#[cfg(feature = "csr")]
use crate::ui::dossier::people::remember;
use crate::ui::dossier::people::{PersonPicker, RememberBox};
use crate::ui::dossier::{
    DraftFrame, DraftHandle, Load, SaveStatus, WithDefinition, WithForm, dossier_href, draft_title,
    section_href, text_signal, use_draft,
};
use crate::ui::layout::PageTitle;
use leptos::prelude::*;

/// What a part's page shows; each kind is a bundle of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    Form,
    Documents,
    Review,
    Receipt,
    Supplement,
}

impl PartKind {
    /// The kind of the part named `part` in the address.
    pub fn of(part: &str) -> PartKind {
        match part {
            super::dossier_review::REVIEW => PartKind::Review,
            super::dossier_review::RECEIPT => PartKind::Receipt,
            crate::dossier::supplement::SUPPLEMENT => PartKind::Supplement,
            DOCUMENTS => PartKind::Documents,
            _ => PartKind::Form,
        }
    }

    pub fn bundle(self) -> crate::island::Bundle {
        use crate::island::Bundle;
        match self {
            PartKind::Form => Bundle::Part,
            PartKind::Documents => Bundle::Documents,
            PartKind::Review => Bundle::Review,
            PartKind::Receipt => Bundle::Receipt,
            PartKind::Supplement => Bundle::Supplement,
        }
    }
}

#[cfg(feature = "ssr")]
#[component]
pub fn DossierSectionPage() -> impl IntoView {
    use crate::island::Island;
    let kind = PartKind::of(&crate::island::path_segment(2));
    view! {
        <Island bundle=kind.bundle() name="section" props=()>
            <Section show=any_part />
        </Island>
    }
}

/// Mounts the part the address names into its island when it is of `kind` (a bundle holds one
/// kind: each has its own function, so that a bundle links only its own part's code).
#[cfg(feature = "csr")]
fn mount_part(
    element: web_sys::HtmlElement,
    kind: PartKind,
    show: fn(DraftHandle, String) -> AnyView,
    load: fn(Signal<String>) -> DraftHandle,
) -> bool {
    if kind != PartKind::of(&crate::island::path_segment(2)) {
        return false;
    }
    crate::island::browser::mount(element, move |()| view! { <Section show load /> })
}

/// A part of the form (bundle `part`).
#[cfg(feature = "csr")]
pub fn mount_form_part(element: web_sys::HtmlElement) -> bool {
    let show = |handle, which: String| {
        with_form(handle, move |form| {
            let which = which.clone();
            following_editability(handle, move || {
                view! { <FormPart handle which=which.clone() form=form.clone() /> }.into_any()
            })
        })
    };
    mount_part(element, PartKind::Form, show, use_draft)
}

/// The documents and photos (bundle `documents`).
#[cfg(feature = "csr")]
pub fn mount_documents(element: web_sys::HtmlElement) -> bool {
    let show = |handle, _| {
        with_definition(handle, move |definition| {
            following_editability(handle, move || {
                view! { <DocumentsPart handle definition=definition.clone() /> }.into_any()
            })
        })
    };
    mount_part(element, PartKind::Documents, show, use_draft)
}

/// Check and send (bundle `review`).
#[cfg(feature = "csr")]
pub fn mount_review(element: web_sys::HtmlElement) -> bool {
    let show = |handle, _| {
        with_definition(handle, move |definition| {
            view! { <super::dossier_review::ReviewPart handle definition /> }.into_any()
        })
    };
    mount_part(element, PartKind::Review, show, use_draft)
}

/// The receipt (bundle `receipt`): it only shows the sent dossier, so its bundle need not write
/// drafts.
#[cfg(feature = "csr")]
pub fn mount_receipt(element: web_sys::HtmlElement) -> bool {
    let show = |handle, _| view! { <super::dossier_receipt::ReceiptPart handle /> }.into_any();
    mount_part(
        element,
        PartKind::Receipt,
        show,
        crate::ui::dossier::draft::use_draft_view,
    )
}

/// The papers the office asked for (bundle `supplement`).
#[cfg(feature = "csr")]
pub fn mount_supplement(element: web_sys::HtmlElement) -> bool {
    let show =
        |handle, _| view! { <super::dossier_supplement::SupplementPart handle /> }.into_any();
    mount_part(element, PartKind::Supplement, show, use_draft)
}

/// Any part (the offline kit).
#[cfg(feature = "csr")]
pub fn mount_any_part(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, move |()| view! { <Section show=any_part /> })
}

/// Any part of a dossier, by its kind.
fn any_part(handle: DraftHandle, which: String) -> AnyView {
    match PartKind::of(&which) {
        PartKind::Review => with_definition(handle, move |definition| {
            view! { <super::dossier_review::ReviewPart handle definition /> }.into_any()
        }),
        PartKind::Receipt => view! { <super::dossier_receipt::ReceiptPart handle /> }.into_any(),
        PartKind::Supplement => {
            view! { <super::dossier_supplement::SupplementPart handle /> }.into_any()
        }
        PartKind::Documents => with_definition(handle, move |definition| {
            following_editability(handle, move || {
                view! { <DocumentsPart handle definition=definition.clone() /> }.into_any()
            })
        }),
        PartKind::Form => with_form(handle, move |form| {
            let which = which.clone();
            following_editability(handle, move || {
                view! { <FormPart handle which=which.clone() form=form.clone() /> }.into_any()
            })
        }),
    }
}

/// `part`, rendered again whenever the dossier stops (or starts) being editable: queued or sent
/// in another tab, its boxes are disabled and its buttons gone at once, rather than taking words
/// that could no longer be kept.
fn following_editability(
    handle: DraftHandle,
    part: impl Fn() -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let editable = Memo::new(move |_| {
        handle
            .draft
            .with(|d| d.as_ref().is_some_and(|d| d.is_editable()))
    });
    (move || {
        editable.track();
        part()
    })
    .into_any()
}

/// The loaded draft's procedure code.
fn procedure_of(handle: DraftHandle) -> String {
    handle
        .draft
        .with_untracked(|d| d.as_ref().map(|d| d.procedure.clone()))
        .unwrap_or_default()
}

/// `ready` with the definition (rules, form) of the loaded draft's procedure.
fn with_definition(
    handle: DraftHandle,
    ready: impl Fn(Definition) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let ready = Callback::new(ready);
    view! { <WithDefinition code=procedure_of(handle) ready /> }.into_any()
}

/// `ready` with the dossier form of the loaded draft's procedure.
fn with_form(
    handle: DraftHandle,
    ready: impl Fn(Form) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    let ready = Callback::new(ready);
    view! { <WithForm code=procedure_of(handle) ready /> }.into_any()
}

/// The island: the dossier and part named in the address, read from the device (by `load`),
/// shown by `show`.
#[component]
pub fn Section(
    show: fn(DraftHandle, String) -> AnyView,
    #[prop(default = use_draft)] load: fn(Signal<String>) -> DraftHandle,
) -> impl IntoView {
    let id = Signal::stored(crate::island::path_segment(1));
    let which = crate::island::path_segment(2);
    let handle = load(id);
    let ready = Callback::new(move |_| show(handle, which.clone()));
    view! { <DraftFrame handle ready /> }
}

/// The parts of this dossier in order, by id, then "documents".
fn order(handle: DraftHandle, form: &Form) -> Vec<String> {
    let (code, other) = handle
        .draft
        .with_untracked(|d| {
            d.as_ref()
                .map(|d| (d.procedure.clone(), d.who_for.is_someone_else()))
        })
        .unwrap_or_default();
    let _ = code;
    let mut ids: Vec<String> = form
        .sections_shown(other)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    ids.push(DOCUMENTS.to_string());
    ids
}

/// Header lines shared by the parts: back link, procedure, and — in the help-desk view — the
/// step number and the draft's short reference, large, to read out over the phone.
#[component]
fn PartHeader(
    handle: DraftHandle,
    title: Signal<String>,
    which: String,
    order: Vec<String>,
) -> impl IntoView {
    let english = english();
    let locale = crate::ui::text::use_locale();
    let steps = order;
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
                    {move || crate::i18n::td_string!(locale, draft_step, n = n, total = total).to_string()}
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
fn FormPart(handle: DraftHandle, which: String, form: Form) -> impl IntoView {
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
    let _ = code;
    let Some(section) = form
        .sections_shown(other)
        .into_iter()
        .find(|s| s.id == which)
        .cloned()
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
            #[cfg(feature = "csr")]
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
    let steps = order(handle, &form);
    let form = StoredValue::new(form);
    let next = {
        let order = steps.clone();
        let position = order.iter().position(|s| *s == which).unwrap_or(0);
        match order.get(position + 1) {
            Some(next) => section_href(&id, next),
            None => dossier_href(&id),
        }
    };
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
        let id = section.with_value(|s| s.id.clone());
        handle.update(|d| {
            // Kept in the clean form the server keeps too (a phone number as 0912345678).
            section.with_value(|s| s.keep_stored(&mut d.form));
            d.completed.insert(id.to_string());
            // Kept with the draft for the list of dossiers.
            d.progress = Some(form.with_value(|form| d.progress(form, today)));
        });
        // The person is kept (with consent) before moving on, so that leaving the page right
        // after cannot lose it; the draft is written before the next page opens.
        if is_person && consent.get_untracked() && !device.shared.get_untracked() {
            #[cfg(feature = "csr")]
            if let Some(form) = handle
                .draft
                .with_untracked(|d| d.as_ref().map(|d| d.form.clone()))
            {
                let section = section.get_value();
                let next = next.clone();
                leptos::task::spawn_local(async move {
                    let _ = remember(&section, &form).await;
                    handle.save_and_go(next);
                });
                return;
            }
        }
        handle.save_and_go(next.clone());
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
            <PartHeader handle title which=which.clone() order=steps />
            <ErrorSummary problems fields />
            <h1 id="part-heading">{title}</h1>
            {intro.map(|intro| view! { <p class="lead">{intro}</p> })}
            {move || (editable && is_person).then(|| view! {
                <PersonPicker handle section people=people.get() revision />
            })}
            // (POST: were the app to fail before it handles the form, what is typed stays out of
            // the address.)
            <form class="dossier-form" method="post" novalidate=true on:submit=submit>
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
fn DocumentsPart(handle: DraftHandle, definition: Definition) -> impl IntoView {
    let (answers, editable, id) = handle
        .draft
        .with_untracked(|d| {
            d.as_ref()
                .map(|d| (Answers(d.answers.clone()), d.is_editable(), d.id.clone()))
        })
        .expect("loaded");
    let steps = order(handle, &definition.form);
    let done = move |_| {
        handle.update(|d| {
            d.completed.insert(DOCUMENTS.to_string());
        });
        handle.save_and_go(dossier_href(&id));
    };
    let documents = {
        let rules = &definition.rules;
        let evaluation = evaluate(rules, &answers, today());
        evaluation
            .documents
            .iter()
            .map(|&i| rules.documents[i].clone())
            .collect::<Vec<_>>()
    };
    view! {
        <div class="page page--dossier-part">
            <PartHeader handle title=tr!(dossier_documents) which=DOCUMENTS.to_string() order=steps />
            <h1 id="part-heading">{tr!(dossier_documents)}</h1>
            <p class="lead">{tr!(dossier_documents_lead)}</p>
            <p class="hint" id="attach-hint">{tr!(attach_hint)}</p>
            <ul class="checklist">
                <DossierDocuments handle documents read_only=!editable />
            </ul>
            <SaveStatus handle />
            {editable.then(|| view! {
                <button type="button" class="button" on:click=done>{tr!(dossier_save_continue)}</button>
            })}
        </div>
    }
}
