//! Stage 4 of the pipeline: puts a rendered [`Output`] on disk atomically,
//! into a folder the [`guard`] accepted, one build at a time ([`lock`]).
//!
//! The site is written into a temporary folder beside the output (a build
//! makes it first, [`stage`], and the render writes each file into it as it
//! is made, [`Staged::sink`]; what the output still holds is written at the
//! end), flushed to the disk, then swapped in with one `rename` (Linux:
//! `renameat2(RENAME_EXCHANGE)`, so there is no instant without a site;
//! elsewhere two renames, and a build stopped between them leaves the
//! previous site parked, which the next build puts back first). A failed or
//! interrupted build leaves the old output exactly as it was and no staged
//! copy; leftovers of a killed build are removed by the next one, and an
//! earlier site that cannot be removed (another user's files) is moved aside
//! and reported, never blocking a build. Every build writes a
//! [`guard::MANIFEST`] listing its files, which is how the next build knows
//! the folder is its own. When the output is a symlink, the folder it points
//! to is replaced and the link stays. This is the only module that writes the
//! published site.

pub(crate) mod guard;
pub(crate) mod lock;

use std::collections::BTreeSet;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use std::sync::Arc;

use crate::i18n::t;
use crate::render::{Output, Sink};
use guard::{Refusal, Target};

/// The sibling folder a build is written into before the swap.
pub(crate) fn staging_dir(output: &Path) -> PathBuf {
    sibling(output, "tmp")
}

/// The lock file beside the output.
pub(crate) fn lock_file(output: &Path) -> PathBuf {
    sibling(output, "lock")
}

/// Where the swap without an atomic exchange parks the previous site
/// between its two renames. A build that finds it and no output puts it
/// back first.
fn parked_dir(output: &Path) -> PathBuf {
    sibling(output, "old")
}

/// Why [`publish`] wrote nothing.
#[derive(Debug)]
pub(crate) enum PublishError {
    /// The guard refused the output (checked again under the lock).
    Refused(Refusal),
    /// The disk failed: the path, and what went wrong.
    Io(PathBuf, io::Error),
    /// A leftover of an earlier build holds the name the build needs and can
    /// be neither removed nor moved aside.
    Stuck(Leftover),
}

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PublishError::Refused(r) => write!(f, "{r}"),
            PublishError::Io(p, e) => f.write_str(&t!(
                "write-cannot-write",
                path = p.as_path(),
                error = e.to_string()
            )),
            PublishError::Stuck(l) => {
                f.write_str(&t!("write-nothing-published", leftover = l.to_string()))
            }
        }
    }
}

/// A copy of an earlier site beside the output that could not be removed
/// (its files belong to another user, say after one `sudo trasparenza
/// build`). It is moved aside to `.<name>.trasparenza-old-N`, so it never
/// blocks a build, and reported until someone removes it.
#[derive(Debug)]
pub(crate) struct Leftover {
    pub path: PathBuf,
    pub error: io::Error,
}

impl fmt::Display for Leftover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&t!(
            "write-leftover",
            path = self.path.as_path(),
            error = self.error.to_string()
        ))
    }
}

/// What [`publish`] did: the folder written, and the leftovers it could not
/// remove (warnings; the new site is in place all the same).
#[derive(Debug)]
pub(crate) struct Published {
    pub target: Target,
    pub leftovers: Vec<Leftover>,
}

/// A build's staging folder, made under the lock beside the output once
/// the guard accepted it (again, under the lock): the render writes each
/// file into it through [`Staged::sink`] as it is made, then
/// [`Staged::publish`] adds the rest and swaps it in. Dropped without being
/// published (the content had errors, a file could not be written), it is
/// removed and the output stays as it was.
pub(crate) struct Staged {
    target: Target,
    staging: PathBuf,
    sink: Arc<Staging>,
    leftovers: Vec<Leftover>,
    published: bool,
    _lock: lock::Lock,
}

/// Takes the lock beside `output` (calling `on_wait` if another build holds
/// it), asks the guard again under the lock, then clears what earlier
/// builds left and makes the staging folder, empty.
pub(crate) fn stage(
    root: &Path,
    output: &Path,
    force: bool,
    on_wait: impl FnMut(),
) -> Result<Staged, PublishError> {
    let target = guard::check(root, output, force).map_err(PublishError::Refused)?;
    let dir = &target.dir;
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(io_at(parent))?;
    }
    let lock_path = lock_file(dir);
    let lock = lock::Lock::acquire(&lock_path, on_wait).map_err(io_at(&lock_path))?;
    // The output may have changed while this build waited.
    let target = guard::check(root, output, force).map_err(PublishError::Refused)?;
    let (staging, leftovers) = prepare(&target.dir)?;
    Ok(Staged {
        sink: Arc::new(Staging {
            dir: staging.clone(),
            failed: std::sync::Mutex::new(None),
        }),
        target,
        staging,
        leftovers,
        published: false,
        _lock: lock,
    })
}

impl Staged {
    /// Where the render writes each file as it is made.
    pub(crate) fn sink(&self) -> Arc<dyn Sink> {
        self.sink.clone()
    }

    /// The first file the render could not write into the staging folder
    /// (a full disk), as the error `publish` would give: the cause of the
    /// missing pages the link check then reports.
    pub(crate) fn write_failed(&self) -> Option<PublishError> {
        let failed = self.sink.failed.lock().ok()?;
        let (path, e) = failed.as_ref()?;
        Some(PublishError::Io(
            self.target.dir.join(path),
            io::Error::new(e.kind(), e.to_string()),
        ))
    }

    /// Writes the files of `out` still held in memory and the manifest,
    /// flushes the staged site to the disk and swaps it in.
    pub(crate) fn publish(mut self, out: &Output) -> Result<Published, PublishError> {
        let output = self.target.dir.clone();
        if let Some((path, e)) = out.failed() {
            return Err(PublishError::Io(
                output.join(path),
                io::Error::new(e.kind(), e.to_string()),
            ));
        }
        let mut leftovers = std::mem::take(&mut self.leftovers);
        // From here on `finish` removes the staging folder if it fails.
        self.published = true;
        leftovers.extend(finish(out, &output, &self.staging, exchange)?);
        Ok(Published {
            target: self.target.clone(),
            leftovers,
        })
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.published {
            let _ = remove_tree(&self.staging);
        }
    }
}

/// The staging folder as a render's [`Sink`].
struct Staging {
    dir: PathBuf,
    /// The first file that could not be written, and why.
    failed: std::sync::Mutex<Option<(String, io::Error)>>,
}

impl Staging {
    /// Notes the first failure to write `path`; gives `r` back.
    fn noted<T>(&self, path: &str, r: io::Result<T>) -> io::Result<T> {
        if let Err(e) = &r
            && let Ok(mut failed) = self.failed.lock()
            && failed.is_none()
        {
            *failed = Some((path.to_string(), io::Error::new(e.kind(), e.to_string())));
        }
        r
    }

    /// `make` on the file `path`, making its folder when it is missing
    /// (most files are the first of their folder).
    fn at<T>(&self, path: &str, make: impl Fn(&Path) -> io::Result<T>) -> io::Result<T> {
        let file = self.dir.join(path);
        match make(&file) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if let Some(parent) = file.parent() {
                    fs::create_dir_all(parent)?;
                }
                make(&file)
            }
            r => r,
        }
    }
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> io::Result<()> {
        self.noted(path, self.at(path, |file| write_file(file, bytes)))
    }

    fn open(&self, path: &str) -> io::Result<Box<dyn Write + '_>> {
        let file = self.noted(path, self.at(path, |f| File::create(f)))?;
        Ok(Box::new(StagedFile {
            file: io::BufWriter::with_capacity(64 * 1024, file),
            path: path.to_string(),
            staging: self,
        }))
    }
}

/// A file of the staging folder written in pieces; flushing it finishes it
/// as [`write_file`] does. A failure is noted in the staging folder.
struct StagedFile<'a> {
    file: io::BufWriter<File>,
    path: String,
    staging: &'a Staging,
}

impl Write for StagedFile<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let r = self.file.write(buf);
        self.staging.noted(&self.path, r)
    }

    fn flush(&mut self) -> io::Result<()> {
        let r = self.file.flush().and_then(|()| {
            if !cfg!(target_os = "linux") {
                self.file.get_ref().sync_all()?;
            }
            Ok(())
        });
        self.staging.noted(&self.path, r)
    }
}

fn io_at(p: &Path) -> impl FnOnce(io::Error) -> PublishError + use<> {
    let p = p.to_path_buf();
    move |e| PublishError::Io(p, e)
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
/// was written; returns the leftovers it could not remove.
#[cfg(test)]
pub(crate) fn write_atomically(out: &Output, output: &Path) -> Result<Vec<Leftover>, PublishError> {
    write_with(out, output, exchange)
}

/// [`write_atomically`], with the system's atomic exchange as a parameter
/// (tests pass one that is missing, as on macOS or some FUSE disks).
#[cfg(test)]
fn write_with(
    out: &Output,
    output: &Path,
    exchange: fn(&Path, &Path) -> io::Result<bool>,
) -> Result<Vec<Leftover>, PublishError> {
    let (staging, mut leftovers) = prepare(output)?;
    leftovers.extend(finish(out, output, &staging, exchange)?);
    Ok(leftovers)
}

/// Clears what earlier builds left beside `output` and makes the staging
/// folder, empty: its path, and the leftovers that could not be removed.
fn prepare(output: &Path) -> Result<(PathBuf, Vec<Leftover>), PublishError> {
    let staging = staging_dir(output);
    let parked = parked_dir(output);
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(io_at(parent))?;
    }
    // A build stopped between the two renames of the swap without exchange
    // left no output: the previous site goes back first.
    if !exists(output).map_err(io_at(output))? && parked.is_dir() {
        fs::rename(&parked, output).map_err(io_at(&parked))?;
    }
    // Leftovers of an interrupted build, and copies that earlier builds
    // could not remove.
    let mut leftovers = Vec::new();
    for p in stale(output) {
        if let Err(error) = remove_if_exists(&p) {
            leftovers.push(Leftover { path: p, error });
        }
    }
    for p in [&staging, &parked] {
        if exists(p).map_err(io_at(p))?
            && let Some(l) = dispose(p, output)
        {
            if l.path == *p {
                return Err(PublishError::Stuck(l));
            }
            leftovers.push(l);
        }
    }
    fs::create_dir(&staging).map_err(io_at(&staging))?;
    Ok((staging, leftovers))
}

/// Writes the files of `out` still held in memory into `staging` (which
/// holds those already written) with the manifest, flushes it, and swaps
/// it in as `output`; on failure removes it, and `output` is as it was.
fn finish(
    out: &Output,
    output: &Path,
    staging: &Path,
    exchange: fn(&Path, &Path) -> io::Result<bool>,
) -> Result<Vec<Leftover>, PublishError> {
    let parked = parked_dir(output);
    let staged = write_tree(out, staging)
        .and_then(|()| {
            write_file(
                &staging.join(guard::MANIFEST),
                &guard::manifest(out.paths()),
            )
        })
        .and_then(|()| sync_staged(out, staging));
    if let Err(e) = staged {
        let _ = remove_tree(staging);
        return Err(PublishError::Io(output.to_path_buf(), e));
    }
    let previous = match swap_in(staging, output, &parked, exchange) {
        Ok(p) => p,
        Err(e) => {
            let _ = remove_tree(staging);
            return Err(e);
        }
    };
    // The swap itself made durable.
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        sync_path(parent).map_err(io_at(parent))?;
    }
    let mut leftovers = Vec::new();
    if let Some(previous) = previous {
        leftovers.extend(dispose(&previous, output));
    }
    Ok(leftovers)
}

/// Writes every file `out` holds in memory under `dir`: folders first (once
/// each), then the files on every core, each flushed to the disk.
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
        .try_for_each(|(rel, bytes)| write_file(&dir.join(rel), bytes))
}

/// Writes one file; where the disk is not flushed as a whole
/// ([`sync_staged`]), waits until the file is on it.
fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut f = File::create(path)?;
    f.write_all(bytes)?;
    if !cfg!(target_os = "linux") {
        f.sync_all()?;
    }
    Ok(())
}

/// Makes the staged site durable before it is swapped in, so that a power
/// cut after the swap cannot leave published files empty. Linux: one
/// `syncfs` of the disk holding it (writing the 1,000-unit site's files:
/// 0.63 s unflushed, 1.3 s with `syncfs`, 13.9 s with an fsync of each file
/// and folder; README); elsewhere every file ([`write_file`]) and every
/// folder, deepest first.
fn sync_staged(out: &Output, dir: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let _ = out;
        use std::os::fd::AsRawFd;
        let f = File::open(dir)?;
        // SAFETY: a file descriptor we own, open for the call.
        if unsafe { libc::syncfs(f.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let mut folders: BTreeSet<&str> = BTreeSet::new();
        for rel in out.paths() {
            let mut rel = rel.as_str();
            while let Some((d, _)) = rel.rsplit_once('/') {
                if !folders.insert(d) {
                    break;
                }
                rel = d;
            }
        }
        let folders: Vec<&str> = folders.into_iter().rev().collect();
        folders
            .par_iter()
            .try_for_each(|d| sync_path(&dir.join(d)))?;
        sync_path(dir)
    }
}

fn sync_path(p: &Path) -> io::Result<()> {
    File::open(p)?.sync_all()
}

/// Moves `staging` to `output`; returns where the previous output now is.
fn swap_in(
    staging: &Path,
    output: &Path,
    parked: &Path,
    exchange: fn(&Path, &Path) -> io::Result<bool>,
) -> Result<Option<PathBuf>, PublishError> {
    if !exists(output).map_err(io_at(output))? {
        fs::rename(staging, output).map_err(io_at(output))?;
        return Ok(None);
    }
    if exchange(staging, output).map_err(io_at(output))? {
        // `staging` now holds the previous site.
        return Ok(Some(staging.to_path_buf()));
    }
    // Two renames. A build stopped between them leaves the previous site at
    // `parked` and no output: the next build puts it back first.
    fs::rename(output, parked).map_err(io_at(output))?;
    if let Err(e) = fs::rename(staging, output) {
        let _ = fs::rename(parked, output);
        return Err(PublishError::Io(output.to_path_buf(), e));
    }
    Ok(Some(parked.to_path_buf()))
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

/// Removes `p`, an earlier site or a build's leftover. One that cannot be
/// removed is moved aside to a free `.<name>.trasparenza-old-N` and
/// returned (still at `p` when even that failed).
fn dispose(p: &Path, output: &Path) -> Option<Leftover> {
    let error = remove_tree(p).err()?;
    let stale = stale_prefix(output);
    let aside = (1..)
        .map(|n| PathBuf::from(format!("{}{n}", stale.display())))
        .find(|a| fs::symlink_metadata(a).is_err())?;
    let path = match fs::rename(p, &aside) {
        Ok(()) => aside,
        Err(_) => p.to_path_buf(),
    };
    Some(Leftover { path, error })
}

/// `.<name>.trasparenza-old-` beside the output: the start of the names of
/// copies that could not be removed.
fn stale_prefix(output: &Path) -> PathBuf {
    sibling(output, "old-")
}

/// The copies moved aside by earlier builds ([`dispose`]).
fn stale(output: &Path) -> Vec<PathBuf> {
    let prefix = stale_prefix(output);
    let (Some(parent), Some(start)) = (prefix.parent(), prefix.file_name()) else {
        return Vec::new();
    };
    let start = start.to_string_lossy();
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.strip_prefix(start.as_ref())
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

fn exists(p: &Path) -> io::Result<bool> {
    match fs::symlink_metadata(p) {
        Ok(_) => Ok(true),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// Removes the previous site, its top-level entries on every core.
fn remove_tree(p: &Path) -> io::Result<()> {
    if !fs::symlink_metadata(p).is_ok_and(|m| m.is_dir()) {
        return remove_if_exists(p);
    }
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

    fn no_exchange(_: &Path, _: &Path) -> io::Result<bool> {
        Ok(false)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn without_the_atomic_exchange_the_site_is_replaced_too() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_with(&output(&[("index.html", "a")]), &public, no_exchange).unwrap();
        write_with(&output(&[("index.html", "b")]), &public, no_exchange).unwrap();
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "b");
        assert_eq!(names(dir.path()), ["public"]);
    }

    /// Where the system has no atomic exchange, a build stopped between its
    /// two renames leaves the previous site parked and no output: the next
    /// build puts it back before anything else, so even a next build that
    /// fails leaves the previous site published.
    #[test]
    fn a_build_stopped_between_the_two_renames_is_recovered() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_with(&output(&[("index.html", "a")]), &public, no_exchange).unwrap();
        // The state after the first rename: the new site staged, the
        // previous one parked, no public/.
        fs::create_dir(staging_dir(&public)).unwrap();
        fs::write(staging_dir(&public).join("index.html"), "b").unwrap();
        fs::rename(&public, parked_dir(&public)).unwrap();
        // A next build that cannot write its site (a file where a folder
        // goes).
        let broken = output(&[("a", "x"), ("a/b", "y")]);
        assert!(write_with(&broken, &public, no_exchange).is_err());
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "a");
        assert_eq!(names(dir.path()), ["public"]);
        write_with(&output(&[("index.html", "c")]), &public, no_exchange).unwrap();
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "c");
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn a_failed_write_leaves_no_staged_copy() {
        let dir = tempfile::tempdir().unwrap();
        let public = dir.path().join("public");
        write_atomically(&output(&[("index.html", "a")]), &public).unwrap();
        let broken = output(&[("a", "x"), ("a/b", "y")]);
        assert!(write_atomically(&broken, &public).is_err());
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "a");
    }

    /// A site folder with an earlier build in `public/` holding `index.html` = "a".
    fn built_site() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("content")).unwrap();
        let public = root.join("public");
        write_atomically(&output(&[("index.html", "a")]), &public).unwrap();
        (dir, root, public)
    }

    /// Files written through the staging folder's sink, whole or in pieces,
    /// and files still held, are all published, with the manifest.
    #[test]
    fn a_staged_build_publishes_what_its_sink_wrote() {
        let (_dir, root, public) = built_site();
        let staged = stage(&root, &public, false, || {}).unwrap();
        let mut out = Output::to_sink(staged.sink(), String::new());
        out.add("index.html", b"<a href=\"x/\">b</a>".to_vec());
        let entry = out.stream("x/data.csv".into(), 0, &mut |w| w.write_all(b"1,2\r\n"));
        out.insert(entry);
        assert!(out.failed().is_none());
        out.files.insert("x/index.html".into(), b"c".to_vec());
        staged.publish(&out).unwrap();
        assert_eq!(
            fs::read_to_string(public.join("index.html")).unwrap(),
            "<a href=\"x/\">b</a>"
        );
        assert_eq!(
            fs::read_to_string(public.join("x/data.csv")).unwrap(),
            "1,2\r\n"
        );
        assert_eq!(
            fs::read_to_string(public.join("x/index.html")).unwrap(),
            "c"
        );
        let manifest = fs::read_to_string(public.join(guard::MANIFEST)).unwrap();
        assert!(manifest.contains("x/data.csv"), "{manifest}");
        assert_eq!(names(&root), ["content", "public"]);
    }

    /// A file the sink could not write (a file where a folder goes) fails
    /// the publish: the staging folder is removed, `public/` is as it was.
    #[test]
    fn a_file_the_sink_cannot_write_fails_the_publish() {
        let (_dir, root, public) = built_site();
        let staged = stage(&root, &public, false, || {}).unwrap();
        let mut out = Output::to_sink(staged.sink(), String::new());
        out.add("a", b"x".to_vec());
        out.add("a/b", b"y".to_vec());
        assert_eq!(out.failed().map(|(p, _)| p), Some("a/b"));
        assert!(staged.publish(&out).is_err());
        assert_eq!(names(&root), ["content", "public"]);
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "a");
    }

    /// A file the sink could not write is known before the publish: `build`
    /// names the disk's failure instead of the "broken links" to the pages
    /// that are missing because of it (a full disk was reported as links
    /// of the theme and of `content/` leading nowhere).
    #[test]
    fn a_failed_write_is_known_before_the_publish() {
        let (_dir, root, public) = built_site();
        let staged = stage(&root, &public, false, || {}).unwrap();
        assert!(staged.write_failed().is_none());
        let mut out = Output::to_sink(staged.sink(), String::new());
        out.add("a", b"x".to_vec());
        let entry = out.stream("a/b.csv".into(), 0, &mut |w| w.write_all(b"1"));
        out.insert(entry);
        out.add("c/d", b"y".to_vec());
        let Some(PublishError::Io(path, _)) = staged.write_failed() else {
            panic!("no failure noted");
        };
        assert_eq!(path, public.join("a/b.csv"));
    }

    /// A build whose content fails drops its staging folder unpublished.
    #[test]
    fn a_staged_build_dropped_leaves_no_staged_copy() {
        let (_dir, root, public) = built_site();
        let staged = stage(&root, &public, false, || {}).unwrap();
        let mut out = Output::to_sink(staged.sink(), String::new());
        out.add("index.html", b"b".to_vec());
        assert!(staging_dir(&public).join("index.html").is_file());
        drop(staged);
        assert_eq!(names(&root), ["content", "public"]);
        assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "a");
    }
}
