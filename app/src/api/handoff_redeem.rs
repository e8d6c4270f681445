//! Redeeming a hand-off code, the same for the desk and for residents: wrong codes are counted
//! per client address and, past [`MAX_WRONG_TRIES`] in [`TRY_WINDOW_MILLIS`], refused for a
//! while — a 6-symbol code cannot be found by trying. A code opens once, within 30 minutes.

use crate::api::store::{DeskStore, DossierStore, StoreError, StoredHandoff};
use crate::dossier::handoff::{
    Direction, HandoffCode, MAX_WRONG_TRIES, Redeemed, TRY_WINDOW_MILLIS, VALID_FOR_MILLIS,
};

pub async fn redeem(
    dossiers: &dyn DossierStore,
    desk: &dyn DeskStore,
    client: &str,
    typed: &str,
    direction: Direction,
    by: &str,
    now: i64,
) -> Result<Redeemed<StoredHandoff>, StoreError> {
    let subject = format!("handoff:{client}");
    let failures = dossiers
        .failures_since(&subject, now - TRY_WINDOW_MILLIS)
        .await?;
    let limit = MAX_WRONG_TRIES as usize;
    if failures.len() >= limit {
        let oldest = failures[failures.len() - limit];
        return Ok(Redeemed::Wait {
            retry_at: oldest + TRY_WINDOW_MILLIS,
        });
    }
    let found = match HandoffCode::parse(typed) {
        Ok(code) => {
            desk.take_handoff(code.as_str(), direction, now - VALID_FOR_MILLIS, by, now)
                .await?
        }
        Err(_) => None,
    };
    match found {
        Some(handoff) => Ok(Redeemed::Found(handoff)),
        None => {
            dossiers.record_failure(&subject, now).await?;
            Ok(Redeemed::NoMatch)
        }
    }
}
