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
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use site::{Builder, Outcome, State};
use watch::Watch;

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
    net::bind(addr).map_err(|e| match e.kind() {
        io::ErrorKind::AddrInUse => StartError::AddrInUse(addr),
        _ => StartError::Io(format!("cannot listen on {addr}: {e}")),
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
        net::start(listener, Arc::clone(builder.state()), Arc::clone(&hub))
            .map_err(|e| StartError::Io(e.to_string()))?;
        thread::Builder::new()
            .name("serve-watch".into())
            .spawn(move || {
                while let Some(change) = watch.next_change() {
                    for e in &change.errors {
                        warn(e);
                    }
                    if change.paths.is_empty() {
                        continue;
                    }
                    let outcome = builder.rebuild_after(&change.paths);
                    if outcome.changed {
                        hub.reload(outcome.generation);
                    }
                    // The rest of the site (home, table, open data, search
                    // index, link check) after the browsers were told.
                    match builder.finish() {
                        Some(done) => {
                            if done.ok() {
                                let outcome = site::Outcome {
                                    pages: done.pages,
                                    files: done.files,
                                    ..outcome
                                };
                                report(&change.paths, &outcome);
                            } else {
                                report(&change.paths, &done);
                            }
                            if done.changed {
                                hub.reload(done.generation);
                            }
                        }
                        None => report(&change.paths, &outcome),
                    }
                }
                warn("stopped watching for changes: restart `trasparenza serve` to see new saves");
            })
            .map_err(|e| StartError::Io(e.to_string()))?;
        Ok(())
    }
}
