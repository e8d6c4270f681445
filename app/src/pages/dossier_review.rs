//! `/dossiers/{id}/review`: "Check your answers and send" (GOV.UK pattern). Everything the
//! dossier holds, each part with a "Change" link, the office that will handle it, the
//! declaration, and Submit. Submit checks the dossier with the same rule the server applies
//! ([`readiness`]) and lists what is missing; otherwise the dossier goes into the outbox at once
//! — with or without a network — and this page follows it until the receipt.

use crate::catalogue::wards;
use crate::clock::today;
use crate::definition::Definition;
use crate::device::outbox::Sending;
use crate::device::use_device;
use crate::dossier::form::shown_value;
use crate::dossier::model::{DOCUMENTS, Draft, SubmissionState, hanoi_time};
use crate::dossier::submission::{SubmitError, Unmet, readiness};
use crate::eligibility::answers::Answers;
use crate::eligibility::evaluate::evaluate;
use crate::eligibility::model::Text;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::{english, focus_element, result_href};
use crate::ui::dossier::documents::DossierDocuments;
use crate::ui::dossier::{DraftHandle, dossier_href, draft_title, section_href, text_signal};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// The part id of this page and of the receipt page.
pub const REVIEW: &str = "review";
pub const RECEIPT: &str = "receipt";

#[component]
pub fn ReviewPart(handle: DraftHandle, definition: Definition) -> impl IntoView {
    // Send puts the dossier in the outbox, which `/page.js` runs; this page follows it.
    handle.sends_with(crate::device::outbox::request_send);
    crate::device::outbox::follow();
    let locale = use_locale();
    let english = english();
    let draft = handle.draft.get_untracked().expect("loaded");
    let id = draft.id.clone();
    let caption = draft_title(&draft, english.get_untracked());
    let state = Memo::new(move |_| {
        handle
            .draft
            .with(|d| d.as_ref().map(|d| d.state.clone()))
            .unwrap_or_default()
    });
    let editable = move || state.with(|s| *s == SubmissionState::Draft);
    view! {
        <PageTitle text=move || format!("{} – {}", td_string!(locale, review_title), caption) />
        <div class="page page--review">
            <p class="check-nav"><a class="back-link" href=dossier_href(&id)>{tr!(dossier_back)}</a></p>
            <span class="caption">{draft_title(&draft, english.get_untracked())}</span>
            <h1 id="part-heading">{move || if editable() { td_string!(locale, review_title).to_string() } else { td_string!(locale, review_sent_title).to_string() }}</h1>
            {move || (!editable()).then(|| view! { <SendingPanel handle /> })}
            <Review handle definition />
        </div>
    }
}

/// The summary, the office, the declaration and Submit, once the procedure is known.
#[component]
fn Review(handle: DraftHandle, definition: Definition) -> impl IntoView {
    let locale = use_locale();
    let english = english();
    let draft = handle.draft.get_untracked().expect("loaded");
    let id = draft.id.clone();
    let rules = &definition.rules;
    let evaluation = evaluate(rules, &Answers(draft.answers.clone()), today());
    let documents: Vec<_> = evaluation
        .documents
        .iter()
        .map(|&i| rules.documents[i].clone())
        .collect();
    let document_names = StoredValue::new(
        rules
            .documents
            .iter()
            .map(|d| (d.id.clone(), d.name.clone()))
            .collect::<Vec<_>>(),
    );
    let sections: Vec<crate::dossier::form::Section> = definition
        .form
        .sections_shown(draft.who_for.is_someone_else())
        .into_iter()
        .cloned()
        .collect();
    let section_titles = StoredValue::new(
        sections
            .iter()
            .map(|s| (s.id.clone(), s.title.clone()))
            .collect::<Vec<_>>(),
    );
    let editable = move || {
        handle
            .draft
            .with(|d| d.as_ref().is_some_and(Draft::is_editable))
    };
    let unmet = RwSignal::new(Vec::<Unmet>::new());
    let definition = StoredValue::new(definition.clone());
    let submit = move |_| {
        let Some(draft) = handle.draft.get_untracked() else {
            return;
        };
        let found = definition.with_value(|d| readiness(&draft, d, today()));
        if found.is_empty() {
            unmet.set(Vec::new());
            handle.submit();
            focus_element("part-heading");
        } else {
            unmet.set(found);
            request_animation_frame(|| focus_element("error-summary"));
        }
    };
    let check_href = result_href(&draft.procedure, &Answers(draft.answers.clone()));
    let summary_items = {
        let id = id.clone();
        let check_href = check_href.clone();
        move || {
            unmet
                .get()
                .into_iter()
                .map(|item| {
                    let (href, text): (String, Signal<String>) = match &item {
                        Unmet::Check => (check_href.clone(), tr!(review_unmet_check)),
                        Unmet::Section(section) => {
                            let title = section_titles.with_value(|all| {
                                all.iter()
                                    .find(|(s, _)| s == section)
                                    .map(|(_, t)| t.clone())
                            });
                            let title =
                                text_signal(title.unwrap_or_else(|| Text::new(section, section)));
                            (
                                section_href(&id, section),
                                Signal::derive(move || {
                                    td_string!(locale, review_unmet_section, part = title.get())
                                        .to_string()
                                }),
                            )
                        }
                        Unmet::Document(document) | Unmet::Attachments(document) => {
                            let name = document_names.with_value(|all| {
                                all.iter()
                                    .find(|(d, _)| d == document)
                                    .map(|(_, n)| n.clone())
                            });
                            let name =
                                text_signal(name.unwrap_or_else(|| Text::new(document, document)));
                            let missing = matches!(item, Unmet::Document(_));
                            (
                                section_href(&id, DOCUMENTS),
                                Signal::derive(move || {
                                    if missing {
                                        td_string!(
                                            locale,
                                            review_unmet_document,
                                            paper = name.get()
                                        )
                                        .to_string()
                                    } else {
                                        td_string!(locale, review_unmet_files, paper = name.get())
                                            .to_string()
                                    }
                                }),
                            )
                        }
                        Unmet::Office => ("#office".to_string(), tr!(review_unmet_office)),
                        Unmet::Declaration => {
                            ("#declaration".to_string(), tr!(review_unmet_declaration))
                        }
                    };
                    let on_page = href.starts_with('#');
                    let target = href.trim_start_matches('#').to_string();
                    view! {
                        <li><a href=href.clone() on:click=move |ev| {
                            if on_page {
                                ev.prevent_default();
                                focus_element(&target);
                            }
                        }>{text}</a></li>
                    }
                })
                .collect_view()
        }
    };
    let parts = sections
        .into_iter()
        .map(|section| {
            let title = text_signal(section.title.clone());
            let href = section_href(&id, &section.id);
            let fields = section.fields.clone();
            let rows = move || {
                handle.draft.with(|d| {
                    let Some(d) = d else { return Vec::new() };
                    fields
                        .iter()
                        .filter(|f| f.is_asked(&d.form))
                        .map(|f| (f.label.clone(), shown_value(f, &d.form)))
                        .collect::<Vec<_>>()
                })
                .into_iter()
                .map(|(label, value)| {
                    let value = value.map(text_signal);
                    view! {
                        <div class="summary-list__row">
                            <dt class="summary-list__key">{text_signal(label)}</dt>
                            <dd class="summary-list__value">{move || value.map(|v| v.get()).unwrap_or_else(|| "—".to_string())}</dd>
                        </div>
                    }
                })
                .collect_view()
            };
            let change_label = title;
            view! {
                <section class="review-part" data-section=section.id.clone()>
                    <div class="review-part__head">
                        <h2>{title}</h2>
                        {move || editable().then(|| view! {
                            <a href=href.clone() class="review-part__change">
                                {tr!(review_change)}<span class="visually-hidden">" "{change_label}</span>
                            </a>
                        })}
                    </div>
                    <dl class="summary-list">{rows}</dl>
                </section>
            }
        })
        .collect_view();
    let documents_href = section_href(&id, DOCUMENTS);
    let office = move || handle.draft.with(|d| d.as_ref().and_then(|d| d.office));
    let declared = move || {
        handle
            .draft
            .with(|d| d.as_ref().is_some_and(|d| d.declared))
    };
    let office_options = move || {
        wards::hanoi()
            .iter()
            .map(|w| {
                let code = w.code;
                view! { <option value=code.to_string() selected=move || office() == Some(code)>{w.name.clone()}</option> }
            })
            .collect_view()
    };
    let office_name = move || {
        office()
            .and_then(wards::ward)
            .map(|w| w.name.clone())
            .unwrap_or_default()
    };
    let _ = english;
    view! {
        <Show when=move || unmet.with(|u| !u.is_empty())>
            <div class="error-summary" id="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
                <h2 class="error-summary__title" id="error-summary-title">{tr!(review_unmet_title)}</h2>
                <ul class="error-summary__list">{summary_items.clone()}</ul>
            </div>
        </Show>
        {parts}
        <section class="review-part" data-section="documents">
            <div class="review-part__head">
                <h2>{tr!(dossier_documents)}</h2>
                {move || editable().then(|| view! {
                    <a href=documents_href.clone() class="review-part__change">
                        {tr!(review_change)}<span class="visually-hidden">" "{tr!(dossier_documents)}</span>
                    </a>
                })}
            </div>
            <ul class="checklist checklist--review">
                <DossierDocuments handle documents read_only=true />
            </ul>
        </section>
        <Show
            when=editable
            fallback=move || view! {
                <section class="review-part">
                    <h2>{tr!(review_office)}</h2>
                    <p>{office_name}</p>
                </section>
            }
        >
            <section class="review-part review-send">
                <div class="form-group" data-field="office">
                    <label class="field__label" for="office">{tr!(review_office)}</label>
                    <p class="hint" id="office-hint">{tr!(review_office_hint)}</p>
                    <select class="input" id="office" aria-describedby="office-hint" on:change=move |ev| {
                        let code = event_target_value(&ev).parse::<u32>().ok();
                        handle.update(|d| d.office = code);
                    }>
                        <option value="" selected=move || office().is_none()>{tr!(detail_ward_choose)}</option>
                        {office_options}
                    </select>
                </div>
                <h2>{tr!(review_declaration_title)}</h2>
                <div class="checkbox form-group">
                    <input class="checkbox__input" type="checkbox" id="declaration" prop:checked=declared on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        handle.update(|d| d.declared = on);
                    } />
                    <label class="checkbox__label" for="declaration">{tr!(review_declaration)}</label>
                </div>
                <crate::ui::dossier::SaveStatus handle />
                <p class="hint">{tr!(review_offline_note)}</p>
                <button type="button" class="button button--primary button--large" on:click=submit>{tr!(review_submit)}</button>
            </section>
        </Show>
    }
}

/// Where a submitted dossier stands: waiting for the network, sending with progress, sent, or
/// refused with the reason and a way back to editing.
#[component]
fn SendingPanel(handle: DraftHandle) -> impl IntoView {
    let locale = use_locale();
    let device = use_device();
    let id = handle
        .draft
        .with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
        .unwrap_or_default();
    let sending = {
        let id = id.clone();
        Memo::new(move |_| device.sending.with(|m| m.get(&id).cloned()))
    };
    let state = Memo::new(move |_| {
        handle
            .draft
            .with(|d| d.as_ref().map(|d| d.state.clone()))
            .unwrap_or_default()
    });
    // The outbox writes the outcome to the device: read it back, and go to the receipt.
    {
        let id = id.clone();
        Effect::new(move |_| {
            if matches!(sending.get(), Some(Sending::Sent | Sending::Refused(_))) {
                handle.reload();
            }
            if matches!(state.get(), SubmissionState::Sent { .. }) {
                crate::island::go_to(&section_href(&id, RECEIPT));
            }
        });
    }
    let reason = |error: &SubmitError| text_signal(error.text());
    let view = move || {
        match (state.get(), sending.get()) {
        (SubmissionState::Failed { error, reason: fallback, .. }, _) => {
            let text = match error {
                Some(error) => reason(&error),
                None => Signal::derive(move || fallback.clone()),
            };
            view! {
                <div class="notice notice--error" data-testid="sending-state" data-state="refused">
                    <p><strong>{tr!(sending_refused)}</strong>" "{text}</p>
                    <button type="button" class="button" on:click=move |_| handle.reopen()>{tr!(sending_reopen)}</button>
                </div>
            }
            .into_any()
        }
        (SubmissionState::Sent { .. }, _) | (_, Some(Sending::Sent)) => view! {
            <div class="notice notice--good" data-testid="sending-state" data-state="sent">
                <p>{tr!(sending_sent)}</p>
            </div>
        }
        .into_any(),
        (_, Some(Sending::Sending(percent))) => view! {
            <div class="notice" data-testid="sending-state" data-state="sending">
                <p role="status">{move || td_string!(locale, sending_progress, percent = percent).to_string()}</p>
                <progress max="100" value=percent aria-label=move || td_string!(locale, sending_progress, percent = percent).to_string()></progress>
            </div>
        }
        .into_any(),
        (_, Some(Sending::Retrying { at, error })) => {
            let text = reason(&error);
            view! {
                <div class="notice notice--warning" data-testid="sending-state" data-state="retrying">
                    <p role="status">{text}</p>
                    {(at > 0).then(|| view! { <p>{move || td_string!(locale, sending_retry_at, time = hanoi_time(at)).to_string()}</p> })}
                </div>
            }
            .into_any()
        }
        _ => view! {
            <div class="notice notice--warning" data-testid="sending-state" data-state="waiting">
                <p role="status"><strong>{tr!(sending_waiting)}</strong></p>
                <p>{tr!(sending_waiting_text)}</p>
            </div>
        }
        .into_any(),
    }
    };
    view! { <div class="sending" aria-live="polite">{view}</div> }
}
