//! The procedure catalogue: data model, text folding and search. Plain Rust, compiled into the
//! server and the wasm alike so both find the same procedures.

#[cfg(feature = "hydrate")]
pub mod bench;
pub mod format;
pub mod listing;
pub mod model;
pub mod sample_queries;
pub mod search;
pub mod source;
pub mod store;
pub mod text;
pub mod wards;

#[cfg(test)]
mod data_test;
#[cfg(test)]
mod queries_test;
