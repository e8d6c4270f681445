//! What may be attached to a dossier: photos (downscaled on the device before they are kept) and
//! PDF files, within size limits, checked before anything is stored.

use crate::eligibility::model::Text;

/// Longest side of a photo after it is downscaled on the device.
pub const MAX_SIDE: u32 = 2000;
/// JPEG quality of re-encoded photos (0–1).
pub const JPEG_QUALITY: f64 = 0.85;
/// A photo straight from a phone camera may be this large before it is downscaled.
pub const MAX_PHOTO_BYTES: u64 = 25 * 1024 * 1024;
/// A PDF is kept as it is: this is its limit.
pub const MAX_PDF_BYTES: u64 = 5 * 1024 * 1024;
/// Attachments per checklist document.
pub const MAX_PER_DOCUMENT: usize = 10;

/// How a file is kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handling {
    /// Decoded, downscaled to [`MAX_SIDE`] and re-encoded as JPEG.
    Photo,
    /// Kept as it is.
    Pdf,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Refusal {
    Type,
    TooLarge {
        limit_mb: u64,
    },
    Empty,
    Unreadable,
    TooMany,
    /// The device has no room left to keep it.
    DeviceFull,
    /// The browser would not keep it (private mode, a failing disk).
    NotKept,
    /// A PDF that carries scripts, launches or embedded files ([`pdf_active_content`]).
    Active,
    /// The dossier's files waiting on the server would pass [`MAX_STAGED_FILES`] or
    /// [`MAX_STAGED_BYTES`].
    TooMuch,
}

impl Refusal {
    pub fn text(&self, name: &str) -> Text {
        match self {
            Refusal::Type => Text {
                vi: format!(
                    "Không nhận được tệp “{name}”: chỉ nhận ảnh (JPG, PNG, WebP) hoặc tệp PDF"
                ),
                en: Some(format!(
                    "“{name}” cannot be attached: only photos (JPG, PNG, WebP) or PDF files"
                )),
            },
            Refusal::TooLarge { limit_mb } => Text {
                vi: format!(
                    "Tệp “{name}” lớn hơn {limit_mb} MB: hãy chụp ảnh lại hoặc chọn tệp nhỏ hơn"
                ),
                en: Some(format!(
                    "“{name}” is larger than {limit_mb} MB: take the photo again or choose a smaller file"
                )),
            },
            Refusal::Empty => Text {
                vi: format!("Tệp “{name}” trống"),
                en: Some(format!("“{name}” is empty")),
            },
            Refusal::Unreadable => Text {
                vi: format!(
                    "Không đọc được ảnh “{name}”: hãy chụp lại, hoặc chọn ảnh JPG hoặc PNG"
                ),
                en: Some(format!(
                    "The photo “{name}” cannot be read: take it again, or choose a JPG or PNG photo"
                )),
            },
            Refusal::TooMany => Text {
                vi: format!("Mỗi giấy tờ đính kèm tối đa {MAX_PER_DOCUMENT} tệp"),
                en: Some(format!(
                    "At most {MAX_PER_DOCUMENT} files for each document"
                )),
            },
            Refusal::TooMuch => Text {
                vi: format!(
                    "Không nhận thêm được “{name}”: mỗi hồ sơ tối đa {MAX_STAGED_FILES} tệp, {} MB. Hãy bỏ bớt ảnh",
                    MAX_STAGED_BYTES / (1024 * 1024)
                ),
                en: Some(format!(
                    "“{name}” cannot be added: a dossier has at most {MAX_STAGED_FILES} files, {} MB. Remove some photos",
                    MAX_STAGED_BYTES / (1024 * 1024)
                )),
            },
            Refusal::DeviceFull => Text {
                vi: format!("Thiết bị đã hết chỗ lưu “{name}”: hãy xóa bớt ảnh hoặc hồ sơ cũ"),
                en: Some(format!(
                    "This device has no room left for “{name}”: remove some photos or old dossiers"
                )),
            },
            Refusal::NotKept => Text {
                vi: format!("Trình duyệt không lưu được “{name}” trên thiết bị này. Hãy thử lại"),
                en: Some(format!(
                    "The browser could not keep “{name}” on this device. Try again"
                )),
            },
            Refusal::Active => Text {
                vi: format!(
                    "Không nhận được tệp “{name}” vì tệp chứa mã lệnh hoặc tệp đính kèm bên trong. Hãy in lại thành PDF, hoặc chụp ảnh giấy tờ"
                ),
                en: Some(format!(
                    "“{name}” cannot be attached: it contains scripts or files of its own. Print it to PDF again, or take a photo of the paper"
                )),
            },
        }
    }
}

/// How far into a file a PDF's header (`%PDF-`) may start: readers accept a header anywhere in
/// the first 1,024 bytes (ISO 32000-2 annex; Adobe's and pdf.js' readers do), and some scanners
/// and phones write a byte order mark or a line break before it.
pub const PDF_HEADER_WITHIN: usize = 1024;

/// What a file is, told by its first bytes (never by its name or the type the browser claims).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    Jpeg,
    Png,
    WebP,
    Gif,
    Pdf,
}

impl Content {
    /// How the device keeps this kind: pictures are re-encoded, PDFs kept as they are.
    pub fn handling(self) -> Handling {
        match self {
            Content::Pdf => Handling::Pdf,
            _ => Handling::Photo,
        }
    }
}

/// The kind of a file from its first bytes (at least [`PDF_HEADER_WITHIN`] of them, when the
/// file is that long): JPEG, PNG, WebP and GIF by their signatures at the start, PDF by its
/// header within the first [`PDF_HEADER_WITHIN`] bytes.
pub fn content_of(head: &[u8]) -> Option<Content> {
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(Content::Jpeg)
    } else if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(Content::Png)
    } else if head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP" {
        Some(Content::WebP)
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some(Content::Gif)
    } else if head[..head.len().min(PDF_HEADER_WITHIN)]
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        Some(Content::Pdf)
    } else {
        None
    }
}

/// Decides, on the device and before anything is kept, whether and how a file is kept: by its
/// content ([`content_of`] of its first bytes `head`), whatever its name or the type the browser
/// reports, so a PDF named `.jpg` is kept as a PDF and a photo named `.pdf` as a photo; then by
/// its size. The server applies the same content check ([`check_sent`]) to what the device
/// sends; a PDF is also checked whole by [`pdf_active_content`] on both sides.
///
/// # Errors
/// [`Refusal::TooMany`] past [`MAX_PER_DOCUMENT`]; [`Refusal::Empty`] for zero bytes;
/// [`Refusal::Unreadable`] when the browser calls it an image but its bytes are none we read;
/// [`Refusal::Type`] for anything else that is neither a picture nor a PDF;
/// [`Refusal::TooLarge`] past [`MAX_PHOTO_BYTES`] / [`MAX_PDF_BYTES`].
pub fn accept(head: &[u8], mime: &str, size: u64, already: usize) -> Result<Handling, Refusal> {
    if already >= MAX_PER_DOCUMENT {
        return Err(Refusal::TooMany);
    }
    if size == 0 {
        return Err(Refusal::Empty);
    }
    let handling = match content_of(head) {
        Some(content) => content.handling(),
        None if mime.to_ascii_lowercase().starts_with("image/") => {
            return Err(Refusal::Unreadable);
        }
        None => return Err(Refusal::Type),
    };
    let limit = match handling {
        Handling::Photo => MAX_PHOTO_BYTES,
        Handling::Pdf => MAX_PDF_BYTES,
    };
    if size > limit {
        Err(Refusal::TooLarge {
            limit_mb: limit / (1024 * 1024),
        })
    } else {
        Ok(handling)
    }
}

/// What the device sends, after a photo was re-encoded: a JPEG is at most this large (a
/// 2000 × 2000 photo at quality 0.85 is far smaller).
pub const MAX_SENT_PHOTO_BYTES: u64 = 8 * 1024 * 1024;

/// The kinds of file the server keeps, told by their first bytes, not by their name or the type
/// the browser claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sent {
    Jpeg,
    Pdf,
}

impl Sent {
    /// The kind a stored type names (as [`Sent::mime`] gives it), if it is one.
    pub fn from_mime(mime: &str) -> Option<Sent> {
        [Sent::Jpeg, Sent::Pdf]
            .into_iter()
            .find(|kind| kind.mime().eq_ignore_ascii_case(mime))
    }

    /// The file name's extension for this kind.
    pub fn extension(self) -> &'static str {
        match self {
            Sent::Jpeg => "jpg",
            Sent::Pdf => "pdf",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Sent::Jpeg => "image/jpeg",
            Sent::Pdf => "application/pdf",
        }
    }

    pub fn limit(self) -> u64 {
        match self {
            Sent::Jpeg => MAX_SENT_PHOTO_BYTES,
            Sent::Pdf => MAX_PDF_BYTES,
        }
    }
}

/// The kind of a file the server keeps, from its first bytes ([`content_of`]): a JPEG (what
/// the device makes of every photo) or a PDF.
pub fn sniff(head: &[u8]) -> Option<Sent> {
    match content_of(head)? {
        Content::Jpeg => Some(Sent::Jpeg),
        Content::Pdf => Some(Sent::Pdf),
        _ => None,
    }
}

/// Checks a file the server received: its content ([`sniff`] of its first
/// [`PDF_HEADER_WITHIN`] bytes, `head`) must be a JPEG or PDF, the same kind the device
/// declared, not empty and within the limit.
pub fn check_sent(declared_mime: &str, head: &[u8], size: u64) -> Result<Sent, Refusal> {
    if size == 0 {
        return Err(Refusal::Empty);
    }
    let kind = sniff(head).ok_or(Refusal::Type)?;
    if !declared_mime.eq_ignore_ascii_case(kind.mime()) {
        return Err(Refusal::Type);
    }
    if size > kind.limit() {
        return Err(Refusal::TooLarge {
            limit_mb: kind.limit() / (1024 * 1024),
        });
    }
    Ok(kind)
}

/// Files one dossier may have waiting on the server before the dossier itself arrives (under its
/// sending key): far more than any procedure's papers need ([`MAX_PER_DOCUMENT`] per document).
pub const MAX_STAGED_FILES: u32 = 100;
/// Their bytes in all.
pub const MAX_STAGED_BYTES: u64 = 100 * 1024 * 1024;
/// How long a file sent for a dossier not yet stored is kept: a day. A file swept meanwhile is
/// not lost: the dossier is refused with `AttachmentsMissing` and the outbox sends its files again.
pub const STAGED_FOR_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// The name a resident's file is downloaded under, built by the server from what it checked —
/// never the name the device sent (`…vil.html` would otherwise reach an officer's disk as a page):
/// `{reference}-{document}-{attachment}.{extension}` (the extension of the checked kind,
/// [`Sent::extension`]), each part cut to letters, digits, `_` and `-` (ASCII), the attachment id
/// to its first 8.
pub fn served_name(reference: &str, document: &str, attachment: &str, extension: &str) -> String {
    fn part(text: &str, most: usize) -> String {
        let kept: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .take(most)
            .collect();
        if kept.is_empty() { "x".into() } else { kept }
    }
    format!(
        "{}-{}-{}.{}",
        part(reference, 20),
        part(document, 60),
        part(attachment, 8),
        part(extension, 4)
    )
}

/// PDF names that make a reader run or open something: scripts (`/JavaScript`, `/JS`), programs
/// (`/Launch`), files carried inside (`/EmbeddedFile`, `/EmbeddedFiles`), Flash and 3D
/// (`/RichMedia`) and XML forms (`/XFA`, whose scripts some readers run). A scanned paper needs
/// none of them. (`/OpenAction` alone is left alone: most PDF writers use it to set the first
/// view; an action that runs something names one of these.)
const ACTIVE_PDF_NAMES: [&[u8]; 7] = [
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
];

/// The first active name (see [`ACTIVE_PDF_NAMES`]) in a PDF's objects, with `#xx` escapes in
/// names read as the bytes they stand for (ISO 32000-1 §7.3.5), or `None`. The data of streams
/// (`stream` … `endstream`: the scanned images, mostly) is skipped, where bytes that happen to
/// spell `/JS` mean nothing; names inside compressed object streams are therefore not seen either:
/// served files are also downloads with a sandboxing policy, so a name missed here still cannot
/// run in the portal.
pub fn pdf_active_content(bytes: &[u8]) -> Option<&'static str> {
    let delimiter = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0;
    let mut i = 0;
    while i < bytes.len() {
        // `stream` then an end of line starts a stream's data (§7.3.8.1): skip to `endstream`.
        if bytes[i..].starts_with(b"stream")
            && (i == 0 || delimiter(bytes[i - 1]))
            && matches!(bytes.get(i + 6), Some(b'\r' | b'\n'))
        {
            let data = i + 6;
            match bytes[data..].windows(9).position(|w| w == b"endstream") {
                Some(end) => {
                    i = data + end + 9;
                    continue;
                }
                None => return None,
            }
        }
        if bytes[i] != b'/' {
            i += 1;
            continue;
        }
        i += 1;
        let mut name = Vec::new();
        while i < bytes.len() && !delimiter(bytes[i]) && name.len() < 64 {
            let b = bytes[i];
            let escaped = (b == b'#' && i + 2 < bytes.len())
                .then(|| std::str::from_utf8(&bytes[i + 1..i + 3]).ok())
                .flatten()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok());
            match escaped {
                Some(byte) => {
                    name.push(byte);
                    i += 3;
                }
                None => {
                    name.push(b);
                    i += 1;
                }
            }
        }
        if let Some(found) = ACTIVE_PDF_NAMES.iter().find(|n| **n == name.as_slice()) {
            return std::str::from_utf8(found).ok();
        }
    }
    None
}

/// The size a photo is drawn at: the longest side at most [`MAX_SIDE`], proportions kept, never
/// enlarged.
pub fn scaled(width: u32, height: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= MAX_SIDE || longest == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(MAX_SIDE) / f64::from(longest);
    let w = (f64::from(width) * scale).round().max(1.0) as u32;
    let h = (f64::from(height) * scale).round().max(1.0) as u32;
    (w.min(MAX_SIDE), h.min(MAX_SIDE))
}

/// The name a re-encoded photo is kept under: `IMG_1234.png` becomes `IMG_1234.jpg`.
pub fn jpeg_name(name: &str) -> String {
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    let stem = if stem.trim().is_empty() { "anh" } else { stem };
    format!("{stem}.jpg")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_server_tells_files_by_content_not_by_name_or_claim() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        assert_eq!(check_sent("image/jpeg", &jpeg, 1000), Ok(Sent::Jpeg));
        assert_eq!(
            check_sent("application/pdf", b"%PDF-1.7\n", 1000),
            Ok(Sent::Pdf)
        );
        // An HTML page called photo.jpg, a PNG declared as JPEG, a PDF declared as a photo.
        assert_eq!(
            check_sent("image/jpeg", b"<html>", 1000),
            Err(Refusal::Type)
        );
        assert_eq!(
            check_sent("image/jpeg", &[0x89, b'P', b'N', b'G'], 1000),
            Err(Refusal::Type)
        );
        assert_eq!(
            check_sent("image/jpeg", b"%PDF-1.4", 1000),
            Err(Refusal::Type)
        );
        assert_eq!(check_sent("image/jpeg", &[], 0), Err(Refusal::Empty));
        assert_eq!(
            check_sent("application/pdf", b"%PDF-1.4", MAX_PDF_BYTES + 1),
            Err(Refusal::TooLarge { limit_mb: 5 })
        );
        assert_eq!(
            check_sent("image/jpeg", &jpeg, MAX_SENT_PHOTO_BYTES + 1),
            Err(Refusal::TooLarge { limit_mb: 8 })
        );
    }

    const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn photos_and_pdfs_are_accepted_within_their_limits() {
        assert_eq!(
            accept(JPEG, "image/jpeg", 8_000_000, 0),
            Ok(Handling::Photo)
        );
        // A screenshot.
        assert_eq!(accept(PNG, "IMAGE/PNG", 1, 0), Ok(Handling::Photo));
        assert_eq!(
            accept(b"RIFF\0\0\0\0WEBPVP8 ", "image/webp", 1, 0),
            Ok(Handling::Photo)
        );
        assert_eq!(
            accept(b"%PDF-1.7\n", "application/pdf", 1_000_000, 0),
            Ok(Handling::Pdf)
        );
        assert_eq!(
            accept(b"%PDF-1.7\n", "application/pdf", 6 * 1024 * 1024, 0),
            Err(Refusal::TooLarge { limit_mb: 5 })
        );
        assert_eq!(
            accept(JPEG, "image/jpeg", 26 * 1024 * 1024, 0),
            Err(Refusal::TooLarge { limit_mb: 25 })
        );
        assert_eq!(accept(b"hello", "text/plain", 10, 0), Err(Refusal::Type));
        assert_eq!(accept(b"hello", "", 10, 0), Err(Refusal::Type));
        // An iPhone's HEIC photo the browser cannot draw, a damaged photo.
        assert_eq!(
            accept(b"\0\0\0\x18ftypheic", "image/heic", 10, 0),
            Err(Refusal::Unreadable)
        );
        assert_eq!(accept(b"", "image/jpeg", 0, 0), Err(Refusal::Empty));
        assert_eq!(accept(b"", "application/pdf", 0, 0), Err(Refusal::Empty));
        assert_eq!(
            accept(JPEG, "image/jpeg", 10, MAX_PER_DOCUMENT),
            Err(Refusal::TooMany)
        );
    }

    #[test]
    fn a_file_is_kept_by_what_it_is_not_by_its_name_or_claimed_type() {
        // A PDF saved as "scan.jpg", a photo saved as "anh.pdf", a screenshot called ".jpg".
        assert_eq!(
            accept(b"%PDF-1.4\n", "image/jpeg", 100, 0),
            Ok(Handling::Pdf)
        );
        assert_eq!(accept(JPEG, "application/pdf", 100, 0), Ok(Handling::Photo));
        assert_eq!(accept(PNG, "image/jpeg", 100, 0), Ok(Handling::Photo));
        assert_eq!(
            accept(b"%PDF-1.4\n", "application/octet-stream", 100, 0),
            Ok(Handling::Pdf)
        );
    }

    #[test]
    fn a_pdf_header_after_a_few_bytes_is_a_pdf_as_readers_read_it() {
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(b"%PDF-1.7\n");
        for head in [
            b"\r\n%PDF-1.7\n".to_vec(),
            bom,
            [vec![b' '; PDF_HEADER_WITHIN - 5], b"%PDF-1.4".to_vec()].concat(),
        ] {
            assert_eq!(content_of(&head), Some(Content::Pdf));
            assert_eq!(accept(&head, "application/pdf", 1000, 0), Ok(Handling::Pdf));
            assert_eq!(check_sent("application/pdf", &head, 1000), Ok(Sent::Pdf));
        }
        // Past the first 1,024 bytes it is not a PDF header.
        let late = [vec![b' '; PDF_HEADER_WITHIN - 4], b"%PDF-1.4".to_vec()].concat();
        assert_eq!(content_of(&late), None);
        assert_eq!(
            check_sent("application/pdf", &late, 1000),
            Err(Refusal::Type)
        );
    }

    #[test]
    fn photos_are_scaled_down_to_2000_pixels_on_the_longest_side() {
        assert_eq!(scaled(4000, 3000), (2000, 1500));
        assert_eq!(scaled(3000, 4000), (1500, 2000));
        assert_eq!(scaled(1200, 900), (1200, 900), "never enlarged");
        assert_eq!(scaled(10000, 10), (2000, 2));
        assert_eq!(scaled(0, 0), (1, 1));
    }

    #[test]
    fn re_encoded_photos_are_named_jpg() {
        assert_eq!(jpeg_name("IMG_1234.PNG"), "IMG_1234.jpg");
        assert_eq!(jpeg_name("giay.chung.sinh.webp"), "giay.chung.sinh.jpg");
        assert_eq!(jpeg_name(".png"), ".png.jpg");
        assert_eq!(jpeg_name(""), "anh.jpg");
    }

    #[test]
    fn a_served_name_is_built_from_checked_parts_never_the_residents() {
        assert_eq!(
            served_name("K7QM3XPAR9TV2", "birth_certificate", "1a2b3c4d-5e6f", "jpg"),
            "K7QM3XPAR9TV2-birth_certificate-1a2b3c4d.jpg"
        );
        let name = served_name("../..", "evil.html\"<script>", "", Sent::Pdf.extension());
        assert_eq!(name, "x-evilhtmlscript-x.pdf");
        assert_eq!(Sent::from_mime("IMAGE/JPEG"), Some(Sent::Jpeg));
        assert_eq!(Sent::from_mime("text/html"), None);
    }

    #[test]
    fn pdfs_with_scripts_launches_or_embedded_files_are_found_even_escaped() {
        let plain = b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj";
        assert_eq!(pdf_active_content(plain), None);
        for (pdf, found) in [
            (
                &b"%PDF-1.4 << /S /JavaScript /JS (app.alert(1)) >>"[..],
                "JavaScript",
            ),
            (
                b"%PDF-1.4 << /OpenAction << /S /Launch /F (cmd.exe) >> >>",
                "Launch",
            ),
            (
                b"%PDF-1.4 << /Names << /EmbeddedFiles 5 0 R >> >>",
                "EmbeddedFiles",
            ),
            (b"%PDF-1.4 << /S /Java#53cript >>", "JavaScript"),
            (b"%PDF-1.4 << /AcroForm << /XFA 9 0 R >> >>", "XFA"),
            (b"%PDF-1.4<</JS(x)>>", "JS"),
        ] {
            assert_eq!(
                pdf_active_content(pdf),
                Some(found),
                "{}",
                String::from_utf8_lossy(pdf)
            );
        }
        // Bytes inside a stream's data are not names, whatever they spell; after it, names are.
        let image =
            b"%PDF-1.4\n4 0 obj << /Length 9 >>\nstream\n\x00/JS \xff\xd8\nendstream\nendobj";
        assert_eq!(pdf_active_content(image), None);
        let mut after = image.to_vec();
        after.extend_from_slice(b"\n5 0 obj << /S /Launch >>");
        assert_eq!(pdf_active_content(&after), Some("Launch"));
        // A longer name that starts like one is another name.
        assert_eq!(pdf_active_content(b"%PDF-1.4 /JSON /Launcher /XFAx"), None);
        // A name cut off at the end of the file, or a lone '#', is no crash.
        assert_eq!(pdf_active_content(b"/Java#5"), None);
        assert_eq!(pdf_active_content(b"/#"), None);
    }

    #[test]
    fn every_refusal_names_the_file_in_both_languages() {
        for refusal in [
            Refusal::Type,
            Refusal::TooLarge { limit_mb: 5 },
            Refusal::Empty,
            Refusal::Unreadable,
            Refusal::DeviceFull,
            Refusal::NotKept,
            Refusal::Active,
            Refusal::TooMuch,
        ] {
            let text = refusal.text("x.txt");
            assert!(text.vi.contains("x.txt") && text.en.unwrap().contains("x.txt"));
        }
    }
}
