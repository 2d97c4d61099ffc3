//! `trasparenza archivia`: copies the current `content/` (without
//! `_archivio/`) into `content/_archivio/<edizione>/`, the yearly step that
//! keeps last year's catalogue online. The edition's name comes from
//! `--edizione`, else `periodo` of `_sito.yaml`, else the year of
//! `pubblicato_il` or `aggiornato_il`.
//!
//! Every path is checked before anything is written; the copy is made in a
//! hidden sibling folder and renamed into place, so it is whole or absent;
//! the hidden copies a killed run left are removed by the next one. An
//! existing edition is never overwritten.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{ArchiviaArgs, EXIT_CONTENT, EXIT_USAGE};
use crate::diagnostic::Diagnostics;
use crate::editions::{CONTENT_DIR, partial_copy, partial_copy_name};
use crate::model::SiteConfig;
use crate::{load, slug, source};

/// Runs `trasparenza archivia`; the exit code as `cli` documents it.
pub(super) fn run(args: &ArchiviaArgs) -> ExitCode {
    match archive(&args.root, args.edizione.as_deref()) {
        Ok((name, files)) => {
            println!(
                "Archived content/ as content/{CONTENT_DIR}/{name}/ ({files} files).\n\
                 Next: edit content/ for the new edition (_sito.yaml: periodo, pubblicato_il, aggiornato_il, fonte; then the units), and build."
            );
            ExitCode::SUCCESS
        }
        Err(Failure::Content(diags)) => {
            super::report(&diags);
            eprintln!("Nothing was archived: fix _sito.yaml, or name the edition with --edizione.");
            ExitCode::from(EXIT_CONTENT)
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

enum Failure {
    /// `_sito.yaml` cannot be read to name the edition.
    Content(Diagnostics),
    /// A wrong name, an existing edition, a folder that cannot be read or written.
    Usage(String),
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
        return Err(Failure::Usage(format!(
            "there is no content/ folder in {} (use --root to point at the site folder)",
            root.display()
        )));
    }
    let name = match edizione {
        Some(n) => n.trim().to_string(),
        None => {
            let display = Path::new("content/_sito.yaml");
            let f = source::read(&content.join("_sito.yaml"), display).map_err(|d| {
                let mut diags = Diagnostics::new();
                diags.push(d);
                Failure::Content(diags)
            })?;
            let config = load::parse_site(&f).map_err(|ds| {
                let mut diags = Diagnostics::new();
                diags.extend(ds);
                Failure::Content(diags)
            })?;
            name_from(&config)
        }
    };
    if !slug::is_valid(&name) {
        let hint = slug::slugify(&name);
        return Err(Failure::Usage(format!(
            "`{name}` is not a valid edition name: use lowercase letters, digits and single dashes{}",
            if hint.is_empty() {
                String::new()
            } else {
                format!(" (for example `{hint}`)")
            }
        )));
    }
    let archive_dir = content.join(CONTENT_DIR);
    let dest = archive_dir.join(&name);
    if dest.exists() {
        return Err(Failure::Usage(format!(
            "content/{CONTENT_DIR}/{name}/ already exists: an archived edition is never overwritten (choose another name with --edizione, or delete that folder first)"
        )));
    }
    let files = plan(&content)?;

    // Everything checked: copy into a hidden sibling, then rename into place.
    let tmp = archive_dir.join(partial_copy_name(&name, std::process::id()));
    let io = |what: &str, p: &Path, e: std::io::Error| {
        Failure::Usage(format!("cannot {what} {}: {e}", p.display()))
    };
    fs::create_dir_all(&archive_dir).map_err(|e| io("create", &archive_dir, e))?;
    remove_partial_copies(&archive_dir).map_err(|(p, e)| io("remove", &p, e))?;
    let copied = (|| {
        for rel in &files {
            let to = tmp.join(rel);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent).map_err(|e| io("create", parent, e))?;
            }
            let from = content.join(rel);
            fs::copy(&from, &to).map_err(|e| io("copy", &from, e))?;
        }
        if dest.exists() {
            return Err(Failure::Usage(format!(
                "content/{CONTENT_DIR}/{name}/ appeared while copying: nothing was archived"
            )));
        }
        fs::rename(&tmp, &dest).map_err(|e| io("rename into place", &dest, e))
    })();
    if copied.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    copied.map(|()| (name, files.len()))
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
        println!(
            "Removed content/{CONTENT_DIR}/{name}/, a partial copy left by an interrupted archivia."
        );
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
        let entry = entry.map_err(|e| Failure::Usage(format!("cannot read content/: {e}")))?;
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
            return Err(Failure::Usage(format!(
                "content/{} is not a plain file (a link?): copy it by hand or remove it, then run archivia again",
                rel.display()
            )));
        }
        fs::File::open(entry.path())
            .map_err(|e| Failure::Usage(format!("cannot read content/{}: {e}", rel.display())))?;
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
