//! The dossier store on the device: IndexedDB behind a small typed API. Every operation opens
//! the database (upgrading its schema when this app is newer than the data), runs one
//! transaction, commits it, and closes the connection, so an app update in another tab is
//! never blocked. Nothing else is awaited inside a transaction.
//!
//! Schema versions (the `upgradeneeded` steps run in order from the stored version):
//! 1. `drafts`: one record per dossier, keyed by its id.
//! 2. `files`: the bytes of attachments (`{id, draft, blob}`), keyed by attachment id;
//!    `people`: saved people, keyed by id.
//!
//! Records keep their own format number; older formats are upgraded as they are read
//! ([`Draft::from_record`]).

use crate::dossier::model::{Draft, Person};

/// The database's name, and the schema version this app writes.
pub const DATABASE: &str = "motcua";
pub const VERSION: u32 = 2;
pub const DRAFTS: &str = "drafts";
pub const FILES: &str = "files";
pub const PEOPLE: &str = "people";

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not in a browser (the server renders pages without a store), or private browsing
    /// without IndexedDB.
    #[error("this browser cannot keep dossiers")]
    Unavailable,
    #[error("the device is out of space")]
    Full,
    #[error("the browser refused: {0}")]
    Browser(String),
}

#[cfg(not(feature = "csr"))]
mod imp {
    use super::*;
    pub async fn put_draft(_: &Draft) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn get_draft(_: &str) -> Result<Option<Draft>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn list_drafts() -> Result<Vec<Draft>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn delete_draft(_: &Draft) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn list_people() -> Result<Vec<Person>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn put_person(_: &Person) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn delete_person(_: &str) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn clear_all() -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
}

#[cfg(feature = "csr")]
mod imp {
    use super::*;
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::{Transaction, TransactionMode};
    use wasm_bindgen::JsValue;
    use web_sys::js_sys::{Object, Reflect};

    fn browser(error: impl std::fmt::Display) -> StoreError {
        let text = error.to_string();
        if text.contains("QuotaExceeded") {
            StoreError::Full
        } else {
            StoreError::Browser(text)
        }
    }

    pub(super) async fn open() -> Result<Database, StoreError> {
        Database::open(DATABASE)
            .with_version(VERSION)
            .with_on_upgrade_needed(|event, db| {
                let old = event.old_version() as u32;
                let has = |name: &str| db.object_store_names().any(|n| n == name);
                if old < 1 && !has(DRAFTS) {
                    db.create_object_store(DRAFTS).build()?;
                }
                if old < 2 {
                    if !has(FILES) {
                        db.create_object_store(FILES).build()?;
                    }
                    if !has(PEOPLE) {
                        db.create_object_store(PEOPLE).build()?;
                    }
                }
                Ok(())
            })
            .await
            .map_err(|e| {
                if web_sys::window()
                    .and_then(|w| w.indexed_db().ok().flatten())
                    .is_none()
                {
                    StoreError::Unavailable
                } else {
                    browser(e)
                }
            })
    }

    /// A record as the store keeps it: a plain object, the value's JSON (through JSON text, so
    /// that one (de)serializer serves the store, the server functions and the record upgrades).
    fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, StoreError> {
        let text = serde_json::to_string(value).map_err(browser)?;
        web_sys::js_sys::JSON::parse(&text).map_err(|e| browser(format!("{e:?}")))
    }

    /// A stored record as JSON text.
    fn from_js(value: JsValue) -> Result<String, StoreError> {
        web_sys::js_sys::JSON::stringify(&value)
            .map(String::from)
            .map_err(|e| browser(format!("{e:?}")))
    }

    /// Runs `requests` (which only issue requests: nothing is awaited inside a transaction) in
    /// one read-write transaction over `stores`, and commits it: all of them or none.
    async fn write(
        stores: &[&str],
        requests: impl FnOnce(&Transaction<'_>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let db = open().await?;
        let result = async {
            let tx = db
                .transaction(stores)
                .with_mode(TransactionMode::Readwrite)
                .build()
                .map_err(browser)?;
            requests(&tx)?;
            tx.commit().await.map_err(browser)
        }
        .await;
        db.close();
        result
    }

    fn put(tx: &Transaction<'_>, store: &str, key: &str, value: JsValue) -> Result<(), StoreError> {
        tx.object_store(store)
            .map_err(browser)?
            .put(value)
            .with_key(key.to_string())
            .primitive()
            .map_err(browser)
            .map(drop)
    }

    fn delete(tx: &Transaction<'_>, store: &str, key: &str) -> Result<(), StoreError> {
        tx.object_store(store)
            .map_err(browser)?
            .delete(key.to_string())
            .primitive()
            .map_err(browser)
            .map(drop)
    }

    /// The record under `key` in `store`, if any.
    async fn get(store: &str, key: &str) -> Result<Option<JsValue>, StoreError> {
        let db = open().await?;
        let result = async {
            let tx = db.transaction(store).build().map_err(browser)?;
            let value: Option<JsValue> = tx
                .object_store(store)
                .map_err(browser)?
                .get(key.to_string())
                .primitive()
                .map_err(browser)?
                .await
                .map_err(browser)?;
            tx.commit().await.map_err(browser)?;
            Ok(value.filter(|v| !v.is_undefined()))
        }
        .await;
        db.close();
        result
    }

    async fn get_all(store: &str) -> Result<Vec<JsValue>, StoreError> {
        let db = open().await?;
        let result = async {
            let tx = db.transaction(store).build().map_err(browser)?;
            let values: Vec<JsValue> = tx
                .object_store(store)
                .map_err(browser)?
                .get_all()
                .primitive()
                .map_err(browser)?
                .await
                .map_err(browser)?
                .filter_map(Result::ok)
                .collect();
            tx.commit().await.map_err(browser)?;
            Ok(values)
        }
        .await;
        db.close();
        result
    }

    pub async fn put_draft(draft: &Draft) -> Result<(), StoreError> {
        let value = to_js(draft)?;
        write(&[DRAFTS], |tx| put(tx, DRAFTS, &draft.id, value)).await
    }

    pub async fn get_draft(id: &str) -> Result<Option<Draft>, StoreError> {
        match get(DRAFTS, id).await? {
            Some(value) => Draft::from_record(&from_js(value)?)
                .map(Some)
                .map_err(browser),
            None => Ok(None),
        }
    }

    /// Every dossier on the device, most recently changed first. Records that cannot be read
    /// (written by a newer app) are left out, and left alone.
    pub async fn list_drafts() -> Result<Vec<Draft>, StoreError> {
        let mut drafts: Vec<Draft> = get_all(DRAFTS)
            .await?
            .into_iter()
            .filter_map(|v| from_js(v).ok())
            .filter_map(|v| Draft::from_record(&v).ok())
            .collect();
        drafts.sort_by_key(|d| std::cmp::Reverse(d.updated));
        Ok(drafts)
    }

    /// Deletes a dossier and the files attached to it, together.
    pub async fn delete_draft(draft: &Draft) -> Result<(), StoreError> {
        write(&[DRAFTS, FILES], |tx| {
            delete(tx, DRAFTS, &draft.id)?;
            let added = draft.supplement.iter().flat_map(|s| &s.attachments);
            for attachment in draft.attachments.iter().chain(added) {
                delete(tx, FILES, &attachment.id)?;
            }
            Ok(())
        })
        .await
    }

    /// Keeps a file's bytes and the draft that lists it, in one transaction: both or neither.
    pub async fn put_file(
        draft: &Draft,
        attachment_id: &str,
        blob: &web_sys::Blob,
    ) -> Result<(), StoreError> {
        let value = to_js(draft)?;
        let record = Object::new();
        for (key, field) in [
            ("id", JsValue::from(attachment_id)),
            ("draft", JsValue::from(draft.id.as_str())),
            ("blob", JsValue::from(blob)),
        ] {
            Reflect::set(&record, &key.into(), &field).map_err(|e| browser(format!("{e:?}")))?;
        }
        write(&[DRAFTS, FILES], |tx| {
            put(tx, FILES, attachment_id, record.into())?;
            put(tx, DRAFTS, &draft.id, value)
        })
        .await
    }

    /// Removes a file and saves the draft without it, in one transaction.
    pub async fn remove_file(draft: &Draft, attachment_id: &str) -> Result<(), StoreError> {
        let value = to_js(draft)?;
        write(&[DRAFTS, FILES], |tx| {
            delete(tx, FILES, attachment_id)?;
            put(tx, DRAFTS, &draft.id, value)
        })
        .await
    }

    pub async fn get_file(attachment_id: &str) -> Result<Option<web_sys::Blob>, StoreError> {
        Ok(get(FILES, attachment_id)
            .await?
            .and_then(|record| Reflect::get(&record, &"blob".into()).ok())
            .and_then(|blob| wasm_bindgen::JsCast::dyn_into::<web_sys::Blob>(blob).ok()))
    }

    pub async fn list_people() -> Result<Vec<Person>, StoreError> {
        let mut people: Vec<Person> = get_all(PEOPLE)
            .await?
            .into_iter()
            .filter_map(|v| from_js(v).ok())
            .filter_map(|v| serde_json::from_str(&v).ok())
            .collect();
        // The resident first, then by name.
        people.sort_by(|a, b| b.me.cmp(&a.me).then_with(|| a.name().cmp(b.name())));
        Ok(people)
    }

    pub async fn put_person(person: &Person) -> Result<(), StoreError> {
        let value = to_js(person)?;
        write(&[PEOPLE], |tx| put(tx, PEOPLE, &person.id, value)).await
    }

    pub async fn delete_person(id: &str) -> Result<(), StoreError> {
        write(&[PEOPLE], |tx| delete(tx, PEOPLE, id)).await
    }

    /// Empties every store (the database itself stays, so an open tab keeps working).
    pub async fn clear_all() -> Result<(), StoreError> {
        write(&[DRAFTS, FILES, PEOPLE], |tx| {
            for name in [DRAFTS, FILES, PEOPLE] {
                tx.object_store(name)
                    .map_err(browser)?
                    .clear()
                    .map_err(browser)?;
            }
            Ok(())
        })
        .await
    }
}

pub use imp::*;
