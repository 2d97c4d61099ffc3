//! `trasparenza build`: renders the site and swaps it into the output folder.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, EXIT_CONTENT, EXIT_USAGE};
use crate::diagnostic::Diagnostics;
use crate::pipeline::{self, BuildOptions};
use crate::write;

pub fn run(args: &BuildArgs) -> ExitCode {
    let start = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
    let opts = BuildOptions {
        base_url: args.base_url.clone(),
    };
    let mut diags = Diagnostics::new();
    let built = match pipeline::run(&args.root, &opts, &mut diags) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}", e.0);
            return ExitCode::from(EXIT_USAGE);
        }
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
    if let Err(e) = write::write_atomically(&built.output, &output) {
        eprintln!("error: cannot write {}: {e}", output.display());
        return ExitCode::from(EXIT_USAGE);
    }
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
