//! The command layer's one printer, as ripgrep's `main` is: commands return
//! a [`Done`] or a [`Failure`], and [`finish`] prints it and chooses the
//! exit code. Every sentence a command says is a [`Message`], written out
//! here and nowhere else, so a translation has one module to change.
//! Lines a long run must show while it runs (the diagnostics before a
//! build writes, `serve`'s rebuilds, `import`'s report) go through
//! [`say`], [`say_in_report`], [`tell`], [`tell_error`], [`warn`] and
//! [`problems`].
//! Diagnostics themselves are rendered by `crate::diagnostic`.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{EXIT_CONTENT, EXIT_USAGE, Format};
use crate::diagnostic::{Diagnostic, Diagnostics, Severity, display_path};
use crate::editions::CONTENT_DIR;
use crate::i18n::t;

/// How a command ended well: what is left to say.
pub(crate) enum Done {
    /// Lines on stdout, after `warning:` lines on stderr.
    Said {
        warnings: Vec<Message>,
        lines: Vec<Message>,
    },
    /// The last lines of a report on stdout that a closed pipe (`| head`)
    /// does not stop.
    Report(Vec<Message>),
    /// Bytes for another program (a completion script, a manual page) on
    /// stdout; a closed pipe is not an error.
    Bytes(Vec<u8>),
}

impl Done {
    /// Lines on stdout, nothing on stderr.
    pub(crate) fn lines(lines: Vec<Message>) -> Done {
        Done::Said {
            warnings: Vec::new(),
            lines,
        }
    }
}

/// How a command failed: the problems of the content, `error:` lines and
/// plain lines on stderr, in this order, and the exit code as `cli`
/// documents it.
pub(crate) struct Failure {
    exit: u8,
    problems: Diagnostics,
    errors: Vec<Message>,
    then: Vec<Message>,
}

impl Failure {
    /// A wrong argument, path or environment: `error: …`, exit 2.
    pub(crate) fn usage(message: Message) -> Failure {
        Failure::errors(EXIT_USAGE, vec![message], Vec::new())
    }

    /// A file that cannot be read as content: `error: …`, exit 1.
    pub(crate) fn content(message: Message) -> Failure {
        Failure::errors(EXIT_CONTENT, vec![message], Vec::new())
    }

    /// The content's problems (shown as for people), then `then`; exit 1.
    pub(crate) fn problems(problems: Diagnostics, then: Vec<Message>) -> Failure {
        Failure {
            exit: EXIT_CONTENT,
            problems,
            errors: Vec::new(),
            then,
        }
    }

    /// Plain lines after the content's problems, already shown; exit 1.
    pub(crate) fn content_lines(then: Vec<Message>) -> Failure {
        Failure::problems(Diagnostics::new(), then)
    }

    /// Several reasons the command refuses to act (`error:` each), then
    /// plain lines; exit 2.
    pub(crate) fn refused(errors: Vec<Message>, then: Vec<Message>) -> Failure {
        Failure::errors(EXIT_USAGE, errors, then)
    }

    fn errors(exit: u8, errors: Vec<Message>, then: Vec<Message>) -> Failure {
        Failure {
            exit,
            problems: Diagnostics::new(),
            errors,
            then,
        }
    }
}

/// Prints how a command ended and returns its exit code: the one place
/// that chooses it.
pub(crate) fn finish(outcome: Result<Done, Failure>) -> ExitCode {
    match outcome {
        Ok(Done::Said { warnings, lines }) => {
            for w in &warnings {
                warn(w);
            }
            for l in &lines {
                say(l);
            }
            ExitCode::SUCCESS
        }
        Ok(Done::Report(lines)) => {
            for l in &lines {
                say_in_report(l);
            }
            ExitCode::SUCCESS
        }
        Ok(Done::Bytes(bytes)) => {
            let mut stdout = io::stdout().lock();
            match stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => finish(Err(Failure::usage(Message::StdoutFailed(e.to_string())))),
            }
        }
        Err(f) => {
            problems(&f.problems);
            for e in &f.errors {
                tell_error(e);
            }
            for t in &f.then {
                tell(t);
            }
            ExitCode::from(f.exit)
        }
    }
}

/// A line on stdout, while the command runs.
pub(crate) fn say(message: &Message) {
    println!("{message}");
}

/// A line of a long report on stdout; a closed pipe (`| head`) does not
/// stop the command.
pub(crate) fn say_in_report(message: &Message) {
    let _ = writeln!(io::stdout(), "{message}");
}

/// A line on stderr, while the command runs.
pub(crate) fn tell(message: &Message) {
    eprintln!("{message}");
}

/// `error: …` on stderr, while the command runs on.
pub(crate) fn tell_error(message: &Message) {
    eprintln!("error: {message}");
}

/// `warning: …` on stderr, while the command runs.
pub(crate) fn warn(message: &Message) {
    eprintln!("warning: {message}");
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
fn for_people<'a>(all: &[&'a Diagnostic]) -> (Vec<&'a Diagnostic>, Vec<Message>) {
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
        let more = per_kind[&k] - SHOWN_PER_KIND;
        let (file, severity, words) = k;
        left.push(Message::NotShownOfKind {
            file: display_path(&file),
            more,
            severity,
            words,
        });
    }
    if beyond > 0 {
        left.push(Message::NotShownInAll(beyond));
    }
    if !left.is_empty() {
        left.push(Message::JsonListsEvery);
    }
    (shown, left)
}

/// Prints every error and the first warnings of each kind (see
/// [`for_people`]) to stderr, then a count of all.
pub(crate) fn problems(diags: &Diagnostics) {
    let (shown, left) = for_people(&diags.sorted());
    for d in shown {
        eprintln!("{d}");
    }
    for l in &left {
        eprintln!("{}", crate::diagnostic::printable(&l.to_string()));
    }
    if !left.is_empty() {
        eprintln!();
    }
    let (errors, warnings) = (diags.error_count(), diags.warning_count());
    if errors + warnings > 0 {
        tell(&Message::ProblemCount { errors, warnings });
    }
}

/// Prints the problems in `format`: `human` as [`problems`] does, `json`
/// as one array on stdout, `github` as workflow annotations on stdout (as
/// many as `human` shows, then one notice of the rest), `gitlab` as a Code
/// Quality report (one JSON array) on stdout; `json` and `gitlab` hold
/// every problem. `root` is the site folder as given, to name files from
/// the repository's root.
pub(crate) fn problems_as(diags: &Diagnostics, format: Format, root: &Path) {
    match format {
        Format::Human => problems(diags),
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
                let text: Vec<String> = left.iter().map(Message::to_string).collect();
                println!("{}", crate::diagnostic::github_notice(&text.join("\n")));
            }
        }
        Format::Gitlab => {
            let all: Vec<serde_json::Value> =
                diags.sorted().iter().map(|d| d.gitlab(root)).collect();
            println!("{}", serde_json::Value::Array(all));
        }
    }
}

/// What a site holds, as the summaries say it.
#[derive(Debug)]
pub(crate) struct Counts {
    pub units: usize,
    /// The activities of `_sito.yaml` included.
    pub activities: usize,
    pub pages: usize,
}

impl fmt::Display for Counts {
    /// "9 units, 193 activities, 12 pages".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}, {}, {}",
            count(self.units, "unit"),
            count(self.activities, "activit"),
            count(self.pages, "page")
        )
    }
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

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Why a site folder cannot be used.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FolderProblem {
    NotAFolder,
    Missing,
    Unreadable,
}

/// What `archivia` could not do to a path.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FileAction {
    Create,
    Remove,
    Copy,
    RenameIntoPlace,
}

/// What `import` does to a unit's file.
#[derive(Clone, Copy, Debug)]
pub(crate) enum ImportAction {
    New,
    Update,
    Unchanged,
    Replace,
}

/// What `init` suggests after the settings.
#[derive(Clone, Copy, Debug)]
pub(crate) enum NextStep {
    EditTheExample,
    AddUnits,
}

/// Every sentence the command layer says, with what it names. Texts
/// that come whole from the library (a refusal of the output guard, an
/// import's conflict) are carried as they are.
#[derive(Debug)]
pub(crate) enum Message {
    // --- any command reading a site ---------------------------------------
    SiteFolder {
        root: PathBuf,
        problem: FolderProblem,
    },
    /// The pipeline's environment error, as it says it.
    Environment(String),
    NotShownOfKind {
        file: String,
        more: usize,
        severity: Severity,
        words: String,
    },
    NotShownInAll(usize),
    JsonListsEvery,
    ProblemCount {
        errors: usize,
        warnings: usize,
    },
    StrictWarnings,

    // --- build ---------------------------------------------------------
    /// The output guard's refusal.
    Refused(String),
    NotBuilt(PathBuf),
    WaitingForAnotherBuild(PathBuf),
    /// The writer's error.
    PublishFailed(String),
    /// What the writer could not clean up.
    Leftover(String),
    Built {
        counts: Counts,
        files: usize,
        kib: usize,
        output: PathBuf,
        /// The folder `output` links to, when it is a link.
        via_link: Option<PathBuf>,
        ms: u128,
    },

    // --- check ---------------------------------------------------------
    NoErrors(Counts),

    // --- completions, man ----------------------------------------------
    NotACommand(String),
    ManPageFailed(String),
    StdoutFailed(String),

    // --- spiega --------------------------------------------------------
    /// A code that is not in the catalogue, and the nearest one.
    UnknownCode(String, Option<&'static str>),

    // --- archivia ------------------------------------------------------
    Archived {
        name: String,
        files: usize,
    },
    NothingArchived,
    NoContentFolder(PathBuf),
    BadEditionName {
        name: String,
        suggestion: String,
    },
    EditionExists(String),
    CannotArchive {
        action: FileAction,
        path: PathBuf,
        error: String,
    },
    EditionAppeared(String),
    PartialCopyRemoved(String),
    NotAPlainFile(PathBuf),
    CannotReadContent(String),
    CannotReadContentFile {
        path: PathBuf,
        error: String,
    },

    // --- serve ---------------------------------------------------------
    NoSignals(String),
    CannotOpenSiteFolder {
        root: PathBuf,
        error: String,
    },
    AddressInUse {
        address: String,
        next_port: u16,
    },
    /// The preview's own words (a start or rebuild error, a warning).
    Preview(String),
    CannotWatch(String),
    SeenOnTheNetwork(IpAddr),
    Serving {
        root: PathBuf,
        url: String,
        poll: bool,
    },
    Stopped(&'static str),
    Rebuilt {
        changed: Vec<PathBuf>,
        pages: usize,
        files: usize,
        ms: u128,
        nothing_changed: bool,
    },
    RebuildFailed {
        changed: Vec<PathBuf>,
        ms: u128,
    },
    BuildFailed {
        changed: Vec<PathBuf>,
        ms: u128,
    },
    CannotOpenBrowser {
        program: &'static str,
        error: String,
        url: String,
    },

    // --- import --------------------------------------------------------
    SheetOnlyForSpreadsheets,
    DelimiterOnlyForCsv,
    EncodingOnlyForText,
    UnknownEncoding(String),
    BadDelimiter(String),
    NoSuchFile(PathBuf),
    NotAFile(PathBuf),
    UnknownFormat(PathBuf),
    NoSuchRoot(PathBuf),
    NoSiteYet(PathBuf),
    /// The file (by name) and the reader's error.
    CannotImport {
        name: String,
        error: String,
    },
    ImportNote {
        warning: bool,
        name: String,
        place: String,
        message: String,
    },
    NoCatalogue {
        name: String,
        tables: usize,
    },
    ImportBug(String),
    /// A reason the plan cannot be carried out.
    Conflict(String),
    NothingWritten,
    BackedUp {
        dry_run: bool,
        files: usize,
        dir: String,
    },
    /// One item of a list above it, indented.
    Item(String),
    WouldRemove {
        path: PathBuf,
        why: String,
    },
    DryRun,
    CannotBackUp {
        dir: String,
        error: String,
    },
    CannotWriteUnit {
        path: PathBuf,
        error: String,
        written: usize,
        total: usize,
        dir: String,
    },
    CannotRemove {
        path: PathBuf,
        error: String,
    },
    RemovedUnit {
        path: PathBuf,
        why: String,
    },
    Wrote {
        files: usize,
        content: String,
        new: usize,
        updated: usize,
        replaced: usize,
        unchanged: usize,
    },
    ImportHeader {
        name: String,
        units: usize,
    },
    ImportUnit {
        path: PathBuf,
        smartizzabili: usize,
        non_smartizzabili: usize,
        action: ImportAction,
        nome: String,
    },
    ImportTotals {
        units: usize,
        activities: usize,
        warnings: usize,
    },
    /// Why a unit gets another file name than its own.
    Renamed(String),
    UnitChanges {
        dry_run: bool,
        path: PathBuf,
        added: usize,
        removed: usize,
        moved: usize,
        changed: usize,
        details: usize,
    },
    /// One activity change, as `import::target` describes it.
    Change(String),
    KeptHeader {
        name: String,
        units: usize,
    },
    KeptUnit {
        path: PathBuf,
        nome: String,
    },

    // --- init ----------------------------------------------------------
    EmptyEnte,
    BadSourceDateEpoch(String),
    CannotCreateSiteFolder {
        root: PathBuf,
        error: String,
    },
    CannotWrite {
        path: PathBuf,
        error: String,
    },
    CreatedIn(PathBuf),
    KeptAlready,
    ExampleNotAdded(&'static str),
    ReplaceSettings(Vec<&'static str>),
    Then(NextStep),
    Next(NextStep),
    PreviewAndBuild(PathBuf),
}

impl fmt::Display for FolderProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FolderProblem::NotAFolder => "is not a folder",
            FolderProblem::Missing => "does not exist",
            FolderProblem::Unreadable => "cannot be read",
        })
    }
}

impl fmt::Display for NextStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NextStep::EditTheExample => "import the catalogue or edit content/ufficio-esempio.yaml",
            NextStep::AddUnits => "import the catalogue or add a file per unit to content/",
        })
    }
}

/// " (a.yaml changed)", " (a.yaml and 2 more changed)", or nothing.
fn why(changed: &[PathBuf]) -> String {
    match changed {
        [] => String::new(),
        [one] => format!(" ({} changed)", display_path(one)),
        [first, rest @ ..] => format!(" ({} and {} more changed)", display_path(first), rest.len()),
    }
}

/// ` --root FOLDER`, or nothing for the current folder.
fn root_flag(root: &Path) -> String {
    if root == Path::new(".") {
        String::new()
    } else {
        format!(" --root {}", root.display())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Message as M;
        match self {
            M::SiteFolder { root, problem } => write!(
                f,
                "the site folder {} {problem} (use --root to point at the site folder, or create a site with `trasparenza init --root {}`)",
                root.display(),
                root.display()
            ),
            M::Environment(text)
            | M::PublishFailed(text)
            | M::Leftover(text)
            | M::Preview(text)
            | M::Conflict(text) => f.write_str(text),
            M::NotShownOfKind {
                file,
                more,
                severity,
                words,
            } => write!(
                f,
                "{file}: {more} more {}{} like \"{words}...\" not shown",
                severity.as_str(),
                plural(*more)
            ),
            M::NotShownInAll(n) => write!(
                f,
                "{n} more warning{} and note{} not shown",
                plural(*n),
                plural(*n)
            ),
            M::JsonListsEvery => f.write_str("(`trasparenza check --format json` lists every one)"),
            M::ProblemCount { errors, warnings } => write!(
                f,
                "{errors} error{}, {warnings} warning{}",
                plural(*errors),
                plural(*warnings)
            ),
            M::StrictWarnings => f.write_str("--strict: warnings count as errors."),

            M::Refused(refusal) => write!(f, "{refusal}."),
            M::NotBuilt(output) => write!(
                f,
                "The site was not built; {} is unchanged.",
                output.display()
            ),
            M::WaitingForAnotherBuild(output) => write!(
                f,
                "Another build is writing into {}; waiting for it to finish.",
                output.display()
            ),
            M::Built {
                counts,
                files,
                kib,
                output,
                via_link,
                ms,
            } => {
                let into = match via_link {
                    Some(dir) => format!("{} -> {}", output.display(), dir.display()),
                    None => output.display().to_string(),
                };
                write!(
                    f,
                    "Built {counts}, {files} files ({kib} KiB) into {into} in {ms} ms"
                )
            }

            M::NoErrors(counts) => write!(
                f,
                "No errors: {counts}; every internal link and anchor resolves."
            ),

            M::NotACommand(name) => write!(f, "`{name}` is not a command of trasparenza"),
            M::ManPageFailed(e) => write!(f, "cannot write the manual page: {e}"),
            M::StdoutFailed(e) => write!(f, "cannot write to stdout: {e}"),

            M::UnknownCode(code, None) => f.write_str(&t!("spiega-unknown", code = code)),
            M::UnknownCode(code, Some(near)) => {
                f.write_str(&t!("spiega-unknown-near", code = code, near = *near))
            }

            M::Archived { name, files } => write!(
                f,
                "Archived content/ as content/{CONTENT_DIR}/{name}/ ({files} files).\n\
                 Next: edit content/ for the new edition (_sito.yaml: periodo, pubblicato_il, aggiornato_il, fonte; then the units), and build."
            ),
            M::NothingArchived => f.write_str(
                "Nothing was archived: fix _sito.yaml, or name the edition with --edizione.",
            ),
            M::NoContentFolder(root) => write!(
                f,
                "there is no content/ folder in {} (use --root to point at the site folder)",
                root.display()
            ),
            M::BadEditionName { name, suggestion } => {
                write!(
                    f,
                    "`{name}` is not a valid edition name: use lowercase letters, digits and single dashes"
                )?;
                if !suggestion.is_empty() {
                    write!(f, " (for example `{suggestion}`)")?;
                }
                Ok(())
            }
            M::EditionExists(name) => write!(
                f,
                "content/{CONTENT_DIR}/{name}/ already exists: an archived edition is never overwritten (choose another name with --edizione, or delete that folder first)"
            ),
            M::CannotArchive {
                action,
                path,
                error,
            } => {
                let what = match action {
                    FileAction::Create => "create",
                    FileAction::Remove => "remove",
                    FileAction::Copy => "copy",
                    FileAction::RenameIntoPlace => "rename into place",
                };
                write!(f, "cannot {what} {}: {error}", path.display())
            }
            M::EditionAppeared(name) => write!(
                f,
                "content/{CONTENT_DIR}/{name}/ appeared while copying: nothing was archived"
            ),
            M::PartialCopyRemoved(name) => write!(
                f,
                "Removed content/{CONTENT_DIR}/{name}/, a partial copy left by an interrupted archivia."
            ),
            M::NotAPlainFile(rel) => write!(
                f,
                "content/{} is not a plain file (a link?): copy it by hand or remove it, then run archivia again",
                rel.display()
            ),
            M::CannotReadContent(e) => write!(f, "cannot read content/: {e}"),
            M::CannotReadContentFile { path, error } => {
                write!(f, "cannot read content/{}: {error}", path.display())
            }

            M::NoSignals(e) => write!(f, "cannot set up Ctrl-C handling: {e}"),
            M::CannotOpenSiteFolder { root, error } => write!(
                f,
                "cannot open the site folder {}: {error} (use --root to point at the site folder)",
                root.display()
            ),
            M::AddressInUse { address, next_port } => write!(
                f,
                "{address} is already in use (is another preview running?); choose another port, for example: trasparenza serve --port {next_port}"
            ),
            M::CannotWatch(e) => write!(
                f,
                "cannot watch the site folder for changes: {e} (try --poll)"
            ),
            M::SeenOnTheNetwork(ip) => write!(
                f,
                "listening on {ip}: other machines on the network can see the preview"
            ),
            M::Serving { root, url, poll } => write!(
                f,
                "Serving {} at {url} ({}; Ctrl-C to stop)",
                root.display(),
                if *poll {
                    "checking for changes every 300 ms"
                } else {
                    "watching content/ and themes/"
                }
            ),
            M::Stopped(signal) => write!(f, "Stopped ({signal})."),
            M::Rebuilt {
                changed,
                pages,
                files,
                ms,
                nothing_changed,
            } => write!(
                f,
                "{} {pages} pages, {files} files in {ms} ms{}{}",
                if changed.is_empty() {
                    "Built"
                } else {
                    "Rebuilt"
                },
                why(changed),
                if *nothing_changed {
                    "; nothing changed"
                } else {
                    ""
                }
            ),
            M::RebuildFailed { changed, ms } => write!(
                f,
                "Rebuild failed in {ms} ms{}: the preview keeps the last good site and shows the errors on every page",
                why(changed)
            ),
            M::BuildFailed { changed, ms } => write!(
                f,
                "Build failed in {ms} ms{}: every page shows the errors until they are fixed",
                why(changed)
            ),
            M::CannotOpenBrowser {
                program,
                error,
                url,
            } => write!(
                f,
                "cannot open the browser ({program}: {error}); open {url} yourself"
            ),

            M::SheetOnlyForSpreadsheets => {
                f.write_str("--sheet applies only to spreadsheets (.xlsx, .ods)")
            }
            M::DelimiterOnlyForCsv => {
                f.write_str("--delimiter applies only to CSV files (.csv, .tsv)")
            }
            M::EncodingOnlyForText => {
                f.write_str("--encoding applies only to .csv, .tsv, .txt and .html files")
            }
            M::UnknownEncoding(label) => write!(
                f,
                "--encoding `{label}` is not an encoding I know (try utf-8 or windows-1252)"
            ),
            M::BadDelimiter(d) => write!(f, "--delimiter `{d}`: use `,`, `;`, `tab` or `|`"),
            M::NoSuchFile(file) => write!(f, "{}: no such file", file.display()),
            M::NotAFile(file) => write!(f, "{} is not a file", file.display()),
            M::UnknownFormat(file) => write!(
                f,
                "{}: I cannot tell the format from its name; import reads {}\n  = hint: a PDF cannot be read: open it, copy the table into a .txt file or save it as .docx",
                file.display(),
                crate::import::SUPPORTED
            ),
            M::NoSuchRoot(root) => write!(f, "--root {}: no such folder", root.display()),
            M::NoSiteYet(root) => write!(
                f,
                "{} has no site yet (no {})\n  = hint: run `trasparenza init{}` first, then import",
                root.display(),
                Path::new("content").join("_sito.yaml").display(),
                root_flag(root)
            ),
            M::CannotImport { name, error } => write!(f, "{name}: {error}"),
            M::ImportNote {
                warning,
                name,
                place,
                message,
            } => write!(
                f,
                "{}: {name}, {place}: {message}",
                if *warning { "warning" } else { "note" }
            ),
            M::NoCatalogue { name, tables } => write!(
                f,
                "{name}: no catalogue found ({tables} table{} read)\n  = hint: the table needs a header row naming the unit (Unità organizzativa, Ufficio, Servizio, ...) and either the two lists (Attività smartizzabili, Attività non smartizzabili) or the activity and a column saying whether it is smartizzabile",
                plural(*tables)
            ),
            M::ImportBug(bug) => write!(
                f,
                "{bug}\n  = hint: this is a bug of trasparenza import; nothing was written"
            ),
            M::NothingWritten => f.write_str("Nothing was written."),
            M::BackedUp {
                dry_run,
                files,
                dir,
            } => write!(
                f,
                "{} {files} file{} into {dir}/:",
                if *dry_run { "Would copy" } else { "Copied" },
                plural(*files)
            ),
            M::Item(item) => write!(f, "  {item}"),
            M::WouldRemove { path, why } => write!(f, "Would remove {} ({why}).", path.display()),
            M::DryRun => f.write_str("Dry run: nothing written."),
            M::CannotBackUp { dir, error } => write!(
                f,
                "cannot keep a copy in {dir}: {error}; nothing was written"
            ),
            M::CannotWriteUnit {
                path,
                error,
                written,
                total,
                dir,
            } => write!(
                f,
                "cannot write {}: {error} ({written} of {total} files written; copies of the replaced ones are in {dir})",
                path.display()
            ),
            M::CannotRemove { path, error } => {
                write!(f, "cannot remove {}: {error}", path.display())
            }
            M::RemovedUnit { path, why } => write!(f, "Removed {}: {why}.", path.display()),
            M::Wrote {
                files,
                content,
                new,
                updated,
                replaced,
                unchanged,
            } => write!(
                f,
                "Wrote {files} unit file{} in {content}: {new} new, {updated} updated, {replaced} replaced; {unchanged} unchanged.",
                plural(*files)
            ),
            M::ImportHeader { name, units } => write!(
                f,
                "{name}: {units} unit{} in the act's order:",
                plural(*units)
            ),
            M::ImportUnit {
                path,
                smartizzabili: s,
                non_smartizzabili: n,
                action,
                nome,
            } => {
                let what = match action {
                    ImportAction::New => "new",
                    ImportAction::Update => "update",
                    ImportAction::Unchanged => "unchanged",
                    ImportAction::Replace => "replace",
                };
                let ending = |k: usize| if k == 1 { 'e' } else { 'i' };
                write!(
                    f,
                    "  {:<48} {s:>3} smartizzabil{}, {n:>3} non smartizzabil{}  {what:<9} ({nome})",
                    path.display(),
                    ending(*s),
                    ending(*n)
                )
            }
            M::ImportTotals {
                units,
                activities,
                warnings,
            } => write!(
                f,
                "{}, {}, {}.",
                count(*units, "unit"),
                count(*activities, "activit"),
                count(*warnings, "warning")
            ),
            M::Renamed(why) => write!(f, "note: {why}"),
            M::UnitChanges {
                dry_run,
                path,
                added,
                removed,
                moved,
                changed,
                details,
            } => write!(
                f,
                "{} {}: {added} added, {removed} removed, {moved} moved, {changed} changed, {details} with a new note or ambiti",
                if *dry_run { "Would update" } else { "Updating" },
                path.display()
            ),
            M::Change(change) => write!(f, "    {change}"),
            M::KeptHeader { name, units } => write!(
                f,
                "Kept, not in {name} ({units} unit{}; --force removes {}, keeping a copy):",
                plural(*units),
                if *units == 1 { "it" } else { "them" }
            ),
            M::KeptUnit { path, nome } => write!(f, "  {} ({nome})", path.display()),

            M::EmptyEnte => f.write_str(
                "--ente is empty: give the body's name, e.g. --ente \"Comune di Esempio\"",
            ),
            M::BadSourceDateEpoch(value) => write!(
                f,
                "SOURCE_DATE_EPOCH `{value}` is not a number of seconds since 1970-01-01"
            ),
            M::CannotCreateSiteFolder { root, error } => write!(
                f,
                "cannot create the site folder {}: {error}",
                root.display()
            ),
            M::CannotWrite { path, error } => write!(f, "cannot write {}: {error}", path.display()),
            M::CreatedIn(root) => write!(f, "Created in {}:", root.display()),
            M::KeptAlready => f.write_str("Kept, already there (not overwritten):"),
            M::ExampleNotAdded(file) => write!(
                f,
                "Not added, since content/ already holds files (it would be published beside them):\n  {file}"
            ),
            M::ReplaceSettings(keys) => write!(
                f,
                "Next: replace {} in content/_sito.yaml (`trasparenza check` lists what is left),",
                keys.join(" and ")
            ),
            M::Then(next) => write!(f, "  then {next}."),
            M::Next(next) => write!(f, "Next: {next}."),
            M::PreviewAndBuild(root) => {
                let flag = root_flag(root);
                write!(
                    f,
                    "Preview: trasparenza serve{flag}    Build: trasparenza build{flag}"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Counts, Diagnostic, SHOWN_IN_ALL, SHOWN_PER_KIND, count, for_people};

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
        let left: Vec<String> = left.iter().map(ToString::to_string).collect();
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
        assert_eq!(left[0].to_string(), "5 more warnings and notes not shown");
        let (shown, left) = for_people(&refs[..3]);
        assert_eq!((shown.len(), left.len()), (3, 0));
    }

    /// The commands print nothing themselves: every line goes through this
    /// module, so its messages are all there is to translate.
    #[test]
    fn only_the_printer_prints() {
        let commands = [
            ("mod.rs", include_str!("mod.rs")),
            ("archivia.rs", include_str!("archivia.rs")),
            ("build.rs", include_str!("build.rs")),
            ("check.rs", include_str!("check.rs")),
            ("completions.rs", include_str!("completions.rs")),
            ("import.rs", include_str!("import.rs")),
            ("init/mod.rs", include_str!("init/mod.rs")),
            ("serve.rs", include_str!("serve.rs")),
            ("main.rs", include_str!("../main.rs")),
        ];
        let printing = [
            "print!(",
            "println!(",
            "stdout()",
            "stderr()",
            "ExitCode::from",
        ];
        for (file, text) in commands {
            for (i, line) in text.lines().enumerate() {
                for p in printing {
                    assert!(
                        !line.contains(p),
                        "src/cmd/{file}:{}: `{p}`: say it with a `Message` through `output`",
                        i + 1
                    );
                }
            }
        }
    }

    #[test]
    fn counts_are_singular_for_one() {
        assert_eq!(count(1, "unit"), "1 unit");
        assert_eq!(count(0, "unit"), "0 units");
        assert_eq!(count(9, "unit"), "9 units");
        assert_eq!(count(1, "activit"), "1 activity");
        assert_eq!(count(193, "activit"), "193 activities");
        assert_eq!(count(1, "page"), "1 page");
        let counts = Counts {
            units: 1,
            activities: 2,
            pages: 1,
        };
        assert_eq!(counts.to_string(), "1 unit, 2 activities, 1 page");
    }
}
