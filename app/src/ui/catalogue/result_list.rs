use crate::catalogue::search::Entry;
use crate::i18n::*;
use crate::tr;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// Procedures as a list of links: name (in English when there is one), code, and whether it can
/// be filed online.
#[component]
pub fn ResultList(entries: Vec<Entry>) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ol class="result-list">
            {entries
                .into_iter()
                .map(|entry| {
                    let href = format!("/procedures/{}", entry.code);
                    let english = move || locale == Locale::en;
                    let has_english = entry.name_en.is_some();
                    // Shown in Vietnamese on an English page: marked as such, for screen readers too.
                    let fallback = move || english() && !has_english;
                    let lang = move || fallback().then_some("vi");
                    let (vi, en) = (entry.name_vi.clone(), entry.name_en.clone());
                    let name_text = move || match (&en, english()) {
                        (Some(en), true) => en.clone(),
                        _ => vi.clone(),
                    };
                    let online = entry.online;
                    view! {
                        <li class="result" data-code=entry.code.clone()>
                            <h3 class="result__title">
                                <a href=href class="result__link">
                                    <span lang=lang>{name_text}</span>
                                </a>
                            </h3>
                            <p class="result__meta">
                                <span class="result__code">{entry.code.clone()}</span>
                                <span class="badge" class:badge--online=online>
                                    {move || if online {
                                        td_string!(locale, badge_online).to_string()
                                    } else {
                                        td_string!(locale, badge_in_person).to_string()
                                    }}
                                </span>
                                <Show when=fallback>
                                    <span class="badge badge--muted">{tr!(name_vietnamese_only)}</span>
                                </Show>
                            </p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
