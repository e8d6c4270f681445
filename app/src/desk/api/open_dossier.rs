//! `POST /api/desk/dossier`: one dossier with everything the resident sent, its files and its
//! history — only for an officer of its ward (anyone else is told there is no such dossier).

use crate::dossier::desk::{DeskDossier, DeskError};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/dossier", input = Json)]
pub async fn open_dossier(tracking_code: String) -> Result<DeskDossier, DeskError> {
    let staff = super::session::officer().await?;
    let code = crate::dossier::tracking::TrackingCode::parse(&tracking_code)
        .map_err(|_| DeskError::NotFound)?;
    let dossier = crate::api::store::storage_desk()?
        .desk_dossier(code.as_str())
        .await
        .map_err(super::session::unavailable)?
        .ok_or(DeskError::NotFound)?;
    if !staff.may_handle(dossier.office) {
        return Err(DeskError::NotFound);
    }
    let mut dossier = dossier;
    if let Some(procedure) =
        crate::catalogue::store::Catalogue::embedded().procedure(&dossier.draft.procedure)
    {
        let day = crate::eligibility::date::Date::in_hanoi(dossier.received_at);
        let definition = crate::definition::definition(procedure);
        dossier.view = crate::dossier::desk::view_of(&dossier.draft, procedure, &definition, day);
    }
    Ok(dossier)
}
