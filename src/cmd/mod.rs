//! One module per command, as in mdBook's `src/cmd/`: each turns parsed
//! arguments into a run of the library and returns what it has to report
//! ([`output::Done`]) or how it failed ([`output::Failure`]); [`run`] is the
//! one dispatch, and [`output`] the one place that prints and chooses the
//! exit code. No logic of the pipeline lives here. `cmd` uses `cli`'s
//! argument types; `cli` knows nothing of `cmd`.

mod archivia;
mod build;
mod check;
mod completions;
mod import;
mod init;
mod output;
mod serve;
mod spiega;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Command;
use crate::diagnostic::Diagnostics;
use crate::pipeline::{self, BuildOptions, Built};
use output::{Counts, Failure, FolderProblem, Message};

/// Runs the parsed command: the only place that maps commands to modules.
pub fn run(command: Command) -> ExitCode {
    output::finish(match command {
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Archivia(args) => archivia::run(&args),
        Command::Completions(args) => completions::completions(&args),
        Command::Man(args) => completions::man(&args),
        Command::Spiega(args) => spiega::run(&args),
    })
}

/// What `built` holds, for the summaries (the activities of `_sito.yaml`
/// included).
pub(crate) fn counts(built: &Built) -> Counts {
    Counts {
        units: built.site.units.len(),
        activities: crate::views::totals(&built.site).attivita,
        pages: built.output.page_urls().len(),
    }
}

/// Checks that `root` names an existing folder (a usage failure when not).
pub(crate) fn site_folder(root: &Path) -> Result<(), Failure> {
    let problem = match root.metadata() {
        Ok(m) if m.is_dir() => return Ok(()),
        Ok(_) => FolderProblem::NotAFolder,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => FolderProblem::Missing,
        Err(_) => FolderProblem::Unreadable,
    };
    Err(Failure::usage(Message::SiteFolder {
        root: root.to_path_buf(),
        problem,
    }))
}

/// Runs the pipeline on `root`; an environment error is a usage failure.
pub(crate) fn run_pipeline(
    root: &Path,
    base_url: Option<&str>,
) -> Result<(Option<Built>, Diagnostics), Failure> {
    run_pipeline_into(root, base_url, None)
}

/// [`run_pipeline`] writing each rendered file to `sink` (`build`).
pub(crate) fn run_pipeline_into(
    root: &Path,
    base_url: Option<&str>,
    sink: Option<std::sync::Arc<dyn crate::render::Sink>>,
) -> Result<(Option<Built>, Diagnostics), Failure> {
    site_folder(root)?;
    let opts = BuildOptions {
        base_url: base_url.map(str::to_string),
    };
    let mut diags = Diagnostics::new();
    match pipeline::run_into(root, &opts, sink, &mut diags) {
        Ok(b) => Ok((b, diags)),
        Err(e) => Err(Failure::usage(Message::Environment(e.0))),
    }
}
