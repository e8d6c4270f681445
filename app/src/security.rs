//! The Content-Security-Policy of the portal, in one place for the server's default header and for
//! the pages it renders (which add the nonce of their inline hydration script).

/// The policy: everything from this site only, wasm allowed to compile, no inline script but the
/// one carrying `nonce`, no plugins, and no framing by other sites.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(nonce) => format!("'self' 'nonce-{nonce}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_string(),
    };
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
    fn a_page_allows_only_its_own_inline_script() {
        let csp = content_security_policy(Some("abc123"));
        assert!(
            csp.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'"),
            "{csp}"
        );
    }
}
