//! `/dossiers/{id}/supplement`: the papers the office asked for, added to a dossier already sent.
//! The officer's reason word for word, each paper asked for with its photo buttons (kept on the
//! device as they are taken), then Send: the outbox sends them — now, or when the network comes
//! back — and the dossier returns to the office's queue.

use crate::device::outbox::{Sending, supplement_id};
use crate::device::use_device;
use crate::dossier::supplement::{SupplementState, asked, current, unmet};
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::documents::{PaperFiles, Target};
use crate::ui::dossier::{DraftHandle, section_href, text_signal};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn SupplementPart(handle: DraftHandle) -> impl IntoView {
    // Send puts the papers in the outbox, which `/page.js` runs; this page follows it.
    handle.sends_with(crate::device::outbox::request_send);
    crate::device::outbox::follow();
    let locale = use_locale();
    let device = use_device();
    let draft = handle.draft.get_untracked().expect("loaded");
    let id = draft.id.clone();
    let receipt_href = section_href(&id, super::dossier_review::RECEIPT);
    // The sending's key is fixed as soon as the page opens.
    Effect::new(move |_| handle.start_supplement());
    let asked_now = Memo::new(move |_| handle.draft.with(|d| d.as_ref().and_then(asked).cloned()));
    let state = Memo::new(move |_| {
        handle.draft.with(|d| {
            d.as_ref()
                .and_then(|d| d.supplement.as_ref().map(|s| s.state.clone()))
        })
    });
    // Memos: the page is rebuilt when these change, not on every photo added.
    let editable = Memo::new(move |_| {
        handle.draft.with(|d| {
            d.as_ref()
                .and_then(current)
                .is_some_and(|s| s.is_editable())
        })
    });
    let missing = RwSignal::new(Vec::<String>::new());
    let send = move |_| {
        let Some(unmet) = handle.draft.with_untracked(|d| d.as_ref().map(unmet)) else {
            return;
        };
        if unmet.is_empty() {
            missing.set(Vec::new());
            handle.send_supplement();
            request_animation_frame(|| focus_element("part-heading"));
        } else {
            missing.set(unmet);
            request_animation_frame(|| focus_element("error-summary"));
        }
    };
    let sending_key = supplement_id(&id);
    // The outbox writes the outcome to the device: read it back when it is done.
    {
        let sending_key = sending_key.clone();
        Effect::new(move |_| {
            let done = device.sending.with(|m| {
                matches!(
                    m.get(&sending_key),
                    Some(Sending::Sent | Sending::Refused(_))
                )
            });
            if done {
                handle.reload();
            }
        });
    }
    let progress = move || {
        let now = device.sending.with(|m| m.get(&sending_key).cloned());
        match (state.get(), now) {
            (Some(SupplementState::Queued { .. }), Some(Sending::Sending(p))) => Some(
                view! { <p class="notice" role="status">{move || td_string!(locale, supplement_sending, percent = p).to_string()}</p> }
                    .into_any(),
            ),
            (Some(SupplementState::Queued { .. }), Some(Sending::Retrying { error, .. })) => Some(
                view! { <p class="notice notice--warning" role="status">{text_signal(error.text())}</p> }.into_any(),
            ),
            (Some(SupplementState::Queued { .. }), _) => Some(
                view! { <p class="notice" role="status" data-testid="supplement-waiting">{tr!(supplement_waiting)}</p> }.into_any(),
            ),
            (Some(SupplementState::Failed { error, .. }), _) => Some(
                view! { <p class="notice notice--error" role="alert">{text_signal(error.text())}</p> }.into_any(),
            ),
            _ => None,
        }
    };
    let body = move || {
        let Some(event) = asked_now.get() else {
            // Nothing asked (any more): sent, or the office moved on.
            let sent = matches!(state.get(), Some(SupplementState::Sent { .. }));
            return view! {
                <div class:panel=sent class:panel--confirmation=sent data-testid="supplement-done">
                    <h1 class:panel__title=sent id="part-heading" tabindex="-1">
                        {if sent { tr!(supplement_sent_title) } else { tr!(supplement_none_title) }}
                    </h1>
                    <p class:panel__body=sent>{if sent { tr!(supplement_sent_text) } else { tr!(supplement_none_text) }}</p>
                </div>
                <p><a class="button" href="/dossiers">{tr!(dossiers_title)}</a></p>
            }
            .into_any();
        };
        let names = event.missing.clone();
        let summary = {
            let names = names.clone();
            move || {
                missing
                    .get()
                    .into_iter()
                    .map(|paper| {
                        let name = names
                            .iter()
                            .find(|p| p.id == paper)
                            .map(|p| text_signal(p.name.clone()));
                        let target = format!("photo-{paper}");
                        view! {
                            <li><a href=format!("#{target}") on:click=move |ev| {
                                ev.prevent_default();
                                focus_element(&target);
                            }>{move || td_string!(locale, supplement_unmet, paper = name.map(|n| n.get()).unwrap_or_default()).to_string()}</a></li>
                        }
                    })
                    .collect_view()
            }
        };
        let papers = names
            .into_iter()
            .map(|paper| {
                let read_only = !editable.get();
                view! {
                    <li class="checklist__item dossier-document" data-document=paper.id.clone()>
                        <div class="checklist__body">
                            <h2 class="checklist__name">{text_signal(paper.name.clone())}</h2>
                            <PaperFiles handle document=paper.id.clone() target=Target::Supplement read_only />
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h1 id="part-heading" tabindex="-1">{tr!(supplement_title)}</h1>
            <Show when=move || missing.with(|m| !m.is_empty())>
                <div class="error-summary" id="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">{tr!(supplement_unmet_title)}</h2>
                    <ul class="error-summary__list">{summary.clone()}</ul>
                </div>
            </Show>
            {event.reason.clone().map(|reason| view! {
                <div class="inset" data-testid="office-reason">
                    <p><strong>{tr!(supplement_reason)}</strong></p>
                    <p>{reason}</p>
                </div>
            })}
            {progress.clone()}
            <p id="attach-hint" class="hint">{tr!(supplement_hint)}</p>
            <ul class="checklist">{papers}</ul>
            {move || editable.get().then(|| view! {
                <p class="actions">
                    <button type="button" class="button button--primary" on:click=send>{tr!(supplement_send)}</button>
                </p>
            })}
        }
        .into_any()
    };
    view! {
        <PageTitle text=move || td_string!(locale, supplement_title).to_string() />
        <div class="page page--supplement">
            <p class="check-nav"><a class="back-link" href=receipt_href>{tr!(receipt_title)}</a></p>
            {body}
        </div>
    }
}
