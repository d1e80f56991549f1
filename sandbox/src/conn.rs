//! One client connection: read requests with time and size limits, answer them through the
//! [`FrontDoor`], keep the connection alive when both sides want to.
//!
//! Every way a client can misbehave ends in an answer (`400`, `408`, `413`, `431`, `501`) or
//! a silent close, and only this connection is affected. A request from a host or origin that
//! is not allowed ([`crate::access`]) gets its `403` as soon as its head has arrived: its body
//! is never read and nothing of it reaches the emulator.

use std::sync::Arc;
use std::time::Duration;

use signkit::sandbox::{HttpRequest, HttpResponse};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::watch;
use tokio::time::{timeout, timeout_at, Instant};

use crate::access::Admission;
use crate::front::FrontDoor;
use crate::wire::{self, BodyFraming, ChunkedDecoder, Head, WireError};

/// Bytes asked from the socket per read.
const READ_CHUNK: usize = 16 * 1024;
/// After answering a request whose body was not read (`413`), up to this many further bytes
/// are read and dropped before closing, so the client receives the answer instead of a reset.
const LINGER_MAX_BYTES: usize = 16 * 1024 * 1024;

/// How long a client may take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// For a whole request head, counted from when the server starts waiting for it (so it
    /// is also the keep-alive idle limit).
    pub head: Duration,
    /// For a whole request body.
    pub body: Duration,
    /// For writing one answer.
    pub write: Duration,
    /// For the lingering close after an error answer.
    pub linger: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            head: Duration::from_secs(10),
            body: Duration::from_secs(30),
            write: Duration::from_secs(10),
            linger: Duration::from_secs(2),
        }
    }
}

/// Why a request could not be read.
enum ReadFailure {
    /// Answer this error, then close.
    Reject(WireError),
    /// The client took too long: `408`, then close.
    TimedOut,
    /// The client went away, or the server is shutting down while the connection is idle.
    Closed,
}

impl ReadFailure {
    /// The answer sent before the connection is closed; `None`: close without a word.
    fn answer(&self, timeouts: Timeouts) -> Option<HttpResponse> {
        match self {
            ReadFailure::Closed => None,
            ReadFailure::TimedOut => Some(plain_error(
                408,
                &format!(
                    "request timeout: the request did not arrive in time (head {} s, body {} s)",
                    timeouts.head.as_secs(),
                    timeouts.body.as_secs()
                ),
            )),
            ReadFailure::Reject(error) => Some(plain_error(error.status(), &error.to_string())),
        }
    }
}

impl From<WireError> for ReadFailure {
    fn from(error: WireError) -> ReadFailure {
        ReadFailure::Reject(error)
    }
}

/// Serves requests on `stream` until the client closes, misbehaves, or `shutdown` turns true.
pub async fn serve(
    mut stream: TcpStream,
    front: Arc<FrontDoor>,
    timeouts: Timeouts,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut buffer = Vec::with_capacity(READ_CHUNK);
    loop {
        let head = match read_head(&mut stream, &mut buffer, timeouts.head, &mut shutdown).await {
            Ok(head) => head,
            Err(failure) => return fail(stream, &failure, None, false, timeouts).await,
        };
        let admission = match front.admit(&head.headers) {
            Ok(admission) => admission,
            Err(refusal) => {
                log_refusal(&head, refusal);
                let head_only = head.method == "HEAD";
                return reject(stream, &refusal.response(), head_only, timeouts).await;
            }
        };
        let limit = front.body_limit(&head.target);
        let body = match read_body(&mut stream, &mut buffer, &head, limit, timeouts).await {
            Ok(body) => body,
            Err(failure) => {
                let head_only = head.method == "HEAD";
                return fail(stream, &failure, Some(&admission), head_only, timeouts).await;
            }
        };
        let Head {
            method,
            target,
            headers,
            keep_alive,
            ..
        } = head;
        let head_only = method == "HEAD";
        let request = HttpRequest {
            method,
            target,
            headers,
            body,
        };
        let responder = Arc::clone(&front);
        let admitted = admission.clone();
        let response = tokio::task::spawn_blocking(move || responder.respond(&request, &admitted))
            .await
            .unwrap_or_else(|_| {
                let mut answer =
                    plain_error(500, "internal error: the emulator failed on this request");
                admission.add_cors_headers(&mut answer);
                answer
            });
        let keep_alive = keep_alive && !*shutdown.borrow();
        let bytes = wire::encode_response(&response, keep_alive, head_only);
        if !matches!(
            timeout(timeouts.write, stream.write_all(&bytes)).await,
            Ok(Ok(()))
        ) {
            return;
        }
        if !keep_alive {
            let _ = timeout(timeouts.write, stream.shutdown()).await;
            return;
        }
    }
}

/// Answers a request that could not be read (with CORS headers when it was admitted, so its
/// page can read a `413` instead of seeing an opaque network error), then closes.
async fn fail(
    stream: TcpStream,
    failure: &ReadFailure,
    admission: Option<&Admission>,
    head_only: bool,
    timeouts: Timeouts,
) {
    if let Some(mut answer) = failure.answer(timeouts) {
        if let Some(admission) = admission {
            admission.add_cors_headers(&mut answer);
        }
        reject(stream, &answer, head_only, timeouts).await;
    }
}

/// One line on stderr per refused request, so a developer whose own page or proxy is refused
/// sees why. The values are printed escaped: they come from anyone.
fn log_refusal(head: &Head, refusal: crate::access::Refusal) {
    let names = refusal.header_names();
    let headers: Vec<String> = head
        .headers
        .iter()
        .filter(|(header, _)| names.iter().any(|name| header.eq_ignore_ascii_case(name)))
        .map(|(name, value)| format!("{name}: {value:?}"))
        .collect();
    eprintln!(
        "signkit sandbox: refused {} {} with 403 ({}): {}; {}",
        head.method.escape_debug(),
        head.target.escape_debug(),
        refusal.reason(),
        headers.join(", "),
        refusal.remedy()
    );
}

async fn read_head(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    limit: Duration,
    shutdown: &mut watch::Receiver<bool>,
) -> Result<Head, ReadFailure> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some((head, consumed)) = wire::parse_head(buffer)? {
            buffer.drain(..consumed);
            return Ok(head);
        }
        let idle = buffer.is_empty();
        if idle && *shutdown.borrow() {
            return Err(ReadFailure::Closed);
        }
        let read = tokio::select! {
            read = timeout_at(deadline, read_more(stream, buffer)) => read,
            _ = shutdown.changed(), if idle => return Err(ReadFailure::Closed),
        };
        match read {
            // An idle keep-alive connection that times out is closed without a word.
            Err(_) if idle => return Err(ReadFailure::Closed),
            Err(_) => return Err(ReadFailure::TimedOut),
            Ok(Ok(0) | Err(_)) => return Err(ReadFailure::Closed),
            Ok(Ok(_)) => {}
        }
    }
}

async fn read_body(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    head: &Head,
    limit: usize,
    timeouts: Timeouts,
) -> Result<Vec<u8>, ReadFailure> {
    let deadline = Instant::now() + timeouts.body;
    match head.framing {
        BodyFraming::Empty => Ok(Vec::new()),
        BodyFraming::Length(length) => {
            // Refused before a single body byte is read.
            let length = usize::try_from(length)
                .ok()
                .filter(|length| *length <= limit)
                .ok_or(WireError::BodyTooLarge)?;
            if length > 0 {
                send_continue(stream, buffer, head, timeouts).await?;
            }
            buffer.reserve(length.saturating_sub(buffer.len()));
            while buffer.len() < length {
                read_body_bytes(stream, buffer, deadline).await?;
            }
            let rest = buffer.split_off(length);
            Ok(std::mem::replace(buffer, rest))
        }
        BodyFraming::Chunked => {
            send_continue(stream, buffer, head, timeouts).await?;
            let mut decoder = ChunkedDecoder::new(limit);
            let mut body = Vec::new();
            loop {
                let used = decoder.decode(buffer, &mut body)?;
                buffer.drain(..used);
                if decoder.is_done() {
                    return Ok(body);
                }
                read_body_bytes(stream, buffer, deadline).await?;
            }
        }
    }
}

/// `100 Continue` for a client that waits for it (and has not started sending anyway).
async fn send_continue(
    stream: &mut TcpStream,
    buffer: &[u8],
    head: &Head,
    timeouts: Timeouts,
) -> Result<(), ReadFailure> {
    if !head.expects_continue || !buffer.is_empty() {
        return Ok(());
    }
    match timeout(timeouts.write, stream.write_all(wire::CONTINUE)).await {
        Ok(Ok(())) => Ok(()),
        _ => Err(ReadFailure::Closed),
    }
}

async fn read_body_bytes(
    stream: &mut TcpStream,
    buffer: &mut Vec<u8>,
    deadline: Instant,
) -> Result<(), ReadFailure> {
    match timeout_at(deadline, read_more(stream, buffer)).await {
        Err(_) => Err(ReadFailure::TimedOut),
        Ok(Ok(0) | Err(_)) => Err(ReadFailure::Closed),
        Ok(Ok(_)) => Ok(()),
    }
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    buffer.reserve(READ_CHUNK);
    stream.read_buf(buffer).await
}

/// Sends an error answer and closes the connection without resetting it: the client may
/// still be sending (a body that was refused), and closing a socket with unread input makes
/// the kernel send a reset that can destroy the answer before the client reads it. So:
/// answer, shut down the sending side, then read and drop what still comes, within limits.
async fn reject(mut stream: TcpStream, answer: &HttpResponse, head_only: bool, timeouts: Timeouts) {
    let bytes = wire::encode_response(answer, false, head_only);
    if !matches!(
        timeout(timeouts.write, stream.write_all(&bytes)).await,
        Ok(Ok(()))
    ) {
        return;
    }
    if !matches!(timeout(timeouts.write, stream.shutdown()).await, Ok(Ok(()))) {
        return;
    }
    let drain = async {
        let mut sink = vec![0u8; READ_CHUNK];
        let mut drained = 0;
        while drained < LINGER_MAX_BYTES {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => break,
                Ok(read) => drained += read,
            }
        }
    };
    let _ = timeout(timeouts.linger, drain).await;
}

/// A `text/plain` answer `sandbox: MESSAGE` + LF, the form of the spec's sandbox-defined
/// HTTP errors (§10.1).
fn plain_error(status: u16, message: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: vec![("Content-Type".into(), "text/plain; charset=utf-8".into())],
        body: format!("sandbox: {message}\n").into_bytes(),
    }
}
