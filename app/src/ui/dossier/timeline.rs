//! A dossier's status history as a timeline: the steps it went through (with the officer's
//! reason when more documents are needed or it is refused), then the usual steps still ahead.

use crate::dossier::model::hanoi_date_time;
use crate::dossier::submission::{Status, StatusEvent};
use crate::tr;
use crate::ui::dossier::text_signal;
use leptos::prelude::*;

#[component]
pub fn Timeline(events: Vec<StatusEvent>) -> impl IntoView {
    let current = events.last().map(|e| e.status).unwrap_or(Status::Received);
    let reached: Vec<Status> = events.iter().map(|e| e.status).collect();
    let ahead: Vec<Status> = if current.is_final() {
        Vec::new()
    } else {
        Status::PATH
            .iter()
            .copied()
            .filter(|s| !reached.contains(s))
            .collect()
    };
    let last = events.len().saturating_sub(1);
    let done = events
        .into_iter()
        .enumerate()
        .map(|(i, event)| {
            let class = if i == last {
                "timeline__step timeline__step--current"
            } else {
                "timeline__step timeline__step--done"
            };
            let status = event.status;
            let missing = (!event.missing.is_empty()).then(|| {
                let papers = event
                    .missing
                    .iter()
                    .map(|p| view! { <li>{text_signal(p.name.clone())}</li> })
                    .collect_view();
                view! {
                    <p class="timeline__papers">{tr!(track_missing_papers)}</p>
                    <ul class="timeline__papers-list" data-testid="missing-papers">{papers}</ul>
                }
            });
            view! {
                <li class=class data-status=status.as_str()>
                    <strong>{text_signal(status.text())}</strong>
                    <span class="timeline__time">{hanoi_date_time(event.at)}</span>
                    {event.reason.map(|reason| view! {
                        <p class="timeline__reason"><span>{tr!(track_reason)}": "</span>{reason}</p>
                    })}
                    {missing}
                </li>
            }
        })
        .collect_view();
    let upcoming = ahead
        .into_iter()
        .map(|status| {
            view! {
                <li class="timeline__step timeline__step--ahead" data-status=status.as_str()>
                    <span>{text_signal(status.text())}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline" data-testid="timeline">{done}{upcoming}</ol> }
}
