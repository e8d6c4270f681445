//! The server's own eligibility check (`POST /api/eligibility/check`): the same rules as the
//! pages, read by the server for a procedure and a set of answers.

use app::eligibility::CheckReport;
use app::eligibility::model::Verdict;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use support::{router, send};

mod support;

async fn check(body: serde_json::Value) -> (StatusCode, Vec<u8>) {
    let (_dir, router) = router().await;
    let request = Request::post("/api/eligibility/check")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, _, body) = send(&router, request).await;
    (status, body)
}

async fn report(body: serde_json::Value) -> CheckReport {
    let (status, body) = check(body).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

#[tokio::test]
async fn a_19_year_old_man_cannot_marry_and_cannot_submit() {
    let report = report(json!({
        "code": "1.000894",
        "answers": { "who": "self", "foreign": "no", "man_age": "19" }
    }))
    .await;
    assert!(report.done);
    assert_eq!(report.verdict, Some(Verdict::NotEligible));
    assert!(!report.allows_submission());
}

#[tokio::test]
async fn a_complete_birth_check_lists_the_papers_a_submission_must_carry() {
    let report = report(json!({
        "code": "1.001193",
        "answers": {
            "who": "authorised", "relation": "other", "registered": "never", "has_papers": "no",
            "foreign": "no", "born": "2026-01-02", "married": "yes", "proof": "none", "special": "none",
            // Not a question of this procedure: ignored.
            "man_age": "19"
        }
    }))
    .await;
    assert!(report.allows_submission());
    assert_eq!(report.verdict, Some(Verdict::Eligible));
    for paper in [
        "form",
        "birth_pledge",
        "authorisation_certified",
        "identity",
    ] {
        assert!(
            report.documents.iter().any(|d| d == paper),
            "{paper} in {:?}",
            report.documents
        );
    }
    assert!(report.answers.raw("man_age").is_none());
    let provided: Vec<String> = vec!["form".into(), "identity".into()];
    assert!(report.missing(&provided).contains(&"birth_pledge"));
}

#[tokio::test]
async fn unfinished_or_nonsense_answers_do_not_allow_a_submission() {
    let unfinished = report(json!({ "code": "1.001193", "answers": { "who": "child" } })).await;
    assert!(!unfinished.done && !unfinished.allows_submission());
    let nonsense = report(json!({
        "code": "1.001193",
        "answers": { "who": "<script>", "registered": "maybe" }
    }))
    .await;
    assert!(!nonsense.done);
    assert!(nonsense.answers.0.is_empty());
}

#[tokio::test]
async fn an_unknown_procedure_is_a_typed_error() {
    let (status, body) = check(json!({ "code": "9.999999", "answers": {} })).await;
    assert!(status.is_client_error() || status.is_server_error());
    let text = String::from_utf8_lossy(&body);
    assert!(text.contains("NotFound"), "{text}");
}

#[tokio::test]
async fn a_malformed_body_is_refused_without_a_crash() {
    let (status, _) = check(json!({ "code": 5 })).await;
    assert!(status.is_client_error() || status.is_server_error());
}
