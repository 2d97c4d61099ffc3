//! `trasparenza completions SHELL` and the hidden `trasparenza man`: the
//! shell completion scripts and the manual page, generated from `cli`'s
//! definitions (clap_complete, clap_mangen), so they never drift from the
//! commands. `scripts/deb` puts both in the Debian package.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs, EXIT_USAGE, ManArgs};

/// Prints the completion script for the chosen shell.
pub(super) fn completions(args: &CompletionsArgs) -> ExitCode {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "trasparenza", &mut out);
    emit(&out)
}

/// Prints the manual page of `trasparenza`, or of one of its commands as
/// `trasparenza-<command>(1)`, in roff (as git and cargo split theirs).
pub(super) fn man(args: &ManArgs) -> ExitCode {
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
            _ => {
                eprintln!("error: `{name}` is not a command of trasparenza");
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let mut out = Vec::new();
    match clap_mangen::Man::new(page).render(&mut out) {
        Ok(()) => emit(&out),
        Err(e) => {
            eprintln!("error: cannot write the manual page: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Writes `bytes` on stdout; a closed pipe (`| head`) is not an error.
fn emit(bytes: &[u8]) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: cannot write to stdout: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
