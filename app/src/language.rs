//! The resident's choice of language: Vietnamese by default, English on request, remembered on the
//! device in a cookie that the server reads before rendering, so the first paint is already right.
//!
//! The switch is a real link (`/language/{code}?next=…`) that the server answers by setting the
//! cookie and sending the resident back; once the wasm has hydrated, the same link changes the
//! language in place without a reload.

use crate::i18n::Locale;
use leptos_i18n::Locale as _;

/// Name of the cookie holding the language code (`vi` or `en`); the one `leptos_i18n` reads.
pub const COOKIE_NAME: &str = "i18n_pref_locale";

/// How long the choice is remembered: 400 days, the longest lifetime browsers accept.
pub const COOKIE_MAX_AGE_SECONDS: i64 = 400 * 24 * 60 * 60;

/// The language a switch offers when `current` is shown.
pub fn other(current: Locale) -> Locale {
    match current {
        Locale::vi => Locale::en,
        Locale::en => Locale::vi,
    }
}

/// The language chosen on this device, from a `Cookie:` request header: Vietnamese unless the
/// cookie says otherwise (the browser's `Accept-Language` is never consulted, so everyone first
/// sees the portal in the country's language).
pub fn from_cookies(header: &str) -> Locale {
    header
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .and_then(|(_, value)| parse(value))
        .unwrap_or_default()
}

/// The language's code as URLs and the cookie carry it (`vi`, `en`).
pub fn code(locale: Locale) -> &'static str {
    locale.as_str()
}

/// Parses a language code from a URL or a cookie (`vi`, `en`, any case).
pub fn parse(code: &str) -> Option<Locale> {
    match code.trim().to_ascii_lowercase().as_str() {
        "vi" => Some(Locale::vi),
        "en" => Some(Locale::en),
        _ => None,
    }
}

/// The `Set-Cookie` value that remembers `locale` on the device.
pub fn set_cookie_header(locale: Locale) -> String {
    format!(
        "{COOKIE_NAME}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax",
        locale.as_str()
    )
}

/// The address of the link that switches to `target` and comes back to `return_to`
/// (a path with its query, as the browser shows it).
pub fn switch_href(target: Locale, return_to: &str) -> String {
    format!(
        "/language/{}?next={}",
        target.as_str(),
        percent_encode(safe_return_path(return_to))
    )
}

/// Where to send the resident after switching: only a path on this site, never another host
/// (`//evil.example`, `/\evil.example` and absolute URLs fall back to the home page).
pub fn safe_return_path(next: &str) -> &str {
    let local = next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.chars().any(|c| c.is_control());
    if local { next } else { "/" }
}

/// Percent-encodes everything but unreserved characters and `/`, for use as a query value.
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_switch_offers_the_other_language() {
        assert_eq!(other(Locale::vi), Locale::en);
        assert_eq!(other(Locale::en), Locale::vi);
    }

    #[test]
    fn codes_parse_in_any_case_and_unknown_codes_are_refused() {
        assert_eq!(parse("vi"), Some(Locale::vi));
        assert_eq!(parse("EN"), Some(Locale::en));
        assert_eq!(parse(" en "), Some(Locale::en));
        assert_eq!(parse("fr"), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn vietnamese_is_the_default_language() {
        assert_eq!(Locale::default(), Locale::vi);
        assert_eq!(from_cookies(""), Locale::vi);
        assert_eq!(from_cookies("motcua_display=text-150"), Locale::vi);
    }

    #[test]
    fn the_cookie_names_the_chosen_language() {
        assert_eq!(from_cookies("a=b; i18n_pref_locale=en"), Locale::en);
        assert_eq!(from_cookies("i18n_pref_locale=vi; x=1"), Locale::vi);
        assert_eq!(from_cookies("i18n_pref_locale=fr"), Locale::vi);
    }

    #[test]
    fn the_cookie_is_site_wide_and_long_lived() {
        let header = set_cookie_header(Locale::en);
        assert!(header.starts_with("i18n_pref_locale=en;"), "{header}");
        assert!(header.contains("Path=/"), "{header}");
        assert!(header.contains("Max-Age=34560000"), "{header}");
        assert!(header.contains("SameSite=Lax"), "{header}");
    }

    #[test]
    fn the_switch_link_keeps_the_page_and_its_query() {
        assert_eq!(switch_href(Locale::en, "/"), "/language/en?next=/");
        assert_eq!(
            switch_href(Locale::vi, "/procedures?q=tam tru&page=2"),
            "/language/vi?next=/procedures%3Fq%3Dtam%20tru%26page%3D2"
        );
    }

    #[test]
    fn only_local_paths_are_followed_after_switching() {
        assert_eq!(safe_return_path("/help"), "/help");
        assert_eq!(
            safe_return_path("/procedures?q=ket+hon"),
            "/procedures?q=ket+hon"
        );
        assert_eq!(safe_return_path("//evil.example/"), "/");
        assert_eq!(safe_return_path("/\\evil.example"), "/");
        assert_eq!(safe_return_path("https://evil.example/"), "/");
        assert_eq!(safe_return_path("help"), "/");
        assert_eq!(safe_return_path("/a\r\nSet-Cookie: x=y"), "/");
        assert_eq!(safe_return_path(""), "/");
    }
}
