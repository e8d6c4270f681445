//! "Start the dossier" on the checklist page: makes a draft on the device from the eligibility
//! answers, fills the resident's own details if they kept them, asks the browser to keep the
//! portal's data, and opens the dossier. When the device cannot keep it, the page says what the
//! failure really is (the same sentences as the dossier pages: [`super::StoreProblem`]) and that
//! the checklist can still be taken to the ward's service centre.

use crate::eligibility::model::Text;
use crate::tr;
use leptos::prelude::*;

/// The button appears once the island runs (it needs the device's store).
#[component]
pub fn StartDossier(
    code: String,
    name: Text,
    answers: std::collections::BTreeMap<String, String>,
    form: crate::dossier::form::Data,
    applicant: Option<crate::dossier::form::Section>,
    parts: usize,
) -> impl IntoView {
    let failed = RwSignal::new(None::<crate::device::store::StoreError>);
    let busy = RwSignal::new(false);
    let start = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        #[cfg(feature = "csr")]
        {
            let (code, name, answers) = (code.clone(), name.clone(), answers.clone());
            let (form, applicant) = (form.clone(), applicant.clone());
            leptos::task::spawn_local(async move {
                match create(&code, name, answers, form, applicant, parts).await {
                    Ok(id) => crate::island::go_to(&super::dossier_href(&id)),
                    Err(error) => {
                        failed.try_set(Some(error));
                        busy.try_set(false);
                    }
                }
            });
        }
        #[cfg(not(feature = "csr"))]
        let _ = (&code, &name, &answers, &form, &applicant, parts);
    };
    view! {
        <section class="start-dossier no-print" aria-labelledby="start-dossier-heading" hidden=!cfg!(feature = "csr")>
            <h2 id="start-dossier-heading">{tr!(start_heading)}</h2>
            <p>{tr!(start_text)}</p>
            <button type="button" class="button button--start" on:click=start disabled=move || busy.get()>
                {tr!(start_button)}
            </button>
            {move || failed.get().map(|error| view! {
                <super::StoreProblem error />
                <p data-testid="start-fallback">{tr!(start_fallback)}</p>
            })}
        </section>
    }
}

/// The new draft's id, once it is stored.
#[cfg(feature = "csr")]
async fn create(
    code: &str,
    name: Text,
    answers: std::collections::BTreeMap<String, String>,
    form: crate::dossier::form::Data,
    applicant: Option<crate::dossier::form::Section>,
    parts: usize,
) -> Result<String, crate::device::store::StoreError> {
    use crate::device::{new_id, now, storage, store};
    use crate::dossier::model::Draft;
    let mut draft = Draft::named(new_id(), code, name, answers, form, now());
    draft.progress = Some((0, parts));
    // The idempotency key, fixed with the dossier: every tab and every copy of it sends the
    // dossier under this one key.
    draft.submission_key = Some(new_id());
    // The resident's own details, if they chose to keep them.
    if let Ok(people) = store::list_people().await
        && let Some(me) = people.iter().find(|p| p.me)
        && let Some(applicant) = &applicant
    {
        draft.fill_from(applicant, me);
    }
    store::add_draft(&draft).await?;
    // The first draft kept: ask the browser not to clear the portal's data.
    storage::persist().await;
    Ok(draft.id)
}
