//! `POST /api/dossiers/statuses`: the status histories of the dossiers a device sent, named by
//! their idempotency keys (which only that device knows), so `/dossiers` can show where each
//! stands.

use crate::dossier::submission::{StatusEvent, SubmitError};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Keys per request.
pub const MAX_KEYS: usize = 100;

#[server(endpoint = "dossiers/statuses", input = Json)]
pub async fn dossier_statuses(
    keys: Vec<String>,
) -> Result<Vec<(String, Vec<StatusEvent>)>, SubmitError> {
    use crate::dossier::model::is_uuid;
    if keys.len() > MAX_KEYS || !keys.iter().all(|k| is_uuid(k)) {
        return Err(SubmitError::BadRequest);
    }
    let storage = crate::api::store::storage()?;
    storage
        .dossiers
        .histories(&keys)
        .await
        .map_err(crate::api::store::unavailable)
}
