//! The officer behind a request: the username and CSRF token kept in their session, checked
//! against the account as stored now (a disabled account or a changed ward list counts at once).

use super::DeskSession;
use crate::api::store::{StoreError, storage_desk};
use crate::dossier::desk::DeskError;
use crate::staff::Staff;
use tower_sessions::Session;

/// Session keys.
pub const STAFF_KEY: &str = "staff";
pub const CSRF_KEY: &str = "csrf";
/// The account's `password_changed_at` when the session signed in: a session stands only while
/// the account still has it (a password changed since ends it). Sessions older than this key
/// read 0, the value of an account whose password never changed.
pub const CREDENTIALS_KEY: &str = "password_changed_at";

pub fn unavailable(error: StoreError) -> DeskError {
    leptos::logging::error!("desk storage failed: {error}");
    DeskError::Unavailable
}

pub async fn session() -> Result<Session, DeskError> {
    leptos_axum::extract::<Session>().await.map_err(|_| {
        leptos::logging::error!("no session layer in front of the desk's server functions");
        DeskError::Unavailable
    })
}

/// The account signed in on `session`, as stored now, while the session stands: a disabled or
/// deleted account, or one whose password changed since the session signed in, ends it (the
/// session is flushed) and reads `None`. A session that stands is [`touch`]ed. The one rule for
/// the desk's server functions and its file routes.
pub async fn account_of(
    session: &Session,
    store: &dyn crate::api::store::DeskStore,
) -> Result<Option<crate::api::store::StaffAccount>, DeskError> {
    let username: Option<String> = session.get(STAFF_KEY).await.map_err(|e| {
        leptos::logging::error!("cannot read the session: {e}");
        DeskError::Unavailable
    })?;
    let Some(username) = username else {
        return Ok(None);
    };
    let credentials: i64 = session
        .get(CREDENTIALS_KEY)
        .await
        .unwrap_or(None)
        .unwrap_or(0);
    match store.account(&username).await.map_err(unavailable)? {
        Some(account) if !account.disabled && account.password_changed_at == credentials => {
            touch(session);
            Ok(Some(account))
        }
        _ => {
            // Disabled, deleted or its password changed since: the session ends.
            let _ = session.flush().await;
            Ok(None)
        }
    }
}

/// The signed-in officer, if any.
pub async fn current() -> Result<Option<DeskSession>, DeskError> {
    let session = session().await?;
    let Some(account) = account_of(&session, &*storage_desk()?).await? else {
        return Ok(None);
    };
    let csrf: Option<String> = session.get(CSRF_KEY).await.unwrap_or(None);
    Ok(csrf.map(|csrf| DeskSession {
        staff: account.staff,
        csrf,
    }))
}

/// Starts the session's [`crate::staff::SESSION_IDLE_MINUTES`] again: it is saved, with its new
/// end, when the answer goes out. Every use of the desk (its pages' calls, its files) touches it,
/// so an officer at work is never signed out; a desk computer left alone is.
pub fn touch(session: &Session) {
    session.set_expiry(Some(tower_sessions::Expiry::OnInactivity(
        tower_sessions::cookie::time::Duration::minutes(crate::staff::SESSION_IDLE_MINUTES),
    )));
}

/// The signed-in officer, or [`DeskError::NotSignedIn`].
pub async fn officer() -> Result<Staff, DeskError> {
    current()
        .await?
        .map(|s| s.staff)
        .ok_or(DeskError::NotSignedIn)
}

/// The signed-in officer of a request that changes something: `csrf` must be the session's.
pub async fn officer_with(csrf: &str) -> Result<Staff, DeskError> {
    let session = current().await?.ok_or(DeskError::NotSignedIn)?;
    if !same(csrf.as_bytes(), session.csrf.as_bytes()) {
        return Err(DeskError::StaleForm);
    }
    Ok(session.staff)
}

/// Compares in time that does not depend on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// A new random token (128 bits, hex).
pub fn token() -> Result<String, DeskError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|_| DeskError::Unavailable)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// The client's address: the connection's, or — behind a reverse proxy — the one the proxy's
/// header names, as configured (`MOTCUA_CLIENT_IP_SOURCE`, an [`axum_client_ip::ClientIpSource`]
/// the server adds to every request), as [`crate::limits::address_key`] counts it: limits count
/// per this address.
pub async fn client() -> String {
    match leptos_axum::extract::<axum_client_ip::ClientIp>().await {
        Ok(axum_client_ip::ClientIp(address)) => crate::limits::address_key(address),
        Err(_) => "unknown".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_compare_whole() {
        assert!(super::same(b"abc", b"abc"));
        assert!(!super::same(b"abc", b"abd"));
        assert!(!super::same(b"abc", b"ab"));
        assert!(!super::same(b"", b"a"));
    }
}
