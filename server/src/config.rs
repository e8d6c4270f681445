//! Configuration from environment variables, with defaults that work on a developer's machine.
//!
//! | variable | default | meaning |
//! |---|---|---|
//! | `MOTCUA_LISTEN` | `127.0.0.1:3000` | address and port to listen on |
//! | `MOTCUA_DATA_DIR` | `./data` | directory for the database and, later, stored attachments |
//! | `MOTCUA_DATABASE_URL` | `sqlite://<data dir>/motcua.sqlite3` | the database: `sqlite://path` (one server, files under the data dir) or `postgres://user:password@host:port/name` (several servers sharing it, files in it); its password is never logged |
//! | `MOTCUA_SITE_ROOT` | `target/site` | the built site (wasm, JS, CSS, public files) |
//! | `MOTCUA_LOG` | `info` | log filter, `tracing` syntax (e.g. `info,server=debug`) |
//! | `MOTCUA_LOG_FORMAT` | `text` | `text` or `json` (one JSON object per line) |
//! | `MOTCUA_SECURE_COOKIES` | `true` | mark the help desk's session cookie `Secure` (sent over HTTPS only); `false` only for plain-HTTP runs on this machine (`make run` and the tests), logged as a warning at start |
//! | `MOTCUA_SUBMISSIONS_PER_MINUTE` | `80` | dossiers one client address may send in a minute (beyond: 429, the outbox waits) |
//! | `MOTCUA_UPLOADS_PER_MINUTE` | `400` | files one client address may upload in a minute |
//! | `MOTCUA_PAGE_CACHE_MB` | `64` | memory for rendered public pages kept compressed (catalogue, procedures, help, check; see `web::page_cache`); `0` renders every page afresh |
//! | `MOTCUA_CLIENT_IP_SOURCE` | `ConnectInfo` | where the client's address comes from, for the limits: `ConnectInfo` (the connection), or behind a reverse proxy the header it sets — `RightmostXForwardedFor`, `XRealIp`, `CfConnectingIp`, … ([`axum_client_ip::ClientIpSource`]); then listen on 127.0.0.1 only, so that nobody can send the header but the proxy |

use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub site_root: PathBuf,
    pub log_filter: String,
    pub log_format: LogFormat,
    pub secure_cookies: bool,
    pub client_ip_source: axum_client_ip::ClientIpSource,
    pub rates: app::limits::Rates,
    /// Bytes of memory for the cache of rendered public pages; 0 turns it off.
    pub page_cache_bytes: u64,
}

/// [`Config::page_cache_bytes`] when `MOTCUA_PAGE_CACHE_MB` is unset: 64 MiB, room for every
/// procedure page in both languages (measured by `make bench`) and the other public pages.
pub const PAGE_CACHE_MB: u64 = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// A configuration value that cannot be used, with the variable's name and what was expected.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error(
        "{name}={value:?} is not a valid address: expected IP:port, for example 127.0.0.1:3000"
    )]
    Listen { name: &'static str, value: String },
    #[error(
        "{name}={value:?} is not a supported database: expected sqlite://path/to/file.sqlite3 or postgres://user:password@host:port/name"
    )]
    DatabaseUrl { name: &'static str, value: String },
    #[error("{name} is empty: give a directory, or leave it unset for the default")]
    Empty { name: &'static str },
    #[error("{name}={value:?} is not a count: expected a whole number from 1")]
    Count { name: &'static str, value: String },
    #[error(
        "{name}={value:?} is not a size: expected a whole number of megabytes (0 turns it off)"
    )]
    Megabytes { name: &'static str, value: String },
    #[error("{name}={value:?} is not a yes/no value: expected \"true\" or \"false\"")]
    Flag { name: &'static str, value: String },
    #[error("{name}={value:?} is not a log format: expected \"text\" or \"json\"")]
    LogFormat { name: &'static str, value: String },
    #[error(
        "{name}={value:?} is not a source of client addresses: expected ConnectInfo, or the proxy's header: RightmostXForwardedFor, XRealIp, CfConnectingIp, TrueClientIp, FlyClientIp, CloudFrontViewerAddress, XEnvoyExternalAddress"
    )]
    ClientIpSource { name: &'static str, value: String },
}

impl Config {
    /// Reads the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads the configuration through `lookup` (the environment, or a map in tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let listen = match lookup("MOTCUA_LISTEN") {
            Some(value) => value.trim().parse().map_err(|_| ConfigError::Listen {
                name: "MOTCUA_LISTEN",
                value,
            })?,
            None => SocketAddr::from(([127, 0, 0, 1], 3000)),
        };
        let data_dir = directory(&lookup, "MOTCUA_DATA_DIR", "data")?;
        let database_url = match lookup("MOTCUA_DATABASE_URL") {
            Some(value) => {
                let trimmed = value.trim();
                let rest = ["sqlite://", "sqlite:", "postgres://", "postgresql://"]
                    .iter()
                    .find_map(|scheme| trimmed.strip_prefix(scheme));
                match rest {
                    Some(rest) if !rest.is_empty() => trimmed.to_string(),
                    _ => {
                        return Err(ConfigError::DatabaseUrl {
                            name: "MOTCUA_DATABASE_URL",
                            value: redacted(&value),
                        });
                    }
                }
            }
            None => format!("sqlite://{}", data_dir.join("motcua.sqlite3").display()),
        };
        let site_root = directory(&lookup, "MOTCUA_SITE_ROOT", "target/site")?;
        let log_filter = lookup("MOTCUA_LOG").unwrap_or_else(|| "info".to_string());
        let log_format = match lookup("MOTCUA_LOG_FORMAT").as_deref().map(str::trim) {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(other) => {
                return Err(ConfigError::LogFormat {
                    name: "MOTCUA_LOG_FORMAT",
                    value: other.to_string(),
                });
            }
        };
        let secure_cookies = match lookup("MOTCUA_SECURE_COOKIES").as_deref().map(str::trim) {
            None => true,
            Some("true" | "1" | "yes") => true,
            Some("false" | "0" | "no") => false,
            Some(other) => {
                return Err(ConfigError::Flag {
                    name: "MOTCUA_SECURE_COOKIES",
                    value: other.to_string(),
                });
            }
        };
        let client_ip_source = match lookup("MOTCUA_CLIENT_IP_SOURCE") {
            None => axum_client_ip::ClientIpSource::ConnectInfo,
            Some(value) => value
                .trim()
                .parse()
                .map_err(|_| ConfigError::ClientIpSource {
                    name: "MOTCUA_CLIENT_IP_SOURCE",
                    value,
                })?,
        };
        let count = |name: &'static str, default: u32| match lookup(name) {
            None => Ok(default),
            Some(value) => match value.trim().parse::<u32>() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(ConfigError::Count { name, value }),
            },
        };
        let rates = app::limits::Rates {
            submissions_per_minute: count(
                "MOTCUA_SUBMISSIONS_PER_MINUTE",
                app::limits::SUBMISSIONS_PER_MINUTE,
            )?,
            uploads_per_minute: count(
                "MOTCUA_UPLOADS_PER_MINUTE",
                app::limits::UPLOADS_PER_MINUTE,
            )?,
        };
        let page_cache_bytes = match lookup("MOTCUA_PAGE_CACHE_MB") {
            None => PAGE_CACHE_MB << 20,
            Some(value) => match value.trim().parse::<u64>() {
                Ok(mb) if mb <= 1 << 20 => mb << 20,
                _ => {
                    return Err(ConfigError::Megabytes {
                        name: "MOTCUA_PAGE_CACHE_MB",
                        value,
                    });
                }
            },
        };
        Ok(Config {
            rates,
            page_cache_bytes,
            secure_cookies,
            client_ip_source,
            listen,
            data_dir,
            database_url,
            site_root,
            log_filter,
            log_format,
        })
    }
}

/// `url` as it may be logged: a database URL other than SQLite's keeps only its scheme, host, port
/// and database (`postgres://db:5432/motcua`). The user information and the parameters may hold
/// a password (`user:password@`, `?password=`), even one with `@`, `/` or `?` in it: everything
/// before the URL's last `@` and after its first `?` or `#` is left out, so a secret never reaches a
/// log line or an error message.
pub fn redacted(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return match url.split_once(':') {
            Some((scheme, _)) if !scheme.starts_with("sqlite") => format!("{scheme}:…"),
            _ => url.to_string(),
        };
    };
    if scheme.starts_with("sqlite") {
        return url.to_string();
    }
    let host = rest.rsplit_once('@').map_or(rest, |(_, host)| host);
    let host = host.split(['?', '#']).next().unwrap_or_default();
    format!("{scheme}://{host}")
}

fn directory(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<PathBuf, ConfigError> {
    match lookup(name) {
        Some(value) if value.trim().is_empty() => Err(ConfigError::Empty { name }),
        Some(value) => Ok(PathBuf::from(value.trim())),
        None => Ok(PathBuf::from(default)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| map.get(name).cloned())
    }

    #[test]
    fn defaults_serve_locally_with_a_database_under_data() {
        let c = config(&[]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:3000");
        assert_eq!(c.data_dir, PathBuf::from("data"));
        assert_eq!(c.database_url, "sqlite://data/motcua.sqlite3");
        assert_eq!(c.site_root, PathBuf::from("target/site"));
        assert_eq!(c.log_format, LogFormat::Text);
        assert!(c.secure_cookies, "Secure unless turned off");
    }

    #[test]
    fn the_page_cache_is_sized_in_megabytes_and_zero_turns_it_off() {
        assert_eq!(config(&[]).unwrap().page_cache_bytes, 64 << 20);
        let size = |v: &str| config(&[("MOTCUA_PAGE_CACHE_MB", v)]).map(|c| c.page_cache_bytes);
        assert_eq!(size(" 16 "), Ok(16 << 20));
        assert_eq!(size("0"), Ok(0));
        for wrong in ["-1", "1.5", "64MB", "", "99999999999"] {
            assert!(
                matches!(size(wrong), Err(ConfigError::Megabytes { .. })),
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn session_cookies_are_secure_unless_turned_off() {
        // Behind a TLS proxy on the same host the server listens on 127.0.0.1: still Secure.
        assert!(
            config(&[("MOTCUA_LISTEN", "127.0.0.1:3000")])
                .unwrap()
                .secure_cookies
        );
        assert!(
            config(&[("MOTCUA_SECURE_COOKIES", "true")])
                .unwrap()
                .secure_cookies
        );
        let local = config(&[
            ("MOTCUA_LISTEN", "0.0.0.0:80"),
            ("MOTCUA_SECURE_COOKIES", "false"),
        ]);
        assert!(!local.unwrap().secure_cookies);
        assert!(matches!(
            config(&[("MOTCUA_SECURE_COOKIES", "maybe")]),
            Err(ConfigError::Flag { .. })
        ));
    }

    #[test]
    fn the_client_address_comes_from_the_connection_unless_a_proxy_header_is_named() {
        use axum_client_ip::ClientIpSource;
        assert_eq!(
            config(&[]).unwrap().client_ip_source,
            ClientIpSource::ConnectInfo
        );
        let proxied = config(&[("MOTCUA_CLIENT_IP_SOURCE", " RightmostXForwardedFor ")]);
        assert_eq!(
            proxied.unwrap().client_ip_source,
            ClientIpSource::RightmostXForwardedFor
        );
        assert!(matches!(
            config(&[("MOTCUA_CLIENT_IP_SOURCE", "X-Forwarded-For")]),
            Err(ConfigError::ClientIpSource { .. })
        ));
    }

    #[test]
    fn rates_per_address_are_the_defaults_unless_set_to_a_count() {
        assert_eq!(config(&[]).unwrap().rates, app::limits::Rates::default());
        let set = config(&[("MOTCUA_SUBMISSIONS_PER_MINUTE", "100000")]).unwrap();
        assert_eq!(set.rates.submissions_per_minute, 100_000);
        for bad in ["0", "-1", "many"] {
            assert!(matches!(
                config(&[("MOTCUA_UPLOADS_PER_MINUTE", bad)]),
                Err(ConfigError::Count { .. })
            ));
        }
    }

    #[test]
    fn the_database_follows_the_data_directory_unless_given() {
        let c = config(&[("MOTCUA_DATA_DIR", "/var/lib/motcua")]).unwrap();
        assert_eq!(c.database_url, "sqlite:///var/lib/motcua/motcua.sqlite3");
        let c = config(&[
            ("MOTCUA_DATA_DIR", "/var/lib/motcua"),
            ("MOTCUA_DATABASE_URL", "sqlite:///tmp/other.db"),
        ])
        .unwrap();
        assert_eq!(c.database_url, "sqlite:///tmp/other.db");
    }

    #[test]
    fn a_bad_address_names_the_variable_and_the_expected_form() {
        let err = config(&[("MOTCUA_LISTEN", "localhost")]).unwrap_err();
        assert_eq!(
            err,
            ConfigError::Listen {
                name: "MOTCUA_LISTEN",
                value: "localhost".into()
            }
        );
        let message = err.to_string();
        assert!(message.contains("MOTCUA_LISTEN"), "{message}");
        assert!(message.contains("127.0.0.1:3000"), "{message}");
        assert_eq!(
            config(&[("MOTCUA_LISTEN", "0.0.0.0:8080")])
                .unwrap()
                .listen
                .port(),
            8080
        );
    }

    #[test]
    fn sqlite_and_postgres_urls_are_accepted() {
        assert!(config(&[("MOTCUA_DATABASE_URL", "postgres://motcua@db/motcua")]).is_ok());
        assert!(config(&[("MOTCUA_DATABASE_URL", "postgresql://db/motcua")]).is_ok());
        assert!(matches!(
            config(&[("MOTCUA_DATABASE_URL", "mysql://x")]),
            Err(ConfigError::DatabaseUrl { .. })
        ));
        assert!(matches!(
            config(&[("MOTCUA_DATABASE_URL", "postgres://")]),
            Err(ConfigError::DatabaseUrl { .. })
        ));
        assert!(matches!(
            config(&[("MOTCUA_DATABASE_URL", "sqlite://")]),
            Err(ConfigError::DatabaseUrl { .. })
        ));
        assert!(config(&[("MOTCUA_DATABASE_URL", "sqlite:motcua.db")]).is_ok());
    }

    #[test]
    fn a_database_password_is_never_shown() {
        for (url, shown) in [
            (
                "postgres://motcua:s3cr@t@db:5432/motcua?sslmode=require",
                "postgres://db:5432/motcua",
            ),
            ("postgres://motcua@db/x?password=hunter2", "postgres://db/x"),
            ("postgres://motcua:pa/ss?w#d@db/x", "postgres://db/x"),
            ("postgresql://db/x", "postgresql://db/x"),
            (
                "sqlite://data/motcua.sqlite3",
                "sqlite://data/motcua.sqlite3",
            ),
        ] {
            assert_eq!(redacted(url), shown);
        }
        let refused = config(&[("MOTCUA_DATABASE_URL", "pg://a:hunter2@db/x")]).unwrap_err();
        assert!(!refused.to_string().contains("hunter2"), "{refused}");
        let refused = config(&[("MOTCUA_DATABASE_URL", "pg:hunter2")]).unwrap_err();
        assert!(!refused.to_string().contains("hunter2"), "{refused}");
    }

    #[test]
    fn empty_directories_and_unknown_log_formats_are_refused() {
        assert_eq!(
            config(&[("MOTCUA_DATA_DIR", " ")]),
            Err(ConfigError::Empty {
                name: "MOTCUA_DATA_DIR"
            })
        );
        assert!(matches!(
            config(&[("MOTCUA_LOG_FORMAT", "xml")]),
            Err(ConfigError::LogFormat { .. })
        ));
        assert_eq!(
            config(&[("MOTCUA_LOG_FORMAT", "json")]).unwrap().log_format,
            LogFormat::Json
        );
    }
}
