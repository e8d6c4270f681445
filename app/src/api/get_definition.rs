//! `GET /api/catalogue/definition?code=…`: a procedure's definition — its eligibility rules, its
//! dossier form, the check's answers that fill the form ([`crate::definition`]).
//!
//! A GET, so the service worker keeps the answer: the dossier's pages and the offline kit read
//! it on the device.

use crate::catalogue::CatalogueError;
use crate::definition::Definition;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(endpoint = "catalogue/definition", input = GetUrl)]
pub async fn get_definition(code: String) -> Result<Definition, CatalogueError> {
    ssr::definition(&code)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::catalogue::CatalogueError;
    use crate::catalogue::store::Catalogue;
    use crate::definition::Definition;

    pub fn definition(code: &str) -> Result<Definition, CatalogueError> {
        Catalogue::embedded()
            .procedure(code.trim())
            .map(crate::definition::definition)
            .ok_or(CatalogueError::NotFound)
    }
}
