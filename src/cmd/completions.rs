//! `trasparenza completions SHELL` and the hidden `trasparenza man`: the
//! shell completion scripts and the manual page, generated from `cli`'s
//! definitions (clap_complete, clap_mangen), so they never drift from the
//! commands. `scripts/deb` puts both in the Debian package.

use clap::CommandFactory;

use super::output::{Done, Failure, Message};
use crate::cli::{Cli, CompletionsArgs, ManArgs};

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
    Ok(Done::Bytes(out))
}
