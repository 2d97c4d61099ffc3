//! `trasparenza check`: the whole build in memory (content, theme, every
//! internal link and anchor), problems printed for people, as JSON or as
//! GitHub annotations; writes nothing.

use std::process::ExitCode;

use crate::cli::{CheckArgs, EXIT_CONTENT, EXIT_USAGE, Format};
use crate::diagnostic::Diagnostics;
use crate::pipeline::{self, BuildOptions};

pub fn run(args: &CheckArgs) -> ExitCode {
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
    super::report_as(&diags, args.format, &args.root);
    let strict_fail = args.strict && diags.warning_count() > 0;
    match built {
        Some(b) if !strict_fail => {
            if args.format == Format::Human {
                println!(
                    "No errors: {}; every internal link and anchor resolves.",
                    super::counts(&b)
                );
            }
            ExitCode::SUCCESS
        }
        _ => {
            if strict_fail && !diags.has_errors() && args.format == Format::Human {
                eprintln!("--strict: warnings count as errors.");
            }
            ExitCode::from(EXIT_CONTENT)
        }
    }
}
