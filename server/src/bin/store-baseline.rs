//! `make bench`'s physical limit for submissions: a minimal program that writes the rows a
//! stored dossier writes (the idempotency check, the dossier, its first history entry, in one
//! transaction) into the same schema, with the same durability, from N concurrent clients for a
//! fixed time; no HTTP, no JSON, no rules. The rows are copied from a dossier the real server
//! stored.
//!
//! - SQLite (`sqlite://file`): a new file in the scratch directory, through the server's own
//!   connection options (WAL, `synchronous = FULL`, 8 connections), `BEGIN IMMEDIATE`;
//! - PostgreSQL (`postgres://…`): a new schema named by the scratch argument in the same database,
//!   `synchronous_commit = on`, as many connections as clients up to 48 (what three servers
//!   open), plain `BEGIN` (no advisory lock: the unique key is the only guard a plain writer has).
//!
//! Usage: store-baseline <server database URL> <scratch directory or schema> <clients> <seconds>
//! Prints one line of JSON: dossiers, dossiers per second, latency p50/p99 in milliseconds.

use server::db::{PostgresDatabase, SqliteDatabase};
use std::str::FromStr;
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

const SOURCE: &str = "SELECT procedure, office, applicant_name, phone_last4, received_at, \
     due_date, status, receipt, content FROM dossiers LIMIT 1";

#[derive(Clone)]
enum Pool {
    Sqlite(sqlx::SqlitePool),
    Postgres(sqlx::PgPool),
}

/// The server's writes for one new dossier in the transaction `$tx`, without anything else.
macro_rules! insert {
    ($tx:ident, $row:ident, $key:ident, $code:ident) => {{
        let mut tx = $tx;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT receipt FROM dossiers WHERE idempotency_key = $1")
                .bind(&$key)
                .fetch_optional(&mut *tx)
                .await
                .expect("lookup");
        assert!(existing.is_none(), "keys are unique");
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO dossiers (idempotency_key, tracking_code, procedure, office, \
             applicant_name, phone_last4, received_at, due_date, status, receipt, content) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
        )
        .bind(&$key)
        .bind(&$code)
        .bind(&$row.procedure)
        .bind($row.office)
        .bind(&$row.applicant_name)
        .bind(&$row.phone_last4)
        .bind($row.received_at)
        .bind(&$row.due_date)
        .bind(&$row.status)
        .bind(&$row.receipt)
        .bind(&$row.content)
        .fetch_one(&mut *tx)
        .await
        .expect("insert");
        sqlx::query(
            "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) \
             VALUES ($1, $2, NULL, $3, 'resident')",
        )
        .bind(id)
        .bind(&$row.status)
        .bind($row.received_at)
        .execute(&mut *tx)
        .await
        .expect("event");
        tx.commit().await.expect("commit");
    }};
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, scratch, clients, seconds] = args.as_slice() else {
        eprintln!(
            "usage: store-baseline <server database URL> <scratch directory or schema> <clients> <seconds>"
        );
        std::process::exit(2);
    };
    let clients: usize = clients.parse().expect("clients: a number");
    let seconds: u64 = seconds.parse().expect("seconds: a number");
    let (row, pool) = if source.starts_with("postgres") {
        postgres(source, scratch, clients).await
    } else {
        sqlite(source, scratch).await
    };

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
                    match &pool {
                        Pool::Sqlite(pool) => {
                            let tx = pool.begin_with("BEGIN IMMEDIATE").await.expect("begin");
                            insert!(tx, row, key, code);
                        }
                        Pool::Postgres(pool) => {
                            let tx = pool.begin().await.expect("begin");
                            insert!(tx, row, key, code);
                        }
                    }
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
    let count = "SELECT COUNT(*) FROM dossiers";
    let stored: i64 = match &pool {
        Pool::Sqlite(pool) => sqlx::query_scalar(count).fetch_one(pool).await,
        Pool::Postgres(pool) => sqlx::query_scalar(count).fetch_one(pool).await,
    }
    .expect("a count");
    println!(
        "{{\"clients\":{clients},\"seconds\":{elapsed:.2},\"dossiers\":{stored},\"dossiers_per_second\":{:.1},\"p50_ms\":{:.2},\"p99_ms\":{:.2}}}",
        stored as f64 / elapsed,
        pick(0.5),
        pick(0.99)
    );
}

/// The source row from the server's SQLite file, and a new file in `scratch`.
async fn sqlite(source: &str, scratch: &str) -> (Row, Pool) {
    let source = SqliteDatabase::connect(source)
        .await
        .expect("the server's database");
    let row: Row = sqlx::query_as(SOURCE)
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
    (row, Pool::Sqlite(db.pool().clone()))
}

/// The source row from the server's PostgreSQL database, and a new schema `schema` in it.
async fn postgres(source: &str, schema: &str, clients: usize) -> (Row, Pool) {
    let server = sqlx::PgPool::connect(source)
        .await
        .expect("the server's database");
    let row: Row = sqlx::query_as(SOURCE)
        .fetch_one(&server)
        .await
        .expect("a dossier stored by the server");
    let schema: String = schema
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    for statement in [
        format!("DROP SCHEMA IF EXISTS {schema} CASCADE"),
        format!("CREATE SCHEMA {schema}"),
    ] {
        sqlx::query(&statement)
            .execute(&server)
            .await
            .expect("a schema");
    }
    server.close().await;
    let options = sqlx::postgres::PgConnectOptions::from_str(source)
        .expect("a URL")
        .options([("search_path", schema.as_str())]);
    // The server's own migrations and durability (synchronous_commit = on).
    let db = PostgresDatabase::connect_with(options.clone())
        .await
        .expect("the baseline schema");
    db.pool().close().await;
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(clients.clamp(1, 48) as u32)
        .connect_with(options.options([("synchronous_commit", "on")]))
        .await
        .expect("connections");
    (row, Pool::Postgres(pool))
}
