//! The command line: help, version, exit codes for usage errors.

use crate::support::Site;
use clap::CommandFactory;
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_trasparenza"))
}

/// The commands `trasparenza --help` lists (but `help`).
fn commands() -> Vec<String> {
    let help = bin().arg("--help").output().unwrap();
    String::from_utf8_lossy(&help.stdout)
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Every command's `--help` is what `tests/fixtures/help/<command>.txt`
/// holds (`SNAPSHOTS=overwrite cargo test --test testsuite cli::` rewrites
/// them after a deliberate change), and every flag of `usage` is explained
/// in its options.
#[test]
fn help_explains_every_flag() {
    let mut names = commands();
    assert!(names.len() >= 7, "{names:?}");
    names.insert(0, String::new());
    for name in &names {
        let mut cmd = bin();
        if !name.is_empty() {
            cmd.arg(name);
        }
        let out = cmd.arg("--help").output().unwrap();
        assert!(out.status.success(), "{name} --help");
        let help = String::from_utf8_lossy(&out.stdout).into_owned();
        let file = if name.is_empty() { "trasparenza" } else { name };
        crate::support::assert_snapshot(&format!("tests/fixtures/help/{file}.txt"), &help);
        // Every flag clap knows for this command is shown, with a text.
        let def = trasparenza::cli::Cli::command();
        let def = if name.is_empty() {
            def
        } else {
            def.find_subcommand(name).expect("a listed command").clone()
        };
        for arg in def.get_arguments().filter(|a| !a.is_hide_set()) {
            let Some(long) = arg.get_long() else { continue };
            let line = help
                .lines()
                .find(|l| l.trim_start().starts_with(&format!("--{long}")))
                .unwrap_or_else(|| panic!("{name}: --{long} is not in --help:\n{help}"));
            assert!(
                arg.get_help().is_some() || line.len() > long.len() + 12,
                "{name}: --{long} has no explanation"
            );
        }
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
    let commands = commands();
    assert!(commands.iter().any(|c| c == "build") && commands.iter().any(|c| c == "completions"));
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
