//! Slow and idle clients are cut off: the server's own accept loop (`server::serve`) with short
//! timeouts, over raw TCP, as a client that never finishes would behave.

use server::serve::{Timeouts, serve};
use std::net::SocketAddr;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

mod support;

const SHORT: Timeouts = Timeouts {
    headers: Duration::from_millis(400),
    body_idle: Duration::from_millis(400),
    shutdown: Duration::from_secs(1),
};

async fn start() -> (tempfile::TempDir, SocketAddr) {
    let (dir, _, state) = support::scratch().await;
    let router = support::build(state).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(serve(listener, router, SHORT, std::future::pending()));
    (dir, address)
}

/// Reads until the server closes the connection (or 5 s pass): what it sent, and when it closed.
async fn until_closed(stream: &mut TcpStream) -> (String, Option<Duration>) {
    let started = Instant::now();
    let mut got = Vec::new();
    let mut buffer = [0u8; 4096];
    loop {
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                return (
                    String::from_utf8_lossy(&got).into(),
                    Some(started.elapsed()),
                );
            }
            Ok(Ok(n)) => got.extend_from_slice(&buffer[..n]),
            Err(_) => return (String::from_utf8_lossy(&got).into(), None),
        }
    }
}

#[tokio::test]
async fn a_client_that_never_finishes_its_headers_is_cut_off() {
    let (_dir, address) = start().await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: motcua.test\r\nX-Slow: ")
        .await
        .unwrap();
    let (_, closed) = until_closed(&mut stream).await;
    let closed = closed.expect("the connection was left open");
    assert!(closed < Duration::from_secs(3), "{closed:?}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    let (_dir, address) = start().await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: motcua.test\r\n\r\n")
        .await
        .unwrap();
    let (answer, closed) = until_closed(&mut stream).await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(closed.is_some(), "the idle connection was left open");
}

#[tokio::test]
async fn a_body_that_stalls_ends_its_request() {
    let (_dir, address) = start().await;
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            b"POST /api/dossiers/track HTTP/1.1\r\nHost: motcua.test\r\n\
              Content-Type: application/json\r\nAccept: application/json\r\n\
              Content-Length: 1000\r\n\r\n{\"code\":",
        )
        .await
        .unwrap();
    let (answer, closed) = until_closed(&mut stream).await;
    let closed = closed.expect("the stalled request was left open");
    assert!(closed < Duration::from_secs(3), "{closed:?}");
    // Answered as the client's failing (or simply closed), never as the server's.
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "{answer}"
    );
}

#[tokio::test]
async fn a_request_in_time_is_served() {
    let (_dir, address) = start().await;
    let answer = reqwest_free_get(address, "/healthz").await;
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

async fn reqwest_free_get(address: SocketAddr, path: &str) -> String {
    let mut stream = TcpStream::connect(address).await.unwrap();
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: motcua.test\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
    until_closed(&mut stream).await.0
}
