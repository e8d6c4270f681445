//! The help desk through the real server functions, against a real SQLite file: accounts made by
//! the CLI with argon2id hashes, sign-in and its lock-out, sessions and CSRF tokens, an officer
//! kept to their own wards (by direct calls, not through pages), every decision in the history,
//! the resident's added papers stored once, and what the resident sees on `/track`.

use app::api::supplement_dossier::AddedFile;
use app::desk::api::DeskSession;
use app::desk::api::decide_dossier::Decided;
use app::dossier::decision::DecisionProblem;
use app::dossier::desk::{DeskDossier, DeskError, Queue, SignInAnswer};
use app::dossier::example::photo;
use app::dossier::submission::{Receipt, Status, StatusEvent, SubmitError, TrackAnswer};
use app::staff::Role;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};

mod support;

use support::{birth_draft, jpeg, key};

const PASSWORD: &str = "mật khẩu dài 2026";

struct Desk {
    _dir: tempfile::TempDir,
    db: support::TestDb,
    router: Router,
}

/// One browser: its session cookie, once signed in, and the address it connects from (none:
/// the server counts it under "unknown").
#[derive(Default, Clone)]
struct Browser {
    cookie: Option<String>,
    csrf: String,
    address: Option<std::net::SocketAddr>,
}

impl Browser {
    fn at(address: &str) -> Self {
        Browser {
            address: Some(format!("{address}:50000").parse().unwrap()),
            ..Browser::default()
        }
    }
}

async fn desk() -> Desk {
    let (dir, db, state) = support::scratch().await;
    let router = support::build(state).await;
    for (name, role, wards) in [
        ("admin", Role::Admin, vec![]),
        ("lan", Role::Officer, vec![70]),
        ("minh", Role::Officer, vec![4, 8]),
    ] {
        server::cli::add_staff(&*db, name.into(), role, wards, PASSWORD)
            .await
            .unwrap();
    }
    Desk {
        _dir: dir,
        db,
        router,
    }
}

impl Desk {
    async fn post(
        &self,
        browser: &mut Browser,
        path: &str,
        body: Value,
        origin: Option<&str>,
    ) -> (StatusCode, Vec<u8>) {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .header(header::HOST, "motcua.test");
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        if let Some(cookie) = &browser.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let mut request = request.body(Body::from(body.to_string())).unwrap();
        if let Some(address) = browser.address {
            request
                .extensions_mut()
                .insert(axum::extract::ConnectInfo(address));
        }
        let (status, headers, body) = support::send(&self.router, request).await;
        if let Some(set) = headers.get(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap().to_string();
            browser.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        (status, body)
    }

    /// A server function under `/api/{path}` from this site: its answer or its error.
    async fn api<T: serde::de::DeserializeOwned, E: serde::de::DeserializeOwned>(
        &self,
        browser: &mut Browser,
        path: &str,
        body: Value,
    ) -> Result<T, E> {
        let path = format!("/api/{path}");
        let (status, body) = self
            .post(browser, &path, body, Some("https://motcua.test"))
            .await;
        support::answer(status, &body)
    }

    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        browser: &mut Browser,
        endpoint: &str,
        body: Value,
    ) -> Result<T, DeskError> {
        self.api(browser, &format!("desk/{endpoint}"), body).await
    }

    async fn sign_in(&self, browser: &mut Browser, user: &str, password: &str) -> SignInAnswer {
        let answer = self
            .call(
                browser,
                "sign-in",
                json!({ "username": user, "password": password }),
            )
            .await
            .unwrap();
        if answer == SignInAnswer::SignedIn {
            let me: Option<DeskSession> = self.call(browser, "me", json!({})).await.unwrap();
            browser.csrf = me.unwrap().csrf;
        }
        answer
    }

    async fn officer_with(&self, user: &str, password: &str) -> SignInAnswer {
        self.sign_in(&mut Browser::default(), user, password).await
    }

    async fn officer(&self, user: &str) -> Browser {
        let mut browser = Browser::default();
        assert_eq!(
            self.sign_in(&mut browser, user, PASSWORD).await,
            SignInAnswer::SignedIn
        );
        browser
    }

    async fn queue(&self, browser: &mut Browser, filter: Value) -> Result<Queue, DeskError> {
        self.call(browser, "queue", json!({ "filter": filter }))
            .await
    }

    async fn open(&self, browser: &mut Browser, code: &str) -> Result<DeskDossier, DeskError> {
        self.call(browser, "dossier", json!({ "tracking_code": code }))
            .await
    }

    async fn decide(
        &self,
        browser: &mut Browser,
        code: &str,
        from: Status,
        to: Status,
        reason: &str,
        missing: &[&str],
    ) -> Result<Decided, DeskError> {
        let csrf = browser.csrf.clone();
        self.call(
            browser,
            "decide",
            json!({ "csrf": csrf, "tracking_code": code, "from": from, "to": to,
                    "reason": reason, "missing": missing }),
        )
        .await
    }

    /// A resident's call to a dossier server function (no session).
    async fn resident<T: serde::de::DeserializeOwned>(
        &self,
        endpoint: &str,
        body: Value,
    ) -> Result<T, SubmitError> {
        let path = format!("dossiers/{endpoint}");
        self.api(&mut Browser::default(), &path, body).await
    }

    async fn upload(&self, key: &str, attachment: &str, bytes: &[u8]) {
        let request = support::upload_request(key, attachment, "image/jpeg", bytes);
        let (status, _, body) = support::send(&self.router, request).await;
        assert!(status.is_success(), "{}", String::from_utf8_lossy(&body));
    }

    /// A birth registration for Phường Hoàn Kiếm (70), with a photo of the birth certificate.
    async fn submitted(&self) -> (String, Receipt) {
        let mut draft = birth_draft();
        let dossier_key = key();
        let attachment = key();
        self.upload(&dossier_key, &attachment, &jpeg(2000)).await;
        draft
            .attachments
            .push(photo(&attachment, "birth_certificate", 2000));
        let receipt: Receipt = self
            .resident("submit", json!({ "key": dossier_key, "draft": draft }))
            .await
            .unwrap();
        (dossier_key, receipt)
    }

    async fn count(&self, sql: &str) -> i64 {
        self.db.one(sql, &[]).await
    }

    async fn file(&self, browser: &Browser, path: &str) -> StatusCode {
        self.file_response(browser, path).await.0
    }

    async fn file_response(
        &self,
        browser: &Browser,
        path: &str,
    ) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
        let mut request = Request::get(path);
        if let Some(cookie) = &browser.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        support::send(&self.router, request.body(Body::empty()).unwrap()).await
    }
}

#[tokio::test]
async fn a_residents_file_is_a_download_under_a_name_the_server_built_and_never_runs() {
    let d = desk().await;
    // JPEG magic bytes, then a page with a script, sent as "evil.html".
    let mut forged = vec![0xFF, 0xD8, 0xFF, 0xE0];
    forged.extend_from_slice(b"<html><script>alert(document.cookie)</script></html>");
    let dossier_key = key();
    let attachment = key();
    d.upload(&dossier_key, &attachment, &forged).await;
    let mut draft = birth_draft();
    let mut evil = photo(&attachment, "birth_certificate", forged.len() as u64);
    evil.name = "giay-khai-sinh.evil.html".into();
    draft.attachments.push(evil);
    let receipt: Receipt = d
        .resident("submit", json!({ "key": dossier_key, "draft": draft }))
        .await
        .unwrap();
    let lan = d.officer("lan").await;
    let code = receipt.tracking_code;
    let path = format!("/desk/files/{code}/{attachment}");
    let (status, headers, body) = d.file_response(&lan, &path).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, forged);
    let header = |name: header::HeaderName| {
        headers
            .get(&name)
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(header(header::CONTENT_TYPE), "image/jpeg");
    let short: String = attachment.chars().take(8).collect();
    assert_eq!(
        header(header::CONTENT_DISPOSITION),
        format!("attachment; filename=\"{code}-birth_certificate-{short}.jpg\"")
    );
    assert_eq!(header(header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    assert_eq!(
        header(header::CONTENT_SECURITY_POLICY),
        "sandbox; default-src 'none'"
    );
    assert_eq!(header(header::CACHE_CONTROL), "no-store");
}

/// Moves every session's end earlier by `?` (e.g. `-55 minutes`), as time passing would.
/// Servers behind a load balancer: an officer signed in on one server is signed in on every
/// other (the session and its CSRF token are in the shared database), and signing out on one
/// ends it on all.
#[tokio::test]
async fn a_desk_session_holds_on_every_server_of_the_same_database() {
    let d = desk().await;
    let db = d.db.another_server().await;
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("pkg")).unwrap();
    let other = Desk {
        router: support::build(support::state(&db, site.path())).await,
        db,
        _dir: site,
    };
    let mut lan = d.officer("lan").await;
    let me: Option<DeskSession> = other.call(&mut lan, "me", json!({})).await.unwrap();
    assert_eq!(me.unwrap().staff.username, "lan");
    other.queue(&mut lan, json!({})).await.unwrap();
    let csrf = lan.csrf.clone();
    other
        .call::<()>(&mut lan, "sign-out", json!({ "csrf": csrf }))
        .await
        .unwrap();
    assert_eq!(
        d.queue(&mut lan, json!({})).await,
        Err(DeskError::NotSignedIn)
    );
}

#[tokio::test]
async fn a_session_ends_an_hour_after_its_last_use_not_an_hour_after_sign_in() {
    let d = desk().await;
    let mut lan = d.officer("lan").await;
    let now = || app::api::store::now_millis() / 1000;
    // tower-sessions keeps the end as RFC 3339 text; seconds since 1970 here.
    let end = || async { d.db.sessions_end().await };
    let hour = 60 * 60;
    assert!((hour - 60..=hour + 60).contains(&(end().await - now())));
    // 55 minutes of work later: the session's end is 5 minutes away…
    d.db.move_sessions(-55).await;
    assert!(end().await - now() <= 5 * 60 + 60);
    // …and every use moves it an hour on again: the queue, a file.
    d.queue(&mut lan, json!({})).await.unwrap();
    assert!((hour - 60..=hour + 60).contains(&(end().await - now())));
    d.db.move_sessions(-55).await;
    let (_, receipt) = d.submitted().await;
    let files = d
        .open(&mut lan, &receipt.tracking_code)
        .await
        .unwrap()
        .files;
    d.db.move_sessions(-55).await;
    let path = format!(
        "/desk/files/{}/{}",
        receipt.tracking_code, files[0].attachment
    );
    assert_eq!(d.file(&lan, &path).await, StatusCode::OK);
    assert!((hour - 60..=hour + 60).contains(&(end().await - now())));
    // An hour without use: over.
    d.db.move_sessions(-61).await;
    assert_eq!(
        d.queue(&mut lan, json!({})).await,
        Err(DeskError::NotSignedIn)
    );
}

#[tokio::test]
async fn passwords_are_stored_as_argon2id_and_five_wrong_ones_lock_sign_in() {
    let d = desk().await;
    let hash: String =
        d.db.one(
            "SELECT password_hash FROM staff WHERE username = 'lan'",
            &[],
        )
        .await;
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains(PASSWORD));

    let mut browser = Browser::default();
    // An unknown name and a wrong password get the same answer.
    assert_eq!(
        d.sign_in(&mut browser, "nobody", PASSWORD).await,
        SignInAnswer::Wrong
    );
    for _ in 0..4 {
        assert_eq!(
            d.sign_in(&mut browser, "lan", "wrong password!").await,
            SignInAnswer::Wrong
        );
    }
    let before = app::api::store::now_millis();
    let SignInAnswer::Locked { retry_at } = d.sign_in(&mut browser, "Lan", "wrong again!!").await
    else {
        panic!("the fifth wrong password locks");
    };
    let wait = retry_at - before;
    assert!(
        (14 * 60_000..=15 * 60_000 + 5_000).contains(&wait),
        "{wait} ms"
    );
    // Locked even with the right password; nothing signed in.
    assert!(matches!(
        d.sign_in(&mut browser, "lan", PASSWORD).await,
        SignInAnswer::Locked { .. }
    ));
    assert!(browser.cookie.is_none());
    let me: Option<DeskSession> = d.call(&mut browser, "me", json!({})).await.unwrap();
    assert_eq!(me, None);
    // Another officer is not locked out by Lan's mistakes.
    d.officer("minh").await;
    // Wrong passwords are kept per name at an address (and per address), one day at most.
    assert_eq!(
        d.count("SELECT COUNT(*) FROM attempts WHERE subject = 'sign-in:lan@unknown'")
            .await,
        5
    );
}

#[tokio::test]
async fn wrong_passwords_sent_at_once_are_counted_before_any_is_checked() {
    let d = desk().await;
    let tries = (0..26).map(|i| {
        let d = &d;
        async move {
            let mut browser = Browser::at("203.0.113.7");
            d.sign_in(&mut browser, "lan", &format!("wrong password {i}"))
                .await
        }
    });
    let answers = futures::future::join_all(tries).await;
    let wrong = answers
        .iter()
        .filter(|a| **a == SignInAnswer::Wrong)
        .count();
    let locked = answers
        .iter()
        .filter(|a| matches!(a, SignInAnswer::Locked { .. }))
        .count();
    // Five were checked (the fifth says the lock began); 21 were refused before any hash ran.
    assert_eq!((wrong, locked), (4, 22), "{answers:?}");
    assert_eq!(
        d.count("SELECT COUNT(*) FROM attempts WHERE subject = 'sign-in:lan@203.0.113.7'")
            .await,
        5
    );
}

#[tokio::test]
async fn a_lock_out_holds_at_the_address_it_came_from_not_for_the_officer_everywhere() {
    let d = desk().await;
    let mut attacker = Browser::at("198.51.100.9");
    for _ in 0..5 {
        d.sign_in(&mut attacker, "lan", "guessing away").await;
    }
    assert!(matches!(
        d.sign_in(&mut attacker, "lan", PASSWORD).await,
        SignInAnswer::Locked { .. }
    ));
    // Lan, at the ward's office, signs in as usual.
    let mut lan = Browser::at("203.0.113.7");
    assert_eq!(
        d.sign_in(&mut lan, "lan", PASSWORD).await,
        SignInAnswer::SignedIn
    );
    // One address cannot try name after name either: 20 wrong passwords, whatever the names.
    let mut sprayer = Browser::at("192.0.2.44");
    for i in 0..20 {
        let name = format!("officer{i}");
        assert_ne!(
            d.sign_in(&mut sprayer, &name, "guessing away").await,
            SignInAnswer::SignedIn
        );
    }
    assert!(matches!(
        d.sign_in(&mut sprayer, "minh", PASSWORD).await,
        SignInAnswer::Locked { .. }
    ));
    // A right password is given back: it never brings a lock-out nearer.
    let mut office = Browser::at("203.0.113.8");
    for _ in 0..8 {
        let mut tab = office.clone();
        assert_eq!(
            d.sign_in(&mut tab, "minh", PASSWORD).await,
            SignInAnswer::SignedIn
        );
    }
    office.cookie = None;
    assert_eq!(
        d.count("SELECT COUNT(*) FROM attempts WHERE subject LIKE '%203.0.113.8'")
            .await,
        0
    );
}

#[tokio::test]
async fn a_session_is_an_httponly_strict_cookie_kept_in_the_database_and_ended_by_signing_out() {
    let d = desk().await;
    let request = Request::post("/api/desk/sign-in")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(
            json!({ "username": "lan", "password": PASSWORD }).to_string(),
        ))
        .unwrap();
    let (status, headers, _) = support::send(&d.router, request).await;
    assert_eq!(status, StatusCode::OK);
    let cookie = headers.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(cookie.starts_with("motcua_desk="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(d.count("SELECT COUNT(*) FROM staff_sessions").await, 1);

    let mut lan = d.officer("lan").await;
    let me: Option<DeskSession> = d.call(&mut lan, "me", json!({})).await.unwrap();
    assert_eq!(me.unwrap().staff.wards, vec![70]);
    // Signing out needs the token too.
    assert_eq!(
        d.call::<()>(&mut lan, "sign-out", json!({ "csrf": "forged" }))
            .await,
        Err(DeskError::StaleForm)
    );
    let csrf = lan.csrf.clone();
    d.call::<()>(&mut lan, "sign-out", json!({ "csrf": csrf }))
        .await
        .unwrap();
    assert_eq!(
        d.queue(&mut lan, json!({})).await,
        Err(DeskError::NotSignedIn)
    );
}

/// A form's fields as a browser encodes them (`application/x-www-form-urlencoded`).
fn form_body(fields: &[(&str, &str)]) -> String {
    let encode = |text: &str| -> String {
        text.bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect()
    };
    fields
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The sign-in form as the browser sends it before the app has loaded, or without JavaScript:
/// a plain HTML `POST`, the password in the body. The answer is a redirect that never holds
/// the password: to the desk page asked for once signed in, else back to the sign-in page with
/// what went wrong; the same counts and lock-out as the app's own sign-in.
impl Desk {
    /// The password form of `/desk/password` as a browser sends it (with or without the app):
    /// the answer's status and `Location`; the browser's cookie follows a new session id.
    async fn change_password(
        &self,
        browser: &mut Browser,
        current: &str,
        new: &str,
        repeat: &str,
        origin: Option<&str>,
    ) -> (StatusCode, Option<String>) {
        let mut request = Request::post("/api/desk/password")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
            .header(header::HOST, "motcua.test");
        if let Some(origin) = origin {
            request = request
                .header(header::ORIGIN, origin)
                .header(header::REFERER, format!("{origin}/desk/password"));
        }
        if let Some(cookie) = &browser.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let body = form_body(&[("current", current), ("new", new), ("repeat", repeat)]);
        let (status, headers, _) =
            support::send(&self.router, request.body(Body::from(body)).unwrap()).await;
        if let Some(set) = headers.get(header::SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap().to_string();
            browser.cookie = (!pair.ends_with('=')).then_some(pair);
        }
        let location = headers
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        (status, location)
    }
}

#[tokio::test]
async fn an_officer_changes_their_password_and_every_other_session_ends() {
    let d = desk().await;
    let here = Some("https://motcua.test");
    let mut lan = d.officer("lan").await;
    let mut other_computer = d.officer("lan").await;
    let new = "trăng rằm tháng tám sáng tỏ";
    let problem = |location: Option<String>| location.unwrap_or_default();
    // What is wrong comes back in the address; never what was typed.
    for (current, new, repeat, expected) in [
        ("", new, new, "problem=missing"),
        (PASSWORD, new, "trăng rằm tháng chín", "problem=mismatch"),
        (PASSWORD, PASSWORD, PASSWORD, "problem=same"),
        (PASSWORD, "ngắn quá", "ngắn quá", "problem=too_short"),
        (PASSWORD, "            ", "            ", "problem=trivial"),
        (
            PASSWORD,
            "lan-lan-lan-2026",
            "lan-lan-lan-2026",
            "problem=has_username",
        ),
        (PASSWORD, "password1234", "password1234", "problem=common"),
        ("sai mật khẩu rồi", new, new, "problem=wrong"),
    ] {
        let (status, location) = d
            .change_password(&mut lan, current, new, repeat, here)
            .await;
        assert_eq!(status, StatusCode::FOUND);
        let location = problem(location);
        assert_eq!(location, format!("/desk/password?{expected}"));
        assert!(!location.contains("1234") && !location.contains("tr%C4"));
    }
    // Without a session: to the sign-in page. From another site, or naming none: refused.
    let (_, location) = d
        .change_password(&mut Browser::default(), PASSWORD, new, new, here)
        .await;
    assert_eq!(location.as_deref(), Some("/desk/login?next=/desk/password"));
    let (status, _) = d
        .change_password(
            &mut lan.clone(),
            PASSWORD,
            new,
            new,
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = d
        .change_password(&mut lan.clone(), PASSWORD, new, new, None)
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        d.sign_in(&mut Browser::default(), "lan", PASSWORD).await,
        SignInAnswer::SignedIn,
        "nothing changed so far"
    );

    // A file the other computer can download until the change.
    let (_, receipt) = d.submitted().await;
    let opened = d.open(&mut lan, &receipt.tracking_code).await.unwrap();
    let file = format!(
        "/desk/files/{}/{}",
        receipt.tracking_code, opened.files[0].attachment
    );
    assert_eq!(d.file(&other_computer, &file).await, StatusCode::OK);

    let before = lan.cookie.clone();
    let (_, location) = d.change_password(&mut lan, PASSWORD, new, new, here).await;
    assert_eq!(location.as_deref(), Some("/desk/password?changed=1"));
    assert_ne!(lan.cookie, before, "a new session id");
    // This browser goes on; the other computer's session has ended.
    assert!(d.queue(&mut lan, json!({})).await.is_ok());
    assert_eq!(d.file(&other_computer, &file).await, StatusCode::NOT_FOUND);
    assert_eq!(d.file(&lan, &file).await, StatusCode::OK);
    assert_eq!(
        d.queue(&mut other_computer, json!({})).await,
        Err(DeskError::NotSignedIn)
    );
    assert_eq!(
        d.sign_in(&mut Browser::default(), "lan", PASSWORD).await,
        SignInAnswer::Wrong
    );
    assert_eq!(
        d.sign_in(&mut Browser::default(), "lan", new).await,
        SignInAnswer::SignedIn
    );
}

#[tokio::test]
async fn wrong_current_passwords_count_with_the_sign_ins_and_lock_both() {
    let d = desk().await;
    let here = Some("https://motcua.test");
    let mut lan = d.officer("lan").await;
    let new = "trăng rằm tháng tám sáng tỏ";
    for _ in 0..4 {
        let (_, location) = d
            .change_password(&mut lan, "đoán thử xem", new, new, here)
            .await;
        assert_eq!(location.as_deref(), Some("/desk/password?problem=wrong"));
    }
    // The fifth wrong password, at sign-in: locked, and so is the change, even with the right one.
    assert!(matches!(
        d.sign_in(&mut Browser::default(), "lan", "đoán lần nữa")
            .await,
        SignInAnswer::Locked { .. }
    ));
    let (_, location) = d.change_password(&mut lan, PASSWORD, new, new, here).await;
    assert!(
        location
            .as_deref()
            .is_some_and(|l| l.starts_with("/desk/password?problem=locked&until=")),
        "{location:?}"
    );
    // Nothing changed: the session goes on with the old password.
    assert!(d.queue(&mut lan, json!({})).await.is_ok());
}

#[tokio::test]
async fn the_sign_in_form_works_without_the_app_by_post_and_never_puts_the_password_in_an_address()
{
    let d = desk().await;
    let send = async |fields: &[(&str, &str)], origin: &str| {
        let request = Request::post("/api/desk/sign-in-form")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8")
            .header(header::HOST, "motcua.test")
            .header(header::ORIGIN, origin)
            .header(header::REFERER, "https://motcua.test/desk/login")
            .body(Body::from(form_body(fields)))
            .unwrap();
        let (status, headers, _) = support::send(&d.router, request).await;
        let location = headers
            .get(header::LOCATION)
            .map(|l| l.to_str().unwrap().to_owned());
        let cookie = headers
            .get(header::SET_COOKIE)
            .map(|c| c.to_str().unwrap().split(';').next().unwrap().to_owned());
        (status, location, cookie)
    };
    let here = "https://motcua.test";
    let (status, location, cookie) = send(
        &[
            ("username", "lan"),
            ("password", "sai mật khẩu 1"),
            ("next", "/desk/numbers"),
        ],
        here,
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(
        location.as_deref(),
        Some("/desk/login?next=/desk/numbers&problem=wrong")
    );
    assert_eq!(cookie, None);
    let (_, location, _) = send(&[("username", "lan"), ("password", ""), ("next", "")], here).await;
    assert_eq!(
        location.as_deref(),
        Some("/desk/login?next=/desk&problem=missing")
    );
    // Counted like the app's own sign-in: four more wrong ones lock it, and the page is told until when.
    for i in 0..3 {
        send(
            &[("username", "lan"), ("password", &format!("sai {i}"))],
            here,
        )
        .await;
    }
    let (_, location, _) = send(&[("username", "lan"), ("password", "sai lần cuối")], here).await;
    let location = location.unwrap();
    assert!(
        location.starts_with("/desk/login?next=/desk&problem=locked&until="),
        "{location}"
    );
    // Another officer signs in and lands on the page asked for, never another site's.
    let (status, location, cookie) = send(
        &[
            ("username", "minh"),
            ("password", PASSWORD),
            ("next", "/desk/numbers"),
        ],
        here,
    )
    .await;
    assert_eq!(status, StatusCode::FOUND);
    assert_eq!(location.as_deref(), Some("/desk/numbers"));
    let mut minh = Browser {
        cookie,
        ..Browser::default()
    };
    let me: Option<DeskSession> = d.call(&mut minh, "me", json!({})).await.unwrap();
    assert_eq!(me.unwrap().staff.username, "minh");
    let (_, location, _) = send(
        &[
            ("username", "minh"),
            ("password", PASSWORD),
            ("next", "https://evil.example/desk"),
        ],
        here,
    )
    .await;
    assert_eq!(location.as_deref(), Some("/desk"));
    // From another site: refused before anything is checked.
    let (status, location, cookie) = send(
        &[("username", "minh"), ("password", PASSWORD)],
        "https://evil.example",
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!((location, cookie), (None, None));
    // Nor from nowhere: the form has no token, a browser's form always says where it comes from.
    let request = Request::post("/api/desk/sign-in-form")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "motcua.test")
        .body(Body::from(form_body(&[
            ("username", "minh"),
            ("password", PASSWORD),
        ])))
        .unwrap();
    let (status, headers, _) = support::send(&d.router, request).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(headers.get(header::SET_COOKIE).is_none());
}

#[tokio::test]
async fn an_officer_neither_sees_nor_changes_another_wards_dossiers() {
    let d = desk().await;
    let (_, receipt) = d.submitted().await;
    let code = receipt.tracking_code.clone();
    let mut lan = d.officer("lan").await; // ward 70: the dossier's
    let mut minh = d.officer("minh").await; // wards 4 and 8
    let mut admin = d.officer("admin").await;

    let queue = d.queue(&mut lan, json!({})).await.unwrap();
    assert_eq!(queue.rows.len(), 1);
    assert_eq!(queue.rows[0].tracking_code, code);
    assert!(queue.counts.contains(&(Status::Received, 1)));
    assert!(d.queue(&mut minh, json!({})).await.unwrap().rows.is_empty());
    // Asking for ward 70 by filter does not widen Minh's wards.
    let asked = d.queue(&mut minh, json!({ "ward": 70 })).await.unwrap();
    assert!(asked.rows.is_empty());
    assert!(asked.counts.iter().all(|(_, n)| *n == 0));
    assert_eq!(d.queue(&mut admin, json!({})).await.unwrap().rows.len(), 1);

    assert_eq!(d.open(&mut minh, &code).await, Err(DeskError::NotFound));
    assert_eq!(
        d.decide(
            &mut minh,
            &code,
            Status::Received,
            Status::Refused,
            "không",
            &[]
        )
        .await,
        Err(DeskError::NotFound)
    );
    let file = d.open(&mut lan, &code).await.unwrap().files[0]
        .attachment
        .clone();
    let path = format!("/desk/files/{code}/{file}");
    assert_eq!(d.file(&minh, &path).await, StatusCode::NOT_FOUND);
    assert_eq!(
        d.file(&Browser::default(), &path).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(d.file(&lan, &path).await, StatusCode::OK);
    assert_eq!(d.file(&admin, &path).await, StatusCode::OK);

    // Without a session, with another session's token, or from another site: refused.
    let mut nobody = Browser::default();
    assert_eq!(
        d.open(&mut nobody, &code).await,
        Err(DeskError::NotSignedIn)
    );
    let mut forged = lan.clone();
    forged.csrf = minh.csrf.clone();
    assert_eq!(
        d.decide(
            &mut forged,
            &code,
            Status::Received,
            Status::Processing,
            "",
            &[]
        )
        .await,
        Err(DeskError::StaleForm)
    );
    let csrf = lan.csrf.clone();
    let (status, _) = d
        .post(
            &mut lan,
            "/api/desk/decide",
            json!({ "csrf": csrf, "tracking_code": code, "from": "received",
                    "to": "processing", "reason": "", "missing": [] }),
            Some("https://evil.example"),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Nothing of all this changed the dossier.
    assert_eq!(d.count("SELECT COUNT(*) FROM dossier_events").await, 1);
    assert_eq!(
        d.open(&mut lan, &code).await.unwrap().status,
        Status::Received
    );
}

#[tokio::test]
async fn every_decision_is_in_the_history_and_the_resident_reads_the_reason() {
    let d = desk().await;
    let (dossier_key, receipt) = d.submitted().await;
    let code = receipt.tracking_code.clone();
    let mut lan = d.officer("lan").await;

    // Refused without a reason, or asking for a paper not on the checklist: nothing stored.
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Received,
            Status::Refused,
            "  ",
            &[]
        )
        .await,
        Ok(Decided::Refused(DecisionProblem::ReasonRequired))
    );
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Received,
            Status::MoreDocumentsNeeded,
            "Thiếu",
            &["passport"]
        )
        .await,
        Ok(Decided::Refused(DecisionProblem::UnknownDocument(
            "passport".into()
        )))
    );
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Received,
            Status::ResultReady,
            "",
            &[]
        )
        .await,
        Ok(Decided::Refused(DecisionProblem::NotAllowed {
            from: Status::Received,
            to: Status::ResultReady
        }))
    );
    assert_eq!(d.count("SELECT COUNT(*) FROM dossier_events").await, 1);

    let reason = "Ảnh giấy chứng sinh bị mờ, không đọc được số. Vui lòng chụp lại rõ nét.";
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Received,
            Status::Processing,
            "",
            &[]
        )
        .await,
        Ok(Decided::Stored)
    );
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Processing,
            Status::MoreDocumentsNeeded,
            reason,
            &["birth_certificate"]
        )
        .await,
        Ok(Decided::Stored)
    );
    // A second officer's page still shows "processing": their decision is refused.
    let mut admin = d.officer("admin").await;
    assert_eq!(
        d.decide(
            &mut admin,
            &code,
            Status::Processing,
            Status::ResultReady,
            "",
            &[]
        )
        .await,
        Err(DeskError::Changed)
    );

    // The resident sees the reason and the paper on /track and on their device's list.
    let TrackAnswer::Found(tracked) = d
        .resident::<TrackAnswer>("track", json!({ "code": code, "phone_last4": "5678" }))
        .await
        .unwrap()
    else {
        panic!("found");
    };
    let last = tracked.events.last().unwrap();
    assert_eq!(last.status, Status::MoreDocumentsNeeded);
    assert_eq!(last.reason.as_deref(), Some(reason));
    assert_eq!(last.missing.len(), 1);
    assert_eq!(last.missing[0].id, "birth_certificate");
    assert!(
        last.missing[0].name.vi.contains("chứng sinh"),
        "{:?}",
        last.missing[0].name
    );
    let statuses: Vec<(String, Vec<StatusEvent>)> = d
        .resident("statuses", json!({ "keys": [dossier_key] }))
        .await
        .unwrap();
    assert_eq!(statuses[0].1.last(), Some(last));

    // The resident adds the paper: stored once however often it is sent, back in the queue.
    let sending = key();
    let attachment = key();
    let added = vec![AddedFile {
        attachment: attachment.clone(),
        document: "birth_certificate".into(),
        name: "giay-chung-sinh.jpg".into(),
        size: 3000,
    }];
    let body = json!({ "key": dossier_key, "sending": sending, "files": added });
    assert_eq!(
        d.resident::<()>("supplement", body.clone()).await,
        Err(SubmitError::AttachmentsMissing(vec![attachment.clone()]))
    );
    d.upload(&sending, &attachment, &jpeg(3000)).await;
    let not_asked = json!({ "key": dossier_key, "sending": key(), "files": [AddedFile {
        document: "identity".into(), ..added[0].clone() }] });
    assert!(matches!(
        d.resident::<()>("supplement", not_asked).await,
        Err(SubmitError::NotReady(_))
    ));
    for _ in 0..3 {
        d.resident::<()>("supplement", body.clone()).await.unwrap();
    }
    assert_eq!(d.count("SELECT COUNT(*) FROM supplements").await, 1);
    assert_eq!(d.count("SELECT COUNT(*) FROM dossier_files").await, 2);
    // Once back in the queue, another sending is refused: nothing is asked any more.
    let late = json!({ "key": dossier_key, "sending": key(), "files": added });
    assert_eq!(
        d.resident::<()>("supplement", late).await,
        Err(SubmitError::NotAsked)
    );

    let dossier = d.open(&mut lan, &code).await.unwrap();
    assert_eq!(dossier.status, Status::Received);
    assert_eq!(dossier.files.len(), 2);
    for (from, to) in [
        (Status::Received, Status::Processing),
        (Status::Processing, Status::ResultReady),
        (Status::ResultReady, Status::Collected),
    ] {
        assert_eq!(
            d.decide(&mut lan, &code, from, to, "", &[]).await,
            Ok(Decided::Stored)
        );
    }
    assert_eq!(
        d.decide(
            &mut lan,
            &code,
            Status::Collected,
            Status::Refused,
            "muộn",
            &[]
        )
        .await,
        Ok(Decided::Refused(DecisionProblem::Closed))
    );
    // Every step, who made it, in order; the history is appended, never rewritten.
    let dossier = d.open(&mut lan, &code).await.unwrap();
    let steps: Vec<(Status, &str)> = dossier
        .history
        .iter()
        .map(|h| (h.status, h.actor.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            (Status::Received, "resident"),
            (Status::Processing, "lan"),
            (Status::MoreDocumentsNeeded, "lan"),
            (Status::Received, "resident"),
            (Status::Processing, "lan"),
            (Status::ResultReady, "lan"),
            (Status::Collected, "lan"),
        ]
    );
    assert_eq!(dossier.history[2].reason.as_deref(), Some(reason));
    assert_eq!(d.count("SELECT COUNT(*) FROM dossier_events").await, 7);
}

/// A resident's call to the hand-off server functions (no session).
async fn handoff<T: serde::de::DeserializeOwned>(
    d: &Desk,
    browser: &mut Browser,
    endpoint: &str,
    body: Value,
) -> Result<T, SubmitError> {
    d.api(browser, &format!("handoff/{endpoint}"), body).await
}

/// A code for a birth registration's draft at its first part, made from `browser` (to the desk
/// from a resident, to a resident's phone from a signed-in officer).
async fn birth_code(d: &Desk, browser: &mut Browser) -> app::dossier::handoff::Issued {
    let draft = json!({ "draft": birth_draft(), "step": "applicant", "files_key": null });
    handoff(d, browser, "create", draft).await.unwrap()
}

#[tokio::test]
async fn a_handoff_code_opens_a_draft_once_for_the_right_side_and_expires() {
    use app::desk::api::open_handoff::DeskHandoff;
    use app::dossier::handoff::{Direction, HandedDraft, Issued, Redeemed};
    let d = desk().await;
    let mut resident = Browser::default();
    let mut draft = birth_draft();
    draft.office = None;
    // The device's sending key is its secret: an older app that sent it along is not believed.
    draft.submission_key = Some(key());
    // The resident shares the photo too: uploaded first under the sharing's key.
    let files_key = key();
    let attachment = key();
    d.upload(&files_key, &attachment, &jpeg(1500)).await;
    draft
        .attachments
        .push(photo(&attachment, "birth_certificate", 1500));
    let issued: Issued = handoff(
        &d,
        &mut resident,
        "create",
        json!({ "draft": draft, "step": "mother", "files_key": files_key }),
    )
    .await
    .unwrap();
    assert_eq!(issued.direction, Direction::ToDesk);
    assert_eq!(issued.code.len(), 6);
    let minutes = (issued.expires_at - app::api::store::now_millis()) / 60_000;
    assert!((29..=30).contains(&minutes), "{minutes}");
    // A resident's code does not open on another phone: only at the desk.
    let claimed: Redeemed<HandedDraft> = handoff(
        &d,
        &mut Browser::default(),
        "claim",
        json!({ "code": issued.code }),
    )
    .await
    .unwrap();
    assert_eq!(claimed, Redeemed::NoMatch);

    let mut lan = d.officer("lan").await;
    let minh = d.officer("minh").await;
    let open = |code: String, browser: Browser| {
        let d = &d;
        async move {
            let mut browser = browser;
            let csrf = browser.csrf.clone();
            d.call::<Redeemed<DeskHandoff>>(
                &mut browser,
                "handoff",
                json!({ "csrf": csrf, "code": code }),
            )
            .await
            .unwrap()
        }
    };
    // Read out with a space and in lower case, the code still opens — once.
    let spaced = format!("{} {}", &issued.code[..3], &issued.code[3..]).to_lowercase();
    let Redeemed::Found(opened) = open(spaced, lan.clone()).await else {
        panic!("the code opens the draft");
    };
    assert_eq!(opened.handed.step, "mother");
    // Handed over as the server keeps every dossier: the phone number typed "0912 345 678"
    // in its one stored form.
    let mut kept = draft.form.clone();
    kept.insert("applicant_phone".into(), "0912345678".into());
    assert_eq!(opened.handed.draft.form, kept);
    assert_eq!(opened.handed.draft.submission_key, None);
    assert!(opened.handed.with_files);
    assert_eq!(opened.view.checklist.len(), 4);
    assert_eq!(
        open(issued.code.clone(), lan.clone()).await,
        Redeemed::NoMatch
    );
    assert_eq!(
        open(issued.code.clone(), minh.clone()).await,
        Redeemed::NoMatch
    );
    // The shared photo: for the officer who opened the code only.
    let path = format!("/desk/handoff-files/{}/{attachment}", issued.code);
    assert_eq!(d.file(&lan, &path).await, StatusCode::OK);
    assert_eq!(d.file(&minh, &path).await, StatusCode::NOT_FOUND);
    assert_eq!(
        d.file(&Browser::default(), &path).await,
        StatusCode::NOT_FOUND
    );

    // An officer's code is for a resident's phone (without photos), once.
    let given: Issued = handoff(
        &d,
        &mut lan,
        "create",
        json!({ "draft": draft, "step": "documents", "files_key": null }),
    )
    .await
    .unwrap();
    assert_eq!(given.direction, Direction::ToResident);
    assert_eq!(
        open(given.code.clone(), minh.clone()).await,
        Redeemed::NoMatch
    );
    let mut phone = Browser::default();
    let Redeemed::Found(continued) =
        handoff::<Redeemed<HandedDraft>>(&d, &mut phone, "claim", json!({ "code": given.code }))
            .await
            .unwrap()
    else {
        panic!("the resident gets the draft");
    };
    assert_eq!(continued.step, "documents");
    assert!(!continued.with_files);
    let again: Redeemed<HandedDraft> =
        handoff(&d, &mut phone, "claim", json!({ "code": given.code }))
            .await
            .unwrap();
    assert_eq!(again, Redeemed::NoMatch);

    // Thirty minutes later a code no longer opens.
    let late: Issued = handoff(
        &d,
        &mut Browser::default(),
        "create",
        json!({ "draft": draft, "step": "review", "files_key": null }),
    )
    .await
    .unwrap();
    d.db.execute(
        "UPDATE handoffs SET created_at = created_at - 30 * 60 * 1000 WHERE code = $1",
        &[&late.code],
    )
    .await;
    assert_eq!(
        open(late.code.clone(), minh.clone()).await,
        Redeemed::NoMatch
    );

    // Disabled, Lan gets neither the hand-off's photo nor a dossier's file, though the session
    // was not used since (nothing else has ended it yet).
    assert_eq!(d.file(&lan, &path).await, StatusCode::OK);
    let (_, receipt) = d.submitted().await;
    let dossier = d.open(&mut lan, &receipt.tracking_code).await.unwrap();
    let file_path = format!(
        "/desk/files/{}/{}",
        receipt.tracking_code, dossier.files[0].attachment
    );
    assert_eq!(d.file(&lan, &file_path).await, StatusCode::OK);
    let mut admin = d.officer("admin").await;
    let csrf = admin.csrf.clone();
    d.call::<()>(
        &mut admin,
        "staff/disable",
        json!({ "csrf": csrf, "username": "lan", "disabled": true }),
    )
    .await
    .unwrap();
    assert_eq!(d.file(&lan, &path).await, StatusCode::NOT_FOUND);
    assert_eq!(d.file(&lan, &file_path).await, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_handed_draft_keeps_only_what_the_procedure_defines() {
    use app::dossier::handoff::Issued;
    let d = desk().await;
    let huge = "x".repeat(900 * 1024);
    let mut draft = birth_draft();
    draft.form.insert("notes_for_officer".into(), huge.clone());
    draft.answers.insert("extra".into(), huge.clone());
    let _: Issued = handoff(
        &d,
        &mut Browser::default(),
        "create",
        json!({ "draft": draft, "step": "applicant", "files_key": null }),
    )
    .await
    .expect("kept without them");
    let content: String = d.db.one("SELECT content FROM handoffs", &[]).await;
    assert!(content.len() < 8 * 1024, "{} bytes kept", content.len());
    assert!(!content.contains("notes_for_officer") && !content.contains("extra"));
    // Another procedure's code, or none: nothing kept.
    let mut unknown = birth_draft();
    unknown.procedure = "9.999999".into();
    let refused = handoff::<Issued>(
        &d,
        &mut Browser::default(),
        "create",
        json!({ "draft": unknown, "step": "applicant", "files_key": null }),
    )
    .await;
    assert_eq!(refused.unwrap_err(), SubmitError::UnknownProcedure);
    assert_eq!(d.count("SELECT COUNT(*) FROM handoffs").await, 1);
}

impl Desk {
    /// A page as `browser` gets it (with its session, if signed in).
    async fn page(&self, browser: &Browser, path: &str) -> (StatusCode, String) {
        let mut request = Request::get(path).header(header::HOST, "motcua.test");
        if let Some(cookie) = &browser.cookie {
            request = request.header(header::COOKIE, cookie);
        }
        let (status, _, body) =
            support::send(&self.router, request.body(Body::empty()).unwrap()).await;
        (status, String::from_utf8(body).unwrap())
    }

    /// A plain form's `POST` of `fields` to `path` from `browser`, as sent without JavaScript.
    async fn form(
        &self,
        browser: &Browser,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (StatusCode, String) {
        let mut request = support::form_post(path, fields);
        let headers = request.headers_mut();
        headers.insert(header::HOST, "motcua.test".parse().unwrap());
        headers.insert(header::ORIGIN, "https://motcua.test".parse().unwrap());
        if let Some(cookie) = &browser.cookie {
            headers.insert(header::COOKIE, cookie.parse().unwrap());
        }
        let (status, _, body) = support::send(&self.router, request).await;
        (status, String::from_utf8(body).unwrap())
    }
}

#[tokio::test]
async fn every_form_that_sends_a_field_posts_it_to_an_address_that_takes_it() {
    let d = desk().await;
    let (_, receipt) = d.submitted().await;
    let lan = d.officer("lan").await;
    let admin = d.officer("admin").await;
    let dossier = format!("/desk/dossiers/{}", receipt.tracking_code);
    let resident = Browser::default();
    for (path, browser) in [
        ("/track", &resident),
        ("/handoff", &resident),
        ("/desk/login", &resident),
        ("/desk/handoff", &lan),
        ("/desk/password", &lan),
        ("/desk/staff", &admin),
        (dossier.as_str(), &lan),
    ] {
        let (status, html) = d.page(browser, path).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        // (The display settings in every page's header are not a secret: a `GET` keeps them
        // working as links do.)
        let forms: Vec<_> = support::forms(&html)
            .into_iter()
            .filter(|f| f.action.as_deref() != Some("/settings/apply"))
            .collect();
        assert!(!forms.is_empty(), "{path}: a form");
        for form in forms.iter().filter(|f| !f.names.is_empty()) {
            assert_eq!(form.method, "post", "{path}: {form:?}");
            let action = form.action.clone().unwrap_or_else(|| path.to_string());
            let (status, _) = d.form(browser, &action, &[]).await;
            assert!(
                status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED,
                "{path}: {action} answers {status}"
            );
        }
    }
}

#[tokio::test]
async fn decisions_and_new_officers_work_without_the_desk_app_by_post() {
    let d = desk().await;
    let (_, receipt) = d.submitted().await;
    let code = receipt.tracking_code.clone();
    let page = format!("/desk/dossiers/{code}");
    let lan = d.officer("lan").await;
    let events = "SELECT COUNT(*) FROM dossier_events";
    assert_eq!(d.count(events).await, 1);
    // Without the session's token, or from another site: nothing is stored.
    let (status, _) = d
        .form(
            &lan,
            &page,
            &[
                ("csrf", "forged"),
                ("from", "received"),
                ("to", "processing"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d.count(events).await, 1);
    let mut request = support::form_post(
        &page,
        &[
            ("csrf", &lan.csrf),
            ("from", "received"),
            ("to", "processing"),
        ],
    );
    let headers = request.headers_mut();
    headers.insert(header::HOST, "motcua.test".parse().unwrap());
    headers.insert(header::ORIGIN, "https://evil.example".parse().unwrap());
    headers.insert(header::COOKIE, lan.cookie.clone().unwrap().parse().unwrap());
    assert_eq!(
        support::send(&d.router, request).await.0,
        StatusCode::FORBIDDEN
    );
    assert_eq!(d.count(events).await, 1);
    // The form as the page renders it, posted: stored, and the page shows where it stands now.
    let (status, html) = d
        .form(
            &lan,
            &page,
            &[
                ("csrf", &lan.csrf),
                ("from", "received"),
                ("to", "processing"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d.count(events).await, 2);
    assert!(
        html.contains(r#"value="result_ready""#),
        "the next step is offered"
    );
    // A decision the rules refuse (more papers without naming one): said on the page.
    let (_, html) = d
        .form(
            &lan,
            &page,
            &[
                ("csrf", &lan.csrf),
                ("from", "processing"),
                ("to", "more_documents_needed"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(d.count(events).await, 2);
    assert!(html.contains(r#"id="decision-problem""#), "{html}");
    // Posted again (a reload): where it stood has changed, so nothing is stored twice.
    d.form(
        &lan,
        &page,
        &[
            ("csrf", &lan.csrf),
            ("from", "received"),
            ("to", "processing"),
        ],
    )
    .await;
    assert_eq!(d.count(events).await, 2);

    // A new officer, with two wards chosen.
    let admin = d.officer("admin").await;
    let accounts = "SELECT COUNT(*) FROM staff";
    let before = d.count(accounts).await;
    let (status, html) = d
        .form(
            &admin,
            "/desk/staff",
            &[
                ("csrf", &admin.csrf),
                ("username", "Hoa"),
                ("password", "một mật khẩu mới 2026"),
                ("wards", "70"),
                ("wards", "4"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(d.count(accounts).await, before + 1);
    assert!(html.contains(r#"data-testid="officer-added""#) && html.contains(r#"data-user="hoa""#));
    let hoa = d.officer_with("hoa", "một mật khẩu mới 2026").await;
    assert_eq!(hoa, SignInAnswer::SignedIn);
    // A trivial password: refused, said on the page, nobody added.
    let (_, html) = d
        .form(
            &admin,
            "/desk/staff",
            &[
                ("csrf", &admin.csrf),
                ("username", "tuan"),
                ("password", "12345678"),
                ("wards", "70"),
            ],
        )
        .await;
    assert_eq!(d.count(accounts).await, before + 1);
    assert!(html.contains(r#"id="add-officer-problem""#));
    // An officer is no administrator.
    d.form(
        &lan,
        "/desk/staff",
        &[
            ("csrf", &lan.csrf),
            ("username", "khac"),
            ("password", "một mật khẩu mới 2026"),
            ("wards", "70"),
        ],
    )
    .await;
    assert_eq!(d.count(accounts).await, before + 1);
}

#[tokio::test]
async fn a_help_code_posted_before_the_app_runs_waits_for_it_unused() {
    use app::dossier::handoff::{HandedDraft, Issued, Redeemed};
    let d = desk().await;
    let mut lan = d.officer("lan").await;
    // To a resident's phone, and to the desk.
    let to_resident: Issued = birth_code(&d, &mut lan).await;
    let to_desk: Issued = birth_code(&d, &mut Browser::default()).await;
    for (path, browser, code) in [
        ("/handoff", Browser::default(), &to_resident.code),
        ("/desk/handoff", lan.clone(), &to_desk.code),
    ] {
        let (status, html) = d.form(&browser, path, &[("code", code)]).await;
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            html.contains(r#"data-testid="handoff-waiting""#),
            "{path}: {html}"
        );
        assert!(html.contains(&format!(r#"value="{code}""#)) || html.contains(code.as_str()));
    }
    // Neither was used: each still opens, once.
    let claimed: Redeemed<HandedDraft> = handoff(
        &d,
        &mut Browser::default(),
        "claim",
        json!({ "code": to_resident.code }),
    )
    .await
    .unwrap();
    assert!(matches!(claimed, Redeemed::Found(_)));
    let csrf = lan.csrf.clone();
    let opened: Redeemed<app::desk::api::open_handoff::DeskHandoff> = d
        .call(
            &mut lan,
            "handoff",
            json!({ "csrf": csrf, "code": to_desk.code }),
        )
        .await
        .unwrap();
    assert!(matches!(opened, Redeemed::Found(_)));
}

#[tokio::test]
async fn handoff_codes_cannot_be_found_by_trying() {
    use app::dossier::handoff::{HandedDraft, Issued, MAX_WRONG_TRIES, Redeemed};
    let d = desk().await;
    let mut lan = d.officer("lan").await;
    let given: Issued = birth_code(&d, &mut lan).await;
    let mut guesser = Browser::default();
    for i in 0..MAX_WRONG_TRIES {
        // Wrong codes (never the one given), and codes that are not codes at all.
        let guess = if i % 2 == 0 { "222222" } else { "not a code" };
        let guess = if guess == given.code { "333333" } else { guess };
        let answer: Redeemed<HandedDraft> =
            handoff(&d, &mut guesser, "claim", json!({ "code": guess }))
                .await
                .unwrap();
        assert_eq!(answer, Redeemed::NoMatch);
    }
    // Now even the right code waits, and it is not used up by waiting.
    let answer: Redeemed<HandedDraft> =
        handoff(&d, &mut guesser, "claim", json!({ "code": given.code }))
            .await
            .unwrap();
    let Redeemed::Wait { retry_at } = answer else {
        panic!("too many wrong codes: wait, got {answer:?}");
    };
    assert!(retry_at > app::api::store::now_millis());
    let used: Option<i64> =
        d.db.one(
            "SELECT used_at FROM handoffs WHERE code = $1",
            &[&given.code],
        )
        .await;
    assert_eq!(used, None);
}

#[tokio::test]
async fn only_an_admin_adds_and_disables_officers_and_a_disabled_officer_is_signed_out() {
    use app::desk::api::manage_staff::Account;
    use app::staff::{NewStaffProblem, PasswordProblem};
    let d = desk().await;
    let mut lan = d.officer("lan").await;
    let mut admin = d.officer("admin").await;
    let add = |browser: &Browser, name: &str, password: &str, wards: Vec<u32>| json!({ "csrf": browser.csrf, "username": name, "password": password, "wards": wards });
    let body = add(&lan, "hoa", PASSWORD, vec![70]);
    assert_eq!(
        d.call::<Result<(), NewStaffProblem>>(&mut lan, "staff/add", body)
            .await,
        Err(DeskError::Forbidden)
    );
    assert_eq!(
        d.call::<Vec<Account>>(&mut lan, "staff", json!({})).await,
        Err(DeskError::Forbidden)
    );
    let body = add(&admin, "hoa", "short", vec![70]);
    assert_eq!(
        d.call::<Result<(), NewStaffProblem>>(&mut admin, "staff/add", body)
            .await,
        Ok(Err(NewStaffProblem::Password(PasswordProblem::TooShort)))
    );
    // Common passwords are refused, though long enough.
    let body = add(&admin, "hoa", "password1234", vec![70]);
    assert_eq!(
        d.call::<Result<(), NewStaffProblem>>(&mut admin, "staff/add", body)
            .await,
        Ok(Err(NewStaffProblem::Password(PasswordProblem::Common)))
    );
    let body = add(&admin, "Hoa", PASSWORD, vec![73, 70]);
    assert_eq!(
        d.call::<Result<(), NewStaffProblem>>(&mut admin, "staff/add", body)
            .await,
        Ok(Ok(()))
    );
    let body = add(&admin, "hoa", PASSWORD, vec![70]);
    assert_eq!(
        d.call::<Result<(), NewStaffProblem>>(&mut admin, "staff/add", body)
            .await,
        Ok(Err(NewStaffProblem::UsernameTaken))
    );
    let accounts: Vec<Account> = d.call(&mut admin, "staff", json!({})).await.unwrap();
    let hoa = accounts.iter().find(|a| a.staff.username == "hoa").unwrap();
    assert_eq!(
        (hoa.staff.wards.clone(), hoa.disabled),
        (vec![70, 73], false)
    );

    let mut hoa = d.officer("hoa").await;
    assert!(d.queue(&mut hoa, json!({})).await.is_ok());
    let csrf = admin.csrf.clone();
    d.call::<()>(
        &mut admin,
        "staff/disable",
        json!({ "csrf": csrf, "username": "hoa", "disabled": true }),
    )
    .await
    .unwrap();
    assert_eq!(
        d.queue(&mut hoa, json!({})).await,
        Err(DeskError::NotSignedIn)
    );
    assert_eq!(
        d.sign_in(&mut Browser::default(), "hoa", PASSWORD).await,
        SignInAnswer::Wrong
    );
    // An admin cannot disable themselves.
    let csrf = admin.csrf.clone();
    assert_eq!(
        d.call::<()>(
            &mut admin,
            "staff/disable",
            json!({ "csrf": csrf, "username": "admin", "disabled": true }),
        )
        .await,
        Err(DeskError::BadRequest)
    );
}
