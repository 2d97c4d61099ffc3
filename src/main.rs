//! The `trasparenza` binary: only dispatches to the library.

fn main() -> std::process::ExitCode {
    trasparenza::cli::main()
}
