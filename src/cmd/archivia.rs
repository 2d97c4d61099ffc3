//! `trasparenza archivia`: copies the current `content/` (without
//! `_archivio/`) into `content/_archivio/<edizione>/`, the yearly step that
//! keeps last year's catalogue online. The edition's name comes from
//! `--edizione`, else `periodo` of `_sito.yaml`, else the year of
//! `pubblicato_il` or `aggiornato_il`.
//!
//! An edition with errors is not archived (they are listed). Every path is
//! checked before anything is written; the copy is made in a
//! hidden sibling folder and renamed into place, so it is whole or absent;
//! the hidden copies a killed run left are removed by the next one. An
//! existing edition is never overwritten.

use std::fs;
use std::path::{Path, PathBuf};

use super::output::{self, Done, Failure, FileAction, Message};
use crate::cli::ArchiviaArgs;
use crate::diagnostic::Diagnostics;
use crate::editions::{CONTENT_DIR, partial_copy, partial_copy_name};
use crate::model::SiteConfig;
use crate::{load, slug, source};

/// Runs `trasparenza archivia`: a `_sito.yaml` that cannot name the
/// edition is a failure of the content, anything else of the command line
/// or the disk.
pub(super) fn run(args: &ArchiviaArgs) -> Result<Done, Failure> {
    let (name, files) = archive(&args.root, args.edizione.as_deref())?;
    Ok(Done::lines(vec![Message::Archived { name, files }]))
}

/// The edition's name from the settings: `periodo` as a slug, else the year.
pub(super) fn name_from(config: &SiteConfig) -> String {
    let from_period = config
        .periodo
        .as_deref()
        .map(slug::slugify)
        .filter(|s| slug::is_valid(s));
    from_period.unwrap_or_else(|| {
        config
            .pubblicato_il
            .unwrap_or(config.aggiornato_il)
            .year
            .to_string()
    })
}

fn archive(root: &Path, edizione: Option<&str>) -> Result<(String, usize), Failure> {
    let content = root.join("content");
    if !content.is_dir() {
        // As `build` says it: run from inside `content/`, the site to pass.
        return Err(Failure::usage(
            match load::load(root, &mut Diagnostics::new()) {
                Err(e) => Message::Environment(e.0),
                Ok(_) => Message::NoContentFolder(root.to_path_buf()),
            },
        ));
    }
    // `_sito.yaml` cannot name the edition.
    let unnamed = |diags: Diagnostics| Failure::problems(diags, vec![Message::NothingArchived]);
    let name = match edizione {
        Some(n) => n.trim().to_string(),
        None => {
            let display = Path::new("content/_sito.yaml");
            let f = source::read(&content.join("_sito.yaml"), display).map_err(|d| {
                let mut diags = Diagnostics::new();
                diags.push(d);
                unnamed(diags)
            })?;
            let config = load::parse_site(&f).map_err(|ds| {
                let mut diags = Diagnostics::new();
                diags.extend(ds);
                unnamed(diags)
            })?;
            name_from(&config)
        }
    };
    if !slug::is_valid(&name) {
        let suggestion = slug::slugify(&name);
        return Err(Failure::usage(Message::BadEditionName { name, suggestion }));
    }
    let archive_dir = content.join(CONTENT_DIR);
    let dest = archive_dir.join(&name);
    if dest.exists() {
        return Err(Failure::usage(Message::EditionExists(name)));
    }
    current_edition_builds(root)?;
    let files = plan(&content)?;

    // Everything checked: copy into a hidden sibling, then rename into place.
    let tmp = archive_dir.join(partial_copy_name(&name, std::process::id()));
    let io = |action: FileAction, p: &Path, e: std::io::Error| {
        Failure::usage(Message::CannotArchive {
            action,
            path: p.to_path_buf(),
            error: e.to_string(),
        })
    };
    fs::create_dir_all(&archive_dir).map_err(|e| io(FileAction::Create, &archive_dir, e))?;
    remove_partial_copies(&archive_dir).map_err(|(p, e)| io(FileAction::Remove, &p, e))?;
    let copied = (|| {
        for rel in &files {
            let to = tmp.join(rel);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| io(FileAction::Create, parent, e))?;
            }
            let from = content.join(rel);
            fs::copy(&from, &to).map_err(|e| io(FileAction::Copy, &from, e))?;
        }
        if dest.exists() {
            return Err(Failure::usage(Message::EditionAppeared(name.clone())));
        }
        fs::rename(&tmp, &dest).map_err(|e| io(FileAction::RenameIntoPlace, &dest, e))
    })();
    if copied.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    copied.map(|()| (name, files.len()))
}

/// Fails, listing them, on the errors of the edition about to be archived
/// (`content/` outside `_archivio/`): the copy would keep them, and the
/// site would not build until each was corrected twice. It was archived
/// without a word.
fn current_edition_builds(root: &Path) -> Result<(), Failure> {
    let (_, diags) = super::run_pipeline(root, None)?;
    let archive = Path::new("content").join(CONTENT_DIR);
    let mut current = Diagnostics::new();
    current.extend(
        diags
            .sorted()
            .into_iter()
            .filter(|d| {
                d.is_error() && d.file.starts_with("content") && !d.file.starts_with(&archive)
            })
            .cloned(),
    );
    if current.has_errors() {
        return Err(Failure::problems(current, vec![Message::EditionHasErrors]));
    }
    Ok(())
}

/// Removes the partial copies that an interrupted `archivia` left in
/// `archive_dir` (`load` leaves them out and notes them), saying so; a
/// copy whose process still runs is left alone.
fn remove_partial_copies(archive_dir: &Path) -> Result<(), (PathBuf, std::io::Error)> {
    let entries = fs::read_dir(archive_dir).map_err(|e| (archive_dir.to_path_buf(), e))?;
    let mut left: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| (archive_dir.to_path_buf(), e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && partial_copy(&name).is_some_and(|pid| !running(pid)) {
            left.push(entry.path());
        }
    }
    left.sort();
    for p in left {
        fs::remove_dir_all(&p).map_err(|e| (p.clone(), e))?;
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        output::say(&Message::PartialCopyRemoved(name.into_owned()));
    }
    Ok(())
}

/// Whether the process `pid` still runs (a signal 0 reaches it).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    if pid == 0 {
        return false;
    }
    // SAFETY: signal 0 only checks that the process exists; no signal is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

/// Elsewhere no process is known to run: every partial copy is removed.
#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    false
}

/// The files to copy, relative to `content/`: everything but `_archivio/`
/// and hidden entries (`.git`, editor files). Fails on anything that is not
/// a plain file or folder, or cannot be read, before anything is written.
fn plan(content: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(content)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            !(name.starts_with('.') || (e.depth() == 1 && name == CONTENT_DIR))
        });
    for entry in walker {
        let entry = entry.map_err(|e| Failure::usage(Message::CannotReadContent(e.to_string())))?;
        let rel = entry
            .path()
            .strip_prefix(content)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| entry.path().to_path_buf());
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        if !kind.is_file() {
            return Err(Failure::usage(Message::NotAPlainFile(rel)));
        }
        fs::File::open(entry.path()).map_err(|e| {
            Failure::usage(Message::CannotReadContentFile {
                path: rel.clone(),
                error: e.to_string(),
            })
        })?;
        files.push(rel);
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(periodo: Option<&str>) -> SiteConfig {
        let yaml = format!(
            "ente: E\ntitolo: T\nbase_url: https://e.it/\naggiornato_il: 2025-11-20\n{}",
            periodo
                .map(|p| format!("periodo: \"{p}\"\n"))
                .unwrap_or_default()
        );
        serde_yaml::from_str(&yaml).unwrap()
    }

    #[test]
    fn the_name_comes_from_the_period_else_the_year() {
        assert_eq!(name_from(&config(Some("2025-2027"))), "2025-2027");
        assert_eq!(name_from(&config(Some("PIAO 2025/2027"))), "piao-2025-2027");
        assert_eq!(name_from(&config(None)), "2025");
        assert_eq!(name_from(&config(Some("  "))), "2025");
    }
}
