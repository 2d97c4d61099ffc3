//! `trasparenza import FILE`: checks every path and flag first, reads the
//! file (`import::read`), finds the catalogue (`import::catalogue`), plans
//! every file (`import::target`: units the site has are updated in place,
//! new ones get a file), prints the report with every change, and unless
//! `--dry-run` copies each file it replaces or removes into
//! `content/.trasparenza-backup/import-N/`, then writes. A plan with a
//! conflict (a link, a file import cannot update) is refused whole without
//! `--force`: then nothing at all is written.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{EXIT_CONTENT, EXIT_USAGE, ImportArgs};
use crate::import::{self, Format, ReadOptions, target};

/// Prints a line of the report on stdout; a closed pipe (`| head`) does
/// not stop the import.
macro_rules! say {
    ($($t:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

fn usage(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// `,` `;` `tab` `|` (or the character itself).
fn delimiter(s: &str) -> Option<u8> {
    match s {
        "tab" | "\\t" | "\t" | "TAB" => Some(b'\t'),
        "," | ";" | "|" | ":" => s.bytes().next(),
        _ => None,
    }
}

fn options(args: &ImportArgs, format: Format) -> Result<ReadOptions, ExitCode> {
    if args.sheet.is_some() && !format.is_spreadsheet() {
        return Err(usage("--sheet applies only to spreadsheets (.xlsx, .ods)"));
    }
    if args.delimiter.is_some() && format != Format::Csv {
        return Err(usage("--delimiter applies only to CSV files (.csv, .tsv)"));
    }
    if args.encoding.is_some() && !(format.is_delimited() || format == Format::Html) {
        return Err(usage(
            "--encoding applies only to .csv, .tsv, .txt and .html files",
        ));
    }
    let encoding = match &args.encoding {
        None => None,
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => Some(e),
            None => {
                return Err(usage(format!(
                    "--encoding `{label}` is not an encoding I know (try utf-8 or windows-1252)"
                )));
            }
        },
    };
    let delimiter = match &args.delimiter {
        None => None,
        Some(d) => match delimiter(d) {
            Some(b) => Some(b),
            None => {
                return Err(usage(format!(
                    "--delimiter `{d}`: use `,`, `;`, `tab` or `|`"
                )));
            }
        },
    };
    Ok(ReadOptions {
        sheet: args.sheet.clone(),
        encoding,
        delimiter,
    })
}

/// Checks every path the user gave before anything is read or written.
fn check_paths(args: &ImportArgs) -> Result<Format, ExitCode> {
    let file = &args.file;
    if !file.exists() {
        return Err(usage(format!("{}: no such file", file.display())));
    }
    if !file.is_file() {
        return Err(usage(format!("{} is not a file", file.display())));
    }
    let Some(format) = Format::from_path(file) else {
        return Err(usage(format!(
            "{}: I cannot tell the format from its name; import reads {}\n  = hint: a PDF cannot be read: open it, copy the table into a .txt file or save it as .docx",
            file.display(),
            import::SUPPORTED
        )));
    };
    let root = &args.root;
    if !root.is_dir() {
        return Err(usage(format!("--root {}: no such folder", root.display())));
    }
    let content = root.join("content");
    if !content.join("_sito.yaml").is_file() {
        return Err(usage(format!(
            "{} has no site yet (no {})\n  = hint: run `trasparenza init{}` first, then import",
            root.display(),
            Path::new("content").join("_sito.yaml").display(),
            if root == Path::new(".") {
                String::new()
            } else {
                format!(" --root {}", root.display())
            }
        )));
    }
    Ok(format)
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

/// Runs `trasparenza import`; the exit code as `cli` documents it.
pub(super) fn run(args: &ImportArgs) -> ExitCode {
    let format = match check_paths(args) {
        Ok(f) => f,
        Err(code) => return code,
    };
    let opts = match options(args, format) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let root = &args.root;
    let content = root.join("content");
    let existing = target::scan(root);
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tables = match import::read(&args.file, format, &opts) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {name}: {e}");
            return ExitCode::from(EXIT_CONTENT);
        }
    };
    let found = import::catalogue::catalogue(&tables);
    for n in &found.notes {
        let level = if n.warning { "warning" } else { "note" };
        eprintln!("{level}: {name}, {}: {}", n.place, n.message);
    }
    if found.units.is_empty() {
        eprintln!(
            "error: {name}: no catalogue found ({} table{} read)\n  = hint: the table needs a header row naming the unit (Unità organizzativa, Ufficio, Servizio, ...) and either the two lists (Attività smartizzabili, Attività non smartizzabili) or the activity and a column saying whether it is smartizzabile",
            tables.len(),
            if tables.len() == 1 { "" } else { "s" }
        );
        return ExitCode::from(EXIT_CONTENT);
    }
    let plan = target::plan(&found, &name, &args.file, root, &existing, args.force);
    if let Err(bug) = target::verify(&plan, &found.units) {
        eprintln!(
            "error: {bug}\n  = hint: this is a bug of trasparenza import; nothing was written"
        );
        return ExitCode::from(EXIT_CONTENT);
    }
    report(args, &name, &found, &plan);
    if !plan.conflicts.is_empty() {
        for c in &plan.conflicts {
            eprintln!("error: {c}");
        }
        eprintln!("Nothing was written.");
        return ExitCode::from(EXIT_USAGE);
    }
    let backed = plan.backed_up(root);
    let dir = target::backup_dir(&content);
    let verb = |now: &str, later: &str| {
        if args.dry_run {
            later.to_string()
        } else {
            now.to_string()
        }
    };
    if !backed.is_empty() {
        say!(
            "{} {} file{} into {}/:",
            verb("Copied", "Would copy"),
            backed.len(),
            plural(backed.len()),
            rel(root, &dir)
        );
        for (shown, _) in &backed {
            say!("  {}", shown.display());
        }
    }
    if args.dry_run {
        for r in &plan.removals {
            say!("Would remove {} ({}).", r.path.display(), r.why);
        }
        say!("Dry run: nothing written.");
        return ExitCode::SUCCESS;
    }
    if !backed.is_empty()
        && let Err(err) = target::backup(&dir, &backed)
    {
        return usage(format!(
            "cannot keep a copy in {}: {err}; nothing was written",
            rel(root, &dir)
        ));
    }
    let writes: Vec<&target::Planned> = plan
        .files
        .iter()
        .filter(|p| !matches!(p.action, target::Action::Unchanged))
        .collect();
    for (i, p) in writes.iter().enumerate() {
        if let Err(err) = target::write_file(&p.write_to, &p.text) {
            return usage(format!(
                "cannot write {}: {err} ({i} of {} files written; copies of the replaced ones are in {})",
                p.path.display(),
                writes.len(),
                rel(root, &dir)
            ));
        }
    }
    for r in &plan.removals {
        if let Err(err) = std::fs::remove_file(root.join(&r.path)) {
            return usage(format!("cannot remove {}: {err}", r.path.display()));
        }
        say!("Removed {}: {}.", r.path.display(), r.why);
    }
    let count = |f: fn(&target::Action) -> bool| plan.files.iter().filter(|p| f(&p.action)).count();
    say!(
        "Wrote {} unit file{} in {}: {} new, {} updated, {} replaced; {} unchanged.",
        writes.len(),
        plural(writes.len()),
        rel(root, &content),
        count(|a| matches!(a, target::Action::Create)),
        count(|a| matches!(a, target::Action::Update(_))),
        count(|a| matches!(a, target::Action::Replace)),
        count(|a| matches!(a, target::Action::Unchanged)),
    );
    ExitCode::SUCCESS
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The report: every unit with its file and what happens to it, every
/// activity change of the units updated, the units kept, the renames.
fn report(args: &ImportArgs, name: &str, found: &import::catalogue::Imported, plan: &target::Plan) {
    let mut acts = 0;
    say!(
        "{name}: {} unit{} in the act's order:",
        found.units.len(),
        plural(found.units.len())
    );
    for (p, u) in plan.files.iter().zip(&found.units) {
        let (s, n) = (u.smartizzabili.len(), u.non_smartizzabili.len());
        acts += s + n;
        let what = match &p.action {
            target::Action::Create => "new",
            target::Action::Update(_) => "update",
            target::Action::Unchanged => "unchanged",
            target::Action::Replace => "replace",
        };
        let ending = |k: usize| if k == 1 { 'e' } else { 'i' };
        say!(
            "  {:<48} {s:>3} smartizzabil{}, {n:>3} non smartizzabil{}  {what:<9} ({})",
            p.path.display(),
            ending(s),
            ending(n),
            u.nome
        );
    }
    let warnings = found.notes.iter().filter(|n| n.warning).count();
    say!(
        "{}, {}, {}.",
        super::count(found.units.len(), "unit"),
        super::count(acts, "activit"),
        super::count(warnings, "warning")
    );
    for r in &plan.renamed {
        say!("note: {r}");
    }
    for p in &plan.files {
        let target::Action::Update(up) = &p.action else {
            continue;
        };
        let mut line = format!(
            "{} {}:",
            if args.dry_run {
                "Would update"
            } else {
                "Updating"
            },
            p.path.display()
        );
        for (kind, label) in [
            (crate::changes::Kind::Aggiunta, "added"),
            (crate::changes::Kind::Rimossa, "removed"),
            (crate::changes::Kind::Spostata, "moved"),
            (crate::changes::Kind::Modificata, "changed"),
        ] {
            let n = up.changes.iter().filter(|c| c.tipo == kind).count();
            line.push_str(&format!(" {n} {label},"));
        }
        line.push_str(&format!(" {} with a new note or ambiti", up.details));
        say!("{line}");
        for c in &up.changes {
            say!("    {}", target::describe(c));
        }
    }
    if !plan.kept.is_empty() {
        say!(
            "Kept, not in {name} ({} unit{}; --force removes {}, keeping a copy):",
            plan.kept.len(),
            plural(plan.kept.len()),
            if plan.kept.len() == 1 { "it" } else { "them" }
        );
        for (path, nome) in &plan.kept {
            say!("  {} ({nome})", path.display());
        }
    }
}
