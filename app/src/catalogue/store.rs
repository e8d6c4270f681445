//! The whole catalogue in memory: every procedure, the search index and Hanoi's communes and
//! wards. The server holds the committed data (`app/data`); the wasm never carries it.

use super::model::{Procedure, Ward};
use super::search::{Entry, Index};

/// A hash of the committed data, set by `build.rs`: names the search index's URL.
pub const VERSION: &str = env!("CATALOGUE_VERSION");

/// The path the browser fetches the search index from.
pub fn index_path() -> String {
    format!("/catalogue/{VERSION}/index.json")
}

pub struct Catalogue {
    procedures: Vec<Procedure>,
    index: Index,
    wards: Vec<Ward>,
}

impl Catalogue {
    /// Reads the committed JSON Lines files (one procedure, one ward a line).
    pub fn parse(procedures: &str, wards: &str) -> Result<Catalogue, String> {
        let procedures: Vec<Procedure> = parse_lines(procedures)?;
        let wards = parse_lines(wards)?;
        let index = Index::new(procedures.iter().map(Entry::from_procedure).collect());
        Ok(Catalogue {
            procedures,
            index,
            wards,
        })
    }

    /// The catalogue compiled into the server.
    #[cfg(any(feature = "ssr", test))]
    pub fn embedded() -> &'static Catalogue {
        use std::sync::LazyLock;
        static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
            Catalogue::parse(
                include_str!("../../data/procedures.jsonl"),
                include_str!("../../data/hanoi-wards.jsonl"),
            )
            .expect("the committed catalogue is valid (checked by tests)")
        });
        &CATALOGUE
    }

    pub fn procedures(&self) -> &[Procedure] {
        &self.procedures
    }

    pub fn procedure(&self, code: &str) -> Option<&Procedure> {
        self.procedures
            .binary_search_by(|p| p.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.procedures[i])
    }

    pub fn index(&self) -> &Index {
        &self.index
    }

    pub fn wards(&self) -> &[Ward] {
        &self.wards
    }

    pub fn ward(&self, code: u32) -> Option<&Ward> {
        self.wards.iter().find(|ward| ward.code == code)
    }
}

fn parse_lines<T: serde::de::DeserializeOwned>(text: &str) -> Result<Vec<T>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1)))
        .collect()
}
