//! The server binary's commands besides serving: staff accounts.
//!
//! ```text
//! server staff add-admin <username>
//! server staff add-officer <username> <ward code>[,<ward code>…]
//! ```
//!
//! The password is asked twice on the terminal (not shown), or read as the first line of the
//! standard input when that is not a terminal (scripts, tests). There is no default password:
//! the first admin exists only once someone runs `add-admin`.

use crate::db::Database;
use app::api::store::{DeskStore, StaffAccount};
use app::staff::{Role, Staff};
use std::io::{BufRead, IsTerminal};

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Serve,
    AddStaff {
        username: String,
        role: Role,
        wards: Vec<u32>,
    },
    Usage(String),
}

pub const USAGE: &str = "usage:
  server                                   serve the portal
  server staff add-admin <username>        create an administrator
  server staff add-officer <username> <ward>[,<ward>…]
                                           create an officer for these communes/wards
                                           (statistics codes, e.g. 70,73)
The password is asked on the terminal, or read from the first line of standard input.";

pub fn parse(args: &[String]) -> Command {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let name = |typed: &str| app::staff::username(typed);
    match args.as_slice() {
        [] => Command::Serve,
        ["staff", "add-admin", username] => match name(username) {
            Ok(username) => Command::AddStaff {
                username,
                role: Role::Admin,
                wards: Vec::new(),
            },
            Err(_) => Command::Usage(bad_username(username)),
        },
        ["staff", "add-officer", username, wards] => {
            let Ok(username) = name(username) else {
                return Command::Usage(bad_username(username));
            };
            let mut codes = Vec::new();
            for code in wards.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match code
                    .parse::<u32>()
                    .ok()
                    .filter(|c| app::catalogue::wards::ward(*c).is_some())
                {
                    Some(code) => codes.push(code),
                    None => {
                        return Command::Usage(format!(
                            "{code:?} is not the statistics code of a commune or ward of Hà Nội"
                        ));
                    }
                }
            }
            if codes.is_empty() {
                return Command::Usage("an officer needs at least one commune or ward".into());
            }
            codes.sort_unstable();
            codes.dedup();
            Command::AddStaff {
                username,
                role: Role::Officer,
                wards: codes,
            }
        }
        _ => Command::Usage(USAGE.to_string()),
    }
}

fn bad_username(typed: &str) -> String {
    format!("{typed:?} cannot be a username: 3–32 lower-case letters, digits, '.', '-' or '_'")
}

/// Reads the new password: twice on a terminal, else the first line of standard input.
pub fn read_password() -> Result<String, String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("New password (at least 12 characters): ")
            .map_err(|e| e.to_string())?;
        let again =
            rpassword::prompt_password("The same password again: ").map_err(|e| e.to_string())?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| e.to_string())?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

/// Creates the account; the message to print, or why not.
pub async fn add_staff(
    db: &dyn Database,
    username: String,
    role: Role,
    wards: Vec<u32>,
    password: &str,
) -> Result<String, String> {
    use app::desk::api::password;
    password::check(password, &username).map_err(|problem| {
        let text = problem.text();
        format!("{} / {}", text.vi, text.get(true))
    })?;
    let hash = password::hash(password).map_err(|e| e.to_string())?;
    let account = StaffAccount {
        staff: Staff {
            username: username.clone(),
            role,
            wards,
        },
        password_hash: hash,
        disabled: false,
        password_changed_at: 0,
    };
    let at = app::api::store::now_millis();
    let store: &dyn DeskStore = db;
    match store.add_account(account, "cli", at).await {
        Ok(true) => Ok(format!("created {role:?} account {username:?}").to_lowercase()),
        Ok(false) => Err(format!("the username {username:?} is already taken")),
        Err(error) => Err(format!("cannot store the account: {error}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(text: &str) -> Vec<String> {
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn commands_are_read_with_their_checks() {
        assert_eq!(parse(&[]), Command::Serve);
        assert_eq!(
            parse(&args("staff add-admin Lan.Nguyen")),
            Command::AddStaff {
                username: "lan.nguyen".into(),
                role: Role::Admin,
                wards: vec![]
            }
        );
        assert_eq!(
            parse(&args("staff add-officer minh 73,70,70")),
            Command::AddStaff {
                username: "minh".into(),
                role: Role::Officer,
                wards: vec![70, 73]
            }
        );
        assert!(
            matches!(parse(&args("staff add-officer minh 99999")), Command::Usage(m) if m.contains("99999"))
        );
        assert!(matches!(
            parse(&args("staff add-officer minh ,")),
            Command::Usage(_)
        ));
        assert!(matches!(
            parse(&args("staff add-admin a")),
            Command::Usage(_)
        ));
        assert!(matches!(parse(&args("serve now")), Command::Usage(_)));
    }
}
