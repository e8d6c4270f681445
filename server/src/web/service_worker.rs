//! `GET /sw.js`: the service worker, from the built site's `sw.js` with two values filled in: the
//! list of files and pages to precache (the app shell of this build), and a version that is a
//! hash of the worker's own text and of every precached file. A build that changes any of them
//! serves a worker with a new version, hence new cache names; the browser installs it beside the
//! old one and the page offers to switch (see `app::device::update`).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::path::Path;

/// Pages that work from the device and open offline from the first visit on. A dossier's pages
/// are all one shell (the dossier is read from IndexedDB), precached under a stand-in id.
pub const SHELL_PAGES: [&str; 6] = [
    "/",
    "/procedures",
    "/dossiers",
    "/dossiers/draft",
    "/dossiers/draft/section",
    "/people",
];

/// Public files of the shell (besides the build's hashed files under /pkg/).
const SHELL_FILES: [&str; 6] = [
    "/favicon.svg",
    "/manifest.webmanifest",
    "/icons/icon-192.png",
    "/icons/icon-512.png",
    "/icons/maskable-512.png",
    "/icons/apple-touch-icon.png",
];

/// The worker as served, computed once when the router is built.
#[derive(Clone, Debug)]
pub struct ServiceWorker {
    pub version: String,
    pub precache: Vec<String>,
    pub script: String,
}

impl ServiceWorker {
    /// Reads `sw.js` and the shell's files from the built site in `site_root`. Files that are
    /// missing (a test without a build) are left out of the list.
    pub fn load(site_root: &Path) -> ServiceWorker {
        let template = std::fs::read_to_string(site_root.join("sw.js")).unwrap_or_default();
        let mut hash = Fnv::new();
        hash.write(template.as_bytes());
        let mut files: Vec<String> = Vec::new();
        if let Ok(entries) = std::fs::read_dir(site_root.join("pkg")) {
            let mut names: Vec<String> = entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".js") || n.ends_with(".wasm") || n.ends_with(".css"))
                .collect();
            names.sort();
            files.extend(names.into_iter().map(|n| format!("/pkg/{n}")));
        }
        files.extend(SHELL_FILES.iter().map(|f| f.to_string()));
        let mut precache = Vec::new();
        for file in files {
            let Ok(bytes) = std::fs::read(site_root.join(file.trim_start_matches('/'))) else {
                continue;
            };
            hash.write(file.as_bytes());
            hash.write(&bytes);
            precache.push(file);
        }
        // The catalogue's search index: its address changes with the catalogue.
        let index = app::catalogue::store::index_path();
        hash.write(index.as_bytes());
        precache.push(index);
        precache.extend(SHELL_PAGES.iter().map(|p| p.to_string()));
        let version = format!("{:016x}", hash.finish());
        let list = serde_json::to_string(&precache).unwrap_or_else(|_| "[]".to_string());
        let script = template
            .replacen("__MOTCUA_VERSION__", &version, 1)
            .replacen("__MOTCUA_PRECACHE__", &list, 1);
        ServiceWorker {
            version,
            precache,
            script,
        }
    }

    pub fn response(&self) -> Response {
        if self.script.is_empty() {
            return axum::http::StatusCode::NOT_FOUND.into_response();
        }
        (
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/javascript; charset=utf-8"),
            )],
            self.script.clone(),
        )
            .into_response()
    }
}

/// FNV-1a, 64 bits: a stable fingerprint (not for security).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    const TEMPLATE: &str =
        "const VERSION = \"__MOTCUA_VERSION__\";\nconst PRECACHE = __MOTCUA_PRECACHE__;\n";

    #[test]
    fn the_worker_lists_the_builds_files_and_the_shell_pages() {
        let dir = site(&[
            ("sw.js", TEMPLATE),
            ("pkg/motcua.abc.wasm", "wasm"),
            ("pkg/motcua.abc.wasm.br", "compressed"),
            ("pkg/motcua.def.js", "js"),
            ("pkg/motcua.ghi.css", "css"),
            ("pkg/motcua.d.x.ts", "types"),
            ("favicon.svg", "<svg/>"),
            ("manifest.webmanifest", "{}"),
        ]);
        let worker = ServiceWorker::load(dir.path());
        assert!(
            worker
                .precache
                .contains(&"/pkg/motcua.abc.wasm".to_string())
        );
        assert!(worker.precache.contains(&"/pkg/motcua.def.js".to_string()));
        assert!(worker.precache.contains(&"/pkg/motcua.ghi.css".to_string()));
        assert!(
            worker
                .precache
                .contains(&"/manifest.webmanifest".to_string())
        );
        assert!(worker.precache.contains(&"/dossiers/draft".to_string()));
        assert!(worker.precache.iter().any(|p| p.ends_with("/index.json")));
        assert!(
            !worker
                .precache
                .iter()
                .any(|p| p.ends_with(".br") || p.ends_with(".ts"))
        );
        assert!(
            !worker.precache.contains(&"/icons/icon-192.png".to_string()),
            "missing files are left out"
        );
        assert!(
            worker
                .script
                .contains(&format!("const VERSION = \"{}\";", worker.version))
        );
        assert!(worker.script.contains("const PRECACHE = [\"/pkg/"));
        assert!(!worker.script.contains("__MOTCUA"));
    }

    #[test]
    fn the_version_changes_when_any_precached_file_changes() {
        let files = [
            ("sw.js", TEMPLATE),
            ("pkg/motcua.abc.wasm", "wasm"),
            ("favicon.svg", "<svg/>"),
        ];
        let a = ServiceWorker::load(site(&files).path());
        let b = ServiceWorker::load(site(&files).path());
        assert_eq!(a.version, b.version, "the same build, the same version");
        let mut changed = files;
        changed[2] = ("favicon.svg", "<svg></svg>");
        assert_ne!(
            a.version,
            ServiceWorker::load(site(&changed).path()).version
        );
        let mut renamed = files;
        renamed[1] = ("pkg/motcua.xyz.wasm", "wasm");
        assert_ne!(
            a.version,
            ServiceWorker::load(site(&renamed).path()).version
        );
        let mut new_worker = files;
        new_worker[0] = (
            "sw.js",
            "// changed\nconst VERSION = \"__MOTCUA_VERSION__\";",
        );
        assert_ne!(
            a.version,
            ServiceWorker::load(site(&new_worker).path()).version
        );
    }

    #[test]
    fn no_built_site_means_no_worker() {
        let worker = ServiceWorker::load(site(&[]).path());
        assert_eq!(
            worker.response().status(),
            axum::http::StatusCode::NOT_FOUND
        );
    }
}
