//! `/dossiers`: the dossiers on this device, newest first — drafts to resume, dossiers waiting to
//! be sent, sent ones with their tracking code — each with a resume and a delete button (delete
//! asks first). Also how much space the portal uses and whether the browser keeps it. The list
//! is an island (bundle `dossiers`): the server renders the frame, the browser reads the device.

#[cfg(feature = "csr")]
use crate::device::store;
use crate::device::{storage, use_device};
use crate::dossier::model::{Draft, hanoi_date_time, readable_size};
use crate::i18n::*;
use crate::tr;
use crate::ui::check::english;
use crate::ui::dossier::{
    Confirm, Loaded, StateTag, StoreProblem, dossier_href, draft_title, loading_view,
};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn DossiersPage() -> impl IntoView {
    use crate::island::{Bundle, Island};
    view! {
        <Island bundle=Bundle::Dossiers name="dossiers" props=()>
            <Dossiers />
        </Island>
    }
}

/// Mounts the list (bundle `dossiers`) into its island.
#[cfg(feature = "csr")]
pub fn mount_dossiers(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |()| view! { <Dossiers /> })
}

/// The island: the list, read from the device.
#[component]
pub fn Dossiers() -> impl IntoView {
    let locale = use_locale();
    let list = RwSignal::new(Loaded::<Vec<Draft>>::Loading);
    let usage = RwSignal::new(None::<storage::Usage>);
    let reload = move || {
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            list.try_set(store::list_drafts().await.into());
            usage.try_set(storage::usage().await);
        });
    };
    Effect::new(move |_| reload());
    // Another tab wrote or deleted a dossier (or the outbox sent one): list them again.
    #[cfg(feature = "csr")]
    crate::ui::dossier::draft::use_draft_changed(move |_, _| reload());
    // Sent dossiers: ask the server where each stands whenever the portal can be reached, and
    // keep the answer on the device for the next time there is no network.
    let device = use_device();
    Effect::new(move |_| {
        let online = device.online.get();
        #[cfg(feature = "csr")]
        if online {
            leptos::task::spawn_local(async move {
                if refresh_statuses().await {
                    reload();
                }
            });
        }
        #[cfg(not(feature = "csr"))]
        let _ = online;
    });
    let content = move || match list.get() {
        Loaded::Loading => loading_view(tr!(dossiers_loading)).into_any(),
        Loaded::Failed(error) => view! { <StoreProblem error /> }.into_any(),
        Loaded::Ready(drafts) if drafts.is_empty() => view! {
            <p>{tr!(dossiers_empty)}</p>
            <p><a class="button" href="/procedures">{tr!(dossiers_find)}</a></p>
        }
        .into_any(),
        Loaded::Ready(drafts) => {
            let items = drafts
                .into_iter()
                .map(|draft| view! { <DossierRow draft on_deleted=Callback::new(move |_| reload()) /> })
                .collect_view();
            view! { <ul class="dossier-list">{items}</ul> }.into_any()
        }
    };
    let english = english();
    let space = move || {
        usage.get().map(|u| {
            let used = readable_size(u.used, english.get());
            let free = readable_size(u.quota.saturating_sub(u.used), english.get());
            let text = if u.persisted {
                td_string!(locale, dossiers_space_kept, used = used, free = free).to_string()
            } else {
                td_string!(locale, dossiers_space, used = used, free = free).to_string()
            };
            view! { <p class="hint" data-testid="storage-usage">{text}</p> }
        })
    };
    view! {
        <PageTitle text=move || td_string!(locale, dossiers_title).to_string() />
        <div class="page page--dossiers">
            <h1>{tr!(dossiers_title)}</h1>
            <p class="lead">{tr!(dossiers_lead)}</p>
            {content}
            {space}
            <p><a href="/people">{tr!(people_title)}</a></p>
        </div>
    }
}

/// Updates the office status of the sent dossiers on this device; true when one changed.
#[cfg(feature = "csr")]
async fn refresh_statuses() -> bool {
    use crate::dossier::model::SubmissionState;
    let Ok(drafts) = store::list_drafts().await else {
        return false;
    };
    let sent: Vec<Draft> = drafts
        .into_iter()
        .filter(|d| matches!(d.state, SubmissionState::Sent { .. }) && d.submission_key.is_some())
        .collect();
    if sent.is_empty() {
        return false;
    }
    let keys: Vec<String> = sent
        .iter()
        .filter_map(|d| d.submission_key.clone())
        .take(crate::api::dossier_statuses::MAX_KEYS)
        .collect();
    let Ok(histories) = crate::api::dossier_statuses::dossier_statuses(keys).await else {
        return false;
    };
    let mut changed = false;
    for (key, events) in histories {
        let Some(latest) = events.last().cloned() else {
            continue;
        };
        if let Some(draft) = sent
            .iter()
            .find(|d| d.submission_key.as_deref() == Some(&key))
            && draft.office_status.as_ref() != Some(&latest)
        {
            let step =
                |stored: Option<&Draft>| crate::dossier::revision::office_step(stored?, latest);
            changed |= matches!(store::change_draft(&draft.id, step).await, Ok(Some(_)));
        }
    }
    changed
}

#[component]
fn DossierRow(draft: Draft, on_deleted: Callback<()>) -> impl IntoView {
    let device = use_device();
    let english = english();
    let confirming = RwSignal::new(false);
    let title = {
        let draft = draft.clone();
        move || draft_title(&draft, english.get())
    };
    // How far along, as the dossier's pages last counted it.
    let locale = use_locale();
    let progress = draft.progress.map(|(done, total)| {
        view! {
            " · "<span>{td_string!(locale, dossiers_progress, done = done, total = total).to_string()}</span>
        }
    });
    let updated = hanoi_date_time(draft.updated);
    let sent = matches!(
        draft.state,
        crate::dossier::model::SubmissionState::Sent { .. }
    );
    let href = if sent {
        crate::ui::dossier::section_href(&draft.id, crate::pages::dossier_review::RECEIPT)
    } else {
        dossier_href(&draft.id)
    };
    let office_status = draft.office_status.clone().map(|event| {
        let reason = event.reason.clone();
        let papers = (!event.missing.is_empty()).then(|| {
            let items = event
                .missing
                .iter()
                .map(|p| view! { <li>{crate::ui::dossier::text_signal(p.name.clone())}</li> })
                .collect_view();
            view! { <p>{tr!(track_missing_papers)}</p><ul data-testid="missing-papers">{items}</ul> }
        });
        view! {
            <p class="dossier-row__status" data-testid="office-status" data-status=event.status.as_str()>
                {tr!(dossiers_status)}" "<strong>{crate::ui::dossier::text_signal(event.status.text())}</strong>
                {reason.map(|r| view! { " — "{r} })}
            </p>
            {papers}
        }
    });
    let supplement = crate::dossier::supplement::asked(&draft).is_some().then(|| {
        let href = crate::ui::dossier::section_href(&draft.id, crate::dossier::supplement::SUPPLEMENT);
        view! { <p><a class="button button--primary" href=href data-testid="add-papers">{tr!(supplement_link)}</a></p> }
    });
    let heading_id = format!("dossier-{}", draft.id);
    let stored = StoredValue::new(draft.clone());
    let delete = move |_: ()| {
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            let draft = stored.get_value();
            // Refused when another tab wrote the dossier since this list was read (it may have
            // been sent there): the list is read again and shows it.
            if store::delete_draft(&draft).await.is_ok() {
                crate::device::refresh_waiting(Some(device));
            }
            on_deleted.run(());
        });
        #[cfg(not(feature = "csr"))]
        let _ = (stored, device, on_deleted);
    };
    view! {
        <li class="dossier-row" data-dossier=draft.id.clone()>
            <h2 class="dossier-row__title" id=heading_id.clone()>
                <a href=href.clone()>{title.clone()}</a>
            </h2>
            <p class="dossier-row__meta">
                <StateTag state=draft.state.clone() />" "
                <span>{tr!(dossiers_updated)}" "{updated}</span>
                {progress}
            </p>
            {office_status}
            {supplement}
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <p class="actions">
                        <a class="button" href=href.clone()>
                            {if sent { tr!(dossier_receipt_link) } else { tr!(dossiers_resume) }}
                        </a>
                        <button type="button" class="button button--secondary" on:click=move |_| confirming.set(true)>
                            {tr!(dossiers_delete)}
                        </button>
                    </p>
                }
            >
                <Confirm
                    question=tr!(dossiers_delete_confirm)
                    detail=Signal::derive(title.clone())
                    yes=tr!(dossiers_delete_yes)
                    on_yes=Callback::new(delete)
                    on_no=Callback::new(move |_| confirming.set(false))
                />
            </Show>
        </li>
    }
}
