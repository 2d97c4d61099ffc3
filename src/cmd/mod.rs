//! One module per command, as in mdBook's `src/cmd/`: each turns parsed
//! arguments into a run of the library and an exit code; [`run`] is the one
//! dispatch. No logic of the pipeline lives here. `cmd` uses `cli`'s
//! argument types; `cli` knows nothing of `cmd`.

mod archivia;
mod build;
mod check;
mod completions;
mod import;
mod init;
mod serve;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Command, Format};
use crate::diagnostic::Diagnostics;
use crate::pipeline::{self, BuildOptions, Built};

/// Runs the parsed command: the only place that maps commands to modules.
pub fn run(command: Command) -> ExitCode {
    match command {
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Archivia(args) => archivia::run(&args),
        Command::Completions(args) => completions::completions(&args),
        Command::Man(args) => completions::man(&args),
    }
}

/// Prints every problem, errors and warnings, to stderr, then a count.
pub(crate) fn report(diags: &Diagnostics) {
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
/// one array on stdout, `github` as workflow annotations on stdout, `gitlab`
/// as a Code Quality report (one JSON array) on stdout. `root`
/// is the site folder as given, to name files from the repository's root.
pub(crate) fn report_as(diags: &Diagnostics, format: Format, root: &Path) {
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
        Format::Gitlab => {
            let all: Vec<serde_json::Value> =
                diags.sorted().iter().map(|d| d.gitlab(root)).collect();
            println!("{}", serde_json::Value::Array(all));
        }
    }
}

/// "9 units, 193 activities, 12 pages" (the activities of `_sito.yaml` included).
pub(crate) fn counts(built: &Built) -> String {
    let acts = crate::views::totals(&built.site).attivita;
    [
        (built.site.units.len(), "unit"),
        (acts, "activit"),
        (built.output.page_urls().len(), "page"),
    ]
    .map(|(n, what)| count(n, what))
    .join(", ")
}

/// `n` things in English: "1 unit", "2 units", "1 activity", "3 activities".
fn count(n: usize, stem: &str) -> String {
    let ending = match (stem.ends_with("activit"), n == 1) {
        (true, true) => "y",
        (true, false) => "ies",
        (false, true) => "",
        (false, false) => "s",
    };
    format!("{n} {stem}{ending}")
}

/// Checks that `root` names an existing folder, saying so when not (exit 2).
pub(crate) fn site_folder(root: &Path) -> Result<(), ExitCode> {
    let problem = match root.metadata() {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => "is not a folder",
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => "does not exist",
        Err(_) => "cannot be read",
    };
    eprintln!(
        "error: the site folder {} {problem} (use --root to point at the site folder, or create a site with `trasparenza init --root {}`)",
        root.display(),
        root.display()
    );
    Err(ExitCode::from(crate::cli::EXIT_USAGE))
}

/// Runs the pipeline on `root`; an environment error (exit 2) is printed
/// and returned as the exit code.
pub(crate) fn run_pipeline(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(Option<Built>, Diagnostics), ExitCode> {
    site_folder(root)?;
    let opts = BuildOptions {
        base_url: base_url.map(str::to_string),
    };
    let mut diags = Diagnostics::new();
    match pipeline::run(root, &opts, &mut diags) {
        Ok(b) => Ok((b, diags)),
        Err(e) => {
            eprintln!("error: {}", e.0);
            Err(ExitCode::from(crate::cli::EXIT_USAGE))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "unit"), "1 unit");
        assert_eq!(count(0, "unit"), "0 units");
        assert_eq!(count(9, "unit"), "9 units");
        assert_eq!(count(1, "activit"), "1 activity");
        assert_eq!(count(193, "activit"), "193 activities");
        assert_eq!(count(1, "page"), "1 page");
    }
}
