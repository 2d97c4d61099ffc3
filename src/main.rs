//! The `trasparenza` binary: parses the command line ([`trasparenza::cli`])
//! and hands the command to the library's one dispatch, `cmd::run`.

use clap::Parser;
use trasparenza::cli::{Cli, Command};

/// mimalloc instead of glibc's allocator: a build makes and drops millions
/// of small strings and maps; glibc sorts the pieces the preview's last
/// rebuild freed during the next save (tens of ms on the way to the
/// reload), and a build takes about half the CPU with mimalloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` in its v2 list of options
/// (`mimalloc.h`; libmimalloc-sys names no constant for it). A test checks
/// that it still reads the documented default.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    let command = Cli::parse().command;
    if matches!(command, Command::Serve(_)) {
        keep_freed_memory();
    }
    trasparenza::cmd::run(command)
}

/// The preview keeps the memory a rebuild freed for the next save instead
/// of handing it back to the system 10 ms later: every save would otherwise
/// fault those pages in again, 20 to 60 ms on the way from a save to the
/// reload on a 1,000-unit site. The preview's memory stays at its highest.
fn keep_freed_memory() {
    // SAFETY: sets an option of the allocator the binary uses; mimalloc
    // reads it on every purge, from any thread.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_option_is_the_one_documented() {
        // SAFETY: reads an option.
        let delay = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert_eq!(delay, 10, "mimalloc's purge delay defaults to 10 ms");
    }
}
