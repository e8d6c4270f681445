//! The built site's scripts, read once when the server starts: `/page.js` (served with a version
//! of its content in the address, so browsers keep it until it changes) and the bundles of islands
//! in `pkg/` (their names carry content hashes; see app/bundles and the Makefile's `build`).

use app::assets::{BundleFiles, SiteAssets};
use std::path::Path;

/// The output name cargo-leptos gives the site's own files (`motcua.<hash>.css`): its wasm is the
/// offline kit's bundle.
const SITE_NAME: &str = "motcua";
/// The bundle cargo-leptos builds itself (the other bundles are built beside it).
pub const KIT: &str = "kit";

/// Reads the scripts of the site built into `site_root`; what is missing (a test without a build)
/// is left out.
pub fn load(site_root: &Path) -> SiteAssets {
    let page_script = match std::fs::read(site_root.join("page.js")) {
        Ok(bytes) => format!("/page.js?v={}", short_hash(&bytes)),
        Err(_) => "/page.js".to_string(),
    };
    let mut assets = SiteAssets {
        page_script,
        ..SiteAssets::default()
    };
    let Ok(entries) = std::fs::read_dir(site_root.join("pkg")) else {
        return assets;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    // `<bundle>.<hash>.js` and `<bundle>.<hash>.wasm` (each hashed on its own): a build leaves one
    // of each per bundle.
    let file = |bundle: &str, extension: &str| {
        names.iter().find(|name| {
            name.strip_suffix(extension)
                .and_then(|stem| stem.split_once('.'))
                .is_some_and(|(b, hash)| b == bundle && !hash.contains('.'))
        })
    };
    for name in &names {
        let Some((bundle, _)) = name.strip_suffix(".js").and_then(|s| s.split_once('.')) else {
            continue;
        };
        if let (Some(js), Some(wasm)) = (file(bundle, ".js"), file(bundle, ".wasm")) {
            let bundle = if bundle == SITE_NAME { KIT } else { bundle };
            assets.bundles.insert(
                bundle.to_string(),
                BundleFiles {
                    js: format!("/pkg/{js}"),
                    wasm: format!("/pkg/{wasm}"),
                },
            );
        }
    }
    assets
}

/// The first 16 hex digits of the file's SHA-256: a version for its address.
fn short_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for path in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, path.to_string_lossy().as_bytes()).unwrap();
        }
        dir
    }

    #[test]
    fn bundles_are_found_by_their_hashed_names() {
        let dir = site(&[
            "page.js",
            "pkg/motcua.abc.js",
            "pkg/motcua.xyz.wasm",
            "pkg/motcua.xyz.wasm.br",
            "pkg/motcua.def.css",
            "pkg/search.x1.js",
            "pkg/search.x2.wasm",
            "pkg/search.x1.js.gz",
            "pkg/motcua.d.y.ts",
            "pkg/motcua_bg.wasm.d.y.ts",
            "pkg/lonely.z.js",
        ]);
        let assets = load(dir.path());
        assert!(assets.page_script.starts_with("/page.js?v="));
        assert_eq!(assets.page_script.len(), "/page.js?v=".len() + 16);
        assert_eq!(
            assets.bundle("kit"),
            BundleFiles {
                js: "/pkg/motcua.abc.js".into(),
                wasm: "/pkg/motcua.xyz.wasm".into()
            }
        );
        assert_eq!(assets.bundle("search").wasm, "/pkg/search.x2.wasm");
        assert_eq!(
            assets.bundles.keys().collect::<Vec<_>>(),
            ["kit", "search"],
            "a script without its wasm is no bundle"
        );
    }

    #[test]
    fn no_built_site_means_no_bundles() {
        let assets = load(site(&[]).path());
        assert_eq!(assets.page_script, "/page.js");
        assert!(assets.bundles.is_empty());
        assert_eq!(assets.bundle("search"), BundleFiles::default());
    }
}
