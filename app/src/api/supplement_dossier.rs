//! `POST /api/dossiers/supplement`: the papers an officer asked for, added by the resident to the
//! dossier they sent (named by its idempotency key, which only their device knows). The files
//! are uploaded first under the sending's own key, like a dossier's; the sending is stored once
//! however often it is retried, and the dossier goes back to the office's queue.

use crate::dossier::submission::SubmitError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// Files per sending.
pub const MAX_FILES: usize = 20;

/// A file of the sending, as the device lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedFile {
    pub attachment: String,
    pub document: String,
    pub name: String,
    pub size: u64,
}

#[server(endpoint = "dossiers/supplement", input = Json)]
pub async fn supplement_dossier(
    key: String,
    sending: String,
    files: Vec<AddedFile>,
) -> Result<(), SubmitError> {
    ssr::supplement(key, sending, files).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::{AddedFile, MAX_FILES};
    use crate::api::store::{
        ListedFile, StoreError, Supplemented, now_millis, storage, unavailable,
    };
    use crate::dossier::attachment::MAX_PER_DOCUMENT;
    use crate::dossier::model::is_uuid;
    use crate::dossier::received::MAX_FILE_NAME_CHARS;
    use crate::dossier::submission::{SubmitError, Unmet};

    pub async fn supplement(
        key: String,
        sending: String,
        files: Vec<AddedFile>,
    ) -> Result<(), SubmitError> {
        let valid = is_uuid(&key)
            && is_uuid(&sending)
            && key != sending
            && !files.is_empty()
            && files.len() <= MAX_FILES
            && files.iter().all(|f| {
                is_uuid(&f.attachment)
                    && f.document.len() <= 100
                    && f.name.chars().count() <= MAX_FILE_NAME_CHARS
                    && files.iter().filter(|g| g.document == f.document).count() <= MAX_PER_DOCUMENT
            });
        if !valid {
            return Err(SubmitError::BadRequest);
        }
        let listed = files
            .into_iter()
            .map(|f| ListedFile {
                attachment: f.attachment,
                document: f.document,
                name: crate::input::clean(&f.name),
                size: f.size,
            })
            .collect();
        let storage = storage()?;
        crate::api::store::per_minute(&storage, "submit", |r| r.submissions_per_minute).await?;
        match storage
            .desk
            .supplement(&key, &sending, listed, now_millis())
            .await
        {
            Ok(Supplemented::Stored) => Ok(()),
            Ok(Supplemented::NoDossier) => Err(SubmitError::NotFound),
            Ok(Supplemented::NotAsked) => Err(SubmitError::NotAsked),
            Ok(Supplemented::PaperNotAsked(document)) => {
                Err(SubmitError::NotReady(vec![Unmet::Attachments(document)]))
            }
            Err(StoreError::Missing(ids)) => Err(SubmitError::AttachmentsMissing(ids)),
            Err(error) => Err(unavailable(error)),
        }
    }
}
