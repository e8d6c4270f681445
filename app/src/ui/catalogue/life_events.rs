use super::procedures_href;
use crate::catalogue::model::LifeEvent;
use crate::i18n::*;
use leptos::prelude::*;
use leptos_i18n::I18nContext;

/// The name of a life event in the current language.
pub fn event_name(i18n: I18nContext<Locale>, event: LifeEvent) -> String {
    let name = match event {
        LifeEvent::HavingAChild => t_string!(i18n, event_co_con_nho),
        LifeEvent::MarriageAndFamily => t_string!(i18n, event_hon_nhan_va_gia_dinh),
        LifeEvent::ResidenceAndId => t_string!(i18n, event_cu_tru_va_giay_to_tuy_than),
        LifeEvent::Bereavement => t_string!(i18n, event_nguoi_than_qua_doi),
        LifeEvent::Retirement => t_string!(i18n, event_huu_tri),
        LifeEvent::Work => t_string!(i18n, event_viec_lam),
        LifeEvent::Study => t_string!(i18n, event_hoc_tap),
        LifeEvent::Health => t_string!(i18n, event_suc_khoe_va_y_te),
        LifeEvent::HousingAndLand => t_string!(i18n, event_dien_luc_nha_o_dat_dai),
        LifeEvent::Vehicles => t_string!(i18n, event_phuong_tien_va_nguoi_lai),
        LifeEvent::Complaints => t_string!(i18n, event_giai_quyet_khieu_kien),
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
    let i18n = use_i18n();
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
                                <span class="event-list__name">{Signal::derive(move || event_name(i18n, event))}</span>
                                <span class="event-list__count">
                                    {Signal::derive(move || t_string!(i18n, event_count, count = count).to_string())}
                                </span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
