//! Attempts under limits on SQLite: taking one runs in a `BEGIN IMMEDIATE` transaction, so the
//! count and the check are one step however many requests arrive at once (SQLite has one writer
//! at a time; a PostgreSQL backend would take the same step under an advisory lock).

use super::SqliteDatabase;
use super::sqlite_dossiers::unavailable;
use app::api::store::{LimitStore, StoreError};
use app::limits::{Attempt, Limit, decide};

/// Attempts older than this are forgotten (every window is shorter).
const KEPT_MILLIS: i64 = 24 * 60 * 60 * 1000;

#[async_trait::async_trait]
impl LimitStore for SqliteDatabase {
    async fn take_attempt(&self, limits: &[Limit], at: i64) -> Result<Attempt, StoreError> {
        let mut tx = self.begin(true).await?;
        sqlx::query("DELETE FROM attempts WHERE at < ?")
            .bind(at - KEPT_MILLIS)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        let mut counted = Vec::with_capacity(limits.len());
        for limit in limits {
            let times: Vec<(i64,)> =
                sqlx::query_as("SELECT at FROM attempts WHERE subject = ? AND at > ?")
                    .bind(&limit.subject)
                    .bind(at - limit.window_millis)
                    .fetch_all(&mut *tx)
                    .await
                    .map_err(unavailable)?;
            counted.push((limit, times.into_iter().map(|(t,)| t).collect()));
        }
        let last = match decide(&counted, at) {
            Ok(last) => last,
            // Nothing written: the transaction is rolled back when dropped.
            Err(retry_at) => return Ok(Attempt::Refused { retry_at }),
        };
        let (id,): (i64,) =
            sqlx::query_as("INSERT INTO attempt_numbers DEFAULT VALUES RETURNING id")
                .fetch_one(&mut *tx)
                .await
                .map_err(unavailable)?;
        // Only the highest number is needed to go on: the table stays one row long.
        sqlx::query("DELETE FROM attempt_numbers WHERE id < ?")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        for limit in limits {
            sqlx::query("INSERT INTO attempts (attempt, subject, at) VALUES (?, ?, ?)")
                .bind(id)
                .bind(&limit.subject)
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
        }
        tx.commit().await.map_err(unavailable)?;
        Ok(Attempt::Taken { id, last })
    }

    async fn give_back(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM attempts WHERE attempt = ?")
            .bind(id)
            .execute(self.pool())
            .await
            .map_err(unavailable)?;
        Ok(())
    }
}
