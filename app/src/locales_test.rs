//! Every text exists in both languages: a key missing in one is a page half in the wrong language.

use serde_json::{Map, Value};

fn load(lang: &str) -> Map<String, Value> {
    let path = format!("{}/locales/{lang}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    match serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}")) {
        Value::Object(map) => map,
        other => panic!("{path} is not an object: {other}"),
    }
}

#[test]
fn both_languages_have_the_same_keys() {
    let vi = load("vi");
    let en = load("en");
    let only_vi: Vec<_> = vi.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<_> = en.keys().filter(|k| !vi.contains_key(*k)).collect();
    assert!(only_vi.is_empty(), "missing in en.json: {only_vi:?}");
    assert!(only_en.is_empty(), "missing in vi.json: {only_en:?}");
}

#[test]
fn no_text_is_empty() {
    for lang in ["vi", "en"] {
        for (key, value) in load(lang) {
            let text = value.as_str().unwrap_or_default();
            assert!(!text.trim().is_empty(), "{lang}.json: {key} is empty");
        }
    }
}
