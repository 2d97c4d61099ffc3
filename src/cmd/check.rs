//! `trasparenza check`: the whole build in memory (content, theme, every
//! internal link and anchor), problems printed for people, as JSON, as
//! GitHub annotations or as a GitLab Code Quality report; writes nothing.

use super::output::{self, Done, Failure, Message};
use crate::cli::{CheckArgs, Format};

/// Runs `trasparenza check`.
pub(super) fn run(args: &CheckArgs) -> Result<Done, Failure> {
    let (built, diags) = super::run_pipeline(&args.root, args.base_url.as_deref())?;
    output::problems_as(&diags, args.format, &args.root);
    let strict_fail = args.strict && diags.warning_count() > 0;
    let human = args.format == Format::Human;
    match built {
        Some(b) if !strict_fail => Ok(Done::lines(if human {
            vec![Message::NoErrors(super::counts(&b))]
        } else {
            Vec::new()
        })),
        _ => Err(Failure::content_lines(
            // On stderr in every format: the reports on stdout show only
            // warnings, and the exit code 1 had no reason given.
            if strict_fail && !diags.has_errors() {
                vec![Message::StrictWarnings]
            } else {
                Vec::new()
            },
        )),
    }
}
