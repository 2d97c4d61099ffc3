//! The command layer's sentences in Italian, with no language set: `check`'s
//! summary and count of problems, `build`'s summary and a refusal of the
//! output guard (`locales/it/cmd.ftl`, `locales/it/write.ftl`); `--lang en`
//! gives the English ones.

use crate::support::Site;
use std::process::{Command, Output};

/// `trasparenza <args> --root <site>` with no language in the environment
/// (`LANG`, `LC_ALL`, `LC_MESSAGES` removed): it speaks Italian.
fn run(site: &Site, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trasparenza"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd.args(args).arg("--root").arg(site.root());
    cmd.output().expect("run trasparenza")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_counts_its_problems_in_italian() {
    let site = Site::fixture("errors/colon-in-text");
    let it = run(&site, &["check"]);
    assert_eq!(it.status.code(), Some(1));
    let err = text(&it.stderr);
    assert_eq!(err.lines().last(), Some("1 errore, 0 avvisi"), "{err}");

    let en = run(&site, &["--lang", "en", "check"]);
    let err = text(&en.stderr);
    assert_eq!(err.lines().last(), Some("1 error, 0 warnings"), "{err}");
}

#[test]
fn a_clean_check_and_a_build_say_so_in_italian() {
    let site = Site::fixture("basic");
    let check = run(&site, &["check"]);
    let out = text(&check.stdout);
    assert!(
        out.starts_with("Nessun errore: 4 unità, 9 attività, 8 pagine; "),
        "{out}"
    );
    assert!(text(&check.stderr).ends_with("0 errori, 1 avviso\n"));

    let build = run(&site, &["build"]);
    assert!(build.status.success(), "{}", text(&build.stderr));
    let out = text(&build.stdout);
    assert!(out.starts_with("Sito costruito in "), "{out}");
    assert!(out.contains(": 4 unità, 9 attività, 8 pagine, "), "{out}");
}

#[test]
fn the_guard_refuses_in_italian() {
    let site = Site::fixture("basic");
    let root = site.root().to_str().expect("a UTF-8 path");
    let it = run(&site, &["build", "--output", root]);
    assert_eq!(it.status.code(), Some(2));
    let err = text(&it.stderr);
    assert!(
        err.starts_with(&format!("errore: il sito non viene scritto in {root}")),
        "{err}"
    );
    assert!(
        err.contains(": è la cartella del sito stessa, che contiene content/; "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");

    let en = run(&site, &["--lang", "en", "build", "--output", root]);
    let err = text(&en.stderr);
    assert!(
        err.starts_with(&format!("error: will not write the site into {root}")),
        "{err}"
    );
    assert!(err.contains(": it is the site folder itself"), "{err}");
}
