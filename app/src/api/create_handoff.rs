//! `POST /api/handoff/create`: keeps a draft under a new 6-symbol code for 30 minutes. Made by a
//! resident ("Get help with this draft", after consenting), the code opens the draft at the desk
//! for a signed-in officer — with the photos only if the resident agreed (uploaded beforehand
//! under `files_key`). Made by a signed-in officer, it lets a resident continue the draft on
//! their phone (without photos).

use crate::dossier::handoff::Issued;
use crate::dossier::model::Draft;
use crate::dossier::submission::SubmitError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The largest draft kept (its JSON): forms are a few kilobytes.
pub const MAX_DRAFT_BYTES: usize = 256 * 1024;
/// Codes one address may make in the window (a help desk makes many).
pub const MAX_CODES: u32 = 60;

#[server(endpoint = "handoff/create", input = Json)]
pub async fn create_handoff(
    draft: Draft,
    step: String,
    files_key: Option<String>,
) -> Result<Issued, SubmitError> {
    ssr::create(draft, step, files_key).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{MAX_CODES, MAX_DRAFT_BYTES};
    use crate::api::store::{StoredHandoff, give_back_quietly, now_millis, storage, unavailable};
    use crate::dossier::handoff::{
        Direction, HandoffCode, Issued, TRY_WINDOW_MILLIS, VALID_FOR_MILLIS,
    };
    use crate::dossier::model::{Draft, is_uuid};
    use crate::dossier::submission::SubmitError;
    use crate::limits::{Attempt, Limit};

    pub async fn create(
        draft: Draft,
        step: String,
        files_key: Option<String>,
    ) -> Result<Issued, SubmitError> {
        let step_ok = !step.is_empty()
            && step.len() <= 40
            && step.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if !step_ok || files_key.as_deref().is_some_and(|k| !is_uuid(k)) {
            return Err(SubmitError::BadRequest);
        }
        // What a device sends is kept without its sending key, and only with what the
        // procedure defines, whatever the device sent.
        let procedure = crate::catalogue::store::Catalogue::embedded()
            .procedure(draft.procedure.trim())
            .ok_or(SubmitError::UnknownProcedure)?;
        let definition = crate::definition::definition(procedure);
        let draft = crate::dossier::received::keep_defined(
            crate::dossier::handoff::shared(draft),
            procedure,
            &definition,
        )?;
        let content = serde_json::to_string(&draft).map_err(|_| SubmitError::BadRequest)?;
        if content.len() > MAX_DRAFT_BYTES {
            return Err(SubmitError::BadRequest);
        }
        let storage = storage()?;
        let now = now_millis();
        // Counted before the code is made (given back if none could be kept): creations sent at
        // once cannot all pass the limit.
        let limit = Limit::new(
            format!("handoff-made:{}", crate::desk::api::session::client().await),
            MAX_CODES,
            TRY_WINDOW_MILLIS,
        );
        let attempt = match storage
            .limits
            .take_attempt(&[limit], now)
            .await
            .map_err(unavailable)?
        {
            Attempt::Refused { retry_at } => {
                return Err(SubmitError::TooManyAttempts { retry_at });
            }
            Attempt::Taken { id, .. } => id,
        };
        // An officer hands a draft to a resident; anyone else hands it to the desk.
        let officer = crate::desk::api::session::current()
            .await
            .ok()
            .flatten()
            .map(|s| s.staff.username);
        let (direction, created_by, files_key) = match officer {
            Some(username) => (Direction::ToResident, username, None),
            None => (Direction::ToDesk, "resident".to_string(), files_key),
        };
        for _ in 0..8 {
            let mut bytes = [0u8; 4];
            if getrandom::fill(&mut bytes).is_err() {
                give_back_quietly(&*storage.limits, attempt).await;
                return Err(SubmitError::Unavailable);
            }
            let code = HandoffCode::from_random(u32::from_le_bytes(bytes));
            let stored = match storage
                .desk
                .put_handoff(StoredHandoff {
                    code: code.as_str().to_string(),
                    direction,
                    content: content.clone(),
                    step: step.clone(),
                    files_key: files_key.clone(),
                    created_at: now,
                    created_by: created_by.clone(),
                })
                .await
            {
                Ok(stored) => stored,
                Err(e) => {
                    give_back_quietly(&*storage.limits, attempt).await;
                    return Err(unavailable(e));
                }
            };
            if stored {
                return Ok(Issued {
                    code: code.as_str().to_string(),
                    direction,
                    expires_at: now + VALID_FOR_MILLIS,
                });
            }
        }
        give_back_quietly(&*storage.limits, attempt).await;
        Err(SubmitError::Unavailable)
    }
}
