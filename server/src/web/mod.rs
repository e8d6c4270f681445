//! The HTTP surface: the Leptos pages and server functions, static files, `/healthz`, the
//! language switch, and the headers every response carries.

pub mod assets;
pub mod catalogue;
pub mod desk;
mod encoding;
mod failures;
mod headers;
mod health;
mod language;
mod malformed;
pub mod page_cache;
mod posted;
pub mod service_worker;
mod settings;

use crate::db::Database;
use app::api::store::{BlobStore, DeskStore, DossierStore, LimitStore, Storage};
use app::app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::FromRef;
use axum::http::Request;
use axum::routing::{any, get, post};
use leptos::prelude::{LeptosOptions, provide_context};
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

/// What every handler may need.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Arc<dyn Database>,
    /// Where attachment bytes are kept.
    pub blobs: Arc<dyn BlobStore>,
    /// Mark the desk's session cookie `Secure`.
    pub secure_cookies: bool,
    /// Where the client's address comes from (the connection, or a trusted proxy's header).
    pub client_ip_source: axum_client_ip::ClientIpSource,
    /// The limits per client address and minute.
    pub rates: app::limits::Rates,
    /// Public pages kept rendered ([`page_cache`]); `None` renders every page afresh.
    pub page_cache: Option<Arc<page_cache::PageCache>>,
}

/// The largest request body: an attachment (8 MB at most) in its multipart envelope, or a
/// dossier's JSON.
pub const MAX_BODY_BYTES: usize = 9 * 1024 * 1024;

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Arc<dyn Database> {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// The Leptos settings for a site built by cargo-leptos into `site_root`.
pub fn leptos_options(site_root: &Path, listen: std::net::SocketAddr) -> LeptosOptions {
    LeptosOptions::builder()
        // Both are fixed when cargo-leptos compiles the server, so the binary knows the names of
        // the wasm, JS and CSS files it was built with.
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("motcua"))
        .hash_files(option_env!("LEPTOS_HASH_FILES") == Some("true"))
        .site_root(site_root.to_string_lossy().as_ref())
        .site_pkg_dir("pkg")
        .site_addr(listen)
        .env(leptos::config::Env::PROD)
        .build()
}

/// The whole application as one axum router: [`page_cache`] in front of [`app_router`], when it
/// is on. In front, not one of the router's layers: axum runs a router's layers after routing, on
/// a copy of the route's whole stack made for every request, which a kept page need not pay for.
pub fn router(state: AppState) -> Router {
    let cache = state.page_cache.clone();
    let app = app_router(state);
    match cache {
        None => app,
        // A panic here too answers 500 and leaves the server serving (the app's own panics are
        // caught inside).
        Some(cache) => Router::new()
            .fallback_service(tower::Layer::layer(
                &axum::middleware::from_fn_with_state(cache, page_cache::serve),
                app,
            ))
            .layer(tower_http::catch_panic::CatchPanicLayer::custom(
                malformed::panicked,
            )),
    }
}

/// Every route, file and server function, with the layers every response goes through.
fn app_router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let db = state.db.clone();
    let storage = Storage {
        dossiers: db.clone() as Arc<dyn DossierStore>,
        desk: db.clone() as Arc<dyn DeskStore>,
        blobs: state.blobs.clone(),
        limits: db.clone() as Arc<dyn LimitStore>,
    };
    let site_assets = assets::load(Path::new(&*options.site_root));
    let worker = std::sync::Arc::new(service_worker::ServiceWorker::load(
        Path::new(&*options.site_root),
        &site_assets,
    ));
    tracing::debug!(
        version = %worker.version,
        shell = worker.shell.len(),
        kit = worker.kit.len(),
        bundles = ?site_assets.bundles.keys().collect::<Vec<_>>(),
        "site"
    );
    let rates = state.rates;
    let context = move || {
        provide_context(rates);
        provide_context(db.clone());
        provide_context(storage.clone());
        provide_context(site_assets.clone());
        page_cache::provide_fill_nonce();
    };

    // Files of the built site; anything else is a page the portal does not have (rendered by the
    // app's 404 page, with status 404).
    let not_found = leptos_axum::render_app_to_stream_with_context(context.clone(), {
        let options = options.clone();
        move || shell(options.clone())
    });
    let sessions = desk::session_layer(
        desk::SharedStore(state.db.session_store()),
        state.secure_cookies,
    );
    let static_files = ServeDir::new(&*options.site_root)
        .precompressed_br()
        .precompressed_gzip()
        .call_fallback_on_method_not_allowed(true)
        .fallback(any(move |request: Request<Body>| not_found(request)));

    // A page's own form, posted before its island runs: the page, rendered whole.
    let posted_page = leptos_axum::render_app_async_with_context(context.clone(), {
        let options = options.clone();
        move || shell(options.clone())
    });
    let mut router = Router::new();
    for path in app::island::FORM_PAGES {
        let render = posted_page.clone();
        let context = context.clone();
        router = router.route(
            path,
            post(move |request: Request<Body>| {
                posted::page(render.clone(), context.clone(), request)
            }),
        );
    }
    router
        .route("/healthz", get(health::healthz))
        .route(
            "/api/browser-failures",
            post(failures::report).layer(axum::extract::DefaultBodyLimit::max(failures::MAX_BYTES)),
        )
        .route("/sw.js", get(move || async move { worker.response() }))
        .route("/language/{code}", get(language::switch_language))
        .route("/settings/apply", get(settings::apply_settings))
        .route("/catalogue/{version}/index.json", get(catalogue::index))
        .route("/desk/files/{code}/{attachment}", get(desk::file))
        .route(
            "/desk/handoff-files/{code}/{attachment}",
            get(desk::handoff_file),
        )
        .leptos_routes_with_context(&state, generate_route_list(App), context, {
            let options = options.clone();
            move || shell(options.clone())
        })
        .fallback_service(static_files)
        .layer(sessions)
        .layer(state.client_ip_source.clone().into_extension())
        .layer(axum::middleware::from_fn(desk::same_origin))
        .layer(axum::middleware::from_fn(malformed::multipart_boundary))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            malformed::panicked,
        ))
        .layer(axum::middleware::from_fn(headers::baseline_headers))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(
            MAX_BODY_BYTES,
        ))
        .layer(CompressionLayer::new().br(true).gzip(true))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(request_span)
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// The span of one request in the log: its method and its route (the template, such as
/// `/desk/files/{code}/{attachment}`, or the path where no route matched), never the query
/// string or the values in the path: a form sent by `GET` before the app has loaded puts what
/// it holds in the query, and a path can hold a dossier's code.
fn request_span(request: &Request<Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or_else(
            || unmatched_route(request.uri().path()),
            |matched| matched.as_str().to_string(),
        );
    tracing::info_span!("request", method = %request.method(), route)
}

/// The first segments of the site's own addresses, named in the log of a path no route matched.
const SITE_SEGMENTS: [&str; 11] = [
    "pkg",
    "icons",
    "catalogue",
    "api",
    "desk",
    "dossiers",
    "procedures",
    "track",
    "handoff",
    "language",
    "settings",
];

/// How the log names a path no route matched (a static file, a mistyped address): its first
/// segment when it is one of the site's own ([`SITE_SEGMENTS`]) or a lower-case file name
/// (`/pkg/*`, `/favicon.svg`), `*` for anything else and for the rest of the path — a code or a
/// phone number typed into an address is never logged.
fn unmatched_route(path: &str) -> String {
    let mut segments = path.trim_start_matches('/').splitn(2, '/');
    let first = segments.next().unwrap_or_default();
    let file = first.contains('.')
        && first
            .chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, '.' | '-' | '_'));
    let plain = file || SITE_SEGMENTS.contains(&first);
    let first = if plain { first } else { "*" };
    match segments.next() {
        Some(_) => format!("/{first}/*"),
        None => format!("/{first}"),
    }
}

#[cfg(test)]
mod tests {
    use super::unmatched_route;

    #[test]
    fn unmatched_paths_are_logged_without_what_could_be_typed_into_them() {
        assert_eq!(unmatched_route("/pkg/track.hO7go0yJ.wasm"), "/pkg/*");
        assert_eq!(unmatched_route("/favicon.svg"), "/favicon.svg");
        assert_eq!(unmatched_route("/track/K7QM3XPAR9TV2/5678"), "/track/*");
        assert_eq!(unmatched_route("/K7QM3XPAR9TV2"), "/*");
        assert_eq!(unmatched_route("/abcdef"), "/*");
        assert_eq!(unmatched_route("/nguyen-van-an/x"), "/*/*");
        assert_eq!(unmatched_route("/0912345678"), "/*");
        assert_eq!(unmatched_route("/"), "/*");
    }
}
