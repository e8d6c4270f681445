//! `POST /api/handoff/claim`: a resident types the code an officer gave them and gets the draft
//! to continue on their phone (the device saves it as a new draft of theirs). Wrong codes are
//! limited per address; the answer never says whether a code exists.

use crate::dossier::handoff::{HandedDraft, Redeemed};
use crate::dossier::submission::SubmitError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "handoff/claim", input = Json)]
pub async fn claim_handoff(code: String) -> Result<Redeemed<HandedDraft>, SubmitError> {
    use crate::api::store::{now_millis, storage, unavailable};
    use crate::dossier::handoff::Direction;
    if code.len() > 64 {
        return Err(SubmitError::BadRequest);
    }
    let storage = storage()?;
    let client = crate::desk::api::session::client().await;
    let redeemed = crate::api::handoff_redeem::redeem(
        &*storage.limits,
        &*storage.desk,
        &client,
        &code,
        Direction::ToResident,
        "resident",
        now_millis(),
    )
    .await
    .map_err(unavailable)?;
    Ok(match redeemed {
        Redeemed::Found(handoff) => Redeemed::Found(HandedDraft {
            draft: serde_json::from_str(&handoff.content).map_err(|_| SubmitError::Unavailable)?,
            step: handoff.step,
            with_files: false,
        }),
        Redeemed::NoMatch => Redeemed::NoMatch,
        Redeemed::Wait { retry_at } => Redeemed::Wait { retry_at },
    })
}
