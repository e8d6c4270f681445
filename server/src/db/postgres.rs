//! The PostgreSQL backend, for several stateless servers sharing one database: every row the
//! servers need (dossiers, attachment bytes, staff, sessions, hand-offs, limits) is in it, every
//! commit is durable before a receipt is issued (`synchronous_commit = on`), and every step that
//! must happen once holds across servers:
//!
//! - storing a dossier, staging a file and adding papers take a transaction-level advisory lock
//!   on their idempotency key first, so the same key sent to two servers at once is served one
//!   after the other (and the unique keys would refuse a second row anyway);
//! - an officer's decision locks the dossier's row (`FOR UPDATE`) and checks its status again;
//! - an attempt under limits locks each of its subjects (in one order, so no deadlock) before it
//!   counts them.
//!
//! Migrations (`server/migrations/postgres`) are applied on start under sqlx's advisory lock:
//! servers started at once apply each one once.

use super::{Database, DatabaseHealth, DbError, unavailable};
use app::api::store::{BlobStore, DossierStore, StagedFile, StoreError};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::{PgConnection, PgPool};
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

#[derive(Clone)]
pub struct PostgresDatabase {
    pool: PgPool,
    /// The schema its tables are in (the connection's `search_path`; `public` unless set).
    schema: String,
}

impl PostgresDatabase {
    /// Connects to the database at `url` (`postgres://user:password@host:port/name`, with
    /// `?options=-c search_path=…` for another schema than `public`) and applies the migrations
    /// it lacks. The error never holds the password.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        let options = PgConnectOptions::from_str(url).map_err(|e| DbError::Open(e.to_string()))?;
        Self::connect_with(options).await
    }

    /// [`PostgresDatabase::connect`] with options already read.
    pub async fn connect_with(options: PgConnectOptions) -> Result<Self, DbError> {
        let options = options
            .application_name("motcua")
            // A receipt must never be issued for a dossier a crash could undo, whatever the
            // cluster's default.
            .options([("synchronous_commit", "on")])
            // Times without a zone (tower-sessions compares sessions' expiry with
            // `now() at time zone 'utc'`) read as UTC, whatever the server's own zone.
            .options([("timezone", "UTC")]);
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(|e| DbError::Open(e.to_string()))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| DbError::Migrate(e.to_string()))?;
        let (schema,): (String,) = sqlx::query_as("SELECT current_schema()")
            .fetch_one(&pool)
            .await
            .map_err(|e| DbError::Open(e.to_string()))?;
        Ok(PostgresDatabase { pool, schema })
    }

    /// The connection pool.
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Row locks for rows read before they are changed.
    pub(super) const FOR_UPDATE: &'static str = " FOR UPDATE";
    /// The order a dossier's files were filed in.
    pub(super) const FILE_ORDER: &'static str = "id";
    /// Attempts older than `$1`, but not those another attempt is deleting (it would wait for
    /// that one's commit): what is left is deleted by the next.
    pub(super) const FORGET_ATTEMPTS: &'static str = "DELETE FROM attempts WHERE ctid IN \
         (SELECT ctid FROM attempts WHERE at < $1 LIMIT 1000 FOR UPDATE SKIP LOCKED)";

    /// A transaction that writes, holding the lock `name` (shared by every server on this
    /// database) until it ends.
    pub(super) async fn writing(
        &self,
        name: &str,
    ) -> Result<sqlx::Transaction<'static, sqlx::Postgres>, StoreError> {
        let mut tx = self.pool.begin().await.map_err(unavailable)?;
        Self::lock(&mut tx, name).await?;
        Ok(tx)
    }

    /// Holds, until the transaction of `conn` ends, the lock named `name`: whoever takes the
    /// same name on any server waits.
    pub(super) async fn lock(conn: &mut PgConnection, name: &str) -> Result<(), StoreError> {
        sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(name)
            .execute(conn)
            .await
            .map_err(unavailable)?;
        Ok(())
    }

    /// The next attempt number, from a sequence (never given twice).
    pub(super) async fn attempt_number(conn: &mut PgConnection) -> Result<i64, StoreError> {
        let (id,): (i64,) = sqlx::query_as("SELECT nextval('attempt_numbers')")
            .fetch_one(conn)
            .await
            .map_err(unavailable)?;
        Ok(id)
    }

    /// tower-sessions' PostgreSQL store over our `staff_sessions` table.
    fn sessions(&self) -> tower_sessions_sqlx_store::PostgresStore {
        tower_sessions_sqlx_store::PostgresStore::new(self.pool.clone())
            .with_schema_name(&self.schema)
            .and_then(|store| store.with_table_name("staff_sessions"))
            .expect("valid names")
    }
}

#[async_trait::async_trait]
impl Database for PostgresDatabase {
    async fn dossier_count(&self) -> Result<i64, DbError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(count)
    }

    async fn count_browser_failure(&self, minute: i64, limit: i64) -> Result<bool, DbError> {
        // One statement: the row is locked while its count is checked and raised.
        let counted = sqlx::query(
            "INSERT INTO browser_failures (minute, count) VALUES ($1, 1) \
             ON CONFLICT (minute) DO UPDATE SET count = browser_failures.count + 1 \
             WHERE browser_failures.count < $2",
        )
        .bind(minute)
        .bind(limit)
        .execute(&self.pool)
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(counted.rows_affected() == 1)
    }

    async fn browser_failures(&self) -> Result<i64, DbError> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT COALESCE(SUM(count), 0)::BIGINT FROM browser_failures")
                .fetch_one(&self.pool)
                .await
                .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(count)
    }

    async fn health(&self) -> Result<DatabaseHealth, DbError> {
        let (created_at, schema_version): (String, i64) = sqlx::query_as(
            "SELECT created_at, (SELECT MAX(version) FROM _sqlx_migrations) \
             FROM instance WHERE id = 1",
        )
        .fetch_one(&self.pool)
        .await
        .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(DatabaseHealth {
            backend: "postgres",
            created_at,
            schema_version,
        })
    }

    fn session_store(&self) -> std::sync::Arc<dyn tower_sessions::SessionStore> {
        std::sync::Arc::new(self.sessions())
    }

    async fn forget_expired_sessions(&self) -> Result<(), DbError> {
        use tower_sessions::ExpiredDeletion;
        self.sessions()
            .delete_expired()
            .await
            .map_err(|e| DbError::Unavailable(e.to_string()))
    }

    async fn close(&self) {
        self.pool.close().await;
    }
}

/// Attachment bytes in the database, beside the rows that name them: every server reads what any
/// server wrote, with the same durability as a dossier. A file is staged in the same transaction
/// that keeps its bytes, and the foreign keys of `staged_files` and `dossier_files` refuse a row
/// whose bytes are missing: no bytes without their row (but for bytes kept by `put` alone, swept
/// like any others), no row without its bytes. Moving to an object store later means a
/// [`crate::blobs::FileStore`] that writes the object (by its SHA-256) before the staging row and
/// sweeps objects no row names, as [`crate::blobs::DiskBlobs`] does on disk.
#[async_trait::async_trait]
impl BlobStore for PostgresDatabase {
    async fn put(&self, bytes: Vec<u8>) -> Result<String, StoreError> {
        let sha256 = crate::blobs::sha256_hex(&bytes);
        keep(
            &mut *self.pool.acquire().await.map_err(unavailable)?,
            &sha256,
            bytes,
        )
        .await?;
        Ok(sha256)
    }

    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let row: Option<(Vec<u8>,)> = sqlx::query_as("SELECT bytes FROM blobs WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await
            .map_err(unavailable)?;
        Ok(row.map(|(bytes,)| bytes))
    }

    async fn stage(
        &self,
        _dossiers: &dyn DossierStore,
        file: StagedFile,
        bytes: Vec<u8>,
        max_files: u32,
        max_bytes: u64,
    ) -> Result<Option<String>, StoreError> {
        let file = StagedFile {
            sha256: crate::blobs::sha256_hex(&bytes),
            ..file
        };
        let mut tx = self.writing(&format!("staged:{}", file.key)).await?;
        keep(&mut tx, &file.sha256, bytes).await?;
        if !super::postgres_stores::stage_in(&mut tx, &file, max_files, max_bytes).await? {
            // Over the quota: neither the row nor the bytes.
            tx.rollback().await.map_err(unavailable)?;
            return Ok(None);
        }
        tx.commit().await.map_err(unavailable)?;
        Ok(Some(file.sha256))
    }
}

/// Keeps `bytes` under `sha256`, or renews the time of the same bytes kept before (so that the
/// sweep leaves them).
async fn keep(conn: &mut PgConnection, sha256: &str, bytes: Vec<u8>) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO blobs (sha256, bytes, kept_at) VALUES ($1, $2, $3) \
         ON CONFLICT (sha256) DO UPDATE SET kept_at = excluded.kept_at",
    )
    .bind(sha256)
    .bind(bytes)
    .bind(app::api::store::now_millis())
    .execute(conn)
    .await
    .map_err(unavailable)?;
    Ok(())
}

#[async_trait::async_trait]
impl crate::blobs::FileStore for PostgresDatabase {
    /// One statement: bytes last sent before `before` that no staged or stored file names.
    async fn sweep(
        &self,
        before: std::time::SystemTime,
        _store: &dyn DossierStore,
    ) -> Result<u64, StoreError> {
        let before = before
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as i64)
            .unwrap_or(0);
        // Rows another transaction holds (a file being staged again, or filed with a dossier:
        // the foreign key's check locks it) are skipped, never waited for or failed on; the next
        // sweep looks at them again.
        let done = sqlx::query(
            "DELETE FROM blobs WHERE sha256 IN (SELECT b.sha256 FROM blobs b \
             WHERE b.kept_at < $1 \
             AND NOT EXISTS (SELECT 1 FROM staged_files s WHERE s.sha256 = b.sha256) \
             AND NOT EXISTS (SELECT 1 FROM dossier_files f WHERE f.sha256 = b.sha256) \
             FOR UPDATE SKIP LOCKED)",
        )
        .bind(before)
        .execute(&self.pool)
        .await
        .map_err(unavailable)?;
        Ok(done.rows_affected())
    }
}
