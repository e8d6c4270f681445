//! `make bench` (native half): time per search query over the whole catalogue.
//!
//! Every sample query is timed as typed, key by key (each prefix of 2+ characters), the way the
//! results page runs it. Each is repeated to get past the timer's resolution; the report gives
//! the distribution over queries. The browser half (the same code in the wasm) is
//! `end2end/bench/search-wasm.mjs`.

use app::catalogue::sample_queries::as_typed;
use app::catalogue::search::{Entry, Index};
use app::catalogue::store::Catalogue;
use std::time::Instant;

const REPEAT: u32 = 20;

fn main() {
    let started = Instant::now();
    let catalogue = Catalogue::parse(
        include_str!("../data/procedures.jsonl"),
        include_str!("../data/hanoi-wards.jsonl"),
    )
    .expect("committed catalogue");
    let parse_ms = started.elapsed().as_secs_f64() * 1e3;

    let entries: Vec<Entry> = catalogue
        .procedures()
        .iter()
        .map(Entry::from_procedure)
        .collect();
    let json = serde_json::to_string(&entries).unwrap();
    let started = Instant::now();
    let parsed: Vec<Entry> = serde_json::from_str(&json).unwrap();
    let index = Index::new(parsed);
    let build_ms = started.elapsed().as_secs_f64() * 1e3;

    let queries = as_typed();
    let mut times: Vec<f64> = queries
        .iter()
        .map(|query| {
            let started = Instant::now();
            for _ in 0..REPEAT {
                std::hint::black_box(index.search(std::hint::black_box(query), None, 20));
            }
            started.elapsed().as_secs_f64() * 1e3 / f64::from(REPEAT)
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "search, native ({} procedures, {} queries as typed, {REPEAT} runs each)",
        index.len(),
        times.len()
    );
    println!("  catalogue parse (server start): {parse_ms:.1} ms");
    println!("  index from JSON (browser's first search): {build_ms:.1} ms");
    println!(
        "  per query: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
