//! What the dossier server functions need from storage, as two traits without any database
//! type: the server crate implements them (SQLite now; PostgreSQL or an object store later) and
//! hands them to the server functions through [`Storage`] in the request's context.

use crate::dossier::submission::{Receipt, StatusEvent, Tracked};
use std::sync::Arc;

/// A file the device sent for a dossier not yet stored: kept in the blob store, recorded under
/// the dossier's idempotency key until the dossier itself arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StagedFile {
    pub key: String,
    pub attachment: String,
    pub sha256: String,
    pub mime: String,
    pub size: u64,
    pub at: i64,
}

/// An attachment the dossier lists (from the device's draft).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedFile {
    pub attachment: String,
    pub document: String,
    pub name: String,
    pub size: u64,
}

/// A dossier ready to be stored, with the receipt to issue if it is new.
#[derive(Clone, Debug)]
pub struct NewDossier {
    pub key: String,
    pub receipt: Receipt,
    pub applicant_name: String,
    pub phone_last4: String,
    /// The draft as sent, JSON.
    pub content: String,
    pub files: Vec<ListedFile>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// These listed attachments were not received (ids).
    #[error("attachments not received: {0:?}")]
    Missing(Vec<String>),
    /// The tracking code is already used by another dossier (try another).
    #[error("tracking code taken")]
    CodeTaken,
    /// The storage failed; the text is for the log only.
    #[error("storage: {0}")]
    Unavailable(String),
}

#[async_trait::async_trait]
pub trait DossierStore: Send + Sync + 'static {
    /// The receipt issued for the dossier sent under `key`, if there is one.
    async fn receipt(&self, key: &str) -> Result<Option<Receipt>, StoreError>;

    /// Records a file received for `key` (replacing one sent before under the same attachment
    /// id).
    async fn stage_file(&self, file: StagedFile) -> Result<(), StoreError>;

    /// Stores the dossier, its files and its first status in one transaction, durable before
    /// this returns, unless `key` already has one: then nothing is written and the receipt
    /// issued then is returned. Concurrent calls with the same key store one dossier.
    async fn store_dossier(&self, dossier: NewDossier) -> Result<Receipt, StoreError>;

    /// The dossier with this tracking code, with the last four digits of its phone number.
    async fn find_by_code(&self, code: &str) -> Result<Option<(Tracked, String)>, StoreError>;

    /// The status history of the dossiers sent under these keys (unknown keys are left out).
    async fn histories(
        &self,
        keys: &[String],
    ) -> Result<Vec<(String, Vec<StatusEvent>)>, StoreError>;

    /// Keeps the resident's rating (the last one counts); false when no dossier has this key.
    async fn rate(&self, key: &str, score: u8, comment: &str, at: i64) -> Result<bool, StoreError>;

    /// Times of the failed tracking attempts from `client` since `since` (oldest first).
    async fn failures_since(&self, client: &str, since: i64) -> Result<Vec<i64>, StoreError>;

    async fn record_failure(&self, client: &str, at: i64) -> Result<(), StoreError>;
}

/// Where attachment bytes are kept, named by their SHA-256: the same file sent twice is kept
/// once.
#[async_trait::async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// Keeps `bytes` for good (written and flushed to disk before this returns); returns their
    /// SHA-256 in hex.
    async fn put(&self, bytes: Vec<u8>) -> Result<String, StoreError>;

    /// The bytes kept under `sha256`, if any.
    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError>;
}

/// Handed to the server functions in the request's context.
#[derive(Clone)]
pub struct Storage {
    pub dossiers: Arc<dyn DossierStore>,
    pub blobs: Arc<dyn BlobStore>,
}

/// The storage of the request under way.
pub fn storage() -> Result<Storage, crate::dossier::submission::SubmitError> {
    leptos::prelude::use_context::<Storage>().ok_or_else(|| {
        tracing_missing();
        crate::dossier::submission::SubmitError::Unavailable
    })
}

fn tracing_missing() {
    leptos::logging::error!("no Storage in the server function's context");
}

/// Milliseconds since 1970 on the server's clock.
pub fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// Logs a storage failure and gives the resident the plain "busy" answer: database text never
/// leaves the server.
pub fn unavailable(error: StoreError) -> crate::dossier::submission::SubmitError {
    leptos::logging::error!("dossier storage failed: {error}");
    crate::dossier::submission::SubmitError::Unavailable
}
