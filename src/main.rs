//! The `trasparenza` binary: parses the command line ([`trasparenza::cli`])
//! and hands the command to the library's one dispatch, `cmd::run`.

use clap::Parser;

fn main() -> std::process::ExitCode {
    trasparenza::cmd::run(trasparenza::cli::Cli::parse().command)
}
