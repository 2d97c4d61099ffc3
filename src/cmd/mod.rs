//! One module per command, as in mdBook's `src/cmd/`: each turns parsed
//! arguments into a run of the library and an exit code. No logic of the
//! pipeline lives here.

pub mod build;
pub mod serve;

use crate::diagnostic::Diagnostics;

/// Prints every problem, errors and warnings, to stderr, then a count.
pub fn report(diags: &Diagnostics) {
    for d in diags.sorted() {
        eprintln!("{d}");
    }
    let (e, w) = (diags.error_count(), diags.warning_count());
    if e + w > 0 {
        eprintln!(
            "{e} error{}, {w} warning{}",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" }
        );
    }
}
