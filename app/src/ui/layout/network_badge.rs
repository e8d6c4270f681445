//! The online/offline badge in the header, always visible, with the number of dossiers waiting on
//! this device to be sent (a link to them). The server renders both states; `/page.js` asks
//! whether the portal answers and sets `data-online`, and shows the count the dossier store keeps
//! (`data-template` holds the sentence, `{n}` the number).

use crate::i18n::*;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[component]
pub fn NetworkBadge() -> impl IntoView {
    let locale = use_locale();
    let template = td_string!(locale, network_waiting, n = "{n}").to_string();
    view! {
        <div class="network" aria-live="polite" data-online="true">
            <span class="network__badge network__badge--online">
                <span class="network__dot" aria-hidden="true"></span>
                {tr!(network_online)}
            </span>
            <span class="network__badge network__badge--offline">
                <span class="network__dot" aria-hidden="true"></span>
                {tr!(network_offline)}
            </span>
            <a class="network__waiting" href="/dossiers" data-testid="waiting-count" data-template=template hidden></a>
        </div>
    }
}
