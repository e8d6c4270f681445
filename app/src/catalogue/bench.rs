//! The browser half of `make bench`: times the search in the wasm, over the index the page
//! downloads, with the same sample queries as the native benchmark (`app/benches/search.rs`).
//! Called by `end2end/bench/search-wasm.mjs` through the wasm module's exports.

use super::sample_queries::as_typed;
use super::source::with_index;
use wasm_bindgen::prelude::wasm_bindgen;

/// Runs every sample query as typed, `repeat` times each; returns the milliseconds per query
/// (one number per query, as JSON) and the time to download and build the index.
#[wasm_bindgen]
pub async fn bench_search(repeat: u32) -> String {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return "{\"error\":\"no performance clock\"}".into();
    };
    let repeat = repeat.max(1);
    let started = performance.now();
    let times = with_index(|index| {
        let loaded = performance.now();
        let times: Vec<f64> = as_typed()
            .iter()
            .map(|query| {
                let start = performance.now();
                for _ in 0..repeat {
                    std::hint::black_box(index.search(std::hint::black_box(query), None, 20));
                }
                (performance.now() - start) / f64::from(repeat)
            })
            .collect();
        (loaded, times)
    })
    .await;
    match times {
        Ok((loaded, times)) => serde_json::json!({
            "index_ms": loaded - started,
            "per_query_ms": times,
        })
        .to_string(),
        Err(_) => "{\"error\":\"index unavailable\"}".into(),
    }
}
