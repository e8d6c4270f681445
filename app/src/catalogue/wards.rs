//! Hà Nội's 126 communes and wards, compiled into the wasm as well (7 KB), so a dossier can name
//! its office with no network.

use super::model::Ward;
use std::sync::LazyLock;

static WARDS: LazyLock<Vec<Ward>> = LazyLock::new(|| {
    include_str!("../../data/hanoi-wards.jsonl")
        .lines()
        .filter(|line| !line.trim().is_empty())
        .filter_map(|line| serde_json::from_str(line).ok())
        .collect()
});

pub fn hanoi() -> &'static [Ward] {
    &WARDS
}

pub fn ward(code: u32) -> Option<&'static Ward> {
    hanoi().iter().find(|w| w.code == code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_commune_and_ward_is_read() {
        assert_eq!(super::hanoi().len(), 126);
        assert_eq!(super::ward(4).unwrap().name, "Phường Ba Đình");
        assert!(super::ward(0).is_none());
    }
}
