//! The front door under bad, slow and oversized input: every case gets its answer (or a
//! close), and the process keeps answering others.

mod support;

use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use support::{header, request, text, Connection, Server};

const TOO_LARGE: &str = "sandbox: request body too large\n";
const TWO_MIB: usize = 2 * 1024 * 1024;

fn plain_status(response: &signkit::sandbox::HttpResponse) -> (u16, Option<&str>) {
    (response.status, header(response, "content-type"))
}

#[test]
fn garbage_bytes_get_400_and_the_server_stays_up() {
    let server = Server::start(&[]);
    let garbage: [&[u8]; 6] = [
        b"\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03\r\n\r\n", // a TLS ClientHello
        b"hello\r\n\r\n",
        b"GET / HTTP/9.9\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\n\r\n",
        b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc",
    ];
    for bytes in garbage {
        let mut connection = Connection::open(server.port);
        connection.write(bytes);
        let response = connection.read_response().expect("an answer to garbage");
        assert_eq!(
            response.status,
            400,
            "{:?} → {}",
            String::from_utf8_lossy(bytes),
            text(&response)
        );
        assert!(
            text(&response).starts_with("sandbox: bad request: "),
            "{}",
            text(&response)
        );
        // No head, so no admitted origin: no CORS headers (spec §10.9 rule 3).
        assert_eq!(header(&response, "access-control-allow-origin"), None);
        assert!(connection.is_closed_by_server());
        server.assert_alive();
    }
    // Random bytes of every kind, on many connections at once.
    let mut seed = 0x1234_5678_9abc_def0u64;
    let senders: Vec<_> = (0..16)
        .map(|_| {
            let bytes: Vec<u8> = (0..512)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    seed as u8
                })
                .collect();
            let port = server.port;
            thread::spawn(move || {
                let mut connection = Connection::open(port);
                connection.write(&bytes);
                connection.finish_writing();
                connection.read_response().map(|response| response.status)
            })
        })
        .collect();
    for sender in senders {
        let status = sender.join().expect("garbage sender");
        assert!(matches!(status, None | Some(400 | 431 | 501)), "{status:?}");
    }
    server.assert_alive();
}

#[test]
fn unsupported_transfer_coding_gets_501() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    connection.write(b"POST /x HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n");
    assert_eq!(connection.read_response().map(|r| r.status), Some(501));
    server.assert_alive();
}

#[test]
fn truncated_requests_are_dropped_and_the_server_stays_up() {
    let server = Server::start(&[]);
    let cuts: [&[u8]; 4] = [
        b"POST /weiboapi/v2/createGroup HTT",
        b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nContent-Type: application/x-www-",
        b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nContent-Length: 100\r\n\r\nappKey=11",
        b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nappKey=",
    ];
    for bytes in cuts {
        let mut connection = Connection::open(server.port);
        connection.write(bytes);
        connection.finish_writing();
        assert!(
            connection.read_response().is_none(),
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
        server.assert_alive();
    }
}

#[test]
fn oversized_head_gets_431() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    let head = format!("GET / HTTP/1.1\r\nX-Big: {}\r\n\r\n", "a".repeat(70 * 1024));
    connection.write(head.as_bytes());
    assert_eq!(connection.read_response().map(|r| r.status), Some(431));
    server.assert_alive();
}

/// The body is refused on its `Content-Length` alone: the answer comes before the client sends
/// a single body byte.
#[test]
fn announced_large_body_is_refused_before_it_is_read() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    let head =
        format!("POST /weiboapi/v2/createGroup HTTP/1.1\r\nContent-Length: {TWO_MIB}\r\n\r\n");
    connection.write(head.as_bytes());
    let response = connection.read_response().expect("413 before the body");
    assert_eq!(
        plain_status(&response),
        (413, Some("text/plain; charset=utf-8"))
    );
    assert_eq!(text(&response), TOO_LARGE);
    assert_eq!(header(&response, "connection"), Some("close"));
    server.assert_alive();
}

/// A client that sends the whole 2 MiB body without waiting still reads its 413 (the server
/// answers, then drains instead of resetting the connection).
#[test]
fn two_mib_body_gets_413() {
    let server = Server::start(&[]);
    let body = vec![b'a'; TWO_MIB];
    for path in [
        "/weiboapi/v2/createGroup",
        "/clientcustom/v2/inviteUserJoin",
        "/unknown",
        "/_sandbox/health",
    ] {
        let limit_applies = !path.starts_with("/_sandbox");
        let mut connection = Connection::open(server.port);
        let head = format!("POST {path} HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {TWO_MIB}\r\n\r\n");
        let mut writer = connection.stream().try_clone().expect("clone stream");
        let body = body.clone();
        let sender = thread::spawn(move || {
            // The server may close after draining; a failed write is fine.
            let _ = writer
                .write_all(head.as_bytes())
                .and_then(|()| writer.write_all(&body));
        });
        let response = connection.read_response().expect("an answer");
        sender.join().expect("sender");
        if limit_applies {
            assert_eq!(response.status, 413, "{path}");
            assert_eq!(text(&response), TOO_LARGE);
        } else {
            // Control endpoints have their own, larger limit (fixtures can be big).
            assert_eq!(response.status, 405, "{path}: {}", text(&response));
        }
        server.assert_alive();
    }
}

#[test]
fn chunked_body_over_the_limit_gets_413() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    let mut writer = connection.stream().try_clone().expect("clone stream");
    let sender = thread::spawn(move || {
        let chunk = vec![b'b'; 64 * 1024];
        let _ = writer.write_all(
            b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
        );
        for _ in 0..(TWO_MIB / chunk.len()) {
            let framed = [format!("{:x}\r\n", chunk.len()).as_bytes(), &chunk, b"\r\n"].concat();
            if writer.write_all(&framed).is_err() {
                return;
            }
        }
        let _ = writer.write_all(b"0\r\n\r\n");
    });
    let response = connection.read_response().expect("an answer");
    sender.join().expect("sender");
    assert_eq!(
        (response.status, text(&response)),
        (413, TOO_LARGE.to_owned())
    );
    server.assert_alive();
}

#[test]
fn body_exactly_at_the_limit_reaches_the_emulator() {
    let server = Server::start(&[]);
    let body = vec![b'x'; 1_048_576];
    let response = server.send(&request("POST", "/unknown", &[], &body));
    // The emulator's own answer for an unknown path, not the front door's 413.
    assert_eq!(response.status, 404, "{}", text(&response));
    assert_eq!(text(&response), "sandbox: no such endpoint\n");
    let response = server.send(&request("POST", "/unknown", &[], &vec![b'x'; 1_048_577]));
    assert_eq!(response.status, 413);
}

#[test]
fn expect_continue_is_honoured() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    connection.write(
        b"PUT /_sandbox/clock HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 14\r\n\r\n",
    );
    let mut interim = [0u8; 25];
    std::io::Read::read_exact(connection.stream(), &mut interim).expect("100 Continue");
    assert_eq!(&interim, b"HTTP/1.1 100 Continue\r\n\r\n");
    connection.write(b"20261125100000");
    let response = connection.read_response().expect("final answer");
    assert_eq!(
        (response.status, text(&response)),
        (200, "{\"ok\":true}".to_owned())
    );
}

/// A client that trickles its head byte by byte and then stalls is answered `408` and dropped
/// after the head timeout (10 s); meanwhile everyone else is served.
#[test]
fn slow_client_is_dropped_and_others_are_served() {
    let server = Server::start(&[]);
    let mut slow = Connection::open(server.port);
    let started = Instant::now();
    for byte in b"POST /weiboapi/v2/createGroup HTTP/1.1\r\nContent-Ty" {
        slow.write(&[*byte]);
        thread::sleep(Duration::from_millis(20));
    }
    // Stalled: others still get answers, quickly.
    for _ in 0..5 {
        let asked = Instant::now();
        server.assert_alive();
        assert!(asked.elapsed() < Duration::from_secs(2));
    }
    let response = slow.read_response().expect("408 for the stalled client");
    let waited = started.elapsed();
    assert_eq!(response.status, 408, "{}", text(&response));
    assert!(slow.is_closed_by_server());
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(20),
        "dropped after {waited:?}"
    );
    server.assert_alive();
}

#[test]
fn idle_keep_alive_connection_is_closed_silently() {
    let server = Server::start(&[]);
    let mut idle = Connection::open(server.port);
    let started = Instant::now();
    assert!(idle.is_closed_by_server());
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9) && waited < Duration::from_secs(20),
        "{waited:?}"
    );
}

#[test]
fn keep_alive_and_pipelining() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    for _ in 0..3 {
        let response = connection.send(&request("GET", "/_sandbox/health", &[], b""));
        assert_eq!(header(&response, "connection"), Some("keep-alive"));
    }
    // Three requests in one write, answered in order.
    connection.write(
        b"GET /_sandbox/health HTTP/1.1\r\n\r\nGET /nope HTTP/1.1\r\n\r\nGET /_sandbox/outbound HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    let statuses: Vec<u16> = (0..3)
        .map(|_| connection.read_response().expect("pipelined answer").status)
        .collect();
    assert_eq!(statuses, [200, 404, 200]);
    assert!(connection.is_closed_by_server());
}

#[test]
fn http_1_0_closes_and_head_has_no_body() {
    let server = Server::start(&[]);
    let mut connection = Connection::open(server.port);
    connection.write(b"GET /_sandbox/health HTTP/1.0\r\n\r\n");
    let response = connection.read_response().expect("answer");
    assert_eq!(
        (response.status, header(&response, "connection")),
        (200, Some("close"))
    );
    assert!(connection.is_closed_by_server());

    let mut connection = Connection::open(server.port);
    connection
        .write(b"HEAD /_sandbox/health HTTP/1.1\r\n\r\nGET /_sandbox/health HTTP/1.1\r\n\r\n");
    // Content-Length says 11, but a HEAD answer has no body: the next bytes are the GET answer.
    let head = connection.read_response_to_head().expect("HEAD answer");
    assert_eq!(
        (head.status, header(&head, "content-length")),
        (200, Some("11"))
    );
    let get = connection.read_response().expect("GET answer");
    assert_eq!(text(&get), "{\"ok\":true}");
}

#[test]
fn many_connections_at_once_are_all_served() {
    let server = Server::start(&[]);
    let port = server.port;
    let clients: Vec<_> = (0..300)
        .map(|_| {
            thread::spawn(move || {
                let mut connection = Connection::open(port);
                connection
                    .send(&request(
                        "GET",
                        "/_sandbox/health",
                        &[("Connection", "close")],
                        b"",
                    ))
                    .status
            })
        })
        .collect();
    for client in clients {
        assert_eq!(client.join().expect("client"), 200);
    }
}

#[cfg(unix)]
#[test]
fn sigterm_shuts_down_gracefully() {
    let mut server = Server::start(&[]);
    server.assert_alive();
    let status = server.terminate();
    assert!(status.success(), "{status:?}");
    assert!(!server.is_running());
}
