//! The command line: help, version, exit codes for usage errors.

use crate::support::Site;
use clap::CommandFactory;
use std::process::Command;

/// The binary with no language set (`LANG`, `LC_ALL`, `LC_MESSAGES`
/// removed): it speaks Italian.
fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trasparenza"));
    for var in ["LANG", "LC_ALL", "LC_MESSAGES"] {
        cmd.env_remove(var);
    }
    cmd
}

/// The commands `trasparenza --help` lists (but `help`).
fn commands() -> Vec<String> {
    let help = bin().args(["--lang", "en", "--help"]).output().unwrap();
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

/// `trasparenza [name] --help` with `extra` arguments and environment.
fn help(name: &str, args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = bin();
    if !name.is_empty() {
        cmd.arg(name);
    }
    let out = cmd
        .args(args)
        .arg("--help")
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "{name} --help {args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Every command's `--help` is what `tests/fixtures/help/<command>.txt`
/// holds in Italian, with no language set, and
/// `tests/fixtures/help/en/<command>.txt` with `--lang en`
/// (`SNAPSHOTS=overwrite cargo test --test testsuite cli::` rewrites them
/// after a deliberate change); every flag of `usage` is explained in its
/// options.
#[test]
fn help_explains_every_flag() {
    let mut names = commands();
    assert!(names.len() >= 7, "{names:?}");
    names.insert(0, String::new());
    for name in &names {
        let file = if name.is_empty() { "trasparenza" } else { name };
        let it = help(name, &[], &[]);
        crate::support::assert_snapshot(&format!("tests/fixtures/help/{file}.txt"), &it);
        let en = help(name, &["--lang", "en"], &[]);
        crate::support::assert_snapshot(&format!("tests/fixtures/help/en/{file}.txt"), &en);
        assert_ne!(it, en, "{name}");
        // Every flag clap knows for this command is shown, with a text.
        let def = trasparenza::cli::Cli::command();
        let def = if name.is_empty() {
            def
        } else {
            def.find_subcommand(name).expect("a listed command").clone()
        };
        for help in [&it, &en] {
            for arg in def.get_arguments().filter(|a| !a.is_hide_set()) {
                let Some(long) = arg.get_long() else { continue };
                let line = help
                    .lines()
                    .map(|l| l.trim_start())
                    // `-h, --help`: the long name after the short one.
                    .map(|l| {
                        l.split_once(", ")
                            .filter(|(s, _)| s.len() == 2)
                            .map_or(l, |(_, r)| r)
                    })
                    .find(|l| l.starts_with(&format!("--{long}")))
                    .unwrap_or_else(|| panic!("{name}: --{long} is not in --help:\n{help}"));
                assert!(
                    line.len() > long.len() + 12,
                    "{name}: --{long} has no explanation"
                );
            }
        }
    }
}

/// Italian when no language is set or `it_*` is; English for `en_*` or
/// `--lang en`, which wins over the environment; `LC_ALL` over
/// `LC_MESSAGES` over `LANG`.
#[test]
fn the_language_comes_from_lang_or_the_environment() {
    let it = help("build", &[], &[]);
    assert!(it.contains("Uso: trasparenza build [OPZIONI]"), "{it}");
    assert!(
        it.contains("Opzioni:") && it.contains("Stampa l'aiuto"),
        "{it}"
    );
    let en = help("build", &["--lang", "en"], &[]);
    assert!(en.contains("Usage: trasparenza build [OPTIONS]"), "{en}");
    assert!(en.contains("Options:") && en.contains("Print help"), "{en}");
    /// Arguments, environment, the help expected.
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], &'a str);
    let cases: &[Case] = &[
        (&[], &[("LANG", "it_IT.UTF-8")], &it),
        (&[], &[("LANG", "C.UTF-8")], &it),
        (&[], &[("LANG", "en_US.UTF-8")], &en),
        (&[], &[("LC_MESSAGES", "en_GB.UTF-8")], &en),
        (
            &[],
            &[("LANG", "en_US.UTF-8"), ("LC_ALL", "it_IT.UTF-8")],
            &it,
        ),
        (&["--lang", "it"], &[("LANG", "en_US.UTF-8")], &it),
        (&["--lang=en"], &[("LANG", "it_IT.UTF-8")], &en),
    ];
    for (args, env, expected) in cases {
        assert_eq!(&help("build", args, env), expected, "{args:?} {env:?}");
    }
    // An Italian name of a command works as its English one.
    assert_eq!(help("costruisci", &[], &[]), it);
    let out = bin().args(["help", "build"]).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), it);
}

#[test]
fn version_is_printed() {
    let out = bin().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("trasparenza "));
}

#[test]
fn usage_errors_exit_with_2_and_are_in_the_chosen_language() {
    let out = bin().args(["build", "--no-such-flag"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        err,
        "errore: argomento inatteso '--no-such-flag'\n\nUso: trasparenza build [OPZIONI]\n\nPer saperne di più, prova '--help'.\n"
    );
    let out = bin().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = bin()
        .args(["--lang", "en", "serve", "--port", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: invalid value 'x' for '--port <PORT>': it must be a whole number from 0 to 65535\n"),
        "{err}"
    );
    // A wrong --lang is reported in the environment's language.
    let out = bin().args(["--lang", "de", "build"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with(
            "errore: valore non valido 'de' per '--lang <LINGUA>'\n  [valori possibili: it, en]\n"
        ),
        "{err}"
    );
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
                "la cartella del sito {} non esiste",
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
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(err.contains("non è una cartella"), "{err}");
    // Creating a site on the file is no way out (it was suggested).
    assert!(!err.contains("trasparenza init"), "{err}");
    assert!(err.contains("quella che contiene content/"), "{err}");
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
    // In Italian by default, in English with the sections of every manual.
    for (lang, options) in [("it", ".SH OPZIONI"), ("en", ".SH OPTIONS")] {
        for c in &commands {
            let out = bin().args(["--lang", lang, "man", c]).output().unwrap();
            assert!(out.status.success(), "man {c}");
            let page = String::from_utf8_lossy(&out.stdout);
            assert!(
                page.contains(&format!(".TH trasparenza-{c} 1")),
                "man {c}:\n{page}"
            );
            assert!(page.contains(options), "{lang}: man {c}:\n{page}");
        }
    }
    // Every section heading in the Italian page is Italian (clap_mangen
    // writes NAME, SYNOPSIS...); the English page keeps clap_mangen's.
    let sections = |args: &[&str]| {
        let out = bin().args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.starts_with(".SH "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        sections(&["--lang", "it", "man"]),
        [
            ".SH NOME",
            ".SH SINTASSI",
            ".SH DESCRIZIONE",
            ".SH OPZIONI",
            ".SH COMANDI",
            ".SH VERSIONE"
        ]
    );
    assert_eq!(
        sections(&["--lang", "it", "man", "import"]),
        [
            ".SH NOME",
            ".SH SINTASSI",
            ".SH DESCRIZIONE",
            ".SH ARGOMENTI",
            ".SH OPZIONI",
            ".SH VERSIONE"
        ]
    );
    assert_eq!(
        sections(&["--lang", "en", "man"]),
        [
            ".SH NAME",
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH OPTIONS",
            ".SH SUBCOMMANDS",
            ".SH VERSION"
        ]
    );
    let bad = bin().args(["man", "nessuno"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

/// `trasparenza help help` in Italian has Italian headings and usage, and
/// lists each command with what it does, as `--help` does (it printed
/// "Usage:", "Commands:", "[COMMAND]" in English and "The command whose
/// help to print" on every line).
#[test]
fn help_of_help_is_italian_and_says_what_each_command_does() {
    let out = bin().args(["help", "help"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    for english in ["Usage", "Commands", "COMMAND"] {
        assert!(!text.contains(english), "{english} in:\n{text}");
    }
    assert!(text.contains("Uso: trasparenza help [COMANDO]"), "{text}");
    let line = |name: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(&format!("{name} ")))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("build").contains("Costruisce il sito"), "{text}");
    assert!(line("help").contains("Stampa questo messaggio"), "{text}");
}
