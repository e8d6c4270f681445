//! Saved people on dossier pages: fill a person's part of the form from someone kept on the
//! device, and, with the resident's consent, keep the person typed in for next time.

use super::{DraftHandle, text_signal};
use crate::device::store;
use crate::dossier::form::Section;
use crate::dossier::model::Person;
use crate::tr;
use leptos::prelude::*;

/// Keeps the person of `section` (as typed in `form`) on the device ([`Person::kept`]).
pub async fn remember(
    section: &Section,
    form: &crate::dossier::form::Data,
) -> Result<(), store::StoreError> {
    let people = store::list_people().await?;
    match Person::kept(
        &people,
        section,
        form,
        crate::device::now(),
        crate::device::new_id,
    ) {
        Some(person) => store::put_person(&person).await,
        None => Ok(()),
    }
}

/// "Fill in from someone saved on this device": one button per saved person. The form is drawn
/// again (`revision`) with their details in the empty boxes.
#[component]
pub fn PersonPicker(
    handle: DraftHandle,
    section: StoredValue<Section>,
    people: Vec<Person>,
    revision: RwSignal<u32>,
) -> impl IntoView {
    if people.is_empty() {
        return None;
    }
    let buttons = people
        .into_iter()
        .map(|person| {
            let name = person.name().to_string();
            let me = person.me;
            let fill = move |_| {
                section.with_value(|s| handle.update(|d| d.fill_from(s, &person)));
                revision.update(|r| *r += 1);
            };
            view! {
                <li>
                    <button type="button" class="button button--secondary button--small" on:click=fill>
                        {tr!(people_use)}" "<strong>{name}</strong>
                        {me.then(|| view! { " ("{tr!(people_me)}")" })}
                    </button>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <div class="person-picker">
            <p class="person-picker__title">{tr!(people_fill_from)}</p>
            <ul class="person-picker__list">{buttons}</ul>
        </div>
    })
}

/// The consent box: "Remember these details on this device for my next dossiers".
#[component]
pub fn RememberBox(consent: RwSignal<bool>, section: StoredValue<Section>) -> impl IntoView {
    let label = section.with_value(|s| {
        if s.id == "applicant" {
            tr!(people_remember_me)
        } else {
            tr!(people_remember_other)
        }
    });
    let title = text_signal(section.with_value(|s| s.title.clone()));
    view! {
        <div class="remember">
            <input class="checklist__box" type="checkbox" id="remember" prop:checked=move || consent.get()
                on:change=move |ev| consent.set(event_target_checked(&ev)) />
            <label for="remember">{label}<span class="visually-hidden">" ("{title}")"</span></label>
            <p class="hint">{tr!(people_remember_hint)}</p>
        </div>
    }
}
