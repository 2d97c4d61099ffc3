//! The preview's sockets: a small HTTP/1.1 server (keep-alive, `HEAD`,
//! `TCP_NODELAY`, Server-Sent Events) on one event-loop thread over
//! non-blocking sockets (mio: epoll, kqueue). It is the only place of the
//! crate that speaks HTTP; what to answer is decided in `http`.
//!
//! Hostile or broken clients cannot hold up the others: no socket call ever
//! blocks, so a client that sends requests and never reads its answers costs
//! nothing but its own buffers. Every connection is bounded:
//! - the request line and headers: [`MAX_HEAD`] bytes, then 431;
//! - its answers: the next request is read only once the previous answer is
//!   written, and an answer is the snapshot's bytes (shared, not copied);
//! - an event stream: [`MAX_STREAM_BACKLOG`] bytes not yet read, then it is
//!   dropped (the page reconnects when it wakes up);
//! - time: a request head must arrive within [`HEAD_TIMEOUT`], an answer
//!   must make progress within [`STALL_TIMEOUT`], an idle keep-alive
//!   connection is closed after [`IDLE_TIMEOUT`];
//! - count: at most [`MAX_CONNECTIONS`] at once (event streams included);
//!   past that, new connections are closed at once.
//!
//! A request for a file the builder is still rendering after a save (the
//! rest of the site, [`super::site::Files::lookup`]) is parked and asked
//! again every [`PARKED_RETRY`]: the loop never waits for the builder.
//!
//! Event streams cost no thread: they are connections of the same loop, and
//! the [`Hub`] wakes the loop to push a rebuild into all of them.

use std::collections::{HashMap, VecDeque};
use std::io::{self, Read, Write};
use std::net::{Shutdown, SocketAddr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token, Waker};

use super::http::{self, Body, NO_STORE, Reply};
use super::reload;
use super::site::State;

/// Largest request line plus headers accepted; past it the answer is 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;
/// Connections open at once, event streams included.
pub(crate) const MAX_CONNECTIONS: usize = 512;
/// Bytes an event stream may have waiting for its reader before it is
/// dropped (a reload event is ~30 bytes, a ping 9).
pub(crate) const MAX_STREAM_BACKLOG: usize = 16 * 1024;
/// A started request head must be complete within this time (slowloris).
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// An answer that the client does not read for this long is abandoned.
pub(crate) const STALL_TIMEOUT: Duration = Duration::from_secs(10);
/// A keep-alive connection with no request for this long is closed.
pub(crate) const IDLE_TIMEOUT: Duration = Duration::from_secs(60);
/// After a last answer the connection is shut for writing and what the
/// client still sends is read and dropped for at most this long, so it gets
/// the answer instead of a reset.
const LINGER: Duration = Duration::from_secs(2);
/// How often open event streams get a comment line: a closed browser tab is
/// noticed (and its stream dropped) at the latest after this long.
const PING: Duration = Duration::from_secs(10);
/// How often time-outs are checked.
const TICK: Duration = Duration::from_millis(500);
/// How often a request waiting for the rest of the site asks again.
const PARKED_RETRY: Duration = Duration::from_millis(5);
/// Socket reads (and so requests) one connection may have in one turn,
/// before the others get theirs: a fast client cannot monopolise the loop.
const TURN: usize = 16;

const LISTENER: Token = Token(0);
const WAKER: Token = Token(1);

/// Binds the listening socket. Every accepted socket gets `TCP_NODELAY`
/// (without it, keep-alive answers can wait ~40 ms for Nagle's algorithm).
pub(crate) fn bind(addr: SocketAddr) -> io::Result<std::net::TcpListener> {
    std::net::TcpListener::bind(addr)
}

/// Starts answering on `listener` from `state`, on a background thread.
pub(crate) fn start(
    listener: std::net::TcpListener,
    state: Arc<State>,
    hub: Arc<Hub>,
) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let mut listener = TcpListener::from_std(listener);
    let poll = Poll::new()?;
    poll.registry()
        .register(&mut listener, LISTENER, Interest::READABLE)?;
    let waker = Waker::new(poll.registry(), WAKER)?;
    // A second start on the same hub keeps the first waker: never done.
    let _ = hub.waker.set(waker);
    let mut server = Server {
        poll,
        listener,
        state,
        hub,
        conns: HashMap::new(),
        next_token: 2,
        again: Vec::new(),
        parked: Vec::new(),
    };
    thread::Builder::new()
        .name("serve-http".into())
        .spawn(move || server.run())?;
    Ok(())
}

/// The rebuild events waiting to be pushed into the open event streams.
#[derive(Default)]
pub(crate) struct Hub {
    pending: Mutex<Vec<String>>,
    waker: OnceLock<Waker>,
    streams: AtomicUsize,
}

impl Hub {
    /// Sends `reload` to every open event stream (from any thread).
    pub(crate) fn reload(&self, generation: u64) {
        self.lock().push(reload::event("reload", generation));
        if let Some(w) = self.waker.get() {
            let _ = w.wake();
        }
    }

    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<String>> {
        self.pending.lock().unwrap_or_else(|p| p.into_inner())
    }
}

struct Server {
    poll: Poll,
    listener: TcpListener,
    state: Arc<State>,
    hub: Arc<Hub>,
    conns: HashMap<Token, Conn>,
    next_token: usize,
    /// Connections that used up their turn with work left: the socket will
    /// not signal that work again (edge-triggered), so they are driven on
    /// the next round.
    again: Vec<Token>,
    /// Connections whose request waits for the rest of the site.
    parked: Vec<Token>,
}

impl Server {
    fn run(&mut self) {
        let mut events = Events::with_capacity(256);
        let mut next_ping = Instant::now() + PING;
        let mut next_sweep = Instant::now() + TICK;
        loop {
            let wait = if !self.again.is_empty() {
                Duration::ZERO
            } else if !self.parked.is_empty() {
                PARKED_RETRY
            } else {
                TICK
            };
            if let Err(e) = self.poll.poll(&mut events, Some(wait)) {
                if e.kind() != io::ErrorKind::Interrupted {
                    // Not expected; do not spin.
                    thread::sleep(TICK);
                }
                continue;
            }
            let now = Instant::now();
            for ev in events.iter() {
                match ev.token() {
                    LISTENER => self.accept(now),
                    WAKER => {
                        for frame in self.hub.take() {
                            self.broadcast(&frame, now);
                        }
                    }
                    token => self.drive(token, now),
                }
            }
            for token in std::mem::take(&mut self.again) {
                self.drive(token, now);
            }
            for token in std::mem::take(&mut self.parked) {
                self.drive(token, now);
            }
            if now >= next_sweep {
                self.sweep(now);
                // Connections refused while at the cap (or for lack of
                // descriptors) are tried again.
                self.accept(now);
                next_sweep = now + TICK;
            }
            if now >= next_ping {
                self.broadcast(": ping\n\n", now);
                next_ping = now + PING;
            }
        }
    }

    fn accept(&mut self, now: Instant) {
        loop {
            let mut sock = match self.listener.accept() {
                Ok((s, _)) => s,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // WouldBlock, or out of descriptors: try again later.
                Err(_) => return,
            };
            if self.conns.len() >= MAX_CONNECTIONS {
                continue; // dropped: closed at once
            }
            let _ = sock.set_nodelay(true);
            let token = Token(self.next_token);
            self.next_token = self.next_token.wrapping_add(1).max(2);
            if self
                .poll
                .registry()
                .register(&mut sock, token, Interest::READABLE | Interest::WRITABLE)
                .is_ok()
            {
                self.conns.insert(token, Conn::new(sock, now));
                self.drive(token, now);
            }
        }
    }

    fn drive(&mut self, token: Token, now: Instant) {
        let Some(conn) = self.conns.get_mut(&token) else {
            return;
        };
        let was_stream = conn.mode == Mode::Events;
        let turn = conn.drive(&self.state, now);
        if !was_stream && conn.mode == Mode::Events {
            self.hub.streams.fetch_add(1, Ordering::Relaxed);
        }
        match turn {
            Turn::Waiting => {}
            Turn::Yielded => {
                if !self.again.contains(&token) {
                    self.again.push(token);
                }
            }
            Turn::Over => self.close(token),
            Turn::Parked => {
                if !self.parked.contains(&token) {
                    self.parked.push(token);
                }
            }
        }
    }

    fn close(&mut self, token: Token) {
        if let Some(mut conn) = self.conns.remove(&token) {
            if conn.mode == Mode::Events {
                self.hub.streams.fetch_sub(1, Ordering::Relaxed);
            }
            let _ = self.poll.registry().deregister(&mut conn.sock);
        }
    }

    fn broadcast(&mut self, frame: &str, now: Instant) {
        let streams: Vec<Token> = self
            .conns
            .iter()
            .filter(|(_, c)| c.mode == Mode::Events)
            .map(|(t, _)| *t)
            .collect();
        for token in streams {
            let Some(conn) = self.conns.get_mut(&token) else {
                continue;
            };
            if conn.queued + frame.len() > MAX_STREAM_BACKLOG {
                self.close(token);
                continue;
            }
            conn.push(Body::Owned(frame.as_bytes().to_vec()));
            self.drive(token, now);
        }
    }

    fn sweep(&mut self, now: Instant) {
        let expired: Vec<Token> = self
            .conns
            .iter()
            .filter(|(_, c)| c.expired(now))
            .map(|(t, _)| *t)
            .collect();
        for token in expired {
            self.close(token);
        }
    }
}

/// How a connection's turn ended.
enum Turn {
    /// Waiting for its socket.
    Waiting,
    /// Work left, to do on the next round.
    Yielded,
    /// Closed or failed: drop it.
    Over,
    /// Its request waits for the rest of the site (after a save): asked
    /// again every [`PARKED_RETRY`].
    Parked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Reading requests and answering them, one at a time.
    Http,
    /// An event stream: only pushes; what the client sends is dropped.
    Events,
    /// The last answer is written: dropping input until EOF or the time.
    Draining(Instant),
}

struct Conn {
    sock: TcpStream,
    mode: Mode,
    /// Bytes of the next request head(s); never more than
    /// `MAX_HEAD + READ_CHUNK`.
    input: Vec<u8>,
    out: VecDeque<Body>,
    /// Bytes of `out.front()` already written.
    sent: usize,
    /// Bytes of `out` not written yet.
    queued: usize,
    /// Shut the connection (and drain) once `out` is written.
    last: bool,
    /// Since when the connection waits: for a request, or for its client to
    /// read (reset by every byte written).
    since: Instant,
    /// A request whose answer is not rendered yet ([`Turn::Parked`]).
    parked: Option<Head>,
}

const READ_CHUNK: usize = 4096;

impl Conn {
    fn new(sock: TcpStream, now: Instant) -> Conn {
        Conn {
            sock,
            mode: Mode::Http,
            input: Vec::new(),
            out: VecDeque::new(),
            sent: 0,
            queued: 0,
            last: false,
            since: now,
            parked: None,
        }
    }

    fn push(&mut self, body: Body) {
        self.queued += body.len();
        self.out.push_back(body);
    }

    fn expired(&self, now: Instant) -> bool {
        let waited = now.saturating_duration_since(self.since);
        if self.queued > 0 {
            return waited > STALL_TIMEOUT;
        }
        match self.mode {
            Mode::Http if self.input.is_empty() => waited > IDLE_TIMEOUT,
            Mode::Http => waited > HEAD_TIMEOUT,
            Mode::Events => false,
            Mode::Draining(until) => now > until,
        }
    }

    /// Makes the steps the socket allows without blocking, [`TURN`] reads
    /// at most.
    fn drive(&mut self, state: &State, now: Instant) -> Turn {
        let mut reads = 0;
        loop {
            match self.flush(now) {
                Err(_) => return Turn::Over,
                Ok(false) => return Turn::Waiting,
                Ok(true) => {}
            }
            if reads >= TURN {
                return Turn::Yielded;
            }
            if self.last {
                self.last = false;
                let _ = self.sock.shutdown(Shutdown::Write);
                self.mode = Mode::Draining(now + LINGER);
                self.input = Vec::new();
            }
            if self.mode == Mode::Http {
                let next = match self.parked.take() {
                    Some(head) => Some(Ok(head)),
                    None => take_head(&mut self.input),
                };
                match next {
                    Some(Ok(head)) => {
                        if !self.answer(&head, state) {
                            self.parked = Some(head);
                            return Turn::Parked;
                        }
                        reads += 1;
                        continue;
                    }
                    Some(Err(e)) => {
                        self.refuse(e);
                        continue;
                    }
                    None => {}
                }
            }
            reads += 1;
            let mut buf = [0u8; READ_CHUNK];
            match self.sock.read(&mut buf) {
                Ok(0) => return Turn::Over,
                Ok(n) => {
                    if self.mode == Mode::Http {
                        if self.input.is_empty() {
                            self.since = now;
                        }
                        self.input.extend_from_slice(&buf[..n]);
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Turn::Waiting,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(_) => return Turn::Over,
            }
        }
    }

    /// Writes what is queued; Ok(true) when all of it is written.
    fn flush(&mut self, now: Instant) -> io::Result<bool> {
        while let Some(front) = self.out.front() {
            let mut skip = self.sent;
            let mut chunk: &[u8] = &[];
            for part in front.parts() {
                if skip < part.len() {
                    chunk = &part[skip..];
                    break;
                }
                skip -= part.len();
            }
            if chunk.is_empty() {
                self.out.pop_front();
                self.sent = 0;
                continue;
            }
            match self.sock.write(chunk) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => {
                    self.sent += n;
                    self.queued -= n;
                    self.since = now;
                }
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => return Ok(false),
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }

    /// Answers `head`; false when the answer is not rendered yet.
    fn answer(&mut self, head: &Head, state: &State) -> bool {
        let snap = state.get();
        let reply = http::respond(&head.method, &head.target, &snap);
        let keep = head.keep_alive && !head.has_body;
        let (status, content_type, body, extra) = match reply {
            Reply::Events if head.method == "GET" => {
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 500\n\n{}",
                    reload::event("hello", snap.generation)
                );
                self.push(Body::Owned(head.into_bytes()));
                self.mode = Mode::Events;
                self.input = Vec::new();
                return true;
            }
            Reply::NotYet => return false,
            Reply::Events => (200, "text/event-stream", Body::Owned(Vec::new()), None),
            Reply::Body {
                status,
                content_type,
                body,
            } => (status, content_type, body, None),
            Reply::Redirect { location } => (
                308,
                "text/plain; charset=utf-8",
                Body::Owned(format!("Moved to {location}\n").into_bytes()),
                Some(("Location", location)),
            ),
            Reply::MethodNotAllowed => (
                405,
                "text/plain; charset=utf-8",
                Body::Owned(
                    b"405 Method Not Allowed: the preview answers GET and HEAD only\n".to_vec(),
                ),
                Some(("Allow", "GET, HEAD".to_string())),
            ),
            Reply::BadRequest(why) => (
                400,
                "text/plain; charset=utf-8",
                Body::Owned(format!("400 Bad Request: {why}\n").into_bytes()),
                None,
            ),
        };
        let send_body = head.method != "HEAD";
        let connection = match (keep, head.http10) {
            (false, _) => Some("close"),
            (true, true) => Some("keep-alive"),
            (true, false) => None,
        };
        self.reply(status, content_type, body, extra, connection, send_body);
        true
    }

    /// Answers a request that could not be read, then closes.
    fn refuse(&mut self, e: HeadError) {
        let (status, why) = match e {
            HeadError::TooLarge => (
                431,
                format!("the request line and headers are larger than {MAX_HEAD} bytes"),
            ),
            HeadError::Malformed(why) => (400, why.to_string()),
        };
        let text = format!("{status} {}: {why}\n", reason(status));
        let body = Body::Owned(text.into_bytes());
        self.reply(
            status,
            "text/plain; charset=utf-8",
            body,
            None,
            Some("close"),
            true,
        );
    }

    fn reply(
        &mut self,
        status: u16,
        content_type: &str,
        body: Body,
        extra: Option<(&str, String)>,
        connection: Option<&str>,
        send_body: bool,
    ) {
        let mut head = format!(
            "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{}: {}\r\nX-Content-Type-Options: nosniff\r\n",
            reason(status),
            body.len(),
            NO_STORE.0,
            NO_STORE.1,
        );
        if let Some((name, value)) = extra {
            head.push_str(&format!("{name}: {}\r\n", header_value(&value)));
        }
        if let Some(c) = connection {
            head.push_str(&format!("Connection: {c}\r\n"));
        }
        head.push_str("\r\n");
        self.push(Body::Owned(head.into_bytes()));
        if send_body {
            self.push(body);
        }
        self.last = connection == Some("close");
    }
}

/// A header value with every control character (CR, LF, NUL, ESC, ...)
/// dropped: bytes from a request can never split or add a header.
pub(crate) fn header_value(v: &str) -> String {
    v.chars().filter(|c| !c.is_control()).collect()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Unknown",
    }
}

/// The parts of a request head the preview uses.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub method: String,
    pub target: String,
    /// The connection stays open after the answer (HTTP/1.1 without
    /// `Connection: close`, or HTTP/1.0 with `Connection: keep-alive`).
    pub keep_alive: bool,
    /// HTTP/1.0: a kept connection must be confirmed with a header.
    pub http10: bool,
    /// The request announces a body (the preview reads none: it answers,
    /// then closes the connection).
    pub has_body: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeadError {
    TooLarge,
    Malformed(&'static str),
}

/// Takes the first complete request head out of `input`: `None` while it is
/// incomplete and within [`MAX_HEAD`].
pub(crate) fn take_head(input: &mut Vec<u8>) -> Option<Result<Head, HeadError>> {
    let searched = &input[..input.len().min(MAX_HEAD)];
    let Some(end) = searched.windows(4).position(|w| w == b"\r\n\r\n") else {
        return (input.len() >= MAX_HEAD).then_some(Err(HeadError::TooLarge));
    };
    let head = parse_head(&input[..end]);
    input.drain(..end + 4);
    Some(head)
}

/// Parses a request line and headers (without the blank line).
pub(crate) fn parse_head(raw: &[u8]) -> Result<Head, HeadError> {
    let bad = HeadError::Malformed;
    let text = std::str::from_utf8(raw).map_err(|_| bad("the request head is not UTF-8"))?;
    let mut lines = text.split("\r\n");
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad("the request line must be: METHOD TARGET HTTP/1.1"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad("unknown method"));
    }
    if target.is_empty() || target.chars().any(|c| c.is_control()) {
        return Err(bad(
            "control characters are not allowed in the request target",
        ));
    }
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(bad("only HTTP/1.0 and HTTP/1.1 are spoken here")),
    };
    let mut has_body = false;
    for l in lines {
        let Some((name, value)) = l.split_once(':') else {
            return Err(bad("a header line has no colon"));
        };
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(bad("control characters are not allowed in headers"));
        }
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    keep_alive = false;
                } else if token.eq_ignore_ascii_case("keep-alive") {
                    keep_alive = true;
                }
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || (name.eq_ignore_ascii_case("content-length") && value != "0")
        {
            has_body = true;
        }
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
        http10: version == "HTTP/1.0",
        has_body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(raw: &str) -> Result<Head, HeadError> {
        parse_head(raw.as_bytes())
    }

    #[test]
    fn request_heads_are_read() {
        let h = head("GET /a/?q=1 HTTP/1.1\r\nHost: x\r\nAccept: */*").unwrap();
        assert_eq!(h.method, "GET");
        assert_eq!(h.target, "/a/?q=1");
        assert!(h.keep_alive && !h.has_body);
        assert!(
            !head("GET / HTTP/1.1\r\nConnection: close")
                .unwrap()
                .keep_alive
        );
        assert!(!head("GET / HTTP/1.0").unwrap().keep_alive);
        assert!(head("GET / HTTP/1.0").unwrap().http10);
        assert!(!head("GET / HTTP/1.1").unwrap().http10);
        assert!(
            head("GET / HTTP/1.0\r\nconnection: Keep-Alive")
                .unwrap()
                .keep_alive
        );
        assert!(
            head("POST / HTTP/1.1\r\nContent-Length: 5")
                .unwrap()
                .has_body
        );
        assert!(
            head("POST / HTTP/1.1\r\nTransfer-Encoding: chunked")
                .unwrap()
                .has_body
        );
        assert!(
            !head("GET / HTTP/1.1\r\nContent-Length: 0")
                .unwrap()
                .has_body
        );
    }

    #[test]
    fn malformed_heads_are_refused() {
        for raw in [
            "",
            "GET",
            "GET /",
            "GET  / HTTP/1.1",
            "GET / HTTP/1.1 x",
            "get / HTTP/1.1",
            "GET / HTTP/2",
            "GET /a\rb HTTP/1.1",
            "GET /a\u{1b}b HTTP/1.1",
            "GET /a\0 HTTP/1.1",
            "GET / HTTP/1.1\r\nno colon",
            "GET / HTTP/1.1\r\nX: a\rb",
            "GET / HTTP/1.1\r\nX: a\nSet-Cookie: b",
        ] {
            assert!(
                matches!(head(raw), Err(HeadError::Malformed(_))),
                "{raw:?} gave {:?}",
                head(raw)
            );
        }
        assert!(parse_head(b"GET /\xff HTTP/1.1").is_err());
    }

    #[test]
    fn heads_are_taken_one_at_a_time_and_capped() {
        let mut input = b"GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nGET /c".to_vec();
        assert_eq!(take_head(&mut input).unwrap().unwrap().target, "/a");
        assert_eq!(take_head(&mut input).unwrap().unwrap().target, "/b");
        assert!(take_head(&mut input).is_none());
        assert_eq!(input, b"GET /c");

        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.resize(MAX_HEAD - 1, b'a');
        assert!(
            take_head(&mut big).is_none(),
            "below the cap: wait for more"
        );
        big.push(b'a');
        assert_eq!(take_head(&mut big), Some(Err(HeadError::TooLarge)));
        // A complete head that ends past the cap is refused too.
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.resize(MAX_HEAD + 10, b'a');
        big.extend_from_slice(b"\r\n\r\n");
        assert_eq!(take_head(&mut big), Some(Err(HeadError::TooLarge)));
    }

    #[test]
    fn header_values_lose_control_characters() {
        assert_eq!(
            header_value("/a/?x\r\nSet-Cookie: y\u{1b}[0m\0"),
            "/a/?xSet-Cookie: y[0m"
        );
    }
}
