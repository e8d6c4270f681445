//! `POST /api/desk/numbers`: the office's numbers for a period — received, processed on time,
//! overdue and the average satisfaction — per commune/ward and per procedure, with their bar
//! charts drawn as SVG here on the server. An officer sees their wards, an admin every office.

use crate::dossier::desk::DeskError;
use crate::dossier::numbers::Numbers;
use crate::eligibility::date::Date;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Lines drawn in each chart (the table has them all).
pub const CHART_LINES: usize = 12;

#[server(endpoint = "desk/numbers", input = Json)]
pub async fn desk_numbers(
    from: Option<Date>,
    to: Option<Date>,
    english: bool,
) -> Result<Numbers, DeskError> {
    use crate::api::store::{now_millis, storage_desk};
    use crate::dossier::desk::QueueFilter;
    use crate::dossier::numbers::{bar_chart, tally};
    use crate::staff::Role;
    let staff = super::session::officer().await?;
    let today = Date::in_hanoi(now_millis());
    // This month so far, unless chosen.
    let from = from.unwrap_or(Date { day: 1, ..today });
    let to = to.unwrap_or(today).max(from);
    let period = QueueFilter {
        from: Some(from),
        to: Some(to),
        ..QueueFilter::default()
    };
    let (Some(start), Some(end)) = period.received_between() else {
        return Err(DeskError::BadRequest);
    };
    let wards = match staff.role {
        Role::Admin => None,
        Role::Officer => Some(staff.wards.as_slice()),
    };
    let facts = storage_desk()?
        .facts(wards, start, end)
        .await
        .map_err(super::session::unavailable)?;
    let name = |code: u32| {
        crate::catalogue::wards::ward(code)
            .map(|w| w.name.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let (total, by_ward, by_procedure) = tally(&facts, today, name);
    let (ward_title, procedure_title) = if english {
        ("Dossiers per commune or ward", "Dossiers per procedure")
    } else {
        ("Hồ sơ theo xã, phường", "Hồ sơ theo thủ tục")
    };
    Ok(Numbers {
        from: Some(from),
        to: Some(to),
        ward_chart: bar_chart(&by_ward, CHART_LINES, english, ward_title),
        procedure_chart: bar_chart(&by_procedure, CHART_LINES, english, procedure_title),
        total,
        by_ward,
        by_procedure,
    })
}
