//! `/dossiers/{id}`: one dossier as a task list (GOV.UK pattern): each part of the form with
//! "Completed", "In progress" or "Not started", then the documents. The dossier is read from the
//! device by an island (bundle `tasks`); the server renders only the frame (it never sees
//! drafts).

use crate::clock::today;
use crate::definition::Form;
use crate::dossier::form::Status;
use crate::dossier::model::{WhoFor, hanoi_date_time};
use crate::eligibility::answers::Answers;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::{english, result_href};
use crate::ui::dossier::{
    DraftFrame, DraftHandle, SaveStatus, StateTag, draft_title, section_href, text_signal,
    use_draft,
};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn DossierPage() -> impl IntoView {
    use crate::island::{Bundle, Island};
    view! {
        <Island bundle=Bundle::Tasks name="tasks" props=()>
            <Tasks />
        </Island>
    }
}

/// Mounts the task list (bundle `tasks`) into its island.
#[cfg(feature = "csr")]
pub fn mount_tasks(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |()| view! { <Tasks /> })
}

/// The island: the dossier named in the address, read from the device.
#[component]
pub fn Tasks() -> impl IntoView {
    let id = Signal::stored(crate::island::path_segment(1));
    let handle = use_draft(id);
    let ready = Callback::new(move |_| {
        let code = handle
            .draft
            .with_untracked(|d| d.as_ref().map(|d| d.procedure.clone()))
            .unwrap_or_default();
        let ready = Callback::new(move |form| view! { <TaskList handle form /> }.into_any());
        view! { <crate::ui::dossier::WithForm code ready /> }.into_any()
    });
    view! { <DraftFrame handle ready /> }
}

/// "For whom" in words.
pub fn who_for_text(who: WhoFor) -> Signal<String> {
    match who {
        WhoFor::Myself => tr!(dossier_for_self),
        WhoFor::Child => tr!(dossier_for_child),
        WhoFor::Relative => tr!(dossier_for_relative),
        WhoFor::Authorised => tr!(dossier_for_authorised),
    }
}

#[component]
fn TaskList(handle: DraftHandle, form: Form) -> impl IntoView {
    let locale = use_locale();
    let english = english();
    let draft = handle.draft.get_untracked().expect("loaded");
    let id = draft.id.clone();
    let code = draft.procedure.clone();
    let sections: Vec<crate::dossier::form::Section> = form
        .sections_shown(draft.who_for.is_someone_else())
        .into_iter()
        .cloned()
        .collect();
    let sections = StoredValue::new(sections);
    let form = StoredValue::new(form);
    let title = move || {
        handle
            .draft
            .with(|d| d.as_ref().map(|d| draft_title(d, english.get())))
            .unwrap_or_default()
    };
    let today = today();
    let status_of = move |section: usize| {
        handle.draft.with(|d| {
            let d = d.as_ref()?;
            sections.with_value(|s| Some(s[section].status(&d.form, &d.completed, today)))
        })
    };
    let items = sections.with_value(|all| {
        all.iter()
            .enumerate()
            .map(|(i, section)| {
                let href = section_href(&id, &section.id);
                let name = text_signal(section.title.clone());
                let status_id = format!("status-{}", section.id);
                view! {
                    <li class="task-list__item" data-section=section.id.clone()>
                        <a class="task-list__link" href=href aria-describedby=status_id.clone()>{name}</a>
                        <span id=status_id>{move || status_tag(status_of(i))}</span>
                    </li>
                }
            })
            .collect_view()
    });
    let progress = Memo::new(move |_| {
        handle
            .draft
            .with(|d| {
                d.as_ref()
                    .map(|d| form.with_value(|form| d.progress(form, today)))
            })
            .unwrap_or_default()
    });
    // Kept with the draft for the list of dossiers.
    Effect::new(move |_| handle.note_progress(progress.get()));
    let completed = move || {
        let (done, total) = progress.get();
        td_string!(locale, dossier_completed_count, done = done, total = total).to_string()
    };
    let documents_status = move || {
        handle
            .draft
            .with(|d| d.as_ref().map(|d| d.documents_status()))
    };
    let files = move || {
        let n = handle
            .draft
            .with(|d| d.as_ref().map_or(0, |d| d.attachments.len()));
        (n > 0).then(|| td_string!(locale, dossier_files_count, n = n).to_string())
    };
    let answers_href = result_href(&code, &Answers(draft.answers.clone()));
    let state = move || handle.draft.with(|d| d.as_ref().map(|d| d.state.clone()));
    let started = hanoi_date_time(draft.created);
    view! {
        <PageTitle text=move || format!("{} – {}", td_string!(locale, dossier_title), title()) />
        <div class="page page--dossier">
            <p class="check-nav"><a class="back-link" href="/dossiers">{tr!(dossiers_title)}</a></p>
            <span class="caption">{tr!(dossier_title)}" · "{code.clone()}</span>
            <h1>{title}</h1>
            <p class="dossier-meta">
                {who_for_text(draft.who_for)}" · "{tr!(dossier_started)}" "{started}
            </p>
            <p class="assist-only assist-panel">
                <span class="assist-panel__reference">
                    {tr!(draft_reference)}": "<strong>{crate::dossier::tracking::draft_reference(&id)}</strong>
                </span>
            </p>
            {move || state().filter(|s| *s != crate::dossier::model::SubmissionState::Draft)
                .map(|state| view! { <p><StateTag state /></p> })}
            <SaveStatus handle />
            <p class="task-list__summary">{completed}</p>
            <ol class="task-list">
                {items}
                <li class="task-list__item" data-section="documents">
                    <a class="task-list__link" href=section_href(&id, "documents") aria-describedby="status-documents">
                        {tr!(dossier_documents)}
                    </a>
                    <span id="status-documents">{move || status_tag(documents_status())}" "{files}</span>
                </li>
            </ol>
            {
                let review = section_href(&id, crate::pages::dossier_review::REVIEW);
                let receipt = section_href(&id, crate::pages::dossier_review::RECEIPT);
                move || {
                    let sent = matches!(state(), Some(crate::dossier::model::SubmissionState::Sent { .. }));
                    if sent {
                        view! { <p><a class="button" href=receipt.clone()>{tr!(dossier_receipt_link)}</a></p> }.into_any()
                    } else {
                        view! { <p><a class="button button--primary" href=review.clone() data-testid="review-link">{tr!(dossier_review_link)}</a></p> }.into_any()
                    }
                }
            }
            <p><a href=answers_href>{tr!(dossier_see_check)}</a></p>
            {move || (state() == Some(crate::dossier::model::SubmissionState::Draft)).then(|| {
                // The part to open at the desk: the first not completed, else the review.
                let step = handle
                    .draft
                    .with_untracked(|d| {
                        d.as_ref().and_then(|d| {
                            sections.with_value(|all| {
                                all.iter()
                                    .find(|s| !d.completed.contains(&s.id))
                                    .map(|s| s.id.to_string())
                            })
                        })
                    })
                    .unwrap_or_else(|| crate::pages::dossier_review::REVIEW.to_string());
                view! { <crate::ui::dossier::handoff::HandoffPanel handle step /> }
            })}
            <p class="hint">{tr!(dossier_kept_note)}</p>
        </div>
    }
}

pub fn status_tag(status: Option<Status>) -> impl IntoView {
    status.map(|status| match status {
        Status::Completed => view! { <strong class="tag tag--done">{tr!(task_completed)}</strong> },
        Status::InProgress => {
            view! { <strong class="tag tag--draft">{tr!(task_in_progress)}</strong> }
        }
        Status::NotStarted => {
            view! { <strong class="tag tag--muted">{tr!(task_not_started)}</strong> }
        }
    })
}
