//! Staff passwords: argon2id with a random salt per password (the PHC string keeps salt and
//! parameters), checked in constant time. The parameters are the `argon2` crate's defaults (19 MiB,
//! 2 passes), OWASP's recommended minimum for argon2id.
//!
//! Every hash runs through one bounded queue ([`Bounded`]): as many at once as the machine has
//! cores, a few more waiting, and beyond that a "busy, try again" — so attempts sent at once cost
//! bounded memory (19 MiB each while running) instead of one hash each at the same moment.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub use crate::staff::MIN_PASSWORD_CHARS;

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// Why a password cannot be used.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("a staff password needs at least {MIN_PASSWORD_CHARS} characters")]
    TooShort,
    #[error("cannot hash the password: {0}")]
    Hashing(String),
}

/// The PHC string to store for `password`.
pub fn hash(password: &str) -> Result<String, PasswordProblem> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| PasswordProblem::Hashing(e.to_string()))?;
    let salt =
        SaltString::encode_b64(&bytes).map_err(|e| PasswordProblem::Hashing(e.to_string()))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| PasswordProblem::Hashing(e.to_string()))
}

/// Whether `password` matches the stored `hash` (false for a damaged hash).
pub fn verify(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends the time a real check takes, so an unknown username answers as slowly as a wrong
/// password (no telling which usernames exist).
pub fn verify_nothing(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let dummy = DUMMY.get_or_init(|| hash("a password nobody has, 2026").unwrap_or_default());
    let _ = verify(password, dummy);
}

/// A bounded queue for blocking work: at most `running` jobs at once on the blocking threads, at
/// most `admitted` in all (running or waiting); a job beyond that is refused at once.
pub struct Bounded {
    running: tokio::sync::Semaphore,
    admitted: tokio::sync::Semaphore,
}

/// The queue was full: nothing ran.
#[derive(Debug, PartialEq, Eq)]
pub struct Busy;

impl Bounded {
    pub const fn new(running: usize, admitted: usize) -> Self {
        Bounded {
            running: tokio::sync::Semaphore::const_new(running),
            admitted: tokio::sync::Semaphore::const_new(admitted),
        }
    }

    /// Runs `job` on a blocking thread when its turn comes, or refuses it when the queue is full.
    pub async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let _admitted = self.admitted.try_acquire().map_err(|_| Busy)?;
        let _running = self.running.acquire().await.map_err(|_| Busy)?;
        tokio::task::spawn_blocking(job).await.map_err(|_| Busy)
    }
}

/// Hashes run at once: the cores the server may use.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Hashes admitted per core (running or waiting their turn, about 50 ms each).
pub const QUEUED_PER_CORE: usize = 8;

fn queue() -> &'static Bounded {
    static QUEUE: std::sync::OnceLock<Bounded> = std::sync::OnceLock::new();
    QUEUE.get_or_init(|| Bounded::new(cores(), cores() * QUEUED_PER_CORE))
}

/// [`verify`] (or, without a hash, [`verify_nothing`]) through the queue; `Unavailable` ("busy,
/// try again") when it is full.
pub async fn check_queued(
    password: String,
    hash: Option<String>,
) -> Result<bool, crate::dossier::desk::DeskError> {
    queue()
        .run(move || match hash {
            Some(hash) => verify(&password, &hash),
            None => {
                verify_nothing(&password);
                false
            }
        })
        .await
        .map_err(|Busy| crate::dossier::desk::DeskError::Unavailable)
}

/// [`hash`] through the queue; `Unavailable` ("busy, try again") when it is full.
pub async fn hash_queued(
    password: String,
) -> Result<Result<String, PasswordProblem>, crate::dossier::desk::DeskError> {
    queue()
        .run(move || hash(&password))
        .await
        .map_err(|Busy| crate::dossier::desk::DeskError::Unavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_queue_runs_a_few_at_once_lets_a_few_wait_and_refuses_the_rest() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        static QUEUE: Bounded = Bounded::new(2, 5);
        let (release, gate) = std::sync::mpsc::channel::<()>();
        let gate = Arc::new(std::sync::Mutex::new(gate));
        let now = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let mut jobs = Vec::new();
        for _ in 0..5 {
            let (gate, now, most) = (gate.clone(), now.clone(), most.clone());
            jobs.push(tokio::spawn(QUEUE.run(move || {
                let running = now.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(running, Ordering::SeqCst);
                gate.lock().unwrap().recv().unwrap();
                now.fetch_sub(1, Ordering::SeqCst);
            })));
        }
        // Five admitted (two running, three waiting): the sixth is refused at once.
        while QUEUE.admitted.available_permits() > 0 || now.load(Ordering::SeqCst) < 2 {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        }
        assert_eq!(QUEUE.run(|| ()).await, Err(Busy));
        for _ in 0..5 {
            release.send(()).unwrap();
        }
        for job in jobs {
            job.await.unwrap().unwrap();
        }
        assert_eq!(
            most.load(Ordering::SeqCst),
            2,
            "never more than two at once"
        );
        // Room again.
        assert_eq!(QUEUE.run(|| 7).await, Ok(7));
    }

    #[test]
    fn hashes_are_argon2id_salted_and_verify_only_the_right_password() {
        let first = hash("correct horse battery").unwrap();
        let second = hash("correct horse battery").unwrap();
        assert!(first.starts_with("$argon2id$v=19$"), "{first}");
        assert_ne!(first, second, "each hash has its own salt");
        assert!(verify("correct horse battery", &first));
        assert!(verify("correct horse battery", &second));
        assert!(!verify("correct horse batterY", &first));
        assert!(!verify("", &first));
        assert!(!verify("correct horse battery", "not a hash"));
        assert_eq!(hash("short"), Err(PasswordProblem::TooShort));
    }
}
