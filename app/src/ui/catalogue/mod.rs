//! Components for the procedure catalogue: search form, result list, life events, and the
//! plain-words rendering of times, fees and paper counts.

mod facts;
mod life_events;
mod result_list;
mod search_form;

pub use facts::{channel_name, fee_summary, fee_text, time_text, who_text};
pub use life_events::{LifeEventList, event_name};
pub use result_list::ResultList;
pub use search_form::SearchForm;

use crate::catalogue::CatalogueError;
use crate::catalogue::model::{LifeEvent, Procedure};
use crate::definition::Definition;
use crate::language::percent_encode;

/// A procedure's definition (rules, form), for a component that runs on both sides: built from
/// the catalogue on the server, through `device::catalogue` in the browser (kept for offline use).
pub async fn definition(code: String) -> Result<Definition, CatalogueError> {
    #[cfg(feature = "csr")]
    {
        crate::device::catalogue::definition(code).await
    }
    #[cfg(not(feature = "csr"))]
    {
        crate::catalogue::store::Catalogue::embedded()
            .procedure(code.trim())
            .map(crate::definition::definition)
            .ok_or(CatalogueError::NotFound)
    }
}

/// A procedure's dossier form alone, for a component that runs on both sides (see
/// [`definition`]).
pub async fn form(code: String) -> Result<crate::definition::Form, CatalogueError> {
    #[cfg(feature = "csr")]
    {
        crate::device::catalogue::form(code).await
    }
    #[cfg(not(feature = "csr"))]
    {
        definition(code).await.map(|d| d.form)
    }
}

/// One procedure's full record, for a component that runs on both sides: from the catalogue in
/// memory on the server, through `device::catalogue` in the browser (kept for offline use).
pub async fn procedure(code: String) -> Result<Procedure, CatalogueError> {
    #[cfg(feature = "csr")]
    {
        crate::device::catalogue::procedure(code).await
    }
    #[cfg(not(feature = "csr"))]
    {
        crate::catalogue::store::Catalogue::embedded()
            .procedure(code.trim())
            .cloned()
            .ok_or(CatalogueError::NotFound)
    }
}

/// `/procedures` with a query, a life event and a page, leaving out what is empty.
pub fn procedures_href(query: &str, event: Option<LifeEvent>, page: usize) -> String {
    let mut params = Vec::new();
    if !query.trim().is_empty() {
        params.push(format!("q={}", percent_encode(query)));
    }
    if let Some(event) = event {
        params.push(format!("event={}", event.slug()));
    }
    if page > 1 {
        params.push(format!("page={page}"));
    }
    if params.is_empty() {
        "/procedures".to_string()
    } else {
        format!("/procedures?{}", params.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn procedure_links_keep_only_what_is_set() {
        assert_eq!(procedures_href("", None, 1), "/procedures");
        assert_eq!(
            procedures_href("tạm trú", None, 1),
            "/procedures?q=t%E1%BA%A1m%20tr%C3%BA"
        );
        assert_eq!(
            procedures_href(" ", Some(LifeEvent::Retirement), 2),
            "/procedures?event=huu-tri&page=2"
        );
    }
}
