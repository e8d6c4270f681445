//! Bodies compressed once and served many times (the search index, kept pages): compressing at the
//! highest levels, and choosing the encoding a request accepts.

use axum::http::{HeaderMap, header};
use std::io::Write;

/// A content coding the server keeps bodies in (RFC 9110 § 8.4.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// Brotli when the request's `Accept-Encoding` lists `br`, else gzip when it lists `gzip`, else
    /// none. A coding listed with `q=0` is refused (RFC 9110 § 12.5.3); other weights are not
    /// ranked: the smaller body wins whenever it is accepted.
    pub fn accepted(headers: &HeaderMap) -> Encoding {
        let accepts = |coding: &str| {
            headers
                .get_all(header::ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|part| {
                    let mut pieces = part.trim().split(';');
                    pieces
                        .next()
                        .is_some_and(|name| name.trim().eq_ignore_ascii_case(coding))
                        && !pieces.any(|p| refused(p.trim()))
                })
        };
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    /// The `Content-Encoding` value, `None` for identity.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }
}

/// `q=0`, `q=0.0`, `q=0.000`: the coding is not acceptable.
fn refused(parameter: &str) -> bool {
    let Some(value) = parameter
        .split_once('=')
        .filter(|(name, _)| name.trim().eq_ignore_ascii_case("q"))
        .map(|(_, value)| value.trim())
    else {
        return false;
    };
    value.strip_prefix('0').is_some_and(|rest| {
        rest.is_empty() || rest.trim_start_matches('.').chars().all(|c| c == '0')
    })
}

/// How hard to compress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    /// Brotli at quality 4 and gzip at level 6 (what dynamic compression uses; about a
    /// millisecond for a 50 KB page): for an answer someone is waiting for.
    Quick,
    /// Brotli at quality 11 and gzip at level 9 (tens of milliseconds for a 50 KB page; 10–15 %
    /// smaller): for a body made once and served many times.
    Best,
}

/// `body` compressed with brotli (window 2^22) and gzip, as hard as `effort` says.
pub fn compress(body: &[u8], effort: Effort) -> (Vec<u8>, Vec<u8>) {
    (
        compressed(body, Encoding::Brotli, effort),
        compressed(body, Encoding::Gzip, effort),
    )
}

/// `body` in `encoding` (itself for identity), as hard as `effort` says.
pub fn compressed(body: &[u8], encoding: Encoding, effort: Effort) -> Vec<u8> {
    match encoding {
        Encoding::Brotli => {
            let mut brotli = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: if effort == Effort::Best { 11 } else { 4 },
                lgwin: 22,
                size_hint: body.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &body[..], &mut brotli, &params)
                .expect("compressing in memory cannot fail");
            brotli
        }
        Encoding::Gzip => {
            let level = match effort {
                Effort::Quick => flate2::Compression::default(),
                Effort::Best => flate2::Compression::best(),
            };
            let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
            encoder
                .write_all(body)
                .expect("compressing in memory cannot fail");
            encoder.finish().expect("compressing in memory cannot fail")
        }
        Encoding::Identity => body.to_vec(),
    }
}

/// The bytes of a gzip body, for the rare client that accepts no compression.
pub fn gunzip(gzip: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(gzip), &mut body)?;
    Ok(body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accepted(value: &str) -> Encoding {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        Encoding::accepted(&headers)
    }

    #[test]
    fn the_smallest_accepted_coding_is_chosen_and_q_zero_refuses() {
        assert_eq!(accepted("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepted("gzip;q=1.0, BR;q=0.5"), Encoding::Brotli);
        assert_eq!(accepted("gzip, br;q=0"), Encoding::Gzip);
        assert_eq!(accepted("br; q=0.000, gzip"), Encoding::Gzip);
        assert_eq!(accepted("br;q=0.01"), Encoding::Brotli);
        assert_eq!(accepted("deflate"), Encoding::Identity);
        assert_eq!(accepted("gzip;q=0"), Encoding::Identity);
        assert_eq!(Encoding::accepted(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn both_codings_give_back_the_body() {
        let body = "Đăng ký khai sinh ".repeat(500);
        for effort in [Effort::Quick, Effort::Best] {
            let (brotli, gzip) = compress(body.as_bytes(), effort);
            assert!(brotli.len() < gzip.len() && gzip.len() < body.len() / 10);
            assert_eq!(gunzip(&gzip).unwrap(), body.as_bytes());
            let mut plain = Vec::new();
            brotli::BrotliDecompress(&mut &brotli[..], &mut plain).unwrap();
            assert_eq!(plain, body.as_bytes());
        }
    }
}
