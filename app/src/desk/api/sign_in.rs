//! `POST /api/desk/sign-in`: an officer signs in with username and password. Wrong passwords are
//! counted per username at an address and per address ([`crate::staff::MAX_LOGIN_FAILURES`],
//! [`crate::staff::MAX_LOGIN_FAILURES_PER_ADDRESS`]); past a limit sign-in is refused at that
//! address until a time the answer gives. An unknown username answers like a wrong password, as
//! slowly. Passwords are checked through a bounded queue: beyond it the answer is "busy".

use crate::dossier::desk::{DeskError, SignInAnswer};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/sign-in", input = Json)]
pub async fn sign_in(username: String, password: String) -> Result<SignInAnswer, DeskError> {
    ssr::sign_in(username, password).await
}

#[cfg(feature = "ssr")]
pub(super) mod ssr {
    use crate::api::store::{Storage, now_millis};
    use crate::desk::api::password;
    use crate::desk::api::session::{self, CSRF_KEY, SIGNED_IN_KEY, STAFF_KEY, unavailable};
    use crate::dossier::desk::{DeskError, SignInAnswer};
    use crate::limits::{Attempt, Limit};
    use crate::staff::{self, LOGIN_WINDOW_MILLIS};

    /// The limits one sign-in counts under — the username at this address, and the address —
    /// and so does checking an officer's current password before a change.
    pub(in crate::desk::api) fn limits(name: &str, client: &str) -> [Limit; 2] {
        [
            Limit::new(
                format!("sign-in:{name}@{client}"),
                staff::MAX_LOGIN_FAILURES,
                LOGIN_WINDOW_MILLIS,
            ),
            Limit::new(
                format!("sign-in@{client}"),
                staff::MAX_LOGIN_FAILURES_PER_ADDRESS,
                LOGIN_WINDOW_MILLIS,
            ),
        ]
    }

    pub async fn sign_in(username: String, password: String) -> Result<SignInAnswer, DeskError> {
        if password.len() > 1024 || username.len() > 256 {
            return Err(DeskError::BadRequest);
        }
        let storage = leptos::prelude::use_context::<Storage>().ok_or(DeskError::Unavailable)?;
        let now = now_millis();
        let name = staff::username(&username).unwrap_or_default();
        // Counted before the password is checked, given back when it was right: attempts sent
        // at once cannot all pass the limit.
        let (attempt, last) = match storage
            .limits
            .take_attempt(&limits(&name, &session::client().await), now)
            .await
            .map_err(unavailable)?
        {
            Attempt::Refused { retry_at } => return Ok(SignInAnswer::Locked { retry_at }),
            Attempt::Taken { id, last } => (id, last),
        };
        let account = if name.is_empty() {
            None
        } else {
            storage.desk.account(&name).await.map_err(unavailable)?
        };
        let checked =
            password::check_queued(password, account.as_ref().map(|a| a.password_hash.clone()))
                .await;
        let checked = match checked {
            Ok(checked) => checked,
            Err(busy) => {
                // Not checked: the attempt does not count.
                storage
                    .limits
                    .give_back(attempt)
                    .await
                    .map_err(unavailable)?;
                return Err(busy);
            }
        };
        let account = match account {
            Some(account) if checked && !account.disabled => account,
            _ => {
                return Ok(match last {
                    Some(retry_at) => SignInAnswer::Locked { retry_at },
                    None => SignInAnswer::Wrong,
                });
            }
        };
        storage
            .limits
            .give_back(attempt)
            .await
            .map_err(unavailable)?;
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
        session
            .insert(SIGNED_IN_KEY, now)
            .await
            .map_err(store_error)?;
        Ok(SignInAnswer::SignedIn)
    }
}
