//! Generates the `i18n` module from `locales/*.json`: every key is checked at compile time,
//! and a key missing in one language fails the build (see `emit_diagnostics`).
use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");

    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?).join("i18n");
    // Vietnamese is the default language, English the second.
    // `interpolate_display`: texts with values ("{{ count }} procedures") also as plain strings,
    // for attributes and formatted sentences.
    let cfg = Config::new("vi")?
        .add_locale("en")?
        .parse_options(ParseOptions::new().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;

    catalogue_version()?;
    Ok(())
}

/// `CATALOGUE_VERSION`: a hash of the committed catalogue, known to the server and the wasm alike
/// without the wasm carrying the data. It names the search index's URL, so browsers can keep an
/// index forever and fetch a new one only when the catalogue changes.
fn catalogue_version() -> Result<(), Box<dyn Error>> {
    // FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in ["data/procedures.jsonl", "data/hanoi-wards.jsonl"] {
        println!("cargo::rerun-if-changed={file}");
        for byte in std::fs::read(file)? {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    println!("cargo::rustc-env=CATALOGUE_VERSION={:012x}", hash >> 16);
    Ok(())
}
