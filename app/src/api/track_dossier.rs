//! `POST /api/dossiers/track`: a dossier's receipt and status history, for whoever has its
//! tracking code and the last four digits of the applicant's phone. Wrong pairs are counted per
//! client address and, past a limit, refused for a while; the answer never tells whether the
//! code exists.

use crate::dossier::submission::{SubmitError, TrackAnswer};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Failed attempts allowed per client address in [`WINDOW_MILLIS`].
pub const MAX_FAILURES: usize = 10;
pub const WINDOW_MILLIS: i64 = 15 * 60 * 1000;

#[server(endpoint = "dossiers/track", input = Json)]
pub async fn track_dossier(code: String, phone_last4: String) -> Result<TrackAnswer, SubmitError> {
    ssr::track(code, phone_last4).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{MAX_FAILURES, WINDOW_MILLIS};
    use crate::api::store::{now_millis, storage, unavailable};
    use crate::dossier::submission::{SubmitError, TrackAnswer, typed_last4};
    use crate::dossier::tracking::TrackingCode;

    pub async fn track(code: String, phone_last4: String) -> Result<TrackAnswer, SubmitError> {
        // A mistyped code is caught by its check symbol on the device; here it is just no match.
        let Ok(code) = TrackingCode::parse(&code) else {
            return Ok(TrackAnswer::NoMatch);
        };
        let phone = typed_last4(&phone_last4).ok_or(SubmitError::BadRequest)?;
        let storage = storage()?;
        let client = client().await;
        let now = now_millis();
        let failures = storage
            .dossiers
            .failures_since(&client, now - WINDOW_MILLIS)
            .await
            .map_err(unavailable)?;
        if failures.len() >= MAX_FAILURES {
            let oldest = failures[failures.len() - MAX_FAILURES];
            return Ok(TrackAnswer::Wait {
                retry_at: oldest + WINDOW_MILLIS,
            });
        }
        match storage
            .dossiers
            .find_by_code(code.as_str())
            .await
            .map_err(unavailable)?
        {
            Some((tracked, last4)) if last4 == phone => Ok(TrackAnswer::Found(Box::new(tracked))),
            _ => {
                storage
                    .dossiers
                    .record_failure(&client, now)
                    .await
                    .map_err(unavailable)?;
                Ok(TrackAnswer::NoMatch)
            }
        }
    }

    /// The client's address as the server saw it (the proxy's, behind one: configure the proxy
    /// to limit too).
    async fn client() -> String {
        use axum::extract::ConnectInfo;
        use std::net::SocketAddr;
        match leptos_axum::extract::<ConnectInfo<SocketAddr>>().await {
            Ok(ConnectInfo(address)) => address.ip().to_string(),
            Err(_) => "unknown".to_string(),
        }
    }
}
