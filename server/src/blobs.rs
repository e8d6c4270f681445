//! Attachment bytes on disk, content-addressed: `<data dir>/files/ab/cd/<sha256>`. A file is
//! written under a temporary name, flushed, renamed into place and its directory flushed, so a
//! file that has a name is complete. The same bytes sent twice are kept once. For several servers
//! the PostgreSQL backend keeps the bytes in its database instead ([`crate::db::PostgresDatabase`]);
//! an object store can replace either behind the same traits ([`FileStore`]).

use app::api::store::{BlobStore, StoreError};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct DiskBlobs {
    root: PathBuf,
    /// Writes (and times renewed) share it; the sweep takes it alone for each file it removes,
    /// so that a file sent again is either renewed before the sweep looks at it or written
    /// anew after it is gone — never removed just after it was renewed.
    gate: std::sync::Arc<tokio::sync::RwLock<()>>,
}

impl DiskBlobs {
    /// Uses (and creates) `root`.
    pub fn open(root: &Path) -> std::io::Result<DiskBlobs> {
        fs::create_dir_all(root.join("tmp"))?;
        Ok(DiskBlobs {
            root: root.to_path_buf(),
            gate: Default::default(),
        })
    }

    pub fn path_of(&self, sha256: &str) -> Option<PathBuf> {
        let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
        valid.then(|| {
            self.root
                .join(&sha256[0..2])
                .join(&sha256[2..4])
                .join(sha256)
        })
    }

    fn write(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha256 = sha256_hex(bytes);
        let path = self.path_of(&sha256).expect("a SHA-256 in hex");
        if path.exists() {
            // Sent again: its time starts again, so the sweep leaves it (see [`DiskBlobs::sweep`]).
            File::options()
                .write(true)
                .open(&path)?
                .set_modified(std::time::SystemTime::now())?;
            return Ok(sha256);
        }
        let dir = path.parent().expect("two levels under the root");
        fs::create_dir_all(dir)?;
        let mut nonce = [0u8; 8];
        getrandom::fill(&mut nonce).map_err(std::io::Error::other)?;
        let temporary = self
            .root
            .join("tmp")
            .join(format!("{sha256}.{}.part", hex(&nonce)));
        let mut file = File::create(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&temporary, &path)?;
        File::open(dir)?.sync_all()?;
        Ok(sha256)
    }
}

/// A [`BlobStore`] that can also remove what nothing keeps: files sent for dossiers never
/// stored, once their staging is forgotten.
#[async_trait::async_trait]
pub trait FileStore: BlobStore {
    /// Removes the files last sent before `before` that no staged or stored file of `store`
    /// names any more; how many.
    async fn sweep(
        &self,
        before: std::time::SystemTime,
        store: &dyn app::api::store::DossierStore,
    ) -> Result<u64, StoreError>;
}

#[async_trait::async_trait]
impl FileStore for DiskBlobs {
    /// Removes the files last written (or sent again) before `before` that nothing in `store`
    /// keeps any more ([`app::api::store::DossierStore::blob_in_use`]) — files sent for dossiers
    /// never stored, once their rows are forgotten — and half-written ones left in `tmp/` by a
    /// crash; how many. A file sent again while the sweep runs has a new time, checked again just
    /// before removal.
    async fn sweep(
        &self,
        before: std::time::SystemTime,
        store: &dyn app::api::store::DossierStore,
    ) -> Result<u64, StoreError> {
        let root = self.root.clone();
        let old = move |path: &Path| {
            fs::metadata(path)
                .and_then(|m| m.modified())
                .is_ok_and(|at| at < before)
        };
        let candidates = tokio::task::spawn_blocking({
            let root = root.clone();
            move || -> Vec<PathBuf> {
                let mut found = Vec::new();
                let level = |dir: &Path| -> Vec<PathBuf> {
                    fs::read_dir(dir)
                        .map(|entries| entries.flatten().map(|e| e.path()).collect())
                        .unwrap_or_default()
                };
                for first in level(&root) {
                    for second in level(&first) {
                        found.extend(level(&second).into_iter().filter(|p| old(p)));
                    }
                }
                found
            }
        })
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))?;
        let mut removed = 0;
        for path in candidates {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if self.path_of(name).as_deref() != Some(path.as_path()) {
                continue;
            }
            let _alone = self.gate.write().await;
            if !store.blob_in_use(name).await? && old(&path) && fs::remove_file(&path).is_ok() {
                removed += 1;
            }
        }
        // Half-written files of a crash, directly under `tmp/`.
        for entry in fs::read_dir(root.join("tmp"))
            .into_iter()
            .flatten()
            .flatten()
        {
            if old(&entry.path()) && fs::remove_file(entry.path()).is_ok() {
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// The SHA-256 of `bytes`, in lower-case hex (64 characters): the name bytes are kept under.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[async_trait::async_trait]
impl BlobStore for DiskBlobs {
    async fn put(&self, bytes: Vec<u8>) -> Result<String, StoreError> {
        let this = DiskBlobs {
            root: self.root.clone(),
            gate: self.gate.clone(),
        };
        let _shared = self.gate.read().await;
        tokio::task::spawn_blocking(move || this.write(&bytes))
            .await
            .map_err(|e| StoreError::Unavailable(e.to_string()))?
            .map_err(|e| StoreError::Unavailable(format!("blob store: {e}")))
    }

    async fn get(&self, sha256: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let Some(path) = self.path_of(sha256) else {
            return Ok(None);
        };
        match tokio::fs::read(path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(StoreError::Unavailable(format!("blob store: {e}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_same_bytes_are_kept_once_under_their_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = DiskBlobs::open(dir.path()).unwrap();
        let a = blobs.put(b"abc".to_vec()).await.unwrap();
        assert_eq!(
            a,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(blobs.put(b"abc".to_vec()).await.unwrap(), a);
        assert_eq!(blobs.get(&a).await.unwrap().unwrap(), b"abc");
        assert_eq!(blobs.get(&"0".repeat(64)).await.unwrap(), None);
        assert_eq!(blobs.get("../etc/passwd").await.unwrap(), None);
        // Nothing half-written is left behind.
        assert_eq!(fs::read_dir(dir.path().join("tmp")).unwrap().count(), 0);
    }
}
