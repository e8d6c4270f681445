//! Real queries residents type, and the procedure that must come in the first three results,
//! run against the committed catalogue.

use super::sample_queries::QUERIES;
use super::search::Index;
use super::store::Catalogue;

fn top(index: &Index, query: &str, n: usize) -> Vec<String> {
    index
        .search(query, None, n)
        .iter()
        .map(|hit| {
            let entry = index.entry(hit.position);
            format!("{} {}", entry.code, entry.name_vi)
        })
        .collect()
}

#[test]
fn real_queries_find_the_procedure_in_the_top_three() {
    let index = Catalogue::embedded().index();
    assert!(QUERIES.len() >= 80);
    let mut failures = Vec::new();
    for (query, code) in QUERIES {
        let results = top(index, query, 3);
        if !results
            .iter()
            .any(|line| line.starts_with(&format!("{code} ")))
        {
            failures.push(format!("{query:?} → expected {code}, got {results:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries failed:\n{}",
        failures.len(),
        QUERIES.len(),
        failures.join("\n")
    );
}

#[test]
fn the_obvious_procedure_comes_first() {
    let index = Catalogue::embedded().index();
    for (query, code) in [
        ("dang ky khai sinh", "1.001193"),
        ("ket hon", "1.000894"),
        ("khai tu", "1.000656"),
        ("tam tru", "1.004194"),
        ("thuong tru", "1.004222"),
        // The death certificate's everyday name, which the catalogue gives only as the
        // alternative of what death registration issues.
        ("giay chung tu", "1.000656"),
        ("giấy chứng tử", "1.000656"),
    ] {
        let results = top(index, query, 1);
        assert!(results[0].starts_with(code), "{query:?}: {results:?}");
    }
}

#[test]
fn the_start_shared_by_many_papers_favours_none_of_them() {
    // "giay chung" is how "giay chung nhan …" starts too: the other name "giấy chứng tử" gives
    // death registration no lead until the query says its distinctive end.
    let index = Catalogue::embedded().index();
    let results = top(index, "giay chung", 3);
    assert!(
        !results.iter().any(|r| r.starts_with("1.000656 ")),
        "{results:?}"
    );
}

#[test]
fn nonsense_finds_nothing() {
    let index = Catalogue::embedded().index();
    assert!(top(index, "qwxz zzkq", 3).is_empty());
    assert!(top(index, "", 3).is_empty());
}
