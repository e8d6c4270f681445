//! Vietnamese text as residents type it: lower case, without tones or hats, split into words.

/// Vowels with their diacritics, grouped by the letter they fold to.
const FOLDS: [(char, &str); 6] = [
    ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
    ('e', "èéẻẽẹêềếểễệ"),
    ('i', "ìíỉĩị"),
    ('o', "òóỏõọôồốổỗộơờớởỡợ"),
    ('u', "ùúủũụưừứửữự"),
    ('y', "ỳýỷỹỵ"),
];

/// Folds one lower-case character: `ế` → `e`, `đ` → `d`; other characters are unchanged.
fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    if c == 'đ' {
        return 'd';
    }
    for (base, accented) in FOLDS {
        if accented.contains(c) {
            return base;
        }
    }
    c
}

/// True for the combining marks some keyboards type after the letter (U+0300–U+036F).
fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036f}').contains(&c)
}

/// Lower case without diacritics: "Đăng ký Khai sinh" → "dang ky khai sinh"; read as
/// [`crate::input::clean`] makes it first (a zero-width space inside a word is no break).
pub fn fold(text: &str) -> String {
    let text = crate::input::clean(text);
    let mut folded = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if !is_combining_mark(c) {
            folded.push(fold_char(c));
        }
    }
    folded
}

/// The words of `text`, folded: letters and digits, split on everything else.
/// Dots inside numbers stay ("1.001193", "14/2020" → "14", "2020").
pub fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    let mut words = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = folded.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit_dot = c == '.'
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_alphanumeric() || digit_dot {
            current.push(c);
        } else if !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_tone_and_hat() {
        assert_eq!(fold("Đăng ký khai sinh"), "dang ky khai sinh");
        assert_eq!(
            fold("Xác nhận tình trạng hôn nhân"),
            "xac nhan tinh trang hon nhan"
        );
        assert_eq!(fold("TẠM TRÚ"), "tam tru");
        assert_eq!(fold("Thường trú"), "thuong tru");
        assert_eq!(fold("ƯỚC ĐỊNH Ỷ ỹ"), "uoc dinh y y");
    }

    #[test]
    fn folds_decomposed_input() {
        // "khai tử" typed as letters followed by combining marks.
        assert_eq!(fold("khai tu\u{031b}\u{0309}"), "khai tu");
    }

    #[test]
    fn splits_words_and_keeps_codes() {
        assert_eq!(
            words("Thủ tục đăng ký, kết hôn!"),
            ["thu", "tuc", "dang", "ky", "ket", "hon"]
        );
        assert_eq!(words("mã 1.001193."), ["ma", "1.001193"]);
        assert_eq!(words("  "), Vec::<String>::new());
    }
}
