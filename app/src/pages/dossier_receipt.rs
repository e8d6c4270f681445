//! `/dossiers/{id}/receipt`: the confirmation (GOV.UK pattern) kept on the device with the
//! dossier: tracking code in groups of four, a QR code of it, when it was received, when the
//! result is due (working days, Vietnam's holidays, the 15:00 cut-off), where to collect it; a
//! print button; then the one-question satisfaction rating.

use crate::dossier::model::{SubmissionState, hanoi_date_time};
use crate::dossier::submission::Receipt;
use crate::dossier::tracking::TrackingCode;
use crate::i18n::*;
use crate::tr;
use crate::ui::dossier::{DraftHandle, dossier_href, section_href, text_signal};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn ReceiptPart(handle: DraftHandle) -> impl IntoView {
    let locale = use_locale();
    let draft = handle.draft.get_untracked().expect("loaded");
    let receipt = match &draft.state {
        SubmissionState::Sent {
            receipt: Some(receipt),
            ..
        } => Some((**receipt).clone()),
        _ => None,
    };
    let key = draft.submission_key.clone().unwrap_or_default();
    let asked = crate::dossier::supplement::asked(&draft).map(|event| {
        let href = section_href(&draft.id, crate::dossier::supplement::SUPPLEMENT);
        view! {
            <div class="notice notice--warning page" data-testid="papers-asked">
                <p><strong>{text_signal(event.status.text())}</strong>{event.reason.clone().map(|r| view! { " — "{r} })}</p>
                <p><a class="button button--primary" href=href>{tr!(supplement_link)}</a></p>
            </div>
        }
    });
    match receipt {
        Some(receipt) => view! { {asked}<ReceiptView receipt key /> }.into_any(),
        None => view! {
            <PageTitle text=move || td_string!(locale, receipt_none_title).to_string() />
            <div class="page">
                <h1>{tr!(receipt_none_title)}</h1>
                <p>{tr!(receipt_none_text)}</p>
                <p><a class="button" href=section_href(&draft.id, super::dossier_review::REVIEW)>{tr!(review_title)}</a></p>
                <p><a href=dossier_href(&draft.id)>{tr!(dossier_back)}</a></p>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn ReceiptView(receipt: Receipt, key: String) -> impl IntoView {
    let locale = use_locale();
    let code = TrackingCode::parse(&receipt.tracking_code)
        .map(|c| c.grouped())
        .unwrap_or_else(|_| receipt.tracking_code.clone());
    let procedure = text_signal(receipt.procedure_name.clone());
    let received = hanoi_date_time(receipt.received_at);
    let due = receipt.due;
    let due_text = move || match due {
        Some(due) if due.estimate => {
            td_string!(locale, receipt_due_estimate, date = due.date.display()).to_string()
        }
        Some(due) => td_string!(locale, receipt_due, date = due.date.display()).to_string(),
        None => td_string!(locale, receipt_due_unknown).to_string(),
    };
    let qr_size = receipt.qr.size;
    let view_box = format!("-4 -4 {} {}", qr_size + 8, qr_size + 8);
    let track_href = format!("/track?code={}", receipt.tracking_code);
    view! {
        <PageTitle text=move || td_string!(locale, receipt_title).to_string() />
        <div class="page page--receipt">
            <div class="panel panel--confirmation">
                <h1 class="panel__title" id="part-heading">{tr!(receipt_title)}</h1>
                <div class="panel__body">
                    {tr!(receipt_code_label)}<br />
                    <strong class="tracking-code" data-testid="tracking-code">{code.clone()}</strong>
                </div>
            </div>
            <div class="receipt-grid">
                <dl class="summary-list">
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{tr!(receipt_procedure)}</dt>
                        <dd class="summary-list__value">{procedure}" ("{receipt.procedure.clone()}")"</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{tr!(receipt_received)}</dt>
                        <dd class="summary-list__value" data-testid="received-at">{received}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{tr!(receipt_due_label)}</dt>
                        <dd class="summary-list__value" data-testid="due-date">{due_text}</dd>
                    </div>
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{tr!(receipt_collect)}</dt>
                        <dd class="summary-list__value">
                            {move || td_string!(locale, receipt_collect_where, office = receipt.office_name.clone()).to_string()}
                        </dd>
                    </div>
                </dl>
                <figure class="receipt-qr">
                    <svg viewBox=view_box width="160" height="160" role="img" aria-label=move || td_string!(locale, receipt_qr_label, code = code.clone()).to_string() shape-rendering="crispEdges">
                        <rect x="-4" y="-4" width=qr_size + 8 height=qr_size + 8 fill="#fff" />
                        <path d=receipt.qr.path.clone() fill="#000" />
                    </svg>
                    <figcaption>{tr!(receipt_qr_caption)}</figcaption>
                </figure>
            </div>
            <h2>{tr!(receipt_next_title)}</h2>
            <ol class="steps">
                <li>{tr!(receipt_next_1)}</li>
                <li>{tr!(receipt_next_2)}</li>
                <li>{tr!(receipt_next_3)}</li>
            </ol>
            <p class="no-print">
                <button type="button" class="button button--secondary" data-print="">{tr!(receipt_print)}</button>
                " "
                <a class="button button--secondary" href=track_href>{tr!(receipt_track)}</a>
            </p>
            <Rating key />
        </div>
    }
}

/// "How easy was it?" 1–5, with an optional comment, sent once.
#[component]
fn Rating(key: String) -> impl IntoView {
    let locale = use_locale();
    let score = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let sent = RwSignal::new(false);
    let problem = RwSignal::new(None::<Signal<String>>);
    let busy = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(value) = score.get_untracked() else {
            problem.set(Some(tr!(rating_choose)));
            return;
        };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let key = key.clone();
        let text = comment.get_untracked();
        leptos::task::spawn_local(async move {
            let result = crate::api::rate_dossier::rate_dossier(key, value, text).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    sent.set(true);
                    problem.set(None);
                }
                Err(error) => problem.set(Some(text_signal(error.text()))),
            }
        });
    };
    let choices = move || {
        [
            (1u8, tr!(rating_1)),
            (2, tr!(rating_2)),
            (3, tr!(rating_3)),
            (4, tr!(rating_4)),
            (5, tr!(rating_5)),
        ]
        .into_iter()
        .map(|(value, label)| {
            let id = format!("rating-{value}");
            view! {
                <div class="radios__item">
                    <input class="radios__input" type="radio" name="rating" id=id.clone() value=value.to_string()
                        prop:checked=move || score.get() == Some(value)
                        on:change=move |_| score.set(Some(value)) />
                    <label class="radios__label" for=id>{label}</label>
                </div>
            }
        })
        .collect_view()
    };
    let _ = locale;
    view! {
        <section class="rating no-print" aria-labelledby="rating-title">
            <Show
                when=move || !sent.get()
                fallback=move || view! { <p class="notice notice--good" role="status">{tr!(rating_thanks)}</p> }
            >
                <form on:submit=send.clone()>
                    <fieldset class="fieldset">
                        <legend class="fieldset__legend" id="rating-title">{tr!(rating_question)}</legend>
                        {move || problem.get().map(|p| view! { <p class="error-message" role="alert">{p}</p> })}
                        <div class="radios radios--inline">{choices}</div>
                    </fieldset>
                    <div class="form-group">
                        <label class="field__label" for="rating-comment">{tr!(rating_comment)}</label>
                        <textarea class="input textarea" id="rating-comment" rows="3" maxlength="1000"
                            prop:value=comment on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                    </div>
                    <button type="submit" class="button button--secondary" disabled=busy>{tr!(rating_send)}</button>
                </form>
            </Show>
        </section>
    }
}
