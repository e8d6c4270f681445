//! "A new version is ready": the service worker installs a new version in the background and
//! keeps it waiting; the page says so, and the new version takes over when the resident clicks
//! (the page reloads, the draft being already saved) or on their next visit — never while they
//! type.

use super::Device;
#[cfg(feature = "hydrate")]
use leptos::prelude::Set;

#[cfg(feature = "hydrate")]
pub fn watch(device: Device) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen_futures::JsFuture;

    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    leptos::task::spawn_local(async move {
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else {
            return;
        };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        let has_controller = {
            let container = container.clone();
            move || container.controller().is_some()
        };
        if registration.waiting().is_some() && has_controller() {
            device.update_ready.set(true);
        }
        // A version being installed: say so once it is installed (and waits).
        let follow = move |installing: web_sys::ServiceWorker| {
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && has_controller() {
                    device.update_ready.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        if let Some(installing) = registration.installing() {
            follow(installing);
        }
        let on_update = {
            let registration = registration.clone();
            Closure::<dyn Fn()>::new(move || {
                if let Some(installing) = registration.installing() {
                    follow(installing.clone());
                }
            })
        };
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}

/// Lets the waiting version take over, then reloads the page into it.
pub fn apply() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::prelude::Closure;
        use wasm_bindgen_futures::JsFuture;
        use web_sys::js_sys::{Object, Reflect};

        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        let reload = Closure::<dyn Fn()>::new(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        leptos::task::spawn_local(async move {
            let Ok(registration) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>()
            else {
                return;
            };
            match registration.waiting() {
                Some(waiting) => {
                    let message = Object::new();
                    let _ = Reflect::set(&message, &"type".into(), &"activate".into());
                    let _ = waiting.post_message(&message);
                }
                // Already taken over (another tab clicked): just reload.
                None => {
                    if let Some(window) = web_sys::window() {
                        let _ = window.location().reload();
                    }
                }
            }
        });
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn watch(_: Device) {}
