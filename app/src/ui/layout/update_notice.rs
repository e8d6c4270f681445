//! "A new version of Một Cửa is ready": shown when the service worker has installed a new
//! version; it takes over when the resident clicks (or on their next visit), never mid-typing.

use crate::device::{update, use_device};
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let device = use_device();
    view! {
        <Show when=move || device.update_ready.get()>
            <div class="update-notice" role="status">
                <p class="update-notice__inner">
                    <span>{tr!(update_ready)}</span>" "
                    <button type="button" class="button button--small" on:click=move |_| update::apply()>
                        {tr!(update_apply)}
                    </button>
                </p>
            </div>
        </Show>
    }
}
