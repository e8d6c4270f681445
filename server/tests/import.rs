//! The importer reproduces the committed catalogue byte for byte from `../shared/data`.
//! Without that folder (it is not part of the project) the test says so and checks nothing else.

use server::import::{import_procedures, import_wards, parse_names, to_jsonl};
use std::path::PathBuf;

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn import_is_deterministic_and_matches_the_committed_data() {
    let source = std::env::var_os("MOTCUA_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("../shared/data"));
    let Ok(records) = std::fs::read_to_string(source.join("dvc-ward-procedures.jsonl")) else {
        eprintln!("skipped: no reference data at {}", source.display());
        return;
    };
    let csv = std::fs::read_to_string(source.join("vn-wards-2025.csv")).unwrap();
    let data = workspace().join("app/data");
    let names = parse_names(&std::fs::read_to_string(data.join("procedure-names-en.tsv")).unwrap())
        .unwrap();

    let first = to_jsonl(&import_procedures(&records, &names).unwrap());
    let second = to_jsonl(&import_procedures(&records, &names).unwrap());
    assert_eq!(first, second, "two imports differ");
    let committed = std::fs::read_to_string(data.join("procedures.jsonl")).unwrap();
    assert!(
        first == committed,
        "app/data/procedures.jsonl is stale: run `make import`"
    );
    let wards = to_jsonl(&import_wards(&csv).unwrap());
    let committed = std::fs::read_to_string(data.join("hanoi-wards.jsonl")).unwrap();
    assert!(
        wards == committed,
        "app/data/hanoi-wards.jsonl is stale: run `make import`"
    );
}
