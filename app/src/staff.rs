//! Who works at the help desk, and what each may see (plain Rust, so every server function applies
//! the same rule): an officer handles the dossiers of the communes and wards they are assigned
//! to, and nothing else; an admin manages officers and sees every office.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Officer,
    Admin,
}

/// A signed-in member of staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Staff {
    pub username: String,
    pub role: Role,
    /// Statistics codes of the communes and wards they work for.
    pub wards: Vec<u32>,
}

impl Staff {
    /// May this person see and decide on a dossier filed with `office`?
    pub fn may_handle(&self, office: u32) -> bool {
        match self.role {
            Role::Admin => true,
            Role::Officer => self.wards.contains(&office),
        }
    }

    /// May this person create, change or disable staff accounts?
    pub fn may_manage_staff(&self) -> bool {
        self.role == Role::Admin
    }
}

/// Why a username cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UsernameProblem {
    Length,
    Characters,
}

/// Usernames: 3–32 lower-case letters, digits, dots, dashes or underscores, so they read the same
/// on every screen and in every log; typed case and surrounding spaces are ignored.
pub fn username(typed: &str) -> Result<String, UsernameProblem> {
    let name = crate::input::clean(typed).trim().to_ascii_lowercase();
    if !(3..=32).contains(&name.chars().count()) {
        return Err(UsernameProblem::Length);
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
    {
        return Err(UsernameProblem::Characters);
    }
    Ok(name)
}

/// Shortest password accepted for a staff account (characters, not bytes), NIST SP 800-63B's
/// advice for passwords chosen by their users being at least 8; a phrase of a few words is easy.
pub const MIN_PASSWORD_CHARS: usize = 12;

/// Why a password cannot be a staff account's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_PASSWORD_CHARS`] characters.
    TooShort,
    /// Only spaces, or one character again and again.
    Trivial,
    /// It contains the username.
    HasUsername,
    /// Among the passwords people use most, or as easy to guess (the server's check, with the
    /// `zxcvbn` estimator's lists: NIST SP 800-63B §5.1.1.2 asks to refuse those).
    Common,
}

impl PasswordProblem {
    pub fn text(&self) -> crate::eligibility::model::Text {
        use crate::eligibility::model::Text;
        match self {
            PasswordProblem::TooShort => Text::new(
                "Mật khẩu cần ít nhất 12 ký tự. Một câu ngắn dễ nhớ là đủ.",
                "The password needs at least 12 characters. A short sentence you remember will do.",
            ),
            PasswordProblem::Trivial => Text::new(
                "Mật khẩu không được chỉ gồm dấu cách hay một ký tự lặp lại.",
                "The password cannot be only spaces or one character repeated.",
            ),
            PasswordProblem::HasUsername => Text::new(
                "Mật khẩu không được chứa tên đăng nhập.",
                "The password cannot contain the username.",
            ),
            PasswordProblem::Common => Text::new(
                "Mật khẩu này quá phổ biến hoặc dễ đoán. Hãy chọn một câu chỉ bạn biết.",
                "This password is too common or easy to guess. Choose a sentence only you know.",
            ),
        }
    }
}

/// The checks on a new password that need no word list, the same in the browser and on the server:
/// long enough, not blank or one character repeated, not containing `username` (ignoring case).
/// The server also refuses common ones ([`PasswordProblem::Common`]).
pub fn password_problem(password: &str, username: &str) -> Option<PasswordProblem> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Some(PasswordProblem::TooShort);
    }
    let mut chars = password.chars().filter(|c| !c.is_whitespace());
    let first = chars.next();
    if first.is_none_or(|first| chars.all(|c| c == first)) {
        return Some(PasswordProblem::Trivial);
    }
    let username = username.trim().to_lowercase();
    if username.chars().count() >= 3 && password.to_lowercase().contains(&username) {
        return Some(PasswordProblem::HasUsername);
    }
    None
}

/// Why a new officer's account cannot be made as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum NewStaffProblem {
    Username(UsernameProblem),
    Password(PasswordProblem),
    NoWard,
    UnknownWard(u32),
    UsernameTaken,
}

impl NewStaffProblem {
    pub fn text(&self) -> crate::eligibility::model::Text {
        use crate::eligibility::model::Text;
        match self {
            NewStaffProblem::Username(UsernameProblem::Length) => Text::new(
                "Tên đăng nhập dài từ 3 đến 32 ký tự.",
                "A username has 3 to 32 characters.",
            ),
            NewStaffProblem::Username(UsernameProblem::Characters) => Text::new(
                "Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.",
                "A username has only lower-case letters without accents, digits, dots, dashes and underscores.",
            ),
            NewStaffProblem::Password(problem) => problem.text(),
            NewStaffProblem::NoWard => Text::new(
                "Chọn ít nhất một xã, phường cán bộ phụ trách.",
                "Choose at least one commune or ward the officer handles.",
            ),
            NewStaffProblem::UnknownWard(code) => Text {
                vi: format!("Không có xã, phường mã {code}."),
                en: Some(format!("There is no commune or ward with code {code}.")),
            },
            NewStaffProblem::UsernameTaken => Text::new(
                "Tên đăng nhập này đã có người dùng.",
                "This username is already taken.",
            ),
        }
    }
}

/// Checks a new officer's account as an admin typed it: the username as stored, the wards sorted
/// without repeats.
pub fn new_officer(
    username_typed: &str,
    password: &str,
    wards: &[u32],
) -> Result<(String, Vec<u32>), NewStaffProblem> {
    let name = username(username_typed).map_err(NewStaffProblem::Username)?;
    if let Some(problem) = password_problem(password, &name) {
        return Err(NewStaffProblem::Password(problem));
    }
    if let Some(unknown) = wards
        .iter()
        .find(|code| crate::catalogue::wards::ward(**code).is_none())
    {
        return Err(NewStaffProblem::UnknownWard(*unknown));
    }
    let mut wards = wards.to_vec();
    wards.sort_unstable();
    wards.dedup();
    if wards.is_empty() {
        return Err(NewStaffProblem::NoWard);
    }
    Ok((name, wards))
}

/// Wrong passwords for one username from one address allowed in [`LOGIN_WINDOW_MILLIS`]: a lock-out
/// holds at that address only, so nobody can lock a named officer out from elsewhere.
pub const MAX_LOGIN_FAILURES: u32 = 5;
/// Wrong passwords one address may send in [`LOGIN_WINDOW_MILLIS`], whatever the usernames (a
/// whole office shares one address).
pub const MAX_LOGIN_FAILURES_PER_ADDRESS: u32 = 4 * MAX_LOGIN_FAILURES;
pub const LOGIN_WINDOW_MILLIS: i64 = 15 * 60 * 1000;

/// A desk session ends after this many minutes without use; every use starts them again.
pub const SESSION_IDLE_MINUTES: i64 = 60;

#[cfg(test)]
mod tests {
    use super::*;

    fn officer(wards: &[u32]) -> Staff {
        Staff {
            username: "lan.nguyen".into(),
            role: Role::Officer,
            wards: wards.to_vec(),
        }
    }

    #[test]
    fn an_officer_handles_only_their_own_wards() {
        let lan = officer(&[70, 73]);
        assert!(lan.may_handle(70) && lan.may_handle(73));
        assert!(!lan.may_handle(4));
        assert!(!officer(&[]).may_handle(70));
        assert!(!lan.may_manage_staff());
        let admin = Staff {
            role: Role::Admin,
            ..officer(&[])
        };
        assert!(admin.may_handle(4) && admin.may_manage_staff());
    }

    #[test]
    fn a_new_officer_needs_a_plain_username_a_long_password_and_real_wards() {
        assert_eq!(
            new_officer(" Hoa.Le ", "mật khẩu đủ dài", &[73, 70, 73]),
            Ok(("hoa.le".into(), vec![70, 73]))
        );
        assert_eq!(
            new_officer("hoa le", "mật khẩu đủ dài", &[70]),
            Err(NewStaffProblem::Username(UsernameProblem::Characters))
        );
        assert_eq!(
            new_officer("hoa", "ngắn quá", &[70]),
            Err(NewStaffProblem::Password(PasswordProblem::TooShort))
        );
        assert_eq!(
            new_officer("hoa", "mật khẩu đủ dài", &[]),
            Err(NewStaffProblem::NoWard)
        );
        assert_eq!(
            new_officer("hoa", "mật khẩu đủ dài", &[70, 99_999]),
            Err(NewStaffProblem::UnknownWard(99_999))
        );
        assert!(NewStaffProblem::UnknownWard(5).text().vi.contains('5'));
    }

    #[test]
    fn a_password_is_long_not_blank_not_one_character_and_not_the_username() {
        assert_eq!(password_problem("mật khẩu đủ dài", "hoa"), None);
        assert_eq!(
            password_problem("ngắn quá", "hoa"),
            Some(PasswordProblem::TooShort)
        );
        // Characters, not bytes: 11 Vietnamese letters are too few however many bytes.
        assert_eq!(
            password_problem("ẫẫẫẫẫẫẫẫẫẫẫ", "hoa"),
            Some(PasswordProblem::TooShort)
        );
        for trivial in [
            "            ",
            "aaaaaaaaaaaa",
            "1 1 1 1 1 1 1",
            "\t\t\t\t\t\t\t\t\t\t\t\t",
        ] {
            assert_eq!(
                password_problem(trivial, "hoa"),
                Some(PasswordProblem::Trivial),
                "{trivial:?}"
            );
        }
        assert_eq!(
            password_problem("Lan.Nguyen-2026!", "lan.nguyen"),
            Some(PasswordProblem::HasUsername)
        );
        for problem in [
            PasswordProblem::TooShort,
            PasswordProblem::Trivial,
            PasswordProblem::HasUsername,
            PasswordProblem::Common,
        ] {
            let text = problem.text();
            assert!(!text.vi.is_empty() && text.en.is_some_and(|en| !en.is_empty()));
        }
    }

    #[test]
    fn usernames_are_plain_and_read_the_same_everywhere() {
        assert_eq!(username("  Lan.Nguyen "), Ok("lan.nguyen".into()));
        assert_eq!(username("ab"), Err(UsernameProblem::Length));
        assert_eq!(username(&"a".repeat(33)), Err(UsernameProblem::Length));
        assert_eq!(username("lan nguyen"), Err(UsernameProblem::Characters));
        assert_eq!(username("lân"), Err(UsernameProblem::Characters));
        assert_eq!(username("can_bo-70"), Ok("can_bo-70".into()));
    }
}
