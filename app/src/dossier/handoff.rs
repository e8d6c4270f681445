//! Hand-off codes (plain Rust): a resident stuck on a draft gives a help-desk officer a short code
//! over the phone or at the counter, and the officer opens the same draft — or the other way
//! round. Six symbols from the tracking codes' alphabet (no 0/O, 1/I), 30 random bits, valid for
//! 30 minutes and once. Guessing is made hopeless by the server's limit on wrong tries, not by
//! the length: a code is read aloud by elderly residents, so it stays short.

use super::tracking::{ALPHABET, clean, value};

/// Symbols in a code.
pub const SYMBOLS: usize = 6;
/// How long a code can be used, in milliseconds.
pub const VALID_FOR_MILLIS: i64 = 30 * 60 * 1000;
/// Wrong codes one address may try in [`TRY_WINDOW_MILLIS`] before it must wait.
pub const MAX_WRONG_TRIES: u32 = 10;
pub const TRY_WINDOW_MILLIS: i64 = 15 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HandoffCode(String);

/// Why typed text is not a hand-off code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoffProblem {
    Empty,
    Length,
    Symbol(char),
}

impl HandoffCode {
    /// A code from 30 random bits (the low 30 of `random`).
    pub fn from_random(random: u32) -> HandoffCode {
        HandoffCode(
            (0..SYMBOLS)
                .map(|i| ALPHABET[((random >> (5 * i)) & 31) as usize] as char)
                .collect(),
        )
    }

    /// Reads a typed code: case, spaces and dashes do not matter.
    pub fn parse(typed: &str) -> Result<HandoffCode, HandoffProblem> {
        let cleaned = clean(typed);
        if cleaned.is_empty() {
            return Err(HandoffProblem::Empty);
        }
        if let Some(bad) = cleaned.chars().find(|c| value(*c).is_none()) {
            return Err(HandoffProblem::Symbol(bad));
        }
        if cleaned.chars().count() != SYMBOLS {
            return Err(HandoffProblem::Length);
        }
        Ok(HandoffCode(cleaned))
    }

    /// The six symbols, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// For reading out: `K7Q M3X`.
    pub fn spaced(&self) -> String {
        format!("{} {}", &self.0[..3], &self.0[3..])
    }
}

/// Whether a code made at `created` (milliseconds) can still be used at `now`.
pub fn is_valid(created: i64, now: i64) -> bool {
    now >= created && now - created < VALID_FOR_MILLIS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_readable_symbols() {
        for random in [0, 1, 0x3fff_ffff, 0x1234_5678, u32::MAX] {
            let code = HandoffCode::from_random(random);
            assert_eq!(code.as_str().len(), SYMBOLS);
            assert!(code.as_str().bytes().all(|b| ALPHABET.contains(&b)));
            assert_eq!(HandoffCode::parse(code.as_str()), Ok(code.clone()));
            assert_eq!(HandoffCode::parse(&code.spaced().to_lowercase()), Ok(code));
        }
        assert_ne!(HandoffCode::from_random(1), HandoffCode::from_random(2));
    }

    #[test]
    fn typed_codes_are_read_or_refused_with_the_reason() {
        assert_eq!(
            HandoffCode::parse(" k7q-m3x ").map(|c| c.spaced()),
            Ok("K7Q M3X".into())
        );
        assert_eq!(HandoffCode::parse(""), Err(HandoffProblem::Empty));
        assert_eq!(HandoffCode::parse("K7QM3"), Err(HandoffProblem::Length));
        assert_eq!(HandoffCode::parse("K7QM3XA"), Err(HandoffProblem::Length));
        assert_eq!(
            HandoffCode::parse("K7QM0X"),
            Err(HandoffProblem::Symbol('0'))
        );
        assert_eq!(
            HandoffCode::parse("K7QMIX"),
            Err(HandoffProblem::Symbol('I'))
        );
    }

    #[test]
    fn codes_last_thirty_minutes() {
        let made = 1_000_000;
        assert!(is_valid(made, made));
        assert!(is_valid(made, made + VALID_FOR_MILLIS - 1));
        assert!(!is_valid(made, made + VALID_FOR_MILLIS));
        // A clock that went backwards does not make a code valid.
        assert!(!is_valid(made, made - 1));
    }
}
