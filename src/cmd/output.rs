//! The command layer's one printer, as ripgrep's `main` is: commands return
//! a [`Done`] or a [`Failure`], and [`finish`] prints it and chooses the
//! exit code. Every sentence a command says is a [`Message`], said here and
//! nowhere else with the words of the catalogue (`locales/<lang>/cmd.ftl`,
//! ids `cmd-*`, through `t!`): Italian by default, English on request; only
//! layout (indents, aligned columns) is written in this module.
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
    eprintln!("{}", t!("cmd-error", message = message.to_string()));
}

/// `init`'s question, in a terminal: which shape the act has. Asked again
/// after an answer it does not know; an empty answer or the end of the
/// input is `uffici`, what `init` writes without the question.
pub(crate) fn ask_shape() -> crate::cli::Forma {
    use crate::cli::Forma;
    loop {
        eprint!("{} ", t!("cmd-init-ask-shape"));
        let _ = io::stderr().flush();
        let mut answer = String::new();
        if io::stdin().read_line(&mut answer).unwrap_or(0) == 0 {
            return Forma::Uffici;
        }
        match answer.trim().to_lowercase().as_str() {
            "" | "uffici" | "u" | "offices" | "1" => return Forma::Uffici,
            "elenco" | "e" | "list" | "2" => return Forma::Elenco,
            _ => {}
        }
    }
}

/// `warning: …` on stderr, while the command runs.
pub(crate) fn warn(message: &Message) {
    eprintln!("{}", t!("cmd-warning", message = message.to_string()));
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
    /// "9 units, 193 activities, 12 pages" (`cmd-counts`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "cmd-counts",
            units = self.units,
            activities = self.activities,
            pages = self.pages
        ))
    }
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
    EditTheLists,
    /// The lists shape asked of a site made with the example unit.
    SwitchToLists,
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
    /// The current edition has errors: nothing archived.
    EditionHasErrors,
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
    /// A line of the report about the lists for the whole body, written by
    /// `cmd::import` from the catalogue (`import-flat.ftl`).
    ImportFlat(String),
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
        /// Shown only when not 0, so the report of an act without them is unchanged.
        parzialmente_smartizzabili: usize,
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
    /// `init`'s folder is the name of a file.
    SiteFolderIsAFile(PathBuf),
    /// `init` in `/`; a folder inside it to suggest.
    InitInRoot {
        root: PathBuf,
        inside: PathBuf,
    },
    /// `init` in the home folder; a folder inside it to suggest.
    InitInHome {
        root: PathBuf,
        inside: PathBuf,
    },
    /// `init` inside `content/` or `themes/` (named) of the site `site`.
    InitInsideSite {
        root: PathBuf,
        folder: &'static str,
        site: PathBuf,
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

impl FolderProblem {
    /// The selector of `cmd-site-folder`.
    fn key(self) -> &'static str {
        match self {
            FolderProblem::NotAFolder => "not-a-folder",
            FolderProblem::Missing => "missing",
            FolderProblem::Unreadable => "unreadable",
        }
    }
}

impl NextStep {
    /// The selector of `cmd-init-then` and `cmd-init-next`.
    fn key(self) -> &'static str {
        match self {
            NextStep::EditTheExample => "example",
            NextStep::AddUnits => "units",
            NextStep::EditTheLists => "lists",
            NextStep::SwitchToLists => "switch",
        }
    }
}

/// `yes` or `no`: a selector of the catalogue for a flag.
fn yes_no(flag: bool) -> &'static str {
    if flag { "yes" } else { "no" }
}

/// What a message says about the saved files that started a build:
/// `(changed, path, others)` for the `cmd-serve-*` messages (0 and an
/// empty path at the first build).
fn changes(changed: &[PathBuf]) -> (usize, String, usize) {
    match changed.first() {
        None => (0, String::new(), 0),
        Some(first) => (changed.len(), display_path(first), changed.len() - 1),
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

/// A message and, on the next line, what to do: `  = hint: …`.
fn with_hint(f: &mut fmt::Formatter<'_>, message: String, hint: String) -> fmt::Result {
    write!(f, "{message}\n  = {}", t!("cmd-hint", hint = hint))
}

impl fmt::Display for Message {
    /// Every sentence from the catalogue (`locales/*/cmd.ftl`); only layout
    /// (indents, columns) is written here.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Message as M;
        let text = match self {
            M::SiteFolder { root, problem } => t!(
                "cmd-site-folder",
                root = root.as_path(),
                problem = problem.key()
            ),
            M::Environment(text)
            | M::PublishFailed(text)
            | M::Leftover(text)
            | M::Preview(text)
            | M::Conflict(text)
            | M::ImportFlat(text) => return f.write_str(text),
            M::NotShownOfKind {
                file,
                more,
                severity,
                words,
            } => t!(
                "cmd-more-like",
                file = file,
                more = *more,
                severity = severity.as_str(),
                words = words
            ),
            M::NotShownInAll(n) => t!("cmd-more-beyond", count = *n),
            M::JsonListsEvery => t!("cmd-json-lists-all"),
            M::ProblemCount { errors, warnings } => {
                t!("cmd-problems", errors = *errors, warnings = *warnings)
            }
            M::StrictWarnings => t!("cmd-strict"),

            M::Refused(refusal) => t!("cmd-build-refused", refusal = refusal),
            M::NotBuilt(output) => t!("cmd-build-not-built", output = output.as_path()),
            M::WaitingForAnotherBuild(output) => {
                t!("cmd-build-waiting", output = output.as_path())
            }
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
                t!(
                    "cmd-build-done",
                    counts = counts.to_string(),
                    files = *files,
                    kib = *kib,
                    into = into,
                    ms = *ms as u64
                )
            }

            M::NoErrors(counts) => t!("cmd-check-ok", counts = counts.to_string()),

            M::NotACommand(name) => t!("cmd-completions-not-a-command", name = name),
            M::ManPageFailed(e) => t!("cmd-completions-man-failed", error = e),
            M::StdoutFailed(e) => t!("cmd-stdout-failed", error = e),

            M::UnknownCode(code, None) => t!("spiega-unknown", code = code),
            M::UnknownCode(code, Some(near)) => {
                t!("spiega-unknown-near", code = code, near = *near)
            }

            M::Archived { name, files } => t!("cmd-archivia-done", name = name, files = *files),
            M::NothingArchived => t!("cmd-archivia-nothing"),
            M::EditionHasErrors => t!("cmd-archivia-has-errors"),
            M::NoContentFolder(root) => t!("cmd-archivia-no-content", root = root.as_path()),
            M::BadEditionName { name, suggestion } if suggestion.is_empty() => {
                t!("cmd-archivia-bad-name", name = name)
            }
            M::BadEditionName { name, suggestion } => t!(
                "cmd-archivia-bad-name-suggestion",
                name = name,
                suggestion = suggestion
            ),
            M::EditionExists(name) => t!("cmd-archivia-exists", name = name),
            M::CannotArchive {
                action,
                path,
                error,
            } => {
                let action = match action {
                    FileAction::Create => "create",
                    FileAction::Remove => "remove",
                    FileAction::Copy => "copy",
                    FileAction::RenameIntoPlace => "rename",
                };
                t!(
                    "cmd-archivia-cannot",
                    action = action,
                    path = path.as_path(),
                    error = error
                )
            }
            M::EditionAppeared(name) => t!("cmd-archivia-appeared", name = name),
            M::PartialCopyRemoved(name) => t!("cmd-archivia-removed-partial", name = name),
            M::NotAPlainFile(rel) => t!("cmd-archivia-not-a-plain-file", path = rel.as_path()),
            M::CannotReadContent(e) => t!("cmd-archivia-cannot-read", error = e),
            M::CannotReadContentFile { path, error } => t!(
                "cmd-archivia-cannot-read-file",
                path = path.as_path(),
                error = error
            ),

            M::NoSignals(e) => t!("cmd-serve-no-signals", error = e),
            M::CannotOpenSiteFolder { root, error } => t!(
                "cmd-serve-cannot-open-site",
                root = root.as_path(),
                error = error
            ),
            M::AddressInUse { address, next_port } => t!(
                "cmd-serve-address-in-use",
                address = address,
                port = *next_port
            ),
            M::CannotWatch(e) => t!("cmd-serve-cannot-watch", error = e),
            M::SeenOnTheNetwork(ip) => t!("cmd-serve-on-the-network", ip = ip.to_string()),
            M::Serving { root, url, poll } => t!(
                "cmd-serve-serving",
                root = root.as_path(),
                url = url,
                poll = yes_no(*poll)
            ),
            M::Stopped(signal) => t!("cmd-serve-stopped", signal = *signal),
            M::Rebuilt {
                changed,
                pages,
                files,
                ms,
                nothing_changed,
            } => {
                let (changed, path, others) = changes(changed);
                t!(
                    "cmd-serve-built",
                    changed = changed,
                    path = path,
                    others = others,
                    pages = *pages,
                    files = *files,
                    ms = *ms as u64,
                    unchanged = yes_no(*nothing_changed)
                )
            }
            M::RebuildFailed { changed, ms } => {
                let (changed, path, others) = changes(changed);
                t!(
                    "cmd-serve-rebuild-failed",
                    changed = changed,
                    path = path,
                    others = others,
                    ms = *ms as u64
                )
            }
            M::BuildFailed { changed, ms } => {
                let (changed, path, others) = changes(changed);
                t!(
                    "cmd-serve-build-failed",
                    changed = changed,
                    path = path,
                    others = others,
                    ms = *ms as u64
                )
            }
            M::CannotOpenBrowser {
                program,
                error,
                url,
            } => t!(
                "cmd-serve-cannot-open-browser",
                program = *program,
                error = error,
                url = url
            ),

            M::SheetOnlyForSpreadsheets => t!("cmd-import-sheet-only"),
            M::DelimiterOnlyForCsv => t!("cmd-import-delimiter-only"),
            M::EncodingOnlyForText => t!("cmd-import-encoding-only"),
            M::UnknownEncoding(label) => t!("cmd-import-unknown-encoding", label = label),
            M::BadDelimiter(d) => t!("cmd-import-bad-delimiter", delimiter = d),
            M::NoSuchFile(file) => t!("cmd-import-no-such-file", file = file.as_path()),
            M::NotAFile(file) => t!("cmd-import-not-a-file", file = file.as_path()),
            M::UnknownFormat(file) => {
                return with_hint(
                    f,
                    t!(
                        "cmd-import-unknown-format",
                        file = file.as_path(),
                        formats = crate::import::SUPPORTED
                    ),
                    t!(
                        "cmd-import-unknown-format-hint",
                        kind = unreadable_kind(file)
                    ),
                );
            }
            M::NoSuchRoot(root) => t!("cmd-import-no-such-root", root = root.as_path()),
            M::NoSiteYet(root) => {
                let settings = Path::new("content").join("_sito.yaml");
                return with_hint(
                    f,
                    t!(
                        "cmd-import-no-site",
                        root = root.as_path(),
                        settings = settings.as_path()
                    ),
                    t!("cmd-import-no-site-hint", flag = root_flag(root)),
                );
            }
            M::CannotImport { name, error } => t!("cmd-import-cannot", name = name, error = error),
            M::ImportNote {
                warning,
                name,
                place,
                message,
            } => t!(
                "cmd-import-note",
                kind = if *warning { "warning" } else { "note" },
                name = name,
                place = place,
                message = message
            ),
            M::NoCatalogue { name, tables } => {
                return with_hint(
                    f,
                    t!("cmd-import-no-catalogue", name = name, tables = *tables),
                    t!("cmd-import-no-catalogue-hint"),
                );
            }
            M::ImportBug(bug) => return with_hint(f, bug.clone(), t!("cmd-import-bug-hint")),
            M::NothingWritten => t!("cmd-import-nothing-written"),
            M::BackedUp {
                dry_run,
                files,
                dir,
            } => t!(
                "cmd-import-copied",
                dry_run = yes_no(*dry_run),
                count = *files,
                dir = dir
            ),
            M::Item(item) => return write!(f, "  {item}"),
            M::WouldRemove { path, why } => {
                t!("cmd-import-would-remove", path = path.as_path(), why = why)
            }
            M::DryRun => t!("cmd-import-dry-run"),
            M::CannotBackUp { dir, error } => {
                t!("cmd-import-cannot-back-up", dir = dir, error = error)
            }
            M::CannotWriteUnit {
                path,
                error,
                written,
                total,
                dir,
            } => t!(
                "cmd-import-cannot-write",
                path = path.as_path(),
                error = error,
                written = *written,
                total = *total,
                dir = dir
            ),
            M::CannotRemove { path, error } => t!(
                "cmd-import-cannot-remove",
                path = path.as_path(),
                error = error
            ),
            M::RemovedUnit { path, why } => {
                t!("cmd-import-removed", path = path.as_path(), why = why)
            }
            M::Wrote {
                files,
                content,
                new,
                updated,
                replaced,
                unchanged,
            } => t!(
                "cmd-import-wrote",
                count = *files,
                dir = content,
                new = *new,
                updated = *updated,
                replaced = *replaced,
                unchanged = *unchanged
            ),
            M::ImportHeader { name, units } => {
                t!("cmd-import-units-in-order", name = name, units = *units)
            }
            M::ImportUnit {
                path,
                smartizzabili: s,
                parzialmente_smartizzabili: p,
                non_smartizzabili: n,
                action,
                nome,
            } => {
                let partial = if *p > 0 {
                    format!(
                        ", {p:>3} {}",
                        t!("cmd-import-parzialmente-smartizzabili", count = *p)
                    )
                } else {
                    String::new()
                };
                let what = match action {
                    ImportAction::New => t!("cmd-import-action-new"),
                    ImportAction::Update => t!("cmd-import-action-update"),
                    ImportAction::Unchanged => t!("cmd-import-action-unchanged"),
                    ImportAction::Replace => t!("cmd-import-action-replace"),
                };
                return write!(
                    f,
                    "  {:<48} {s:>3} {}{partial}, {n:>3} {}  {what:<9} ({nome})",
                    path.display(),
                    t!("cmd-import-smartizzabili", count = *s),
                    t!("cmd-import-non-smartizzabili", count = *n)
                );
            }
            M::ImportTotals {
                units,
                activities,
                warnings,
            } => t!(
                "cmd-import-totals",
                units = *units,
                activities = *activities,
                warnings = *warnings
            ),
            M::Renamed(why) => t!("cmd-import-renamed", why = why),
            M::UnitChanges {
                dry_run,
                path,
                added,
                removed,
                moved,
                changed,
                details,
            } => t!(
                "cmd-import-updating",
                dry_run = yes_no(*dry_run),
                path = path.as_path(),
                added = *added,
                removed = *removed,
                moved = *moved,
                changed = *changed,
                details = *details
            ),
            M::Change(change) => return write!(f, "    {change}"),
            M::KeptHeader { name, units } => t!("cmd-import-kept", name = name, count = *units),
            M::KeptUnit { path, nome } => return write!(f, "  {} ({nome})", path.display()),

            M::EmptyEnte => t!("cmd-init-empty-ente"),
            M::BadSourceDateEpoch(value) => t!("cmd-init-bad-epoch", value = value),
            M::SiteFolderIsAFile(root) => t!("cmd-init-folder-is-a-file", root = root.as_path()),
            M::InitInRoot { root, inside } => t!(
                "cmd-init-in-root",
                root = root.as_path(),
                inside = inside.as_path()
            ),
            M::InitInHome { root, inside } => t!(
                "cmd-init-in-home",
                root = root.as_path(),
                inside = inside.as_path()
            ),
            M::InitInsideSite { root, folder, site } => t!(
                "cmd-init-inside-site",
                root = root.as_path(),
                folder = *folder,
                site = site.as_path()
            ),
            M::CannotCreateSiteFolder { root, error } => t!(
                "cmd-init-cannot-create",
                root = root.as_path(),
                error = error
            ),
            M::CannotWrite { path, error } => {
                t!(
                    "cmd-init-cannot-write",
                    path = path.as_path(),
                    error = error
                )
            }
            M::CreatedIn(root) => t!("cmd-init-created", root = root.as_path()),
            M::KeptAlready => t!("cmd-init-kept"),
            M::ExampleNotAdded(file) => {
                return write!(f, "{}\n  {file}", t!("cmd-init-example-not-added"));
            }
            M::ReplaceSettings(keys) => t!(
                "cmd-init-replace",
                count = keys.len(),
                first = keys.first().copied().unwrap_or_default(),
                second = keys.get(1).copied().unwrap_or_default()
            ),
            M::Then(next) => return write!(f, "  {}", t!("cmd-init-then", step = next.key())),
            M::Next(next) => t!("cmd-init-next", step = next.key()),
            M::PreviewAndBuild(root) => t!("cmd-init-preview-and-build", flag = root_flag(root)),
        };
        f.write_str(&text)
    }
}

/// What a file import cannot read is, for the hint that says how to make
/// it readable: `pdf`, `word` (Word 97-2003, RTF, Works, Pages: saved as
/// .docx) or `other`.
fn unreadable_kind(file: &Path) -> &'static str {
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("pdf") => "pdf",
        Some("doc" | "dot" | "rtf" | "wps" | "wpd" | "pages") => "word",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::{Counts, Diagnostic, Message, SHOWN_IN_ALL, SHOWN_PER_KIND, for_people};
    use crate::editions::CONTENT_DIR;
    use crate::i18n::{Lang, with_lang};
    use std::path::PathBuf;

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
            with_lang(Lang::It, || left[0].to_string()),
            "content/a.yaml: altri 15 avvisi come \"the same activity appears more than once in...\" non mostrati"
        );
        let left: Vec<String> =
            with_lang(Lang::En, || left.iter().map(ToString::to_string).collect());
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
        assert_eq!(
            with_lang(Lang::En, || left[0].to_string()),
            "5 more warnings and notes not shown"
        );
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

    /// Singular for one; an act with no offices (every list in
    /// `_sito.yaml`) is not "0 units": its activities are the whole body's.
    #[test]
    fn counts_are_singular_for_one_and_without_units_say_the_whole_body() {
        let counts = |units, activities, pages| {
            Counts {
                units,
                activities,
                pages,
            }
            .to_string()
        };
        with_lang(Lang::En, || {
            assert_eq!(counts(1, 2, 1), "1 unit, 2 activities, 1 page");
            assert_eq!(counts(9, 193, 12), "9 units, 193 activities, 12 pages");
            assert_eq!(counts(0, 1, 9), "1 activity for the whole body, 9 pages");
            assert_eq!(
                counts(0, 12, 3),
                "12 activities for the whole body, 3 pages"
            );
        });
        with_lang(Lang::It, || {
            assert_eq!(counts(1, 2, 1), "1 unità, 2 attività, 1 pagina");
            assert_eq!(counts(0, 1, 9), "1 attività per l'intero ente, 9 pagine");
            assert_eq!(counts(0, 12, 3), "12 attività per l'intero ente, 3 pagine");
        });
    }

    /// The summaries people read most, in both languages; English as it was
    /// before the catalogue.
    #[test]
    fn summaries_speak_both_languages() {
        let problems = |errors, warnings| Message::ProblemCount { errors, warnings }.to_string();
        with_lang(Lang::En, || {
            assert_eq!(problems(1, 0), "1 error, 0 warnings");
            assert_eq!(problems(2, 1), "2 errors, 1 warning");
        });
        with_lang(Lang::It, || {
            assert_eq!(problems(1, 0), "1 errore, 0 avvisi");
            assert_eq!(problems(2, 1), "2 errori, 1 avviso");
        });
        let built = Message::Built {
            counts: Counts {
                units: 9,
                activities: 193,
                pages: 12,
            },
            files: 30,
            kib: 412,
            output: "public".into(),
            via_link: None,
            ms: 41,
        };
        assert_eq!(
            with_lang(Lang::En, || built.to_string()),
            "Built 9 units, 193 activities, 12 pages, 30 files (412 KiB) into public in 41 ms"
        );
        assert_eq!(
            with_lang(Lang::It, || built.to_string()),
            "Sito costruito in public: 9 unità, 193 attività, 12 pagine, 30 file (412 KiB) in 41 ms"
        );
        let rebuilt = |changed: Vec<PathBuf>, nothing_changed| {
            with_lang(Lang::En, || {
                Message::Rebuilt {
                    changed,
                    pages: 12,
                    files: 30,
                    ms: 5,
                    nothing_changed,
                }
                .to_string()
            })
        };
        assert_eq!(rebuilt(vec![], false), "Built 12 pages, 30 files in 5 ms");
        assert_eq!(
            rebuilt(vec!["a.yaml".into()], true),
            "Rebuilt 12 pages, 30 files in 5 ms (a.yaml changed); nothing changed"
        );
        assert_eq!(
            rebuilt(
                vec!["a.yaml".into(), "b.yaml".into(), "c.yaml".into()],
                false
            ),
            "Rebuilt 12 pages, 30 files in 5 ms (a.yaml and 2 more changed)"
        );
    }

    /// The archive's folder is written out in the catalogue: it must be
    /// the one the code uses.
    #[test]
    fn archive_messages_name_the_archive_folder() {
        for lang in Lang::ALL {
            let text = with_lang(lang, || Message::EditionExists("2025".into()).to_string());
            assert!(
                text.starts_with(&format!("content/{CONTENT_DIR}/2025/")),
                "{text}"
            );
        }
    }
}
