//! `trasparenza check`: the whole build in memory (content, theme, every
//! internal link and anchor), problems printed for people, as JSON or as
//! GitHub annotations; writes nothing.

use std::process::ExitCode;

use crate::cli::{CheckArgs, EXIT_CONTENT, Format};

/// Runs `trasparenza check`; the exit code as `cli` documents it.
pub(super) fn run(args: &CheckArgs) -> ExitCode {
    let (built, diags) = match super::run_pipeline(&args.root, args.base_url.as_deref()) {
        Ok(r) => r,
        Err(code) => return code,
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
