//! What `/procedures` shows for a query and a life event: the matching entries, one page of them,
//! and how many match in each life event.

use super::model::LifeEvent;
use super::search::{Entry, Index};
use super::text::fold;
use serde::{Deserialize, Serialize};

/// Results shown for a search: the right one should be in the first three.
pub const SEARCH_RESULTS: usize = 20;
/// Procedures per page when browsing a life event.
pub const PAGE_SIZE: usize = 50;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Listing {
    pub query: String,
    pub event: Option<LifeEvent>,
    /// 1-based page when browsing.
    pub page: usize,
    pub pages: usize,
    pub entries: Vec<Entry>,
    /// How many procedures match in all (before paging or the 20-result cut).
    pub total: usize,
    /// Matches per life event, in the portal's order (zeros left out); when nothing matches, the
    /// size of each life event, to browse instead.
    pub counts: Vec<(LifeEvent, usize)>,
}

/// Lists the catalogue for a query (may be empty) within a life event (optional).
pub fn list(index: &Index, query: &str, event: Option<LifeEvent>, page: usize) -> Listing {
    let query = query.trim();
    let query_chars: String = query.chars().take(200).collect();
    if query_chars.is_empty() {
        return browse(index, event, page);
    }
    let hits = index.search(&query_chars, None, index.len());
    if hits.is_empty() {
        return Listing {
            query: query_chars,
            event,
            page: 1,
            pages: 1,
            ..browse(index, None, 1)
        };
    }
    let mut counts: Vec<(LifeEvent, usize)> = Vec::new();
    for event in LifeEvent::ALL {
        let count = hits
            .iter()
            .filter(|h| index.entry(h.position).life_event == event)
            .count();
        if count > 0 {
            counts.push((event, count));
        }
    }
    let matching: Vec<&Entry> = hits
        .iter()
        .map(|h| index.entry(h.position))
        .filter(|entry| event.is_none_or(|e| entry.life_event == e))
        .collect();
    Listing {
        query: query_chars,
        event,
        page: 1,
        pages: 1,
        total: matching.len(),
        entries: matching.into_iter().take(SEARCH_RESULTS).cloned().collect(),
        counts,
    }
}

fn browse(index: &Index, event: Option<LifeEvent>, page: usize) -> Listing {
    let counts = LifeEvent::ALL
        .into_iter()
        .map(|e| {
            (
                e,
                index
                    .entries()
                    .iter()
                    .filter(|entry| entry.life_event == e)
                    .count(),
            )
        })
        .filter(|(_, count)| *count > 0)
        .collect();
    let Some(event) = event else {
        return Listing {
            page: 1,
            pages: 1,
            counts,
            ..Listing::default()
        };
    };
    let mut entries: Vec<&Entry> = index
        .entries()
        .iter()
        .filter(|e| e.life_event == event)
        .collect();
    // Residents' procedures first, then by name as residents read it.
    entries.sort_by_cached_key(|e| (!e.for_residents, fold(&e.name_vi)));
    let total = entries.len();
    let pages = total.div_ceil(PAGE_SIZE).max(1);
    let page = page.clamp(1, pages);
    Listing {
        query: String::new(),
        event: Some(event),
        page,
        pages,
        total,
        entries: entries
            .into_iter()
            .skip((page - 1) * PAGE_SIZE)
            .take(PAGE_SIZE)
            .cloned()
            .collect(),
        counts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::store::Catalogue;

    #[test]
    fn search_counts_matches_per_life_event() {
        let index = Catalogue::embedded().index();
        let listing = list(index, "khai sinh", None, 1);
        assert_eq!(listing.entries[0].code, "1.001193");
        assert!(listing.total >= 5);
        assert!(
            listing
                .counts
                .iter()
                .any(|(e, n)| *e == LifeEvent::HavingAChild && *n >= 5)
        );
        let within = list(index, "khai sinh", Some(LifeEvent::Bereavement), 1);
        assert!(
            within
                .entries
                .iter()
                .all(|e| e.life_event == LifeEvent::Bereavement)
        );
        assert_eq!(
            within.counts, listing.counts,
            "counts do not depend on the chosen event"
        );
    }

    #[test]
    fn browsing_pages_through_a_life_event() {
        let index = Catalogue::embedded().index();
        let first = list(index, "", Some(LifeEvent::Work), 1);
        assert_eq!(first.total, 543);
        assert_eq!(first.pages, 11);
        assert_eq!(first.entries.len(), PAGE_SIZE);
        let last = list(index, "  ", Some(LifeEvent::Work), 99);
        assert_eq!(last.page, 11);
        assert_eq!(last.entries.len(), 543 - 10 * PAGE_SIZE);
        let total: usize = first.counts.iter().map(|(_, n)| n).sum();
        assert_eq!(total, 1120);
    }

    #[test]
    fn nothing_found_offers_the_life_events() {
        let listing = list(Catalogue::embedded().index(), "qwxz", None, 1);
        assert_eq!((listing.total, listing.entries.len()), (0, 0));
        assert_eq!(listing.query, "qwxz");
        assert_eq!(listing.counts.len(), 11);
    }

    #[test]
    fn nothing_asked_lists_only_the_life_events() {
        let listing = list(Catalogue::embedded().index(), "", None, 1);
        assert!(listing.entries.is_empty());
        assert_eq!(listing.counts.len(), 11);
    }
}
