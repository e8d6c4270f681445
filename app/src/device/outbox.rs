//! The outbox: dossiers the resident submitted wait on the device ("queued") until the portal
//! can be reached, then are sent by themselves — when the app starts, when the network comes
//! back, and again after a failure with a growing pause. No Background Sync (only Chromium has
//! it): the app sends whenever it runs. Each dossier carries one idempotency key, fixed when
//! Submit was first pressed, so the server stores it once however often it is sent.
//!
//! Sending a dossier: each attachment is uploaded (with progress), then the dossier itself;
//! the receipt is written to the draft. A refusal the resident must fix (an incomplete
//! dossier, a file the server will not take) marks the draft "failed" with the reason; anything
//! else (no network, a busy server) is tried again.

use crate::dossier::submission::SubmitError;
use serde::{Deserialize, Serialize};

/// Where a queued dossier stands in this tab, shown on its page and in the list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Sending {
    /// No network (or the portal does not answer): sent when it comes back.
    Waiting,
    /// Uploading, this far (0–100) through the dossier's bytes.
    Sending(u8),
    /// A try failed; the next one is at this time (milliseconds since 1970).
    Retrying {
        at: i64,
        error: SubmitError,
    },
    Sent,
    Refused(SubmitError),
}

/// Pause before the `failures`-th retry: 5 s, 10 s, 20 s … at most 5 minutes.
pub fn backoff_millis(failures: u32) -> u32 {
    let step = 5_000u32.saturating_mul(1 << failures.min(6));
    step.min(300_000)
}

/// The longest the outbox waits because the portal asked it to: the portal's clock and the
/// device's differ, and a phone whose clock is behind must not stop sending for long.
pub const MAX_ASKED_WAIT_MILLIS: i64 = 2 * 60_000;

/// Pause before the next try at `now`: the backoff, or longer when the portal said not before
/// `not_before` (milliseconds since 1970, [`SubmitError::Busy`]) — at most
/// [`MAX_ASKED_WAIT_MILLIS`] for that.
pub fn retry_delay(failures: u32, now: i64, not_before: i64) -> u32 {
    let asked = (not_before - now).clamp(0, MAX_ASKED_WAIT_MILLIS) as u32;
    backoff_millis(failures).max(asked)
}

/// The key of a dossier's added papers in [`super::Device::sending`] (the dossier's own id is
/// the dossier's).
pub fn supplement_id(draft_id: &str) -> String {
    format!("{draft_id}+supplement")
}

/// Sends every queued dossier now if this page is not already doing so: `/page.js` calls it (as
/// `send_outbox`, exported by the bundles that hold the outbox) when dossiers wait and the portal
/// has just answered.
pub fn send_now() {
    use leptos::prelude::Set;
    let device = super::use_device();
    // The portal answered `/page.js` a moment ago; this bundle's own question may not have been
    // answered yet (the network just came back), and a pass that took the device for offline
    // would leave the dossiers waiting until the next time the network changes.
    device.online.try_set(true);
    kick(Some(device));
}

/// The outbox runs in a bundle of its own (`outbox`, or the offline kit), beside the page's
/// islands. A page that queued a dossier asks `/page.js` to have it sent (`motcua:send`); the
/// outbox tells the page where each dossier stands (`motcua:sending`, `{id, state}` as JSON), which
/// [`follow`] turns into [`super::Device::sending`].
pub const SEND_EVENT: &str = "motcua:send";
pub const SENDING_EVENT: &str = "motcua:sending";

/// Asks the page to send what waits now (after a dossier or papers were queued).
pub fn request_send(_: Option<super::Device>) {
    #[cfg(feature = "csr")]
    if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(SEND_EVENT)) {
        let _ = window.dispatch_event(&event);
    }
}

/// What the outbox tells the page about one dossier.
#[derive(Serialize, Deserialize)]
#[cfg_attr(not(feature = "csr"), allow(dead_code))]
struct SendingNews {
    id: String,
    state: Sending,
}

/// Follows the outbox's news into the device's sending states (once per page).
pub fn follow() {
    #[cfg(feature = "csr")]
    {
        use std::cell::Cell;
        use wasm_bindgen::JsCast;
        thread_local! {
            static FOLLOWING: Cell<bool> = const { Cell::new(false) };
        }
        if FOLLOWING.replace(true) {
            return;
        }
        let device = super::use_device();
        let _ = leptos::prelude::window_event_listener_untyped(SENDING_EVENT, move |event| {
            let news = event
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|e| e.detail().as_string())
                .and_then(|json| serde_json::from_str::<SendingNews>(&json).ok());
            if let Some(news) = news {
                use leptos::prelude::Update;
                device.sending.try_update(|map| {
                    map.insert(news.id, news.state);
                });
            }
        });
    }
}

/// Sends every queued dossier now if the app is not already doing so.
pub fn kick(device: Option<super::Device>) {
    #[cfg(feature = "csr")]
    if let Some(device) = device {
        browser::kick(device);
    }
    #[cfg(not(feature = "csr"))]
    let _ = device;
}

#[cfg(feature = "csr")]
pub(crate) use browser::upload;

#[cfg(feature = "csr")]
mod browser {
    use super::Sending;
    use crate::device::{Device, now, store};
    use crate::dossier::model::{Attachment, Draft, SubmissionState};
    use crate::dossier::revision;
    use crate::dossier::submission::{Receipt, Status, StatusEvent, SubmitError, Unmet};
    use crate::dossier::supplement::SupplementState;
    use leptos::prelude::*;
    use std::cell::{Cell, RefCell};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    thread_local! {
        static RUNNING: Cell<bool> = const { Cell::new(false) };
        static AGAIN: Cell<bool> = const { Cell::new(false) };
        static FAILURES: Cell<u32> = const { Cell::new(0) };
        /// The portal asked not to send again before this time (its limit per minute).
        static NOT_BEFORE: Cell<i64> = const { Cell::new(0) };
        static RETRY: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
    }

    pub fn kick(device: Device) {
        if RUNNING.get() {
            AGAIN.set(true);
            return;
        }
        RUNNING.set(true);
        RETRY.with(|r| r.borrow_mut().take());
        leptos::task::spawn_local(async move {
            loop {
                AGAIN.set(false);
                let retry = run(device).await;
                if !AGAIN.get() {
                    if retry {
                        schedule_retry(device);
                    }
                    break;
                }
            }
            RUNNING.set(false);
            crate::device::refresh_waiting(Some(device));
        });
    }

    fn schedule_retry(device: Device) {
        let failures = FAILURES.get();
        FAILURES.set(failures.saturating_add(1));
        let delay = super::retry_delay(failures, now(), NOT_BEFORE.get());
        let at = now() + i64::from(delay);
        device.sending.update(|map| {
            for state in map.values_mut() {
                if let Sending::Retrying { at: next, .. } = state {
                    *next = at;
                }
            }
        });
        let timeout = gloo_timers::callback::Timeout::new(delay, move || kick(device));
        RETRY.with(|r| *r.borrow_mut() = Some(timeout));
    }

    fn set(device: Device, id: &str, state: Sending) {
        let news = serde_json::to_string(&super::SendingNews {
            id: id.to_string(),
            state: state.clone(),
        });
        device.sending.try_update(|map| {
            map.insert(id.to_string(), state);
        });
        // The page's islands may run in another bundle.
        let init = web_sys::CustomEventInit::new();
        if let Ok(news) = news {
            init.set_detail(&wasm_bindgen::JsValue::from_str(&news));
        }
        if let (Some(window), Ok(event)) = (
            web_sys::window(),
            web_sys::CustomEvent::new_with_event_init_dict(super::SENDING_EVENT, &init),
        ) {
            let _ = window.dispatch_event(&event);
        }
    }

    /// One pass over the queued dossiers; true when one should be tried again later.
    async fn run(device: Device) -> bool {
        // The portal asked to wait (a kick from `/page.js` comes every 30 s): not before then,
        // and without counting this as a failure.
        let asked = NOT_BEFORE.get().min(now() + super::MAX_ASKED_WAIT_MILLIS) - now();
        if asked > 0 {
            let timeout = gloo_timers::callback::Timeout::new(asked as u32, move || kick(device));
            RETRY.with(|r| *r.borrow_mut() = Some(timeout));
            return false;
        }
        let Ok(drafts) = store::list_drafts().await else {
            return false;
        };
        let mut retry = false;
        for draft in drafts {
            if draft
                .supplement
                .as_ref()
                .is_some_and(|s| matches!(s.state, SupplementState::Queued { .. }))
            {
                retry |= run_supplement(device, &draft).await;
            }
            if !matches!(draft.state, SubmissionState::Queued { .. }) {
                continue;
            }
            if !device.online.get_untracked() {
                // Sent when the network comes back (the `online` event and the health probe).
                set(device, &draft.id, Sending::Waiting);
                continue;
            }
            set(device, &draft.id, Sending::Sending(0));
            match send(device, &draft).await {
                Ok(receipt) => {
                    FAILURES.set(0);
                    // Sent, whatever became of the record meanwhile: a receipt is never dropped.
                    let record = |stored: Option<&Draft>| {
                        Some(revision::received(stored, &draft, receipt, now()))
                    };
                    if store::change_draft(&draft.id, record).await.is_ok() {
                        set(device, &draft.id, Sending::Sent);
                    } else {
                        // Stored on the server; the next pass gets the same receipt again.
                        retry = true;
                    }
                }
                Err(error) if error.is_transient() => {
                    if error == SubmitError::Offline {
                        // The network, or only this request? The health probe tells the badge.
                        crate::device::recheck(device);
                    }
                    let busy = matches!(error, SubmitError::Busy { .. });
                    if let SubmitError::Busy { retry_at } = error {
                        NOT_BEFORE.set(NOT_BEFORE.get().max(retry_at));
                    }
                    set(device, &draft.id, Sending::Retrying { at: 0, error });
                    retry = true;
                    if busy {
                        // The portal is refusing this address just now: the others wait too.
                        break;
                    }
                }
                Err(error) => {
                    let reason = error.clone();
                    let failed = |stored: Option<&Draft>| revision::refused(stored?, reason, now());
                    let _ = store::change_draft(&draft.id, failed).await;
                    set(device, &draft.id, Sending::Refused(error));
                }
            }
        }
        retry
    }

    /// Sends the papers added to a sent dossier; true when it should be tried again later.
    async fn run_supplement(device: Device, draft: &Draft) -> bool {
        let id = super::supplement_id(&draft.id);
        if !device.online.get_untracked() {
            set(device, &id, Sending::Waiting);
            return false;
        }
        set(device, &id, Sending::Sending(0));
        let result = send_supplement(device, draft).await;
        let Some(key) = draft.supplement.as_ref().map(|s| s.key.clone()) else {
            return false;
        };
        let at = now();
        let outcome = match &result {
            Ok(()) => Ok(StatusEvent {
                // Back in the office's queue (the server wrote the same step).
                status: Status::Received,
                at,
                reason: None,
                missing: Vec::new(),
            }),
            Err(error) if error.is_transient() => {
                if *error == SubmitError::Offline {
                    crate::device::recheck(device);
                }
                if let SubmitError::Busy { retry_at } = error {
                    NOT_BEFORE.set(NOT_BEFORE.get().max(*retry_at));
                }
                set(
                    device,
                    &id,
                    Sending::Retrying {
                        at: 0,
                        error: error.clone(),
                    },
                );
                return true;
            }
            Err(error) => Err(error.clone()),
        };
        // The record as stored now (the resident may have moved on), with the outcome.
        let written = store::change_draft(&draft.id, |stored| {
            revision::supplement_outcome(stored?, &key, outcome, at)
        })
        .await;
        match (result, written) {
            (Ok(()), Ok(_)) => {
                FAILURES.set(0);
                set(device, &id, Sending::Sent);
                false
            }
            (Ok(()), Err(_)) => true,
            (Err(error), _) => {
                set(device, &id, Sending::Refused(error));
                false
            }
        }
    }

    async fn send_supplement(device: Device, draft: &Draft) -> Result<(), SubmitError> {
        use crate::api::supplement_dossier::{AddedFile, supplement_dossier};
        let key = draft
            .submission_key
            .clone()
            .ok_or(SubmitError::BadRequest)?;
        let supplement = draft.supplement.as_ref().ok_or(SubmitError::BadRequest)?;
        let id = super::supplement_id(&draft.id);
        upload_all(device, &id, &supplement.key, &supplement.attachments).await?;
        let files = supplement
            .attachments
            .iter()
            .map(|a| AddedFile {
                attachment: a.id.clone(),
                document: a.document.clone(),
                name: a.name.clone(),
                size: a.size,
            })
            .collect();
        supplement_dossier(key, supplement.key.clone(), files).await
    }

    async fn send(device: Device, draft: &Draft) -> Result<Receipt, SubmitError> {
        let key = draft
            .submission_key
            .clone()
            .ok_or(SubmitError::BadRequest)?;
        upload_all(device, &draft.id, &key, &draft.attachments).await?;
        set(device, &draft.id, Sending::Sending(97));
        crate::api::submit_dossier::submit_dossier(key, draft.clone()).await
    }

    /// Uploads `attachments` from the device under `key`, showing the progress (to 95 %) under
    /// `id` in the sending states.
    async fn upload_all(
        device: Device,
        id: &str,
        key: &str,
        attachments: &[Attachment],
    ) -> Result<(), SubmitError> {
        let total: u64 = attachments.iter().map(|a| a.size).sum::<u64>().max(1);
        let mut done = 0u64;
        for attachment in attachments {
            let blob = store::get_file(&attachment.id)
                .await
                .ok()
                .flatten()
                .ok_or_else(|| {
                    SubmitError::NotReady(vec![Unmet::Attachments(attachment.document.clone())])
                })?;
            let id = id.to_string();
            let before = done;
            upload(key, attachment, &blob, move |loaded| {
                let percent = ((before + loaded) * 95 / total).min(95) as u8;
                set(device, &id, Sending::Sending(percent));
            })
            .await
            .map_err(|error| match error {
                SubmitError::Attachment(refusal) => SubmitError::File {
                    name: attachment.name.clone(),
                    refusal,
                },
                error => error,
            })?;
            done += attachment.size;
        }
        Ok(())
    }

    /// Posts one file to the upload server function with `XMLHttpRequest`, the one browser API
    /// that reports upload progress.
    pub(crate) async fn upload(
        key: &str,
        attachment: &Attachment,
        blob: &web_sys::Blob,
        progress: impl Fn(u64) + 'static,
    ) -> Result<(), SubmitError> {
        let offline = |_| SubmitError::Offline;
        let form = web_sys::FormData::new().map_err(offline)?;
        form.append_with_str("key", key).map_err(offline)?;
        form.append_with_str("attachment", &attachment.id)
            .map_err(offline)?;
        form.append_with_str("mime", &attachment.mime)
            .map_err(offline)?;
        form.append_with_blob_and_filename("file", blob, &attachment.name)
            .map_err(offline)?;
        let xhr = web_sys::XmlHttpRequest::new().map_err(offline)?;
        xhr.open("POST", "/api/dossiers/attachment")
            .map_err(offline)?;
        xhr.set_request_header("Accept", "application/json")
            .map_err(offline)?;
        let on_progress =
            Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |event: web_sys::ProgressEvent| {
                if event.length_computable() {
                    progress(event.loaded() as u64);
                }
            });
        if let Ok(upload) = xhr.upload() {
            upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        }
        let done = web_sys::js_sys::Promise::new(&mut |resolve, _reject| {
            // Load, error, abort and timeout all end the request; the status tells which.
            xhr.set_onloadend(Some(&resolve));
        });
        xhr.send_with_opt_form_data(Some(&form)).map_err(offline)?;
        let _ = wasm_bindgen_futures::JsFuture::from(done).await;
        drop(on_progress);
        let status = xhr.status().unwrap_or(0);
        let body = xhr.response_text().ok().flatten().unwrap_or_default();
        match status {
            200..=299 => Ok(()),
            0 => Err(SubmitError::Offline),
            _ => Err(serde_json::from_str(&body).unwrap_or(SubmitError::Unavailable)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_wait_longer_each_time_up_to_five_minutes() {
        assert_eq!(retry_delay(0, 1_000, 0), 5_000);
        assert_eq!(retry_delay(0, 1_000, 61_000), 60_000, "the portal's time");
        assert_eq!(
            retry_delay(6, 1_000, 61_000),
            300_000,
            "the backoff when longer"
        );
        assert_eq!(backoff_millis(0), 5_000);
        assert_eq!(backoff_millis(1), 10_000);
        assert_eq!(backoff_millis(3), 40_000);
        assert_eq!(backoff_millis(6), 300_000);
        assert_eq!(backoff_millis(40), 300_000);
    }
}
