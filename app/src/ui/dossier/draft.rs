//! The draft a dossier page works on: read from the device's store when the page runs, changed
//! through [`DraftHandle::update`], and written back at most [`SAVE_DELAY_MS`] after the last
//! change (and at once when the page is hidden or left). Saves never overlap: a change made
//! during a save is written right after it.
//!
//! Other tabs may have the same dossier open. Each write goes with the stored record this tab's
//! copy started from (its base), by the rules of [`crate::dossier::revision`]; when another tab
//! writes the dossier, this one hears of it at once ([`store::on_draft_changed`]) and shows the
//! stored record with its own unsaved changes on top (or that the dossier was queued, sent or
//! deleted there).

use crate::device::store::StoreError;
use crate::device::{self, Device};
#[cfg(feature = "csr")]
use crate::device::{refresh_waiting, store};
use crate::dossier::model::{Draft, SubmissionState, hanoi_time};
#[cfg(feature = "csr")]
use crate::dossier::revision::{Write, rebase_copy};
use crate::i18n::*;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// How long after the last keystroke a draft is written to the device.
pub const SAVE_DELAY_MS: u32 = 300;

#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    Ready,
    /// No dossier with this id on this device.
    Missing,
    Failed(StoreError),
}

#[derive(Clone, Copy)]
pub struct DraftHandle {
    pub draft: RwSignal<Option<Draft>>,
    pub load: RwSignal<Load>,
    /// When the draft was last written to the device.
    pub saved_at: RwSignal<Option<i64>>,
    /// Changes not yet written.
    pub pending: RwSignal<bool>,
    pub error: RwSignal<Option<StoreError>>,
    /// The record as the device keeps it, that the copy in [`DraftHandle::draft`] started from.
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    base: StoredValue<Option<Draft>>,
    /// A write is under way: the page says "Saving…" until it ends, never "Saved" before.
    saving: RwSignal<bool>,
    again: StoredValue<bool>,
    /// Another tab wrote the dossier while this one was saving: read it again after the save.
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    news: StoredValue<bool>,
    /// What sends a dossier once it is written queued (the outbox), on the pages that queue one
    /// ([`DraftHandle::sends_with`]); the other pages' bundles do without its code.
    send: StoredValue<Option<Sender>>,
    #[cfg_attr(not(feature = "csr"), allow(dead_code))]
    device: Option<Device>,
    #[cfg(feature = "csr")]
    timer: StoredValue<Option<gloo_timers::callback::Timeout>, LocalStorage>,
    /// What writes the draft to the device: none on a page that only shows it (its bundle then
    /// does without the code that writes drafts).
    #[cfg(feature = "csr")]
    saver: StoredValue<Option<Saver>>,
}

/// Starts sending what waits in the outbox.
type Sender = fn(Option<Device>);

/// How a page that changes drafts writes them, and keeps the changes not yet written when
/// another tab writes first: the code a page that only shows a draft does without.
#[cfg(feature = "csr")]
#[derive(Clone, Copy)]
struct Saver {
    /// Writes a copy of a draft (and the record it started from) to the device's store.
    write: fn(
        Option<Draft>,
        Draft,
    ) -> futures::future::LocalBoxFuture<'static, Result<Write, StoreError>>,
    /// [`rebase_copy`].
    rebase: fn(&Draft, &Draft, &Draft) -> Draft,
}

/// Loads the dossier `id` from the device once the page runs in the browser; changes to it are
/// written back.
pub fn use_draft(id: Signal<String>) -> DraftHandle {
    let handle = use_draft_view(id);
    #[cfg(feature = "csr")]
    {
        // Another page is a new document, and a write still waiting (or under way) when this one
        // goes is lost: leaving by a link writes first, then follows it (as "Save and continue").
        let leave = window_event_listener(leptos::ev::click, move |ev| {
            if let Some(href) = leaving_by_link(&ev)
                && (handle.pending.get_untracked() || handle.saving.get_untracked())
            {
                ev.prevent_default();
                handle.save_and_go(href);
            }
        });
        on_cleanup(move || leave.remove());
    }
    #[cfg(feature = "csr")]
    handle.saver.set_value(Some(Saver {
        write: |base, draft| {
            Box::pin(async move {
                let written = store::write_draft(base.as_ref(), &draft).await;
                // The header's count of dossiers waiting to be sent may have changed.
                refresh_waiting(None);
                written
            })
        },
        rebase: rebase_copy,
    }));
    handle
}

/// Calls `changed(id, revision)` whenever a tab (this one included) writes a dossier (revision
/// 0: deleted), for as long as the calling component lives ([`store::on_draft_changed`]).
#[cfg(feature = "csr")]
pub fn use_draft_changed(changed: impl Fn(String, u64) + 'static) {
    let listener = StoredValue::new_local(store::on_draft_changed(changed));
    on_cleanup(move || drop(listener.try_update_value(Option::take)));
}

/// The address a plain click on a link of the portal opens in this tab, if it leaves this page.
#[cfg(feature = "csr")]
fn leaving_by_link(ev: &web_sys::MouseEvent) -> Option<String> {
    use wasm_bindgen::JsCast;
    if ev.default_prevented()
        || ev.button() != 0
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || ev.alt_key()
    {
        return None;
    }
    let link = ev
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("a[href]")
        .ok()??;
    if link.has_attribute("target") || link.has_attribute("download") {
        return None;
    }
    let here = window().location();
    let url = web_sys::Url::new_with_base(&link.get_attribute("href")?, &here.href().ok()?).ok()?;
    let same_page =
        url.pathname() == here.pathname().ok()? && url.search() == here.search().ok()?;
    (url.origin() == here.origin().ok()? && !same_page).then(|| url.href())
}

/// Loads the dossier `id` from the device to be shown, never written (a sent dossier's receipt).
pub fn use_draft_view(id: Signal<String>) -> DraftHandle {
    let handle = DraftHandle {
        draft: RwSignal::new(None),
        load: RwSignal::new(Load::Loading),
        saved_at: RwSignal::new(None),
        pending: RwSignal::new(false),
        error: RwSignal::new(None),
        base: StoredValue::new(None),
        saving: RwSignal::new(false),
        again: StoredValue::new(false),
        news: StoredValue::new(false),
        send: StoredValue::new(None),
        device: cfg!(feature = "csr").then(crate::device::use_device),
        #[cfg(feature = "csr")]
        timer: StoredValue::new_local(None),
        #[cfg(feature = "csr")]
        saver: StoredValue::new(None),
    };
    Effect::new(move |_| {
        let id = id.get();
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            match store::get_draft(&id).await {
                Ok(Some(stored)) => {
                    handle.saved_at.set(Some(stored.updated));
                    handle.base.set_value(Some(stored.clone()));
                    handle.draft.set(Some(stored));
                    handle.load.set(Load::Ready);
                }
                Ok(None) => handle.load.set(Load::Missing),
                Err(error) => handle.load.set(Load::Failed(error)),
            }
        });
        #[cfg(not(feature = "csr"))]
        let _ = id;
    });
    // Another tab (or the outbox) wrote this dossier: show what the device keeps now.
    #[cfg(feature = "csr")]
    use_draft_changed(move |changed, revision| {
        let known = handle
            .base
            .try_with_value(|b| b.as_ref().map(|b| (b.id.clone(), b.revision)))
            .flatten();
        if let Some((id, seen)) = known
            && id == changed
            && revision != seen
        {
            handle.reload();
        }
    });
    #[cfg(feature = "csr")]
    {
        // Leaving or hiding the page (switching app, locking the phone) writes at once.
        let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                handle.save_now();
            }
        });
        let left = window_event_listener(leptos::ev::pagehide, move |_| handle.save_now());
        on_cleanup(move || {
            hidden.remove();
            left.remove();
            handle.save_now();
        });
    }
    handle
}

impl DraftHandle {
    /// `send` (the outbox) sends the dossier, or its added papers, once written queued.
    pub fn sends_with(&self, send: Sender) {
        self.send.set_value(Some(send));
    }

    /// Changes the draft (only while it is a draft) and schedules the save.
    pub fn update(&self, change: impl FnOnce(&mut Draft)) {
        self.change_when(Draft::is_editable, change);
    }

    /// Changes the draft if `allowed` says so, and schedules the save; true if it changed.
    fn change_when(
        &self,
        allowed: impl Fn(&Draft) -> bool,
        change: impl FnOnce(&mut Draft),
    ) -> bool {
        let mut changed = false;
        self.draft.update(|draft| {
            if let Some(draft) = draft
                && allowed(draft)
            {
                change(draft);
                draft.updated = device::now();
                changed = true;
            }
        });
        if changed {
            self.pending.set(true);
            self.schedule();
        }
        changed
    }

    /// Keeps how far along the dossier is (counted by a page that has its form), for the list of
    /// dossiers; not a change of the dossier (its "last changed" time stays).
    pub fn note_progress(&self, progress: (usize, usize)) {
        let mut changed = false;
        self.draft.update(|draft| {
            if let Some(draft) = draft
                && draft.is_editable()
                && draft.progress != Some(progress)
            {
                draft.progress = Some(progress);
                changed = true;
            }
        });
        if changed {
            self.pending.set(true);
            self.schedule();
        }
    }

    /// Puts the dossier in the outbox: fixes its idempotency key (once for good) and writes it
    /// at once; the write starts the sending. Does nothing unless it is a draft, so a second
    /// press of Submit cannot queue it twice.
    pub fn submit(&self) {
        self.update(|draft| {
            if draft.submission_key.is_none() {
                draft.submission_key = Some(device::new_id());
            }
            draft.state = SubmissionState::Queued {
                since: device::now(),
            };
        });
        self.save_now();
    }

    /// Starts the papers to add for the office's current request (once; the sending's key is
    /// fixed now, so however often it is sent the office stores it once).
    pub fn start_supplement(&self) {
        use crate::dossier::supplement::{asked, current, start};
        let needed = |d: &Draft| asked(d).is_some() && current(d).is_none();
        if self.change_when(needed, |d| {
            start(d, device::new_id);
        }) {
            self.save_now();
        }
    }

    /// Changes the papers being added (while not queued or sent).
    pub fn update_supplement(
        &self,
        change: impl FnOnce(&mut crate::dossier::supplement::Supplement),
    ) -> bool {
        use crate::dossier::supplement::{Supplement, current};
        let editable = |d: &Draft| current(d).is_some_and(Supplement::is_editable);
        self.change_when(editable, |d| {
            if let Some(supplement) = d.supplement.as_mut() {
                change(supplement);
            }
        })
    }

    /// Puts the added papers in the outbox, if every paper asked for has a file.
    pub fn send_supplement(&self) {
        use crate::dossier::supplement::{Supplement, SupplementState, current, unmet};
        let ready =
            |d: &Draft| current(d).is_some_and(Supplement::is_editable) && unmet(d).is_empty();
        if self.change_when(ready, |d| {
            if let Some(supplement) = d.supplement.as_mut() {
                supplement.state = SupplementState::Queued {
                    since: device::now(),
                };
            }
        }) {
            self.save_now();
        }
    }

    /// Makes a dossier the server refused editable again (its key stays: nothing was stored).
    pub fn reopen(&self) {
        let failed = |d: &Draft| matches!(d.state, SubmissionState::Failed { .. });
        if self.change_when(failed, |d| d.state = SubmissionState::Draft) {
            self.save_now();
        }
    }

    /// Reads the draft from the device again (after the outbox or another tab changed it): the
    /// stored record, with this tab's changes not yet written on top. While a write is under way
    /// its outcome brings the stored record instead.
    pub fn reload(&self) {
        #[cfg(feature = "csr")]
        {
            let handle = *self;
            let Some(id) = self
                .draft
                .with_untracked(|d| d.as_ref().map(|d| d.id.clone()))
            else {
                return;
            };
            leptos::task::spawn_local(async move {
                if handle.saving.try_get_untracked() != Some(false) {
                    // Its outcome may predate that write: read again once it ends.
                    let _ = handle.news.try_set_value(true);
                    return;
                }
                match store::get_draft(&id).await {
                    Ok(Some(stored)) => handle.adopt(Write::Keep(stored), None),
                    Ok(None) => handle.adopt(Write::Gone, None),
                    Err(_) => {}
                }
            });
        }
    }

    /// Shows what the device keeps after a write (or a change elsewhere): `written` (the record
    /// the write of `sent` gave, or the stored record), with the changes made in this tab since
    /// `sent` on top (`None`: since the base).
    #[cfg(feature = "csr")]
    fn adopt(&self, written: Write, sent: Option<Draft>) {
        let Some(record) = written.record().cloned() else {
            self.timer.try_set_value(None);
            self.pending.try_set(false);
            self.load.try_set(Load::Missing);
            return;
        };
        // An older write's outcome, after a newer one's: nothing to learn.
        if self
            .base
            .try_with_value(|b| b.as_ref().is_some_and(|b| b.revision > record.revision))
            == Some(true)
        {
            return;
        }
        let Some(from) = sent.or_else(|| self.base.try_get_value().flatten()) else {
            return;
        };
        let shown = self.draft.try_get_untracked().flatten();
        // A page that only shows the dossier has no changes of its own to keep.
        let next = match (&shown, self.saver.try_get_value().flatten()) {
            (Some(shown), Some(saver)) => (saver.rebase)(&from, shown, &record),
            _ => record.clone(),
        };
        let unsaved = shown.as_ref().is_some_and(|shown| *shown != from) && next != record;
        self.base.try_set_value(Some(record.clone()));
        self.saved_at.try_set(Some(record.updated));
        if shown.as_ref() != Some(&next) {
            self.draft.try_set(Some(next));
        }
        if !unsaved {
            self.pending.try_set(false);
        }
    }

    fn schedule(&self) {
        #[cfg(feature = "csr")]
        {
            let handle = *self;
            let timeout = gloo_timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                handle.save_now();
            });
            // Replacing the timer drops (cancels) the previous one.
            self.timer.set_value(Some(timeout));
        }
    }

    /// Changes the draft by `change` (false: the change does not apply) and writes it at once
    /// with a file's bytes (`attachment`'s), both in one transaction; true when the device keeps
    /// the file (false: the dossier was queued or sent meanwhile, in another tab).
    #[cfg(feature = "csr")]
    pub async fn keep_file(
        &self,
        change: impl FnOnce(&mut Draft) -> bool,
        attachment: &str,
        blob: &web_sys::Blob,
    ) -> Result<bool, StoreError> {
        let base = self.base.get_value();
        let Some(before) = self.draft.get_untracked() else {
            return Ok(false);
        };
        let mut mine = before.clone();
        if !change(&mut mine) {
            return Ok(false);
        }
        mine.updated = device::now();
        let written =
            store::write_draft_with_file(base.as_ref(), &mine, Some((attachment, blob))).await?;
        let kept = written.record().is_some_and(|record| {
            let added = record.supplement.iter().flat_map(|s| &s.attachments);
            record
                .attachments
                .iter()
                .chain(added)
                .any(|a| a.id == attachment)
        });
        // What was typed meanwhile stays, on top of the record written.
        self.adopt(written, Some(before));
        refresh_waiting(None);
        Ok(kept)
    }

    /// Writes the draft now, then opens `href`. Another page is a new document: leaving before
    /// the write has ended could lose it, so the page changes only once the draft is on the
    /// device; if it cannot be written (device full), the resident stays, and [`SaveStatus`] says
    /// why.
    pub fn save_and_go(&self, href: String) {
        #[cfg(feature = "csr")]
        {
            let handle = *self;
            let _ = self.timer.try_set_value(None);
            let draft = self.draft.get_untracked();
            let base = self.base.get_value();
            let save = self.saver.get_value();
            leptos::task::spawn_local(async move {
                if let (Some(draft), Some(save)) = (draft, save) {
                    match (save.write)(base, draft.clone()).await {
                        // Written: a save still running or scheduled has nothing newer to write.
                        Ok(written) => handle.adopt(written, Some(draft)),
                        Err(error) => {
                            handle.error.try_set(Some(error));
                            return;
                        }
                    }
                }
                crate::island::go_to(&href);
            });
        }
        #[cfg(not(feature = "csr"))]
        let _ = href;
    }

    /// Writes the draft now if anything changed (one save at a time).
    pub fn save_now(&self) {
        if self.pending.try_get_untracked() != Some(true) {
            return;
        }
        if self.saving.try_get_untracked() != Some(false) {
            let _ = self.again.try_set_value(true);
        } else {
            self.write();
        }
    }

    /// Starts writing the draft as it is now.
    fn write(&self) {
        #[cfg(feature = "csr")]
        {
            let _ = self.timer.try_set_value(None);
            let handle = *self;
            let Some(draft) = self.draft.try_get_untracked().flatten() else {
                return;
            };
            let Some(save) = self.saver.try_get_value().flatten() else {
                return;
            };
            let base = self.base.try_get_value().flatten();
            self.saving.try_set(true);
            self.pending.try_set(false);
            // The page may be gone when the save ends (a save on leaving it): hence `try_`.
            leptos::task::spawn_local(async move {
                let result = (save.write)(base, draft.clone()).await;
                handle.saving.try_set(false);
                match result {
                    Ok(written) => {
                        handle.error.try_set(None);
                        // The dossier as the device keeps it now may have been queued here or in
                        // another tab: either way the outbox sends it (under its one key).
                        let queued = written.record().is_some_and(|record| {
                            matches!(record.state, SubmissionState::Queued { .. })
                                || record.supplement.as_ref().is_some_and(|s| {
                                    matches!(
                                        s.state,
                                        crate::dossier::supplement::SupplementState::Queued { .. }
                                    )
                                })
                        });
                        handle.adopt(written, Some(draft));
                        if queued && let Some(send) = handle.send.try_get_value().flatten() {
                            send(handle.device);
                        }
                    }
                    Err(error) => {
                        handle.pending.try_set(true);
                        handle.error.try_set(Some(error));
                    }
                }
                if handle.again.try_get_value() == Some(true) {
                    let _ = handle.again.try_set_value(false);
                    handle.save_now();
                }
                if handle.news.try_get_value() == Some(true) {
                    let _ = handle.news.try_set_value(false);
                    handle.reload();
                }
            });
        }
    }
}

/// "Một Cửa uses 580 MB; the browser allows it about 600 MB.", once `usage` is known.
fn use_usage_sentence(
    usage: RwSignal<Option<crate::device::storage::Usage>>,
) -> impl Fn() -> Option<String> + Copy {
    let locale = use_locale();
    let english = crate::ui::check::english();
    move || {
        usage.get().map(|u| {
            let size = |bytes| crate::dossier::model::readable_size(bytes, english.get());
            td_string!(
                locale,
                store_full_usage,
                used = size(u.used),
                quota = size(u.quota)
            )
            .to_string()
        })
    }
}

/// "Saved on this device at 14:32", or what went wrong, announced politely.
#[component]
pub fn SaveStatus(handle: DraftHandle) -> impl IntoView {
    let locale = use_locale();
    // When the device is full: how much the portal uses, beside what to delete.
    let usage = RwSignal::new(None::<crate::device::storage::Usage>);
    #[cfg(feature = "csr")]
    Effect::new(move |_| {
        if handle.error.with(|e| e == &Some(StoreError::Full)) {
            leptos::task::spawn_local(async move {
                usage.try_set(crate::device::storage::usage().await);
            });
        }
    });
    let used = use_usage_sentence(usage);
    let text = move || {
        if let Some(error) = handle.error.get() {
            return match error {
                StoreError::Full => {
                    let full = td_string!(locale, save_failed_full).to_string();
                    match used() {
                        Some(used) => format!("{full} {used}"),
                        None => full,
                    }
                }
                _ => td_string!(locale, save_failed).to_string(),
            };
        }
        if handle.pending.get() || handle.saving.get() {
            return td_string!(locale, save_pending).to_string();
        }
        match handle.saved_at.get() {
            Some(at) => td_string!(locale, save_done, time = hanoi_time(at)).to_string(),
            None => String::new(),
        }
    };
    let class = move || {
        if handle.error.with(Option::is_some) {
            "save-status save-status--error"
        } else {
            "save-status"
        }
    };
    view! { <p class=class role="status" data-testid="save-status">{text}</p> }
}

/// A page of one dossier: the title, then while the dossier is read from the device a loading
/// line (what the server renders), then `ready` or why it cannot be shown.
#[component]
pub fn DraftFrame(handle: DraftHandle, ready: Callback<(), AnyView>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <leptos_meta::Title text=move || td_string!(locale, dossier_title).to_string() />
        {move || match handle.load.get() {
            Load::Loading => view! { <div class="page">{super::loading_view(tr!(dossier_loading))}</div> }.into_any(),
            Load::Ready => ready.run(()),
            other => view! { <DraftUnavailable load=other /> }.into_any(),
        }}
    }
}

/// The message for a dossier that cannot be shown (not on this device, or the store failed).
#[component]
pub fn DraftUnavailable(load: Load) -> impl IntoView {
    let body = match load {
        Load::Failed(error) => view! {
            <h1>{tr!(dossier_store_failed_title)}</h1>
            <StoreProblem error />
        }
        .into_any(),
        _ => view! {
            <h1>{tr!(dossier_missing_title)}</h1>
            <p>{tr!(dossier_missing_text)}</p>
        }
        .into_any(),
    };
    view! {
        <div class="page">
            {body}
            <p><a class="button" href="/dossiers">{tr!(dossiers_title)}</a></p>
        </div>
    }
}

/// What a failure of the device's store really is, and what to do: a newer version of the portal
/// ran on this device (reload to get it), the device is full (how much is used, what to delete),
/// the browser keeps nothing for the site, or another refusal (reload).
#[component]
pub fn StoreProblem(error: StoreError) -> impl IntoView {
    let text = match error {
        StoreError::Newer => tr!(store_newer_text),
        StoreError::Full => tr!(store_full_text),
        StoreError::Unavailable => tr!(store_unavailable_text),
        StoreError::Browser(_) => tr!(dossier_store_failed_text),
    };
    let usage = RwSignal::new(None::<crate::device::storage::Usage>);
    #[cfg(feature = "csr")]
    if error == StoreError::Full {
        leptos::task::spawn_local(async move {
            usage.try_set(crate::device::storage::usage().await);
        });
    }
    let used = use_usage_sentence(usage);
    let reload = matches!(error, StoreError::Newer | StoreError::Browser(_));
    let kind = match error {
        StoreError::Newer => "newer",
        StoreError::Full => "full",
        StoreError::Unavailable => "unavailable",
        StoreError::Browser(_) => "browser",
    };
    view! {
        <div class="notice notice--warning" role="alert" data-testid="store-problem" data-problem=kind>
            <p>{text}" "{used}</p>
            {reload.then(|| view! {
                <p><a class="button" href="" data-testid="store-reload">{tr!(store_reload)}</a></p>
            })}
        </div>
    }
}
