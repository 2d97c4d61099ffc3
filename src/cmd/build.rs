//! `trasparenza build`: renders the site and swaps it into the output folder.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, EXIT_CONTENT, EXIT_USAGE};
use crate::write;

pub fn run(args: &BuildArgs) -> ExitCode {
    let start = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
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
    if let Err(e) = write::write_atomically(&built.output, &output) {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::from(EXIT_USAGE);
    }
    timer.lap("write");
    println!(
        "Built {}, {} files ({} KiB) into {} in {} ms",
        super::counts(&built),
        built.output.files.len(),
        built.output.total_bytes().div_ceil(1024),
        output.display(),
        start.elapsed().as_millis()
    );
    ExitCode::SUCCESS
}
