//! Một Cửa's server: configuration, database, and the HTTP router around the Leptos app.
//! `main.rs` only wires these together, so integration tests can build the same router.

#![recursion_limit = "256"]

pub mod blobs;
pub mod cli;
pub mod config;
pub mod db;
pub mod import;
pub mod serve;
pub mod sweep;
pub mod web;
