//! `GET /api/catalogue/wards`: Hanoi's 126 communes and wards, for "where to file".

use crate::catalogue::CatalogueError;
use crate::catalogue::model::Ward;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

#[server(endpoint = "catalogue/wards", input = GetUrl)]
pub async fn list_wards() -> Result<Vec<Ward>, CatalogueError> {
    Ok(ssr::wards())
}

#[cfg(feature = "ssr")]
mod ssr {
    use crate::catalogue::model::Ward;
    use crate::catalogue::store::Catalogue;

    pub fn wards() -> Vec<Ward> {
        Catalogue::embedded().wards().to_vec()
    }
}
