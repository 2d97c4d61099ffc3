//! The command line: help, version, exit codes for usage errors.

use crate::support::Site;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trasparenza"))
}

#[test]
fn help_explains_every_flag() {
    let out = bin().args(["build", "--help"]).output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--root", "--output", "--base-url"] {
        assert!(help.contains(flag), "{help}");
    }
}

#[test]
fn version_is_printed() {
    let out = bin().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("trasparenza "));
}

#[test]
fn usage_errors_exit_with_2() {
    let out = bin().args(["build", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_folder_without_content_exits_with_2() {
    let site = Site::empty();
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr().contains("content/"), "{}", r.stderr());
}

#[test]
fn a_missing_site_folder_is_named() {
    let site = Site::empty();
    let missing = site.root().join("sito-che-non-c-e");
    for cmd in ["build", "check", "serve"] {
        let out = bin().arg(cmd).arg("--root").arg(&missing).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!(
                "the site folder {} does not exist",
                missing.display()
            )),
            "{cmd}: {err}"
        );
    }
    // A file instead of a folder.
    site.write("file.txt", "x");
    let r = bin()
        .args(["check", "--root"])
        .arg(site.root().join("file.txt"))
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stderr).contains("is not a folder"));
}

/// Completion scripts and manual pages come from the command definitions,
/// so every command (and a command's flags) is in them.
#[test]
fn completions_and_manual_pages_name_every_command() {
    let help = bin().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.contains(&"build") && commands.contains(&"completions"));
    for shell in ["bash", "zsh", "fish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        for c in &commands {
            assert!(script.contains(c), "{shell} completions lack {c}");
        }
        assert!(script.contains("base-url"), "{shell}: build's flags");
    }
    let man = bin().arg("man").output().unwrap();
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(page.contains(".TH trasparenza 1"), "{page}");
    for c in &commands {
        let out = bin().args(["man", c]).output().unwrap();
        assert!(out.status.success(), "man {c}");
        let page = String::from_utf8_lossy(&out.stdout);
        assert!(
            page.contains(&format!(".TH trasparenza-{c} 1")),
            "man {c}:\n{page}"
        );
        assert!(page.contains(".SH OPTIONS"), "man {c}");
    }
    let bad = bin().args(["man", "nessuno"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}
