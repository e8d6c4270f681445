//! `POST /api/desk/me`: the signed-in officer and their CSRF token, or nothing (the desk pages
//! then show the sign-in link).

use super::DeskSession;
use crate::dossier::desk::DeskError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/me", input = Json)]
pub async fn who_am_i() -> Result<Option<DeskSession>, DeskError> {
    super::session::current().await
}
