//! Submitting dossiers through the real server functions, against a real SQLite file: exactly
//! once per idempotency key (also 20 times at once), refusals with reasons, attachments checked
//! by content with nothing stored when refused, tracking with its rate limit, statuses, ratings.

use app::dossier::example;
use app::dossier::model::Draft;
use app::dossier::submission::{Receipt, Status, StatusEvent, SubmitError, TrackAnswer, Unmet};
use app::dossier::tracking::TrackingCode;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use std::sync::Arc;

mod support;

use support::{birth_draft, jpeg, key};

fn answer<T: serde::de::DeserializeOwned>(
    status: StatusCode,
    body: &[u8],
) -> Result<T, SubmitError> {
    support::answer(status, body)
}

struct Server {
    _dir: tempfile::TempDir,
    db: support::TestDb,
    router: Router,
}

async fn server() -> Server {
    let (dir, db, state) = support::scratch().await;
    let router = support::build(state).await;
    Server {
        _dir: dir,
        db,
        router,
    }
}

impl Server {
    async fn call(&self, endpoint: &str, body: Value) -> (StatusCode, Vec<u8>) {
        let request = Request::post(format!("/api/dossiers/{endpoint}"))
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(body.to_string()))
            .unwrap();
        let (status, _, body) = support::send(&self.router, request).await;
        (status, body)
    }

    async fn submit(&self, key: &str, draft: &Draft) -> Result<Receipt, SubmitError> {
        let (status, body) = self
            .call("submit", json!({ "key": key, "draft": draft }))
            .await;
        answer(status, &body)
    }

    /// [`Server::submit`] from the client address `from` (the limits count per address).
    async fn submit_from(
        &self,
        from: std::net::IpAddr,
        key: &str,
        draft: &Draft,
    ) -> Result<Receipt, SubmitError> {
        let mut request = Request::post("/api/dossiers/submit")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .body(Body::from(
                json!({ "key": key, "draft": draft }).to_string(),
            ))
            .unwrap();
        request
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(
                from, 40000,
            )));
        let (status, _, body) = support::send(&self.router, request).await;
        answer(status, &body)
    }

    async fn upload(
        &self,
        key: &str,
        attachment: &str,
        mime: &str,
        bytes: &[u8],
    ) -> Result<Value, SubmitError> {
        let request = support::upload_request(key, attachment, mime, bytes);
        let (status, _, body) = support::send(&self.router, request).await;
        answer(status, &body)
    }

    async fn track(&self, code: &str, phone: &str) -> Result<TrackAnswer, SubmitError> {
        let (status, body) = self
            .call("track", json!({ "code": code, "phone_last4": phone }))
            .await;
        answer(status, &body)
    }

    async fn count(&self, table: &str) -> i64 {
        self.db.count(table).await
    }

    /// The sizes of the attachment bytes kept.
    async fn kept_sizes(&self) -> Vec<u64> {
        self.db
            .kept()
            .await
            .into_iter()
            .map(|(_, size)| size)
            .collect()
    }
}

#[tokio::test]
async fn the_same_key_twice_stores_one_dossier_and_returns_the_same_receipt() {
    let s = server().await;
    let draft = birth_draft();
    let key = key();
    let first = s.submit(&key, &draft).await.expect("stored");
    let second = s.submit(&key, &draft).await.expect("the same receipt");
    assert_eq!(first, second);
    assert_eq!(s.count("dossiers").await, 1);
    assert_eq!(s.count("dossier_events").await, 1);
    assert_eq!(s.db.dossier_count().await.unwrap(), 1);
    // The receipt: a valid code, the office, a due date, a QR code.
    let code = TrackingCode::parse(&first.tracking_code).expect("a valid code");
    assert_eq!(code.as_str(), first.tracking_code);
    assert_eq!(first.office, 70);
    assert!(!first.office_name.is_empty());
    assert!(first.due.is_some());
    assert!(first.qr.size >= 21 && first.qr.path.starts_with('M'));
    // Another key is another dossier.
    let other = s.submit(&self::key(), &draft).await.unwrap();
    assert_ne!(other.tracking_code, first.tracking_code);
    assert_eq!(s.count("dossiers").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_requests_racing_with_one_key_store_one_dossier() {
    let s = Arc::new(server().await);
    let draft = birth_draft();
    let key = key();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (s, draft, key) = (s.clone(), draft.clone(), key.clone());
        tasks.push(tokio::spawn(async move { s.submit(&key, &draft).await }));
    }
    let mut receipts = Vec::new();
    for task in tasks {
        receipts.push(task.await.unwrap().expect("every request gets the receipt"));
    }
    assert!(receipts.windows(2).all(|w| w[0] == w[1]));
    assert_eq!(s.count("dossiers").await, 1);
    assert_eq!(s.count("dossier_events").await, 1);
}

/// Several servers on one database (PostgreSQL in service): the same key sent to two servers at
/// the same moment, each with its own connections, stores one dossier, and a file uploaded to
/// one server is filed by the dossier sent to the other.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn one_key_sent_to_two_servers_at_once_stores_one_dossier() {
    let first = Arc::new(server().await);
    let db = first.db.another_server().await;
    let site = first._dir.path().join("site");
    let second = Arc::new(Server {
        _dir: tempfile::tempdir().unwrap(),
        router: support::build(support::state(&db, &site)).await,
        db,
    });
    for round in 0..10 {
        let key = key();
        let photo = self::key();
        let mut draft = birth_draft();
        let mut file = example::photo(&photo, "birth_certificate", 700);
        file.name = "giấy\u{0} chứng sinh.jpg".into();
        draft.attachments.push(file);
        first
            .upload(&key, &photo, "image/jpeg", &jpeg(700))
            .await
            .unwrap();
        let mut tasks = Vec::new();
        for server in [&first, &second, &first, &second] {
            let (server, draft, key) = (server.clone(), draft.clone(), key.clone());
            tasks.push(tokio::spawn(
                async move { server.submit(&key, &draft).await },
            ));
        }
        let mut receipts = Vec::new();
        for task in tasks {
            receipts.push(task.await.unwrap().expect("every request gets the receipt"));
        }
        assert!(receipts.windows(2).all(|w| w[0] == w[1]), "round {round}");
        assert_eq!(second.count("dossiers").await, round + 1);
        assert_eq!(first.count("dossier_files").await, round + 1);
    }
    assert_eq!(first.count("dossier_events").await, 10);
    assert_eq!(first.count("staged_files").await, 0);
    let name: String = first
        .db
        .one("SELECT name FROM dossier_files LIMIT 1", &[])
        .await;
    assert_eq!(name, "giấy chứng sinh.jpg");
}

/// A limit is one atomic step in the shared database: attempts sent at once to two servers, under
/// two limits each (listed in either order), are counted up to the limit and no further, never
/// wait for each other in a circle, and delete the attempts older than a day on the way without
/// waiting for each other's deletions.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_limit_holds_across_servers_under_concurrency() {
    use app::limits::{Attempt, Limit, MINUTE_MILLIS};
    let first = server().await;
    let second = first.db.another_server().await;
    let now = app::api::store::now_millis();
    // Attempts older than a day, which every attempt deletes on the way.
    for n in 0..50 {
        first
            .db
            .execute(
                &format!(
                    "INSERT INTO attempts (attempt, subject, at) VALUES (-{n}, 'old', {})",
                    now - 25 * 3600 * 1000
                ),
                &[],
            )
            .await;
    }
    let mut tasks = Vec::new();
    for i in 0..40 {
        let db = if i % 2 == 0 {
            first.db.db.clone()
        } else {
            second.db.clone()
        };
        let mut limits = vec![
            Limit::new("trial:a", 12, MINUTE_MILLIS),
            Limit::new("trial:b", 100, MINUTE_MILLIS),
        ];
        if i % 4 < 2 {
            limits.reverse();
        }
        tasks.push(tokio::spawn(async move {
            db.take_attempt(&limits, now).await.unwrap()
        }));
    }
    let mut taken = 0;
    for task in tasks {
        if let Attempt::Taken { .. } = task.await.unwrap() {
            taken += 1;
        }
    }
    assert_eq!(taken, 12);
    assert_eq!(
        first.count("attempts").await,
        24,
        "12 attempts × 2 limits, the old ones gone"
    );
}

/// Found by `make bench`: a load generator that stops with requests under way drops them at
/// any point, also while a `BEGIN` completes; a transaction lost there kept the write lock and
/// every later submission failed. A thousand submissions abandoned at varied moments, then
/// the store must still take new dossiers at once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn submissions_abandoned_at_any_moment_leave_the_store_working() {
    let s = Arc::new(server().await);
    let draft = birth_draft();
    for round in 0..1000u64 {
        let (s, draft) = (s.clone(), draft.clone());
        // Each from an address of its own: this is about the store, not the limit per address.
        let from = std::net::IpAddr::from([10, 0, (round / 256) as u8, (round % 256) as u8]);
        let request = tokio::spawn(async move { s.submit_from(from, &key(), &draft).await });
        // Abandon it after 0 to ~3 ms, as a client that hangs up.
        tokio::time::sleep(std::time::Duration::from_micros((round * 37) % 3000)).await;
        request.abort();
        let _ = request.await;
    }
    // A lock left behind would make these fail ("database is locked" after the busy timeout).
    for _ in 0..8 {
        s.submit_from([10, 1, 0, 0].into(), &key(), &draft)
            .await
            .expect("stored after the abandoned ones");
    }
    let open = s.count("dossier_events").await;
    assert_eq!(
        open,
        s.count("dossiers").await,
        "every stored dossier has its first status"
    );
}

#[tokio::test]
async fn an_unmet_checklist_is_refused_with_every_reason_and_nothing_is_stored() {
    let s = server().await;
    let mut draft = birth_draft();
    draft.ticks.remove("birth_certificate");
    draft.form.remove("mother_name");
    draft.declared = false;
    let refused = s.submit(&key(), &draft).await.unwrap_err();
    assert_eq!(
        refused,
        SubmitError::NotReady(vec![
            Unmet::Section("mother".into()),
            Unmet::Document("birth_certificate".into()),
            Unmet::Declaration,
        ])
    );
    assert_eq!(s.count("dossiers").await, 0);
    // Not a procedure, not a key.
    let mut unknown = birth_draft();
    unknown.procedure = "9.999999".into();
    assert_eq!(
        s.submit(&key(), &unknown).await.unwrap_err(),
        SubmitError::UnknownProcedure
    );
    assert_eq!(
        s.submit("not-a-key", &birth_draft()).await.unwrap_err(),
        SubmitError::BadRequest
    );
    // A body that is not a dossier at all: a typed error, not a crash.
    let (status, body) = s.call("submit", json!({ "key": key(), "draft": 42 })).await;
    assert_eq!(
        answer::<Receipt>(status, &body).unwrap_err(),
        SubmitError::BadRequest
    );
}

#[tokio::test]
async fn only_what_the_procedure_defines_is_stored_each_within_its_length() {
    let s = server().await;
    let huge = "x".repeat(900 * 1024);
    let mut draft = birth_draft();
    draft.form.insert("notes_for_officer".into(), huge.clone());
    // (The request as a whole stays under the server's body limit.)
    let large = "x".repeat(100 * 1024);
    draft.answers.insert("extra".into(), large.clone());
    draft.ticks.insert("made_up_paper".into());
    draft.procedure_name = app::eligibility::model::Text::new(&large, &large);
    let receipt = s.submit(&key(), &draft).await.expect("stored without them");
    let content: String = s.db.one("SELECT content FROM dossiers", &[]).await;
    assert!(content.len() < 8 * 1024, "{} bytes stored", content.len());
    for left_out in ["notes_for_officer", "extra", "made_up_paper", "xxxxxxxx"] {
        assert!(!content.contains(left_out), "{left_out} was stored");
    }
    let stored: Draft = serde_json::from_str(&content).unwrap();
    assert_eq!(stored.procedure_name.vi, receipt.procedure_name.vi);
    assert_eq!(stored.form.get("mother_name").unwrap(), "Trần Thị Hoa");
    // A field the form defines, longer than it allows: refused with its part, nothing stored.
    let mut long = birth_draft();
    long.form.insert("child_birthplace".into(), huge);
    assert_eq!(
        s.submit(&key(), &long).await.unwrap_err(),
        SubmitError::NotReady(vec![Unmet::Section("child".into())])
    );
    assert_eq!(s.count("dossiers").await, 1);
}

#[tokio::test]
async fn attachments_are_checked_by_content_and_refused_ones_leave_nothing() {
    let s = server().await;
    let key = key();
    let id = self::key();
    // Too large, forged (an HTML page declared as a JPEG), empty.
    let too_large = s
        .upload(&key, &id, "image/jpeg", &jpeg(8 * 1024 * 1024 + 1))
        .await
        .unwrap_err();
    assert_eq!(
        too_large,
        SubmitError::Attachment(app::dossier::attachment::Refusal::TooLarge { limit_mb: 8 })
    );
    let forged = s
        .upload(
            &key,
            &id,
            "image/jpeg",
            b"<html><script>alert(1)</script></html>",
        )
        .await
        .unwrap_err();
    assert_eq!(
        forged,
        SubmitError::Attachment(app::dossier::attachment::Refusal::Type)
    );
    let pdf_as_photo = s
        .upload(&key, &id, "image/jpeg", b"%PDF-1.7 ...")
        .await
        .unwrap_err();
    assert_eq!(
        pdf_as_photo,
        SubmitError::Attachment(app::dossier::attachment::Refusal::Type)
    );
    // A PDF that would run a script in the officer's reader.
    let scripted = s
        .upload(
            &key,
            &id,
            "application/pdf",
            b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
        )
        .await
        .unwrap_err();
    assert_eq!(
        scripted,
        SubmitError::Attachment(app::dossier::attachment::Refusal::Active)
    );
    let empty = s.upload(&key, &id, "image/jpeg", b"").await.unwrap_err();
    assert_eq!(
        empty,
        SubmitError::Attachment(app::dossier::attachment::Refusal::Empty)
    );
    assert_eq!(s.count("staged_files").await, 0);
    assert!(s.db.kept().await.is_empty(), "{:?}", s.db.kept().await);
}

#[tokio::test]
async fn pdfs_as_scanners_make_them_are_kept_and_every_refused_file_is_a_4xx() {
    use app::dossier::attachment::Refusal;
    let s = server().await;
    let key = key();
    // A header after a line break, a byte order mark, or some bytes of a scanner's own: PDF
    // readers look for it in the first 1,024 bytes, and so does the portal.
    let two_pages = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R >> endobj\n4 0 obj << /Type /Page /Parent 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    for prefix in [&b"\r\n"[..], b"\xEF\xBB\xBF", &[b' '; 1000][..]] {
        let pdf = [prefix, &two_pages[..]].concat();
        let uploaded = s
            .upload(&key, &self::key(), "application/pdf", &pdf)
            .await
            .unwrap_or_else(|e| panic!("{prefix:?}: {e:?}"));
        assert_eq!(uploaded["size"], pdf.len());
    }
    assert_eq!(s.count("staged_files").await, 3);
    // Past the first 1,024 bytes it is no PDF; empty, a PNG (the device sends every photo as a
    // JPEG), a PDF that runs a script: each a client mistake, said as one.
    let late = [&[b' '; 1100][..], &two_pages[..]].concat();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let scripted =
        b"\r\n%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>".to_vec();
    for (mime, bytes, refusal) in [
        ("application/pdf", late, Refusal::Type),
        ("application/pdf", Vec::new(), Refusal::Empty),
        ("image/png", png, Refusal::Type),
        ("application/pdf", scripted, Refusal::Active),
    ] {
        let request = support::upload_request(&key, &self::key(), mime, &bytes);
        let (status, _, body) = support::send(&s.router, request).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refusal:?}");
        assert_eq!(
            serde_json::from_slice::<SubmitError>(&body).unwrap(),
            SubmitError::Attachment(refusal)
        );
    }
    assert_eq!(s.count("staged_files").await, 3);
}

#[tokio::test]
async fn a_dossier_is_received_only_with_all_its_attachments() {
    let s = server().await;
    let key = key();
    let mut draft = birth_draft();
    let photo = jpeg(50_000);
    let ids = [self::key(), self::key()];
    for id in &ids {
        draft
            .attachments
            .push(example::photo(id, "birth_certificate", photo.len() as u64));
    }
    s.upload(&key, &ids[0], "image/jpeg", &photo).await.unwrap();
    assert_eq!(
        s.submit(&key, &draft).await.unwrap_err(),
        SubmitError::AttachmentsMissing(vec![ids[1].clone()])
    );
    assert_eq!(s.count("dossiers").await, 0);
    // The second file arrives (twice: a retried upload), then the dossier.
    s.upload(&key, &ids[1], "image/jpeg", &photo).await.unwrap();
    let again = s.upload(&key, &ids[1], "image/jpeg", &photo).await.unwrap();
    assert_eq!(again["size"], photo.len());
    s.submit(&key, &draft).await.unwrap();
    assert_eq!(s.count("dossier_files").await, 2);
    assert_eq!(s.count("staged_files").await, 0);
    // Uploads sent again after the dossier was stored (its receipt lost): nothing is staged.
    s.upload(&key, &ids[0], "image/jpeg", &photo).await.unwrap();
    assert_eq!(s.count("staged_files").await, 0);
    // Same bytes: kept once.
    let kept = s.db.kept().await;
    assert_eq!(kept.len(), 1);
    assert_eq!(s.db.files.get(&kept[0].0).await.unwrap().unwrap(), photo);
}

#[tokio::test]
async fn tracking_needs_the_code_and_the_phone_and_limits_wrong_guesses() {
    let s = server().await;
    let key = key();
    let receipt = s.submit(&key, &birth_draft()).await.unwrap();
    let grouped = TrackingCode::parse(&receipt.tracking_code)
        .unwrap()
        .grouped()
        .to_lowercase();
    let TrackAnswer::Found(tracked) = s.track(&grouped, "5678").await.unwrap() else {
        panic!("not found");
    };
    assert_eq!(tracked.receipt, receipt);
    assert_eq!(tracked.status(), Status::Received);
    assert_eq!(tracked.events.len(), 1);
    // A wrong phone and an unknown code read the same.
    let unknown = TrackingCode::from_random(12345).grouped();
    assert_eq!(s.track(&grouped, "1234").await, Ok(TrackAnswer::NoMatch));
    assert_eq!(s.track(&unknown, "5678").await, Ok(TrackAnswer::NoMatch));
    // A mistyped code is no match either (the page catches it before sending).
    let last = if grouped.ends_with('2') { "3" } else { "2" };
    let typo = format!("{}{last}", &grouped[..grouped.len() - 1]);
    assert_eq!(s.track(&typo, "5678").await, Ok(TrackAnswer::NoMatch));
    assert_eq!(
        s.track(&grouped, "56").await.unwrap_err(),
        SubmitError::BadRequest
    );
    // Ten wrong pairs in a quarter of an hour, then even the right one waits.
    // Two wrong pairs so far (a malformed code is refused without a lookup and does not count).
    let mut wrong = 2;
    while wrong < 20 && s.track(&unknown, "0000").await == Ok(TrackAnswer::NoMatch) {
        wrong += 1;
    }
    assert_eq!(wrong, app::api::track_dossier::MAX_FAILURES);
    match s.track(&grouped, "5678").await {
        Ok(TrackAnswer::Wait { retry_at }) => {
            assert!(retry_at > tracked.receipt.received_at)
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn the_tracking_form_works_without_the_app_by_post_and_never_in_an_address() {
    let s = server().await;
    let receipt = s.submit(&key(), &birth_draft()).await.unwrap();
    // The page's form posts to the page itself; nothing of it goes in an address.
    let (_, _, page) = support::send(
        &s.router,
        Request::get("/track").body(Body::empty()).unwrap(),
    )
    .await;
    let forms = support::forms(&String::from_utf8(page).unwrap());
    let form = forms.iter().find(|f| f.names.contains(&"code".to_string()));
    let form = form.expect("the tracking form");
    assert_eq!(form.method, "post");
    assert_eq!(form.action.as_deref(), Some("/track"));
    assert_eq!(form.names, ["code", "phone"]);
    let post = |fields: &[(&str, &str)]| support::form_post("/track", fields);
    let grouped = TrackingCode::parse(&receipt.tracking_code)
        .unwrap()
        .grouped();
    let counted = s.count("attempts").await;
    // Read out as printed on the receipt: the dossier's status, answered by the server.
    let (status, headers, body) = support::send(
        &s.router,
        post(&[("code", &grouped.to_lowercase()), ("phone", "5678")]),
    )
    .await;
    let html = String::from_utf8(body).unwrap();
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CACHE_CONTROL], "no-store");
    assert!(
        html.contains(r#"data-testid="track-status" data-status="received""#),
        "{html}"
    );
    assert!(html.contains(&grouped));
    // The wrong digits: no match, counted like any wrong pair.
    let (status, _, body) =
        support::send(&s.router, post(&[("code", &grouped), ("phone", "0000")])).await;
    let html = String::from_utf8(body).unwrap();
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(r#"data-testid="track-error""#) && !html.contains("track-status"));
    assert_eq!(s.count("attempts").await, counted + 1);
    // A mistyped code is said at its field, without a lookup.
    let (_, _, body) =
        support::send(&s.router, post(&[("code", "MC-0000"), ("phone", "5678")])).await;
    let html = String::from_utf8(body).unwrap();
    assert!(html.contains(r#"id="track-code-error""#) && !html.contains("track-error"));
    assert_eq!(s.count("attempts").await, counted + 1);
    // Posted from another site (a hidden form spending this address's tries): refused unread.
    let mut forged = post(&[("code", &grouped), ("phone", "0000")]);
    forged
        .headers_mut()
        .insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    forged
        .headers_mut()
        .insert(header::HOST, "motcua.test".parse().unwrap());
    assert_eq!(
        support::send(&s.router, forged).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(s.count("attempts").await, counted + 1);
    // Not a form, or a form of megabytes: refused before any page is rendered.
    let json = Request::post("/track")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    assert_eq!(
        support::send(&s.router, json).await.0,
        StatusCode::UNSUPPORTED_MEDIA_TYPE
    );
    let huge = "x".repeat(1 << 20);
    assert_eq!(
        support::send(&s.router, post(&[("code", &huge)])).await.0,
        StatusCode::PAYLOAD_TOO_LARGE
    );
}

#[tokio::test]
async fn tracking_guesses_sent_at_once_cannot_pass_the_limit_together() {
    let s = server().await;
    let key = key();
    let receipt = s.submit(&key, &birth_draft()).await.unwrap();
    let code = &receipt.tracking_code;
    let guesses = (0..30).map(|i| {
        let s = &s;
        async move {
            let phone = format!("{:04}", 1000 + i);
            s.track(code, &phone).await.unwrap()
        }
    });
    let answers = futures::future::join_all(guesses).await;
    let looked_up = answers
        .iter()
        .filter(|a| **a == TrackAnswer::NoMatch)
        .count();
    assert_eq!(
        looked_up,
        app::api::track_dossier::MAX_FAILURES as usize,
        "{answers:?}"
    );
    assert!(matches!(
        s.track(&receipt.tracking_code, "5678").await,
        Ok(TrackAnswer::Wait { .. })
    ));
}

#[tokio::test]
async fn an_address_sends_at_most_80_dossiers_a_minute_even_all_at_once() {
    use app::limits::SUBMISSIONS_PER_MINUTE;
    let s = server().await;
    let draft = birth_draft();
    let keys: Vec<String> = (0..100).map(|_| key()).collect();
    let sent = keys.iter().map(|key| s.submit(key, &draft));
    let answers = futures::future::join_all(sent).await;
    let stored = answers.iter().filter(|a| a.is_ok()).count();
    let busy: Vec<i64> = answers
        .iter()
        .filter_map(|a| match a {
            Err(SubmitError::Busy { retry_at }) => Some(*retry_at),
            _ => None,
        })
        .collect();
    assert_eq!(stored, SUBMISSIONS_PER_MINUTE as usize);
    assert_eq!(busy.len(), 100 - stored, "{answers:?}");
    assert_eq!(s.count("dossiers").await, i64::from(SUBMISSIONS_PER_MINUTE));
    let now = app::api::store::now_millis();
    assert!(busy.iter().all(|at| (now..=now + 60_000).contains(at)));
    // The answer is 429 with a message the outbox shows, and it tries again by itself.
    let (status, _) = s
        .call("submit", json!({ "key": key(), "draft": draft }))
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(SubmitError::Busy { retry_at: now }.is_transient());
    // A dossier already stored is answered from the store (its receipt was lost): never refused.
    let first = keys
        .iter()
        .zip(&answers)
        .find(|(_, a)| a.is_ok())
        .unwrap()
        .0;
    assert!(s.submit(first, &draft).await.is_ok());
}

#[tokio::test]
async fn a_dossier_keeps_at_most_100_files_waiting_even_sent_at_once() {
    use app::api::store::{DossierStore, StagedFile};
    use app::dossier::attachment::{MAX_STAGED_BYTES, MAX_STAGED_FILES, Refusal};
    let s = server().await;
    let dossier = key();
    let ids: Vec<String> = (0..=MAX_STAGED_FILES).map(|_| key()).collect();
    let photo = jpeg(200);
    let sent = ids
        .iter()
        .map(|id| s.upload(&dossier, id, "image/jpeg", &photo));
    let answers = futures::future::join_all(sent).await;
    let refused: Vec<_> = answers.iter().filter(|a| a.is_err()).collect();
    assert_eq!(
        refused,
        vec![&Err(SubmitError::Attachment(Refusal::TooMuch))],
        "one over the quota"
    );
    assert_eq!(s.count("staged_files").await, i64::from(MAX_STAGED_FILES));
    // Sent again under an id already there: it replaces, it does not add.
    let first = ids.iter().zip(&answers).find(|(_, a)| a.is_ok()).unwrap().0;
    assert!(
        s.upload(&dossier, first, "image/jpeg", &photo)
            .await
            .is_ok()
    );
    // Bytes in all: two files of 60 MiB do not fit in 100 MiB (as their rows say).
    let sha256 = s.db.files.put(b"%PDF-".to_vec()).await.unwrap();
    let big = |id: &str| StagedFile {
        key: "bytes-key".into(),
        attachment: id.into(),
        sha256: sha256.clone(),
        mime: "application/pdf".into(),
        size: 60 * 1024 * 1024,
        at: 1,
    };
    let store: &dyn DossierStore = &*s.db;
    assert!(
        store
            .stage_file(big("a"), MAX_STAGED_FILES, MAX_STAGED_BYTES)
            .await
            .unwrap()
    );
    assert!(
        !store
            .stage_file(big("b"), MAX_STAGED_FILES, MAX_STAGED_BYTES)
            .await
            .unwrap()
    );
    assert!(
        store
            .stage_file(big("a"), MAX_STAGED_FILES, MAX_STAGED_BYTES)
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn files_never_attached_to_a_dossier_are_swept_after_a_day() {
    let s = server().await;
    let draft = birth_draft();
    // A dossier stored with its photo; another key's photo that never became a dossier.
    let stored_key = key();
    let stored_photo = key();
    s.upload(&stored_key, &stored_photo, "image/jpeg", &jpeg(300))
        .await
        .unwrap();
    let mut with_photo = draft.clone();
    with_photo.attachments.push(app::dossier::example::photo(
        &stored_photo,
        "birth_certificate",
        300,
    ));
    s.submit(&stored_key, &with_photo).await.unwrap();
    let abandoned = key();
    s.upload(&abandoned, &key(), "image/jpeg", &jpeg(400))
        .await
        .unwrap();
    let recent = key();
    s.upload(&recent, &key(), "image/jpeg", &jpeg(500))
        .await
        .unwrap();
    assert_eq!(s.db.kept().await.len(), 3);
    // A day and an hour pass for the first two (rows and files), not for the recent one.
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(25 * 3600);
    s.db.execute(
        "UPDATE staged_files SET received_at = received_at - 25 * 3600 * 1000 \
         WHERE idempotency_key = $1",
        &[&abandoned],
    )
    .await;
    for (sha256, size) in s.db.kept().await {
        if size != 500 {
            s.db.kept_since(&sha256, day_ago).await;
        }
    }
    let swept = server::sweep::sweep(&*s.db, &*s.db.files, std::time::SystemTime::now())
        .await
        .unwrap();
    assert_eq!(swept, (1, 1), "one row, one file");
    let sizes = s.kept_sizes().await;
    assert!(
        sizes.contains(&300) && sizes.contains(&500) && !sizes.contains(&400),
        "{sizes:?}"
    );
    assert_eq!(s.count("staged_files").await, 1);
    // The stored dossier's file is still served to its office.
    let stored: String =
        s.db.one("SELECT sha256 FROM dossier_files LIMIT 1", &[])
            .await;
    assert!(s.db.files.get(&stored).await.unwrap().is_some());
}

#[tokio::test]
async fn statuses_and_ratings_follow_the_key() {
    let s = server().await;
    let key = key();
    s.submit(&key, &birth_draft()).await.unwrap();
    let (status, body) = s
        .call("statuses", json!({ "keys": [key, self::key()] }))
        .await;
    let histories: Vec<(String, Vec<StatusEvent>)> = answer(status, &body).unwrap();
    assert_eq!(histories.len(), 1);
    assert_eq!(histories[0].0, key);
    assert_eq!(histories[0].1[0].status, Status::Received);

    let (status, body) = s
        .call(
            "rate",
            json!({ "key": key, "score": 4, "comment": " Nhanh " }),
        )
        .await;
    answer::<()>(status, &body).unwrap();
    let (status, body) = s
        .call("rate", json!({ "key": key, "score": 5, "comment": "" }))
        .await;
    answer::<()>(status, &body).unwrap();
    let score: i64 = s.db.one("SELECT score FROM ratings", &[]).await;
    assert_eq!(score, 5);
    assert_eq!(s.count("ratings").await, 1);
    // Control characters (PostgreSQL's text refuses NUL): kept without them, never a 5xx.
    let (status, body) = s
        .call(
            "rate",
            json!({ "key": key, "score": 5, "comment": "Nhanh\u{0}\u{1b} lắm" }),
        )
        .await;
    answer::<()>(status, &body).unwrap();
    let comment: String = s.db.one("SELECT comment FROM ratings", &[]).await;
    assert_eq!(comment, "Nhanh lắm");
    let (status, body) = s
        .call("rate", json!({ "key": key, "score": 9, "comment": "" }))
        .await;
    assert_eq!(
        answer::<()>(status, &body).unwrap_err(),
        SubmitError::BadRequest
    );
    let (status, body) = s
        .call(
            "rate",
            json!({ "key": self::key(), "score": 3, "comment": "" }),
        )
        .await;
    assert_eq!(
        answer::<()>(status, &body).unwrap_err(),
        SubmitError::NotFound
    );
}
