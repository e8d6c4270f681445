//! `POST /api/dossiers/attachment` (multipart: `key`, `attachment`, `mime`, then `file`): one
//! photo or PDF of a dossier not yet stored. The server checks the file by its content (JPEG or
//! PDF, the type declared, not empty, within the limit; a PDF without scripts, launches or
//! embedded files), keeps it by its SHA-256 and records it under the dossier's idempotency key.
//! Refused files leave nothing behind.

use crate::dossier::submission::SubmitError;
use leptos::prelude::*;
use leptos::server_fn::codec::MultipartFormData;
use serde::{Deserialize, Serialize};

/// The fields of the form, in the order they must be sent.
pub const FIELDS: [&str; 4] = ["key", "attachment", "mime", "file"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Uploaded {
    pub sha256: String,
    pub size: u64,
}

#[server(endpoint = "dossiers/attachment", input = MultipartFormData)]
pub async fn upload_attachment(
    data: leptos::server_fn::codec::MultipartData,
) -> Result<Uploaded, SubmitError> {
    ssr::upload(data).await
}

#[cfg(feature = "ssr")]
mod ssr {
    use super::Uploaded;
    use crate::api::store::{StagedFile, now_millis, storage, unavailable};
    use crate::dossier::attachment::{
        MAX_PDF_BYTES, MAX_SENT_PHOTO_BYTES, MAX_STAGED_BYTES, MAX_STAGED_FILES, PDF_HEADER_WITHIN,
        Refusal, Sent, check_sent, pdf_active_content, sniff,
    };
    use crate::dossier::model::is_uuid;
    use crate::dossier::submission::SubmitError;
    use leptos::server_fn::codec::MultipartData;

    pub async fn upload(data: MultipartData) -> Result<Uploaded, SubmitError> {
        // Counted before the body is read: over the limit, nothing is read or kept.
        crate::api::store::per_minute(&storage()?, "upload", |r| r.uploads_per_minute).await?;
        let mut form = data.into_inner().ok_or(SubmitError::BadRequest)?;
        let mut key = None;
        let mut attachment = None;
        let mut mime = None;
        let limit = MAX_SENT_PHOTO_BYTES.max(MAX_PDF_BYTES);
        while let Some(mut field) = form
            .next_field()
            .await
            .map_err(|_| SubmitError::BadRequest)?
        {
            let name = field.name().unwrap_or_default().to_string();
            if name != "file" {
                let text = field.text().await.map_err(|_| SubmitError::BadRequest)?;
                if text.len() > 100 {
                    return Err(SubmitError::BadRequest);
                }
                match name.as_str() {
                    "key" => key = Some(text),
                    "attachment" => attachment = Some(text),
                    "mime" => mime = Some(text),
                    _ => return Err(SubmitError::BadRequest),
                }
                continue;
            }
            let (Some(key), Some(attachment), Some(mime)) = (&key, &attachment, &mime) else {
                return Err(SubmitError::BadRequest);
            };
            if !is_uuid(key) || !is_uuid(attachment) {
                return Err(SubmitError::BadRequest);
            }
            let mut bytes = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(|_| SubmitError::BadRequest)? {
                if (bytes.len() + chunk.len()) as u64 > limit {
                    // Read no further: the answer is already known.
                    return Err(SubmitError::Attachment(Refusal::TooLarge {
                        // The limit of the kind its first bytes tell, else the largest.
                        limit_mb: sniff(&bytes).map_or(limit, Sent::limit) / (1024 * 1024),
                    }));
                }
                bytes.extend_from_slice(&chunk);
            }
            let size = bytes.len() as u64;
            let kind = check_sent(mime, &bytes[..bytes.len().min(PDF_HEADER_WITHIN)], size)
                .map_err(SubmitError::Attachment)?;
            if kind == Sent::Pdf && pdf_active_content(&bytes).is_some() {
                return Err(SubmitError::Attachment(Refusal::Active));
            }
            let storage = storage()?;
            // Sent again after the dossier was stored (its receipt was lost on the way): the
            // files are already with it.
            if storage
                .dossiers
                .receipt(key)
                .await
                .map_err(unavailable)?
                .is_some()
            {
                return Ok(Uploaded {
                    sha256: String::new(),
                    size,
                });
            }
            let staged = storage
                .blobs
                .stage(
                    &*storage.dossiers,
                    StagedFile {
                        key: key.clone(),
                        attachment: attachment.clone(),
                        sha256: String::new(),
                        mime: kind.mime().to_string(),
                        size,
                        at: now_millis(),
                    },
                    bytes,
                    MAX_STAGED_FILES,
                    MAX_STAGED_BYTES,
                )
                .await
                .map_err(unavailable)?;
            // Over the quota: nothing is staged (bytes kept apart from their row are swept).
            let Some(sha256) = staged else {
                return Err(SubmitError::Attachment(Refusal::TooMuch));
            };
            return Ok(Uploaded { sha256, size });
        }
        Err(SubmitError::Attachment(Refusal::Empty))
    }
}
