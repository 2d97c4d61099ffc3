//! One module per command, as in mdBook's `src/cmd/`: each turns parsed
//! arguments into a run of the library and an exit code. No logic of the
//! pipeline lives here.

pub mod archivia;
pub mod build;
pub mod check;
pub mod serve;

use std::path::Path;

use crate::cli::Format;
use crate::diagnostic::Diagnostics;
use crate::pipeline::{self, BuildOptions, Built};

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

/// Prints every problem in `format`: `human` as [`report`] does, `json` as
/// one array on stdout, `github` as workflow annotations on stdout. `root`
/// is the site folder as given, to name files from the repository's root.
pub fn report_as(diags: &Diagnostics, format: Format, root: &Path) {
    match format {
        Format::Human => report(diags),
        Format::Json => {
            let all: Vec<serde_json::Value> = diags.sorted().iter().map(|d| d.to_json()).collect();
            println!("{}", serde_json::Value::Array(all));
        }
        Format::Github => {
            for d in diags.sorted() {
                println!("{}", d.github(root));
            }
        }
    }
}

/// "9 units, 193 activities, 12 pages".
pub fn counts(built: &Built) -> String {
    let acts: usize = built
        .site
        .units
        .iter()
        .map(|u| u.smartizzabili.len() + u.non_smartizzabili.len())
        .sum();
    format!(
        "{} units, {} activities, {} pages",
        built.site.units.len(),
        acts,
        built.output.page_urls().len()
    )
}

/// Runs the pipeline on `root`; an environment error (exit 2) is printed
/// and returned as the exit code.
pub fn run_pipeline(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(Option<Built>, Diagnostics), std::process::ExitCode> {
    let opts = BuildOptions {
        base_url: base_url.map(str::to_string),
    };
    let mut diags = Diagnostics::new();
    match pipeline::run(root, &opts, &mut diags) {
        Ok(b) => Ok((b, diags)),
        Err(e) => {
            eprintln!("error: {}", e.0);
            Err(std::process::ExitCode::from(crate::cli::EXIT_USAGE))
        }
    }
}
