//! Stage 4 of the pipeline: puts an in-memory [`Output`] on disk atomically,
//! into a folder the [`guard`] accepted, one build at a time ([`lock`]).
//!
//! The site is written into a temporary folder beside the output, then
//! swapped in with one `rename` (Linux: `renameat2(RENAME_EXCHANGE)`, so there
//! is no instant without a site). A failed or interrupted build leaves the old
//! output exactly as it was; leftovers of a killed build are removed by the
//! next one. Every build writes a [`guard::MANIFEST`] listing its files, which
//! is how the next build knows the folder is its own. When the output is a
//! symlink, the folder it points to is replaced and the link stays. This is
//! the only module that writes the published site.

pub(crate) mod guard;
pub(crate) mod lock;

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::Output;
use guard::{Refusal, Target};

/// The sibling folder a build is written into before the swap.
pub(crate) fn staging_dir(output: &Path) -> PathBuf {
    sibling(output, "tmp")
}

/// The lock file beside the output.
pub(crate) fn lock_file(output: &Path) -> PathBuf {
    sibling(output, "lock")
}

/// Why [`publish`] wrote nothing.
#[derive(Debug)]
pub(crate) enum PublishError {
    /// The guard refused the output (checked again under the lock).
    Refused(Refusal),
    /// The disk failed: the path, and what went wrong.
    Io(PathBuf, io::Error),
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::Refused(r) => write!(f, "{r}"),
            PublishError::Io(p, e) => write!(f, "cannot write {}: {e}", p.display()),
        }
    }
}

/// Writes `out` as the site of `root` into `output`: takes the lock beside
/// the output (calling `on_wait` if another build holds it), asks the guard
/// again under the lock, then writes and swaps. Returns the folder written.
pub(crate) fn publish(
    out: &Output,
    root: &Path,
    output: &Path,
    force: bool,
    on_wait: impl FnMut(),
) -> Result<Target, PublishError> {
    let target = guard::check(root, output, force).map_err(PublishError::Refused)?;
    let dir = &target.dir;
    let io_err = |p: &Path| {
        let p = p.to_path_buf();
        move |e| PublishError::Io(p, e)
    };
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(io_err(parent))?;
    }
    let lock_path = lock_file(dir);
    let _lock = lock::Lock::acquire(&lock_path, on_wait).map_err(io_err(&lock_path))?;
    // The output may have changed while this build waited.
    let target = guard::check(root, output, force).map_err(PublishError::Refused)?;
    write_atomically(out, &target.dir).map_err(io_err(&target.dir))?;
    Ok(target)
}

fn sibling(output: &Path, what: &str) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    let parent = output.parent().unwrap_or(Path::new("."));
    parent.join(format!(".{name}.trasparenza-{what}"))
}

/// Writes `out` to `output`, replacing what was there only if everything
/// was written.
pub(crate) fn write_atomically(out: &Output, output: &Path) -> io::Result<()> {
    let staging = staging_dir(output);
    let old = sibling(output, "old");
    // Leftovers of an interrupted build.
    remove_if_exists(&staging)?;
    remove_if_exists(&old)?;
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent)?;
    }
    fs::create_dir(&staging)?;
    let written = write_tree(out, &staging).and_then(|()| {
        fs::write(
            staging.join(guard::MANIFEST),
            guard::manifest(out.files.keys()),
        )
    });
    if let Err(e) = written {
        let _ = fs::remove_dir_all(&staging);
        return Err(e);
    }
    swap_in(&staging, output, &old)?;
    remove_tree(&old)
}

/// Writes every file under `dir`: folders first (once each), then the files
/// on every core.
fn write_tree(out: &Output, dir: &Path) -> io::Result<()> {
    let folders: BTreeSet<&str> = out
        .files
        .keys()
        .filter_map(|rel| rel.rsplit_once('/').map(|(d, _)| d))
        .collect();
    for folder in folders {
        fs::create_dir_all(dir.join(folder))?;
    }
    out.files
        .par_iter()
        .try_for_each(|(rel, bytes)| fs::write(dir.join(rel), bytes))
}

/// Moves `staging` to `output`; the previous output ends up at `old`.
fn swap_in(staging: &Path, output: &Path, old: &Path) -> io::Result<()> {
    if !output.exists() {
        return fs::rename(staging, output);
    }
    if exchange(staging, output)? {
        // `staging` now holds the previous site.
        return fs::rename(staging, old);
    }
    fs::rename(output, old)?;
    fs::rename(staging, output)
}

/// Atomically exchanges two paths; `Ok(false)` where the system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let ca = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let cb = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: both pointers are valid NUL-terminated strings for the call's duration.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            ca.as_ptr(),
            libc::AT_FDCWD,
            cb.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(true);
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error() {
        Some(libc::EINVAL) | Some(libc::ENOSYS) | Some(libc::ENOTSUP) => Ok(false),
        _ => Err(err),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Removes the previous site, its top-level entries on every core.
fn remove_tree(p: &Path) -> io::Result<()> {
    let entries: Vec<PathBuf> = match fs::read_dir(p) {
        Ok(rd) => rd.map(|e| e.map(|e| e.path())).collect::<io::Result<_>>()?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    entries.par_iter().try_for_each(|e| remove_if_exists(e))?;
    fs::remove_dir(p)
}

fn remove_if_exists(p: &Path) -> io::Result<()> {
    match fs::symlink_metadata(p) {
        Ok(m) if m.is_dir() => fs::remove_dir_all(p),
        Ok(_) => fs::remove_file(p),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn output(files: &[(&str, &str)]) -> Output {
        let mut o = Output::default();
        for (p, b) in files {
            o.add(*p, b.as_bytes().to_vec());
        }
        o
    }

    #[test]
    fn replaces_the_whole_tree() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_atomically(
            &output(&[("index.html", "a"), ("old/index.html", "x")]),
            &public,
        )
        .unwrap();
        write_atomically(&output(&[("index.html", "b")]), &public).unwrap();
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "b");
        assert!(!public.join("old").exists());
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, vec![std::ffi::OsString::from("public")]);
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        fs::create_dir_all(staging_dir(&public).join("x")).unwrap();
        write_atomically(&output(&[("index.html", "a")]), &public).unwrap();
        assert!(!staging_dir(&public).exists());
    }
}
