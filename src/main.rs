//! The `trasparenza` binary: parses the command line ([`trasparenza::cli`])
//! and hands the command to the library's one dispatch, `cmd::run`.

use clap::Parser;

/// mimalloc instead of glibc's allocator: a build makes and drops millions
/// of small strings and maps; glibc sorts the pieces the preview's last
/// rebuild freed during the next save (tens of ms on the way to the
/// reload) and spent a third of a build's CPU in malloc and free.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    trasparenza::cmd::run(trasparenza::cli::Cli::parse().command)
}
