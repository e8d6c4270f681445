//! "A new version of Một Cửa is ready": `/page.js` shows it when the service worker has installed
//! a new version; it takes over when the resident clicks (or on their next visit), never
//! mid-typing.

use crate::tr;
use leptos::prelude::*;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    view! {
        <div class="update-notice" role="status" hidden>
            <p class="update-notice__inner">
                <span>{tr!(update_ready)}</span>" "
                <button type="button" class="button button--small" data-update-apply="">
                    {tr!(update_apply)}
                </button>
            </p>
        </div>
    }
}
