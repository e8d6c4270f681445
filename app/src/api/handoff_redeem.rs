//! Redeeming a hand-off code, the same for the desk and for residents: wrong codes are counted
//! per client address and, past [`MAX_WRONG_TRIES`] in [`TRY_WINDOW_MILLIS`], refused for a
//! while — a 6-symbol code cannot be found by trying. A code opens once, within 30 minutes.

use crate::api::store::{DeskStore, LimitStore, StoreError, StoredHandoff, give_back_quietly};
use crate::dossier::handoff::{
    Direction, HandoffCode, MAX_WRONG_TRIES, Redeemed, TRY_WINDOW_MILLIS, VALID_FOR_MILLIS,
};
use crate::limits::{Attempt, Limit};

/// Counted before the code is looked up, given back when it opened a hand-off: codes sent at
/// once cannot all pass the limit.
pub async fn redeem(
    limits: &dyn LimitStore,
    desk: &dyn DeskStore,
    client: &str,
    typed: &str,
    direction: Direction,
    by: &str,
    now: i64,
) -> Result<Redeemed<StoredHandoff>, StoreError> {
    let limit = Limit::new(
        format!("handoff:{client}"),
        MAX_WRONG_TRIES,
        TRY_WINDOW_MILLIS,
    );
    let attempt = match limits.take_attempt(&[limit], now).await? {
        Attempt::Refused { retry_at } => return Ok(Redeemed::Wait { retry_at }),
        Attempt::Taken { id, .. } => id,
    };
    let found = match HandoffCode::parse(typed) {
        Ok(code) => {
            desk.take_handoff(code.as_str(), direction, now - VALID_FOR_MILLIS, by, now)
                .await
        }
        Err(_) => Ok(None),
    };
    match found {
        Ok(Some(handoff)) => {
            // The code is used now: a failure to give the attempt back must not lose it.
            give_back_quietly(limits, attempt).await;
            Ok(Redeemed::Found(handoff))
        }
        Ok(None) => Ok(Redeemed::NoMatch),
        Err(error) => {
            give_back_quietly(limits, attempt).await;
            Err(error)
        }
    }
}
