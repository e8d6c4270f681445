//! The built site's scripts, as pages name them: the page script every page loads and the
//! bundles of islands (see [`crate::island`]). The server reads them from the built site when it
//! starts (file names carry content hashes) and provides them to every page it renders.

use std::collections::BTreeMap;

/// One bundle of islands as built: its JS module (wasm-bindgen's loader, which exports
/// `default` to instantiate the wasm and `mount` to render an island) and its wasm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BundleFiles {
    /// `/pkg/search.<hash>.js`
    pub js: String,
    /// `/pkg/search.<hash>.wasm`
    pub wasm: String,
}

/// What the pages link to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteAssets {
    /// `/page.js?v=<hash>`: the script of every page (public/page.js).
    pub page_script: String,
    /// The bundles by name (`search`, `desk`, …).
    pub bundles: BTreeMap<String, BundleFiles>,
}

impl SiteAssets {
    /// The files of `bundle`; empty addresses when it was not built (a test without a build).
    pub fn bundle(&self, bundle: &str) -> BundleFiles {
        self.bundles.get(bundle).cloned().unwrap_or_default()
    }
}
