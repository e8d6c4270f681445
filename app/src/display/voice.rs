//! What a Listen button reads aloud. (Which of the device's voices reads it is the browser's side:
//! `/page.js` picks a voice of the text's own language — `vi-VN` or `en-GB` first, a voice on the
//! device before a network one — and says so when the device has none, because an English voice
//! reading Vietnamese is worse than silence.)

/// Texts read one after another: each ends as a sentence, so the voice pauses between them.
pub fn read_together<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            if p.ends_with(['.', '?', '!', ':', '…']) {
                p.to_string()
            } else {
                format!("{p}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_together_pause_between_sentences() {
        assert_eq!(
            read_together(["Ai đi đăng ký?", " Cha hoặc mẹ ", "", "Người khác"]),
            "Ai đi đăng ký? Cha hoặc mẹ. Người khác."
        );
        assert_eq!(read_together([]), "");
    }
}
