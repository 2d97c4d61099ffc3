//! `trasparenza build`: renders the site and swaps it into the output folder,
//! once the output guard has accepted the folder.

use std::time::Instant;

use super::output::{self, Done, Failure, Message};
use crate::cli::BuildArgs;
use crate::write::{self, guard};

/// Runs `trasparenza build`: the site's problems are shown as soon as they
/// are known, before anything is published (the files rendered so far are
/// in the staging folder, which is then removed).
pub(super) fn run(args: &BuildArgs) -> Result<Done, Failure> {
    let start = Instant::now();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.root.join("public"));
    // Before the work: a wrong --output is said at once, and nothing is
    // written for it.
    let mut timer = crate::pipeline::Timer::new();
    guard::check(&args.root, &output, args.force)
        .map_err(|refusal| Failure::usage(Message::Refused(refusal.to_string())))?;
    timer.lap("guard");
    // The staging folder, under the lock: the render writes each file into
    // it as it is made; it is removed if the site is not published.
    let refused = |e| {
        Failure::usage(match e {
            write::PublishError::Refused(refusal) => Message::Refused(refusal.to_string()),
            e => Message::PublishFailed(e.to_string()),
        })
    };
    super::site_folder(&args.root)?;
    let on_wait = || output::tell(&Message::WaitingForAnotherBuild(output.clone()));
    let staged = write::stage(&args.root, &output, args.force, on_wait).map_err(refused)?;
    let (built, mut diags) =
        super::run_pipeline_into(&args.root, args.base_url.as_deref(), Some(staged.sink()))?;
    if let Some(e) = staged.write_failed() {
        // A full disk: the pages it could not write are what the link
        // check found missing; those "broken links" are not the user's.
        diags.retain(|d| !d.code.is_some_and(|c| c.starts_with("linkcheck-")));
        output::problems(&diags);
        return Err(Failure::usage(Message::PublishFailed(e.to_string())));
    }
    output::problems(&diags);
    let strict_fail = args.strict && diags.warning_count() > 0;
    let Some(built) = built.filter(|_| !strict_fail) else {
        let mut then = Vec::new();
        if strict_fail && !diags.has_errors() {
            then.push(Message::StrictWarnings);
        }
        then.push(Message::NotBuilt(output));
        return Err(Failure::content_lines(then));
    };
    let mut timer = crate::pipeline::Timer::new();
    let published = staged.publish(&built.output).map_err(refused)?;
    timer.lap("write");
    // The new site is in place: what could not be cleaned up is a warning.
    let warnings = published
        .leftovers
        .iter()
        .map(|l| Message::Leftover(l.to_string()))
        .collect();
    let target = published.target;
    let built = Message::Built {
        counts: super::counts(&built),
        files: built.output.len(),
        kib: built.output.total_bytes().div_ceil(1024),
        output,
        via_link: target.via_link.then_some(target.dir),
        ms: start.elapsed().as_millis(),
    };
    Ok(Done::Said {
        warnings,
        lines: vec![built],
    })
}
