//! Staff passwords: argon2id with a random salt per password (the PHC string keeps salt and
//! parameters), checked in constant time. The parameters are the `argon2` crate's defaults (19 MiB,
//! 2 passes), OWASP's recommended minimum for argon2id.
//!
//! Every hash runs through one bounded queue ([`Bounded`]): as many at once as the machine has
//! cores, a few more waiting, and beyond that a "busy, try again" — so attempts sent at once cost
//! bounded memory (19 MiB each while running) instead of one hash each at the same moment.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

pub use crate::staff::{MIN_PASSWORD_CHARS, PasswordProblem};

fn argon2() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

/// Why a password could not be hashed (the system's random source failed).
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot hash the password: {0}")]
pub struct HashError(String);

/// Characters of a password the estimator reads: it takes time in the square of the length, and
/// no password that long is a common one.
const ESTIMATED_CHARS: usize = 100;

/// Whether `password` may be a staff account's: [`crate::staff::password_problem`], then the
/// `zxcvbn` estimator (Dropbox's, with its lists of common passwords, names and words, and the
/// `username` and the portal's own names as likely guesses) must give it a score of 3 or 4 of 4,
/// that is, find it needs at least 10^8 guesses (3: "safely unguessable" for an online attack,
/// which the sign-in limits make this; NIST SP 800-63B §5.1.1.2 asks to refuse passwords from
/// lists of common ones).
pub fn check(password: &str, username: &str) -> Result<(), PasswordProblem> {
    if let Some(problem) = crate::staff::password_problem(password, username) {
        return Err(problem);
    }
    let estimated: String = password.chars().take(ESTIMATED_CHARS).collect();
    let guesses = zxcvbn::zxcvbn(
        &estimated,
        &[
            username,
            "motcua",
            "mot cua",
            "một cửa",
            "hanoi",
            "hà nội",
            "can bo",
            "cán bộ",
        ],
    );
    if guesses.score() < zxcvbn::Score::Three {
        return Err(PasswordProblem::Common);
    }
    Ok(())
}

/// The PHC string to store for `password` (checked beforehand with [`check`]).
pub fn hash(password: &str) -> Result<String, HashError> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| HashError(e.to_string()))?;
    let salt = SaltString::encode_b64(&bytes).map_err(|e| HashError(e.to_string()))?;
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| HashError(e.to_string()))
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
        &'static self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Busy> {
        let admitted = self.admitted.try_acquire().map_err(|_| Busy)?;
        let running = self.running.acquire().await.map_err(|_| Busy)?;
        // The permits go with the job: a request dropped meanwhile (its client gone) does not
        // free them while the hash still runs.
        tokio::task::spawn_blocking(move || {
            let _permits = (admitted, running);
            job()
        })
        .await
        .map_err(|_| Busy)
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

/// [`check`] then [`hash`], through the queue: the password's problem, or its hash; `Unavailable`
/// ("busy, try again") when the queue is full or no hash could be made.
pub async fn check_and_hash_queued(
    password: String,
    username: String,
) -> Result<Result<String, PasswordProblem>, crate::dossier::desk::DeskError> {
    use crate::dossier::desk::DeskError;
    let done = queue()
        .run(move || check(&password, &username).map(|()| hash(&password)))
        .await
        .map_err(|Busy| DeskError::Unavailable)?;
    match done {
        Err(problem) => Ok(Err(problem)),
        Ok(Ok(hash)) => Ok(Ok(hash)),
        Ok(Err(error)) => {
            leptos::logging::error!("{error}");
            Err(DeskError::Unavailable)
        }
    }
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
    }

    #[test]
    fn common_and_easily_guessed_passwords_are_refused_long_phrases_are_not() {
        for common in [
            "password1234",
            "123456789012",
            "qwertyuiop123",
            "iloveyou1234",
            "motcua123456",
            "lan.nguyen2026",
        ] {
            assert_eq!(
                check(common, "lan.nguyen"),
                Err(if common.contains("lan.nguyen") {
                    PasswordProblem::HasUsername
                } else {
                    PasswordProblem::Common
                }),
                "{common}"
            );
        }
        assert_eq!(check("ngắn quá", "lan"), Err(PasswordProblem::TooShort));
        assert_eq!(check("            ", "lan"), Err(PasswordProblem::Trivial));
        for good in [
            "mật khẩu dài 2026",
            "mật khẩu cán bộ 2026",
            "con mèo ngủ trên mái nhà",
            "correct horse battery staple",
        ] {
            assert_eq!(check(good, "lan"), Ok(()), "{good}");
        }
        // A very long password is read in part: no time in the square of its length.
        let mut seed = 7u32;
        let long: String = (0..1000)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                char::from(b'a' + ((seed >> 16) % 26) as u8)
            })
            .collect();
        assert_eq!(check(&long, "lan"), Ok(()));
    }
}
