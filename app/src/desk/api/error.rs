//! How the desk's error travels: as JSON, transport failures read as "offline".

use crate::dossier::desk::DeskError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for DeskError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Request(_) | ServerFnErrorErr::Response(_) => DeskError::Offline,
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => DeskError::BadRequest,
            _ => DeskError::Unavailable,
        }
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::api::error_body(self, self.status())
    }
}
