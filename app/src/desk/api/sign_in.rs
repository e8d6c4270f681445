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
    use crate::desk::api::session::{self, CREDENTIALS_KEY, CSRF_KEY, STAFF_KEY, unavailable};
    use crate::dossier::desk::{DeskError, SignInAnswer};
    use crate::limits::{Attempt, Limit};
    use crate::staff::{self, LOGIN_WINDOW_MILLIS};

    /// The limits one password check counts under — the username at this address, and the
    /// address — at sign-in and for the current password before a change alike.
    fn limits(name: &str, client: &str) -> [Limit; 2] {
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

    /// What checking a password under the limits found.
    pub(in crate::desk::api) enum Checked {
        /// The right password for this enabled account (its attempt given back).
        Right(crate::api::store::StaffAccount),
        /// Wrong (or no such account, or disabled); `locked_until` when this was the last try
        /// the limits allowed.
        Wrong { locked_until: Option<i64> },
        /// Over a limit: not checked.
        Locked { retry_at: i64 },
    }

    /// Checks `password` for the account `name` (lower-cased, may be empty), counted before the
    /// check under [`limits`] — so attempts sent at once cannot all pass — and given back when it
    /// was right, or when the check could not be made (busy, storage): only wrong passwords
    /// count. An unknown name takes as long as a wrong password.
    pub(in crate::desk::api) async fn check_limited(
        storage: &Storage,
        name: &str,
        password: String,
    ) -> Result<Checked, DeskError> {
        let now = now_millis();
        let (attempt, last) = match storage
            .limits
            .take_attempt(&limits(name, &session::client().await), now)
            .await
            .map_err(unavailable)?
        {
            Attempt::Refused { retry_at } => return Ok(Checked::Locked { retry_at }),
            Attempt::Taken { id, last } => (id, last),
        };
        let checked = async {
            let account = if name.is_empty() {
                None
            } else {
                storage.desk.account(name).await.map_err(unavailable)?
            };
            let hash = account.as_ref().map(|a| a.password_hash.clone());
            let right = password::check_queued(password, hash).await?;
            Ok::<_, DeskError>(account.filter(|a| right && !a.disabled))
        }
        .await;
        match checked {
            Ok(None) => Ok(Checked::Wrong { locked_until: last }),
            Ok(Some(account)) => {
                crate::api::store::give_back_quietly(&*storage.limits, attempt).await;
                Ok(Checked::Right(account))
            }
            Err(error) => {
                crate::api::store::give_back_quietly(&*storage.limits, attempt).await;
                Err(error)
            }
        }
    }

    pub async fn sign_in(username: String, password: String) -> Result<SignInAnswer, DeskError> {
        if password.len() > 1024 || username.len() > 256 {
            return Err(DeskError::BadRequest);
        }
        let storage = leptos::prelude::use_context::<Storage>().ok_or(DeskError::Unavailable)?;
        let name = staff::username(&username).unwrap_or_default();
        let account = match check_limited(&storage, &name, password).await? {
            Checked::Right(account) => account,
            Checked::Wrong {
                locked_until: Some(retry_at),
            }
            | Checked::Locked { retry_at } => return Ok(SignInAnswer::Locked { retry_at }),
            Checked::Wrong { locked_until: None } => return Ok(SignInAnswer::Wrong),
        };
        let session = session::session().await?;
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
            .insert(CREDENTIALS_KEY, account.password_changed_at)
            .await
            .map_err(store_error)?;
        Ok(SignInAnswer::SignedIn)
    }

    pub(in crate::desk::api) fn store_error(e: tower_sessions::session::Error) -> DeskError {
        leptos::logging::error!("cannot write the session: {e}");
        DeskError::Unavailable
    }
}
