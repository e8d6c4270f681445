//! `POST /api/desk/sign-in`: an officer signs in with username and password. Wrong passwords are
//! counted per username and per address; past the limit sign-in is refused until a time the
//! answer gives. An unknown username answers like a wrong password, as slowly.

use crate::dossier::desk::{DeskError, SignInAnswer};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/sign-in", input = Json)]
pub async fn sign_in(username: String, password: String) -> Result<SignInAnswer, DeskError> {
    ssr::sign_in(username, password).await
}

#[cfg(feature = "ssr")]
pub(super) mod ssr {
    use crate::api::store::{now_millis, storage_desk};
    use crate::desk::api::password;
    use crate::desk::api::session::{self, CSRF_KEY, STAFF_KEY, unavailable};
    use crate::dossier::desk::{DeskError, SignInAnswer};
    use crate::staff::{self, LOGIN_WINDOW_MILLIS, login_wait, login_wait_with};

    /// Wrong passwords one address may send in the window (a whole office shares one address).
    const MAX_FAILURES_PER_ADDRESS: usize = 4 * staff::MAX_LOGIN_FAILURES;

    pub async fn sign_in(username: String, password: String) -> Result<SignInAnswer, DeskError> {
        if password.len() > 1024 || username.len() > 256 {
            return Err(DeskError::BadRequest);
        }
        let store = storage_desk()?;
        let now = now_millis();
        let name = staff::username(&username).unwrap_or_default();
        let by_user = format!("user:{name}");
        let by_address = format!("ip:{}", session::client().await);
        let wait = async |subject: &str, limit: usize| -> Result<Option<i64>, DeskError> {
            let failures = store
                .login_failures_since(subject, now - LOGIN_WINDOW_MILLIS)
                .await
                .map_err(unavailable)?;
            Ok(login_wait_with(&failures, now, limit))
        };
        let locked = |a: Option<i64>, b: Option<i64>| {
            a.max(b).map(|w| SignInAnswer::Locked { retry_at: now + w })
        };
        if let Some(answer) = locked(
            wait(&by_user, staff::MAX_LOGIN_FAILURES).await?,
            wait(&by_address, MAX_FAILURES_PER_ADDRESS).await?,
        ) {
            return Ok(answer);
        }
        let account = if name.is_empty() {
            None
        } else {
            store.account(&name).await.map_err(unavailable)?
        };
        let checked = tokio_blocking(
            password.clone(),
            account.as_ref().map(|a| a.password_hash.clone()),
        )
        .await;
        let account = match account {
            Some(account) if checked && !account.disabled => account,
            _ => {
                store
                    .record_login_failure(&[by_user.clone(), by_address.clone()], now)
                    .await
                    .map_err(unavailable)?;
                let failures = store
                    .login_failures_since(&by_user, now - LOGIN_WINDOW_MILLIS)
                    .await
                    .map_err(unavailable)?;
                return Ok(match login_wait(&failures, now) {
                    Some(w) => SignInAnswer::Locked { retry_at: now + w },
                    None => SignInAnswer::Wrong,
                });
            }
        };
        let session = session::session().await?;
        let store_error = |e: tower_sessions::session::Error| {
            leptos::logging::error!("cannot write the session: {e}");
            DeskError::Unavailable
        };
        // A new session id at sign-in: an id planted before cannot ride the officer's session.
        session.cycle_id().await.map_err(store_error)?;
        session
            .insert(STAFF_KEY, &account.staff.username)
            .await
            .map_err(store_error)?;
        session
            .insert(CSRF_KEY, session::token()?)
            .await
            .map_err(store_error)?;
        Ok(SignInAnswer::SignedIn)
    }

    /// argon2 takes tens of milliseconds of CPU: off the async workers.
    async fn tokio_blocking(password: String, hash: Option<String>) -> bool {
        let work = move || match hash {
            Some(hash) => password::verify(&password, &hash),
            None => {
                password::verify_nothing(&password);
                false
            }
        };
        tokio::task::spawn_blocking(work).await.unwrap_or(false)
    }
}
