use crate::catalogue::model::LifeEvent;
use crate::tr;
use leptos::prelude::*;

/// The catalogue's search box: a plain GET form to `/procedures`, so it works before any script.
/// In an island, `on_input` follows every keystroke (the island searches as the resident types);
/// the search index is fetched when the box first gets the focus.
#[component]
pub fn SearchForm(
    /// The current query, shown in the box.
    #[prop(into)]
    query: Signal<String>,
    /// Keep searching within this life event.
    #[prop(default = None)]
    event: Option<LifeEvent>,
    /// Called with the text as it is typed.
    #[prop(optional)]
    on_input: Option<Callback<String>>,
) -> impl IntoView {
    let input = move |ev: leptos::ev::Event| {
        if let Some(on_input) = on_input {
            on_input.run(event_target_value(&ev));
        }
    };
    let focus = move |_| {
        #[cfg(feature = "csr")]
        crate::device::catalogue::preload();
    };
    view! {
        <form method="GET" action="/procedures" class="search" role="search">
            <label class="search__label" for="search-q">{tr!(search_label)}</label>
            <p class="search__hint" id="search-hint">{tr!(search_hint)}</p>
            <div class="search__row">
                <input
                    class="search__input"
                    id="search-q"
                    name="q"
                    type="search"
                    value=query.get_untracked()
                    maxlength="200"
                    autocomplete="off"
                    spellcheck="false"
                    enterkeyhint="search"
                    aria-describedby="search-hint"
                    on:focus=focus
                    on:input=input
                />
                {event.map(|event| view! { <input type="hidden" name="event" value=event.slug() /> })}
                <button class="button search__button" type="submit">{tr!(search_button)}</button>
            </div>
        </form>
    }
}
