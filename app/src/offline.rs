//! Offline reading: registers the service worker (`public/sw.js`) and tells it which pages and
//! files to keep. The worker caches; this module only says what.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Keeps every page the resident moves to, so that reloading it works without a network. On the
/// first page, also keeps the files loaded before the service worker took control.
#[component]
pub fn OfflineKeeper() -> impl IntoView {
    let location = use_location();
    Effect::new(move |first: Option<()>| {
        let search = location.search.get();
        // Search results change with every key pressed: not worth a download each. The search
        // itself works offline from the kept index.
        if search.contains("q=") && first.is_some() {
            return;
        }
        let path = location.pathname.get();
        let mut urls = vec![format!("{path}{search}")];
        // A procedure's pages (details, check, result) read its record through the API: keep
        // it too, so that moving between them works without a network.
        if let Some(code) = procedure_code(&path) {
            urls.push(format!("/api/catalogue/procedure?code={code}"));
        }
        #[cfg(feature = "hydrate")]
        browser::keep(urls, first.is_none());
        #[cfg(not(feature = "hydrate"))]
        let _ = (urls, first);
    });
}

/// `1.001193` in `/procedures/1.001193`, `/procedures/1.001193/check`…
fn procedure_code(path: &str) -> Option<&str> {
    let code = path.strip_prefix("/procedures/")?.split('/').next()?;
    let valid = !code.is_empty() && code.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    valid.then_some(code)
}

#[cfg(feature = "hydrate")]
mod browser {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys::{Array, Object, Reflect};

    /// Registers the worker (once: the browser ignores a second registration of the same
    /// script) and sends it the URLs to keep.
    pub fn keep(mut urls: Vec<String>, with_loaded_files: bool) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let container = window.navigator().service_worker();
        // A page loaded under the worker's control went through it, and is kept already.
        if with_loaded_files && container.controller().is_some() && !urls.is_empty() {
            urls.remove(0);
        }
        if with_loaded_files && let Some(performance) = window.performance() {
            let origin = window.location().origin().unwrap_or_default();
            for entry in performance.get_entries_by_type("resource").iter() {
                let name: String = Reflect::get(&entry, &"name".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                if name.starts_with(&format!("{origin}/pkg/"))
                    || name.starts_with(&format!("{origin}/catalogue/"))
                {
                    urls.push(name);
                }
            }
        }
        leptos::task::spawn_local(async move {
            if JsFuture::from(container.register("/sw.js")).await.is_err() {
                return;
            }
            let Ok(ready) = container.ready() else { return };
            let Ok(registration) = JsFuture::from(ready).await else {
                return;
            };
            let registration: web_sys::ServiceWorkerRegistration = registration.into();
            let Some(worker) = registration.active() else {
                return;
            };
            let message = Object::new();
            let list: Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
            let _ = Reflect::set(&message, &"type".into(), &"keep".into());
            let _ = Reflect::set(&message, &"urls".into(), &list);
            let _ = worker.post_message(&message);
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_the_procedure_of_a_page() {
        assert_eq!(
            super::procedure_code("/procedures/1.001193"),
            Some("1.001193")
        );
        assert_eq!(
            super::procedure_code("/procedures/1.001193/check/result"),
            Some("1.001193")
        );
        assert_eq!(super::procedure_code("/procedures"), None);
        assert_eq!(super::procedure_code("/procedures/<x>"), None);
    }
}
