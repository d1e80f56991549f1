//! Start-up, the accept loop with its connection cap, and graceful shutdown.

use std::fmt;
use std::io::{self, Write};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use signkit::sandbox::state::REDACTED;

use crate::cli::Options;
use crate::clock::Clock;
use crate::conn::{self, Timeouts};
use crate::front::{Fixtures, FixturesOrigin, FrontDoor, StartError, StateOrigin};
use crate::state_file::StateFile;

/// Connections served at once; further clients wait in the listen backlog.
pub const MAX_CONNECTIONS: usize = 256;
/// How long shutdown waits for requests in progress.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);
/// Pause after a failed `accept` (e.g. out of file descriptors) before trying again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Why the server could not start.
#[derive(Debug)]
pub enum RunError {
    /// The `--config` file could not be read.
    Config {
        /// The file.
        path: String,
        /// The IO error.
        error: io::Error,
    },
    /// Fixtures or state rejected.
    Start(StartError),
    /// The address could not be bound.
    Bind {
        /// `host:port` as given.
        address: String,
        /// The IO error.
        error: io::Error,
    },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Config { path, error } => write!(f, "cannot read --config {path}: {error}"),
            RunError::Start(error) => error.fmt(f),
            RunError::Bind { address, error } => write!(
                f,
                "cannot listen on {address}: {error} (choose another --port, or --port 0 for a free one)"
            ),
        }
    }
}

impl std::error::Error for RunError {}

/// Runs the server until SIGINT or SIGTERM.
pub async fn run(options: Options) -> Result<(), RunError> {
    let fixtures = match &options.config {
        Some(path) => Fixtures {
            json: std::fs::read_to_string(path).map_err(|error| RunError::Config {
                path: path.display().to_string(),
                error,
            })?,
            origin: FixturesOrigin::File(path.display().to_string()),
            seed: options.seed,
        },
        None => Fixtures::demo(options.seed),
    };
    let clock = options.clock.map_or(Clock::System, Clock::Frozen);
    let state_file = options.state.as_deref().map(StateFile::new);
    let (front, state_origin) =
        FrontDoor::open(fixtures, clock, state_file, options.access.clone())
            .map_err(RunError::Start)?;
    let front = Arc::new(front);

    let address = format!("{}:{}", options.host, options.port);
    let listener = TcpListener::bind((options.host.as_str(), options.port))
        .await
        .map_err(|error| RunError::Bind {
            address: address.clone(),
            error,
        })?;
    let local = listener
        .local_addr()
        .map_err(|error| RunError::Bind { address, error })?;
    print_banner(local, &front, &options, state_origin);

    serve(listener, front).await;
    Ok(())
}

/// The first line is the contract with scripts and tests: `… listening on http://ADDR (…)`.
fn print_banner(
    local: SocketAddr,
    front: &FrontDoor,
    options: &Options,
    state_origin: StateOrigin,
) {
    let data = match (&options.state, state_origin, front.fixtures_origin()) {
        (Some(path), StateOrigin::Loaded, _) => {
            format!("data: state loaded from {}", path.display())
        }
        (_, _, FixturesOrigin::Demo) => "demo data: built-in fixtures of spec §10.3".to_owned(),
        (_, _, FixturesOrigin::File(path)) => format!("data: fixtures from {path}"),
    };
    let state = match &options.state {
        Some(path) => format!("saved to {} after every change", path.display()),
        None => "in memory only (lost on exit; use --state FILE to keep it)".to_owned(),
    };
    let mut out = io::stdout().lock();
    // Nothing useful can be done if stdout is gone; the server still runs.
    let _ = writeln!(out, "signkit sandbox listening on http://{local} ({data})");
    let _ = writeln!(
        out,
        "  The demo secrets and tokens (app 1111111111, YTX account abcdefghijklmnopqrstuvwxyz012345, …) are DEMO values, known to everyone: never use them for anything real."
    );
    let _ = writeln!(out, "  clock: {}; state: {state}", front.clock());
    // What is exposed to whom (spec §10.9 rule 5).
    for line in front.access().describe() {
        let _ = writeln!(out, "  {line}");
    }
    let _ = writeln!(
        out,
        "  secrets: GET /_sandbox/state shows secrets and tokens as \"{REDACTED}\" (?secrets=1 shows them)"
    );
    if !local.ip().is_loopback() {
        let _ = writeln!(
            out,
            "  WARNING: listening on a non-loopback address ({}); anyone who can reach it can use the public demo secrets. Requests naming this machine by another address or name need --allow-host NAME.",
            local.ip()
        );
    }
    let _ = writeln!(out, "  control: GET /_sandbox/state | GET /_sandbox/outbound | POST /_sandbox/reset | PUT /_sandbox/clock | GET /_sandbox/health");
    let _ = out.flush();
}

/// Accepts connections until a shutdown signal, then lets requests in progress finish.
async fn serve(listener: TcpListener, front: Arc<FrontDoor>) {
    let (stop, stopped) = watch::channel(false);
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let mut connections = JoinSet::new();
    let timeouts = Timeouts::default();
    let signal = shutdown_signal();
    tokio::pin!(signal);
    loop {
        let accept = async {
            // Waiting for a permit first keeps excess clients in the kernel's backlog.
            let permit = Arc::clone(&permits).acquire_owned().await;
            (permit, listener.accept().await)
        };
        tokio::select! {
            () = &mut signal => break,
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            (permit, accepted) = accept => match (permit, accepted) {
                (Ok(permit), Ok((stream, _))) => {
                    // Answers are written in one piece; no reason to delay them.
                    let _ = stream.set_nodelay(true);
                    let front = Arc::clone(&front);
                    let stopped = stopped.clone();
                    connections.spawn(async move {
                        conn::serve(stream, front, timeouts, stopped).await;
                        drop(permit);
                    });
                }
                (_, Err(error)) => {
                    eprintln!("signkit sandbox: accept failed: {error}");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                }
                // The semaphore is never closed.
                (Err(_), Ok(_)) => {}
            },
        }
    }
    eprintln!("signkit sandbox: shutting down");
    drop(listener);
    // Idle keep-alive connections close now; busy ones after their answer.
    stop.send_replace(true);
    let finished = tokio::time::timeout(SHUTDOWN_GRACE, async {
        while connections.join_next().await.is_some() {}
    })
    .await;
    if finished.is_err() {
        connections.shutdown().await;
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM. A signal that cannot be watched is left out
/// rather than taken as a request to stop.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
