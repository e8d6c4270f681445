//! What the portal keeps and does on the resident's device: the dossier store (IndexedDB), photos
//! downscaled before they are kept, persistent storage, the network state, the "shared computer"
//! mode, the outbox. Browser-only work sits behind the `csr` feature; the server renders the same
//! components without it.

#[cfg(feature = "csr")]
pub mod catalogue;
pub mod outbox;
pub mod photo;
pub mod shared;
pub mod storage;
pub mod store;

use leptos::prelude::*;

/// The device's state, one for everything running in a page's bundle (its islands and the
/// outbox).
#[derive(Clone, Copy)]
pub struct Device {
    /// The portal can be reached: the browser has a network and the server answers.
    pub online: RwSignal<bool>,
    /// Dossiers waiting on this device to be sent.
    pub waiting: RwSignal<usize>,
    /// "This is a shared computer": nothing is kept after the tab closes.
    pub shared: RwSignal<bool>,
    /// Where each queued dossier stands in the outbox, by draft id.
    pub sending: RwSignal<std::collections::BTreeMap<String, outbox::Sending>>,
}

impl Device {
    /// Fresh state, its signals owned by the current owner.
    fn new() -> Self {
        Device {
            online: RwSignal::new(true),
            waiting: RwSignal::new(0),
            shared: RwSignal::new(false),
            sending: RwSignal::new(Default::default()),
        }
    }
}

#[cfg(feature = "csr")]
thread_local! {
    /// The device's state and the owner of its signals, kept for the page's whole life (an owner
    /// that is dropped disposes of its signals).
    static DEVICE: std::cell::OnceCell<(Owner, Device)> = const { std::cell::OnceCell::new() };
}

/// The device's state; in the browser, one for the whole page, and the first call starts
/// following the network and the dossier store. On the server (where each request's signals live
/// in an arena of its own), the state a page is rendered with: online, nothing waiting.
pub fn use_device() -> Device {
    #[cfg(feature = "csr")]
    {
        DEVICE.with(|cell| {
            cell.get_or_init(|| {
                // Signals of the whole page's life: their owner is a root, child of no island's
                // (an island's owner disposes of its children's signals when it is cleaned up).
                let current = Owner::current();
                if let Some(current) = current.clone() {
                    current.unset();
                }
                let owner = Owner::new();
                if let Some(current) = current {
                    current.set();
                }
                let device = owner.with(Device::new);
                browser::start(device);
                (owner, device)
            })
            .1
        })
    }
    #[cfg(not(feature = "csr"))]
    Device::new()
}

/// Recounts the dossiers waiting to be sent (after a change in the store) and tells the page
/// (`/page.js` shows the number in the header, in every tab).
pub fn refresh_waiting(device: Option<Device>) {
    #[cfg(feature = "csr")]
    {
        let device = device.unwrap_or_else(use_device);
        leptos::task::spawn_local(async move {
            if let Ok(drafts) = store::list_drafts().await {
                browser::publish_waiting(device, waiting_count(&drafts));
            }
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = device;
}

/// Tells the page that nothing waits any more (after everything was cleared from the device).
pub fn nothing_waiting(device: Device) {
    #[cfg(feature = "csr")]
    browser::publish_waiting(device, 0);
    #[cfg(not(feature = "csr"))]
    let _ = device;
}

#[cfg_attr(not(feature = "csr"), allow(dead_code))]
fn waiting_count(drafts: &[crate::dossier::model::Draft]) -> usize {
    use crate::dossier::model::SubmissionState;
    drafts
        .iter()
        .filter(|d| {
            matches!(d.state, SubmissionState::Queued { .. })
                || d.supplement.as_ref().is_some_and(|s| {
                    matches!(
                        s.state,
                        crate::dossier::supplement::SupplementState::Queued { .. }
                    )
                })
        })
        .count()
}

/// Asks again whether the portal answers (after a request failed).
pub fn recheck(device: Device) {
    #[cfg(feature = "csr")]
    browser::probe(device);
    #[cfg(not(feature = "csr"))]
    let _ = device;
}

/// Milliseconds since 1970 by the device's clock.
pub fn now() -> i64 {
    #[cfg(feature = "csr")]
    {
        web_sys::js_sys::Date::now() as i64
    }
    #[cfg(not(feature = "csr"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0)
    }
}

/// A new random id (UUID v4) from the browser's cryptographic random numbers.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    #[cfg(feature = "csr")]
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    #[cfg(not(feature = "csr"))]
    {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        bytes.copy_from_slice(&nanos.to_le_bytes());
    }
    crate::dossier::model::uuid_from(bytes)
}

#[cfg(feature = "csr")]
mod browser {
    use super::*;

    /// Where the count of waiting dossiers is kept for `/page.js` (and other tabs).
    const WAITING_KEY: &str = "motcua.waiting";

    pub fn start(device: Device) {
        let Some(window) = web_sys::window() else {
            return;
        };
        // The browser knows when the device has no network at all; whether the portal answers
        // is asked with one small request when the bundle starts and when the network or the tab
        // comes back. (`/page.js` has the outbox send what waits whenever the portal answers.)
        device.online.set(window.navigator().on_line());
        probe(device);
        // For the page's whole life (the handles are not kept: the listeners stay).
        let _ = window_event_listener(leptos::ev::offline, move |_| device.online.set(false));
        let _ = window_event_listener(leptos::ev::online, move |_| probe(device));
        let _ = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                probe(device);
            }
        });
        device.shared.set(shared::is_on());
        // A shared computer keeps nothing from a tab that was closed. (The count of dossiers
        // waiting is kept up to date by what changes them: see `refresh_waiting`.)
        leptos::task::spawn_local(shared::forget_closed_sessions());
    }

    pub fn publish_waiting(device: Device, count: usize) {
        device.waiting.try_set(count);
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(WAITING_KEY, &count.to_string());
        }
        if let Ok(event) = web_sys::Event::new("motcua:waiting") {
            let _ = window.dispatch_event(&event);
        }
    }

    pub fn probe(device: Device) {
        if !web_sys::window().is_some_and(|w| w.navigator().on_line()) {
            device.online.set(false);
            return;
        }
        leptos::task::spawn_local(async move {
            // HEAD: the answer's status is enough (and an unread body would keep the request
            // open).
            let reachable = gloo_net::http::RequestBuilder::new("/healthz")
                .method(gloo_net::http::Method::HEAD)
                .send()
                .await
                .is_ok_and(|r| r.ok());
            device.online.try_set(reachable);
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dossier::model::{Draft, SubmissionState};
    use std::collections::BTreeMap;

    #[test]
    fn only_queued_dossiers_are_waiting() {
        let mut drafts: Vec<Draft> = (0..4)
            .map(|i| Draft::new(format!("{i}"), "1.001193", BTreeMap::new(), 0))
            .collect();
        drafts[1].state = SubmissionState::Queued { since: 1 };
        drafts[2].state = SubmissionState::Sent {
            tracking_code: "x".into(),
            at: 2,
            receipt: None,
        };
        drafts[3].state = SubmissionState::Queued { since: 3 };
        assert_eq!(waiting_count(&drafts), 2);
        assert!(crate::dossier::model::is_uuid(&new_id()));
    }
}
