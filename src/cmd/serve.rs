//! `trasparenza serve`: starts the live preview (`crate::serve`), prints what
//! every rebuild did, and stops cleanly on Ctrl-C.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use super::output::{self, Done, Failure, Message};
use crate::cli::ServeArgs;
use crate::serve::signal::Signals;
use crate::serve::site::Outcome;
use crate::serve::{self, Preview, StartError};

/// Runs `trasparenza serve` until Ctrl-C; each rebuild is shown as it ends.
pub(super) fn run(args: &ServeArgs) -> Result<Done, Failure> {
    // First, before any thread starts: the threads inherit the blocked signals.
    let signals =
        Signals::block().map_err(|e| Failure::usage(Message::NoSignals(e.to_string())))?;
    super::site_folder(&args.root)?;
    let root = args.root.canonicalize().map_err(|e| {
        Failure::usage(Message::CannotOpenSiteFolder {
            root: args.root.clone(),
            error: e.to_string(),
        })
    })?;
    let listener = serve::bind(args.bind, args.port).map_err(|e| start_error(e, args))?;
    let (preview, first) =
        Preview::new(&root, &listener, Duration::from_secs(args.rebuild_timeout))
            .map_err(|e| start_error(e, args))?;
    if let Some(env) = &first.environment {
        return Err(Failure::usage(Message::Preview(env.clone())));
    }
    show_outcome(&[], &first);
    let url = preview.url.clone();
    let addr = preview.addr;
    preview
        .run(&root, listener, args.poll, show_outcome, |w| {
            output::warn(&Message::Preview(w.to_string()))
        })
        .map_err(|e| start_error(e, args))?;
    if !addr.ip().is_loopback() {
        output::warn(&Message::SeenOnTheNetwork(addr.ip()));
    }
    output::say(&Message::Serving {
        root: root.clone(),
        url: url.clone(),
        poll: args.poll,
    });
    if args.open {
        open_browser(&url);
    }
    let sig = signals.wait();
    Ok(Done::lines(vec![Message::Stopped(sig)]))
}

fn start_error(e: StartError, args: &ServeArgs) -> Failure {
    Failure::usage(match e {
        StartError::AddrInUse(addr) => Message::AddressInUse {
            address: addr.to_string(),
            next_port: args.port.checked_add(1).unwrap_or(1112),
        },
        StartError::Io(m) => Message::Preview(m),
        StartError::Watch(m) => Message::CannotWatch(m),
    })
}

/// What a rebuild did, on the terminal: every problem, then one line.
fn show_outcome(changed: &[PathBuf], o: &Outcome) {
    output::problems(&o.diagnostics);
    if let Some(env) = &o.environment {
        output::tell_error(&Message::Preview(env.clone()));
    }
    let changed = changed.to_vec();
    let ms = o.took.as_millis();
    output::say(&if o.ok() {
        Message::Rebuilt {
            nothing_changed: !(o.changed || changed.is_empty()),
            changed,
            pages: o.pages,
            files: o.files,
            ms,
        }
    } else if o.files > 0 {
        Message::RebuildFailed { changed, ms }
    } else {
        Message::BuildFailed { changed, ms }
    });
}

/// Opens `url` in the default browser, best effort.
fn open_browser(url: &str) {
    let (prog, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    let mut cmd = Command::new(prog);
    cmd.args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // The preview blocks SIGINT, SIGTERM and SIGHUP in its threads to wait
        // for them; a child inherits the mask, so the browser would ignore
        // them. It starts with no signal blocked.
        // SAFETY: between fork and exec only async-signal-safe calls:
        // sigemptyset and pthread_sigmask on a local set.
        unsafe {
            cmd.pre_exec(|| {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                libc::pthread_sigmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
                Ok(())
            });
        }
    }
    let spawned = cmd.spawn();
    if let Err(e) = spawned {
        output::warn(&Message::CannotOpenBrowser {
            program: prog,
            error: e.to_string(),
            url: url.to_string(),
        });
    }
}
