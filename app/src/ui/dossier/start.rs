//! "Start the dossier" on the checklist page: makes a draft on the device from the eligibility
//! answers, fills the resident's own details if they kept them, asks the browser to keep the
//! portal's data, and opens the dossier.

use crate::catalogue::model::Procedure;
use crate::eligibility::answers::Answers;
#[cfg(feature = "hydrate")]
use crate::eligibility::model::Text;
use crate::i18n::*;
use crate::tr;
use leptos::prelude::*;

// In the browser build the click handler holds the router's navigator and must be cloned; on
// the server it holds only copies.
#[allow(clippy::clone_on_copy)]
#[component]
pub fn StartDossier(procedure: StoredValue<Procedure>, answers: Answers) -> impl IntoView {
    let i18n = use_i18n();
    let ready = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let busy = RwSignal::new(false);
    Effect::new(move |_| ready.set(true));
    let answers = StoredValue::new(answers);
    #[cfg(feature = "hydrate")]
    let navigate = leptos_router::hooks::use_navigate();
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        #[cfg(feature = "hydrate")]
        {
            let (code, name) = procedure.with_value(|p| {
                (
                    p.code.clone(),
                    Text {
                        vi: p.name_vi.clone(),
                        en: p.name_en.clone(),
                    },
                )
            });
            let answers = answers.get_value().0;
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                match create(&code, name, answers).await {
                    Ok(id) => {
                        navigate(&super::dossier_href(&id), Default::default());
                    }
                    Err(_) => {
                        failed.try_set(true);
                        busy.try_set(false);
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (procedure, answers);
    };
    let _ = i18n;
    view! {
        <Show when=move || ready.get()>
            <section class="start-dossier no-print" aria-labelledby="start-dossier-heading">
                <h2 id="start-dossier-heading">{tr!(start_heading)}</h2>
                <p>{tr!(start_text)}</p>
                <button type="button" class="button button--start" on:click=start.clone() disabled=move || busy.get()>
                    {tr!(start_button)}
                </button>
                {move || failed.get().then(|| view! { <p class="error-message" role="alert">{tr!(start_failed)}</p> })}
            </section>
        </Show>
    }
}

/// The new draft's id, once it is stored.
#[cfg(feature = "hydrate")]
async fn create(
    code: &str,
    name: Text,
    answers: std::collections::BTreeMap<String, String>,
) -> Result<String, crate::device::store::StoreError> {
    use crate::device::{new_id, now, storage, store};
    use crate::dossier::form::sections_for;
    use crate::dossier::model::Draft;
    let mut draft = Draft::named(new_id(), code, name, answers, now());
    // The resident's own details, if they chose to keep them.
    if let Ok(people) = store::list_people().await
        && let Some(me) = people.iter().find(|p| p.me)
        && let Some(applicant) = sections_for(code).into_iter().find(|s| s.id == "applicant")
    {
        draft.fill_from(&applicant, me);
    }
    store::put_draft(&draft).await?;
    // The first draft kept: ask the browser not to clear the portal's data.
    storage::persist().await;
    Ok(draft.id)
}
