//! What every backend reads back the same way: stored texts (statuses, JSON, dates, roles,
//! wards) turned into the app's types, and the other way round.

use app::api::store::{ListedFile, StaffAccount, StoreError};
use app::dossier::desk::HistoryEntry;
use app::dossier::submission::{Paper, Receipt, Status, StatusEvent, papers};
use app::eligibility::date::Date;
use app::staff::{Role, Staff};

pub(super) fn bad_json(error: serde_json::Error) -> StoreError {
    StoreError::Unavailable(format!("stored JSON: {error}"))
}

/// A stored status.
pub(super) fn status(text: &str) -> Result<Status, StoreError> {
    Status::parse(text).ok_or_else(|| StoreError::Unavailable(format!("unknown status {text}")))
}

/// A stored receipt (JSON).
pub(super) fn receipt(json: &str) -> Result<Receipt, StoreError> {
    serde_json::from_str(json).map_err(bad_json)
}

/// A receipt's due date as stored: `YYYY-MM-DD`, none when the procedure gives no time.
pub(super) fn due_text(receipt: &Receipt) -> Option<String> {
    receipt
        .due
        .map(|d| format!("{:04}-{:02}-{:02}", d.date.year, d.date.month, d.date.day))
}

/// A stored due date.
pub(super) fn due_date(text: Option<&str>) -> Option<Date> {
    text.and_then(Date::parse)
}

/// The papers an officer asked for, as stored (a JSON array of checklist ids, or none).
pub(super) fn missing_text(ids: &[String]) -> Result<Option<String>, StoreError> {
    (!ids.is_empty())
        .then(|| serde_json::to_string(ids))
        .transpose()
        .map_err(bad_json)
}

/// The checklist ids of a stored `missing` column.
pub(super) fn missing_ids(json: Option<&str>) -> Result<Vec<String>, StoreError> {
    match json {
        Some(json) => serde_json::from_str(json).map_err(bad_json),
        None => Ok(Vec::new()),
    }
}

/// Names history entries by the papers of the procedure `procedure` (its rules name the papers an
/// officer asked for).
pub(super) struct Histories {
    definition: Option<app::definition::Definition>,
}

impl Histories {
    pub(super) fn of(procedure: &str) -> Histories {
        Histories {
            definition: app::catalogue::store::Catalogue::embedded()
                .procedure(procedure)
                .map(app::definition::definition),
        }
    }

    /// One stored history row: status, reason, time, actor, the papers asked for.
    pub(super) fn entry(
        &self,
        status_text: &str,
        reason: Option<String>,
        at: i64,
        actor: String,
        missing: Option<&str>,
    ) -> Result<HistoryEntry, StoreError> {
        let ids = missing_ids(missing)?;
        let missing = match &self.definition {
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
            status: status(status_text)?,
            reason,
            at,
            actor,
            missing,
        })
    }
}

pub(super) fn role_text(role: Role) -> &'static str {
    match role {
        Role::Officer => "officer",
        Role::Admin => "admin",
    }
}

pub(super) fn wards_text(wards: &[u32]) -> String {
    wards
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// A stored staff row: username, password hash, role, wards, disabled, password changed at.
pub(super) fn account(
    (username, password_hash, role, wards, disabled, password_changed_at): (
        String,
        String,
        String,
        String,
        i64,
        i64,
    ),
) -> StaffAccount {
    let role = match role.as_str() {
        "admin" => Role::Admin,
        _ => Role::Officer,
    };
    let wards = wards
        .split(',')
        .filter_map(|w| w.trim().parse().ok())
        .collect();
    StaffAccount {
        staff: Staff {
            username,
            role,
            wards,
        },
        password_hash,
        disabled: disabled != 0,
        password_changed_at,
    }
}

/// A listed file matched with its staged upload (SHA-256 and checked type).
pub(super) struct Staged<'a> {
    pub file: &'a ListedFile,
    pub sha256: String,
    pub mime: String,
}

/// Matches the files `listed` with the uploads staged (attachment id, SHA-256, type, size): the
/// matches, or the ids of those not received (same id and size).
pub(super) fn match_staged<'a>(
    staged: &[(String, String, String, i64)],
    listed: &'a [ListedFile],
) -> Result<Vec<Staged<'a>>, Vec<String>> {
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
    if missing.is_empty() {
        Ok(found)
    } else {
        Err(missing)
    }
}

/// A history as residents see it (without who made each step).
pub(super) fn events(history: Vec<HistoryEntry>) -> Vec<StatusEvent> {
    history
        .into_iter()
        .map(|entry| StatusEvent {
            status: entry.status,
            at: entry.at,
            reason: entry.reason,
            missing: entry.missing,
        })
        .collect()
}
