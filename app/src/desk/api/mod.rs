//! The help desk's server functions, one per file, under `/api/desk/`. Every one reads the
//! officer from the session cookie (tower-sessions, kept in the database); those that change
//! something also need the session's CSRF token, which the desk pages carry. Who may see which
//! dossier is decided here, on the server, with [`crate::staff::Staff::may_handle`] — never by
//! what the pages show.

pub mod change_password;
pub mod decide_dossier;
pub mod desk_numbers;
pub mod desk_queue;
mod error;
pub mod manage_staff;
pub mod open_dossier;
pub mod open_handoff;
#[cfg(feature = "ssr")]
pub mod password;
#[cfg(feature = "ssr")]
pub mod session;
pub mod sign_in;
pub mod sign_in_form;
pub mod sign_out;
pub mod who_am_i;

use crate::staff::Staff;
use serde::{Deserialize, Serialize};

/// The signed-in officer, with the token their forms send back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeskSession {
    pub staff: Staff,
    pub csrf: String,
}
