//! The online/offline badge in the header, always visible, with the number of dossiers waiting
//! on this device to be sent (a link to them).

use crate::device::use_device;
use crate::i18n::*;
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn NetworkBadge() -> impl IntoView {
    let i18n = use_i18n();
    let device = use_device();
    let online = move || device.online.get();
    let waiting = move || {
        let n = device.waiting.get();
        (n > 0).then(|| {
            view! {
                <a class="network__waiting" href="/dossiers" data-testid="waiting-count">
                    {move || t_string!(i18n, network_waiting, n = n).to_string()}
                </a>
            }
        })
    };
    view! {
        <div class="network" aria-live="polite" data-online=move || online().to_string()>
            <span class="network__badge" class:network__badge--offline=move || !online()>
                <span class="network__dot" aria-hidden="true"></span>
                {move || if online() { tr!(network_online) } else { tr!(network_offline) }}
            </span>
            {waiting}
        </div>
    }
}
