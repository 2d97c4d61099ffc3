//! The output guard: `build` never replaces the site, its content, a file or
//! someone's folder, and a refused build leaves no trace on disk; earlier
//! outputs (also behind a symlink) are still rebuilt; two builds take turns.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::support::{Site, tree};

/// Everything under `dir` (folders, files with their bytes, links with
/// their targets), to compare before and after a refused build.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let what = if e.path_is_symlink() {
                format!("link -> {}", fs::read_link(e.path()).unwrap().display())
            } else if e.file_type().is_dir() {
                "folder".to_string()
            } else {
                format!("{:?}", fs::read(e.path()).unwrap())
            };
            (rel, what)
        })
        .collect()
}

/// Runs `trasparenza build` in `cwd` with `args`.
fn build_in(cwd: &Path, args: &[&str]) -> Output {
    crate::support::trasparenza()
        .arg("build")
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// A site at `<tmp>/site` with a user's letter at `<tmp>/docs/lettera.txt`.
fn site_with_neighbours() -> Site {
    let outer = Site::empty();
    crate::support::copy_dir(
        &crate::support::repo().join("tests/fixtures/basic"),
        &outer.root().join("site"),
    );
    outer.write("docs/lettera.txt", "Gentile sindaco,\n");
    outer
}

/// Asserts that the build was refused with exit 2, one line naming `why`,
/// and that nothing under `top` changed.
fn assert_refused(top: &Path, cwd: &Path, args: &[&str], why: &str) {
    let before = snapshot(top);
    let r = build_in(cwd, args);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(why), "{args:?}: expected {why:?} in\n{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: will not write the site into "));
    assert!(r.stdout.is_empty());
    assert!(before == snapshot(top), "{args:?} changed the disk");
}

#[test]
fn output_content_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    for args in [
        &["--output", "content"][..],
        &["--output", "./content/", "--force"],
        // `nuova` does not exist: the system resolves `nuova/..` to the site.
        &["--output", "nuova/../content"],
    ] {
        assert_refused(
            top.root(),
            &site,
            args,
            "it is the content/ folder, which the site is built from",
        );
    }
    assert_refused(
        top.root(),
        &site,
        &["--output", "content/sito"],
        "it is inside the content/ folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", "themes", "--force"],
        "it is the themes/ folder",
    );
}

#[test]
fn output_root_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let abs = site.to_str().unwrap();
    for args in [
        &["--output", "."][..],
        &["--output", ".", "--force"],
        &["--root", "..", "--output", ".."],
    ] {
        let cwd = if args[0] == "--root" {
            site.join("content")
        } else {
            site.clone()
        };
        assert_refused(top.root(), &cwd, args, "it is the site folder itself");
    }
    assert_refused(
        top.root(),
        top.root(),
        &["--root", abs, "--output", abs],
        "it is the site folder itself",
    );
}

#[test]
fn a_folder_above_the_site_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    assert_refused(
        top.root(),
        &site,
        &["--output", ".."],
        "it contains the site folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", "..", "--force"],
        "it contains the site folder",
    );
    assert_eq!(
        fs::read_to_string(top.root().join("docs/lettera.txt")).unwrap(),
        "Gentile sindaco,\n"
    );
}

#[test]
fn an_existing_file_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    fs::write(site.join("public"), "not a folder").unwrap();
    for args in [&[][..], &["--force"], &["--output", "../docs/lettera.txt"]] {
        assert_refused(top.root(), &site, args, "is a file, not a folder");
    }
}

#[test]
fn a_foreign_folder_is_refused_and_replaced_only_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    assert_refused(
        top.root(),
        &site,
        &["--output", "../docs"],
        "the folder is not empty and was not written by trasparenza",
    );
    let r = build_in(&site, &["--output", "../docs", "--force"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let docs = top.root().join("docs");
    assert!(docs.join("index.html").is_file());
    assert!(!docs.join("lettera.txt").exists());
    // From now on it is an earlier output: no --force needed.
    let again = build_in(&site, &["--output", "../docs"]);
    assert!(again.status.success());
}

#[test]
fn a_symlink_to_a_foreign_folder_is_refused() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    symlink("../docs", site.join("public")).unwrap();
    assert_refused(
        top.root(),
        &site,
        &[],
        "the folder is not empty and was not written by trasparenza",
    );
    let err = String::from_utf8_lossy(&build_in(&site, &[]).stderr).into_owned();
    assert!(
        err.contains(&format!(
            "public ({})",
            top.root().join("docs").canonicalize().unwrap().display()
        )),
        "{err}"
    );
}

#[test]
fn a_dangling_symlink_is_refused() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    symlink("/nonexistent/www", site.join("public")).unwrap();
    assert_refused(
        top.root(),
        &site,
        &[],
        "is a link to /nonexistent/www, which does not exist",
    );
}

#[test]
fn a_file_added_to_an_earlier_output_is_not_lost() {
    let site = Site::fixture("basic");
    site.build();
    fs::write(site.public().join("delibera.pdf"), "%PDF").unwrap();
    assert_refused(
        site.root(),
        site.root(),
        &["--output", "public"],
        "it holds files trasparenza did not write (delibera.pdf)",
    );
}

#[test]
fn an_earlier_output_is_rebuilt_and_what_went_away_is_removed() {
    let site = Site::fixture("basic");
    site.build();
    let manifest = site.read(".trasparenza-manifest.json");
    let listed: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut files: Vec<String> = tree(&site.public()).into_keys().collect();
    files.retain(|f| f != ".trasparenza-manifest.json");
    assert_eq!(listed["files"], serde_json::json!(files));
    assert_eq!(listed["generator"], "trasparenza");

    fs::remove_file(site.root().join("content/uffici/tecnici/lavori.yml")).unwrap();
    site.build();
    assert!(!site.public().join("lavori").exists());
    assert!(site.public().join("anagrafe/index.html").is_file());
    assert!(!site.read(".trasparenza-manifest.json").contains("lavori/"));
}

#[test]
fn an_empty_folder_is_accepted() {
    let site = Site::fixture("basic");
    fs::create_dir(site.public()).unwrap();
    site.build();
    assert!(site.public().join("index.html").is_file());
}

#[test]
fn a_public_symlink_is_followed_and_stays_a_link() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let www = top.root().join("www/lavoro-agile");
    fs::create_dir_all(&www).unwrap();
    symlink("../www/lavoro-agile", site.join("public")).unwrap();
    for round in 0..2 {
        if round == 1 {
            fs::remove_file(site.join("content/uffici/tecnici/lavori.yml")).unwrap();
        }
        let r = build_in(&site, &[]);
        let out = String::from_utf8_lossy(&r.stdout);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        assert!(out.contains("public -> "), "{out}");
        let link = fs::symlink_metadata(site.join("public")).unwrap();
        assert!(link.file_type().is_symlink());
        assert_eq!(
            fs::read_link(site.join("public")).unwrap(),
            Path::new("../www/lavoro-agile")
        );
        assert!(www.join("index.html").is_file());
        assert_eq!(www.join("lavori").exists(), round == 0);
    }
    // Nothing left beside the target or the link.
    let names = |d: &Path| -> Vec<String> {
        fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&top.root().join("www")), vec!["lavoro-agile"]);
    assert!(!names(&site).iter().any(|n| n.contains("trasparenza-")));
}

#[test]
fn a_second_build_waits_for_the_first() {
    let site = Site::fixture("basic");
    site.build();
    // Hold the lock as a running build would.
    let lock_path = site.root().join(".public.trasparenza-lock");
    let held = fs::File::create(&lock_path).unwrap();
    held.lock().unwrap();
    fs::remove_file(site.root().join("content/uffici/tecnici/lavori.yml")).unwrap();
    let mut child = crate::support::trasparenza()
        .args(["build", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("Another build is writing into") {
        line.clear();
        assert!(
            err.read_line(&mut line).unwrap() > 0,
            "the build never waited"
        );
    }
    assert!(line.contains("waiting for it to finish"), "{line}");
    assert!(child.try_wait().unwrap().is_none(), "it did not wait");
    assert!(
        site.public().join("lavori").exists(),
        "it wrote while waiting"
    );
    drop(held);
    assert!(child.wait().unwrap().success());
    assert!(!site.public().join("lavori").exists());
    assert!(!lock_path.exists());
}

/// Whether this test runs as root, which mounting needs. When not, it says
/// so on the terminal (past the test harness's capture): the test checked
/// nothing. CI runs the tests as root.
fn root_or_skip(test: &str) -> bool {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return true;
    }
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED guard::{test}: it needs root (mount); run the tests as root, as CI does"
    );
    false
}

/// A mount made by a test, unmounted when dropped, also when the test
/// fails, so a failing test leaves nothing mounted.
struct Mount(PathBuf);

impl Mount {
    /// `mount --bind from on`: `on` becomes a second name of `from`.
    fn bind(from: &Path, on: &Path) -> Mount {
        mount(&[&"--bind".as_ref(), &from.as_os_str(), &on.as_os_str()]);
        Mount(on.to_path_buf())
    }

    /// `dir` mounted on itself, read-only.
    fn read_only(dir: &Path) -> Mount {
        let m = Mount::bind(dir, dir);
        mount(&[
            &"-o".as_ref(),
            &"remount,bind,ro".as_ref(),
            &dir.as_os_str(),
        ]);
        m
    }
}

fn mount(args: &[&&std::ffi::OsStr]) {
    let r = Command::new("mount").args(args).output().unwrap();
    assert!(
        r.status.success(),
        "mount {args:?}: {}",
        String::from_utf8_lossy(&r.stderr)
    );
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
        // A failing build may have moved the mount along with its folder:
        // whatever is still mounted in this test's temporary folder goes too.
        let tmp = std::env::temp_dir();
        let Some(scope) = self.0.ancestors().find(|a| a.parent() == Some(&tmp)) else {
            return;
        };
        let mounts = fs::read_to_string("/proc/self/mounts").unwrap_or_default();
        let inside: Vec<&str> = mounts
            .lines()
            .filter_map(|l| l.split(' ').nth(1))
            .filter(|m| Path::new(m).starts_with(scope))
            .collect();
        for m in inside.into_iter().rev() {
            let _ = Command::new("umount").arg(m).status();
        }
    }
}

/// Issue 21: the guard compared path strings, so a second name of the site
/// folder (a bind mount here; on macOS and Windows `Content` for `content`)
/// let `--force` replace the sources, and the refusal invited `--force`.
#[test]
fn a_second_name_of_the_site_is_seen_even_with_force() {
    if !root_or_skip("a_second_name_of_the_site_is_seen_even_with_force") {
        return;
    }
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let alias = top.root().join("alias");
    fs::create_dir(&alias).unwrap();
    let _mounted = Mount::bind(&site, &alias);
    let at = |rel: &str| alias.join(rel).to_str().unwrap().to_string();
    let content = "it is the content/ folder, which the site is built from";
    for args in [
        &["--output", &at("content")][..],
        &["--output", &at("content"), "--force"],
        &["--output", &at("content/../content/."), "--force"],
    ] {
        assert_refused(top.root(), &site, args, content);
    }
    assert_refused(
        top.root(),
        &site,
        &["--output", &at("themes"), "--force"],
        "it is the themes/ folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", &at("content/nuova"), "--force"],
        "it is inside the content/ folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", &at(""), "--force"],
        "it is the site folder itself",
    );
    // `--root` through the alias: the site is the same folder.
    let real_content = site.join("content");
    assert_refused(
        top.root(),
        top.root(),
        &[
            "--root",
            &at(""),
            "--output",
            real_content.to_str().unwrap(),
            "--force",
        ],
        content,
    );
    // Never an invitation to --force for the sources.
    let r = build_in(&site, &["--output", &at("content")]);
    let err = String::from_utf8_lossy(&r.stderr);
    assert!(!err.contains("--force"), "{err}");
    // The alias still works for a real output.
    let r = build_in(top.root(), &["--root", &at(""), "--output", &at("public")]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(site.join("public/index.html").is_file());
}

/// Issue 21: a mounted output failed at the swap with "Device or resource
/// busy" after the whole build, and left the staged copy beside it.
#[test]
fn a_mounted_output_is_refused_before_the_build() {
    if !root_or_skip("a_mounted_output_is_refused_before_the_build") {
        return;
    }
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let www = top.root().join("www");
    fs::create_dir(&www).unwrap();
    fs::create_dir(site.join("public")).unwrap();
    let _mounted = Mount::bind(&www, &site.join("public"));
    assert_refused(
        top.root(),
        &site,
        &["--force"],
        "a disk or share is mounted on it, and a mounted folder cannot be swapped for the new site; write into a folder inside it (--output ./public/sito)",
    );
    // What it suggests works.
    let r = build_in(&site, &["--output", "public/sito"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(www.join("sito/index.html").is_file());
}

/// `--force` on a folder with a disk mounted inside it would have deleted
/// that disk's files (the removal follows into a mount).
#[test]
fn a_folder_with_a_mount_inside_is_refused_even_with_force() {
    if !root_or_skip("a_folder_with_a_mount_inside_is_refused_even_with_force") {
        return;
    }
    let top = site_with_neighbours();
    let site = top.root().join("site");
    top.write("archivio/protocollo.pdf", "%PDF");
    fs::create_dir_all(top.root().join("www/dati")).unwrap();
    let _mounted = Mount::bind(&top.root().join("archivio"), &top.root().join("www/dati"));
    assert_refused(
        top.root(),
        &site,
        &["--output", "../www", "--force"],
        &format!(
            "a disk or share is mounted on {} inside it",
            top.root()
                .join("www/dati")
                .canonicalize()
                .unwrap()
                .display()
        ),
    );
    assert!(top.root().join("archivio/protocollo.pdf").is_file());
}

/// A folder this build cannot write into: read-only (root) or without
/// write permission (other users). Undone when dropped.
enum ReadOnly {
    Mounted(#[allow(dead_code)] Mount),
    Chmod(PathBuf),
}

impl ReadOnly {
    fn make(dir: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            ReadOnly::Mounted(Mount::read_only(dir))
        } else {
            fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).unwrap();
            ReadOnly::Chmod(dir.to_path_buf())
        }
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if let ReadOnly::Chmod(dir) = self {
            let _ = fs::set_permissions(dir, fs::Permissions::from_mode(0o755));
        }
    }
}

/// Issue 21: an output in a folder that cannot be written failed after the
/// whole build on the lock file.
#[test]
fn an_output_in_a_folder_that_cannot_be_written_is_refused_before_the_build() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let shelf = top.root().join("shelf");
    fs::create_dir(&shelf).unwrap();
    let _ro = ReadOnly::make(&shelf);
    for out in ["../shelf/public", "../shelf/anno/public"] {
        assert_refused(
            top.root(),
            &site,
            &["--output", out],
            &format!(
                "cannot write into {} (",
                shelf.canonicalize().unwrap().display()
            ),
        );
    }
}

/// Issue 21 (low): `--force` deleted a git repository it was pointed at.
#[test]
fn a_git_repository_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    top.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    top.write("repo/index.html", "mine");
    for args in [
        &["--output", "../repo"][..],
        &["--output", "../repo", "--force"],
    ] {
        assert_refused(
            top.root(),
            &site,
            args,
            "it holds a git repository (.git), which trasparenza never replaces",
        );
    }
    // A work tree of a linked worktree or submodule: `.git` is a file.
    fs::remove_dir_all(top.root().join("repo/.git")).unwrap();
    top.write("repo/.git", "gitdir: /elsewhere\n");
    assert_refused(
        top.root(),
        &site,
        &["--output", "../repo", "--force"],
        "it holds a git repository (.git)",
    );
}

/// Gives `dir` and everything in it to `uid`.
fn chown_all(dir: &Path, uid: u32) {
    for e in walkdir::WalkDir::new(dir) {
        std::os::unix::fs::lchown(e.unwrap().path(), Some(uid), Some(uid)).unwrap();
    }
}

/// Issue 21: after one `sudo trasparenza build`, the next build published
/// but exited 2 naming the wrong folder, and every later build failed on
/// the hidden copy it could not remove. As root the old output belongs to
/// root and the next builds run as `nobody`; as another user, a folder of
/// the old output is made read-only.
#[test]
fn an_old_output_that_cannot_be_removed_does_not_block_the_builds() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    const NOBODY: u32 = 65534;
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let top = site_with_neighbours();
    let site = top.root().join("site");
    if root {
        chown_all(top.root(), NOBODY);
    }
    let first = build_in(&site, &[]);
    assert!(first.status.success());
    let stuck = site.join("public/anagrafe");
    if !root {
        fs::set_permissions(&stuck, fs::Permissions::from_mode(0o555)).unwrap();
    }
    let build = || {
        let mut cmd = crate::support::trasparenza();
        cmd.arg("build").current_dir(&site);
        if root {
            cmd.uid(NOBODY).gid(NOBODY);
        }
        cmd.output().unwrap()
    };
    fs::remove_file(site.join("content/uffici/tecnici/lavori.yml")).unwrap();
    let aside = site.join(".public.trasparenza-old-1");
    for round in 0..2 {
        let r = build();
        let err = String::from_utf8_lossy(&r.stderr);
        assert!(r.status.success(), "round {round}: {err}");
        assert!(
            err.contains(&format!(
                "warning: cannot remove {}, a copy of an earlier site",
                aside.display()
            )),
            "round {round}: {err}"
        );
        assert!(err.contains("sudo rm -rf"), "{err}");
        assert!(String::from_utf8_lossy(&r.stdout).starts_with("Built "));
        assert!(!site.join("public/lavori").exists());
        assert!(site.join("public/anagrafe/index.html").is_file());
        let mut left: Vec<String> = fs::read_dir(&site)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("trasparenza-"))
            .collect();
        left.sort();
        assert_eq!(left, [".public.trasparenza-old-1"], "round {round}");
    }
    if !root {
        let _ = fs::set_permissions(aside.join("anagrafe"), fs::Permissions::from_mode(0o755));
    }
}

/// A case-insensitive disk as on macOS and Windows: a FUSE passthrough
/// (fusepy) of `BACKING` at `MOUNT` that finds each name whatever its case
/// and reports the backing files' inode numbers (`use_ino`), as such disks
/// do.
const CASE_INSENSITIVE_FS: &str = r#"
import errno, os, sys
try:
    from fuse import FUSE, FuseOSError, Operations
except ImportError:
    from fusepy import FUSE, FuseOSError, Operations

class CaseInsensitive(Operations):
    def __init__(self, root):
        self.root = root
    def real(self, path):
        cur = self.root
        for part in [p for p in path.split('/') if p]:
            try:
                names = os.listdir(cur)
            except (FileNotFoundError, NotADirectoryError):
                names = []
            same = [n for n in names if n.lower() == part.lower()]
            cur = os.path.join(cur, part if part in same or not same else same[0])
        return cur
    def getattr(self, path, fh=None):
        st = os.lstat(self.real(path))
        return {k: getattr(st, k) for k in ('st_mode', 'st_ino', 'st_nlink', 'st_uid',
                'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime')}
    def readdir(self, path, fh):
        return ['.', '..'] + os.listdir(self.real(path))
    def readlink(self, path): return os.readlink(self.real(path))
    def mkdir(self, path, mode): os.mkdir(self.real(path), mode)
    def rmdir(self, path): os.rmdir(self.real(path))
    def unlink(self, path): os.unlink(self.real(path))
    def symlink(self, target, source): os.symlink(source, self.real(target))
    def rename(self, old, new): os.rename(self.real(old), self.real(new))
    def chmod(self, path, mode): os.chmod(self.real(path), mode)
    def chown(self, path, uid, gid): os.lchown(self.real(path), uid, gid)
    def utimens(self, path, times=None): os.utime(self.real(path), times, follow_symlinks=False)
    def truncate(self, path, length, fh=None): os.truncate(self.real(path), length)
    def open(self, path, flags): return os.open(self.real(path), flags)
    def create(self, path, mode, fi=None):
        return os.open(self.real(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    def read(self, path, size, offset, fh): return os.pread(fh, size, offset)
    def write(self, path, data, offset, fh): return os.pwrite(fh, data, offset)
    def flush(self, path, fh): return 0
    def release(self, path, fh): os.close(fh)
    def fsync(self, path, datasync, fh): os.fsync(fh)
    def access(self, path, mode):
        if not os.access(self.real(path), mode):
            raise FuseOSError(errno.EACCES)
    def statfs(self, path):
        st = os.statvfs(self.real(path))
        return {k: getattr(st, k) for k in ('f_bavail', 'f_bfree', 'f_blocks', 'f_bsize',
                'f_favail', 'f_ffree', 'f_files', 'f_flag', 'f_frsize', 'f_namemax')}

FUSE(CaseInsensitive(sys.argv[1]), sys.argv[2], foreground=True, use_ino=True)
"#;

/// The Python that has fusepy (`scripts/test` installs Debian's
/// python3-fusepy), if any.
fn python_with_fusepy() -> Option<&'static str> {
    ["/usr/bin/python3", "python3"].into_iter().find(|py| {
        Command::new(py)
            .args(["-c", "import importlib.util as u, sys; sys.exit(not (u.find_spec('fuse') or u.find_spec('fusepy')))"])
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The FUSE process and its mount point: unmounted and stopped when
/// dropped, also when the test fails.
struct Fuse(std::process::Child, PathBuf);

impl Drop for Fuse {
    fn drop(&mut self) {
        let _ = Command::new("fusermount").arg("-u").arg(&self.1).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Issue 21: on a case-insensitive disk (macOS, Windows) `--output Content
/// --force` replaced the sources.
#[test]
fn on_a_disk_that_ignores_case_another_case_is_the_same_folder() {
    use std::os::unix::fs::MetadataExt;
    let test = "on_a_disk_that_ignores_case_another_case_is_the_same_folder";
    if !root_or_skip(test) {
        return;
    }
    let Some(python) = python_with_fusepy() else {
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED guard::{test}: it needs FUSE and fusepy (scripts/test installs fuse and python3-fusepy)"
        );
        return;
    };
    let top = Site::empty();
    let (backing, mnt) = (top.root().join("backing"), top.root().join("disk"));
    fs::create_dir(&backing).unwrap();
    fs::create_dir(&mnt).unwrap();
    top.write("ci.py", CASE_INSENSITIVE_FS);
    let child = Command::new(python)
        .arg(top.root().join("ci.py"))
        .args([&backing, &mnt])
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let _fuse = Fuse(child, mnt.clone());
    let top_dev = fs::metadata(top.root()).unwrap().dev();
    let start = std::time::Instant::now();
    while fs::metadata(&mnt).unwrap().dev() == top_dev {
        assert!(
            start.elapsed().as_secs() < 20,
            "the FUSE disk never came up"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let site = mnt.join("site");
    crate::support::copy_dir(&crate::support::repo().join("tests/fixtures/basic"), &site);
    assert!(
        site.join("CONTENT/Anagrafe.yaml").is_file(),
        "not case-insensitive"
    );
    for args in [
        &["--output", "Content", "--force"][..],
        &["--output", "CONTENT/."],
    ] {
        assert_refused(
            &backing,
            &site,
            args,
            "it is the content/ folder, which the site is built from",
        );
    }
    assert_refused(
        &backing,
        &site,
        &["--output", "Content/Sito", "--force"],
        "it is inside the content/ folder",
    );
    // `themes/` does not exist here: `Themes` would become it.
    assert_refused(
        &backing,
        &site,
        &["--output", "Themes", "--force"],
        "it is the themes/ folder",
    );
    // A build works on this disk, twice (it has no atomic exchange: the
    // swap is two renames).
    for _ in 0..2 {
        let r = build_in(&site, &[]);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    assert!(backing.join("site/public/anagrafe/index.html").is_file());
    let left: Vec<_> = fs::read_dir(backing.join("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("trasparenza-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
