use server::cli;
use server::config::{Config, LogFormat, redacted};
use server::db::Backend;
use server::web::{self, AppState};
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("Một Cửa cannot start: {error}");
            return ExitCode::from(2);
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::parse(&args) {
        cli::Command::Serve => {}
        cli::Command::Usage(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
        cli::Command::AddStaff {
            username,
            role,
            wards,
        } => return add_staff(&config, username, role, wards).await,
    }
    init_logging(&config);

    let Backend { db, files } = match server::db::open(&config.database_url, &config.data_dir).await
    {
        Ok(backend) => backend,
        Err(error) => {
            tracing::error!(%error, url = %redacted(&config.database_url), "cannot open the database");
            return ExitCode::FAILURE;
        }
    };
    let state = AppState {
        leptos_options: web::leptos_options(&config.site_root, config.listen),
        db: db.clone(),
        blobs: files.clone(),
        secure_cookies: config.secure_cookies,
        client_ip_source: config.client_ip_source.clone(),
        rates: config.rates,
        page_cache: (config.page_cache_bytes > 0)
            .then(|| std::sync::Arc::new(web::page_cache::PageCache::new(config.page_cache_bytes))),
    };
    let listener = match tokio::net::TcpListener::bind(config.listen).await {
        Ok(listener) => listener,
        Err(error) => {
            tracing::error!(%error, address = %config.listen, "cannot listen");
            return ExitCode::FAILURE;
        }
    };
    if !config.secure_cookies {
        tracing::warn!(
            "MOTCUA_SECURE_COOKIES=false: the help desk's session cookie is not marked Secure and \
             travels over plain HTTP. Only for a run on this machine; never in service"
        );
    }
    tracing::info!(
        address = %config.listen,
        database = %redacted(&config.database_url),
        site_root = %config.site_root.display(),
        "Một Cửa is serving on http://{}",
        config.listen
    );
    // Load the catalogue and compress its search index now, not on a resident's first request.
    tokio::task::spawn_blocking(|| {
        let started = std::time::Instant::now();
        let index = &*web::catalogue::INDEX;
        tracing::info!(
            procedures = app::catalogue::store::Catalogue::embedded()
                .procedures()
                .len(),
            index_bytes = index.json.len(),
            index_brotli_bytes = index.brotli.len(),
            index_gzip_bytes = index.gzip.len(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "catalogue ready"
        );
    });
    // Every hour: expired desk sessions, and files sent for dossiers that never arrived.
    {
        let db = db.clone();
        let files = files.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
            loop {
                every.tick().await;
                if let Err(error) = db.forget_expired_sessions().await {
                    tracing::warn!(%error, "cannot delete expired desk sessions");
                }
                match server::sweep::sweep(&*db, &*files, std::time::SystemTime::now()).await {
                    Ok((rows, files)) => tracing::info!(rows, files, "staged files swept"),
                    Err(error) => tracing::warn!(%error, "cannot sweep staged files"),
                }
            }
        });
    }
    // Each request carries its connection's address (the limits per address); slow and idle
    // clients are cut off.
    server::serve::serve(
        listener,
        web::router(state),
        server::serve::Timeouts::default(),
        shutdown_signal(),
    )
    .await;
    db.close().await;
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

/// `server staff add-…`: creates a staff account in the configured database.
async fn add_staff(
    config: &Config,
    username: String,
    role: app::staff::Role,
    wards: Vec<u32>,
) -> ExitCode {
    let db = match server::db::open(&config.database_url, &config.data_dir).await {
        Ok(backend) => backend.db,
        Err(error) => {
            eprintln!(
                "cannot open the database {}: {error}",
                redacted(&config.database_url)
            );
            return ExitCode::FAILURE;
        }
    };
    let password = match cli::read_password() {
        Ok(password) => password,
        Err(error) => {
            eprintln!("cannot read the password: {error}");
            return ExitCode::FAILURE;
        }
    };
    let done = cli::add_staff(&*db, username, role, wards, &password).await;
    db.close().await;
    match done {
        Ok(message) => {
            println!("{message}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = EnvFilter::try_new(&config.log_filter).unwrap_or_else(|error| {
        eprintln!(
            "MOTCUA_LOG={:?} is not a log filter ({error}); using \"info\"",
            config.log_filter
        );
        EnvFilter::new("info")
    });
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    match config.log_format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
    // Panics become one structured log line like everything else. A panic inside a request's
    // task fails that task only; tokio keeps serving. One is known: leptos_i18n 0.6 runs an
    // isomorphic effect after rendering, which now and then reads the request's locale signal
    // after the response was sent and its owner disposed ("already been disposed"): harmless,
    // since that effect would only have re-sent the cookie the request came with.
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let location = info.location().map(|l| l.to_string()).unwrap_or_default();
        let thread = std::thread::current();
        // Empty unless RUST_BACKTRACE is set.
        let backtrace = std::backtrace::Backtrace::capture();
        tracing::error!(
            panic = %message,
            %location,
            thread = thread.name().unwrap_or("unnamed"),
            %backtrace,
            "a task panicked"
        );
    }));
}

/// Resolves on SIGTERM or Ctrl-C; requests under way are finished before the server stops.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests under way");
}
