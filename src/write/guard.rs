//! The output guard: decides, before anything is written or moved, whether
//! `build` may replace the folder named by `--output`.
//!
//! It resolves the path as the system will (relative to the current folder,
//! `..`, symlinks followed), then compares folders by identity (device and
//! inode of the output and of each folder above it, never the spelling, so
//! case-insensitive disks, bind mounts and aliases are seen). It refuses the
//! site folder, `content/`, `themes/`, any folder holding them or inside
//! `content/`/`themes/`, the filesystem's root, the home folder, the current
//! folder, a file, a folder holding `.git`, a repository's own folder
//! (`.git`) or one inside it, a mount point or a folder with
//! one inside, an output whose parent this user cannot write, and a
//! non-empty folder that is not an earlier output of trasparenza (recognised
//! by its [`MANIFEST`]), unless `--force` says to replace that last one
//! anyway (never a folder directly under `/`, such as `/etc`). [`same_folder`],
//! [`is_inside`] and [`real_path`] give the same tests to other commands. It only
//! reads the disk, never writes.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use crate::file_id::{FileId, writable};
use crate::i18n::t;

/// The file every build writes at the top of the output, listing the files
/// it wrote (JSON: `{"generator": "trasparenza", "files": [...]}`).
pub(crate) const MANIFEST: &str = ".trasparenza-manifest.json";

/// Files that operating systems drop into folders they show; a folder
/// holding them is still an earlier output.
const SYSTEM_JUNK: [&str; 3] = [".DS_Store", "Thumbs.db", "desktop.ini"];

/// A folder the guard accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The path as the user gave it (for messages).
    pub given: PathBuf,
    /// The real folder that is replaced: absolute, symlinks resolved. When
    /// `given` is a symlink, this is the folder it points to.
    pub dir: PathBuf,
    /// Whether `given` is a symlink (it stays one).
    pub via_link: bool,
}

/// Why the guard refused an output folder. Displayed as one sentence saying
/// why and what to do (`write-refused-*` of `locales/<lang>/write.ftl`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Refusal {
    /// The output as given, and where it leads when that differs.
    shown: String,
    pub reason: Reason,
}

/// The cases the guard refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reason {
    FilesystemRoot,
    SiteFolder,
    ContainsSiteFolder,
    /// It is `content/` or `themes/` (named).
    Protected(&'static str),
    /// It holds `content/` or `themes/` (named).
    ContainsProtected(&'static str),
    /// It lies inside `content/` or `themes/` (named).
    InsideProtected(&'static str),
    Home,
    CurrentFolder,
    /// The path, or one of its folders, is a file (named).
    NotAFolder(PathBuf),
    /// A symlink (named) whose target does not exist.
    DanglingLink(PathBuf, PathBuf),
    /// Non-empty, with no manifest.
    Foreign,
    /// Its manifest cannot be read as one.
    BadManifest,
    /// An earlier output holding files it did not write: the first few, and
    /// how many in all.
    ExtraFiles(Vec<String>, usize),
    /// The disk could not be read.
    Unreadable(PathBuf, String),
    /// It holds `.git`: a repository or a git work tree.
    GitRepository,
    /// It is a repository's own folder (`.git`, a bare repository) or lies
    /// inside one.
    GitStore,
    /// A filesystem is mounted on it; the folder inside it to suggest.
    MountPoint(PathBuf),
    /// A filesystem is mounted on a folder inside it (named).
    MountInside(PathBuf),
    /// The folder that would hold the new site beside it (named) cannot be
    /// written, and why.
    ParentNotWritable(PathBuf, String),
    /// A folder directly under the filesystem's root (`/etc`, `/usr`,
    /// `/srv`...) holding files trasparenza did not write, refused even with
    /// `--force`; the folder inside it to suggest.
    TopLevel(PathBuf),
}

impl fmt::Display for Refusal {
    /// One sentence of the catalogue (`locales/*/write.ftl`) per reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason::*;
        let output = self.shown.as_str();
        let text = match &self.reason {
            FilesystemRoot => t!("write-refused-filesystem-root", output = output),
            SiteFolder => t!("write-refused-site-folder", output = output),
            ContainsSiteFolder => t!("write-refused-contains-site-folder", output = output),
            Protected(which) => t!("write-refused-protected", output = output, folder = *which),
            ContainsProtected(which) => {
                t!(
                    "write-refused-contains-protected",
                    output = output,
                    folder = *which
                )
            }
            InsideProtected(which) => {
                t!(
                    "write-refused-inside-protected",
                    output = output,
                    folder = *which
                )
            }
            Home => t!("write-refused-home", output = output),
            CurrentFolder => t!("write-refused-current-folder", output = output),
            NotAFolder(p) => t!(
                "write-refused-not-a-folder",
                output = output,
                path = p.as_path()
            ),
            DanglingLink(link, to) => t!(
                "write-refused-dangling-link",
                output = output,
                link = link.as_path(),
                target = to.as_path()
            ),
            Foreign => t!(
                "write-refused-foreign",
                output = output,
                manifest = MANIFEST
            ),
            BadManifest => t!(
                "write-refused-bad-manifest",
                output = output,
                manifest = MANIFEST
            ),
            ExtraFiles(first, all) => t!(
                "write-refused-extra-files",
                output = output,
                files = first.join(", "),
                more = all.saturating_sub(first.len())
            ),
            Unreadable(p, e) => t!(
                "write-refused-unreadable",
                output = output,
                path = p.as_path(),
                error = e
            ),
            GitRepository => t!("write-refused-git-repository", output = output),
            GitStore => t!("write-refused-git-store", output = output),
            MountPoint(inside) => {
                t!(
                    "write-refused-mount-point",
                    output = output,
                    inside = inside.as_path()
                )
            }
            MountInside(p) => t!(
                "write-refused-mount-inside",
                output = output,
                path = p.as_path()
            ),
            ParentNotWritable(p, e) => t!(
                "write-refused-parent-not-writable",
                output = output,
                path = p.as_path(),
                error = e
            ),
            TopLevel(inside) => t!(
                "write-refused-top-level",
                output = output,
                inside = inside.as_path()
            ),
        };
        f.write_str(&text)
    }
}

/// Decides whether the site of `root` may be written into `output`.
/// `force` lets a non-empty folder that is not an earlier output be replaced;
/// nothing lets the guard accept the other cases. Folders are compared by
/// identity ([`Place`]), never by how their paths are spelled.
pub(crate) fn check(root: &Path, output: &Path, force: bool) -> Result<Target, Refusal> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let refuse = |shown: &str, reason| {
        Err(Refusal {
            shown: shown.to_string(),
            reason,
        })
    };
    let given = output.display().to_string();
    let (out, via_link) = match Place::resolve(&cwd, output) {
        Ok(r) => r,
        Err(reason) => return refuse(&given, reason),
    };
    let shown = if via_link || !output.is_absolute() {
        format!("{given} ({})", out.path.display())
    } else {
        given
    };
    let r = &out.path;
    // The site folder and what it is built from, also where a link, a bind
    // mount or a case-insensitive disk leads.
    let site = Place::of(&cwd, root);
    if r.parent().is_none() || same_folder(r, Path::new("/")) {
        return refuse(&shown, Reason::FilesystemRoot);
    }
    if out.is(&site) {
        return refuse(&shown, Reason::SiteFolder);
    }
    if site.is_below(&out) {
        return refuse(&shown, Reason::ContainsSiteFolder);
    }
    for which in ["content/", "themes/"] {
        let p = Place::of(&cwd, &site.path.join(which.trim_end_matches('/')));
        if out.is(&p) {
            return refuse(&shown, Reason::Protected(which));
        }
        if p.is_below(&out) {
            return refuse(&shown, Reason::ContainsProtected(which));
        }
        if out.is_below(&p) {
            return refuse(&shown, Reason::InsideProtected(which));
        }
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && is_inside(Path::new(&home), r)
    {
        return refuse(&shown, Reason::Home);
    }
    if is_inside(&cwd, r) {
        return refuse(&shown, Reason::CurrentFolder);
    }
    // `--output .git --force` replaced the repository, history and all.
    if r.ancestors().any(is_git_store) {
        return refuse(&shown, Reason::GitStore);
    }
    if out.exists() {
        match fs::metadata(r) {
            Ok(m) if !m.is_dir() => return refuse(&shown, Reason::NotAFolder(r.clone())),
            Ok(_) => {}
            Err(e) => return refuse(&shown, Reason::Unreadable(r.clone(), e.to_string())),
        }
        if fs::symlink_metadata(r.join(".git")).is_ok() {
            return refuse(&shown, Reason::GitRepository);
        }
        if is_mount_point(r) {
            return refuse(&shown, Reason::MountPoint(output.join("sito")));
        }
        if let Some(m) = mount_inside(r) {
            return refuse(&shown, Reason::MountInside(m));
        }
    }
    // The new site is written beside the output, then swapped in.
    let beside = r
        .parent()
        .and_then(|p| p.ancestors().find(|a| fs::symlink_metadata(a).is_ok()));
    if let Some(beside) = beside
        && let Err(e) = writable(beside)
    {
        return refuse(
            &shown,
            Reason::ParentNotWritable(beside.into(), e.to_string()),
        );
    }
    if out.exists()
        && let Err(reason) = earlier_output_or_empty(r)
    {
        // `--force` on a system's folder (`--output /etc --force`, a slip
        // for `/etc/sito`) would have replaced it whole.
        if r.parent().is_some_and(|p| same_folder(p, Path::new("/"))) {
            return refuse(&shown, Reason::TopLevel(r.join("sito")));
        }
        if !force {
            return refuse(&shown, reason);
        }
    }
    Ok(Target {
        given: output.to_path_buf(),
        dir: out.path,
        via_link,
    })
}

/// Whether `dir` is a git repository's own folder (`.git`, or a bare
/// repository): `HEAD`, `objects/` and `refs/` in it.
fn is_git_store(dir: &Path) -> bool {
    dir.join("HEAD").is_file() && dir.join("objects").is_dir() && dir.join("refs").is_dir()
}

/// Whether `a` and `b` are the same folder: the same device and inode,
/// whatever the spelling, case, links or mounts of the two paths. Relative
/// paths are taken from the current folder; a path that does not exist is
/// the same only as its own spelling.
pub(crate) fn same_folder(a: &Path, b: &Path) -> bool {
    let cwd = std::env::current_dir().unwrap_or_default();
    Place::of(&cwd, a).is(&Place::of(&cwd, b))
}

/// Whether `inner` is the folder `outer` or lies inside it (or would, once
/// created), judged by the device and inode of `inner`'s folders up to `/`:
/// case, aliases, bind mounts and links are all seen.
pub(crate) fn is_inside(inner: &Path, outer: &Path) -> bool {
    let cwd = std::env::current_dir().unwrap_or_default();
    let (inner, outer) = (Place::of(&cwd, inner), Place::of(&cwd, outer));
    inner.is(&outer) || inner.is_below(&outer)
}

/// `path` as the system will use it: absolute, `..` and existing symlinks
/// resolved, the part that does not exist yet as written; `None` when a
/// folder of it cannot be read or is a file.
pub(crate) fn real_path(path: &Path) -> Option<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    resolve(&cwd, path).ok().map(|r| r.real)
}

/// Where a path leads: `path` resolved (absolute, existing symlinks
/// followed), and the identities of its nearest existing folder (the path
/// itself when it exists) and of each folder above it up to `/`, nearest
/// first; `tail` is the part of `path` below that folder, which does not
/// exist yet (in lower case). Two places are compared by these identities, so two spellings
/// of one folder (case on a case-insensitive disk, a bind mount, a link) are
/// one place.
#[derive(Debug)]
struct Place {
    path: PathBuf,
    lineage: Vec<FileId>,
    tail: PathBuf,
}

impl Place {
    /// Resolves `path`; also says whether its last part was a symlink.
    fn resolve(cwd: &Path, path: &Path) -> Result<(Place, bool), Reason> {
        let r = resolve(cwd, path)?;
        let mut lineage = Vec::new();
        let mut tail = PathBuf::new();
        for a in r.real.ancestors().filter(|a| !a.as_os_str().is_empty()) {
            match FileId::of(a) {
                Ok(id) => {
                    if lineage.is_empty() {
                        // Compared without case: on a disk that ignores
                        // case, `Themes` is created as `themes/`.
                        let rest = r.real.strip_prefix(a).unwrap_or(Path::new(""));
                        tail = rest.to_string_lossy().to_lowercase().into();
                    }
                    lineage.push(id);
                }
                Err(e) if lineage.is_empty() && e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(Reason::Unreadable(a.into(), e.to_string())),
            }
        }
        let place = Place {
            path: r.real,
            lineage,
            tail,
        };
        Ok((place, r.via_link))
    }

    /// Like [`Place::resolve`]; a path that cannot be resolved is known by
    /// its spelling only.
    fn of(cwd: &Path, path: &Path) -> Place {
        Place::resolve(cwd, path).map_or_else(
            |_| Place {
                path: absolute(cwd, path),
                lineage: Vec::new(),
                tail: PathBuf::new(),
            },
            |(p, _)| p,
        )
    }

    fn exists(&self) -> bool {
        !self.lineage.is_empty() && self.tail.as_os_str().is_empty()
    }

    fn is(&self, other: &Place) -> bool {
        self.path == other.path
            || (!self.lineage.is_empty()
                && self.lineage.first() == other.lineage.first()
                && self.tail == other.tail)
    }

    /// Whether this place lies strictly inside `other`, or would once
    /// created.
    fn is_below(&self, other: &Place) -> bool {
        if self.path != other.path && self.path.starts_with(&other.path) {
            return true;
        }
        let Some(anchor) = other.lineage.first() else {
            return false;
        };
        if other.exists() {
            // One of the folders above this place is `other`.
            self.lineage
                .iter()
                .position(|id| id == anchor)
                .is_some_and(|i| i > 0 || !self.tail.as_os_str().is_empty())
        } else {
            // Neither exists yet: the same folder, then a longer tail.
            self.lineage.first() == Some(anchor)
                && self.tail != other.tail
                && self.tail.starts_with(&other.tail)
        }
    }
}

/// Whether `dir` is the top of a mounted filesystem, also a bind mount of a
/// folder of the same disk: it cannot be renamed, so it cannot be swapped.
fn is_mount_point(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(root) = statx_mount_root(dir) {
        return root;
    }
    match (FileId::of(dir), dir.parent().map(FileId::of)) {
        (Ok(d), Some(Ok(p))) => d.device != p.device,
        _ => false,
    }
}

/// The first folder inside `dir` that a filesystem is mounted on: removing
/// `dir` would delete that filesystem's files too. On Linux, one read of the
/// system's list of mounts (`/proc/self/mountinfo`); elsewhere a walk that
/// asks each folder (the guard stage of a 10,000-unit rebuild: 116 to 525
/// ms with the walk, 62 to 105 ms with the list; measured by hand).
fn mount_inside(dir: &Path) -> Option<PathBuf> {
    #[cfg(target_os = "linux")]
    if let Ok(info) = fs::read_to_string("/proc/self/mountinfo") {
        return info
            .lines()
            .filter_map(|l| l.split(' ').nth(4))
            .map(mountinfo_path)
            .find(|m| m != dir && m.starts_with(dir));
    }
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter_map(|e| e.ok())
        .find(|e| e.file_type().is_dir() && is_mount_point(e.path()))
        .map(|e| e.into_path())
}

/// A mount point as `/proc/self/mountinfo` writes it: space, tab, newline
/// and backslash as octal escapes (`\040`).
#[cfg(target_os = "linux")]
fn mountinfo_path(field: &str) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    let b = field.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let octal = b
            .get(i + 1..i + 4)
            .filter(|d| b[i] == b'\\' && d.iter().all(|c| (b'0'..=b'7').contains(c)));
        match octal {
            Some(d) => {
                out.push(
                    d.iter()
                        .fold(0u8, |n, c| n.wrapping_mul(8).wrapping_add(c - b'0')),
                );
                i += 4;
            }
            None => {
                out.push(b[i]);
                i += 1;
            }
        }
    }
    PathBuf::from(std::ffi::OsString::from_vec(out))
}

/// The kernel's own answer (Linux 5.8 and later); `None` where it has none.
#[cfg(target_os = "linux")]
fn statx_mount_root(dir: &Path) -> Option<bool> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut st = std::mem::MaybeUninit::<libc::statx>::zeroed();
    // SAFETY: a valid NUL-terminated path and a buffer of the right type,
    // both alive for the call.
    let rc = unsafe {
        libc::statx(
            libc::AT_FDCWD,
            c.as_ptr(),
            libc::AT_NO_AUTOMOUNT,
            libc::STATX_BASIC_STATS,
            st.as_mut_ptr(),
        )
    };
    if rc != 0 {
        return None;
    }
    // SAFETY: statx succeeded, so it filled the buffer (zeroed before).
    let st = unsafe { st.assume_init() };
    let bit = libc::STATX_ATTR_MOUNT_ROOT as u64;
    (st.stx_attributes_mask & bit != 0).then_some(st.stx_attributes & bit != 0)
}

/// `Ok` when `dir` is empty, or holds only what an earlier build listed in
/// its manifest (and system junk).
fn earlier_output_or_empty(dir: &Path) -> Result<(), Reason> {
    let unreadable = |p: &Path, e: &dyn fmt::Display| Reason::Unreadable(p.into(), e.to_string());
    let mut entries = fs::read_dir(dir).map_err(|e| unreadable(dir, &e))?;
    if entries.next().is_none() {
        return Ok(());
    }
    let bytes = match fs::read(dir.join(MANIFEST)) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Reason::Foreign),
        Err(e) => return Err(unreadable(&dir.join(MANIFEST), &e)),
    };
    let listed = parse_manifest(&bytes).ok_or(Reason::BadManifest)?;
    let mut extra = Vec::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.map_err(|e| unreadable(dir, &e))?;
        if e.file_type().is_dir() {
            continue;
        }
        // Unix paths: already `/`-separated, as in the manifest.
        let rel = e.path().strip_prefix(dir).unwrap_or(e.path());
        let rel = rel.to_string_lossy();
        let junk = SYSTEM_JUNK.iter().any(|j| e.file_name() == *j);
        if rel != MANIFEST && !junk && !listed.contains(rel.as_ref()) {
            extra.push(rel.into_owned());
        }
    }
    if extra.is_empty() {
        return Ok(());
    }
    extra.sort();
    let all = extra.len();
    extra.truncate(3);
    Err(Reason::ExtraFiles(extra, all))
}

/// The manifest's text for the files of one build.
pub(crate) fn manifest<'a>(files: impl Iterator<Item = &'a String>) -> Vec<u8> {
    let files: Vec<&String> = files.collect();
    let mut text = serde_json::to_vec_pretty(&serde_json::json!({
        "generator": "trasparenza",
        "files": files,
    }))
    .unwrap_or_default();
    text.push(b'\n');
    text
}

/// The files a manifest lists; `None` when it is not one.
fn parse_manifest(bytes: &[u8]) -> Option<BTreeSet<String>> {
    let v: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    if v.get("generator")?.as_str()? != "trasparenza" {
        return None;
    }
    v.get("files")?
        .as_array()?
        .iter()
        .map(|f| f.as_str().map(str::to_string))
        .collect()
}

/// A path resolved as the system would: `real` is absolute with every
/// existing symlink followed; the part that does not exist yet is added as
/// written (it will be created as plain folders).
struct Resolved {
    real: PathBuf,
    via_link: bool,
}

fn absolute(cwd: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    }
}

fn resolve(cwd: &Path, path: &Path) -> Result<Resolved, Reason> {
    let mut real = PathBuf::new();
    let mut exists = true;
    let mut via_link = false;
    for comp in absolute(cwd, path).components() {
        via_link = false;
        match comp {
            Component::Prefix(_) | Component::RootDir => real.push(comp),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
                // What exists of `real` is already resolved.
                exists = fs::symlink_metadata(&real).is_ok();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                if !exists {
                    real = next;
                    continue;
                }
                match fs::symlink_metadata(&next) {
                    Err(e) if e.kind() == io::ErrorKind::NotFound => {
                        exists = false;
                        real = next;
                    }
                    Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                        return Err(Reason::NotAFolder(real));
                    }
                    Err(e) => return Err(Reason::Unreadable(next, e.to_string())),
                    Ok(m) if m.file_type().is_symlink() => {
                        via_link = true;
                        real = match fs::canonicalize(&next) {
                            Ok(c) => c,
                            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                                let to = fs::read_link(&next).unwrap_or_default();
                                return Err(Reason::DanglingLink(next, to));
                            }
                            Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
                                return Err(Reason::NotAFolder(next));
                            }
                            Err(e) => return Err(Reason::Unreadable(next, e.to_string())),
                        };
                    }
                    Ok(_) => real = next,
                }
            }
        }
    }
    Ok(Resolved { real, via_link })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[cfg(target_os = "linux")]
    #[test]
    fn mountinfo_paths_are_unescaped() {
        assert_eq!(
            mountinfo_path(r"/srv/sito\040web/dati\134x"),
            PathBuf::from("/srv/sito web/dati\\x")
        );
        assert_eq!(mountinfo_path(r"/a\0"), PathBuf::from(r"/a\0"));
    }
    use std::os::unix::fs::symlink;

    fn site() -> tempfile::TempDir {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir_all(d.path().join("site/content")).unwrap();
        fs::create_dir_all(d.path().join("site/themes/default")).unwrap();
        d
    }

    fn reason(root: &Path, out: &Path, force: bool) -> Option<Reason> {
        check(root, out, force).err().map(|r| r.reason)
    }

    #[test]
    fn dot_dot_through_a_folder_that_does_not_exist_is_followed() {
        let d = site();
        let root = d.path().join("site");
        let sneaky = root.join("nuova/../content");
        assert_eq!(
            reason(&root, &sneaky, true),
            Some(Reason::Protected("content/"))
        );
        let fine = root.join("nuova/../public");
        assert_eq!(check(&root, &fine, false).unwrap().dir, root.join("public"));
    }

    #[test]
    fn a_content_folder_that_is_a_link_is_protected_where_it_leads() {
        let d = site();
        let shared = d.path().join("shared");
        fs::create_dir_all(shared.join("units")).unwrap();
        let root = d.path().join("site");
        fs::remove_dir(root.join("content")).unwrap();
        symlink(shared.join("units"), root.join("content")).unwrap();
        assert_eq!(
            reason(&root, &shared.join("units"), true),
            Some(Reason::Protected("content/"))
        );
        assert_eq!(
            reason(&root, &shared, true),
            Some(Reason::ContainsProtected("content/"))
        );
        assert_eq!(
            reason(&root, &shared.join("units/out"), true),
            Some(Reason::InsideProtected("content/"))
        );
    }

    #[test]
    fn themes_and_what_lies_inside_them_are_refused_even_with_force() {
        let d = site();
        let root = d.path().join("site");
        assert_eq!(
            reason(&root, &root.join("themes"), true),
            Some(Reason::Protected("themes/"))
        );
        assert_eq!(
            reason(&root, &root.join("themes/default/x"), true),
            Some(Reason::InsideProtected("themes/"))
        );
        assert_eq!(
            reason(&root, Path::new("/"), true),
            Some(Reason::FilesystemRoot)
        );
    }

    /// `--force` never replaces a folder directly under `/` that
    /// trasparenza did not write: `--output /etc --force` was accepted, and
    /// the build would have replaced `/etc` whole. (Only read here: the
    /// guard never writes.)
    #[cfg(target_os = "linux")]
    #[test]
    fn a_system_folder_is_refused_even_with_force() {
        let d = site();
        let root = d.path().join("site");
        for dir in ["/etc", "/usr"] {
            let dir = Path::new(dir);
            assert_eq!(
                reason(&root, dir, true),
                Some(Reason::TopLevel(dir.join("sito"))),
                "{}",
                dir.display()
            );
        }
    }

    /// A repository's own folder, and any folder inside it, is refused even
    /// with `--force`: `--output .git --force` replaced the repository
    /// with the site, its whole history lost.
    #[test]
    fn a_git_store_and_what_lies_inside_it_are_refused_even_with_force() {
        let d = site();
        let root = d.path().join("site");
        let git = root.join(".git");
        fs::create_dir_all(git.join("objects")).unwrap();
        fs::create_dir_all(git.join("refs/heads")).unwrap();
        fs::write(git.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        for out in [git.clone(), git.join("sito"), git.join("refs/heads")] {
            assert_eq!(
                reason(&root, &out, true),
                Some(Reason::GitStore),
                "{}",
                out.display()
            );
        }
        // A folder beside it is fine.
        assert_eq!(reason(&root, &root.join("public"), true), None);
    }

    #[test]
    fn a_file_in_the_way_is_named() {
        let d = site();
        let root = d.path().join("site");
        fs::write(root.join("out"), "x").unwrap();
        assert_eq!(
            reason(&root, &root.join("out/public"), true),
            Some(Reason::NotAFolder(root.join("out")))
        );
    }

    #[test]
    fn an_earlier_output_is_recognised_by_its_manifest() {
        let d = site();
        let root = d.path().join("site");
        let public = root.join("public");
        fs::create_dir_all(public.join("a")).unwrap();
        fs::write(public.join("a/index.html"), "x").unwrap();
        let files = ["a/index.html".to_string()];
        fs::write(public.join(MANIFEST), manifest(files.iter())).unwrap();
        fs::write(public.join(".DS_Store"), "").unwrap();
        assert!(check(&root, &public, false).is_ok());
        for extra in ["a/lettera.txt", "b.pdf", "c.doc", "d.odt"] {
            fs::write(public.join(extra), "mine").unwrap();
        }
        assert_eq!(
            reason(&root, &public, false),
            Some(Reason::ExtraFiles(
                vec!["a/lettera.txt".into(), "b.pdf".into(), "c.doc".into()],
                4
            ))
        );
        fs::write(public.join(MANIFEST), "{\"files\": []}").unwrap();
        assert_eq!(reason(&root, &public, false), Some(Reason::BadManifest));
        assert!(check(&root, &public, true).is_ok());
    }

    #[test]
    fn every_refusal_is_one_sentence() {
        let r = Refusal {
            shown: "content".into(),
            reason: Reason::ExtraFiles(vec!["a".into()], 3),
        };
        for (lang, more) in [(Lang::En, "(a and 2 more)"), (Lang::It, "(a e altri 2)")] {
            let text = with_lang(lang, || r.to_string());
            assert!(text.contains(more), "{text}");
            assert_eq!(text.matches(". ").count(), 0, "{text}");
            assert!(!text.contains('\n'));
        }
    }

    /// The identity test other commands use: a second name of a folder (a
    /// link here; a bind mount or another case in the integration tests)
    /// is the same folder, also for paths that do not exist yet.
    #[test]
    fn a_second_name_is_the_same_folder() {
        let d = site();
        let root = d.path().join("site");
        let alias = d.path().join("alias");
        symlink(&root, &alias).unwrap();
        assert!(same_folder(&alias.join("content"), &root.join("content")));
        assert!(same_folder(&alias.join("nuova"), &root.join("nuova")));
        assert!(!same_folder(&alias.join("content"), &root.join("themes")));
        assert!(is_inside(&alias.join("content/a/b"), &root.join("content")));
        assert!(is_inside(&root.join("content"), &alias.join("content/.")));
        assert!(is_inside(&alias.join("nuova/a"), &root.join("nuova")));
        assert!(!is_inside(&root.join("content"), &alias.join("content/a")));
        assert!(!is_inside(&root.join("contents"), &alias.join("content")));
        assert_eq!(
            reason(&alias, &root.join("content"), true),
            Some(Reason::Protected("content/"))
        );
        // Where `themes/` does not exist, `Themes` would become it on a disk
        // that ignores case.
        fs::remove_dir_all(root.join("themes")).unwrap();
        assert_eq!(
            reason(&root, &alias.join("Themes"), true),
            Some(Reason::Protected("themes/"))
        );
    }

    #[test]
    fn no_refusal_of_a_protected_folder_suggests_force() {
        use Reason::*;
        for reason in [
            FilesystemRoot,
            SiteFolder,
            ContainsSiteFolder,
            Protected("content/"),
            ContainsProtected("themes/"),
            InsideProtected("content/"),
            Home,
            CurrentFolder,
            GitRepository,
            GitStore,
            MountPoint("www/sito".into()),
            MountInside("www/dati".into()),
            ParentNotWritable("/srv".into(), "Permission denied".into()),
            TopLevel("/srv/sito".into()),
        ] {
            let refusal = Refusal {
                shown: "x".into(),
                reason,
            };
            let text = with_lang(Lang::En, || refusal.to_string());
            assert!(!text.contains("add --force"), "{text}");
            let text = with_lang(Lang::It, || refusal.to_string());
            assert!(!text.contains("aggiungere --force"), "{text}");
        }
    }
}
