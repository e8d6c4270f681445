//! `POST /api/desk/sign-out`: ends the officer's session (deleted from the database, the cookie
//! cleared). Needs the session's CSRF token, so another site cannot sign an officer out.

use crate::dossier::desk::DeskError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/sign-out", input = Json)]
pub async fn sign_out(csrf: String) -> Result<(), DeskError> {
    use super::session;
    match session::officer_with(&csrf).await {
        Ok(_) | Err(DeskError::NotSignedIn) => {}
        Err(error) => return Err(error),
    }
    session::session().await?.flush().await.map_err(|e| {
        leptos::logging::error!("cannot end the session: {e}");
        DeskError::Unavailable
    })
}
