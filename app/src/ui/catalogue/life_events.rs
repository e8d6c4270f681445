use super::procedures_href;
use crate::catalogue::model::LifeEvent;
use crate::i18n::*;
use crate::ui::text::use_locale;
use leptos::prelude::*;

/// The name of a life event in the current language.
pub fn event_name(locale: Locale, event: LifeEvent) -> String {
    let name = match event {
        LifeEvent::HavingAChild => td_string!(locale, event_co_con_nho),
        LifeEvent::MarriageAndFamily => td_string!(locale, event_hon_nhan_va_gia_dinh),
        LifeEvent::ResidenceAndId => td_string!(locale, event_cu_tru_va_giay_to_tuy_than),
        LifeEvent::Bereavement => td_string!(locale, event_nguoi_than_qua_doi),
        LifeEvent::Retirement => td_string!(locale, event_huu_tri),
        LifeEvent::Work => td_string!(locale, event_viec_lam),
        LifeEvent::Study => td_string!(locale, event_hoc_tap),
        LifeEvent::Health => td_string!(locale, event_suc_khoe_va_y_te),
        LifeEvent::HousingAndLand => td_string!(locale, event_dien_luc_nha_o_dat_dai),
        LifeEvent::Vehicles => td_string!(locale, event_phuong_tien_va_nguoi_lai),
        LifeEvent::Complaints => td_string!(locale, event_giai_quyet_khieu_kien),
    };
    name.to_string()
}

/// Links to life events, each with its number of procedures; `current` is marked as such.
#[component]
pub fn LifeEventList(
    counts: Vec<(LifeEvent, usize)>,
    #[prop(default = None)] current: Option<LifeEvent>,
    /// Keep this query in the links (narrowing a search).
    #[prop(optional, into)]
    query: String,
) -> impl IntoView {
    let locale = use_locale();
    view! {
        <ul class="event-list">
            {counts
                .into_iter()
                .map(|(event, count)| {
                    let href = procedures_href(&query, Some(event), 1);
                    let current = (current == Some(event)).then_some("page");
                    view! {
                        <li class="event-list__item" data-event=event.slug()>
                            <a href=href class="event-list__link" aria-current=current>
                                <span class="event-list__name">{Signal::derive(move || event_name(locale, event))}</span>
                                <span class="event-list__count">
                                    {Signal::derive(move || td_string!(locale, event_count, count = count).to_string())}
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
