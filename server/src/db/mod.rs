//! Storage. The server talks to one `Database` trait; each backend implements it: SQLite, the
//! embedded default (one server, attachment files under its data directory), and PostgreSQL, for
//! several stateless servers sharing one database (attachment bytes in it). [`open`] picks the
//! backend from the database URL.

mod postgres;
mod rows;
mod sqlite;
mod stores;

pub use postgres::PostgresDatabase;
pub use sqlite::SqliteDatabase;

stores::stores!(
    sqlite_stores,
    super::SqliteDatabase,
    sqlx::Sqlite,
    sqlx::SqliteConnection
);
stores::stores!(
    postgres_stores,
    super::PostgresDatabase,
    sqlx::Postgres,
    sqlx::PgConnection
);

use crate::blobs::{DiskBlobs, FileStore};
use app::api::store::StoreError;
use std::path::Path;
use std::sync::Arc;

pub(crate) fn unavailable(error: sqlx::Error) -> StoreError {
    StoreError::Unavailable(error.to_string())
}

/// A database and where its attachment bytes are kept.
pub struct Backend {
    pub db: Arc<dyn Database>,
    pub files: Arc<dyn FileStore>,
}

/// Opens (and migrates) the database at `url`: `sqlite://…` with its files under
/// `data_dir/files`, or `postgres://…` (`postgresql://…`) with its files in the database.
pub async fn open(url: &str, data_dir: &Path) -> Result<Backend, DbError> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let db = Arc::new(PostgresDatabase::connect(url).await?);
        return Ok(Backend {
            db: db.clone(),
            files: db,
        });
    }
    let db = Arc::new(SqliteDatabase::connect(url).await?);
    let dir = data_dir.join("files");
    let files = DiskBlobs::open(&dir)
        .map_err(|e| DbError::Open(format!("file store {}: {e}", dir.display())))?;
    Ok(Backend {
        db,
        files: Arc::new(files),
    })
}

/// A storage failure. Its text is for the logs only: residents are shown a plain sentence.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database: {0}")]
    Open(String),
    #[error("cannot apply the database migrations: {0}")]
    Migrate(String),
    #[error("the database did not answer: {0}")]
    Unavailable(String),
}

/// What a health check learnt about the database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatabaseHealth {
    /// The backend's name, e.g. `sqlite`.
    pub backend: &'static str,
    /// When this installation's database was created (UTC, RFC 3339).
    pub created_at: String,
    /// The version of the newest migration applied.
    pub schema_version: i64,
}

/// Everything the server keeps in its database: its own health, and the dossiers (the trait the
/// server functions use).
#[async_trait::async_trait]
pub trait Database:
    app::api::store::DossierStore + app::api::store::DeskStore + app::api::store::LimitStore
{
    /// Dossiers stored, for `/healthz`.
    async fn dossier_count(&self) -> Result<i64, DbError>;

    /// Counts one report of a page that failed in a browser, in `minute` (minutes since 1970),
    /// unless `limit` reports were counted in that minute already: one atomic step, which holds
    /// under concurrent reports. True when counted.
    async fn count_browser_failure(&self, minute: i64, limit: i64) -> Result<bool, DbError>;

    /// Reports of pages that failed in a browser, counted in all (for `/healthz`).
    async fn browser_failures(&self) -> Result<i64, DbError>;

    /// Answers only when the database can be read and its schema is in place.
    async fn health(&self) -> Result<DatabaseHealth, DbError>;

    /// Where the help desk's sessions are kept (this database).
    fn session_store(&self) -> std::sync::Arc<dyn tower_sessions::SessionStore>;

    /// Deletes the sessions that have expired.
    async fn forget_expired_sessions(&self) -> Result<(), DbError>;

    /// Finishes pending writes and closes every connection (on shutdown).
    async fn close(&self);
}
