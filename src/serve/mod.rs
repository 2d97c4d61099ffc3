//! `trasparenza serve`: the live preview. The site is rendered in memory
//! ([`site`]), answered over HTTP from there ([`net`], with the rules in
//! [`http`]), rebuilt when `content/` or `themes/` change ([`watch`]), and the
//! browser reloads after every rebuild ([`reload`]).
//!
//! Invariants: the preview never writes to disk (in particular never to
//! `public/`); only keys of the rendered site can be answered; the reload
//! event is sent only after the new snapshot is in place; a failed rebuild
//! keeps the last good site and shows its errors over every page; a rebuild
//! that exceeds its time budget (a template that never ends) is reported
//! like a failed one and does not stop later rebuilds.

pub(crate) mod http;
pub(crate) mod incremental;
pub(crate) mod net;
pub(crate) mod reload;
pub(crate) mod signal;
pub(crate) mod site;
pub(crate) mod watch;

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use site::{Builder, Outcome, State};
use watch::Watch;

use crate::i18n::t;

/// Why the preview could not start.
#[derive(Debug)]
pub(crate) enum StartError {
    /// Another program listens on the address.
    AddrInUse(SocketAddr),
    /// Any other problem binding or starting the server.
    Io(String),
    /// The watcher could not start (suggest `--poll`).
    Watch(String),
}

/// A preview listening and watching; dropped only when the process ends.
pub(crate) struct Preview {
    pub addr: SocketAddr,
    pub url: String,
    hub: Arc<net::Hub>,
    builder: Builder,
}

/// Binds the address first, so a port in use is reported before any work.
pub(crate) fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, StartError> {
    let addr = SocketAddr::new(ip, port);
    net::bind(addr).map_err(|e| listen_error(addr, &e))
}

/// Why binding `addr` failed, in the user's terms: a port below 1024 needs
/// the administrator, an address that is not this computer's cannot be
/// listened on (the system's own words said neither).
fn listen_error(addr: SocketAddr, e: &io::Error) -> StartError {
    let addr_text = addr.to_string();
    StartError::Io(match e.kind() {
        io::ErrorKind::AddrInUse => return StartError::AddrInUse(addr),
        io::ErrorKind::PermissionDenied if addr.port() < 1024 => {
            t!("serve-port-reserved", addr = addr_text)
        }
        io::ErrorKind::AddrNotAvailable => t!(
            "serve-address-not-here",
            addr = addr_text,
            ip = addr.ip().to_string()
        ),
        _ => t!(
            "serve-cannot-listen",
            addr = addr_text,
            error = e.to_string()
        ),
    })
}

/// The address pages are rendered for (their canonical links, the 404
/// page's links) and the one printed for the user.
pub(crate) fn url_of(addr: SocketAddr) -> String {
    let shown = match addr.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST), addr.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(IpAddr::V6(std::net::Ipv6Addr::LOCALHOST), addr.port())
        }
        _ => addr,
    };
    format!("http://{shown}/")
}

impl Preview {
    /// Renders the site for `listener`'s address; the first build's outcome
    /// is returned for the caller to report (the server answers even when it
    /// failed: every page then shows the errors).
    /// Every rebuild, this first one included, may take `budget` at most.
    pub(crate) fn new(
        root: &Path,
        listener: &TcpListener,
        budget: Duration,
    ) -> Result<(Preview, Outcome), StartError> {
        let addr = listener
            .local_addr()
            .map_err(|e| StartError::Io(e.to_string()))?;
        let url = url_of(addr);
        // Different on every run, so pages of an earlier run reload.
        let first = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64 * 1000)
            .unwrap_or(1);
        let mut builder =
            Builder::new(root, url.clone(), Arc::new(State::default()), first).with_budget(budget);
        let outcome = builder.rebuild();
        Ok((
            Preview {
                addr,
                url,
                hub: Arc::new(net::Hub::default()),
                builder,
            },
            outcome,
        ))
    }

    /// Starts answering on `listener` and watching `root`; every rebuild is
    /// passed to `report` (with the paths that changed) after its snapshot
    /// is in place and before the browsers are told to reload.
    pub(crate) fn run(
        self,
        root: &Path,
        listener: TcpListener,
        poll: bool,
        report: impl Fn(&[PathBuf], &Outcome) + Send + 'static,
        warn: impl Fn(&str) + Send + 'static,
    ) -> Result<(), StartError> {
        let mut watch = Watch::start(root, poll).map_err(|e| StartError::Watch(e.to_string()))?;
        let Preview {
            hub, mut builder, ..
        } = self;
        // Changes between the first build and now were not seen.
        builder.walk_again();
        net::start(listener, Arc::clone(builder.state()), Arc::clone(&hub))
            .map_err(|e| StartError::Io(e.to_string()))?;
        // The watcher and the completions of the rest of the site speak to
        // the builder on one channel: a save is taken as soon as it ends,
        // also while the rest of an older one is being completed.
        let (tx, events) = mpsc::channel();
        let changes = tx.clone();
        thread::Builder::new()
            .name("serve-watch".into())
            .spawn(move || {
                while let Some(change) = watch.next_change() {
                    if changes.send(Event::Change(change)).is_err() {
                        return;
                    }
                }
                let _ = changes.send(Event::Stopped);
            })
            .map_err(|e| StartError::Io(e.to_string()))?;
        thread::Builder::new()
            .name("serve-build".into())
            .spawn(move || {
                let finished = |f: Option<site::Finished>| {
                    if let Some(f) = f {
                        if !f.quiet {
                            report(&f.paths, &f.outcome);
                        }
                        if let Some(generation) = f.reload {
                            hub.reload(generation);
                        }
                    }
                };
                loop {
                    let event = match builder.deadline() {
                        Some(at) => {
                            match events.recv_timeout(at.saturating_duration_since(Instant::now()))
                            {
                                Ok(e) => e,
                                Err(mpsc::RecvTimeoutError::Timeout) => {
                                    finished(builder.timed_out());
                                    let tx = tx.clone();
                                    builder.start_completion(move |done| {
                                        let _ = tx.send(Event::Completed(done));
                                    });
                                    continue;
                                }
                                Err(mpsc::RecvTimeoutError::Disconnected) => break,
                            }
                        }
                        None => match events.recv() {
                            Ok(e) => e,
                            Err(_) => break,
                        },
                    };
                    match event {
                        Event::Change(change) => {
                            for e in &change.errors {
                                warn(e);
                            }
                            if change.walk {
                                builder.walk_again();
                            }
                            if change.paths.is_empty() {
                                continue;
                            }
                            let outcome = builder.rebuild_after(&change.paths);
                            if outcome.changed {
                                hub.reload(outcome.generation);
                            }
                            if let Some((paths, outcome)) =
                                builder.report_later(&change.paths, outcome)
                            {
                                report(&paths, &outcome);
                            }
                        }
                        Event::Completed(done) => finished(builder.completed(done)),
                        Event::Stopped => break,
                    }
                    // The rest of the site (home, table, open data, search
                    // index, link check) after the browsers were told, given
                    // up if another save comes; also the rest of the last
                    // good site after a failed one.
                    let tx = tx.clone();
                    builder.start_completion(move |done| {
                        let _ = tx.send(Event::Completed(done));
                    });
                }
                warn(&t!("serve-stopped-watching"));
            })
            .map_err(|e| StartError::Io(e.to_string()))?;
        Ok(())
    }
}

/// What the builder's thread is told.
enum Event {
    /// A burst of changes ended.
    Change(watch::Change),
    /// The rest of a site was completed (or failed, or was given up).
    Completed(site::Completed),
    /// The watcher stopped.
    Stopped,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::{Ipv4Addr, TcpStream};
    use std::sync::mpsc;

    /// A port below 1024 refused to a user who is not the administrator
    /// says so and names a port that works (it said only "Permission
    /// denied (os error 13)").
    #[test]
    fn a_reserved_port_is_explained() {
        let addr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 80);
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let StartError::Io(m) = listen_error(addr, &denied) else {
            panic!("not an Io error");
        };
        assert!(m.contains("1024") && m.contains("--port 1111"), "{m}");
        assert!(!m.contains("os error"), "{m}");
        // Above 1024 the refusal is not about the port: the system's reason.
        let high = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8080);
        let StartError::Io(m) = listen_error(high, &denied) else {
            panic!("not an Io error");
        };
        assert!(!m.contains("1024"), "{m}");
    }

    /// `GET target` on a connection of its own: the whole answer.
    fn get(addr: SocketAddr, target: &str) -> String {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(
            s,
            "GET {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = Vec::new();
        s.read_to_end(&mut answer).expect("an answer");
        String::from_utf8_lossy(&answer).into_owned()
    }

    /// After a save the unit pages are served at once and the rest of the
    /// site follows: a request for the rest waits for it without holding up
    /// the other requests (it held the server's one event loop until the
    /// rest was rendered). The rest is rendered only when the test calls
    /// `finish` (the builder starts it after the reload event), so the
    /// outcome does not depend on how fast or how loaded the machine is; as
    /// a test of the binary with a slow template it failed 2 runs of 4 on a
    /// loaded machine.
    #[test]
    fn a_request_for_the_rest_of_the_site_does_not_hold_up_the_others() {
        let site = tempfile::tempdir().unwrap();
        let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        for e in walkdir::WalkDir::new(&example) {
            let e = e.unwrap();
            let to = site
                .path()
                .join("content")
                .join(e.path().strip_prefix(&example).unwrap());
            if e.file_type().is_dir() {
                std::fs::create_dir_all(&to).unwrap();
            } else {
                std::fs::copy(e.path(), &to).unwrap();
            }
        }
        let listener = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), 0).unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        let mut builder = Builder::new(site.path(), url_of(addr), Arc::clone(&state), 1);
        assert!(builder.rebuild().ok());
        net::start(listener, state, Arc::new(net::Hub::default())).unwrap();
        assert!(get(addr, "/tabella/").contains("Servizio Lavori pubblici"));

        let unit = site.path().join("content/lavori-pubblici.yaml");
        let text = std::fs::read_to_string(&unit).unwrap();
        let name = "nome: Servizio Lavori pubblici";
        assert!(text.contains(name));
        std::fs::write(&unit, text.replace(name, "nome: Servizio Opere pubbliche")).unwrap();
        let saved = builder.rebuild_after(&[PathBuf::from("content/lavori-pubblici.yaml")]);
        assert!(saved.ok() && saved.changed);

        // The table page is among the rest of the site: its request waits.
        let (done, answered) = mpsc::channel();
        let table = thread::spawn(move || {
            let page = get(addr, "/tabella/");
            let _ = done.send(());
            page
        });
        // Lets that request reach the server first (the assertions hold
        // whatever the order; only what they prove depends on it).
        thread::sleep(Duration::from_millis(100));
        let page = get(addr, "/lavori-pubblici/");
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(page.contains("Servizio Opere pubbliche"));
        assert!(
            answered.try_recv().is_err(),
            "the table page was answered before the rest of the site was rendered"
        );

        assert!(builder.finish().is_some_and(|done| done.ok()));
        let table = table.join().unwrap();
        assert!(table.starts_with("HTTP/1.1 200 OK\r\n"), "{table}");
        assert!(
            table.contains("Servizio Opere pubbliche"),
            "the table page is the one after the save"
        );
    }
}
