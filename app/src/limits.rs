//! Limits on attempts (sign-in, tracking, hand-off codes, submissions, uploads): at most `max`
//! attempts under a subject (an address, an account at an address…) in a sliding window.
//!
//! Taking an attempt is one atomic step of the storage ([`crate::api::store::LimitStore`]): the
//! attempt is counted *before* the work it allows, under every limit at once or under none, so
//! that attempts sent at the same moment cannot all pass the check before any is counted. An
//! attempt that turned out well (the right password, a code that matched) is given back.
//!
//! This module is the rule both the storage backends apply: which attempts count, when a subject
//! may try again.

use serde::{Deserialize, Serialize};

/// Dossiers (and papers added to one) one address may send in a minute: FormSG's limit on
/// submissions per address per instance. A dossier sent again under a key already stored (a lost
/// receipt) answers from the store and does not count; papers added count each time they are sent.
pub const SUBMISSIONS_PER_MINUTE: u32 = 80;
/// Files one address may upload in a minute: a dossier has a few, an office's address sends many.
pub const UPLOADS_PER_MINUTE: u32 = 400;
pub const MINUTE_MILLIS: i64 = 60_000;

/// The limits per address and minute in force (the server's configuration; the defaults above
/// unless set, e.g. higher for a load test whose one address stands for many residents).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rates {
    pub submissions_per_minute: u32,
    pub uploads_per_minute: u32,
}

impl Default for Rates {
    fn default() -> Self {
        Rates {
            submissions_per_minute: SUBMISSIONS_PER_MINUTE,
            uploads_per_minute: UPLOADS_PER_MINUTE,
        }
    }
}

/// The address a client's attempts are counted under: an IPv4 address as it is; an IPv6 address
/// by its /64 network (RFC 6177: one subscriber usually has a whole /64, so counting single IPv6
/// addresses would give one client 2^64 fresh limits); an IPv4-mapped IPv6 address as the IPv4.
pub fn address_key(ip: std::net::IpAddr) -> String {
    use std::net::IpAddr;
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                let network = std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0);
                format!("{network}/64")
            }
        },
    }
}

/// At most `max` attempts under `subject` in any `window_millis` milliseconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limit {
    /// What is counted, e.g. `sign-in:lan@203.0.113.7` (at most a few hundred bytes).
    pub subject: String,
    pub max: u32,
    pub window_millis: i64,
}

impl Limit {
    pub fn new(subject: impl Into<String>, max: u32, window_millis: i64) -> Self {
        Limit {
            subject: subject.into(),
            max: max.max(1),
            window_millis,
        }
    }
}

/// What taking an attempt gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Attempt {
    /// Counted under every limit, as attempt `id` (to give it back). `last` is set when this was
    /// the last attempt some limit allowed: the next one is refused until that time
    /// (milliseconds since 1970).
    Taken { id: i64, last: Option<i64> },
    /// Over a limit: nothing was counted; allowed again at `retry_at` (milliseconds since 1970).
    Refused { retry_at: i64 },
}

/// How long `limit` keeps refusing at `now`, given the times (milliseconds, any order) of the
/// attempts counted under its subject: `None` when one more may be taken, else the milliseconds
/// until the oldest attempt that matters leaves the window. Times after `now` count (another
/// request read the clock a moment later, or another server's clock is ahead).
pub fn wait(times: &[i64], now: i64, max: u32, window_millis: i64) -> Option<i64> {
    let max = max.max(1) as usize;
    let mut recent: Vec<i64> = times
        .iter()
        .copied()
        .filter(|at| now - at < window_millis)
        .collect();
    if recent.len() < max {
        return None;
    }
    recent.sort_unstable();
    // It opens again when only max - 1 attempts remain in the window.
    Some(recent[recent.len() - max] + window_millis - now)
}

/// The decision for one attempt at `now` under several limits, each with the times counted under
/// its subject: refused (with the latest time any of them opens again), or allowed — with, when
/// this attempt fills a limit, the time the next one would be refused until.
pub fn decide(counted: &[(&Limit, Vec<i64>)], now: i64) -> Result<Option<i64>, i64> {
    let refused = counted
        .iter()
        .filter_map(|(limit, times)| wait(times, now, limit.max, limit.window_millis))
        .max();
    if let Some(wait) = refused {
        return Err(now + wait);
    }
    let last = counted
        .iter()
        .filter_map(|(limit, times)| {
            let mut with_this = times.clone();
            with_this.push(now);
            wait(&with_this, now, limit.max, limit.window_millis)
        })
        .max();
    Ok(last.map(|wait| now + wait))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60_000;

    #[test]
    fn a_limit_refuses_until_the_oldest_attempt_that_matters_leaves_the_window() {
        let now = 100 * MINUTE;
        let window = 15 * MINUTE;
        let four: Vec<i64> = (1..=4).map(|i| now - i * MINUTE).collect();
        assert_eq!(wait(&four, now, 5, window), None);
        let five: Vec<i64> = (1..=5).map(|i| now - i * MINUTE).collect();
        // The oldest of the five was 5 minutes ago: 10 minutes to wait.
        assert_eq!(wait(&five, now, 5, window), Some(10 * MINUTE));
        // Old attempts do not count; times a little ahead do.
        let old: Vec<i64> = (16..=30).map(|i| now - i * MINUTE).collect();
        assert_eq!(wait(&old, now, 5, window), None);
        let mut ahead = four.clone();
        ahead.push(now + 5);
        assert_eq!(wait(&ahead, now, 5, window), Some(11 * MINUTE));
        // Many: the wait lasts until only four remain in the window.
        let many: Vec<i64> = (0..10).map(|i| now - i * MINUTE).collect();
        assert_eq!(wait(&many, now, 5, window), Some(11 * MINUTE));
        // A limit of zero is a limit of one, never a division of nothing.
        assert_eq!(wait(&[now], now, 0, window), Some(window));
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_network() {
        let key = |a: &str| address_key(a.parse().unwrap());
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
        assert_eq!(key("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:1:2:3"), key("2001:db8:1:2::9"));
        assert_ne!(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
        assert_eq!(key("::ffff:198.51.100.9"), "198.51.100.9");
    }

    #[test]
    fn an_attempt_is_refused_by_any_of_its_limits_and_says_when_it_filled_one() {
        let now = 100 * MINUTE;
        let account = Limit::new("sign-in:lan@a", 5, 15 * MINUTE);
        let address = Limit::new("sign-in@a", 20, 15 * MINUTE);
        let three: Vec<i64> = (1..=3).map(|i| now - i * MINUTE).collect();
        let four: Vec<i64> = (1..=4).map(|i| now - i * MINUTE).collect();
        let five: Vec<i64> = (1..=5).map(|i| now - i * MINUTE).collect();
        assert_eq!(
            decide(&[(&account, three.clone()), (&address, three.clone())], now),
            Ok(None)
        );
        // The fifth is allowed, and says the sixth waits until the oldest of the five leaves.
        assert_eq!(
            decide(&[(&account, four.clone()), (&address, four.clone())], now),
            Ok(Some(now + 11 * MINUTE))
        );
        assert_eq!(
            decide(&[(&account, five.clone()), (&address, vec![])], now),
            Err(now + 10 * MINUTE)
        );
        // The address's limit refuses even an account with no attempts.
        let twenty: Vec<i64> = (0..20).map(|i| now - i * 10_000).collect();
        assert_eq!(
            decide(&[(&account, vec![]), (&address, twenty)], now),
            Err(now - 19 * 10_000 + 15 * MINUTE)
        );
        // No limit, no refusal.
        assert_eq!(decide(&[], now), Ok(None));
    }
}
