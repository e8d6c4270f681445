use super::procedures_href;
use crate::catalogue::model::LifeEvent;
use crate::catalogue::source;
use crate::tr;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::Form;
use leptos_router::hooks::use_navigate;

/// The catalogue's search box. Before the wasm loads it is a plain GET form to `/procedures`;
/// once hydrated it fetches the search index on first focus and, when `live`, shows results as
/// you type by updating the address (`?q=`), which the results follow.
#[component]
pub fn SearchForm(
    /// The current query, shown in the box.
    #[prop(into)]
    query: Signal<String>,
    /// Keep searching within this life event.
    #[prop(optional, into)]
    event: Signal<Option<LifeEvent>>,
    /// Update the results while typing (on `/procedures` itself).
    #[prop(optional)]
    live: bool,
) -> impl IntoView {
    let navigate = use_navigate();
    let on_input = move |ev: leptos::ev::Event| {
        if live {
            let query = event_target_value(&ev);
            let options = NavigateOptions {
                replace: true,
                scroll: false,
                ..Default::default()
            };
            navigate(&procedures_href(&query, event.get_untracked(), 1), options);
        }
    };
    view! {
        <Form method="GET" action="/procedures" attr:class="search" attr:role="search">
            <label class="search__label" for="search-q">{tr!(search_label)}</label>
            <p class="search__hint" id="search-hint">{tr!(search_hint)}</p>
            <div class="search__row">
                <input
                    class="search__input"
                    id="search-q"
                    name="q"
                    type="search"
                    value=query.get_untracked()
                    prop:value=query
                    maxlength="200"
                    autocomplete="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    aria-describedby="search-hint"
                    on:focus=|_| source::preload()
                    on:input=on_input
                />
                {move || {
                    event.get().map(|event| view! { <input type="hidden" name="event" value=event.slug() /> })
                }}
                <button class="button search__button" type="submit">{tr!(search_button)}</button>
            </div>
        </Form>
    }
}
