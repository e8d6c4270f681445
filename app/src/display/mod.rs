//! The resident's display and reading modes (plain Rust): large text, high contrast, simple mode,
//! read aloud, reduced motion and the help-desk view.
//!
//! They combine freely and are remembered on the device in one cookie, which the server reads
//! before rendering: the modes become attributes of `<html>` (`data-text="200"`,
//! `data-contrast`, …) in the very first HTML, so the first paint is already right. The style
//! sheet does the rest.

pub mod voice;

/// Name of the cookie holding the modes.
pub const COOKIE_NAME: &str = "motcua_display";

/// How long the choice is remembered: 400 days, like the language.
pub const COOKIE_MAX_AGE_SECONDS: i64 = 400 * 24 * 60 * 60;

/// The size of all text, relative to the normal size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextSize {
    #[default]
    Normal,
    Larger,
    Large,
    Largest,
}

impl TextSize {
    /// Every size, smallest first: three steps up to twice the normal size (WCAG 1.4.4).
    pub const ALL: [TextSize; 4] = [
        TextSize::Normal,
        TextSize::Larger,
        TextSize::Large,
        TextSize::Largest,
    ];

    /// The size in per cent of the normal size.
    pub fn percent(self) -> u16 {
        match self {
            TextSize::Normal => 100,
            TextSize::Larger => 125,
            TextSize::Large => 150,
            TextSize::Largest => 200,
        }
    }

    /// The size for a per-cent value as written in the cookie or a form (`"150"`).
    pub fn parse(value: &str) -> Option<TextSize> {
        let percent: u16 = value.trim().trim_end_matches('%').parse().ok()?;
        TextSize::ALL.into_iter().find(|s| s.percent() == percent)
    }
}

/// The modes, all off by default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Display {
    pub text: TextSize,
    /// Text at 7:1 contrast or more, thicker focus rings and borders.
    pub contrast: bool,
    /// One thing per screen, bigger targets, secondary links hidden, explicit Back buttons.
    pub simple: bool,
    /// "Listen" buttons beside questions, hints, results and checklist items.
    pub read_aloud: bool,
    /// No animation or smooth scrolling, whatever the device says.
    pub reduce_motion: bool,
    /// Step numbers and short references large enough to read out over the phone.
    pub assist: bool,
}

/// The names of the switches, as used in the cookie, in forms and in `data-*` attributes.
pub const CONTRAST: &str = "contrast";
pub const SIMPLE: &str = "simple";
pub const READ_ALOUD: &str = "speak";
pub const REDUCE_MOTION: &str = "calm";
pub const ASSIST: &str = "assist";
/// The form field and attribute of the text size.
pub const TEXT: &str = "text";

impl Display {
    /// The switches that are on, by name.
    fn switches(&self) -> [(&'static str, bool); 5] {
        [
            (CONTRAST, self.contrast),
            (SIMPLE, self.simple),
            (READ_ALOUD, self.read_aloud),
            (REDUCE_MOTION, self.reduce_motion),
            (ASSIST, self.assist),
        ]
    }

    fn set(&mut self, name: &str, on: bool) {
        match name {
            CONTRAST => self.contrast = on,
            SIMPLE => self.simple = on,
            READ_ALOUD => self.read_aloud = on,
            REDUCE_MOTION => self.reduce_motion = on,
            ASSIST => self.assist = on,
            _ => {}
        }
    }

    /// The cookie value: `text-150.contrast.speak`, or `normal` when nothing is changed.
    pub fn encode(&self) -> String {
        let mut parts = Vec::new();
        if self.text != TextSize::Normal {
            parts.push(format!("{TEXT}-{}", self.text.percent()));
        }
        for (name, on) in self.switches() {
            if on {
                parts.push(name.to_string());
            }
        }
        if parts.is_empty() {
            "normal".to_string()
        } else {
            parts.join(".")
        }
    }

    /// Reads a cookie value; anything unknown or damaged is ignored, never an error.
    pub fn decode(value: &str) -> Display {
        let mut display = Display::default();
        for part in value.split('.') {
            if let Some(size) = part.strip_prefix("text-").and_then(TextSize::parse) {
                display.text = size;
            } else {
                display.set(part, true);
            }
        }
        display
    }

    /// The modes in a `Cookie:` request header (or in `document.cookie`), default when absent.
    pub fn from_cookies(header: &str) -> Display {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE_NAME)
            .map(|(_, value)| Display::decode(value))
            .unwrap_or_default()
    }

    /// The modes chosen in the settings form (`text=150&contrast=on…`): a switch is on when its
    /// field is present; an unknown size keeps the normal one.
    pub fn from_form<'a>(fields: impl IntoIterator<Item = (&'a str, &'a str)>) -> Display {
        let mut display = Display::default();
        for (name, value) in fields {
            if name == TEXT {
                display.text = TextSize::parse(value).unwrap_or_default();
            } else {
                display.set(name, !value.is_empty() && value != "off");
            }
        }
        display
    }

    /// The cookie itself (`name=value; Path=/; …`), for a `Set-Cookie` header or `document.cookie`.
    pub fn cookie(&self) -> String {
        format!(
            "{COOKIE_NAME}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECONDS}; SameSite=Lax",
            self.encode()
        )
    }

    /// The `data-text` attribute of `<html>`: the size in per cent.
    pub fn text_attribute(&self) -> String {
        self.text.percent().to_string()
    }

    /// The modes as `<html>` carries them (`data-text="150" data-contrast …`): `attribute` gives
    /// the value of `data-<name>`, `None` when the attribute is absent.
    pub fn from_attributes(attribute: impl Fn(&str) -> Option<String>) -> Display {
        let mut display = Display {
            text: attribute(TEXT)
                .and_then(|t| TextSize::parse(&t))
                .unwrap_or_default(),
            ..Display::default()
        };
        for (name, _) in Display::default().switches() {
            display.set(name, attribute(name).is_some());
        }
        display
    }

    /// The `<html>` attributes of these modes, `(name, value)`: `data-text` always, each switch
    /// that is on with an empty value (the inverse of [`Display::from_attributes`]).
    pub fn attributes(&self) -> Vec<(&'static str, String)> {
        let mut attributes = vec![(TEXT, self.text_attribute())];
        attributes.extend(
            self.switches()
                .into_iter()
                .filter(|(_, on)| *on)
                .map(|(name, _)| (name, String::new())),
        );
        attributes
    }

    /// Whether anything differs from the default.
    pub fn is_default(&self) -> bool {
        *self == Display::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_on() -> Display {
        Display {
            text: TextSize::Largest,
            contrast: true,
            simple: true,
            read_aloud: true,
            reduce_motion: true,
            assist: true,
        }
    }

    #[test]
    fn three_steps_up_to_twice_the_size() {
        let sizes: Vec<u16> = TextSize::ALL.iter().map(|s| s.percent()).collect();
        assert_eq!(sizes, [100, 125, 150, 200]);
        assert!(sizes.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(TextSize::parse("150"), Some(TextSize::Large));
        assert_eq!(TextSize::parse("200%"), Some(TextSize::Largest));
        assert_eq!(TextSize::parse("175"), None);
        assert_eq!(TextSize::parse("lots"), None);
    }

    /// Every text size with every combination of the switches.
    fn every_display() -> impl Iterator<Item = Display> {
        (0..32u8).flat_map(|bits| {
            TextSize::ALL.into_iter().map(move |text| Display {
                text,
                contrast: bits & 1 != 0,
                simple: bits & 2 != 0,
                read_aloud: bits & 4 != 0,
                reduce_motion: bits & 8 != 0,
                assist: bits & 16 != 0,
            })
        })
    }

    #[test]
    fn every_combination_survives_the_cookie() {
        for display in every_display() {
            assert_eq!(Display::decode(&display.encode()), display);
        }
        assert_eq!(Display::default().encode(), "normal");
        assert_eq!(
            all_on().encode(),
            "text-200.contrast.simple.speak.calm.assist"
        );
    }

    #[test]
    fn every_combination_survives_the_html_attributes() {
        for display in every_display() {
            let attributes = display.attributes();
            let read = Display::from_attributes(|name| {
                attributes
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.clone())
            });
            assert_eq!(read, display);
        }
        assert_eq!(Display::from_attributes(|_| None), Display::default());
    }

    #[test]
    fn damaged_cookies_give_the_defaults_they_can() {
        assert_eq!(Display::decode(""), Display::default());
        assert_eq!(Display::decode("text-999.bogus"), Display::default());
        let d = Display::decode("contrast..<script>.text-125");
        assert!(d.contrast);
        assert_eq!(d.text, TextSize::Larger);
    }

    #[test]
    fn the_cookie_is_found_among_others() {
        let header = "i18n_pref_locale=en; motcua_display=text-150.simple; other=1";
        let d = Display::from_cookies(header);
        assert_eq!(d.text, TextSize::Large);
        assert!(d.simple && !d.contrast);
        assert_eq!(
            Display::from_cookies("i18n_pref_locale=vi"),
            Display::default()
        );
        assert_eq!(Display::from_cookies(""), Display::default());
        assert!(all_on().cookie().starts_with("motcua_display=text-200."));
        assert!(all_on().cookie().contains("Path=/"));
    }

    #[test]
    fn the_form_sets_exactly_what_is_ticked() {
        let d = Display::from_form([("text", "200"), ("contrast", "on"), ("next", "/help")]);
        assert_eq!(d.text, TextSize::Largest);
        assert!(d.contrast && !d.simple && !d.read_aloud && !d.reduce_motion && !d.assist);
        assert_eq!(Display::from_form([("text", "7")]), Display::default());
        assert_eq!(
            Display::from_form([
                ("speak", "on"),
                ("calm", "on"),
                ("assist", "on"),
                ("simple", "on")
            ]),
            Display {
                read_aloud: true,
                reduce_motion: true,
                assist: true,
                simple: true,
                ..Display::default()
            }
        );
        assert!(Display::from_form([]).is_default());
    }
}
