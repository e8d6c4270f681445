//! What the portal keeps and does on the resident's device: the dossier store (IndexedDB), photos
//! downscaled before they are kept, persistent storage, the network state, the "shared computer"
//! mode, and the notice that a new version of the app is ready. Browser-only work sits behind
//! the `hydrate` feature; the server renders the same components without it.

pub mod outbox;
pub mod photo;
pub mod shared;
#[cfg(feature = "hydrate")]
pub mod speech;
pub mod storage;
pub mod store;
pub mod update;

use leptos::prelude::*;

/// The device's state, shared by the header and the dossier pages.
#[derive(Clone, Copy)]
pub struct Device {
    /// The portal can be reached: the browser has a network and the server answers.
    pub online: RwSignal<bool>,
    /// Dossiers waiting on this device to be sent.
    pub waiting: RwSignal<usize>,
    /// "This is a shared computer": nothing is kept after the tab closes.
    pub shared: RwSignal<bool>,
    /// A new version of the app is installed and waits for the resident's go-ahead.
    pub update_ready: RwSignal<bool>,
    /// Where each queued dossier stands in the outbox, by draft id.
    pub sending: RwSignal<std::collections::BTreeMap<String, outbox::Sending>>,
}

/// Provides [`Device`] to the app and, in the browser, starts following the network and the
/// dossier store. Call once, at the root.
pub fn provide_device() -> Device {
    let device = Device {
        online: RwSignal::new(true),
        waiting: RwSignal::new(0),
        shared: RwSignal::new(false),
        update_ready: RwSignal::new(false),
        sending: RwSignal::new(Default::default()),
    };
    provide_context(device);
    // Whenever the portal can be reached (the page opens, the network comes back), the outbox
    // sends what waits.
    Effect::new(move |_| {
        if device.online.get() {
            outbox::kick(Some(device));
        }
    });
    // After hydration: the server cannot know any of this.
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        browser::start(device);
    });
    device
}

pub fn use_device() -> Device {
    use_context::<Device>().expect("provide_device() at the root")
}

/// Recounts the dossiers waiting to be sent (after a change in the store).
pub fn refresh_waiting(device: Option<Device>) {
    #[cfg(feature = "hydrate")]
    if let Some(device) = device {
        leptos::task::spawn_local(async move {
            if let Ok(drafts) = store::list_drafts().await {
                device.waiting.try_set(waiting_count(&drafts));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = device;
}

#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
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
    #[cfg(feature = "hydrate")]
    browser::probe(device);
    #[cfg(not(feature = "hydrate"))]
    let _ = device;
}

/// Milliseconds since 1970 by the device's clock.
pub fn now() -> i64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::js_sys::Date::now() as i64
    }
    #[cfg(not(feature = "hydrate"))]
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
    #[cfg(feature = "hydrate")]
    if let Some(crypto) = web_sys::window().and_then(|w| w.crypto().ok()) {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        bytes.copy_from_slice(&nanos.to_le_bytes());
    }
    crate::dossier::model::uuid_from(bytes)
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;

    pub fn start(device: Device) {
        let Some(window) = web_sys::window() else {
            return;
        };
        // The browser knows when the device has no network at all; whether the portal answers
        // is asked with one small request when the page opens, when the network or the tab
        // comes back, and every 30 seconds while it does not answer.
        probe(device);
        let offline = Closure::<dyn Fn()>::new(move || device.online.set(false));
        let _ =
            window.add_event_listener_with_callback("offline", offline.as_ref().unchecked_ref());
        offline.forget();
        let online = Closure::<dyn Fn()>::new(move || probe(device));
        let _ = window.add_event_listener_with_callback("online", online.as_ref().unchecked_ref());
        online.forget();
        let visible = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                probe(device);
            }
        });
        let _ = document()
            .add_event_listener_with_callback("visibilitychange", visible.as_ref().unchecked_ref());
        visible.forget();
        let retry = Closure::<dyn Fn()>::new(move || {
            if !device.online.get_untracked()
                && document().visibility_state() == web_sys::VisibilityState::Visible
            {
                probe(device);
            }
        });
        let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
            retry.as_ref().unchecked_ref(),
            30_000,
        );
        retry.forget();
        device.shared.set(shared::is_on());
        leptos::task::spawn_local(async move {
            // A shared computer keeps nothing from a tab that was closed.
            shared::forget_closed_sessions().await;
            if let Ok(drafts) = store::list_drafts().await {
                device.waiting.set(waiting_count(&drafts));
            }
        });
        update::watch(device);
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
