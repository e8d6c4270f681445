//! Which of the device's voices reads a text aloud (plain Rust; the browser lists the voices).
//!
//! A Vietnamese page must be read by a Vietnamese voice: an English voice reading Vietnamese is
//! worse than silence, so when the device has none the resident is told so instead.

/// One voice as the browser describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    pub name: String,
    /// A BCP 47 tag such as `vi-VN`, `en-GB` (some browsers write `vi_VN`).
    pub lang: String,
    /// Installed on the device (works offline), as opposed to a network voice.
    pub local: bool,
}

/// Why a text could not be read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech synthesis at all.
    Unsupported,
    /// The device has no voice for the text's language (`vi` or `en`).
    NoVoice(&'static str),
}

/// The language tag to ask for when speaking a text in `language` (`vi` or `en`).
pub fn speech_lang(language: &str) -> &'static str {
    match language {
        "en" => "en-GB",
        _ => "vi-VN",
    }
}

/// The primary language of a tag: `vi` for `vi-VN`, `vi_VN` or `VI`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The index of the best voice for `language` (`vi` or `en`): the exact regional tag first, then
/// any voice of the language; a voice on the device before a network one. `None` when the device
/// has no voice for the language.
pub fn pick(voices: &[Voice], language: &str) -> Option<usize> {
    let wanted = speech_lang(language).to_ascii_lowercase().replace('_', "-");
    voices
        .iter()
        .enumerate()
        .filter(|(_, v)| primary(&v.lang) == language)
        .max_by_key(|(i, v)| {
            let exact = v.lang.to_ascii_lowercase().replace('_', "-") == wanted;
            // Earlier voices win ties (browsers list their preferred voice first).
            (exact, v.local, usize::MAX - i)
        })
        .map(|(i, _)| i)
}

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

    fn voice(name: &str, lang: &str, local: bool) -> Voice {
        Voice {
            name: name.into(),
            lang: lang.into(),
            local,
        }
    }

    #[test]
    fn a_vietnamese_voice_reads_vietnamese() {
        let voices = [
            voice("Google US English", "en-US", false),
            voice("Linh", "vi-VN", true),
            voice("Daniel", "en-GB", true),
        ];
        assert_eq!(pick(&voices, "vi"), Some(1));
        assert_eq!(pick(&voices, "en"), Some(2));
    }

    #[test]
    fn no_vietnamese_voice_is_said_not_guessed() {
        let voices = [voice("Samantha", "en-US", true)];
        assert_eq!(pick(&voices, "vi"), None);
        assert_eq!(pick(&[], "vi"), None);
        // Any English voice will do for English.
        assert_eq!(pick(&voices, "en"), Some(0));
    }

    #[test]
    fn regional_tag_and_device_voices_come_first() {
        let voices = [
            voice("Network vi", "vi-VN", false),
            voice("Plain vi", "vi", true),
            voice("Device vi", "vi_VN", true),
        ];
        assert_eq!(pick(&voices, "vi"), Some(2));
        let voices = [voice("A", "vi-VN", true), voice("B", "vi-VN", true)];
        assert_eq!(pick(&voices, "vi"), Some(0));
        assert_eq!(speech_lang("vi"), "vi-VN");
        assert_eq!(speech_lang("en"), "en-GB");
    }

    #[test]
    fn texts_read_together_pause_between_sentences() {
        assert_eq!(
            read_together(["Ai đi đăng ký?", " Cha hoặc mẹ ", "", "Người khác"]),
            "Ai đi đăng ký? Cha hoặc mẹ. Người khác."
        );
        assert_eq!(read_together([]), "");
    }
}
