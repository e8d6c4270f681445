//! `POST /api/desk/sign-in-form`: the sign-in form as a plain HTML form sends it, before the
//! app has loaded or without JavaScript (`application/x-www-form-urlencoded`). The password
//! travels in the body, never in an address: the answer is a redirect, to the desk page named by
//! `next` once signed in, else back to `/desk/login` with what went wrong
//! ([`SignInProblem::to_query`]). The checks, counts and lock-out are those of
//! [`super::sign_in::sign_in`].

use crate::dossier::desk::DeskError;
use leptos::prelude::*;

#[server(endpoint = "desk/sign-in-form")]
pub async fn sign_in_form(
    username: String,
    password: String,
    next: Option<String>,
) -> Result<(), DeskError> {
    ssr::sign_in_form(username, password, next).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::desk::ui::{desk_next, login_href};
    use crate::dossier::desk::{DeskError, SignInProblem};

    pub async fn sign_in_form(
        username: String,
        password: String,
        next: Option<String>,
    ) -> Result<(), DeskError> {
        let next = desk_next(next.as_deref());
        let problem = match SignInProblem::missing(&username, &password) {
            Some(missing) => Some(missing),
            None => {
                SignInProblem::of(super::super::sign_in::ssr::sign_in(username, password).await)
            }
        };
        let to = match problem {
            None => next,
            Some(problem) => format!("{}&{}", login_href(&next), problem.to_query()),
        };
        leptos_axum::redirect(&to);
        Ok(())
    }
}
