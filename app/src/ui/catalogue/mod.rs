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

use crate::catalogue::model::LifeEvent;
use crate::language::percent_encode;

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
