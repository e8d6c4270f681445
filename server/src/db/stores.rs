//! The dossier, desk and limit stores, written once for every backend: the same SQL (numbered
//! `$1` parameters, which SQLite reads too) and the same steps, instantiated by [`stores!`] for
//! SQLite and for PostgreSQL. What differs is said by each backend's own methods:
//!
//! - `writing(name)`: a transaction that writes, taken after every other one that named `name`
//!   (SQLite: `BEGIN IMMEDIATE`, one writer at a time; PostgreSQL: an advisory lock on `name`,
//!   which holds across servers);
//! - `lock(conn, name)`: one more such lock inside the transaction (no-op on SQLite);
//! - `attempt_number(conn)`: the next attempt number, never given twice;
//! - `FOR_UPDATE`: how a row read before it is changed is locked (`FOR UPDATE` on PostgreSQL;
//!   nothing on SQLite, whose transaction already holds the write lock);
//! - `FILE_ORDER`: the column that keeps a dossier's files in the order they were filed;
//! - `FORGET_ATTEMPTS`: how attempts older than a day are deleted on the way (on PostgreSQL, only
//!   rows no other attempt is deleting: attempts never wait for each other's clean-up).

/// Implements [`DossierStore`], [`DeskStore`] and [`LimitStore`] for `$Db`, whose connections
/// are `$Conn` on the sqlx database `$Backend`, in a module `$module`.
macro_rules! stores {
    ($module:ident, $Db:ty, $Backend:ty, $Conn:ty) => {
        pub(in crate::db) mod $module {
        use crate::db::rows::{
            Histories, Staged, account, due_date, due_text, events, match_staged, missing_ids,
            missing_text, receipt, role_text, status, wards_text,
        };
        use crate::db::unavailable;
        use app::api::store::{
            DeskStore, DossierStore, HandoffFile, LimitStore, ListedFile, NewDossier, StaffAccount,
            StagedFile, StoreError, StoredHandoff, Supplemented, Transition,
        };
        use app::dossier::desk::{
            DeskDossier, DeskFile, HistoryEntry, Queue, QueueFilter, QueueRow, sort_queue,
        };
        use app::dossier::handoff::Direction;
        use app::dossier::model::Draft;
        use app::dossier::numbers::Facts;
        use app::dossier::submission::{Receipt, Status, StatusEvent, Tracked};
        use app::eligibility::date::Date;
        use app::limits::{Attempt, Limit, decide};
        use sqlx::{QueryBuilder, Row};

        async fn receipt_of(conn: &mut $Conn, key: &str) -> Result<Option<Receipt>, StoreError> {
            let row: Option<(String,)> =
                sqlx::query_as("SELECT receipt FROM dossiers WHERE idempotency_key = $1")
                    .bind(key)
                    .fetch_optional(conn)
                    .await
                    .map_err(unavailable)?;
            row.map(|(json,)| receipt(&json)).transpose()
        }

        /// The status history of dossier `id`, of procedure `procedure` (whose rules name the papers
        /// an officer asked for).
        async fn events_of(
            conn: &mut $Conn,
            id: i64,
            procedure: &str,
        ) -> Result<Vec<StatusEvent>, StoreError> {
            Ok(events(history_of(conn, id, procedure).await?))
        }

        /// The history of dossier `id` with who made each step.
        async fn history_of(
            conn: &mut $Conn,
            id: i64,
            procedure: &str,
        ) -> Result<Vec<HistoryEntry>, StoreError> {
            let rows = sqlx::query(
                "SELECT status, reason, at, actor, missing FROM dossier_events WHERE dossier_id = $1 ORDER BY id",
            )
            .bind(id)
            .fetch_all(conn)
            .await
            .map_err(unavailable)?;
            let histories = Histories::of(procedure);
            rows.into_iter()
                .map(|row| {
                    histories.entry(
                        row.get::<&str, _>(0),
                        row.get(1),
                        row.get(2),
                        row.get(3),
                        row.get::<Option<&str>, _>(4),
                    )
                })
                .collect()
        }

        /// The uploads staged under `key` for the files `listed`, or the ids of those not received (same
        /// id and size).
        async fn staged_for<'a>(
            conn: &mut $Conn,
            key: &str,
            listed: &'a [ListedFile],
        ) -> Result<Result<Vec<Staged<'a>>, Vec<String>>, StoreError> {
            let staged: Vec<(String, String, String, i64)> = sqlx::query_as(
                "SELECT attachment_id, sha256, mime, size FROM staged_files WHERE idempotency_key = $1",
            )
            .bind(key)
            .fetch_all(conn)
            .await
            .map_err(unavailable)?;
            Ok(match_staged(&staged, listed))
        }

        /// Files the staged uploads with dossier `id` and forgets the staging under `key`.
        async fn file_staged(
            conn: &mut $Conn,
            id: i64,
            key: &str,
            files: Vec<Staged<'_>>,
        ) -> Result<(), StoreError> {
            for staged in files {
                sqlx::query(
                    "INSERT INTO dossier_files (dossier_id, attachment_id, document, name, mime, size, sha256) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dossier_id, attachment_id) DO NOTHING",
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
                .map_err(|error| match error {
                    // The bytes were swept since they were staged (PostgreSQL's foreign key):
                    // the device sends the file again.
                    sqlx::Error::Database(e) if e.is_foreign_key_violation() => {
                        StoreError::Missing(vec![staged.file.attachment.clone()])
                    }
                    error => unavailable(error),
                })?;
            }
            sqlx::query("DELETE FROM staged_files WHERE idempotency_key = $1")
                .bind(key)
                .execute(&mut *conn)
                .await
                .map_err(unavailable)?;
            Ok(())
        }

        /// Records `file` staged (replacing one sent before under the same attachment id) unless its
        /// key would then have more than `max_files` files or `max_bytes` bytes; false then, nothing
        /// written. One statement, in a transaction that holds the key's lock
        /// ([`DossierStore::stage_file`]): files sent at once cannot pass the quota together. The file
        /// it replaces does not count.
        pub(in crate::db) async fn stage_in(
            conn: &mut $Conn,
            file: &StagedFile,
            max_files: u32,
            max_bytes: u64,
        ) -> Result<bool, StoreError> {
            let done = sqlx::query(
                "INSERT INTO staged_files (idempotency_key, attachment_id, sha256, mime, size, received_at) \
                 SELECT $1, $2, $3, $4, $5, $6 \
                 WHERE (SELECT COUNT(*) FROM staged_files \
                        WHERE idempotency_key = $1 AND attachment_id != $2) < $7 \
                   AND (SELECT COALESCE(SUM(size), 0) FROM staged_files \
                        WHERE idempotency_key = $1 AND attachment_id != $2) + $5 <= $8 \
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
            .execute(conn)
            .await
            .map_err(unavailable)?;
            Ok(done.rows_affected() == 1)
        }

        #[async_trait::async_trait]
        impl DossierStore for $Db {
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
                let mut tx = self.writing(&format!("staged:{}", file.key)).await?;
                let staged = stage_in(&mut tx, &file, max_files, max_bytes).await?;
                tx.commit().await.map_err(unavailable)?;
                Ok(staged)
            }

            async fn forget_staged(&self, before: i64) -> Result<u64, StoreError> {
                let done = sqlx::query("DELETE FROM staged_files WHERE received_at < $1")
                    .bind(before)
                    .execute(self.pool())
                    .await
                    .map_err(unavailable)?;
                Ok(done.rows_affected())
            }

            async fn blob_in_use(&self, sha256: &str) -> Result<bool, StoreError> {
                let (used,): (i64,) = sqlx::query_as(
                    "SELECT CAST(CASE WHEN EXISTS (SELECT 1 FROM dossier_files WHERE sha256 = $1) \
                         OR EXISTS (SELECT 1 FROM staged_files WHERE sha256 = $1) THEN 1 ELSE 0 END \
                         AS BIGINT)",
                )
                .bind(sha256)
                .fetch_one(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(used != 0)
            }

            async fn store_dossier(&self, dossier: NewDossier) -> Result<Receipt, StoreError> {
                let mut tx = self.writing(&format!("dossier:{}", dossier.key)).await?;
                // And the staging of its files: a file sent meanwhile is filed, or staged after.
                <$Db>::lock(&mut tx, &format!("staged:{}", dossier.key)).await?;
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
                let receipt_json = serde_json::to_string(receipt).map_err(super::rows::bad_json)?;
                let inserted = sqlx::query(
                    "INSERT INTO dossiers (idempotency_key, tracking_code, procedure, office, applicant_name, \
                     phone_last4, received_at, due_date, status, receipt, content) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
                )
                .bind(&dossier.key)
                .bind(&receipt.tracking_code)
                .bind(&receipt.procedure)
                .bind(i64::from(receipt.office))
                .bind(&dossier.applicant_name)
                .bind(&dossier.phone_last4)
                .bind(receipt.received_at)
                .bind(due_text(receipt))
                .bind(Status::Received.as_str())
                .bind(&receipt_json)
                .bind(&dossier.content)
                .fetch_one(&mut *tx)
                .await;
                let id = match inserted {
                    Ok(row) => row.get::<i64, _>(0),
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                        tx.rollback().await.map_err(unavailable)?;
                        return Err(StoreError::CodeTaken);
                    }
                    Err(e) => return Err(unavailable(e)),
                };
                file_staged(&mut tx, id, &dossier.key, files).await?;
                sqlx::query(
                    "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) VALUES ($1, $2, NULL, $3, 'resident')",
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
                    "SELECT id, receipt, phone_last4, procedure FROM dossiers WHERE tracking_code = $1",
                )
                .bind(code)
                .fetch_optional(&mut *conn)
                .await
                .map_err(unavailable)?;
                let Some((id, stored, phone, procedure)) = row else {
                    return Ok(None);
                };
                let receipt = receipt(&stored)?;
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
                        sqlx::query_as("SELECT id, procedure FROM dossiers WHERE idempotency_key = $1")
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
                     SELECT id, $1, $2, $3 FROM dossiers WHERE idempotency_key = $4 \
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



        /// `WHERE` conditions of the queue (wards and filters), appended to `query`.
        fn push_filters<'a>(
            query: &mut QueryBuilder<'a, $Backend>,
            wards: Option<&'a [u32]>,
            filter: &'a QueueFilter,
            with_status: bool,
        ) {
            query.push(" WHERE 1 = 1");
            if let Some(wards) = wards {
                // An officer without wards sees nothing (`IN ()` is not SQL).
                query.push(" AND office IN (-1");
                for ward in wards {
                    query.push(", ").push_bind(i64::from(*ward));
                }
                query.push(")");
            }
            if let Some(ward) = filter.ward {
                query.push(" AND office = ").push_bind(i64::from(ward));
            }
            if let Some(procedure) = &filter.procedure {
                query
                    .push(" AND procedure = ")
                    .push_bind(procedure.as_str());
            }
            let (from, to) = filter.received_between();
            if let Some(from) = from {
                query.push(" AND received_at >= ").push_bind(from);
            }
            if let Some(to) = to {
                query.push(" AND received_at <= ").push_bind(to);
            }
            if with_status && let Some(status) = filter.status {
                query.push(" AND status = ").push_bind(status.as_str());
            }
        }

        #[async_trait::async_trait]
        impl DeskStore for $Db {
            async fn account(&self, username: &str) -> Result<Option<StaffAccount>, StoreError> {
                let row: Option<(String, String, String, String, i64, i64)> = sqlx::query_as(
                    "SELECT username, password_hash, role, wards, disabled, password_changed_at \
                     FROM staff WHERE username = $1",
                )
                .bind(username)
                .fetch_optional(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(row.map(account))
            }

            async fn accounts(&self) -> Result<Vec<StaffAccount>, StoreError> {
                let names: Vec<(String,)> = sqlx::query_as("SELECT username FROM staff ORDER BY username")
                    .fetch_all(self.pool())
                    .await
                    .map_err(unavailable)?;
                let mut out = Vec::with_capacity(names.len());
                for (name,) in names {
                    if let Some(account) = self.account(&name).await? {
                        out.push(account);
                    }
                }
                Ok(out)
            }

            async fn set_password(
                &self,
                username: &str,
                checked: &str,
                password_hash: &str,
                at: i64,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "UPDATE staff SET password_hash = $1, password_changed_at = $2 \
                     WHERE username = $3 AND password_hash = $4",
                )
                .bind(password_hash)
                .bind(at)
                .bind(username)
                .bind(checked)
                .execute(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(done.rows_affected() == 1)
            }

            async fn set_disabled(&self, username: &str, disabled: bool) -> Result<bool, StoreError> {
                let done = sqlx::query("UPDATE staff SET disabled = $1 WHERE username = $2")
                    .bind(i64::from(disabled))
                    .bind(username)
                    .execute(self.pool())
                    .await
                    .map_err(unavailable)?;
                Ok(done.rows_affected() == 1)
            }

            async fn add_account(
                &self,
                account: StaffAccount,
                by: &str,
                at: i64,
            ) -> Result<bool, StoreError> {
                let done = sqlx::query(
                    "INSERT INTO staff (username, password_hash, role, wards, created_at, created_by, disabled) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING",
                )
                .bind(&account.staff.username)
                .bind(&account.password_hash)
                .bind(role_text(account.staff.role))
                .bind(wards_text(&account.staff.wards))
                .bind(at)
                .bind(by)
                .bind(i64::from(account.disabled))
                .execute(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(done.rows_affected() == 1)
            }

            async fn queue(
                &self,
                wards: Option<&[u32]>,
                filter: &QueueFilter,
                limit: usize,
            ) -> Result<Queue, StoreError> {
                let mut query = QueryBuilder::<$Backend>::new(
                    "SELECT tracking_code, procedure, office, applicant_name, received_at, due_date, status, receipt FROM dossiers",
                );
                push_filters(&mut query, wards, filter, true);
                // Earliest due date first, none last (as `sort_queue`, which orders the page again).
                query
                    .push(" ORDER BY due_date IS NULL, due_date, received_at LIMIT ")
                    .push_bind(limit as i64 + 1);
                let rows = query
                    .build()
                    .fetch_all(self.pool())
                    .await
                    .map_err(unavailable)?;
                let mut out = Vec::with_capacity(rows.len());
                for row in rows {
                    let receipt = receipt(row.get::<&str, _>(7))?;
                    out.push(QueueRow {
                        tracking_code: row.get(0),
                        procedure: row.get(1),
                        procedure_name: receipt.procedure_name,
                        office: row.get::<i64, _>(2) as u32,
                        applicant: row.get(3),
                        received_at: row.get(4),
                        due_date: due_date(row.get::<Option<&str>, _>(5)),
                        status: status(row.get::<&str, _>(6))?,
                    });
                }
                let more = out.len() > limit;
                out.truncate(limit);
                sort_queue(&mut out);

                let mut count = QueryBuilder::<$Backend>::new("SELECT status, COUNT(*) FROM dossiers");
                push_filters(&mut count, wards, filter, false);
                count.push(" GROUP BY status");
                let counted = count
                    .build()
                    .fetch_all(self.pool())
                    .await
                    .map_err(unavailable)?;
                let counts = Status::ALL
                    .iter()
                    .map(|status| {
                        let n = counted
                            .iter()
                            .find(|row| row.get::<&str, _>(0) == status.as_str())
                            .map(|row| row.get::<i64, _>(1) as u32)
                            .unwrap_or(0);
                        (*status, n)
                    })
                    .collect();
                // The procedures found in these wards, whatever the other filters, named as on their
                // receipts.
                let everything = QueueFilter::default();
                let mut named = QueryBuilder::<$Backend>::new("SELECT procedure, MAX(receipt) FROM dossiers");
                push_filters(&mut named, wards, &everything, false);
                named.push(" GROUP BY procedure ORDER BY procedure");
                let mut procedures = Vec::new();
                for row in named
                    .build()
                    .fetch_all(self.pool())
                    .await
                    .map_err(unavailable)?
                {
                    let receipt = receipt(row.get::<&str, _>(1))?;
                    procedures.push((row.get::<String, _>(0), receipt.procedure_name));
                }
                Ok(Queue {
                    rows: out,
                    more,
                    counts,
                    wards: Vec::new(),
                    procedures,
                })
            }

            async fn desk_dossier(&self, tracking_code: &str) -> Result<Option<DeskDossier>, StoreError> {
                let mut conn = self.pool().acquire().await.map_err(unavailable)?;
                let row = sqlx::query(
                    "SELECT id, procedure, office, applicant_name, received_at, due_date, status, content \
                     FROM dossiers WHERE tracking_code = $1",
                )
                .bind(tracking_code)
                .fetch_optional(&mut *conn)
                .await
                .map_err(unavailable)?;
                let Some(row) = row else {
                    return Ok(None);
                };
                let id: i64 = row.get(0);
                let procedure: String = row.get(1);
                let draft: Draft =
                    serde_json::from_str(row.get::<&str, _>(7)).map_err(super::rows::bad_json)?;
                let files = sqlx::query_as::<_, (String, String, String, String, i64)>(&format!(
                    "SELECT attachment_id, document, name, mime, size FROM dossier_files \
                     WHERE dossier_id = $1 ORDER BY {}",
                    <$Db>::FILE_ORDER
                ))
                .bind(id)
                .fetch_all(&mut *conn)
                .await
                .map_err(unavailable)?
                .into_iter()
                .map(|(attachment, document, name, mime, size)| DeskFile {
                    attachment,
                    document,
                    name,
                    mime,
                    size: size as u64,
                })
                .collect();
                let history = history_of(&mut conn, id, &procedure).await?;
                Ok(Some(DeskDossier {
                    tracking_code: tracking_code.to_string(),
                    office: row.get::<i64, _>(2) as u32,
                    applicant: row.get(3),
                    received_at: row.get(4),
                    due_date: due_date(row.get::<Option<&str>, _>(5)),
                    status: status(row.get::<&str, _>(6))?,
                    draft,
                    files,
                    history,
                    view: Default::default(),
                }))
            }

            async fn transition(&self, transition: Transition) -> Result<bool, StoreError> {
                let mut tx = self
                    .writing(&format!("decision:{}", transition.tracking_code))
                    .await?;
                let row: Option<(i64,)> = sqlx::query_as(&format!(
                    "SELECT id FROM dossiers WHERE tracking_code = $1 AND status = $2{}",
                    <$Db>::FOR_UPDATE
                ))
                        .bind(&transition.tracking_code)
                        .bind(transition.from.as_str())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(unavailable)?;
                let Some((id,)) = row else {
                    tx.rollback().await.map_err(unavailable)?;
                    return Ok(false);
                };
                let missing = missing_text(&transition.missing)?;
                sqlx::query(
                    "INSERT INTO dossier_events (dossier_id, status, reason, at, actor, missing) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(id)
                .bind(transition.to.as_str())
                .bind(&transition.reason)
                .bind(transition.at)
                .bind(&transition.actor)
                .bind(missing)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
                sqlx::query("UPDATE dossiers SET status = $1 WHERE id = $2")
                    .bind(transition.to.as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                tx.commit().await.map_err(unavailable)?;
                Ok(true)
            }

            async fn desk_file(
                &self,
                tracking_code: &str,
                attachment: &str,
            ) -> Result<Option<(u32, DeskFile, String)>, StoreError> {
                let row: Option<(i64, String, String, String, i64, String)> = sqlx::query_as(
                    "SELECT d.office, f.document, f.name, f.mime, f.size, f.sha256 \
                     FROM dossier_files f JOIN dossiers d ON d.id = f.dossier_id \
                     WHERE d.tracking_code = $1 AND f.attachment_id = $2",
                )
                .bind(tracking_code)
                .bind(attachment)
                .fetch_optional(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(row.map(|(office, document, name, mime, size, sha256)| {
                    (
                        office as u32,
                        DeskFile {
                            attachment: attachment.to_string(),
                            document,
                            name,
                            mime,
                            size: size as u64,
                        },
                        sha256,
                    )
                }))
            }

            async fn supplement(
                &self,
                dossier_key: &str,
                sending: &str,
                files: Vec<ListedFile>,
                at: i64,
            ) -> Result<Supplemented, StoreError> {
                let mut tx = self.writing(&format!("supplement:{sending}")).await?;
                <$Db>::lock(&mut tx, &format!("staged:{sending}")).await?;
                let done: Option<(i64,)> =
                    sqlx::query_as("SELECT dossier_id FROM supplements WHERE idempotency_key = $1")
                        .bind(sending)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(unavailable)?;
                if done.is_some() {
                    tx.rollback().await.map_err(unavailable)?;
                    return Ok(Supplemented::Stored);
                }
                let row: Option<(i64, String)> = sqlx::query_as(&format!(
                    "SELECT id, status FROM dossiers WHERE idempotency_key = $1{}",
                    <$Db>::FOR_UPDATE
                ))
                        .bind(dossier_key)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(unavailable)?;
                let Some((id, status)) = row else {
                    tx.rollback().await.map_err(unavailable)?;
                    return Ok(Supplemented::NoDossier);
                };
                let Some(next) = Status::parse(&status).and_then(app::dossier::decision::after_supplement)
                else {
                    tx.rollback().await.map_err(unavailable)?;
                    return Ok(Supplemented::NotAsked);
                };
                // The papers asked for in the latest "more documents needed".
                let asked: Option<(Option<String>,)> = sqlx::query_as(
                    "SELECT missing FROM dossier_events WHERE dossier_id = $1 AND status = $2 \
                     ORDER BY id DESC LIMIT 1",
                )
                .bind(id)
                .bind(Status::MoreDocumentsNeeded.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(unavailable)?;
                let asked = missing_ids(asked.and_then(|(m,)| m).as_deref())?;
                if let Some(file) = files.iter().find(|f| !asked.contains(&f.document)) {
                    tx.rollback().await.map_err(unavailable)?;
                    return Ok(Supplemented::PaperNotAsked(file.document.clone()));
                }
                let found = match staged_for(&mut tx, sending, &files).await? {
                    Ok(found) => found,
                    Err(missing) => {
                        tx.rollback().await.map_err(unavailable)?;
                        return Err(StoreError::Missing(missing));
                    }
                };
                file_staged(&mut tx, id, sending, found).await?;
                sqlx::query("INSERT INTO supplements (idempotency_key, dossier_id, at) VALUES ($1, $2, $3)")
                    .bind(sending)
                    .bind(id)
                    .bind(at)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                sqlx::query(
                    "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) VALUES ($1, $2, NULL, $3, 'resident')",
                )
                .bind(id)
                .bind(next.as_str())
                .bind(at)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
                sqlx::query("UPDATE dossiers SET status = $1 WHERE id = $2")
                    .bind(next.as_str())
                    .bind(id)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                tx.commit().await.map_err(unavailable)?;
                Ok(Supplemented::Stored)
            }

            async fn put_handoff(&self, handoff: StoredHandoff) -> Result<bool, StoreError> {
                let mut tx = self.writing("handoffs").await?;
                sqlx::query("DELETE FROM handoffs WHERE created_at < $1")
                    .bind(handoff.created_at - 86_400_000)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                let done = sqlx::query(
                    "INSERT INTO handoffs (code, direction, content, step, files_key, created_at, created_by) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (code) DO NOTHING",
                )
                .bind(&handoff.code)
                .bind(handoff.direction.as_str())
                .bind(&handoff.content)
                .bind(&handoff.step)
                .bind(&handoff.files_key)
                .bind(handoff.created_at)
                .bind(&handoff.created_by)
                .execute(&mut *tx)
                .await
                .map_err(unavailable)?;
                tx.commit().await.map_err(unavailable)?;
                Ok(done.rows_affected() == 1)
            }

            async fn take_handoff(
                &self,
                code: &str,
                direction: Direction,
                made_after: i64,
                by: &str,
                at: i64,
            ) -> Result<Option<StoredHandoff>, StoreError> {
                let row: Option<(String, String, Option<String>, i64, String)> = sqlx::query_as(
                    "UPDATE handoffs SET used_at = $1, used_by = $2 \
                     WHERE code = $3 AND direction = $4 AND used_at IS NULL AND created_at > $5 \
                     RETURNING content, step, files_key, created_at, created_by",
                )
                .bind(at)
                .bind(by)
                .bind(code)
                .bind(direction.as_str())
                .bind(made_after)
                .fetch_optional(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(row.map(
                    |(content, step, files_key, created_at, created_by)| StoredHandoff {
                        code: code.to_string(),
                        direction,
                        content,
                        step,
                        files_key,
                        created_at,
                        created_by,
                    },
                ))
            }

            async fn handoff_file(
                &self,
                code: &str,
                attachment: &str,
            ) -> Result<Option<HandoffFile>, StoreError> {
                let row: Option<(Option<String>, i64, String, String)> = sqlx::query_as(
                    "SELECT h.used_by, h.created_at, f.sha256, f.mime FROM handoffs h \
                     JOIN staged_files f ON f.idempotency_key = h.files_key \
                     WHERE h.code = $1 AND f.attachment_id = $2",
                )
                .bind(code)
                .bind(attachment)
                .fetch_optional(self.pool())
                .await
                .map_err(unavailable)?;
                Ok(row.map(|(used_by, created_at, sha256, mime)| HandoffFile {
                    used_by,
                    created_at,
                    sha256,
                    mime,
                }))
            }

            async fn facts(
                &self,
                wards: Option<&[u32]>,
                from: i64,
                to: i64,
            ) -> Result<Vec<Facts>, StoreError> {
                let filter = QueueFilter::default();
                let mut query = QueryBuilder::<$Backend>::new(
                    "SELECT d.office, d.procedure, d.receipt, d.status, d.due_date, \
                     (SELECT MIN(e.at) FROM dossier_events e WHERE e.dossier_id = d.id \
                      AND e.status IN ('result_ready', 'refused')), \
                     (SELECT r.score FROM ratings r WHERE r.dossier_id = d.id) \
                     FROM dossiers d",
                );
                push_filters(&mut query, wards, &filter, false);
                query
                    .push(" AND received_at >= ")
                    .push_bind(from)
                    .push(" AND received_at <= ")
                    .push_bind(to);
                let rows = query
                    .build()
                    .fetch_all(self.pool())
                    .await
                    .map_err(unavailable)?;
                rows.into_iter()
                    .map(|row| {
                        let receipt = receipt(row.get::<&str, _>(2))?;
                        Ok(Facts {
                            office: row.get::<i64, _>(0) as u32,
                            procedure: row.get(1),
                            procedure_name: receipt.procedure_name,
                            status: status(row.get::<&str, _>(3))?,
                            due: due_date(row.get::<Option<&str>, _>(4)),
                            finished: row.get::<Option<i64>, _>(5).map(Date::in_hanoi),
                            rating: row.get::<Option<i64>, _>(6).map(|s| s as u8),
                        })
                    })
                    .collect()
            }
        }



        /// Attempts older than this are forgotten (every window is shorter).
        const KEPT_MILLIS: i64 = 24 * 60 * 60 * 1000;

        #[async_trait::async_trait]
        impl LimitStore for $Db {
            async fn take_attempt(&self, limits: &[Limit], at: i64) -> Result<Attempt, StoreError> {
                // Each subject's lock, in one order (no two attempts wait for each other in a
                // circle), the first taken with the transaction; attempts under other subjects
                // run meanwhile.
                let mut subjects: Vec<String> = limits
                    .iter()
                    .map(|l| format!("attempts:{}", l.subject))
                    .collect();
                subjects.sort_unstable();
                subjects.dedup();
                let first = subjects.first().map_or("attempts", String::as_str);
                let mut tx = self.writing(first).await?;
                for subject in subjects.iter().skip(1) {
                    <$Db>::lock(&mut tx, subject).await?;
                }
                sqlx::query(<$Db>::FORGET_ATTEMPTS)
                    .bind(at - KEPT_MILLIS)
                    .execute(&mut *tx)
                    .await
                    .map_err(unavailable)?;
                let mut counted = Vec::with_capacity(limits.len());
                for limit in limits {
                    let times: Vec<(i64,)> =
                        sqlx::query_as("SELECT at FROM attempts WHERE subject = $1 AND at > $2")
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
                let id = <$Db>::attempt_number(&mut tx).await?;
                for limit in limits {
                    sqlx::query("INSERT INTO attempts (attempt, subject, at) VALUES ($1, $2, $3)")
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
                sqlx::query("DELETE FROM attempts WHERE attempt = $1")
                    .bind(id)
                    .execute(self.pool())
                    .await
                    .map_err(unavailable)?;
                Ok(())
            }
        }

        }
    };
}

pub(super) use stores;
