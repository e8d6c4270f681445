//! `POST /api/dossiers/track`: a dossier's receipt and status history, for whoever has its
//! tracking code and the last four digits of the applicant's phone. Wrong pairs are counted per
//! client address and, past a limit, refused for a while; the answer never tells whether the
//! code exists.

use crate::dossier::submission::{SubmitError, TrackAnswer};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Failed attempts allowed per client address in [`WINDOW_MILLIS`].
pub const MAX_FAILURES: u32 = 10;
pub const WINDOW_MILLIS: i64 = 15 * 60 * 1000;

#[server(endpoint = "dossiers/track", input = Json)]
pub async fn track_dossier(code: String, phone_last4: String) -> Result<TrackAnswer, SubmitError> {
    ssr::track(code, phone_last4).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::{MAX_FAILURES, WINDOW_MILLIS};
    use crate::api::store::{give_back_quietly, now_millis, storage, unavailable};
    use crate::desk::api::session::client;
    use crate::dossier::submission::{SubmitError, TrackAnswer, typed_last4};
    use crate::dossier::tracking::TrackingCode;
    use crate::limits::{Attempt, Limit};

    pub async fn track(code: String, phone_last4: String) -> Result<TrackAnswer, SubmitError> {
        let phone = typed_last4(&phone_last4).ok_or(SubmitError::BadRequest)?;
        // A mistyped code is caught by its check symbol on the device; here it is just no match,
        // found without a lookup (so not counted).
        let Ok(code) = TrackingCode::parse(&code) else {
            return Ok(TrackAnswer::NoMatch);
        };
        let storage = storage()?;
        let now = now_millis();
        // Counted before the lookup, given back when the pair matched: pairs sent at once
        // cannot all pass the limit.
        let limit = Limit::new(
            format!("track:{}", client().await),
            MAX_FAILURES,
            WINDOW_MILLIS,
        );
        let attempt = match storage
            .limits
            .take_attempt(&[limit], now)
            .await
            .map_err(unavailable)?
        {
            Attempt::Refused { retry_at } => return Ok(TrackAnswer::Wait { retry_at }),
            Attempt::Taken { id, .. } => id,
        };
        match storage.dossiers.find_by_code(code.as_str()).await {
            Ok(Some((tracked, last4))) if last4 == phone => {
                give_back_quietly(&*storage.limits, attempt).await;
                Ok(TrackAnswer::Found(Box::new(tracked)))
            }
            Ok(_) => Ok(TrackAnswer::NoMatch),
            Err(error) => {
                // Not looked up: the attempt does not count.
                give_back_quietly(&*storage.limits, attempt).await;
                Err(unavailable(error))
            }
        }
    }
}
