//! The preview's sockets: the listener (with `TCP_NODELAY`), the threads
//! that answer requests with tiny_http, and the hub that holds the open
//! Server-Sent Events streams and pushes rebuild events into them.
//!
//! What to answer is decided in `http`; this module only moves bytes. It is
//! the only place of the crate that speaks HTTP.

use std::io::{self, Cursor, Write};
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::http::{self, Body, NO_STORE, Reply};
use super::reload;
use super::site::State;

/// Threads answering requests; every answer comes from memory, so a few
/// are enough, and event streams do not hold one (they live in the [`Hub`]).
const WORKERS: usize = 4;
/// How often open event streams get a comment line: a closed browser tab is
/// noticed (and its stream dropped) at the latest after this long.
const PING: Duration = Duration::from_secs(10);

/// Binds the listening socket with `TCP_NODELAY` set, which accepted
/// sockets inherit (without it, keep-alive answers can wait ~40 ms for
/// Nagle's algorithm).
pub fn bind(addr: SocketAddr) -> io::Result<TcpListener> {
    let listener = TcpListener::bind(addr)?;
    set_nodelay(&listener)?;
    Ok(listener)
}

#[cfg(unix)]
fn set_nodelay(l: &TcpListener) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let one: libc::c_int = 1;
    // SAFETY: a valid socket descriptor owned by `l`, and a pointer to a
    // c_int that outlives the call, with its exact size.
    let rc = unsafe {
        libc::setsockopt(
            l.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_NODELAY,
            (&one as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn set_nodelay(_: &TcpListener) -> io::Result<()> {
    Ok(())
}

/// Starts answering on `listener` from `state`, in background threads.
pub fn start(listener: TcpListener, state: Arc<State>, hub: Arc<Hub>) -> io::Result<()> {
    let server = Server::from_listener(listener, None).map_err(io::Error::other)?;
    let server = Arc::new(server);
    for n in 0..WORKERS {
        let (server, state, hub) = (Arc::clone(&server), Arc::clone(&state), Arc::clone(&hub));
        thread::Builder::new()
            .name(format!("serve-http-{n}"))
            .spawn(move || {
                while let Ok(req) = server.recv() {
                    answer(req, &state, &hub);
                }
            })?;
    }
    let pinger = Arc::clone(&hub);
    thread::Builder::new()
        .name("serve-ping".into())
        .spawn(move || {
            loop {
                thread::sleep(PING);
                pinger.ping();
            }
        })?;
    Ok(())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

fn answer(req: Request, state: &State, hub: &Hub) {
    let snap = state.get();
    let method = req.method().as_str().to_string();
    let reply = http::respond(&method, req.url(), &snap);
    let (status, content_type, body, extra): (u16, &str, Vec<u8>, Option<Header>) = match reply {
        Reply::Events if *req.method() == Method::Get => {
            hub.subscribe(req.into_writer(), snap.generation);
            return;
        }
        Reply::Events => (200, "text/event-stream", Vec::new(), None),
        Reply::Body {
            status,
            content_type,
            body,
        } => return send(req, status, content_type, body, None),
        Reply::Redirect { location } => (
            308,
            "text/plain; charset=utf-8",
            format!("Moved to {location}\n").into_bytes(),
            Some(header("Location", &location)),
        ),
        Reply::MethodNotAllowed => (
            405,
            "text/plain; charset=utf-8",
            b"405 Method Not Allowed: the preview answers GET and HEAD only\n".to_vec(),
            Some(header("Allow", "GET, HEAD")),
        ),
        Reply::BadRequest(why) => (
            400,
            "text/plain; charset=utf-8",
            format!("400 Bad Request: {why}\n").into_bytes(),
            None,
        ),
    };
    send(req, status, content_type, Body::Owned(body), extra)
}

/// Writes an answer; bytes of the site are sent from the snapshot, not copied.
fn send(req: Request, status: u16, content_type: &str, body: Body, extra: Option<Header>) {
    let len = body.as_ref().len();
    let mut headers = vec![
        header("Content-Type", content_type),
        header(NO_STORE.0, NO_STORE.1),
        header("X-Content-Type-Options", "nosniff"),
    ];
    headers.extend(extra);
    let response = Response::new(
        StatusCode(status),
        headers,
        Cursor::new(body),
        Some(len),
        None,
    );
    // A client that went away is not an error of the preview.
    let _ = req.respond(response);
}

/// The open event streams.
#[derive(Default)]
pub struct Hub {
    clients: Mutex<Vec<Box<dyn Write + Send>>>,
}

impl Hub {
    /// Starts an event stream on a connection: headers, then `hello` with
    /// the current generation (the page compares it with its own).
    pub fn subscribe(&self, mut w: Box<dyn Write + Send>, generation: u64) {
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 500\n\n{}",
            reload::event("hello", generation)
        );
        if w.write_all(head.as_bytes()).and_then(|_| w.flush()).is_ok() {
            self.lock().push(w);
        }
    }

    /// Sends `reload` to every open stream; returns how many got it.
    pub fn reload(&self, generation: u64) -> usize {
        self.broadcast(&reload::event("reload", generation))
    }

    /// A comment line, so streams of closed tabs fail and are dropped.
    pub fn ping(&self) -> usize {
        self.broadcast(": ping\n\n")
    }

    fn broadcast(&self, frame: &str) -> usize {
        let mut clients = self.lock();
        clients.retain_mut(|w| {
            w.write_all(frame.as_bytes())
                .and_then(|_| w.flush())
                .is_ok()
        });
        clients.len()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Box<dyn Write + Send>>> {
        self.clients.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// A connection that records what it got and can be "closed".
    #[derive(Clone, Default)]
    struct Conn {
        got: Arc<Mutex<Vec<u8>>>,
        closed: Arc<AtomicBool>,
    }

    impl Write for Conn {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            if self.closed.load(Ordering::SeqCst) {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
            self.got.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn streams_get_hello_then_reloads_and_closed_ones_are_dropped() {
        let hub = Hub::default();
        let (a, b) = (Conn::default(), Conn::default());
        hub.subscribe(Box::new(a.clone()), 5);
        hub.subscribe(Box::new(b.clone()), 5);
        assert_eq!(hub.len(), 2);
        let text = String::from_utf8(a.got.lock().unwrap().clone()).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"));
        assert!(text.ends_with("event: hello\ndata: 5\n\n"), "{text}");

        b.closed.store(true, Ordering::SeqCst);
        assert_eq!(hub.reload(6), 1);
        assert!(hub.ping() == 1);
        let text = String::from_utf8(a.got.lock().unwrap().clone()).unwrap();
        assert!(
            text.ends_with("event: reload\ndata: 6\n\n: ping\n\n"),
            "{text}"
        );
    }
}
