//! `POST /api/desk/staff`, `/api/desk/staff/add`, `/api/desk/staff/disable`: an administrator
//! lists the accounts, adds officers (username, password, wards) and disables or enables them —
//! a disabled account's sessions end at its next request. Officers get "forbidden".

use crate::dossier::desk::DeskError;
use crate::staff::{NewStaffProblem, Staff};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};

/// An account as the admin sees it (never its hash).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub staff: Staff,
    pub disabled: bool,
}

#[server(endpoint = "desk/staff", input = Json)]
pub async fn staff_accounts() -> Result<Vec<Account>, DeskError> {
    let staff = super::session::officer().await?;
    if !staff.may_manage_staff() {
        return Err(DeskError::Forbidden);
    }
    let accounts = crate::api::store::storage_desk()?
        .accounts()
        .await
        .map_err(super::session::unavailable)?;
    Ok(accounts
        .into_iter()
        .map(|a| Account {
            staff: a.staff,
            disabled: a.disabled,
        })
        .collect())
}

#[server(endpoint = "desk/staff/add", input = Json)]
pub async fn add_officer(
    csrf: String,
    username: String,
    password: String,
    wards: Vec<u32>,
) -> Result<Result<(), NewStaffProblem>, DeskError> {
    use crate::api::store::{StaffAccount, now_millis};
    use crate::staff::Role;
    let admin = super::session::officer_with(&csrf).await?;
    if !admin.may_manage_staff() {
        return Err(DeskError::Forbidden);
    }
    if password.len() > 1024 || wards.len() > 200 {
        return Err(DeskError::BadRequest);
    }
    let (username, wards) = match crate::staff::new_officer(&username, &password, &wards) {
        Ok(checked) => checked,
        Err(problem) => return Ok(Err(problem)),
    };
    let hash = match super::password::check_and_hash_queued(password, username.clone()).await? {
        Ok(hash) => hash,
        Err(problem) => return Ok(Err(NewStaffProblem::Password(problem))),
    };
    let added = crate::api::store::storage_desk()?
        .add_account(
            StaffAccount {
                staff: Staff {
                    username,
                    role: Role::Officer,
                    wards,
                },
                password_hash: hash,
                disabled: false,
                password_changed_at: 0,
            },
            &admin.username,
            now_millis(),
        )
        .await
        .map_err(super::session::unavailable)?;
    Ok(if added {
        Ok(())
    } else {
        Err(NewStaffProblem::UsernameTaken)
    })
}

#[server(endpoint = "desk/staff/disable", input = Json)]
pub async fn set_staff_disabled(
    csrf: String,
    username: String,
    disabled: bool,
) -> Result<(), DeskError> {
    let admin = super::session::officer_with(&csrf).await?;
    if !admin.may_manage_staff() {
        return Err(DeskError::Forbidden);
    }
    // An admin cannot lock themselves out.
    if admin.username == username {
        return Err(DeskError::BadRequest);
    }
    let found = crate::api::store::storage_desk()?
        .set_disabled(&username, disabled)
        .await
        .map_err(super::session::unavailable)?;
    if found {
        Ok(())
    } else {
        Err(DeskError::NotFound)
    }
}
