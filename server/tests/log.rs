//! What the server writes to its log, in a process of its own (a subscriber set for one thread
//! while other tests run could miss events in `tracing`'s shared callsite cache).

use axum::body::Body;
use axum::http::{Request, StatusCode};

mod support;

/// What the server logs, as text, while `run` runs on this thread.
async fn logged<F: std::future::Future>(run: F) -> String {
    use std::sync::{Arc, Mutex};
    #[derive(Clone)]
    struct Capture(Arc<Mutex<Vec<u8>>>);
    impl std::io::Write for Capture {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let capture = Capture(Arc::new(Mutex::new(Vec::new())));
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let guard = tracing::subscriber::set_default(subscriber);
    run.await;
    drop(guard);
    let text = capture.0.lock().unwrap().clone();
    String::from_utf8_lossy(&text).into_owned()
}

/// A form sent by GET before the app has loaded (or without JavaScript) puts what it holds in
/// the query string: the request log names the route and never prints the query.
#[tokio::test]
async fn the_request_log_names_the_route_never_the_query() {
    let (dir, _, state) = support::scratch().await;
    support::built_site(&dir.path().join("site"));
    let router = support::build(state).await;
    let get = async |uri: &str| {
        let request = Request::get(uri).body(Body::empty()).unwrap();
        support::send(&router, request).await.0
    };
    let log = logged(async {
        let status = get("/desk/login?username=officer&password=hunter2-secret").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(
            get("/track?code=K7QM3XPAR9TV2&phone=5678").await,
            StatusCode::OK
        );
        assert_ne!(
            get("/desk/files/K7QM3XPAR9TV2/photo-1").await,
            StatusCode::OK
        );
        // Addresses no route has: a code typed into the path is not logged either.
        assert_eq!(
            get("/track/K7QM3XPAR9TV2/5678").await,
            StatusCode::NOT_FOUND
        );
        assert_eq!(get("/K7QM3XPAR9TV2").await, StatusCode::NOT_FOUND);
        // A public page, rendered and kept, then served from the cache: logged both times.
        for _ in 0..2 {
            assert_eq!(
                get("/procedures?q=nguyen+thi+hoa+0912345678").await,
                StatusCode::OK
            );
        }
    })
    .await;
    assert!(log.contains("served a kept page"), "{log}");
    assert!(log.contains("route=\"/procedures\""), "{log}");
    assert!(log.contains("/desk/login"), "{log}");
    assert!(log.contains("/track"), "{log}");
    assert!(log.contains("/desk/files/{code}/{attachment}"), "{log}");
    assert!(log.contains("/track/*"), "{log}");
    for secret in [
        "hunter2",
        "password=",
        "phone=",
        "5678",
        "K7QM3XPAR9TV2",
        "nguyen",
        "q=",
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}:\n{log}");
    }
}
