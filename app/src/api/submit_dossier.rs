//! `POST /api/dossiers/submit`: stores a dossier once and returns its receipt. The same
//! idempotency key always returns the same receipt, however often and however concurrently it
//! is sent; a dossier the rules say is not ready is refused with every reason.

use crate::dossier::model::Draft;
use crate::dossier::submission::{Receipt, SubmitError};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "dossiers/submit", input = Json)]
pub async fn submit_dossier(key: String, draft: Draft) -> Result<Receipt, SubmitError> {
    ssr::submit(key, draft).await
}

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use crate::api::store::{
        ListedFile, NewDossier, StoreError, now_millis, per_minute, storage, unavailable,
    };
    use crate::catalogue::store::Catalogue;
    use crate::dossier::calendar::due_date;
    use crate::dossier::model::{Draft, is_uuid};
    use crate::dossier::submission::{
        QrPath, Receipt, SubmitError, phone_last4, processing_time, readiness,
    };
    use crate::dossier::tracking::TrackingCode;
    use crate::eligibility::date::Date;
    use crate::eligibility::model::Text;

    pub async fn submit(key: String, draft: Draft) -> Result<Receipt, SubmitError> {
        if !is_uuid(&key) {
            return Err(SubmitError::BadRequest);
        }
        let storage = storage()?;
        // Sent before: the same receipt, whatever the rules say today.
        if let Some(receipt) = storage.dossiers.receipt(&key).await.map_err(unavailable)? {
            return Ok(receipt);
        }
        per_minute(&storage, "submit", |r| r.submissions_per_minute).await?;
        let procedure = Catalogue::embedded()
            .procedure(draft.procedure.trim())
            .ok_or(SubmitError::UnknownProcedure)?;
        let now = now_millis();
        let definition = crate::definition::definition(procedure);
        // Only what the procedure defines is judged and stored.
        let draft = crate::dossier::received::keep_defined(draft, procedure, &definition)?;
        let unmet = readiness(&draft, &definition, Date::in_hanoi(now));
        if !unmet.is_empty() {
            return Err(SubmitError::NotReady(unmet));
        }
        let office = draft
            .office
            .and_then(crate::catalogue::wards::ward)
            .ok_or(SubmitError::BadRequest)?;
        let phone = draft
            .form
            .get("applicant_phone")
            .and_then(|p| phone_last4(p))
            .ok_or(SubmitError::BadRequest)?;
        let files = draft
            .attachments
            .iter()
            .map(|a| ListedFile {
                attachment: a.id.clone(),
                document: a.document.clone(),
                name: a.name.clone(),
                size: a.size,
            })
            .collect::<Vec<_>>();
        let content = serde_json::to_string(&draft).map_err(|_| SubmitError::BadRequest)?;
        let due = processing_time(procedure, draft.variant.as_deref())
            .and_then(|time| due_date(time, now));
        // A new code each time one is taken (one chance in 2^60 per dossier).
        for _ in 0..5 {
            let code = new_code()?;
            let receipt = Receipt {
                qr: qr(&code),
                tracking_code: code.as_str().to_string(),
                received_at: now,
                due,
                procedure: procedure.code.clone(),
                procedure_name: Text {
                    vi: procedure.name_vi.clone(),
                    en: procedure.name_en.clone(),
                },
                office: office.code,
                office_name: office.name.clone(),
            };
            let dossier = NewDossier {
                key: key.clone(),
                receipt,
                applicant_name: draft
                    .form
                    .get("applicant_name")
                    .cloned()
                    .unwrap_or_default(),
                phone_last4: phone.clone(),
                content: content.clone(),
                files: files.clone(),
            };
            match storage.dossiers.store_dossier(dossier).await {
                Ok(receipt) => return Ok(receipt),
                Err(StoreError::CodeTaken) => continue,
                Err(StoreError::Missing(ids)) => return Err(SubmitError::AttachmentsMissing(ids)),
                Err(error) => return Err(unavailable(error)),
            }
        }
        Err(SubmitError::Unavailable)
    }

    fn new_code() -> Result<TrackingCode, SubmitError> {
        let mut bytes = [0u8; 8];
        getrandom::fill(&mut bytes).map_err(|_| SubmitError::Unavailable)?;
        Ok(TrackingCode::from_random(u64::from_le_bytes(bytes)))
    }

    /// The QR code of the grouped tracking code, as one SVG path of unit squares.
    pub fn qr(code: &TrackingCode) -> QrPath {
        use qrcode::{Color, EcLevel, QrCode};
        let Ok(qr) = QrCode::with_error_correction_level(code.grouped(), EcLevel::M) else {
            return QrPath {
                size: 0,
                path: String::new(),
            };
        };
        let size = qr.width();
        let mut path = String::new();
        for (i, color) in qr.to_colors().iter().enumerate() {
            if *color == Color::Dark {
                let (x, y) = (i % size, i / size);
                path.push_str(&format!("M{x} {y}h1v1h-1z"));
            }
        }
        QrPath {
            size: size as u32,
            path,
        }
    }
}
