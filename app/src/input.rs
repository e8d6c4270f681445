//! Text as residents' phones and keyboards really send it, made into one form before any rule
//! reads it (plain Rust, the same on both sides). Every typed field of a dossier
//! (`dossier::validate`), every search query (`catalogue::text`) and every code a resident
//! types (tracking, hand-off) goes through [`clean`].
//!
//! What the same text arrives as, and what [`clean`] makes of it:
//! - **decomposed** (NFD: Unikey's "Unicode tổ hợp", text pasted on macOS): "e" + U+0302 + U+0301
//!   → "ế". Unicode Normalization Form C (UAX #15): in the browser by its own
//!   `String.prototype.normalize("NFC")` (no tables in the wasm), on the server by the
//!   `unicode-normalization` crate;
//! - **format characters** (Unicode category Cf) that show nothing: zero-width space and joiners
//!   (chat apps), bidi marks and embeddings (iOS wraps copied phone numbers in U+202D … U+202C),
//!   the byte order mark, the soft hyphen: removed;
//! - **every kind of space** (no-break, narrow, ideographic, tab…) → a plain space; line breaks
//!   stay (long texts keep their paragraphs);
//! - **full-width forms** (U+FF01–U+FF5E, Asian keyboards' digits and letters) → their ASCII
//!   letters, digits and signs, as compatibility normalization (NFKC) maps them;
//! - **letters that look like đ/Đ**: Ð (U+00D0, from legacy VNI/TCVN3 text), ð, Ɖ, ɖ → Đ/đ
//!   (U+0110/U+0111), the only Vietnamese letters with a look-alike that is not one of them;
//! - **control characters** (C0 and C1 but the line breaks, which stay, and the tab, a space):
//!   NUL, escape, delete…, from broken keyboards, pasted terminal text or forged requests:
//!   removed. Nothing shows them, and PostgreSQL's text refuses NUL.
//!
//! Nothing else changes: case, punctuation and the words stay as typed; trimming is each rule's.

/// The one clean form of typed text (see the module's list). Idempotent:
/// `clean(&clean(x)) == clean(x)`.
pub fn clean(text: &str) -> String {
    // A Windows line break ("\r\n") is one line break, and so is an old Mac's lone "\r".
    let text = text.replace("\r\n", "\n");
    let mapped: String = text.chars().filter_map(clean_char).collect();
    // Composing after the mapping: a mark separated from its letter by a removed zero-width
    // character composes with it.
    nfc(&mapped)
}

/// One character's clean form, or `None` for a format character.
fn clean_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return match c {
            '\t' => Some(' '),
            '\r' | '\n' => Some('\n'),
            c if c.is_ascii_control() => None,
            c => Some(c),
        };
    }
    // C1 controls; U+0085 (next line) is a line break below.
    if ('\u{80}'..='\u{9F}').contains(&c) && c != '\u{85}' {
        return None;
    }
    if is_format(c) {
        return None;
    }
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        'Ð' | 'Ɖ' => 'Đ',
        'ð' | 'ɖ' => 'đ',
        '\u{2028}' | '\u{2029}' | '\u{85}' => '\n',
        c if c.is_whitespace() => ' ',
        c => c,
    })
}

/// Unicode's default-ignorable format characters (general category Cf) that typed text carries:
/// soft hyphen, Arabic letter mark, Mongolian vowel separator, zero-width space/non-joiner/joiner,
/// left-to-right and right-to-left marks, bidi embeddings, overrides and isolates, word joiner
/// and invisible operators, the byte order mark (zero-width no-break space), interlinear
/// annotation marks, Arabic number signs, tag characters.
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}'
        | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}')
}

/// True when `text` is certainly in NFC already, told without tables: every character is in a
/// block whose characters are all their own composed form and combine with nothing (Basic
/// Latin to IPA Extensions U+0000–U+02FF, Latin Extended Additional U+1E00–U+1EFF, where
/// Vietnamese letters are, General Punctuation U+2010–U+205F). Most typed text is; the rest is
/// normalized.
fn surely_nfc(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c as u32, 0..=0x02FF | 0x1E00..=0x1EFF | 0x2010..=0x205F))
}

#[cfg(target_arch = "wasm32")]
fn nfc(text: &str) -> String {
    if surely_nfc(text) {
        return text.to_string();
    }
    js_sys::JsString::from(text).normalize("NFC").into()
}

#[cfg(not(target_arch = "wasm32"))]
fn nfc(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if surely_nfc(text) {
        return text.to_string();
    }
    text.nfc().collect()
}

/// The ways a clean text may arrive, for the tests of every rule that reads typed text: the
/// same text decomposed, wrapped in bidi marks, with zero-width spaces between its characters,
/// with a byte order mark, with full-width digits and letters, with no-break spaces.
#[cfg(test)]
pub fn disguises(text: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    let full_width = |c: char| match c {
        '!'..='~' => char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c),
        c => c,
    };
    vec![
        text.nfd().collect(),
        format!("\u{202D}{text}\u{202C}"),
        format!("\u{200E}{text}\u{200F}"),
        text.chars()
            .flat_map(|c| [c, '\u{200B}'])
            .collect::<String>(),
        format!("\u{FEFF}{text}\u{00AD}"),
        text.chars().map(full_width).collect(),
        text.replace(' ', "\u{00A0}"),
        text.replace(' ', "\u{3000}"),
        text.replace('Đ', "Ð").replace('đ', "ð"),
        text.nfd().flat_map(|c| [c, '\u{2060}']).collect::<String>(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_reported_cases_come_out_clean() {
        // Unikey's "Unicode tổ hợp" / macOS: "Nguyễn Văn An" decomposed.
        assert_eq!(
            clean("Nguye\u{0302}\u{0303}n Va\u{0306}n An"),
            "Nguyễn Văn An"
        );
        // A phone number copied on iOS.
        assert_eq!(clean("\u{202D}0912 345 678\u{202C}"), "0912 345 678");
        // An ID number pasted from a chat app.
        assert_eq!(clean("001085\u{200B}012345"), "001085012345");
        assert_eq!(clean("０９１２３４５６７８"), "0912345678");
        assert_eq!(clean("Ðặng Văn ðức"), "Đặng Văn đức");
        assert_eq!(clean("a\u{00A0}b\u{3000}c\u{2009}d\te"), "a b c d e");
        assert_eq!(clean("dòng 1\r\ndòng 2"), "dòng 1\ndòng 2");
        assert_eq!(clean("dòng 1\rdòng 2"), "dòng 1\ndòng 2");
        assert_eq!(clean("a\u{E0041}b"), "ab");
        assert_eq!(clean("hello"), "hello");
        // Control characters: NUL (which PostgreSQL's text refuses), escape, delete, C1.
        assert_eq!(
            clean("Nguyễn\0 Văn\u{1B}[0m An\u{7F}\u{9B}"),
            "Nguyễn Văn[0m An"
        );
        assert_eq!(clean("a\u{85}b\u{0C}c"), "a\nbc");
    }

    #[test]
    fn every_character_of_the_blocks_taken_as_composed_is() {
        use unicode_normalization::UnicodeNormalization;
        for range in [0..=0x02FF_u32, 0x1E00..=0x1EFF, 0x2010..=0x205F] {
            for c in range.filter_map(char::from_u32) {
                let one = c.to_string();
                assert!(surely_nfc(&one));
                assert_eq!(one.nfc().collect::<String>(), one, "U+{:04X}", c as u32);
                // And it composes with nothing that follows it in these blocks.
                assert_eq!(
                    format!("{one}a").nfc().collect::<String>(),
                    format!("{one}a")
                );
            }
        }
        assert!(!surely_nfc("e\u{0302}"));
    }

    #[test]
    fn a_mark_after_a_removed_character_still_composes() {
        assert_eq!(clean("Nguye\u{200B}\u{0302}\u{0303}n"), "Nguyễn");
    }

    fn vietnamese() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 àáảãạăằắẳẵặâầấẩẫậđĐèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ.,-]{0,40}"
    }

    proptest! {
        #[test]
        fn every_disguise_of_a_clean_text_cleans_to_it(text in vietnamese()) {
            let clean_text = clean(&text);
            for disguised in disguises(&clean_text) {
                prop_assert_eq!(clean(&disguised), clean_text.clone(), "{:?}", disguised);
            }
        }

        #[test]
        fn text_told_to_be_in_nfc_without_tables_is(text in any::<String>()) {
            use unicode_normalization::UnicodeNormalization;
            if surely_nfc(&text) {
                prop_assert_eq!(text.nfc().collect::<String>(), text.clone());
            }
        }

        #[test]
        fn cleaning_twice_changes_nothing(text in any::<String>()) {
            let once = clean(&text);
            prop_assert_eq!(clean(&once), once.clone());
        }
    }
}
