//! `GET /sw.js`: the service worker, from the built site's `sw.js` with three values filled in:
//! the app shell to precache (the style sheet, `/page.js`, icons, manifest, and the pages that
//! work from the device), the offline kit (the bundle holding every resident's island, the
//! catalogue's search index and the offline page the kit renders procedures in), and a version
//! that is a hash of the worker's own text and of every precached file. A build that changes any
//! of them serves a worker with a new version, hence new cache names; the browser installs it
//! beside the old one and the page offers to switch (public/page.js).

use app::assets::SiteAssets;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use std::path::Path;

/// Pages that work from the device and open offline from the first visit on. A dossier's pages
/// are all one shell (the dossier is read from IndexedDB), precached under a stand-in id; its
/// receipt has a shell of its own (a lighter bundle).
pub const SHELL_PAGES: [&str; 7] = [
    "/",
    "/procedures",
    "/dossiers",
    "/dossiers/draft",
    "/dossiers/draft/section",
    "/dossiers/draft/receipt",
    "/people",
];

/// The page the offline kit renders a procedure's pages in (its details, the check, the result)
/// when the device has not kept them.
pub const OFFLINE_PAGE: &str = "/offline";

/// Public files of the shell (besides the build's style sheet and `/page.js`).
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
    /// Precached whatever the connection.
    pub shell: Vec<String>,
    /// Precached unless the browser asks to save data (`Save-Data`).
    pub kit: Vec<String>,
    pub script: String,
}

impl ServiceWorker {
    /// Reads `sw.js` and the precached files from the built site in `site_root`. Files that are
    /// missing (a test without a build) are left out of the lists.
    pub fn load(site_root: &Path, assets: &SiteAssets) -> ServiceWorker {
        let template = std::fs::read_to_string(site_root.join("sw.js")).unwrap_or_default();
        let mut hash = Fnv::new();
        hash.write(template.as_bytes());
        let mut add = |list: &mut Vec<String>, url: String| {
            let file = url
                .split('?')
                .next()
                .unwrap_or_default()
                .trim_start_matches('/');
            let Ok(bytes) = std::fs::read(site_root.join(file)) else {
                return;
            };
            hash.write(url.as_bytes());
            hash.write(&bytes);
            list.push(url);
        };
        let mut shell = Vec::new();
        if let Ok(entries) = std::fs::read_dir(site_root.join("pkg")) {
            let mut styles: Vec<String> = entries
                .filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".css"))
                .collect();
            styles.sort();
            for style in styles {
                add(&mut shell, format!("/pkg/{style}"));
            }
        }
        add(&mut shell, assets.page_script.clone());
        for file in SHELL_FILES {
            add(&mut shell, file.to_string());
        }
        let mut kit = Vec::new();
        let files = assets.bundle(super::assets::KIT);
        for file in [files.js, files.wasm] {
            if !file.is_empty() {
                add(&mut kit, file);
            }
        }
        // The catalogue's search index: its address changes with the catalogue.
        let index = app::catalogue::store::index_path();
        hash.write(index.as_bytes());
        kit.push(index);
        shell.extend(SHELL_PAGES.iter().map(|p| p.to_string()));
        kit.push(OFFLINE_PAGE.to_string());
        let version = format!("{:016x}", hash.finish());
        let list =
            |urls: &[String]| serde_json::to_string(urls).unwrap_or_else(|_| "[]".to_string());
        let script = template
            .replacen("__MOTCUA_VERSION__", &version, 1)
            .replacen("__MOTCUA_SHELL__", &list(&shell), 1)
            .replacen("__MOTCUA_KIT__", &list(&kit), 1);
        ServiceWorker {
            version,
            shell,
            kit,
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

    const TEMPLATE: &str = "const VERSION = \"__MOTCUA_VERSION__\";\nconst SHELL_FILES = __MOTCUA_SHELL__;\nconst KIT_FILES = __MOTCUA_KIT__;\n";

    fn load(dir: &tempfile::TempDir) -> ServiceWorker {
        ServiceWorker::load(dir.path(), &crate::web::assets::load(dir.path()))
    }

    #[test]
    fn the_worker_lists_the_shell_and_the_offline_kit() {
        let dir = site(&[
            ("sw.js", TEMPLATE),
            ("page.js", "// page"),
            ("pkg/motcua.abc.wasm", "wasm"),
            ("pkg/motcua.abc.wasm.br", "compressed"),
            ("pkg/motcua.abc.js", "js"),
            ("pkg/motcua.ghi.css", "css"),
            ("pkg/search.s1.js", "search js"),
            ("pkg/search.s1.wasm", "search wasm"),
            ("pkg/motcua.d.x.ts", "types"),
            ("favicon.svg", "<svg/>"),
            ("manifest.webmanifest", "{}"),
        ]);
        let worker = load(&dir);
        let shell = |url: &str| worker.shell.contains(&url.to_string());
        let kit = |url: &str| worker.kit.contains(&url.to_string());
        assert!(shell("/pkg/motcua.ghi.css"));
        assert!(worker.shell.iter().any(|u| u.starts_with("/page.js?v=")));
        assert!(shell("/manifest.webmanifest"));
        assert!(shell("/dossiers/draft"));
        assert!(kit("/pkg/motcua.abc.wasm") && kit("/pkg/motcua.abc.js"));
        assert!(kit("/offline"));
        assert!(worker.kit.iter().any(|p| p.ends_with("/index.json")));
        let all: Vec<&String> = worker.shell.iter().chain(&worker.kit).collect();
        assert!(
            !all.iter().any(|p| p.contains("search.")),
            "a page's own bundle is kept when a page loads it, not precached"
        );
        assert!(!all.iter().any(|p| p.ends_with(".br") || p.ends_with(".ts")));
        assert!(!shell("/icons/icon-192.png"), "missing files are left out");
        assert!(
            worker
                .script
                .contains(&format!("const VERSION = \"{}\";", worker.version))
        );
        assert!(worker.script.contains("const SHELL_FILES = [\"/pkg/"));
        assert!(
            worker
                .script
                .contains("const KIT_FILES = [\"/pkg/motcua.abc.")
        );
        assert!(!worker.script.contains("__MOTCUA"));
    }

    #[test]
    fn the_version_changes_when_any_precached_file_changes() {
        let files = [
            ("sw.js", TEMPLATE),
            ("pkg/motcua.abc.wasm", "wasm"),
            ("pkg/motcua.abc.js", "js"),
            ("favicon.svg", "<svg/>"),
        ];
        let a = load(&site(&files));
        let b = load(&site(&files));
        assert_eq!(a.version, b.version, "the same build, the same version");
        let mut changed = files;
        changed[3] = ("favicon.svg", "<svg></svg>");
        assert_ne!(a.version, load(&site(&changed)).version);
        let mut renamed = files;
        renamed[1] = ("pkg/motcua.xyz.wasm", "wasm");
        renamed[2] = ("pkg/motcua.xyz.js", "js");
        assert_ne!(a.version, load(&site(&renamed)).version);
        let mut new_worker = files;
        new_worker[0] = (
            "sw.js",
            "// changed\nconst VERSION = \"__MOTCUA_VERSION__\";",
        );
        assert_ne!(a.version, load(&site(&new_worker)).version);
    }

    #[test]
    fn no_built_site_means_no_worker() {
        let worker = load(&site(&[]));
        assert_eq!(
            worker.response().status(),
            axum::http::StatusCode::NOT_FOUND
        );
    }
}
