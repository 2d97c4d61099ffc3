//! `trasparenza build`: renders the site and swaps it into the output folder,
//! once the output guard has accepted the folder.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, EXIT_CONTENT, EXIT_USAGE};
use crate::write::{self, guard};

/// Runs `trasparenza build`; the exit code as `cli` documents it.
pub(super) fn run(args: &BuildArgs) -> ExitCode {
    let start = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
    // Before the work: a wrong --output is said at once, and nothing is
    // written for it.
    let mut timer = crate::pipeline::Timer::new();
    if let Err(refusal) = guard::check(&args.root, &output, args.force) {
        eprintln!("error: {refusal}.");
        return ExitCode::from(EXIT_USAGE);
    }
    timer.lap("guard");
    let (built, diags) = match super::run_pipeline(&args.root, args.base_url.as_deref()) {
        Ok(r) => r,
        Err(code) => return code,
    };
    super::report(&diags);
    let strict_fail = args.strict && diags.warning_count() > 0;
    let Some(built) = built.filter(|_| !strict_fail) else {
        if strict_fail && !diags.has_errors() {
            eprintln!("--strict: warnings count as errors.");
        }
        eprintln!("The site was not built; {} is unchanged.", output.display());
        return ExitCode::from(EXIT_CONTENT);
    };
    let mut timer = crate::pipeline::Timer::new();
    let on_wait = || {
        eprintln!(
            "Another build is writing into {}; waiting for it to finish.",
            output.display()
        )
    };
    let published = match write::publish(&built.output, &args.root, &output, args.force, on_wait) {
        Ok(p) => p,
        Err(write::PublishError::Refused(refusal)) => {
            eprintln!("error: {refusal}.");
            return ExitCode::from(EXIT_USAGE);
        }
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    timer.lap("write");
    // The new site is in place: what could not be cleaned up is a warning.
    for leftover in &published.leftovers {
        eprintln!("warning: {leftover}");
    }
    let target = published.target;
    let into = if target.via_link {
        format!("{} -> {}", output.display(), target.dir.display())
    } else {
        output.display().to_string()
    };
    println!(
        "Built {}, {} files ({} KiB) into {into} in {} ms",
        super::counts(&built),
        built.output.files.len(),
        built.output.total_bytes().div_ceil(1024),
        start.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}
