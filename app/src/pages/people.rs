//! `/people`: the people whose details the resident chose to keep on this device (themselves,
//! an elderly parent…), to fill in new dossiers — listed, changed and deleted here. Also the
//! "This is a shared computer" switch and "Clear everything from this device".

use crate::clock::today;
#[cfg(feature = "csr")]
use crate::device::store;
use crate::device::{shared, use_device};
use crate::dossier::form::{Data, PERSON_KEYS, saved_person_section};
use crate::dossier::model::Person;
use crate::i18n::*;
use crate::tr;
use crate::ui::check::focus_element;
use crate::ui::dossier::field::{ErrorSummary, FieldInput};
use crate::ui::dossier::{Confirm, Loaded, loading_view};
use crate::ui::layout::PageTitle;
use crate::ui::text::use_locale;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn PeoplePage() -> impl IntoView {
    use crate::island::{Bundle, Island};
    view! {
        <Island bundle=Bundle::People name="people" props=()>
            <People />
        </Island>
    }
}

/// Mounts the page's island (bundle `people`).
#[cfg(feature = "csr")]
pub fn mount_people(element: web_sys::HtmlElement) -> bool {
    crate::island::browser::mount(element, |()| view! { <People /> })
}

/// The island: the people kept on this device, and the shared-computer switch.
#[component]
pub fn People() -> impl IntoView {
    let locale = use_locale();
    let device = use_device();
    let list = RwSignal::new(Loaded::<Vec<Person>>::Loading);
    let editing = RwSignal::new(None::<String>);
    let cleared = RwSignal::new(false);
    let confirm_clear = RwSignal::new(false);
    let reload = move || {
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            list.try_set(store::list_people().await.into());
        });
    };
    Effect::new(move |_| reload());
    let content = move || match list.get() {
        Loaded::Loading => loading_view(tr!(dossiers_loading)).into_any(),
        Loaded::Failed(error) => view! { <crate::ui::dossier::StoreProblem error /> }.into_any(),
        Loaded::Ready(people) if people.is_empty() => {
            view! { <p>{tr!(people_empty)}</p> }.into_any()
        }
        Loaded::Ready(people) => people
            .into_iter()
            .map(|person| {
                let on_changed = Callback::new(move |_| {
                    editing.set(None);
                    reload();
                });
                view! { <PersonCard person editing on_changed /> }
            })
            .collect_view()
            .into_any(),
    };
    let toggle_shared = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        shared::set(on);
        device.shared.set(on);
    };
    let clear = move |_: ()| {
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            shared::clear_everything().await;
            crate::device::nothing_waiting(device);
            confirm_clear.try_set(false);
            cleared.try_set(true);
            list.try_set(Loaded::Ready(Vec::new()));
        });
    };
    view! {
        <PageTitle text=move || td_string!(locale, people_title).to_string() />
        <div class="page page--people">
            <h1>{tr!(people_title)}</h1>
            <p class="lead">{tr!(people_lead)}</p>
            <div class="people-list">{content}</div>
            <section class="shared-computer" aria-labelledby="shared-heading">
                <h2 id="shared-heading">{tr!(shared_heading)}</h2>
                <div class="remember">
                    <input class="checklist__box" type="checkbox" id="shared-switch"
                        prop:checked=move || device.shared.get() on:change=toggle_shared />
                    <label for="shared-switch">{tr!(shared_switch)}</label>
                    <p class="hint">{tr!(shared_hint)}</p>
                </div>
                <Show
                    when=move || confirm_clear.get()
                    fallback=move || view! {
                        <p><button type="button" class="button button--warning" on:click=move |_| {
                            cleared.set(false);
                            confirm_clear.set(true);
                        }>{tr!(clear_everything)}</button></p>
                    }
                >
                    <Confirm
                        question=tr!(clear_confirm)
                        yes=tr!(clear_yes)
                        on_yes=Callback::new(clear)
                        on_no=Callback::new(move |_| confirm_clear.set(false))
                    />
                </Show>
                {move || cleared.get().then(|| view! { <p class="notice notice--good" role="status">{tr!(clear_done)}</p> })}
            </section>
        </div>
    }
}

#[component]
fn PersonCard(
    person: Person,
    editing: RwSignal<Option<String>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let id = person.id.clone();
    let is_editing = {
        let id = id.clone();
        move || editing.get().as_deref() == Some(id.as_str())
    };
    let confirming = RwSignal::new(false);
    let name = person.name().to_string();
    // As the person's papers give it: "27/03/1950", or "năm 1944" when they give only the year.
    let born = crate::dossier::form::shown_date(&person.details, "birth");
    // Only the end of the ID number is shown on the list: someone may look over a shoulder.
    let id_number = person
        .details
        .get("id")
        .filter(|n| n.len() > 4)
        .map(|n| format!("•••{}", &n[n.len() - 4..]));
    let stored = StoredValue::new(person.clone());
    let delete = move |_: ()| {
        #[cfg(feature = "csr")]
        {
            let id = stored.with_value(|p| p.id.clone());
            leptos::task::spawn_local(async move {
                if store::delete_person(&id).await.is_ok() {
                    on_changed.run(());
                }
            });
        }
    };
    let edit_id = id.clone();
    view! {
        <article class="person-card" data-person=id.clone()>
            <h2 class="person-card__name">
                {name.clone()}
                {person.me.then(|| view! { " "<span class="tag tag--muted">{tr!(people_me)}</span> })}
            </h2>
            <p class="person-card__meta">
                {born.map(|b| {
                    let english = crate::ui::check::english();
                    view! { <span>{tr!(people_born)}" "{move || b.get(english.get()).to_string()}</span>" " }
                })}
                {id_number.map(|n| view! { <span>{tr!(people_id)}" "{n}</span> })}
            </p>
            <Show
                when=is_editing.clone()
                fallback=move || {
                    let edit_id = edit_id.clone();
                    view! {
                        <Show
                            when=move || confirming.get()
                            fallback=move || {
                                let edit_id = edit_id.clone();
                                view! {
                                    <p class="actions">
                                        <button type="button" class="button button--secondary"
                                            on:click=move |_| editing.set(Some(edit_id.clone()))>{tr!(people_change)}</button>
                                        <button type="button" class="button button--secondary"
                                            on:click=move |_| confirming.set(true)>{tr!(dossiers_delete)}</button>
                                    </p>
                                }
                            }
                        >
                            <Confirm
                                question=tr!(people_delete_confirm)
                                yes=tr!(dossiers_delete_yes)
                                on_yes=Callback::new(delete)
                                on_no=Callback::new(move |_| confirming.set(false))
                            />
                        </Show>
                    }
                }
            >
                <PersonForm person=stored.get_value() on_saved=on_changed />
            </Show>
        </article>
    }
}

/// Changing a saved person: the same fields, checks and messages as in a dossier.
#[component]
fn PersonForm(person: Person, on_saved: Callback<()>) -> impl IntoView {
    let section = saved_person_section();
    let prefix = section
        .person
        .clone()
        .unwrap_or_else(|| "person".to_string());
    let initial: Data = PERSON_KEYS
        .iter()
        .filter_map(|k| {
            person
                .details
                .get(*k)
                .map(|v| (format!("{prefix}_{k}"), v.clone()))
        })
        .collect();
    let form = RwSignal::new(initial);
    let data = Memo::new(move |_| form.get());
    let on_input = Callback::new(move |(key, value): (String, String)| {
        form.update(|f| {
            f.insert(key, value);
        });
    });
    let problems = RwSignal::new(Vec::new());
    let today = today();
    let fields = StoredValue::new(section.fields.clone());
    let section = StoredValue::new(section);
    let person = StoredValue::new(person);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = section.with_value(|s| form.with_untracked(|f| s.problems(f, today)));
        if !found.is_empty() {
            problems.set(found);
            request_animation_frame(|| focus_element("error-summary"));
            return;
        }
        let mut updated = person.get_value();
        updated.details =
            section.with_value(|s| form.with_untracked(|f| Person::details_from(s, f)));
        updated.updated = crate::device::now();
        #[cfg(feature = "csr")]
        leptos::task::spawn_local(async move {
            if store::put_person(&updated).await.is_ok() {
                on_saved.run(());
            }
        });
        #[cfg(not(feature = "csr"))]
        let _ = (updated, on_saved);
    };
    let inputs = fields
        .get_value()
        .into_iter()
        .map(|field| view! { <FieldInput field data on_input problems today read_only=false /> })
        .collect_view();
    view! {
        <ErrorSummary problems fields />
        <form class="dossier-form" method="post" novalidate=true on:submit=save>
            {inputs}
            <button type="submit" class="button">{tr!(people_save)}</button>
        </form>
    }
}
