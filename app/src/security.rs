//! The Content-Security-Policy of the portal, in one place for the server's default header and for
//! the pages it renders (which add the nonce of their inline hydration script).

/// The policy: everything from this site only, wasm allowed to compile, no inline script but the
/// one carrying `nonce`, no plugins, and no framing by other sites.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    match nonce {
        Some(nonce) => policy(&format!("'nonce-{nonce}' ")),
        None => policy(""),
    }
}

/// The same policy for a page kept and served again (the server's page cache): its inline scripts
/// are allowed by their SHA-256 hashes (`hashes`: standard base64 of each script's text), since a
/// nonce must differ in every response and a kept page is the same bytes for everyone (CSP Level
/// 3, § 8.3 "hash-source"; the "hash-based strict CSP" of web.dev/articles/strict-csp, meant for
/// pages that are cached).
pub fn content_security_policy_hashed(hashes: &[String]) -> String {
    let sources: String = hashes.iter().map(|h| format!("'sha256-{h}' ")).collect();
    policy(&sources)
}

/// `inline`: what allows inline scripts, each source followed by a space (empty: none).
fn policy(inline: &str) -> String {
    let scripts = format!("'self' {inline}'wasm-unsafe-eval'");
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self' data: blob:; \
         font-src 'self'; connect-src 'self'; media-src 'self' blob:; worker-src 'self'; \
         manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_lets_the_wasm_run_and_forbids_framing() {
        let csp = content_security_policy(None);
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("object-src 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
    }

    #[test]
    fn a_kept_page_allows_its_inline_scripts_by_their_hashes() {
        let csp = content_security_policy_hashed(&["abc=".into(), "def=".into()]);
        assert!(
            csp.contains("script-src 'self' 'sha256-abc=' 'sha256-def=' 'wasm-unsafe-eval';"),
            "{csp}"
        );
        assert_eq!(
            content_security_policy_hashed(&[]),
            content_security_policy(None)
        );
    }

    #[test]
    fn a_page_allows_only_its_own_inline_script() {
        let csp = content_security_policy(Some("abc123"));
        assert!(
            csp.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"),
            "{csp}"
        );
    }
}
