//! How the dossier server functions' error travels: as JSON, with transport failures read as
//! "offline" so the outbox simply tries again.

use crate::dossier::submission::SubmitError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for SubmitError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => SubmitError::Offline,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => SubmitError::BadRequest,
            _ => SubmitError::Unavailable,
        }
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::api::error_body(self, self.status())
    }
}
