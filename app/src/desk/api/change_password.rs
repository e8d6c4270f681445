//! `POST /api/desk/password`: an officer changes their own password, from the plain form of
//! `/desk/password` (with or without the app: the passwords travel in the body, never in an
//! address). The answer is a redirect back to the page, with `?changed=1` or what went wrong
//! ([`PasswordChangeProblem::to_query`]). The current password is checked under the sign-in's
//! limits; the new one must pass [`super::password::check`]. Once changed, every other session of
//! the officer ends; this one goes on under a new id.
//!
//! The form carries no CSRF token: it re-authenticates with the current password, the session
//! cookie is SameSite=Strict, and the request must name this site as its `Origin` or `Referer`.

use crate::dossier::desk::DeskError;
use leptos::prelude::*;

/// The page the form is on, where the answer leads back.
pub const PAGE: &str = "/desk/password";

#[server(endpoint = "desk/password")]
pub async fn change_password(
    current: String,
    new: String,
    repeat: String,
) -> Result<(), DeskError> {
    ssr::change_password(current, new, repeat).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::PAGE;
    use crate::api::store::{Storage, now_millis};
    use crate::desk::api::password;
    use crate::desk::api::session::{self, SIGNED_IN_KEY, unavailable};
    use crate::desk::ui::login_href;
    use crate::dossier::desk::{DeskError, PasswordChangeProblem};
    use crate::limits::Attempt;

    pub async fn change_password(
        current: String,
        new: String,
        repeat: String,
    ) -> Result<(), DeskError> {
        if [&current, &new, &repeat].iter().any(|p| p.len() > 1024) {
            return Err(DeskError::BadRequest);
        }
        let staff = match session::officer().await {
            Ok(staff) => staff,
            Err(DeskError::NotSignedIn) => {
                leptos_axum::redirect(&login_href(PAGE));
                return Ok(());
            }
            Err(error) => return Err(error),
        };
        let to = match change(&staff.username, current, new, repeat).await {
            Ok(None) => format!("{PAGE}?changed=1"),
            Ok(Some(problem)) => format!("{PAGE}?{}", problem.to_query()),
            Err(_) => format!("{PAGE}?{}", PasswordChangeProblem::Unavailable.to_query()),
        };
        leptos_axum::redirect(&to);
        Ok(())
    }

    async fn change(
        username: &str,
        current: String,
        new: String,
        repeat: String,
    ) -> Result<Option<PasswordChangeProblem>, DeskError> {
        if let Some(problem) = PasswordChangeProblem::typed(&current, &new, &repeat, username) {
            return Ok(Some(problem));
        }
        let storage = leptos::prelude::use_context::<Storage>().ok_or(DeskError::Unavailable)?;
        let now = now_millis();
        let limits = super::super::sign_in::ssr::limits(username, &session::client().await);
        let (attempt, last) = match storage
            .limits
            .take_attempt(&limits, now)
            .await
            .map_err(unavailable)?
        {
            Attempt::Refused { retry_at } => {
                return Ok(Some(PasswordChangeProblem::Locked { retry_at }));
            }
            Attempt::Taken { id, last } => (id, last),
        };
        let account = storage
            .desk
            .account(username)
            .await
            .map_err(unavailable)?
            .ok_or(DeskError::NotSignedIn)?;
        let checked = password::check_queued(current, Some(account.password_hash)).await;
        if !matches!(checked, Ok(true)) {
            if checked.is_err() {
                // Not checked (busy): the attempt does not count.
                storage
                    .limits
                    .give_back(attempt)
                    .await
                    .map_err(unavailable)?;
                return Err(DeskError::Unavailable);
            }
            return Ok(Some(match last {
                Some(retry_at) => PasswordChangeProblem::Locked { retry_at },
                None => PasswordChangeProblem::Wrong,
            }));
        }
        storage
            .limits
            .give_back(attempt)
            .await
            .map_err(unavailable)?;
        let hash = match password::check_and_hash_queued(new, username.to_string()).await? {
            Ok(hash) => hash,
            Err(problem) => return Ok(Some(PasswordChangeProblem::New(problem))),
        };
        if !storage
            .desk
            .set_password(username, &hash, now)
            .await
            .map_err(unavailable)?
        {
            return Err(DeskError::NotSignedIn);
        }
        // This session goes on, under a new id, as signed in now; every other one has ended.
        let session = session::session().await?;
        let store_error = |e: tower_sessions::session::Error| {
            leptos::logging::error!("cannot write the session: {e}");
            DeskError::Unavailable
        };
        session.cycle_id().await.map_err(store_error)?;
        session
            .insert(SIGNED_IN_KEY, now)
            .await
            .map_err(store_error)?;
        Ok(None)
    }
}
