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

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Command, Format};
use crate::diagnostic::{Diagnostic, Diagnostics};
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

/// Warnings (and notes) shown per file and kind of message: a compiler's
/// habit, so that 100,000 copies of one slip print 10 and a count.
const SHOWN_PER_KIND: usize = 10;
/// Warnings (and notes) shown in all; errors are always shown, every one.
const SHOWN_IN_ALL: usize = 200;

/// What a person reads of `all` (sorted): every error, and the first
/// warnings and notes of each file and kind of message ([`SHOWN_PER_KIND`],
/// at most [`SHOWN_IN_ALL`] in all); then, for what is left out, one line
/// each: how many, of which kind, in which file. The human and GitHub
/// formats show this; JSON and GitLab, read by programs, list every one.
fn for_people<'a>(all: &[&'a Diagnostic]) -> (Vec<&'a Diagnostic>, Vec<String>) {
    // The kind of a message: its words before the first quoted part
    // (`the same activity appears more than once in `).
    let kind = |d: &Diagnostic| {
        let m = d.message.as_str();
        let end = m.find(['`', '"', ':']).unwrap_or(m.len());
        (d.file.clone(), d.severity, m[..end].trim_end().to_string())
    };
    let mut per_kind: BTreeMap<_, usize> = BTreeMap::new();
    let mut order = Vec::new();
    let (mut shown, mut in_all, mut beyond) = (Vec::new(), 0, 0);
    for d in all {
        if d.is_error() {
            shown.push(*d);
            continue;
        }
        let k = kind(d);
        let n = per_kind.entry(k.clone()).or_insert(0);
        *n += 1;
        if *n == SHOWN_PER_KIND + 1 {
            order.push(k);
        } else if *n <= SHOWN_PER_KIND {
            if in_all < SHOWN_IN_ALL {
                in_all += 1;
                shown.push(*d);
            } else {
                beyond += 1;
            }
        }
    }
    let mut left = Vec::new();
    for k in order {
        let (file, severity, words) = &k;
        let more = per_kind[&k] - SHOWN_PER_KIND;
        left.push(format!(
            "{}: {more} more {}{} like \"{words}...\" not shown",
            crate::diagnostic::display_path(file),
            severity.as_str(),
            if more == 1 { "" } else { "s" },
        ));
    }
    if beyond > 0 {
        left.push(format!(
            "{beyond} more warning{} and note{} not shown",
            if beyond == 1 { "" } else { "s" },
            if beyond == 1 { "" } else { "s" },
        ));
    }
    if !left.is_empty() {
        left.push("(`trasparenza check --format json` lists every one)".to_string());
    }
    (shown, left)
}

/// Prints every error and the first warnings of each kind (see
/// [`for_people`]) to stderr, then a count of all.
pub(crate) fn report(diags: &Diagnostics) {
    let (shown, left) = for_people(&diags.sorted());
    for d in shown {
        eprintln!("{d}");
    }
    for l in &left {
        eprintln!("{}", crate::diagnostic::printable(l));
    }
    if !left.is_empty() {
        eprintln!();
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

/// Prints the problems in `format`: `human` as [`report`] does, `json` as
/// one array on stdout, `github` as workflow annotations on stdout (as many
/// as `human` shows, then one notice of the rest), `gitlab` as a Code
/// Quality report (one JSON array) on stdout; `json` and `gitlab` hold
/// every problem. `root`
/// is the site folder as given, to name files from the repository's root.
pub(crate) fn report_as(diags: &Diagnostics, format: Format, root: &Path) {
    match format {
        Format::Human => report(diags),
        Format::Json => {
            let all: Vec<serde_json::Value> = diags.sorted().iter().map(|d| d.to_json()).collect();
            println!("{}", serde_json::Value::Array(all));
        }
        Format::Github => {
            let (shown, left) = for_people(&diags.sorted());
            for d in shown {
                println!("{}", d.github(root));
            }
            if !left.is_empty() {
                println!("{}", crate::diagnostic::github_notice(&left.join("\n")));
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
    use super::{Diagnostic, SHOWN_IN_ALL, SHOWN_PER_KIND, count, for_people};

    #[test]
    fn people_see_every_error_and_the_first_warnings_of_each_kind() {
        let mut all = Vec::new();
        for i in 0..25 {
            all.push(Diagnostic::warning(
                "content/a.yaml",
                format!("the same activity appears more than once in `smartizzabili`: \"{i}\""),
            ));
            all.push(Diagnostic::error("content/a.yaml", format!("bad `{i}`")));
        }
        all.push(Diagnostic::warning(
            "content/a.yaml",
            "the activity ends with a stray dash",
        ));
        all.push(Diagnostic::warning(
            "content/b.yaml",
            "the same activity appears more than once in `x`",
        ));
        let refs: Vec<&Diagnostic> = all.iter().collect();
        let (shown, left) = for_people(&refs);
        assert_eq!(shown.iter().filter(|d| d.is_error()).count(), 25);
        assert_eq!(shown.len(), 25 + SHOWN_PER_KIND + 2);
        assert_eq!(
            left,
            [
                "content/a.yaml: 15 more warnings like \"the same activity appears more than once in...\" not shown",
                "(`trasparenza check --format json` lists every one)"
            ]
        );

        let many: Vec<Diagnostic> = (0..SHOWN_IN_ALL + 5)
            .map(|i| Diagnostic::warning(format!("content/{i:04}.yaml"), "slip"))
            .collect();
        let refs: Vec<&Diagnostic> = many.iter().collect();
        let (shown, left) = for_people(&refs);
        assert_eq!(shown.len(), SHOWN_IN_ALL);
        assert_eq!(left[0], "5 more warnings and notes not shown");
        let (shown, left) = for_people(&refs[..3]);
        assert_eq!((shown.len(), left.len()), (3, 0));
    }

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
