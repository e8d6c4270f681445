//! `POST /api/dossiers/rate`: the one-question satisfaction rating on the receipt page.

use crate::dossier::submission::SubmitError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "dossiers/rate", input = Json)]
pub async fn rate_dossier(key: String, score: u8, comment: String) -> Result<(), SubmitError> {
    use crate::api::store::{now_millis, storage, unavailable};
    use crate::dossier::submission::check_rating;
    let (score, comment) = check_rating(score, &comment)?;
    if !crate::dossier::model::is_uuid(&key) {
        return Err(SubmitError::BadRequest);
    }
    let stored = storage()?
        .dossiers
        .rate(&key, score, &comment, now_millis())
        .await
        .map_err(unavailable)?;
    if stored {
        Ok(())
    } else {
        Err(SubmitError::NotFound)
    }
}
