//! The SQLite backend: one file, WAL journal, full fsync on commit, migrations embedded in the
//! binary from `server/migrations/sqlite`.

use super::{Database, DatabaseHealth, DbError};
use app::api::store::StoreError;
use sqlx::SqlitePool;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

#[derive(Clone)]
pub struct SqliteDatabase {
    pool: SqlitePool,
}

impl SqliteDatabase {
    /// Opens (creating the file and its directory when missing) and migrates the database.
    pub async fn connect(url: &str) -> Result<Self, DbError> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| DbError::Open(e.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // A receipt must never be issued for a dossier a power cut could undo.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        if let Some(dir) = options.get_filename().parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| DbError::Open(format!("{}: {e}", dir.display())))?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(5))
            .connect_with(options)
            .await
            .map_err(|e| DbError::Open(e.to_string()))?;
        MIGRATOR
            .run(&pool)
            .await
            .map_err(|e| DbError::Migrate(e.to_string()))?;
        Ok(SqliteDatabase { pool })
    }

    /// The connection pool.
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// Starts a transaction (`BEGIN IMMEDIATE` when `immediate`: the write lock first) in a task
    /// of its own, so that a request dropped while it waits cannot cut it short. sqlx can lose a
    /// `BEGIN` that completed just as its caller went away: the connection then went back to the
    /// pool inside an open transaction, holding the write lock, and every later write failed
    /// ("database is locked") until a restart — seen in `make bench` when the load generator
    /// stopped with requests under way. A transaction started here always reaches its caller,
    /// or is rolled back when the caller is gone.
    pub(super) async fn begin(
        &self,
        immediate: bool,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        let pool = self.pool.clone();
        let started = tokio::spawn(async move {
            if immediate {
                pool.begin_with("BEGIN IMMEDIATE").await
            } else {
                pool.begin().await
            }
        });
        match started.await {
            Ok(begun) => begun.map_err(|e| StoreError::Unavailable(e.to_string())),
            Err(e) => Err(StoreError::Unavailable(e.to_string())),
        }
    }
}

/// What the shared stores ([`super::stores`]) need of SQLite.
impl SqliteDatabase {
    /// No row lock needed: a writing transaction holds the database's write lock.
    pub(super) const FOR_UPDATE: &'static str = "";
    /// `dossier_files` has no id of its own: the order rows were inserted in.
    pub(super) const FILE_ORDER: &'static str = "rowid";
    /// Attempts older than `$1`: the transaction holds the write lock.
    pub(super) const FORGET_ATTEMPTS: &'static str = "DELETE FROM attempts WHERE at < $1";

    /// A transaction that writes: `BEGIN IMMEDIATE` takes the one write lock first, so it runs
    /// after every other writer, whatever it names.
    pub(super) async fn writing(
        &self,
        _name: &str,
    ) -> Result<sqlx::Transaction<'static, sqlx::Sqlite>, StoreError> {
        self.begin(true).await
    }

    /// Nothing more to lock: the transaction holds the write lock.
    pub(super) async fn lock(
        _conn: &mut sqlx::SqliteConnection,
        _name: &str,
    ) -> Result<(), StoreError> {
        Ok(())
    }

    /// The next attempt number (AUTOINCREMENT: never given twice); only the highest is kept.
    pub(super) async fn attempt_number(
        conn: &mut sqlx::SqliteConnection,
    ) -> Result<i64, StoreError> {
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO attempt_numbers DEFAULT VALUES RETURNING id")
                .fetch_one(&mut *conn)
                .await
                .map_err(super::unavailable)?;
        sqlx::query("DELETE FROM attempt_numbers WHERE id < $1")
            .bind(id)
            .execute(&mut *conn)
            .await
            .map_err(super::unavailable)?;
        Ok(id)
    }
}

impl SqliteDatabase {
    /// tower-sessions' SQLite store over our `staff_sessions` table (created by our migrations).
    fn sessions(&self) -> tower_sessions_sqlx_store::SqliteStore {
        tower_sessions_sqlx_store::SqliteStore::new(self.pool.clone())
            .with_table_name("staff_sessions")
            .expect("a valid table name")
    }
}

#[async_trait::async_trait]
impl Database for SqliteDatabase {
    async fn dossier_count(&self) -> Result<i64, DbError> {
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM dossiers")
            .fetch_one(&self.pool)
            .await
            .map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(count)
    }

    async fn count_browser_failure(&self, minute: i64, limit: i64) -> Result<bool, DbError> {
        let counted = sqlx::query(
            "INSERT INTO browser_failures (minute, count) VALUES (?1, 1) \
             ON CONFLICT (minute) DO UPDATE SET count = count + 1 WHERE count < ?2",
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
            sqlx::query_as("SELECT COALESCE(SUM(count), 0) FROM browser_failures")
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
            backend: "sqlite",
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
