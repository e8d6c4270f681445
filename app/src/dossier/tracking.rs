//! Tracking codes: what a resident reads from the receipt, says over the phone, and types on
//! `/track`. Twelve random symbols (60 bits) from an alphabet without 0/O or 1/I, then one check
//! symbol (Luhn mod 32) that catches any single wrong symbol and any two neighbours swapped.
//! Shown in groups: `K7QM-3XPA-R9TV-2`.

use std::fmt;

/// 32 symbols: the digits 2–9 and the letters without I and O.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Random symbols in a code (5 bits each).
pub const RANDOM_SYMBOLS: usize = 12;
pub const RANDOM_BITS: u32 = 5 * RANDOM_SYMBOLS as u32;

#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TrackingCode(String);

/// Why typed text is not a tracking code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    Empty,
    /// Too few or too many symbols.
    Length,
    /// A symbol codes never use (codes have no 0, O, 1 or I).
    Symbol(char),
    /// The check symbol does not match: a symbol was mistyped.
    Check,
}

impl TrackingCode {
    /// A code from 60 random bits (the low 60 of `random`).
    pub fn from_random(random: u64) -> TrackingCode {
        let mut digits = [0u8; RANDOM_SYMBOLS];
        for (i, digit) in digits.iter_mut().enumerate() {
            *digit = ((random >> (5 * i)) & 31) as u8;
        }
        let check = check_digit(&digits);
        let mut text = String::with_capacity(RANDOM_SYMBOLS + 1);
        for d in digits.iter().chain(std::iter::once(&check)) {
            text.push(ALPHABET[*d as usize] as char);
        }
        TrackingCode(text)
    }

    /// Reads a typed code: case, spaces and dashes do not matter.
    pub fn parse(typed: &str) -> Result<TrackingCode, CodeProblem> {
        let cleaned = clean(typed);
        if cleaned.is_empty() {
            return Err(CodeProblem::Empty);
        }
        let mut digits = Vec::with_capacity(cleaned.len());
        for c in cleaned.chars() {
            match value(c) {
                Some(v) => digits.push(v),
                None => return Err(CodeProblem::Symbol(c)),
            }
        }
        if digits.len() != RANDOM_SYMBOLS + 1 {
            return Err(CodeProblem::Length);
        }
        if check_digit(&digits[..RANDOM_SYMBOLS]) != digits[RANDOM_SYMBOLS] {
            return Err(CodeProblem::Check);
        }
        Ok(TrackingCode(cleaned))
    }

    /// The thirteen symbols without separators, as stored.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Grouped for reading: `K7QM-3XPA-R9TV-2`.
    pub fn grouped(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 3);
        for (i, c) in self.0.chars().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    }
}

impl fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped())
    }
}

/// What was typed, without spaces, dashes and dots, in capitals.
pub(super) fn clean(typed: &str) -> String {
    crate::input::clean(typed)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub(super) fn value(c: char) -> Option<u8> {
    ALPHABET
        .iter()
        .position(|a| *a as char == c)
        .map(|p| p as u8)
}

/// Luhn mod 32 over `digits`: the symbol that makes the weighted sum a multiple of 32.
fn check_digit(digits: &[u8]) -> u8 {
    let n = 32u32;
    let mut factor = 2;
    let mut sum = 0u32;
    for d in digits.iter().rev() {
        let addend = factor * *d as u32;
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    ((n - sum % n) % n) as u8
}

/// A draft's short reference, to say over the phone to a help-desk officer ("your draft
/// K7Q-M3X"): six symbols of the same alphabet read from the draft's id (a UUID), so the same
/// draft always shows the same reference. Not secret and not unique across devices; it only
/// tells two drafts on one device apart in a conversation.
pub fn draft_reference(id: &str) -> String {
    let hex: String = id.chars().filter(char::is_ascii_hexdigit).take(8).collect();
    let bits = u32::from_str_radix(&hex, 16).unwrap_or(0);
    let symbols: String = (0..6)
        .map(|i| ALPHABET[((bits >> (27 - 5 * i)) & 31) as usize] as char)
        .collect();
    format!("{}-{}", &symbols[..3], &symbols[3..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tracking_code_typed_or_pasted_in_any_unicode_disguise_is_read() {
        let code = TrackingCode::from_random(0x0123_4567_89ab_cdef);
        for disguised in crate::input::disguises(&code.grouped()) {
            assert_eq!(
                TrackingCode::parse(&disguised),
                Ok(code.clone()),
                "{disguised:?}"
            );
        }
        // The phone's last digits, typed on a full-width keyboard or pasted with bidi marks.
        assert_eq!(
            super::super::submission::typed_last4("\u{202D}５６７８\u{202C}"),
            Some("5678".to_string())
        );
    }

    #[test]
    fn codes_are_thirteen_unambiguous_symbols_in_groups_of_four() {
        let code = TrackingCode::from_random(0x0123_4567_89AB_CDEF);
        assert_eq!(code.as_str().len(), 13);
        assert!(
            code.as_str()
                .chars()
                .all(|c| !matches!(c, '0' | 'O' | '1' | 'I'))
        );
        let grouped = code.grouped();
        assert_eq!(grouped.len(), 16);
        assert_eq!(grouped.matches('-').count(), 3);
        assert_eq!(TrackingCode::parse(&grouped), Ok(code));
    }

    #[test]
    fn sixty_random_bits_give_different_codes() {
        let a = TrackingCode::from_random(1);
        let b = TrackingCode::from_random(1 << 59);
        let c = TrackingCode::from_random(2);
        assert_ne!(a, b);
        assert_ne!(a, c);
        const { assert!(RANDOM_BITS >= 60) };
    }

    #[test]
    fn typing_is_forgiving_about_case_spaces_and_dashes() {
        let code = TrackingCode::from_random(987_654_321_012_345);
        let typed = code.grouped().to_lowercase().replace('-', " ");
        assert_eq!(TrackingCode::parse(&format!("  {typed} ")), Ok(code));
    }

    #[test]
    fn every_single_mistyped_symbol_is_caught() {
        for seed in [1u64, 42, 0xFFFF_FFFF_FFFF, 0x0FED_CBA9_8765_4321] {
            let code = TrackingCode::from_random(seed);
            let chars: Vec<char> = code.as_str().chars().collect();
            for i in 0..chars.len() {
                for a in ALPHABET.iter().map(|b| *b as char) {
                    if a == chars[i] {
                        continue;
                    }
                    let mut typo = chars.clone();
                    typo[i] = a;
                    let typo: String = typo.into_iter().collect();
                    assert_eq!(
                        TrackingCode::parse(&typo),
                        Err(CodeProblem::Check),
                        "{typo}"
                    );
                }
            }
        }
    }

    #[test]
    fn swapped_neighbours_are_caught() {
        for seed in [7u64, 123_456_789, 0x0AAA_5555_AAAA_5555] {
            let code = TrackingCode::from_random(seed);
            let chars: Vec<char> = code.as_str().chars().collect();
            for i in 0..chars.len() - 1 {
                if chars[i] == chars[i + 1] {
                    continue;
                }
                let mut swapped = chars.clone();
                swapped.swap(i, i + 1);
                let swapped: String = swapped.into_iter().collect();
                assert!(TrackingCode::parse(&swapped).is_err(), "{swapped}");
            }
        }
    }

    #[test]
    fn confusable_symbols_and_wrong_lengths_are_named() {
        let code = TrackingCode::from_random(5).as_str().to_string();
        assert_eq!(
            TrackingCode::parse(&code.replacen(&code[..1], "O", 1)),
            Err(CodeProblem::Symbol('O'))
        );
        assert_eq!(TrackingCode::parse(&code[..12]), Err(CodeProblem::Length));
        assert_eq!(TrackingCode::parse(" - "), Err(CodeProblem::Empty));
        assert_eq!(TrackingCode::parse("ABC1"), Err(CodeProblem::Symbol('1')));
    }

    #[test]
    fn a_draft_has_a_short_reference_to_read_out() {
        let id = "3f2a9c1e-0b7d-4e21-9a5c-1d2e3f4a5b6c";
        let r = draft_reference(id);
        assert_eq!(r.len(), 7);
        assert_eq!(r, draft_reference(id));
        assert!(r.chars().all(|c| c == '-' || ALPHABET.contains(&(c as u8))));
        assert_ne!(r, draft_reference("0b7d2a9c-3f2a-4e21-9a5c-1d2e3f4a5b6c"));
        // Nothing to read gives a reference still.
        assert_eq!(draft_reference(""), "222-222");
    }
}
