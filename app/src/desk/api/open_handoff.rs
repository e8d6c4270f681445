//! `POST /api/desk/handoff`: a signed-in officer types the code a resident read out and sees the
//! resident's draft at the part they were on — with the photos, if the resident agreed to share
//! them (served by `/desk/handoff-files/{code}/{attachment}` to this officer only, for the code's
//! 30 minutes). Wrong codes are limited per address.
//!
//! Any signed-in officer may open a resident's code, whatever their wards — by decision: the code
//! is the resident's consent, given to the officer they are talking to, and since the two-level
//! reform many procedures may be filed at any commune's centre, so the helping officer need not
//! belong to the ward the draft names. What keeps it to that one officer: the code opens once
//! (recorded with who opened it), for 30 minutes, a 6-symbol code cannot be guessed within the
//! limit on wrong codes, and the shared photos are served to the officer who opened it only, while
//! their account is enabled. The draft itself is not a dossier: nothing is decided from it.

use crate::dossier::desk::{DeskError, DossierView};
use crate::dossier::handoff::{HandedDraft, Redeemed};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// A resident's draft as the officer reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskHandoff {
    pub code: String,
    pub handed: HandedDraft,
    pub view: DossierView,
}

#[server(endpoint = "desk/handoff", input = Json)]
pub async fn open_handoff(csrf: String, code: String) -> Result<Redeemed<DeskHandoff>, DeskError> {
    use crate::api::store::now_millis;
    use crate::desk::api::session::{client, officer_with, unavailable};
    use crate::dossier::handoff::Direction;
    let staff = officer_with(&csrf).await?;
    if code.len() > 64 {
        return Err(DeskError::BadRequest);
    }
    let storage = leptos::prelude::use_context::<crate::api::store::Storage>()
        .ok_or(DeskError::Unavailable)?;
    let now = now_millis();
    let redeemed = crate::api::handoff_redeem::redeem(
        &*storage.limits,
        &*storage.desk,
        &client().await,
        &code,
        Direction::ToDesk,
        &staff.username,
        now,
    )
    .await
    .map_err(unavailable)?;
    Ok(match redeemed {
        Redeemed::Found(handoff) => {
            let draft: crate::dossier::model::Draft =
                serde_json::from_str(&handoff.content).map_err(|_| DeskError::Unavailable)?;
            let view = crate::catalogue::store::Catalogue::embedded()
                .procedure(&draft.procedure)
                .map(|p| {
                    crate::dossier::desk::view_of(
                        &draft,
                        p,
                        &crate::definition::definition(p),
                        crate::eligibility::date::Date::in_hanoi(now),
                    )
                })
                .unwrap_or_default();
            Redeemed::Found(DeskHandoff {
                code: handoff.code,
                handed: HandedDraft {
                    with_files: handoff.files_key.is_some(),
                    draft,
                    step: handoff.step,
                },
                view,
            })
        }
        Redeemed::NoMatch => Redeemed::NoMatch,
        Redeemed::Wait { retry_at } => Redeemed::Wait { retry_at },
    })
}
