//! What the dossier server functions need from storage, as two traits without any database
//! type: the server crate implements them (SQLite now; PostgreSQL or an object store later) and
//! hands them to the server functions through [`Storage`] in the request's context.

use crate::dossier::desk::{DeskDossier, DeskFile, Queue, QueueFilter};
use crate::dossier::submission::{Receipt, Status, StatusEvent, Tracked};
use crate::limits::{Attempt, Limit};
use crate::staff::Staff;
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
    /// id), unless `key` would then have more than `max_files` files or `max_bytes` bytes: one
    /// atomic step (files sent at once cannot pass the quota together); false then, nothing
    /// written.
    async fn stage_file(
        &self,
        file: StagedFile,
        max_files: u32,
        max_bytes: u64,
    ) -> Result<bool, StoreError>;

    /// Forgets the files staged before `before` (milliseconds since 1970) for dossiers never
    /// stored; how many.
    async fn forget_staged(&self, before: i64) -> Result<u64, StoreError>;

    /// Whether a dossier's file or a staged one is kept under `sha256`.
    async fn blob_in_use(&self, sha256: &str) -> Result<bool, StoreError>;

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
}

/// Attempts counted under limits ([`crate::limits`]).
#[async_trait::async_trait]
pub trait LimitStore: Send + Sync + 'static {
    /// Counts one attempt at `at` under every one of `limits`, or — when any of them is full
    /// ([`crate::limits::decide`]) — under none: one atomic step, which holds however many
    /// attempts arrive at once (and, on a shared database, across servers). Attempts older than
    /// a day are forgotten on the way.
    async fn take_attempt(&self, limits: &[Limit], at: i64) -> Result<Attempt, StoreError>;

    /// Gives back the attempt `id` (it went well, or never ran): it no longer counts.
    async fn give_back(&self, id: i64) -> Result<(), StoreError>;
}

/// A staff account as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffAccount {
    pub staff: Staff,
    /// argon2id, PHC string.
    pub password_hash: String,
    pub disabled: bool,
    /// When the password was last changed (milliseconds since 1970; 0: never): sessions signed
    /// in before then are over.
    pub password_changed_at: i64,
}

/// An officer's decision, checked, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transition {
    pub tracking_code: String,
    /// The status the officer saw: the decision is stored only if the dossier is still there.
    pub from: Status,
    pub to: Status,
    pub reason: Option<String>,
    /// Checklist ids (more documents needed).
    pub missing: Vec<String>,
    /// The officer's username.
    pub actor: String,
    pub at: i64,
}

/// What became of papers a resident added to a dossier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Supplemented {
    /// Stored now, or already under this sending's key: the dossier is back in the queue.
    Stored,
    /// No dossier was sent under this key.
    NoDossier,
    /// The office is not waiting for papers (any more).
    NotAsked,
    /// A paper the office did not ask for (its checklist id).
    PaperNotAsked(String),
}

/// A draft handed over under a code, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredHandoff {
    pub code: String,
    pub direction: crate::dossier::handoff::Direction,
    /// The draft, JSON.
    pub content: String,
    pub step: String,
    pub files_key: Option<String>,
    pub created_at: i64,
    pub created_by: String,
}

/// A photo shared with a hand-off, for the officer who opened it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoffFile {
    pub used_by: Option<String>,
    pub created_at: i64,
    pub sha256: String,
    pub mime: String,
}

/// What the help desk needs from storage.
#[async_trait::async_trait]
pub trait DeskStore: Send + Sync + 'static {
    async fn account(&self, username: &str) -> Result<Option<StaffAccount>, StoreError>;

    /// Adds an account; false when the username is taken (nothing changed).
    async fn add_account(
        &self,
        account: StaffAccount,
        by: &str,
        at: i64,
    ) -> Result<bool, StoreError>;

    /// Every account, by username.
    async fn accounts(&self) -> Result<Vec<StaffAccount>, StoreError>;

    /// Keeps the new `password_hash` for `username`, changed at `at`, if its hash is still
    /// `checked` (the one the current password was checked against) — in one statement, so of
    /// two changes at once one wins; false otherwise (nothing changed).
    async fn set_password(
        &self,
        username: &str,
        checked: &str,
        password_hash: &str,
        at: i64,
    ) -> Result<bool, StoreError>;

    /// Disables or enables an account; false when there is no such account.
    async fn set_disabled(&self, username: &str, disabled: bool) -> Result<bool, StoreError>;

    /// The dossiers of `wards` (all offices when `None`) that pass `filter`, in the queue's
    /// order, at most `limit`; with the counts per status (the status filter left out).
    async fn queue(
        &self,
        wards: Option<&[u32]>,
        filter: &QueueFilter,
        limit: usize,
    ) -> Result<Queue, StoreError>;

    /// The dossier with this tracking code, whatever its office (the caller checks who may see
    /// it).
    async fn desk_dossier(&self, tracking_code: &str) -> Result<Option<DeskDossier>, StoreError>;

    /// Stores the transition and its history entry in one transaction; false when the dossier
    /// is no longer at `from` (nothing written).
    async fn transition(&self, transition: Transition) -> Result<bool, StoreError>;

    /// A file of the dossier with this tracking code, with the dossier's office and the
    /// bytes' SHA-256.
    async fn desk_file(
        &self,
        tracking_code: &str,
        attachment: &str,
    ) -> Result<Option<(u32, DeskFile, String)>, StoreError>;

    /// Adds the papers sent under `sending` (their files staged under that key) to the dossier
    /// sent under `dossier_key`, and returns it to the queue, in one transaction — once however
    /// often it is sent.
    async fn supplement(
        &self,
        dossier_key: &str,
        sending: &str,
        files: Vec<ListedFile>,
        at: i64,
    ) -> Result<Supplemented, StoreError>;

    /// Keeps a hand-off; false when its code is taken (nothing written). Codes older than a day
    /// are deleted on the way.
    async fn put_handoff(&self, handoff: StoredHandoff) -> Result<bool, StoreError>;

    /// Marks the hand-off with this code and direction used by `by`, if it is unused and was
    /// made after `made_after`, and returns it — in one statement, so a code opens once.
    async fn take_handoff(
        &self,
        code: &str,
        direction: crate::dossier::handoff::Direction,
        made_after: i64,
        by: &str,
        at: i64,
    ) -> Result<Option<StoredHandoff>, StoreError>;

    /// What the office's numbers need of each dossier of `wards` (all when `None`) received
    /// between `from` and `to` (milliseconds, both included).
    async fn facts(
        &self,
        wards: Option<&[u32]>,
        from: i64,
        to: i64,
    ) -> Result<Vec<crate::dossier::numbers::Facts>, StoreError>;

    /// A photo shared with the hand-off `code`.
    async fn handoff_file(
        &self,
        code: &str,
        attachment: &str,
    ) -> Result<Option<HandoffFile>, StoreError>;
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

    /// Keeps `bytes` and records them staged as `file` (its `sha256` filled in) under
    /// [`DossierStore::stage_file`]'s quota: `Some(sha256)` when staged, `None` when over the
    /// quota. Here the bytes are kept first, so a staged row never names missing bytes; bytes
    /// refused by the quota are kept by nothing and swept later. A store that keeps the bytes in
    /// the dossiers' own database does both in one transaction instead (no bytes without their
    /// row either).
    async fn stage(
        &self,
        dossiers: &dyn DossierStore,
        file: StagedFile,
        bytes: Vec<u8>,
        max_files: u32,
        max_bytes: u64,
    ) -> Result<Option<String>, StoreError> {
        let sha256 = self.put(bytes).await?;
        let file = StagedFile {
            sha256: sha256.clone(),
            ..file
        };
        let staged = dossiers.stage_file(file, max_files, max_bytes).await?;
        Ok(staged.then_some(sha256))
    }
}

/// Handed to the server functions in the request's context.
#[derive(Clone)]
pub struct Storage {
    pub dossiers: Arc<dyn DossierStore>,
    pub desk: Arc<dyn DeskStore>,
    pub blobs: Arc<dyn BlobStore>,
    pub limits: Arc<dyn LimitStore>,
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

/// Gives back the attempt `id` once the work it allowed is done (or could not be done): a
/// failure here is logged, never the request's — the work stands, the attempt just still counts
/// until its window passes.
pub async fn give_back_quietly(limits: &dyn LimitStore, id: i64) {
    if let Err(error) = limits.give_back(id).await {
        leptos::logging::error!("cannot give back attempt {id}: {error}");
    }
}

/// Counts one request under the address's limit per minute for `what` (one atomic step; the
/// limit `rate` picks from the [`crate::limits::Rates`] in force), or refuses it with the time the outbox
/// sends it again.
pub async fn per_minute(
    storage: &Storage,
    what: &str,
    rate: impl Fn(&crate::limits::Rates) -> u32,
) -> Result<(), crate::dossier::submission::SubmitError> {
    let max = rate(&leptos::prelude::use_context::<crate::limits::Rates>().unwrap_or_default());
    let client = crate::desk::api::session::client().await;
    let limit = Limit::new(
        format!("{what}:{client}"),
        max,
        crate::limits::MINUTE_MILLIS,
    );
    match storage
        .limits
        .take_attempt(&[limit], now_millis())
        .await
        .map_err(unavailable)?
    {
        Attempt::Taken { .. } => Ok(()),
        Attempt::Refused { retry_at } => {
            Err(crate::dossier::submission::SubmitError::Busy { retry_at })
        }
    }
}

/// Logs a storage failure and gives the resident the plain "busy" answer: database text never
/// leaves the server.
pub fn unavailable(error: StoreError) -> crate::dossier::submission::SubmitError {
    leptos::logging::error!("dossier storage failed: {error}");
    crate::dossier::submission::SubmitError::Unavailable
}

/// The desk's storage for the request under way.
pub fn storage_desk() -> Result<Arc<dyn DeskStore>, crate::dossier::desk::DeskError> {
    leptos::prelude::use_context::<Storage>()
        .map(|s| s.desk)
        .ok_or_else(|| {
            tracing_missing();
            crate::dossier::desk::DeskError::Unavailable
        })
}
