//! "This is a shared computer" (help desks, internet cafés): nothing the resident typed outlives
//! the tab. The switch is remembered in `localStorage`; each tab marks its session in
//! `sessionStorage` (which survives reloads, not closing the tab). When the app starts in a tab
//! with no mark while the switch is on, the previous tab was closed: everything is cleared.
//!
//! "Clear everything from this device" empties the dossier store (drafts, files, saved people),
//! the checklist ticks and the saved copies of pages (their addresses hold eligibility answers).
//! The app itself stays available offline.

const SWITCH: &str = "motcua.shared";
const SESSION: &str = "motcua.session";

#[cfg(feature = "csr")]
fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[cfg(feature = "csr")]
fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

pub fn is_on() -> bool {
    #[cfg(feature = "csr")]
    {
        local()
            .and_then(|s| s.get_item(SWITCH).ok().flatten())
            .as_deref()
            == Some("1")
    }
    #[cfg(not(feature = "csr"))]
    {
        let _ = (SWITCH, SESSION);
        false
    }
}

pub fn set(on: bool) {
    #[cfg(feature = "csr")]
    {
        if let Some(storage) = local() {
            let _ = if on {
                storage.set_item(SWITCH, "1")
            } else {
                storage.remove_item(SWITCH)
            };
        }
        mark_session();
    }
    #[cfg(not(feature = "csr"))]
    let _ = on;
}

#[cfg(feature = "csr")]
fn mark_session() {
    if let Some(storage) = session() {
        let _ = storage.set_item(SESSION, "1");
    }
}

/// On a shared computer, clears what a closed tab left behind.
#[cfg(feature = "csr")]
pub async fn forget_closed_sessions() {
    let new_session = session()
        .and_then(|s| s.get_item(SESSION).ok().flatten())
        .is_none();
    if is_on() && new_session {
        clear_everything().await;
    }
    mark_session();
}

/// Deletes every dossier, file, saved person, checklist tick and saved page from this device.
#[cfg(feature = "csr")]
pub async fn clear_everything() -> bool {
    use wasm_bindgen_futures::JsFuture;
    let cleared = super::store::clear_all().await.is_ok();
    if let Some(storage) = local() {
        let length = storage.length().unwrap_or(0);
        let keys: Vec<String> = (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with("motcua.") && k != SWITCH)
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }
    if let Some(caches) = web_sys::window().and_then(|w| w.caches().ok())
        && let Ok(names) = JsFuture::from(caches.keys()).await
    {
        for name in web_sys::js_sys::Array::from(&names).iter() {
            if let Some(name) = name.as_string()
                && name.starts_with("motcua-pages")
            {
                let _ = JsFuture::from(caches.delete(&name)).await;
            }
        }
    }
    cleared
}
