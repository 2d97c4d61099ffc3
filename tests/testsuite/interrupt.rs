//! Any interruption of `build` leaves `public/` as it was: a build killed
//! (SIGKILL) or stopped with Ctrl-C (SIGINT) while it writes a large site,
//! then a build that succeeds and removes the leftovers.
//!
//! The test runner may itself have been started with SIGINT ignored
//! (`cmd &` in a script, `nohup`, some CI runners), and children inherit
//! that: the build is started with SIGINT back to its default action. A
//! build started with SIGINT ignored keeps ignoring it (README: "Stopping a
//! build").

use std::collections::BTreeMap;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Site, tree};

/// Adds `n` units of 20 activities each: enough files that writing them
/// takes a while.
fn grow(site: &Site, n: usize) {
    for i in 0..n {
        let acts: String = (0..20)
            .map(|j| format!("  - Attività numero {j} dell'unità organizzativa {i}\n"))
            .collect();
        site.write(
            &format!("content/unita-{i:04}.yaml"),
            &format!("nome: Unità organizzativa {i}\nsmartizzabili:\n{acts}"),
        );
    }
}

fn leftovers(site: &Site) -> Vec<String> {
    std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("trasparenza-"))
        .collect()
}

/// Sets SIGINT's disposition in a child before it runs its program (a
/// disposition of "ignore" survives `exec`; "default" is what a terminal
/// gives).
fn with_sigint(cmd: &mut Command, disposition: libc::sighandler_t) -> &mut Command {
    // SAFETY: between fork and exec only signal(2), which is
    // async-signal-safe.
    unsafe {
        cmd.pre_exec(move || {
            if libc::signal(libc::SIGINT, disposition) == libc::SIG_ERR {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        })
    }
}

/// Builds, grows the site, starts a build (with SIGINT as `sigint` says)
/// and sends `signal` once the new site is being written. Returns the site,
/// the first output's files and how the build ended.
fn signal_while_writing(
    signal: i32,
    sigint: libc::sighandler_t,
) -> (Site, BTreeMap<String, Vec<u8>>, ExitStatus) {
    let site = Site::fixture("basic");
    site.build();
    let before = tree(&site.public());
    grow(&site, 250);

    let staging = site.root().join(".public.trasparenza-tmp");
    let mut child = with_sigint(
        crate::support::trasparenza()
            .args(["build", "--root"])
            .arg(site.root())
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
        sigint,
    )
    .spawn()
    .unwrap();
    let start = Instant::now();
    let mut sent = false;
    while start.elapsed() < Duration::from_secs(120) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        // Mid-way: the staging folder exists and already holds files.
        if std::fs::read_dir(&staging).is_ok_and(|mut d| d.next().is_some()) {
            // SAFETY: kill(2) on the pid of our own child.
            assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
            sent = true;
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let status = child.wait().unwrap();
    assert!(
        sent,
        "the build ended before it could be interrupted ({status:?}): grow the site"
    );
    (site, before, status)
}

/// Interrupts a build with `signal` while it writes, then checks `public/`
/// and the next build.
fn interrupt_while_writing(signal: i32) {
    let (site, before, status) = signal_while_writing(signal, libc::SIG_DFL);
    assert_eq!(status.signal(), Some(signal), "{status:?}");

    assert!(
        tree(&site.public()) == before,
        "public/ changed after the interrupted build"
    );

    let r = site.run(&["build"]);
    assert!(r.ok(), "{}", r.stderr());
    assert!(site.public().join("unita-0249/index.html").is_file());
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_killed_build_leaves_public_as_it_was() {
    interrupt_while_writing(libc::SIGKILL);
}

#[test]
fn ctrl_c_during_a_build_leaves_public_as_it_was() {
    interrupt_while_writing(libc::SIGINT);
}

/// Regression: run with SIGINT ignored (as under `cmd &` or some CI
/// runners), the test above failed because the build inherited it.
#[test]
fn the_ctrl_c_test_holds_when_the_runner_ignores_sigint() {
    let me = std::env::current_exe().unwrap();
    let run = with_sigint(
        Command::new(me).args([
            "--exact",
            "interrupt::ctrl_c_during_a_build_leaves_public_as_it_was",
        ]),
        libc::SIG_IGN,
    )
    .output()
    .unwrap();
    let out = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{out}");
    assert!(out.contains("1 passed"), "{out}");
}

/// A build started with SIGINT ignored keeps ignoring it, as the shell that
/// started it in the background intends: Ctrl-C at the terminal does not
/// stop it, and it publishes the whole site.
#[test]
fn a_build_started_with_sigint_ignored_finishes() {
    let (site, _, status) = signal_while_writing(libc::SIGINT, libc::SIG_IGN);
    assert!(status.success(), "{status:?}");
    assert!(site.public().join("unita-0249/index.html").is_file());
    assert_eq!(leftovers(&site), Vec::<String>::new());
}
