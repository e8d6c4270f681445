//! Serving connections, with the timeouts axum's own `serve` leaves out: a client that sends its
//! headers too slowly, leaves a connection idle, or stalls in the middle of a body is cut off,
//! so a slow or malicious client cannot hold connections (and their memory) for ever.

use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long the server waits on a client.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// For a request's headers, from when the server starts waiting for them — which also bounds
    /// how long a kept-alive connection may sit idle between requests (hyper's header-read timer).
    pub headers: Duration,
    /// Between two pieces of a request's body: a body that stalls this long ends the request.
    pub body_idle: Duration,
    /// For the requests under way to finish once the server is asked to stop.
    pub shutdown: Duration,
}

impl Default for Timeouts {
    /// 30 s for headers or idle (a phone on 2G sends its headers in well under a second), 30 s
    /// without a byte of body (a photo on slow 3G still sends many pieces a second), 20 s to finish.
    fn default() -> Self {
        Timeouts {
            headers: Duration::from_secs(30),
            body_idle: Duration::from_secs(30),
            shutdown: Duration::from_secs(20),
        }
    }
}

/// Serves `router` on `listener` until `stop` resolves, then lets the requests under way finish
/// (for at most `timeouts.shutdown`). Each request carries its connection's address
/// (`ConnectInfo<SocketAddr>`).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    timeouts: Timeouts,
    stop: impl Future<Output = ()>,
) {
    let router = router.layer(tower_http::timeout::RequestBodyTimeoutLayer::new(
        timeouts.body_idle,
    ));
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.headers);
    builder
        .http2()
        .timer(TokioTimer::new())
        .keep_alive_interval(timeouts.headers)
        .keep_alive_timeout(timeouts.headers);
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment, go on.
                    tracing::warn!(%error, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service = router.clone().map_request(
            move |request: axum::http::Request<hyper::body::Incoming>| {
                let mut request = request.map(axum::body::Body::new);
                request
                    .extensions_mut()
                    .insert(ConnectInfo::<SocketAddr>(remote));
                request
            },
        );
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, "connection ended");
            }
        });
    }
    drop(listener);
    if tokio::time::timeout(timeouts.shutdown, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still under way at shutdown were cut off");
    }
}
