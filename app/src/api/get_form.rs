//! `GET /api/catalogue/form?code=…`: a procedure's dossier form alone — its parts and the
//! check's answers that fill them ([`crate::definition::Form`]): what the form's pages need,
//! without the rules.
//!
//! A GET, so the service worker keeps the answer for offline use.

use crate::catalogue::CatalogueError;
use crate::definition::Form;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(endpoint = "catalogue/form", input = GetUrl)]
pub async fn get_form(code: String) -> Result<Form, CatalogueError> {
    ssr::form(&code)
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::catalogue::CatalogueError;
    use crate::catalogue::store::Catalogue;
    use crate::definition::Form;

    pub fn form(code: &str) -> Result<Form, CatalogueError> {
        Catalogue::embedded()
            .procedure(code.trim())
            .map(|procedure| crate::definition::definition(procedure).form)
            .ok_or(CatalogueError::NotFound)
    }
}
