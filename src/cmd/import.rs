//! `trasparenza import FILE`: checks every path and flag first, reads the
//! file (`import::read`), finds the catalogue (`import::catalogue`), plans
//! every file (`import::target`: units the site has are updated in place,
//! new ones get a file), prints the report with every change, and unless
//! `--dry-run` writes every file beside its place (a file that cannot be
//! written stops it there, nothing touched), copies each file it replaces
//! or removes into `content/.trasparenza-backup/import-N/`, then renames the
//! new files into place. A plan with a conflict (a link, a file import
//! cannot update) is refused whole without `--force`: then nothing at all
//! is written.

use std::path::Path;

use super::output::{self, Done, Failure, ImportAction, Message};
use crate::changes::Kind;
use crate::cli::ImportArgs;
use crate::import::{self, Format, ReadOptions, target};

/// Prints a line of the report on stdout; a closed pipe (`| head`) does
/// not stop the import.
fn say(message: Message) {
    output::say_in_report(&message);
}

/// `,` `;` `tab` `|` (or the character itself).
fn delimiter(s: &str) -> Option<u8> {
    match s {
        "tab" | "\\t" | "\t" | "TAB" => Some(b'\t'),
        "," | ";" | "|" | ":" => s.bytes().next(),
        _ => None,
    }
}

fn options(args: &ImportArgs, format: Format) -> Result<ReadOptions, Failure> {
    if args.sheet.is_some() && !format.is_spreadsheet() {
        return Err(Failure::usage(Message::SheetOnlyForSpreadsheets));
    }
    if args.delimiter.is_some() && format != Format::Csv {
        return Err(Failure::usage(Message::DelimiterOnlyForCsv));
    }
    if args.encoding.is_some() && !(format.is_delimited() || format == Format::Html) {
        return Err(Failure::usage(Message::EncodingOnlyForText));
    }
    let encoding = match &args.encoding {
        None => None,
        Some(label) => match encoding_rs::Encoding::for_label(label.trim().as_bytes()) {
            Some(e) => Some(e),
            None => {
                return Err(Failure::usage(Message::UnknownEncoding(label.clone())));
            }
        },
    };
    let delimiter = match &args.delimiter {
        None => None,
        Some(d) => match delimiter(d) {
            Some(b) => Some(b),
            None => {
                return Err(Failure::usage(Message::BadDelimiter(d.clone())));
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
fn check_paths(args: &ImportArgs) -> Result<Format, Failure> {
    let file = &args.file;
    if !file.exists() {
        return Err(Failure::usage(Message::NoSuchFile(file.clone())));
    }
    if !file.is_file() {
        return Err(Failure::usage(Message::NotAFile(file.clone())));
    }
    let Some(format) = Format::from_path(file) else {
        return Err(Failure::usage(Message::UnknownFormat(file.clone())));
    };
    let root = &args.root;
    if root.exists() && !root.is_dir() {
        return Err(Failure::usage(Message::ImportFlat(crate::i18n::t!(
            "import-root-not-a-folder",
            root = root.as_path()
        ))));
    }
    if !root.is_dir() {
        return Err(Failure::usage(Message::NoSuchRoot(root.clone())));
    }
    let content = root.join("content");
    if !content.join("_sito.yaml").is_file() {
        return Err(Failure::usage(Message::NoSiteYet(root.clone())));
    }
    Ok(format)
}

fn rel(root: &Path, p: &Path) -> String {
    p.strip_prefix(root).unwrap_or(p).display().to_string()
}

/// Runs `trasparenza import`: the report is shown before anything is
/// written.
pub(super) fn run(args: &ImportArgs) -> Result<Done, Failure> {
    let format = check_paths(args)?;
    let opts = options(args, format)?;
    let root = &args.root;
    let content = root.join("content");
    let existing = target::scan(root);
    let name = args.file.file_name().map_or_else(
        || args.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let tables = import::read(&args.file, format, &opts).map_err(|e| {
        Failure::content(Message::CannotImport {
            name: name.clone(),
            error: e.to_string(),
        })
    })?;
    let found = import::lists::read(&tables);
    for n in &found.notes {
        output::tell(&Message::ImportNote {
            warning: n.warning,
            name: name.clone(),
            place: n.place.clone(),
            message: n.message.clone(),
        });
    }
    if found.units.is_empty() && found.site.is_none() {
        return Err(Failure::content(Message::NoCatalogue {
            name,
            // A document with no table gives one with no rows (its text).
            tables: tables.iter().filter(|t| !t.rows.is_empty()).count(),
        }));
    }
    let mut plan = target::plan(&found, &name, &args.file, root, &existing, args.force);
    if let Err(bug) = target::verify(&plan, &found.units) {
        return Err(Failure::content(Message::ImportBug(bug.to_string())));
    }
    let site = match &found.site {
        Some(s) => import::sito::plan(s, root, args.force, &mut plan.conflicts)
            .map_err(|bug| Failure::content(Message::ImportBug(bug.to_string())))?,
        None => None,
    };
    let flat = found.site.as_ref().zip(site.as_ref());
    report(args, &name, &found, &plan, flat);
    if !plan.conflicts.is_empty() {
        let conflicts = plan.conflicts.iter().cloned().map(Message::Conflict);
        return Err(Failure::refused(
            conflicts.collect(),
            vec![Message::NothingWritten],
        ));
    }
    let mut backed = plan.backed_up(root);
    if let Some(p) = site.as_ref().filter(|p| p.changed) {
        backed.push((p.path.clone(), p.write_to.clone()));
    }
    let dir = target::backup_dir(&content);
    if !backed.is_empty() {
        say(Message::BackedUp {
            dry_run: args.dry_run,
            files: backed.len(),
            dir: rel(root, &dir),
        });
        for (shown, _) in &backed {
            say(Message::Item(shown.display().to_string()));
        }
    }
    if args.dry_run {
        for r in &plan.removals {
            say(Message::WouldRemove {
                path: r.path.clone(),
                why: r.why.clone(),
            });
        }
        return Ok(Done::Report(vec![Message::DryRun]));
    }
    let writes: Vec<&target::Planned> = plan
        .files
        .iter()
        .filter(|p| !matches!(p.action, target::Action::Unchanged))
        .collect();
    let site_write = site.as_ref().filter(|p| p.changed);
    // Every file written beside its place first: a folder that refuses a
    // file (read-only, full) stops the import before anything is replaced.
    let files: Vec<(&Path, &Path, &str)> = writes
        .iter()
        .map(|p| (p.path.as_path(), p.write_to.as_path(), p.text.as_str()))
        .chain(site_write.map(|p| (p.path.as_path(), p.write_to.as_path(), p.text.as_str())))
        .collect();
    let texts: Vec<(&Path, &str)> = files.iter().map(|f| (f.1, f.2)).collect();
    let staged = target::stage(&texts).map_err(|(i, err)| {
        Failure::usage(Message::ImportFlat(crate::i18n::t!(
            "import-write-nothing",
            path = files[i].0,
            error = err.to_string()
        )))
    })?;
    if !backed.is_empty()
        && let Err(err) = target::backup(&dir, &backed)
    {
        target::unstage(&staged);
        return Err(Failure::usage(Message::CannotBackUp {
            dir: rel(root, &dir),
            error: err.to_string(),
        }));
    }
    for (i, (tmp, (shown, write_to, _))) in staged.iter().zip(&files).enumerate() {
        if let Err(err) = target::commit(tmp, write_to) {
            target::unstage(&staged[i + 1..]);
            return Err(Failure::usage(if backed.is_empty() {
                Message::ImportFlat(crate::i18n::t!(
                    "import-write-partly",
                    path = *shown,
                    error = err.to_string(),
                    written = i,
                    total = files.len()
                ))
            } else {
                Message::CannotWriteUnit {
                    path: shown.to_path_buf(),
                    error: err.to_string(),
                    written: i,
                    total: files.len(),
                    dir: rel(root, &dir),
                }
            }));
        }
    }
    if let Some(p) = site_write {
        say(Message::ImportFlat(crate::i18n::t!(
            "import-flat-site-written",
            path = p.path.as_path()
        )));
    }
    for r in &plan.removals {
        if let Err(err) = std::fs::remove_file(root.join(&r.path)) {
            return Err(Failure::usage(Message::CannotRemove {
                path: r.path.clone(),
                error: err.to_string(),
            }));
        }
        say(Message::RemovedUnit {
            path: r.path.clone(),
            why: r.why.clone(),
        });
    }
    if plan.files.is_empty() {
        // An act with no offices: `_sito.yaml`'s line above says it all
        // ("Wrote 0 unit files" would read as if nothing happened).
        return Ok(Done::Report(Vec::new()));
    }
    let count = |f: fn(&target::Action) -> bool| plan.files.iter().filter(|p| f(&p.action)).count();
    Ok(Done::Report(vec![Message::Wrote {
        files: writes.len(),
        content: rel(root, &content),
        new: count(|a| matches!(a, target::Action::Create)),
        updated: count(|a| matches!(a, target::Action::Update(_))),
        replaced: count(|a| matches!(a, target::Action::Replace)),
        unchanged: count(|a| matches!(a, target::Action::Unchanged)),
    }]))
}

/// The report: every unit with its file and what happens to it, every
/// activity change of the units updated, the units kept, the renames.
fn report(
    args: &ImportArgs,
    name: &str,
    found: &import::catalogue::Imported,
    plan: &target::Plan,
    site: Option<(&import::catalogue::Unit, &import::sito::SitePlan)>,
) {
    let mut acts = found
        .site
        .as_ref()
        .map_or(0, |s| s.lists().iter().map(|(_, l)| l.len()).sum());
    if !found.units.is_empty() {
        say(Message::ImportHeader {
            name: name.to_string(),
            units: found.units.len(),
        });
    }
    for (p, u) in plan.files.iter().zip(&found.units) {
        let (s, ps, n) = (
            u.smartizzabili.len(),
            u.parzialmente_smartizzabili.len(),
            u.non_smartizzabili.len(),
        );
        acts += s + ps + n;
        let action = match &p.action {
            target::Action::Create => ImportAction::New,
            target::Action::Update(_) => ImportAction::Update,
            target::Action::Unchanged => ImportAction::Unchanged,
            target::Action::Replace => ImportAction::Replace,
        };
        say(Message::ImportUnit {
            path: p.path.clone(),
            smartizzabili: s,
            parzialmente_smartizzabili: ps,
            non_smartizzabili: n,
            action,
            nome: u.nome.clone(),
        });
    }
    if let Some((s, p)) = site {
        site_row(s, p);
    }
    say(Message::ImportTotals {
        units: found.units.len(),
        activities: acts,
        warnings: found.notes.iter().filter(|n| n.warning).count(),
    });
    for r in &plan.renamed {
        say(Message::Renamed(r.clone()));
    }
    if let Some((s, p)) = site {
        site_changes(args, s, p);
    }
    for p in &plan.files {
        let target::Action::Update(up) = &p.action else {
            continue;
        };
        changes(args, &p.path, &up.changes, up.details, &up.dropped_notes);
    }
    if !plan.kept.is_empty() {
        say(Message::KeptHeader {
            name: name.to_string(),
            units: plan.kept.len(),
        });
        for (path, nome) in &plan.kept {
            say(Message::KeptUnit {
                path: path.clone(),
                nome: nome.clone(),
            });
        }
        for why in &plan.kept_renamed {
            say(Message::Renamed(why.clone()));
        }
    }
}

/// The changes import makes to the lists of the file at `path`, counted,
/// then one line each, a removed activity's note written in the file
/// under its line.
fn changes(
    args: &ImportArgs,
    path: &Path,
    changes: &[crate::changes::ActivityChange],
    details: usize,
    dropped_notes: &[(String, String)],
) {
    let of = |kind| changes.iter().filter(|c| c.tipo == kind).count();
    say(Message::UnitChanges {
        dry_run: args.dry_run,
        path: path.to_path_buf(),
        added: of(Kind::Aggiunta),
        removed: of(Kind::Rimossa),
        moved: of(Kind::Spostata),
        changed: of(Kind::Modificata),
        details,
    });
    for c in changes {
        say(Message::Change(target::describe(c).to_string()));
        // A note written in the file, under its activity's `- removed` line.
        let removed = c.prima.as_ref().filter(|_| c.tipo == Kind::Rimossa);
        for (text, note) in removed.iter().flat_map(|p| {
            dropped_notes
                .iter()
                .filter(move |(t, _)| t.trim() == p.testo.trim())
        }) {
            let why = crate::i18n::t!(
                "import-change-note-dropped",
                text = text.as_str(),
                note = note.as_str()
            );
            say(Message::Change(format!("  {why}")));
        }
    }
}

/// The report's row for `_sito.yaml`: the lists for the whole body.
fn site_row(site: &import::catalogue::Unit, p: &import::sito::SitePlan) {
    let (s, n) = (site.smartizzabili.len(), site.non_smartizzabili.len());
    let partial = site.parzialmente_smartizzabili.len();
    let lists_changed = !p.lists.changes.is_empty() || p.lists.details > 0;
    let action = if s + n + partial == 0 {
        ImportAction::Unchanged
    } else if p.new_lists {
        ImportAction::New
    } else if lists_changed {
        ImportAction::Update
    } else {
        ImportAction::Unchanged
    };
    say(Message::ImportUnit {
        path: p.path.clone(),
        smartizzabili: s,
        parzialmente_smartizzabili: partial,
        non_smartizzabili: n,
        action,
        nome: crate::i18n::t!("import-flat-whole-body"),
    });
}

/// What changes in the lists of `_sito.yaml`, and the rule for the
/// activities not listed.
fn site_changes(args: &ImportArgs, site: &import::catalogue::Unit, p: &import::sito::SitePlan) {
    use import::sito::RuleEdit;
    let lists_changed = !p.lists.changes.is_empty() || p.lists.details > 0;
    if !p.new_lists && lists_changed {
        changes(
            args,
            &p.path,
            &p.lists.changes,
            p.lists.details,
            &p.lists.dropped_notes,
        );
    }
    if let Some(r) = &site.rule {
        let value = import::lists::list_key(r.smart);
        let line = match p.rule {
            RuleEdit::Add | RuleEdit::Replace => crate::i18n::t!(
                "import-flat-rule-set",
                dry_run = if args.dry_run { "yes" } else { "no" },
                path = p.path.as_path(),
                value = value,
                place = r.place.as_str()
            ),
            RuleEdit::Same => crate::i18n::t!(
                "import-flat-rule-same",
                path = p.path.as_path(),
                value = value
            ),
            RuleEdit::Conflict | RuleEdit::None => return,
        };
        say(Message::ImportFlat(line));
    }
}
