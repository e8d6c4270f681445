//! The hourly sweep of files sent for dossiers that never arrived: their rows after
//! [`STAGED_FOR_MILLIS`], then the bytes nothing keeps any more. A dossier whose files were swept
//! is refused with `AttachmentsMissing` and its outbox sends them again: nothing is lost.

use crate::blobs::FileStore;
use crate::db::Database;
use app::api::store::{DossierStore, StoreError};
use app::dossier::attachment::STAGED_FOR_MILLIS;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// One sweep at `now`: the staged rows forgotten, and the files removed.
pub async fn sweep(
    db: &dyn Database,
    blobs: &dyn FileStore,
    now: SystemTime,
) -> Result<(u64, u64), StoreError> {
    let keep = Duration::from_millis(STAGED_FOR_MILLIS as u64);
    let before = now.checked_sub(keep).unwrap_or(UNIX_EPOCH);
    let millis = before
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0);
    let store: &dyn DossierStore = db;
    let rows = store.forget_staged(millis).await?;
    let files = blobs.sweep(before, store).await?;
    Ok((rows, files))
}
