//! Today's date in Hà Nội, from the browser's clock or the server's: the one outside input the
//! eligibility rules need (how long ago a birth or a death was).

use crate::eligibility::date::Date;

pub fn today() -> Date {
    Date::in_hanoi(now_millis())
}

#[cfg(feature = "csr")]
fn now_millis() -> i64 {
    web_sys::js_sys::Date::now() as i64
}

#[cfg(not(feature = "csr"))]
fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
