//! `make bench`'s physical limit for submissions: a minimal program that writes the rows a
//! stored dossier writes (the idempotency check, the dossier, its first history entry, in one
//! `BEGIN IMMEDIATE` transaction), into the same schema, through the same connection options
//! (WAL, `synchronous = FULL`, 8 connections), from N concurrent clients for a fixed time; no
//! HTTP, no JSON, no rules. The rows are copied from a dossier the real server stored.
//!
//! Usage: sqlite-baseline <server database file> <scratch directory> <clients> <seconds>
//! Prints one line of JSON: dossiers, dossiers per second, latency p50/p99 in milliseconds.

use server::db::SqliteDatabase;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// One stored dossier's columns, as the server wrote them.
#[derive(Clone, sqlx::FromRow)]
struct Row {
    procedure: String,
    office: i64,
    applicant_name: String,
    phone_last4: String,
    received_at: i64,
    due_date: Option<String>,
    status: String,
    receipt: String,
    content: String,
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, scratch, clients, seconds] = args.as_slice() else {
        eprintln!(
            "usage: sqlite-baseline <server database file> <scratch directory> <clients> <seconds>"
        );
        std::process::exit(2);
    };
    let clients: usize = clients.parse().expect("clients: a number");
    let seconds: u64 = seconds.parse().expect("seconds: a number");

    let source = SqliteDatabase::connect(&format!("sqlite://{source}"))
        .await
        .expect("the server's database");
    let row: Row = sqlx::query_as(
        "SELECT procedure, office, applicant_name, phone_last4, received_at, due_date, status, \
         receipt, content FROM dossiers LIMIT 1",
    )
    .fetch_one(source.pool())
    .await
    .expect("a dossier stored by the server");

    let path = std::path::Path::new(scratch).join("baseline.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let db = SqliteDatabase::connect(&format!("sqlite://{}", path.display()))
        .await
        .expect("the baseline database");
    let pool = db.pool().clone();

    let next = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (pool, row, next) = (pool.clone(), row.clone(), next.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                while Instant::now() < deadline {
                    let n = next.fetch_add(1, Ordering::Relaxed);
                    let key = format!("00000000-0000-4000-8000-{n:012x}");
                    let code = format!("B{n:011}");
                    let t = Instant::now();
                    insert(&pool, &row, &key, &code).await;
                    latencies.push(t.elapsed().as_secs_f64() * 1000.0);
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for task in tasks {
        latencies.extend(task.await.expect("a client"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_by(f64::total_cmp);
    let pick = |q: f64| {
        let rank = ((q * latencies.len() as f64).ceil() as usize).clamp(1, latencies.len());
        latencies[rank - 1]
    };
    let (stored,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dossiers")
        .fetch_one(&pool)
        .await
        .expect("a count");
    println!(
        "{{\"clients\":{clients},\"seconds\":{elapsed:.2},\"dossiers\":{stored},\"dossiers_per_second\":{:.1},\"p50_ms\":{:.2},\"p99_ms\":{:.2}}}",
        stored as f64 / elapsed,
        pick(0.5),
        pick(0.99)
    );
}

/// The server's writes for one new dossier, without anything else.
async fn insert(pool: &sqlx::SqlitePool, row: &Row, key: &str, code: &str) {
    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("begin");
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT receipt FROM dossiers WHERE idempotency_key = ?")
            .bind(key)
            .fetch_optional(&mut *tx)
            .await
            .expect("lookup");
    assert!(existing.is_none(), "keys are unique");
    let id = sqlx::query(
        "INSERT INTO dossiers (idempotency_key, tracking_code, procedure, office, applicant_name, \
         phone_last4, received_at, due_date, status, receipt, content) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(key)
    .bind(code)
    .bind(&row.procedure)
    .bind(row.office)
    .bind(&row.applicant_name)
    .bind(&row.phone_last4)
    .bind(row.received_at)
    .bind(&row.due_date)
    .bind(&row.status)
    .bind(&row.receipt)
    .bind(&row.content)
    .execute(&mut *tx)
    .await
    .expect("insert")
    .last_insert_rowid();
    sqlx::query(
        "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) VALUES (?, ?, NULL, ?, 'resident')",
    )
    .bind(id)
    .bind(&row.status)
    .bind(row.received_at)
    .execute(&mut *tx)
    .await
    .expect("event");
    tx.commit().await.expect("commit");
}
