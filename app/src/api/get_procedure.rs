//! `GET /api/catalogue/procedure?code=…`: one procedure's full record.
//!
//! A GET, so the service worker can keep the answer for offline reading.

use crate::catalogue::CatalogueError;
use crate::catalogue::model::Procedure;
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, JsonEncoding};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};

impl FromServerFnError for CatalogueError {
    type Encoder = JsonEncoding;

    /// Arguments that cannot be read are the request's fault; transport failures (no network,
    /// server unreachable) and anything else the server-function layer reports all mean the same
    /// to a resident: the record cannot be had right now.
    fn from_server_fn_error(error: ServerFnErrorErr) -> Self {
        match error {
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::Deserialization(_) => CatalogueError::BadRequest,
            _ => CatalogueError::Offline,
        }
    }

    fn ser(&self) -> leptos::server_fn::Bytes {
        crate::api::error_body(self, self.status())
    }
}

#[server(endpoint = "catalogue/procedure", input = GetUrl)]
pub async fn get_procedure(code: String) -> Result<Procedure, CatalogueError> {
    ssr::procedure(&code)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::catalogue::CatalogueError;
    use crate::catalogue::model::Procedure;
    use crate::catalogue::store::Catalogue;

    pub fn procedure(code: &str) -> Result<Procedure, CatalogueError> {
        Catalogue::embedded()
            .procedure(code.trim())
            .cloned()
            .ok_or(CatalogueError::NotFound)
    }
}
