use crate::tr;
use leptos::prelude::*;
use leptos_router::components::A;

/// The bottom of every page, with the help link in the same place everywhere (WCAG 3.2.6), and
/// the sentences `/page.js` may have to say (reading aloud), in the page's language.
#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="site-footer__inner">
                <p class="site-footer__help">
                    <A href="/help" attr:class="site-footer__help-link">{tr!(footer_help)}</A>
                    <span class="site-footer__hint">{tr!(footer_help_hint)}</span>
                </p>
                <p>{tr!(footer_about)}</p>
                <p>{tr!(footer_offline)}</p>
                <p class="site-footer__staff">
                    <a href="/handoff">{tr!(handoff_resident_title)}</a>" · "
                    <a href="/desk/login" rel="nofollow">{tr!(footer_staff)}</a>
                </p>
            </div>
            <div
                id="page-texts"
                hidden
                data-listen-unsupported=tr!(listen_unsupported)
                data-listen-no-voice-vi=tr!(listen_no_voice_vi)
                data-listen-no-voice-en=tr!(listen_no_voice_en)
            ></div>
        </footer>
    }
}
