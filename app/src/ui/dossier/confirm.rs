//! "Are you sure?" before anything is deleted from the device: the question, a red button that
//! does it, and one that keeps everything.

use crate::tr;
use leptos::prelude::*;

#[component]
pub fn Confirm(
    question: Signal<String>,
    /// What is about to go, after the question (a dossier's name).
    #[prop(optional, into)]
    detail: Option<Signal<String>>,
    yes: Signal<String>,
    on_yes: Callback<()>,
    on_no: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="confirm" role="alertdialog" aria-label=question>
            <p><strong>{question}</strong>{detail.map(|detail| view! { " "{detail} })}</p>
            <p class="actions">
                <button type="button" class="button button--warning" on:click=move |_| on_yes.run(())>{yes}</button>
                <button type="button" class="button button--secondary" on:click=move |_| on_no.run(())>
                    {tr!(dossiers_delete_no)}
                </button>
            </p>
        </div>
    }
}
