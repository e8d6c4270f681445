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
//!
//! A dossier is only ever written by reading the stored record and writing the next one in the
//! same read-write transaction, by the rules of [`crate::dossier::revision`]: whatever several
//! tabs do, an older copy never overwrites a newer one and the idempotency key is the stored one.
//! After each write, the other tabs are told at once ([`CHANNEL`], [`on_draft_changed`]).

use crate::dossier::model::{Draft, Person};
use crate::dossier::revision::Write;

/// The database's name, and the schema version this app writes.
pub const DATABASE: &str = "motcua";
pub const VERSION: u32 = 2;
pub const DRAFTS: &str = "drafts";
pub const FILES: &str = "files";
pub const PEOPLE: &str = "people";
/// The `BroadcastChannel` on which a tab that wrote a dossier tells the others: an object
/// `{id: string, revision: number}` (revision 0: deleted).
pub const CHANNEL: &str = "motcua-drafts";

/// A file to keep with a dossier's record: its attachment id and its bytes.
#[cfg(feature = "csr")]
pub type File<'a> = (&'a str, &'a web_sys::Blob);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not in a browser (the server renders pages without a store), or a browser that keeps
    /// nothing for the site (site data turned off, or a window without IndexedDB).
    #[error("this browser cannot keep dossiers")]
    Unavailable,
    #[error("the device is out of space")]
    Full,
    /// A newer version of the portal ran on this device and keeps its data in a newer form:
    /// this (older, cached) version must be replaced by the new one, nothing is lost.
    #[error("the data on this device was written by a newer version of the portal")]
    Newer,
    #[error("the browser refused: {0}")]
    Browser(String),
}

#[cfg(not(feature = "csr"))]
mod imp {
    use super::*;
    pub async fn add_draft(_: &Draft) -> Result<(), StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn write_draft(_: Option<&Draft>, _: &Draft) -> Result<Write, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn change_draft(
        _: &str,
        _: impl FnOnce(Option<&Draft>) -> Option<Draft>,
    ) -> Result<Option<Draft>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn get_draft(_: &str) -> Result<Option<Draft>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn list_drafts() -> Result<Vec<Draft>, StoreError> {
        Err(StoreError::Unavailable)
    }
    pub async fn delete_draft(_: &Draft) -> Result<bool, StoreError> {
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

    /// The database, its schema brought up to this app's [`VERSION`]. When a newer version of
    /// the portal already upgraded it on this device (and an older, cached version runs now),
    /// it is opened as it is: versions only ever add stores, so every store this app uses is
    /// there and no draft is stranded; [`StoreError::Newer`] only if one is missing.
    pub(super) async fn open() -> Result<Database, StoreError> {
        let opened = Database::open(DATABASE)
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
            .await;
        match opened {
            Ok(db) => Ok(db),
            Err(error) if exception_name(&error).as_deref() == Some("VersionError") => {
                newer_version_seen();
                let db = Database::open(DATABASE).await.map_err(opening)?;
                let stores: Vec<String> = db.object_store_names().collect();
                if [DRAFTS, FILES, PEOPLE]
                    .iter()
                    .all(|s| stores.iter().any(|n| n == s))
                {
                    Ok(db)
                } else {
                    db.close();
                    Err(StoreError::Newer)
                }
            }
            Err(error) => Err(opening(error)),
        }
    }

    /// Tells `/page.js` that a newer version of the portal ran on this device: it asks the
    /// service worker for it at once (the new-version notice follows).
    fn newer_version_seen() {
        // Once a page: every store call meets it again.
        static SEEN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
        if SEEN.swap(true, std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new("motcua:newer"))
        {
            let _ = window.dispatch_event(&event);
        }
    }

    /// The name of the browser's exception (`VersionError`, `QuotaExceededError`, …).
    fn exception_name(error: &indexed_db_futures::error::OpenDbError) -> Option<String> {
        use indexed_db_futures::error::{Error, OpenDbError};
        use wasm_bindgen::JsCast;
        match error {
            OpenDbError::Base(Error::DomException(exception)) => {
                let value: &JsValue = exception.as_ref();
                Some(value.unchecked_ref::<web_sys::DomException>().name())
            }
            _ => None,
        }
    }

    /// Why the database did not open. [`StoreError::Unavailable`] when the browser keeps nothing
    /// for the site: no `indexedDB` at all; a `SecurityError` (Firefox, Safari); or, in
    /// Chromium with site data turned off, an open refused with `UnknownError` ("The user denied
    /// permission to access the database") while `localStorage` is denied too (checked against
    /// Chromium's own setting in `end2end/tests/storage.spec.ts`). Anything else is the
    /// browser's failure of the moment.
    fn opening(error: indexed_db_futures::error::OpenDbError) -> StoreError {
        let window = web_sys::window();
        let no_database = window
            .as_ref()
            .and_then(|w| w.indexed_db().ok().flatten())
            .is_none();
        let storage_denied = window.as_ref().is_some_and(|w| w.local_storage().is_err());
        if no_database
            || storage_denied
            || exception_name(&error).as_deref() == Some("SecurityError")
        {
            StoreError::Unavailable
        } else {
            browser(error)
        }
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
            commit(tx).await
        }
        .await;
        db.close();
        result
    }

    /// Commits a read-write transaction. When the browser aborts it with no request failing,
    /// the cause is the device's space in practice (Chromium aborts a write that would pass the
    /// quota, with `QuotaExceededError` on the transaction alone, which this library does not
    /// pass on): [`StoreError::Full`] when the browser's estimate agrees
    /// ([`crate::device::storage::NEARLY_FULL`]), else the browser's failure.
    async fn commit(tx: Transaction<'_>) -> Result<(), StoreError> {
        use indexed_db_futures::error::{Error, UnexpectedDataError};
        match tx.commit().await {
            Ok(()) => Ok(()),
            Err(Error::MissingData(UnexpectedDataError::TransactionAborted)) => {
                Err(match crate::device::storage::usage().await {
                    Some(usage) if usage.is_nearly_full() => StoreError::Full,
                    _ => StoreError::Browser("the browser aborted the write".to_string()),
                })
            }
            Err(error) => Err(browser(error)),
        }
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

    /// What a read-write transaction does to a dossier's record.
    enum Step {
        Put(Box<Draft>),
        Delete,
        Nothing,
    }

    /// The files a record lists (its own, and those of the papers being added).
    fn files_of(draft: Option<&Draft>) -> Vec<&str> {
        draft
            .into_iter()
            .flat_map(|d| {
                let added = d.supplement.iter().flat_map(|s| &s.attachments);
                d.attachments.iter().chain(added).map(|a| a.id.as_str())
            })
            .collect()
    }

    fn read_record(value: JsValue) -> Result<Draft, StoreError> {
        use crate::dossier::model::RecordError;
        Draft::from_record(&from_js(value)?).map_err(|e| match e {
            RecordError::Newer(_) => {
                newer_version_seen();
                StoreError::Newer
            }
            other => browser(other),
        })
    }

    /// Reads the record of dossier `id` and does what `decide` makes of it, in one read-write
    /// transaction over the drafts and the files: a file the record no longer lists is deleted
    /// with it, and `file` is kept only if the record written lists it. Tells the other tabs.
    /// Gives the step taken.
    async fn read_write(
        id: &str,
        file: Option<(&str, &web_sys::Blob)>,
        decide: impl FnOnce(Option<&Draft>) -> Result<Step, StoreError>,
    ) -> Result<Step, StoreError> {
        let db = open().await?;
        let result = async {
            let tx = db
                .transaction([DRAFTS, FILES])
                .with_mode(TransactionMode::Readwrite)
                .build()
                .map_err(browser)?;
            let value: Option<JsValue> = tx
                .object_store(DRAFTS)
                .map_err(browser)?
                .get(id.to_string())
                .primitive()
                .map_err(browser)?
                .await
                .map_err(browser)?;
            let stored = match value.filter(|v| !v.is_undefined()) {
                Some(value) => Some(read_record(value)?),
                None => None,
            };
            let step = decide(stored.as_ref())?;
            let before = files_of(stored.as_ref());
            match &step {
                Step::Put(next) => {
                    put(&tx, DRAFTS, id, to_js(next)?)?;
                    let after = files_of(Some(next));
                    for gone in before.iter().filter(|f| !after.contains(f)) {
                        delete(&tx, FILES, gone)?;
                    }
                    if let Some((attachment, blob)) = file
                        && after.contains(&attachment)
                    {
                        put(&tx, FILES, attachment, file_record(id, attachment, blob)?)?;
                    }
                }
                Step::Delete => {
                    delete(&tx, DRAFTS, id)?;
                    for gone in &before {
                        delete(&tx, FILES, gone)?;
                    }
                }
                Step::Nothing => {}
            }
            commit(tx).await?;
            Ok(step)
        }
        .await;
        db.close();
        match &result {
            Ok(Step::Put(next)) => announce(id, next.revision),
            Ok(Step::Delete) => announce(id, 0),
            _ => {}
        }
        result
    }

    fn file_record(
        draft: &str,
        attachment: &str,
        blob: &web_sys::Blob,
    ) -> Result<JsValue, StoreError> {
        let record = Object::new();
        for (key, field) in [
            ("id", JsValue::from(attachment)),
            ("draft", JsValue::from(draft)),
            ("blob", JsValue::from(blob)),
        ] {
            Reflect::set(&record, &key.into(), &field).map_err(|e| browser(format!("{e:?}")))?;
        }
        Ok(record.into())
    }

    /// Tells the other tabs (and this tab's other islands) that dossier `id` is now at
    /// `revision` (0: deleted).
    fn announce(id: &str, revision: u64) {
        // A plain object, not JSON: no serde code in the bundles for it.
        let message = Object::new();
        let _ = Reflect::set(&message, &"id".into(), &id.into());
        let _ = Reflect::set(&message, &"revision".into(), &(revision as f64).into());
        if let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) {
            let _ = channel.post_message(&message);
            channel.close();
        }
    }

    /// Keeps a new dossier (its id never stored before) at revision 1, in a transaction that
    /// only adds: it never reads a record, so a page that only starts dossiers does not carry
    /// the code that reads them. Fails, storing nothing, if the id is already stored.
    pub async fn add_draft(draft: &Draft) -> Result<(), StoreError> {
        let value = to_js(&Draft {
            revision: 1,
            ..draft.clone()
        })?;
        write(&[DRAFTS], |tx| {
            tx.object_store(DRAFTS)
                .map_err(browser)?
                .add(value)
                .with_key(draft.id.clone())
                .primitive()
                .map_err(browser)
                .map(drop)
        })
        .await?;
        announce(&draft.id, 1);
        Ok(())
    }

    /// Writes `mine`, a copy that started from `base` (`None`: a new dossier), by the rules of
    /// [`crate::dossier::revision::write`]; gives what the device keeps now.
    pub async fn write_draft(base: Option<&Draft>, mine: &Draft) -> Result<Write, StoreError> {
        write_draft_with_file(base, mine, None).await
    }

    /// [`write_draft`], keeping `file` (an attachment's bytes) with the record if the record
    /// written lists it: both or neither.
    pub async fn write_draft_with_file(
        base: Option<&Draft>,
        mine: &Draft,
        file: Option<File<'_>>,
    ) -> Result<Write, StoreError> {
        let mut outcome = None;
        read_write(&mine.id, file, |stored| {
            let write = crate::dossier::revision::write(base, mine, stored);
            let step = match &write {
                Write::Store(next) => Step::Put(Box::new(next.clone())),
                _ => Step::Nothing,
            };
            outcome = Some(write);
            Ok(step)
        })
        .await?;
        outcome.ok_or(StoreError::Unavailable)
    }

    /// Changes the stored record of dossier `id` by `change` (given the record, or `None`;
    /// giving back the record to store, or `None` to store nothing). Gives the record stored.
    pub async fn change_draft(
        id: &str,
        change: impl FnOnce(Option<&Draft>) -> Option<Draft>,
    ) -> Result<Option<Draft>, StoreError> {
        match read_write(id, None, |stored| {
            Ok(change(stored).map_or(Step::Nothing, |next| Step::Put(Box::new(next))))
        })
        .await?
        {
            Step::Put(next) => Ok(Some(*next)),
            _ => Ok(None),
        }
    }

    pub async fn get_draft(id: &str) -> Result<Option<Draft>, StoreError> {
        match get(DRAFTS, id).await? {
            Some(value) => read_record(value).map(Some),
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

    /// Deletes a dossier and its files, together, if nobody wrote it since `base` was read
    /// ([`crate::dossier::revision::may_delete`]); false when it was written meanwhile (it
    /// stays).
    pub async fn delete_draft(base: &Draft) -> Result<bool, StoreError> {
        let step = read_write(&base.id, None, |stored| {
            Ok(match stored {
                Some(_) if crate::dossier::revision::may_delete(base, stored) => Step::Delete,
                _ => Step::Nothing,
            })
        })
        .await?;
        Ok(matches!(step, Step::Delete))
    }

    /// Calls `changed(id, revision)` whenever a tab (this one included) writes a dossier
    /// (revision 0: deleted), until the returned channel is dropped.
    pub fn on_draft_changed(changed: impl Fn(String, u64) + 'static) -> Option<Listener> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen::prelude::Closure;
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
        let callback =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let field = |name: &str| Reflect::get(&data, &name.into()).ok();
                if let (Some(id), Some(revision)) = (
                    field("id").and_then(|v| v.as_string()),
                    field("revision").and_then(|v| v.as_f64()),
                ) && revision >= 0.0
                {
                    changed(id, revision as u64);
                }
            });
        channel.set_onmessage(Some(callback.as_ref().unchecked_ref()));
        Some(Listener {
            channel,
            _callback: callback,
        })
    }

    /// Listens to [`CHANNEL`] while kept.
    pub struct Listener {
        channel: web_sys::BroadcastChannel,
        _callback: wasm_bindgen::prelude::Closure<dyn Fn(web_sys::MessageEvent)>,
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            self.channel.set_onmessage(None);
            self.channel.close();
        }
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
