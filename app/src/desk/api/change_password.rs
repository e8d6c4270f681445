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
    use crate::desk::api::session::{self, CREDENTIALS_KEY, unavailable};
    use crate::desk::api::sign_in::ssr::{Checked, check_limited, store_error};
    use crate::desk::ui::login_href;
    use crate::dossier::desk::{DeskError, PasswordChangeProblem};

    /// Always a redirect (the form is a plain HTML form): to the sign-in page without a session,
    /// else back to the page with the outcome — never a bare error body.
    pub async fn change_password(
        current: String,
        new: String,
        repeat: String,
    ) -> Result<(), DeskError> {
        let to = match session::officer().await {
            Err(DeskError::NotSignedIn) => login_href(PAGE),
            Err(_) => format!("{PAGE}?{}", PasswordChangeProblem::Unavailable.to_query()),
            Ok(staff) => match change(&staff.username, current, new, repeat).await {
                Ok(None) => format!("{PAGE}?changed=1"),
                Ok(Some(problem)) => format!("{PAGE}?{}", problem.to_query()),
                Err(_) => format!("{PAGE}?{}", PasswordChangeProblem::Unavailable.to_query()),
            },
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
        if [&current, &new, &repeat].iter().any(|p| p.len() > 1024) {
            // Longer than any password the portal keeps: the current one cannot be it.
            return Ok(Some(PasswordChangeProblem::Wrong));
        }
        if let Some(problem) = PasswordChangeProblem::typed(&current, &new, &repeat, username) {
            return Ok(Some(problem));
        }
        let storage = leptos::prelude::use_context::<Storage>().ok_or(DeskError::Unavailable)?;
        let account = match check_limited(&storage, username, current).await? {
            Checked::Right(account) => account,
            Checked::Wrong {
                locked_until: Some(retry_at),
            }
            | Checked::Locked { retry_at } => {
                return Ok(Some(PasswordChangeProblem::Locked { retry_at }));
            }
            Checked::Wrong { locked_until: None } => {
                return Ok(Some(PasswordChangeProblem::Wrong));
            }
        };
        let hash = match password::check_and_hash_queued(new, username.to_string()).await? {
            Ok(hash) => hash,
            Err(problem) => return Ok(Some(PasswordChangeProblem::New(problem))),
        };
        let now = now_millis();
        // Only over the password just checked: of two changes at once, one wins.
        if !storage
            .desk
            .set_password(username, &account.password_hash, &hash, now)
            .await
            .map_err(unavailable)?
        {
            return Err(DeskError::Changed);
        }
        // This session goes on, under a new id, with the new password; every other one ended.
        let session = session::session().await?;
        session.cycle_id().await.map_err(store_error)?;
        session
            .insert(CREDENTIALS_KEY, now)
            .await
            .map_err(store_error)?;
        Ok(None)
    }
}
