//! `trasparenza completions SHELL` and the hidden `trasparenza man`: the
//! shell completion scripts and the manual page, generated from `cli`'s
//! definitions (clap_complete, clap_mangen), so they never drift from the
//! commands. `scripts/deb` puts both in the Debian package. The manual
//! page's section headings are in the current language (clap_mangen
//! writes them in English).

use clap::CommandFactory;

use super::output::{Done, Failure, Message};
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::i18n::t;

/// The completion script for the chosen shell.
pub(super) fn completions(args: &CompletionsArgs) -> Result<Done, Failure> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "trasparenza", &mut out);
    Ok(Done::Bytes(out))
}

/// The manual page of `trasparenza`, or of one of its commands as
/// `trasparenza-<command>(1)`, in roff (as git and cargo split theirs).
pub(super) fn man(args: &ManArgs) -> Result<Done, Failure> {
    let cmd = Cli::command();
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) if !sub.is_hide_set() => {
                let full = format!("trasparenza-{name}");
                sub.clone()
                    .name(full.clone())
                    .bin_name(format!("trasparenza {name}"))
                    .display_name(full)
                    .version(env!("CARGO_PKG_VERSION"))
            }
            _ => return Err(Failure::usage(Message::NotACommand(name.clone()))),
        },
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut out)
        .map_err(|e| Failure::usage(Message::ManPageFailed(e.to_string())))?;
    Ok(Done::Bytes(
        headings(&String::from_utf8_lossy(&out)).into_bytes(),
    ))
}

/// The page with its section headings (`.SH NAME`, which clap_mangen writes
/// in English) in the current language, upper case as every manual's are
/// (the commands' heading, `Comandi` in Italian, too).
fn headings(roff: &str) -> String {
    let mut out = String::with_capacity(roff.len());
    for line in roff.split_inclusive('\n') {
        let Some(heading) = line.strip_prefix(".SH ") else {
            out.push_str(line);
            continue;
        };
        let (heading, end) = match heading.strip_suffix('\n') {
            Some(h) => (h, "\n"),
            None => (heading, ""),
        };
        let translated = match heading {
            "NAME" => t!("cli-man-name"),
            "SYNOPSIS" => t!("cli-man-synopsis"),
            "DESCRIPTION" => t!("cli-man-description"),
            "OPTIONS" => t!("cli-man-options"),
            "SUBCOMMANDS" => t!("cli-man-subcommands"),
            "EXTRA" => t!("cli-man-extra"),
            "VERSION" => t!("cli-man-version"),
            "AUTHORS" => t!("cli-man-authors"),
            other => other.to_uppercase(),
        };
        out.push_str(".SH ");
        out.push_str(&translated);
        out.push_str(end);
    }
    out
}
