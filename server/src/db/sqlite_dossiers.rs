//! The dossier store on SQLite. Storing a dossier runs in one `BEGIN IMMEDIATE` transaction:
//! the write lock is taken first, so two requests with the same idempotency key are served one
//! after the other and the second finds the first's receipt.

use super::SqliteDatabase;
use app::api::store::{DossierStore, ListedFile, NewDossier, StagedFile, StoreError};
use app::dossier::desk::HistoryEntry;
use app::dossier::submission::{Paper, Receipt, Status, StatusEvent, Tracked, papers};
use sqlx::{Row, SqliteConnection};

pub(super) fn unavailable(error: sqlx::Error) -> StoreError {
    StoreError::Unavailable(error.to_string())
}

pub(super) fn bad_json(error: serde_json::Error) -> StoreError {
    StoreError::Unavailable(format!("stored JSON: {error}"))
}

async fn receipt_of(conn: &mut SqliteConnection, key: &str) -> Result<Option<Receipt>, StoreError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT receipt FROM dossiers WHERE idempotency_key = ?")
            .bind(key)
            .fetch_optional(conn)
            .await
            .map_err(unavailable)?;
    row.map(|(json,)| serde_json::from_str(&json).map_err(bad_json))
        .transpose()
}

/// The status history of dossier `id`, of procedure `procedure` (whose rules name the papers
/// an officer asked for).
pub(super) async fn events_of(
    conn: &mut SqliteConnection,
    id: i64,
    procedure: &str,
) -> Result<Vec<StatusEvent>, StoreError> {
    Ok(history_of(conn, id, procedure)
        .await?
        .into_iter()
        .map(|entry| StatusEvent {
            status: entry.status,
            at: entry.at,
            reason: entry.reason,
            missing: entry.missing,
        })
        .collect())
}

/// The history of dossier `id` with who made each step.
pub(super) async fn history_of(
    conn: &mut SqliteConnection,
    id: i64,
    procedure: &str,
) -> Result<Vec<HistoryEntry>, StoreError> {
    let rows = sqlx::query(
        "SELECT status, reason, at, actor, missing FROM dossier_events WHERE dossier_id = ? ORDER BY id",
    )
    .bind(id)
    .fetch_all(conn)
    .await
    .map_err(unavailable)?;
    let definition = app::catalogue::store::Catalogue::embedded()
        .procedure(procedure)
        .map(app::definition::definition);
    rows.into_iter()
        .map(|row| {
            let status: String = row.get(0);
            let missing: Option<String> = row.get(4);
            let ids: Vec<String> = match missing {
                Some(json) => serde_json::from_str(&json).map_err(bad_json)?,
                None => Vec::new(),
            };
            let missing = match &definition {
                Some(definition) => papers(definition, &ids),
                None => ids
                    .iter()
                    .map(|id| Paper {
                        id: id.clone(),
                        name: app::eligibility::model::Text::new(id, id),
                    })
                    .collect(),
            };
            Ok(HistoryEntry {
                status: Status::parse(&status)
                    .ok_or_else(|| StoreError::Unavailable(format!("unknown status {status}")))?,
                reason: row.get(1),
                at: row.get(2),
                actor: row.get(3),
                missing,
            })
        })
        .collect()
}

/// A listed file matched with its staged upload (SHA-256 and checked type).
pub(super) struct Staged<'a> {
    file: &'a ListedFile,
    sha256: String,
    mime: String,
}

/// The uploads staged under `key` for the files `listed`, or the ids of those not received (same
/// id and size).
pub(super) async fn staged_for<'a>(
    conn: &mut SqliteConnection,
    key: &str,
    listed: &'a [ListedFile],
) -> Result<Result<Vec<Staged<'a>>, Vec<String>>, StoreError> {
    let staged: Vec<(String, String, String, i64)> = sqlx::query_as(
        "SELECT attachment_id, sha256, mime, size FROM staged_files WHERE idempotency_key = ?",
    )
    .bind(key)
    .fetch_all(conn)
    .await
    .map_err(unavailable)?;
    let mut missing = Vec::new();
    let mut found = Vec::new();
    for file in listed {
        match staged
            .iter()
            .find(|(id, _, _, size)| *id == file.attachment && *size as u64 == file.size)
        {
            Some((_, sha256, mime, _)) => found.push(Staged {
                file,
                sha256: sha256.clone(),
                mime: mime.clone(),
            }),
            None => missing.push(file.attachment.clone()),
        }
    }
    Ok(if missing.is_empty() {
        Ok(found)
    } else {
        Err(missing)
    })
}

/// Files the staged uploads with dossier `id` and forgets the staging under `key`.
pub(super) async fn file_staged(
    conn: &mut SqliteConnection,
    id: i64,
    key: &str,
    files: Vec<Staged<'_>>,
) -> Result<(), StoreError> {
    for staged in files {
        sqlx::query(
            "INSERT INTO dossier_files (dossier_id, attachment_id, document, name, mime, size, sha256) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dossier_id, attachment_id) DO NOTHING",
        )
        .bind(id)
        .bind(&staged.file.attachment)
        .bind(&staged.file.document)
        .bind(&staged.file.name)
        .bind(&staged.mime)
        .bind(staged.file.size as i64)
        .bind(&staged.sha256)
        .execute(&mut *conn)
        .await
        .map_err(unavailable)?;
    }
    sqlx::query("DELETE FROM staged_files WHERE idempotency_key = ?")
        .bind(key)
        .execute(&mut *conn)
        .await
        .map_err(unavailable)?;
    Ok(())
}

#[async_trait::async_trait]
impl DossierStore for SqliteDatabase {
    async fn receipt(&self, key: &str) -> Result<Option<Receipt>, StoreError> {
        let mut conn = self.pool().acquire().await.map_err(unavailable)?;
        receipt_of(&mut conn, key).await
    }

    async fn stage_file(
        &self,
        file: StagedFile,
        max_files: u32,
        max_bytes: u64,
    ) -> Result<bool, StoreError> {
        // One statement: SQLite takes the write lock before it counts, so files sent at once
        // cannot pass the quota together. The file it replaces (same id) does not count.
        let done = sqlx::query(
            "INSERT INTO staged_files (idempotency_key, attachment_id, sha256, mime, size, received_at) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6 \
             WHERE (SELECT COUNT(*) FROM staged_files \
                    WHERE idempotency_key = ?1 AND attachment_id != ?2) < ?7 \
               AND (SELECT COALESCE(SUM(size), 0) FROM staged_files \
                    WHERE idempotency_key = ?1 AND attachment_id != ?2) + ?5 <= ?8 \
             ON CONFLICT (idempotency_key, attachment_id) DO UPDATE SET \
             sha256 = excluded.sha256, mime = excluded.mime, size = excluded.size, \
             received_at = excluded.received_at",
        )
        .bind(&file.key)
        .bind(&file.attachment)
        .bind(&file.sha256)
        .bind(&file.mime)
        .bind(file.size as i64)
        .bind(file.at)
        .bind(i64::from(max_files))
        .bind(max_bytes as i64)
        .execute(self.pool())
        .await
        .map_err(unavailable)?;
        Ok(done.rows_affected() == 1)
    }

    async fn forget_staged(&self, before: i64) -> Result<u64, StoreError> {
        let done = sqlx::query("DELETE FROM staged_files WHERE received_at < ?")
            .bind(before)
            .execute(self.pool())
            .await
            .map_err(unavailable)?;
        Ok(done.rows_affected())
    }

    async fn blob_in_use(&self, sha256: &str) -> Result<bool, StoreError> {
        let (used,): (i64,) = sqlx::query_as(
            "SELECT EXISTS (SELECT 1 FROM dossier_files WHERE sha256 = ?1) \
                 OR EXISTS (SELECT 1 FROM staged_files WHERE sha256 = ?1)",
        )
        .bind(sha256)
        .fetch_one(self.pool())
        .await
        .map_err(unavailable)?;
        Ok(used != 0)
    }

    async fn store_dossier(&self, dossier: NewDossier) -> Result<Receipt, StoreError> {
        let mut tx = self.begin(true).await?;
        if let Some(receipt) = receipt_of(&mut tx, &dossier.key).await? {
            tx.rollback().await.map_err(unavailable)?;
            return Ok(receipt);
        }
        let files = match staged_for(&mut tx, &dossier.key, &dossier.files).await? {
            Ok(files) => files,
            Err(missing) => {
                tx.rollback().await.map_err(unavailable)?;
                return Err(StoreError::Missing(missing));
            }
        };
        let receipt = &dossier.receipt;
        let receipt_json = serde_json::to_string(receipt).map_err(bad_json)?;
        let inserted = sqlx::query(
            "INSERT INTO dossiers (idempotency_key, tracking_code, procedure, office, applicant_name, \
             phone_last4, received_at, due_date, status, receipt, content) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&dossier.key)
        .bind(&receipt.tracking_code)
        .bind(&receipt.procedure)
        .bind(i64::from(receipt.office))
        .bind(&dossier.applicant_name)
        .bind(&dossier.phone_last4)
        .bind(receipt.received_at)
        .bind(receipt.due.map(|d| {
            format!("{:04}-{:02}-{:02}", d.date.year, d.date.month, d.date.day)
        }))
        .bind(Status::Received.as_str())
        .bind(&receipt_json)
        .bind(&dossier.content)
        .execute(&mut *tx)
        .await;
        let id = match inserted {
            Ok(done) => done.last_insert_rowid(),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                tx.rollback().await.map_err(unavailable)?;
                return Err(StoreError::CodeTaken);
            }
            Err(e) => return Err(unavailable(e)),
        };
        file_staged(&mut tx, id, &dossier.key, files).await?;
        sqlx::query(
            "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) VALUES (?, ?, NULL, ?, 'resident')",
        )
        .bind(id)
        .bind(Status::Received.as_str())
        .bind(receipt.received_at)
        .execute(&mut *tx)
        .await
        .map_err(unavailable)?;
        // synchronous = FULL: the commit is on disk when this returns.
        tx.commit().await.map_err(unavailable)?;
        Ok(dossier.receipt)
    }

    async fn find_by_code(&self, code: &str) -> Result<Option<(Tracked, String)>, StoreError> {
        let mut conn = self.pool().acquire().await.map_err(unavailable)?;
        let row: Option<(i64, String, String, String)> = sqlx::query_as(
            "SELECT id, receipt, phone_last4, procedure FROM dossiers WHERE tracking_code = ?",
        )
        .bind(code)
        .fetch_optional(&mut *conn)
        .await
        .map_err(unavailable)?;
        let Some((id, receipt, phone, procedure)) = row else {
            return Ok(None);
        };
        let receipt = serde_json::from_str(&receipt).map_err(bad_json)?;
        let events = events_of(&mut conn, id, &procedure).await?;
        Ok(Some((Tracked { receipt, events }, phone)))
    }

    async fn histories(
        &self,
        keys: &[String],
    ) -> Result<Vec<(String, Vec<StatusEvent>)>, StoreError> {
        let mut conn = self.pool().acquire().await.map_err(unavailable)?;
        let mut out = Vec::new();
        for key in keys {
            let id: Option<(i64, String)> =
                sqlx::query_as("SELECT id, procedure FROM dossiers WHERE idempotency_key = ?")
                    .bind(key)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(unavailable)?;
            if let Some((id, procedure)) = id {
                out.push((key.clone(), events_of(&mut conn, id, &procedure).await?));
            }
        }
        Ok(out)
    }

    async fn rate(&self, key: &str, score: u8, comment: &str, at: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO ratings (dossier_id, score, comment, at) \
             SELECT id, ?, ?, ? FROM dossiers WHERE idempotency_key = ? \
             ON CONFLICT (dossier_id) DO UPDATE SET score = excluded.score, \
             comment = excluded.comment, at = excluded.at",
        )
        .bind(i64::from(score))
        .bind(comment)
        .bind(at)
        .bind(key)
        .execute(self.pool())
        .await
        .map_err(unavailable)?;
        Ok(done.rows_affected() > 0)
    }
}
