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
