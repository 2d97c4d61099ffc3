//! The preview's sockets: a small HTTP/1.1 server (keep-alive, `HEAD`,
//! `TCP_NODELAY`, Server-Sent Events) on one event-loop thread over
//! non-blocking sockets (mio: epoll, kqueue). It is the only place of the
//! crate that talks to sockets; reading a request head
//! ([`http::take_head`]) and what to answer are decided in `http`.
//!
//! Hostile or broken clients cannot hold up the others: no socket call ever
//! blocks, so a client that sends requests and never reads its answers costs
//! nothing but its own buffers. Every connection is bounded:
//! - the request line and headers: [`MAX_HEAD`] bytes, then 431;
//! - its answers: the next request is read only once the previous answer is
//!   written, and an answer is the snapshot's bytes (shared, not copied);
//! - an event stream: its socket's send buffer is small ([`STREAM_SNDBUF`]),
//!   and it is dropped when its client stops reading: more than
//!   [`MAX_STREAM_BACKLOG`] bytes not yet taken by the client (ours and the
//!   kernel's), or some for [`STALL_TIMEOUT`] without a pause (the page
//!   reconnects when it wakes up, and its `hello` event says whether it
//!   missed a rebuild);
//! - time: a request head must arrive within [`HEAD_TIMEOUT`] (from the
//!   connection, for its first request: a silent connection is closed then),
//!   an answer must make progress within [`STALL_TIMEOUT`], an idle
//!   keep-alive connection is closed after [`IDLE_TIMEOUT`];
//! - count: at most [`MAX_CONNECTIONS`] at once, event streams included, of
//!   which [`MAX_STREAMS`] event streams: a new stream past that closes the
//!   oldest one (a browser keeps six connections per server, so only
//!   forgotten or dead tabs reach it), so streams never take the places of
//!   page requests. Past [`MAX_CONNECTIONS`] a connection is answered `503`
//!   with `Retry-After` and closed ([`MAX_REFUSING`] of them at a time; the
//!   next wait in the system's queue).
//!
//! Requests whose lines end with LF alone are read like CRLF ones, as most
//! HTTP/1.1 servers do ([`http::take_head`]). On a loopback address (the default) only requests
//! for a loopback name or address are answered (`Host`; others get 403), so
//! a web page cannot read the preview through a name of its own that points
//! at 127.0.0.1 (DNS rebinding); bound to another address (`--bind`), other
//! machines use whatever name they know it by.
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
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use mio::net::{TcpListener, TcpStream};
use mio::{Events, Interest, Poll, Token, Waker};

use super::http::{self, Body, Head, HeadError, MAX_HEAD, NO_STORE, Reply, take_head};
use super::reload;
use super::site::State;
use crate::i18n::t;

/// Connections open at once, event streams included.
pub(crate) const MAX_CONNECTIONS: usize = 512;
/// Event streams open at once (part of [`MAX_CONNECTIONS`]); a new one past
/// this closes the oldest.
pub(crate) const MAX_STREAMS: usize = 64;
/// Connections past [`MAX_CONNECTIONS`] being answered 503 at once; the
/// next ones wait in the system's queue until these are done.
pub(crate) const MAX_REFUSING: usize = 64;
/// Bytes an event stream may have waiting for its reader, in our queue and
/// the kernel's, before it is dropped (a reload event is ~40 bytes, a ping 9).
pub(crate) const MAX_STREAM_BACKLOG: usize = 16 * 1024;
/// The send buffer asked for an event stream's socket (the kernel may
/// double it): what a tab that stopped reading can hold of our memory.
pub(crate) const STREAM_SNDBUF: usize = 8 * 1024;
/// A request head must be complete within this time: from the connection
/// for the first request (a silent connection), from its first byte for
/// the next ones on a kept connection (slowloris).
pub(crate) const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// An answer that the client does not read for this long is abandoned; so
/// is an event stream whose client has not taken all it was sent for this
/// long.
pub(crate) const STALL_TIMEOUT: Duration = Duration::from_secs(10);
/// What a 503 answer (past [`MAX_CONNECTIONS`]) says in `Retry-After`.
const RETRY_AFTER_SECS: u64 = 1;
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
    let loopback_only = listener.local_addr()?.ip().is_loopback();
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
        streams: VecDeque::new(),
        refusing: 0,
        loopback_only,
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
    /// The open event streams, oldest first.
    streams: VecDeque<Token>,
    /// Connections being answered 503 (past [`MAX_CONNECTIONS`]).
    refusing: usize,
    /// Bound to a loopback address: requests must name a loopback host.
    loopback_only: bool,
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
        // Past both caps the connections wait in the system's queue (taken
        // at the next sweep), not closed unanswered.
        while self.conns.len() < MAX_CONNECTIONS + MAX_REFUSING {
            let mut sock = match self.listener.accept() {
                Ok((s, _)) => s,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                // WouldBlock, or out of descriptors: try again later.
                Err(_) => return,
            };
            let _ = sock.set_nodelay(true);
            let token = Token(self.next_token);
            self.next_token = self.next_token.wrapping_add(1).max(2);
            if self
                .poll
                .registry()
                .register(&mut sock, token, Interest::READABLE | Interest::WRITABLE)
                .is_ok()
            {
                let mut conn = Conn::new(sock, now, self.loopback_only);
                if self.conns.len() - self.refusing >= MAX_CONNECTIONS {
                    conn.busy();
                    self.refusing += 1;
                }
                self.conns.insert(token, conn);
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
            conn.became_stream();
            self.streams.push_back(token);
            if self.streams.len() > MAX_STREAMS
                && let Some(oldest) = self.streams.front().copied()
            {
                self.close(oldest);
            }
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
                self.streams.retain(|t| *t != token);
            }
            if conn.refusing {
                self.refusing -= 1;
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
            if conn.unsent() + frame.len() > MAX_STREAM_BACKLOG {
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
            .iter_mut()
            .filter_map(|(t, c)| c.expired(now).then_some(*t))
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
    /// Since when the connection waits: for a request (from the connection,
    /// then from the end of the last answer or the first byte of the next
    /// request), or for its client to read (reset by every byte written).
    since: Instant,
    /// A request whose answer is not rendered yet ([`Turn::Parked`]).
    parked: Option<Head>,
    /// A request was answered: waiting for the next is keep-alive.
    answered: bool,
    /// Answered 503 (past [`MAX_CONNECTIONS`]): not counted among them.
    refusing: bool,
    /// Requests must name a loopback host ([`http::loopback_host`]).
    loopback_only: bool,
    /// An event stream: since when its client has not taken all it was sent.
    stuck: Option<Instant>,
}

const READ_CHUNK: usize = 4096;

impl Conn {
    fn new(sock: TcpStream, now: Instant, loopback_only: bool) -> Conn {
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
            answered: false,
            refusing: false,
            loopback_only,
            stuck: None,
        }
    }

    /// Answers 503 at once (too many connections), then closes.
    fn busy(&mut self) {
        self.refusing = true;
        let body = format!("{}\n", t!("serve-busy", max = MAX_CONNECTIONS));
        self.reply(
            503,
            "text/plain; charset=utf-8",
            Body::Owned(body.into_bytes()),
            Some(("Retry-After", RETRY_AFTER_SECS.to_string())),
            Some("close"),
            true,
        );
    }

    /// The connection has just become an event stream: its socket keeps
    /// little for a client that stops reading.
    fn became_stream(&mut self) {
        set_send_buffer(&self.sock, STREAM_SNDBUF);
    }

    /// Bytes sent to the client and not taken by it yet: ours still queued
    /// and, where the system tells, those in the socket's send queue.
    fn unsent(&self) -> usize {
        self.queued + kernel_unsent(&self.sock)
    }

    fn push(&mut self, body: Body) {
        self.queued += body.len();
        self.out.push_back(body);
    }

    fn expired(&mut self, now: Instant) -> bool {
        if self.mode == Mode::Events {
            // A tab that reads takes each event at once: bytes left over at
            // every sweep for this long mean it stopped reading.
            if self.unsent() == 0 {
                self.stuck = None;
                return false;
            }
            let since = *self.stuck.get_or_insert(now);
            return now.saturating_duration_since(since) > STALL_TIMEOUT;
        }
        let waited = now.saturating_duration_since(self.since);
        if self.queued > 0 {
            return waited > STALL_TIMEOUT;
        }
        match self.mode {
            // Waits for the builder, whose time budget ends the wait; this
            // bound is for a builder that is gone.
            Mode::Http if self.parked.is_some() => waited > IDLE_TIMEOUT,
            Mode::Http if self.input.is_empty() && self.answered => waited > IDLE_TIMEOUT,
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
                        // The head time-out of a first request runs from
                        // the connection, of a next one from its first byte.
                        if self.input.is_empty() && self.answered {
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
        let reply = if self.loopback_only && !http::loopback_host(head.host.as_deref()) {
            http::wrong_host(head.host.as_deref().unwrap_or_default())
        } else {
            http::respond(&head.method, &head.target, &snap)
        };
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
                Body::Owned(format!("{}\n", t!("serve-moved", location = &location)).into_bytes()),
                Some(("Location", location)),
            ),
            Reply::MethodNotAllowed => (
                405,
                "text/plain; charset=utf-8",
                Body::Owned(format!("{}\n", t!("serve-method-not-allowed")).into_bytes()),
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
            HeadError::TooLarge => (431, t!("serve-request-head-too-large", max = MAX_HEAD)),
            HeadError::Malformed(why) => (400, why),
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
        self.answered = true;
    }
}

/// Bytes in `sock`'s send queue its client has not taken yet (Linux:
/// `SIOCOUTQ`, which is `TIOCOUTQ`); 0 where the system does not tell.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn kernel_unsent(sock: &TcpStream) -> usize {
    use std::os::fd::AsRawFd;
    let mut n: libc::c_int = 0;
    // SAFETY: TIOCOUTQ on a socket writes one int at the pointer given,
    // which points at a live local int.
    let rc = unsafe { libc::ioctl(sock.as_raw_fd(), libc::TIOCOUTQ, &mut n) };
    if rc == 0 {
        usize::try_from(n).unwrap_or(0)
    } else {
        0
    }
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn kernel_unsent(_: &TcpStream) -> usize {
    0
}

/// Asks for a send buffer of `bytes` on `sock` (best effort).
#[cfg(unix)]
fn set_send_buffer(sock: &TcpStream, bytes: usize) {
    use std::os::fd::AsRawFd;
    let size = libc::c_int::try_from(bytes).unwrap_or(libc::c_int::MAX);
    // SAFETY: setsockopt reads an int of the length given from a pointer
    // to a live local int.
    unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::SOL_SOCKET,
            libc::SO_SNDBUF,
            (&raw const size).cast::<libc::c_void>(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        );
    }
}

#[cfg(not(unix))]
fn set_send_buffer(_: &TcpStream, _: usize) {}

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
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_values_lose_control_characters() {
        assert_eq!(
            header_value("/a/?x\r\nSet-Cookie: y\u{1b}[0m\0"),
            "/a/?xSet-Cookie: y[0m"
        );
    }
}
