//! Any interruption of `build` leaves `public/` as it was: a build killed
//! (SIGKILL) or stopped with Ctrl-C (SIGINT) while it writes a large site,
//! then a build that succeeds and removes the leftovers.

use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};
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

/// Builds, grows the site, starts a build and sends `signal` once the new
/// site is being written; then checks `public/` and the next build.
fn interrupt_while_writing(signal: i32) {
    let site = Site::fixture("basic");
    site.build();
    let before = tree(&site.public());
    grow(&site, 250);

    let staging = site.root().join(".public.trasparenza-tmp");
    let mut child = Command::new(env!("CARGO_BIN_EXE_trasparenza"))
        .args(["build", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
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
