//! Cleaning the national portal's texts: stray characters, list markers, lines broken mid-sentence.

use app::catalogue::text::fold;

/// One line of text, in the one clean form of typed text ([`app::input::clean`]: composed
/// (NFC), without invisible format characters, every kind of space a space), runs of white
/// space made one space, trimmed.
pub fn squash(text: &str) -> String {
    let text = app::input::clean(text);
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// Length of a list marker at the start of `text` ("- ", "+ ", "* ", "• ", "a) ", "1. ", "(2) ",
/// "1.2. ", "g.1) ", "(i) "), or 0.
fn marker_len(text: &str) -> usize {
    let mut chars = text.char_indices().peekable();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    if matches!(first, '-' | '+' | '*' | '•' | '–' | '·' | '\u{f0b7}') {
        let rest = &text[first.len_utf8()..];
        return first.len_utf8() + (rest.len() - rest.trim_start().len());
    }
    // Enumerations: an optional "(", then digits/dots or one letter (optionally ".digit"s) or a
    // roman numeral, then ")" or "." and a space.
    let body_start = usize::from(first == '(');
    let body = &text[body_start..];
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c.is_alphabetic()))
        .map(|(i, _)| i)
        .unwrap_or(body.len());
    let token = &body[..end];
    let after = &body[end..];
    let closes = after.starts_with(')') || (token.ends_with('.') && body_start == 0);
    if token.is_empty() || !closes {
        return 0;
    }
    let token = token.trim_end_matches('.');
    let letters: Vec<char> = token.chars().filter(|c| c.is_alphabetic()).collect();
    let numbered = token.chars().next().is_some_and(|c| c.is_ascii_digit())
        && token.chars().all(|c| c.is_ascii_digit() || c == '.');
    let lettered = letters.len() == 1
        && token.chars().next().is_some_and(char::is_alphabetic)
        && token
            .chars()
            .skip(1)
            .all(|c| c.is_ascii_digit() || c == '.');
    let roman = !letters.is_empty()
        && letters.len() <= 4
        && letters.len() == token.chars().count()
        && letters.iter().all(|c| matches!(c, 'i' | 'v' | 'x'))
        && body_start == 1;
    if !(numbered || lettered || roman) {
        return 0;
    }
    let consumed = body_start + end + usize::from(after.starts_with(')'));
    let rest = &text[consumed..];
    if !rest.starts_with(char::is_whitespace) {
        return 0;
    }
    consumed + (rest.len() - rest.trim_start().len())
}

/// Drops the list markers at the start of one line: "- a) Tờ khai" → "Tờ khai".
pub fn strip_marker(text: &str) -> String {
    let mut text = squash(text);
    loop {
        let len = marker_len(&text);
        if len == 0 || len >= text.len() {
            break;
        }
        text = text[len..].to_string();
    }
    // "Bước 1:" — the portal numbers steps in the text; the page numbers them itself.
    let folded = fold(&text);
    if let Some(rest) = folded.strip_prefix("buoc ") {
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            let after = rest[digits..].trim_start_matches([':', '.', ')']);
            let cut = folded.len() - after.len();
            // Folding keeps byte lengths only for ASCII; find the same char position instead.
            let chars_cut = folded[..cut].chars().count();
            text = text
                .chars()
                .skip(chars_cut)
                .collect::<String>()
                .trim()
                .to_string();
        }
    }
    text
}

/// Splits a block of text into its items: lines and inline bullets become separate items, lines
/// broken mid-sentence are joined back, markers are dropped, empty items vanish.
pub fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in split_inline_bullets(text).lines() {
        let squashed = squash(line);
        if squashed.is_empty() {
            continue;
        }
        let continues = squashed.chars().next().is_some_and(char::is_lowercase)
            && marker_len(&squashed) == 0
            && out
                .last()
                .is_some_and(|last| !last.ends_with(['.', ':', ';']));
        if continues {
            let last = out.last_mut().expect("checked above");
            last.push(' ');
            last.push_str(&squashed);
        } else {
            let item = strip_marker(&squashed);
            if item.chars().any(char::is_alphanumeric) {
                out.push(item);
            }
        }
    }
    out
}

/// Puts bullets that follow the end of a sentence on their own line: "…sau: - A; - B" → lines.
fn split_inline_bullets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        let ends_sentence = matches!(c, '.' | ';' | ':');
        if ends_sentence {
            let mut j = i + 1;
            while j < chars.len() && chars[j] == ' ' {
                j += 1;
            }
            let bullet = j > i + 1
                && j + 1 < chars.len()
                && matches!(chars[j], '-' | '+')
                && chars[j + 1] == ' ';
            if bullet {
                out.push('\n');
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Removes the leading "Thủ tục" from a procedure name: "Thủ tục đăng ký khai sinh" →
/// "Đăng ký khai sinh".
pub fn procedure_name(name: &str) -> String {
    let name = squash(name);
    let name = name.trim_end_matches('.').trim();
    let stripped = name
        .strip_prefix("Thủ tục ")
        .or_else(|| name.strip_prefix("thủ tục "))
        .filter(|rest| !rest.is_empty());
    match stripped {
        Some(rest) => capitalize(rest),
        None => name.to_string(),
    }
}

/// First letter in upper case.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squashes_white_space_and_invisible_characters() {
        assert_eq!(squash("  Tờ khai\u{200e}  theo\n mẫu "), "Tờ khai theo mẫu");
    }

    #[test]
    fn strips_list_markers() {
        assert_eq!(strip_marker("- Giấy chứng sinh;"), "Giấy chứng sinh;");
        assert_eq!(strip_marker("+ Bản chính"), "Bản chính");
        assert_eq!(strip_marker("a) Tờ khai hàng hóa"), "Tờ khai hàng hóa");
        assert_eq!(strip_marker("g.1) Giấy phép"), "Giấy phép");
        assert_eq!(strip_marker("(1) Đơn đề nghị"), "Đơn đề nghị");
        assert_eq!(
            strip_marker("1.2. Đối với người lao động"),
            "Đối với người lao động"
        );
        assert_eq!(
            strip_marker("(i) Trường hợp hồ sơ đầy đủ"),
            "Trường hợp hồ sơ đầy đủ"
        );
        assert_eq!(strip_marker("* - Tờ khai"), "Tờ khai");
        assert_eq!(
            strip_marker("Bước 2: Cá nhân nộp hồ sơ"),
            "Cá nhân nộp hồ sơ"
        );
    }

    #[test]
    fn keeps_words_that_look_like_markers() {
        assert_eq!(
            strip_marker("Hộ chiếu/Thẻ căn cước"),
            "Hộ chiếu/Thẻ căn cước"
        );
        assert_eq!(strip_marker("01 bản chính"), "01 bản chính");
        assert_eq!(strip_marker("Văn bản ủy quyền"), "Văn bản ủy quyền");
        assert_eq!(strip_marker("-"), "-");
    }

    #[test]
    fn splits_items_and_joins_broken_lines() {
        let text =
            "Bước 1: Nộp hồ sơ tại Trung\ntâm Phục vụ hành chính công.\n\n Bước 2: Nhận kết quả.";
        assert_eq!(
            items(text),
            [
                "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công.",
                "Nhận kết quả."
            ]
        );
        assert_eq!(
            items("*Lưu ý: - Văn bản không bắt buộc công chứng. - Người nước ngoài khai báo."),
            [
                "Lưu ý:",
                "Văn bản không bắt buộc công chứng.",
                "Người nước ngoài khai báo."
            ]
        );
    }

    #[test]
    fn drops_the_leading_thu_tuc() {
        assert_eq!(
            procedure_name("Thủ tục đăng ký khai sinh"),
            "Đăng ký khai sinh"
        );
        assert_eq!(procedure_name("Đăng ký tạm trú"), "Đăng ký tạm trú");
        assert_eq!(
            procedure_name("Thủ tục cấp Giấy xác nhận tình trạng hôn nhân"),
            "Cấp Giấy xác nhận tình trạng hôn nhân"
        );
    }
}
