//! `trasparenza import FILE`: checks every path and flag first, reads the
//! file (`import::read`), finds the catalogue (`import::catalogue`), prints
//! the report, and unless `--dry-run` removes `init`'s example unit and
//! writes one unit file per unit. Refuses to replace existing unit files
//! without `--force`; then nothing at all is written.

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
    let content = args.root.join("content");
    let existing = match target::scan(&content) {
        Ok(e) => e,
        Err(e) => return usage(format!("cannot read {}: {e}", content.display())),
    };
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
    let planned = target::plan(&found, &name, &content, &existing);
    if let Err(bug) = target::verify(&planned, &found.units) {
        eprintln!(
            "error: {bug}\n  = hint: this is a bug of trasparenza import; nothing was written"
        );
        return ExitCode::from(EXIT_CONTENT);
    }
    let mut acts = 0;
    say!(
        "{name}: {} unit{} in the act's order:",
        found.units.len(),
        if found.units.len() == 1 { "" } else { "s" }
    );
    for (p, u) in planned.iter().zip(&found.units) {
        let (s, n) = (u.smartizzabili.len(), u.non_smartizzabili.len());
        acts += s + n;
        let ending = |k: usize| if k == 1 { 'e' } else { 'i' };
        say!(
            "  {:<48} {s:>3} smartizzabil{}, {n:>3} non smartizzabil{}  ({})",
            rel(&args.root, &p.path),
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
    let replaced: Vec<&target::Planned> = planned.iter().filter(|p| p.replaces).collect();
    if !replaced.is_empty() && !args.force {
        for p in &replaced {
            eprintln!("error: {} exists already", rel(&args.root, &p.path));
        }
        eprintln!(
            "Nothing was written.\n  = hint: run again with --force to replace {} file{}, or move {} away",
            replaced.len(),
            if replaced.len() == 1 { "" } else { "s" },
            if replaced.len() == 1 { "it" } else { "them" }
        );
        return ExitCode::from(EXIT_USAGE);
    }
    if args.dry_run {
        if !existing.examples.is_empty() {
            for e in &existing.examples {
                say!(
                    "Would remove {} (the example unit made by `trasparenza init`).",
                    rel(&args.root, e)
                );
            }
        }
        say!("Dry run: nothing written.");
        return ExitCode::SUCCESS;
    }
    for e in &existing.examples {
        if let Err(err) = std::fs::remove_file(e) {
            return usage(format!(
                "cannot remove the example unit {}: {err}",
                rel(&args.root, e)
            ));
        }
        say!(
            "Removed {}: the example unit made by `trasparenza init`.",
            rel(&args.root, e)
        );
    }
    for (i, p) in planned.iter().enumerate() {
        if let Err(err) = target::write_file(&p.path, &p.text) {
            return usage(format!(
                "cannot write {}: {err} ({i} of {} files written)",
                rel(&args.root, &p.path),
                planned.len()
            ));
        }
    }
    let others = existing.units.len() - replaced.len();
    say!(
        "Wrote {} unit file{} into {}{}.",
        planned.len(),
        if planned.len() == 1 { "" } else { "s" },
        rel(&args.root, &content),
        if others > 0 {
            format!(
                " ({others} other unit {} left as {})",
                if others == 1 {
                    "file there was"
                } else {
                    "files there were"
                },
                if others == 1 { "it is" } else { "they are" }
            )
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}
