//! Persistent storage: once a resident keeps a draft, the browser is asked not to clear the
//! site's data when space runs low, and the pages show how much space the portal uses.

/// Space used and available to the portal on this device, and whether the browser agreed to keep
/// the data.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub used: u64,
    pub quota: u64,
    pub persisted: bool,
}

/// Below this much free space (bytes) in the portal's share of the device, a write the browser
/// aborted is taken for a full device: Chromium aborts a transaction that would pass the quota
/// (its `error` is then `QuotaExceededError`, while no request fails), and a photo with its
/// dossier is a few megabytes at most.
pub const NEARLY_FULL: u64 = 32 * 1024 * 1024;

impl Usage {
    /// Whether the portal's share of the device is (nearly) used up ([`NEARLY_FULL`]).
    pub fn is_nearly_full(&self) -> bool {
        self.quota.saturating_sub(self.used) < NEARLY_FULL
    }
}

#[cfg(feature = "csr")]
pub use browser::{persist, usage};

#[cfg(feature = "csr")]
mod browser {
    use super::Usage;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::js_sys::Reflect;

    /// What a promise of a boolean resolves to (false when it fails).
    async fn answer(promise: Result<web_sys::js_sys::Promise, wasm_bindgen::JsValue>) -> bool {
        match promise {
            Ok(promise) => JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false),
            Err(_) => false,
        }
    }

    fn manager() -> Option<web_sys::StorageManager> {
        let navigator = web_sys::window()?.navigator();
        // Old browsers have no storage manager: nothing to ask.
        Reflect::has(&navigator, &"storage".into())
            .ok()?
            .then(|| navigator.storage())
    }

    /// Asks the browser to keep the portal's data (granted silently in most browsers for sites
    /// in use). Returns whether it is kept.
    pub async fn persist() -> bool {
        let Some(manager) = manager() else {
            return false;
        };
        answer(manager.persisted()).await || answer(manager.persist()).await
    }

    pub async fn usage() -> Option<Usage> {
        let manager = manager()?;
        let estimate = JsFuture::from(manager.estimate().ok()?).await.ok()?;
        let number = |key: &str| {
            Reflect::get(&estimate, &key.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as u64
        };
        let persisted = answer(manager.persisted()).await;
        Some(Usage {
            used: number("usage"),
            quota: number("quota"),
            persisted,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MB: u64 = 1024 * 1024;

    fn usage(used: u64, quota: u64) -> Usage {
        Usage {
            used,
            quota,
            persisted: false,
        }
    }

    #[test]
    fn a_device_is_nearly_full_when_less_than_a_few_photos_fit() {
        assert!(usage(590 * MB, 600 * MB).is_nearly_full());
        assert!(usage(600 * MB, 600 * MB).is_nearly_full());
        // Estimates may overshoot the quota.
        assert!(usage(700 * MB, 600 * MB).is_nearly_full());
        assert!(!usage(100 * MB, 600 * MB).is_nearly_full());
        assert!(!usage(0, 10_000 * MB).is_nearly_full());
    }
}
