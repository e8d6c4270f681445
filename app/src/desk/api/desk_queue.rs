//! `POST /api/desk/queue`: the dossiers of the officer's wards that pass the filters, earliest
//! due date first, with the counts per status. An admin sees every office.

use crate::dossier::desk::{DeskError, Queue, QueueFilter};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(endpoint = "desk/queue", input = Json)]
pub async fn desk_queue(filter: QueueFilter) -> Result<Queue, DeskError> {
    use crate::dossier::desk::QUEUE_LIMIT;
    use crate::staff::Role;
    let staff = super::session::officer().await?;
    let store = crate::api::store::storage_desk()?;
    let wards = match staff.role {
        Role::Admin => None,
        Role::Officer => Some(staff.wards.as_slice()),
    };
    let mut queue = store
        .queue(wards, &filter, QUEUE_LIMIT)
        .await
        .map_err(super::session::unavailable)?;
    queue.wards = staff.wards.clone();
    Ok(queue)
}
