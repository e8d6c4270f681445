//! A dossier's history as the desk sees it: every step, when, who made it, the reason and the
//! papers asked for. Appended only: nothing in it is ever changed.

use crate::desk::ui::StatusTag;
use crate::dossier::desk::HistoryEntry;
use crate::dossier::model::hanoi_date_time;
use crate::tr;
use crate::ui::dossier::text_signal;
use leptos::prelude::*;

#[component]
pub fn DeskHistory(entries: Vec<HistoryEntry>) -> impl IntoView {
    let items = entries
        .into_iter()
        .map(|entry| {
            let who = if entry.actor == "resident" {
                tr!(desk_actor_resident).into_any()
            } else {
                entry.actor.clone().into_any()
            };
            let missing = (!entry.missing.is_empty()).then(|| {
                let papers = entry
                    .missing
                    .iter()
                    .map(|p| view! { <li>{text_signal(p.name.clone())}</li> })
                    .collect_view();
                view! { <p class="history__papers-title">{tr!(desk_missing_papers)}</p><ul>{papers}</ul> }
            });
            view! {
                <li class="history__step" data-status=entry.status.as_str()>
                    <p><StatusTag status=entry.status />" "
                        <span class="history__time">{hanoi_date_time(entry.at)}</span>" · "
                        <span class="history__actor">{who}</span></p>
                    {entry.reason.map(|r| view! { <p class="history__reason"><span>{tr!(track_reason)}": "</span>{r}</p> })}
                    {missing}
                </li>
            }
        })
        .collect_view();
    view! { <ol class="history" data-testid="desk-history">{items}</ol> }
}
