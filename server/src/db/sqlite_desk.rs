//! The help desk's storage on SQLite: staff accounts, the queue, a dossier with
//! its history, officers' transitions and residents' added papers. Every change to a dossier runs
//! in one `BEGIN IMMEDIATE` transaction that writes its status and its history entry together.

use super::SqliteDatabase;
use super::sqlite_dossiers::{bad_json, file_staged, history_of, staged_for, unavailable};
use app::api::store::{
    DeskStore, HandoffFile, ListedFile, StaffAccount, StoreError, StoredHandoff, Supplemented,
    Transition,
};
use app::dossier::desk::{DeskDossier, DeskFile, Queue, QueueFilter, QueueRow, sort_queue};
use app::dossier::handoff::Direction;
use app::dossier::model::Draft;
use app::dossier::numbers::Facts;
use app::dossier::submission::{Receipt, Status};
use app::eligibility::date::Date;
use app::staff::{Role, Staff};
use sqlx::{QueryBuilder, Row, Sqlite};

fn role_text(role: Role) -> &'static str {
    match role {
        Role::Officer => "officer",
        Role::Admin => "admin",
    }
}

fn wards_text(wards: &[u32]) -> String {
    wards
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// `WHERE` conditions of the queue (wards and filters), appended to `query`.
fn push_filters<'a>(
    query: &mut QueryBuilder<'a, Sqlite>,
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
impl DeskStore for SqliteDatabase {
    async fn account(&self, username: &str) -> Result<Option<StaffAccount>, StoreError> {
        let row: Option<(String, String, String, String, i64, i64)> = sqlx::query_as(
            "SELECT username, password_hash, role, wards, disabled, password_changed_at \
             FROM staff WHERE username = ?",
        )
        .bind(username)
        .fetch_optional(self.pool())
        .await
        .map_err(unavailable)?;
        let Some((username, password_hash, role, wards, disabled, password_changed_at)) = row
        else {
            return Ok(None);
        };
        let role = match role.as_str() {
            "admin" => Role::Admin,
            _ => Role::Officer,
        };
        let wards = wards
            .split(',')
            .filter_map(|w| w.trim().parse().ok())
            .collect();
        Ok(Some(StaffAccount {
            staff: Staff {
                username,
                role,
                wards,
            },
            password_hash,
            disabled: disabled != 0,
            password_changed_at,
        }))
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
            "UPDATE staff SET password_hash = ?, password_changed_at = ? \
             WHERE username = ? AND password_hash = ?",
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
        let done = sqlx::query("UPDATE staff SET disabled = ? WHERE username = ?")
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
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING",
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
        let mut query = QueryBuilder::<Sqlite>::new(
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
            let status: String = row.get(6);
            let due: Option<String> = row.get(5);
            let receipt: Receipt = serde_json::from_str(row.get::<&str, _>(7)).map_err(bad_json)?;
            out.push(QueueRow {
                tracking_code: row.get(0),
                procedure: row.get(1),
                procedure_name: receipt.procedure_name,
                office: row.get::<i64, _>(2) as u32,
                applicant: row.get(3),
                received_at: row.get(4),
                due_date: due.as_deref().and_then(Date::parse),
                status: Status::parse(&status)
                    .ok_or_else(|| StoreError::Unavailable(format!("unknown status {status}")))?,
            });
        }
        let more = out.len() > limit;
        out.truncate(limit);
        sort_queue(&mut out);

        let mut count = QueryBuilder::<Sqlite>::new("SELECT status, COUNT(*) FROM dossiers");
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
        let mut named = QueryBuilder::<Sqlite>::new("SELECT procedure, MAX(receipt) FROM dossiers");
        push_filters(&mut named, wards, &everything, false);
        named.push(" GROUP BY procedure ORDER BY procedure");
        let mut procedures = Vec::new();
        for row in named
            .build()
            .fetch_all(self.pool())
            .await
            .map_err(unavailable)?
        {
            let receipt: Receipt = serde_json::from_str(row.get::<&str, _>(1)).map_err(bad_json)?;
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
             FROM dossiers WHERE tracking_code = ?",
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
        let status: String = row.get(6);
        let draft: Draft = serde_json::from_str(row.get::<&str, _>(7)).map_err(bad_json)?;
        let files = sqlx::query_as::<_, (String, String, String, String, i64)>(
            "SELECT attachment_id, document, name, mime, size FROM dossier_files \
             WHERE dossier_id = ? ORDER BY rowid",
        )
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
            due_date: row
                .get::<Option<String>, _>(5)
                .as_deref()
                .and_then(Date::parse),
            status: Status::parse(&status)
                .ok_or_else(|| StoreError::Unavailable(format!("unknown status {status}")))?,
            draft,
            files,
            history,
            view: Default::default(),
        }))
    }

    async fn transition(&self, transition: Transition) -> Result<bool, StoreError> {
        let mut tx = self.begin(true).await?;
        let row: Option<(i64,)> =
            sqlx::query_as("SELECT id FROM dossiers WHERE tracking_code = ? AND status = ?")
                .bind(&transition.tracking_code)
                .bind(transition.from.as_str())
                .fetch_optional(&mut *tx)
                .await
                .map_err(unavailable)?;
        let Some((id,)) = row else {
            tx.rollback().await.map_err(unavailable)?;
            return Ok(false);
        };
        let missing = (!transition.missing.is_empty())
            .then(|| serde_json::to_string(&transition.missing))
            .transpose()
            .map_err(bad_json)?;
        sqlx::query(
            "INSERT INTO dossier_events (dossier_id, status, reason, at, actor, missing) \
             VALUES (?, ?, ?, ?, ?, ?)",
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
        sqlx::query("UPDATE dossiers SET status = ? WHERE id = ?")
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
             WHERE d.tracking_code = ? AND f.attachment_id = ?",
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
        let mut tx = self.begin(true).await?;
        let done: Option<(i64,)> =
            sqlx::query_as("SELECT dossier_id FROM supplements WHERE idempotency_key = ?")
                .bind(sending)
                .fetch_optional(&mut *tx)
                .await
                .map_err(unavailable)?;
        if done.is_some() {
            tx.rollback().await.map_err(unavailable)?;
            return Ok(Supplemented::Stored);
        }
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, status FROM dossiers WHERE idempotency_key = ?")
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
            "SELECT missing FROM dossier_events WHERE dossier_id = ? AND status = ? \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(id)
        .bind(Status::MoreDocumentsNeeded.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(unavailable)?;
        let asked: Vec<String> = match asked.and_then(|(m,)| m) {
            Some(json) => serde_json::from_str(&json).map_err(bad_json)?,
            None => Vec::new(),
        };
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
        sqlx::query("INSERT INTO supplements (idempotency_key, dossier_id, at) VALUES (?, ?, ?)")
            .bind(sending)
            .bind(id)
            .bind(at)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        sqlx::query(
            "INSERT INTO dossier_events (dossier_id, status, reason, at, actor) VALUES (?, ?, NULL, ?, 'resident')",
        )
        .bind(id)
        .bind(next.as_str())
        .bind(at)
        .execute(&mut *tx)
        .await
        .map_err(unavailable)?;
        sqlx::query("UPDATE dossiers SET status = ? WHERE id = ?")
            .bind(next.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        tx.commit().await.map_err(unavailable)?;
        Ok(Supplemented::Stored)
    }

    async fn put_handoff(&self, handoff: StoredHandoff) -> Result<bool, StoreError> {
        let mut tx = self.begin(false).await?;
        sqlx::query("DELETE FROM handoffs WHERE created_at < ?")
            .bind(handoff.created_at - 86_400_000)
            .execute(&mut *tx)
            .await
            .map_err(unavailable)?;
        let done = sqlx::query(
            "INSERT INTO handoffs (code, direction, content, step, files_key, created_at, created_by) \
             VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING",
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
            "UPDATE handoffs SET used_at = ?, used_by = ? \
             WHERE code = ? AND direction = ? AND used_at IS NULL AND created_at > ? \
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
             WHERE h.code = ? AND f.attachment_id = ?",
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
        let mut query = QueryBuilder::<Sqlite>::new(
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
                let receipt: Receipt =
                    serde_json::from_str(row.get::<&str, _>(2)).map_err(bad_json)?;
                let status: String = row.get(3);
                Ok(Facts {
                    office: row.get::<i64, _>(0) as u32,
                    procedure: row.get(1),
                    procedure_name: receipt.procedure_name,
                    status: Status::parse(&status).ok_or_else(|| {
                        StoreError::Unavailable(format!("unknown status {status}"))
                    })?,
                    due: row
                        .get::<Option<String>, _>(4)
                        .as_deref()
                        .and_then(Date::parse),
                    finished: row.get::<Option<i64>, _>(5).map(Date::in_hanoi),
                    rating: row.get::<Option<i64>, _>(6).map(|s| s as u8),
                })
            })
            .collect()
    }
}
