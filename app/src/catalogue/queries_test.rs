//! Real queries residents type, and the procedure that must come in the first three results,
//! run against the committed catalogue.

use super::search::Index;
use super::store::Catalogue;

/// (query, code that must be in the top 3)
const QUERIES: &[(&str, &str)] = &[
    // The examples.
    ("dang ky khai sinh", "1.001193"),
    ("ket hon", "1.000894"),
    ("khai tu", "1.000656"),
    ("tam tru", "1.004194"),
    ("thuong tru", "1.004222"),
    ("chung thuc ban sao", "2.000815"),
    ("xac nhan tinh trang hon nhan", "1.004873"),
    // Phrasings residents use.
    ("lam giay khai sinh cho con", "1.001193"),
    ("giay khai sinh", "1.001193"),
    ("khai sinh", "1.001193"),
    ("dang ky ket hon", "1.000894"),
    ("dang ky tam tru", "1.004194"),
    ("thu tuc dang ky thuong tru", "1.004222"),
    ("giay xac nhan doc than", "1.004873"),
    ("tam vang", "1.003677"),
    ("gia han tam tru", "1.002755"),
    ("xoa thuong tru", "1.003197"),
    ("xoa tam tru", "1.010028"),
    ("tach ho", "1.010038"),
    ("xac nhan cu tru", "1.010041"),
    ("thong bao luu tru", "2.001159"),
    ("can cuoc", "1.014061"),
    ("cap lai can cuoc", "1.014064"),
    ("doi can cuoc", "1.014063"),
    ("can cuoc cho tre duoi 14 tuoi", "1.014062"),
    ("dang ky lai khai sinh", "1.004884"),
    ("ban sao giay khai sinh", "2.000635"),
    ("trich luc ho tich", "2.000635"),
    ("giam ho", "1.004837"),
    ("nhan cha me con", "1.001022"),
    ("nuoi con nuoi", "2.001263"),
    ("che do thai san", "2.000693"),
    ("tu tuat", "2.000821"),
    ("ket hon voi nguoi nuoc ngoai", "2.000806"),
    ("khai tu nguoi nuoc ngoai", "1.001766"),
    ("cai chinh ho tich", "1.004859"),
    ("mat ho chieu", "1.010386"),
    ("chung thuc chu ky", "2.000884"),
    ("tro cap huu tri xa hoi", "1.014027"),
    ("dinh danh dien tu", "3.000228"),
    ("bhxh tu nguyen", "1.002179"),
    // Short forms, run-together words, everyday words.
    ("cccd", "1.014061"),
    ("dk ket hon", "1.000894"),
    ("dkks", "1.001193"),
    ("khaisinh", "1.001193"),
    ("tamtru", "1.004194"),
    ("lay vo", "1.000894"),
    ("nguoi nha qua doi", "1.000656"),
    ("ho khau", "1.004222"),
    ("vneid", "3.000228"),
    // Word order, accents, case, unfinished words.
    ("khai sinh dang ky", "1.001193"),
    ("hon nhan tinh trang xac nhan", "1.004873"),
    ("Đăng ký tạm trú", "1.004194"),
    ("TAM TRU", "1.004194"),
    ("dang ky khai si", "1.001193"),
    ("ket ho", "1.000894"),
    // English and codes.
    ("birth registration", "1.001193"),
    ("marriage", "1.000894"),
    ("temporary residence", "1.004194"),
    ("death registration", "1.000656"),
    ("identity card", "1.014061"),
    ("1.001193", "1.001193"),
];

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
    assert!(QUERIES.len() >= 30);
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
    ] {
        let results = top(index, query, 1);
        assert!(results[0].starts_with(code), "{query:?}: {results:?}");
    }
}

#[test]
fn nonsense_finds_nothing() {
    let index = Catalogue::embedded().index();
    assert!(top(index, "qwxz zzkq", 3).is_empty());
    assert!(top(index, "", 3).is_empty());
}
