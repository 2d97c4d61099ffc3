//! `trasparenza serve`: starts the live preview (`crate::serve`), prints what
//! every rebuild did, and stops cleanly on Ctrl-C.

use std::path::PathBuf;
use std::process::{Command, ExitCode, Stdio};
use std::time::Duration;

use crate::cli::{EXIT_USAGE, ServeArgs};
use crate::diagnostic::display_path;
use crate::serve::signal::Signals;
use crate::serve::site::Outcome;
use crate::serve::{self, Preview, StartError};

/// Runs `trasparenza serve`; the exit code as `cli` documents it.
pub(super) fn run(args: &ServeArgs) -> ExitCode {
    // First, before any thread starts: the threads inherit the blocked signals.
    let signals = match Signals::block() {
        Ok(s) => s,
        Err(e) => return fail(&format!("cannot set up Ctrl-C handling: {e}")),
    };
    if let Err(code) = super::site_folder(&args.root) {
        return code;
    }
    let root = match args.root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            return fail(&format!(
                "cannot open the site folder {}: {e} (use --root to point at the site folder)",
                args.root.display()
            ));
        }
    };
    let listener = match serve::bind(args.bind, args.port) {
        Ok(l) => l,
        Err(e) => return start_error(&e, args),
    };
    let (preview, first) =
        match Preview::new(&root, &listener, Duration::from_secs(args.rebuild_timeout)) {
            Ok(p) => p,
            Err(e) => return start_error(&e, args),
        };
    if let Some(env) = &first.environment {
        return fail(env);
    }
    print_outcome(&[], &first);
    let url = preview.url.clone();
    let addr = preview.addr;
    if let Err(e) = preview.run(&root, listener, args.poll, print_outcome, |w| {
        eprintln!("warning: {w}")
    }) {
        return start_error(&e, args);
    }
    if !addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}: other machines on the network can see the preview",
            addr.ip()
        );
    }
    println!(
        "Serving {} at {url} ({}; Ctrl-C to stop)",
        root.display(),
        if args.poll {
            "checking for changes every 300 ms"
        } else {
            "watching content/ and themes/"
        }
    );
    if args.open {
        open_browser(&url);
    }
    let sig = signals.wait();
    println!("Stopped ({sig}).");
    ExitCode::SUCCESS
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(EXIT_USAGE)
}

fn start_error(e: &StartError, args: &ServeArgs) -> ExitCode {
    match e {
        StartError::AddrInUse(addr) => fail(&format!(
            "{addr} is already in use (is another preview running?); choose another port, for example: trasparenza serve --port {}",
            args.port.checked_add(1).unwrap_or(1112)
        )),
        StartError::Io(m) => fail(m),
        StartError::Watch(m) => fail(&format!(
            "cannot watch the site folder for changes: {m} (try --poll)"
        )),
    }
}

/// What a rebuild did, on the terminal: every problem, then one line.
fn print_outcome(changed: &[PathBuf], o: &Outcome) {
    super::report(&o.diagnostics);
    if let Some(env) = &o.environment {
        eprintln!("error: {env}");
    }
    let why = match changed {
        [] => String::new(),
        [one] => format!(" ({} changed)", display_path(one)),
        [first, rest @ ..] => format!(" ({} and {} more changed)", display_path(first), rest.len()),
    };
    let ms = o.took.as_millis();
    if o.ok() {
        let verb = if changed.is_empty() {
            "Built"
        } else {
            "Rebuilt"
        };
        println!(
            "{verb} {} pages, {} files in {ms} ms{why}{}",
            o.pages,
            o.files,
            if o.changed || changed.is_empty() {
                ""
            } else {
                "; nothing changed"
            }
        );
    } else if o.files > 0 {
        println!(
            "Rebuild failed in {ms} ms{why}: the preview keeps the last good site and shows the errors on every page"
        );
    } else {
        println!("Build failed in {ms} ms{why}: every page shows the errors until they are fixed");
    }
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
        eprintln!("warning: cannot open the browser ({prog}: {e}); open {url} yourself");
    }
}
