//! The output guard: decides, before anything is written or moved, whether
//! `build` may replace the folder named by `--output`.
//!
//! It resolves the path as the system will (relative to the current folder,
//! `..`, symlinks followed), then refuses the site folder, `content/`,
//! `themes/`, any folder holding them or inside `content/`/`themes/`, the
//! filesystem's root, the home folder, the current folder, a file, and a
//! non-empty folder that is not an earlier output of trasparenza (recognised
//! by its [`MANIFEST`]), unless `--force` says to replace it anyway. It only
//! reads the disk, never writes.

use std::collections::BTreeSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

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
/// why and what to do.
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
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Reason::*;
        write!(f, "will not write the site into {}: ", self.shown)?;
        match &self.reason {
            FilesystemRoot => write!(f, "it is the filesystem's root; choose an empty folder"),
            SiteFolder => write!(
                f,
                "it is the site folder itself, which holds content/; choose a folder inside it, such as public"
            ),
            ContainsSiteFolder => write!(
                f,
                "it contains the site folder and its content/; choose a folder inside the site, such as public"
            ),
            Protected(which) => write!(
                f,
                "it is the {which} folder, which the site is built from; choose another folder, such as public"
            ),
            ContainsProtected(which) => write!(
                f,
                "it contains the site's {which} folder; choose another folder, such as public"
            ),
            InsideProtected(which) => write!(
                f,
                "it is inside the {which} folder, which the site is built from; choose a folder outside it, such as public"
            ),
            Home => write!(
                f,
                "it is your home folder or contains it; choose an empty folder"
            ),
            CurrentFolder => write!(
                f,
                "it is the current folder or contains it; choose a folder below it, such as public"
            ),
            NotAFolder(p) => write!(
                f,
                "{} is a file, not a folder; move the file away or choose another folder (--force never replaces a file)",
                p.display()
            ),
            DanglingLink(link, to) => write!(
                f,
                "{} is a link to {}, which does not exist; create that folder or fix the link",
                link.display(),
                to.display()
            ),
            Foreign => write!(
                f,
                "the folder is not empty and was not written by trasparenza (it has no {MANIFEST}); empty it, choose another folder, or add --force to replace everything in it"
            ),
            BadManifest => write!(
                f,
                "its {MANIFEST} is not one trasparenza wrote; empty the folder, choose another, or add --force to replace everything in it"
            ),
            ExtraFiles(first, all) => {
                write!(
                    f,
                    "it holds files trasparenza did not write ({}",
                    first.join(", ")
                )?;
                if *all > first.len() {
                    write!(f, " and {} more", all - first.len())?;
                }
                write!(
                    f,
                    "); move them out, or add --force to replace them with the site"
                )
            }
            Unreadable(p, e) => {
                write!(
                    f,
                    "cannot read {}: {e}; check the path and its permissions",
                    p.display()
                )
            }
        }
    }
}

/// Decides whether the site of `root` may be written into `output`.
/// `force` lets a non-empty folder that is not an earlier output be replaced;
/// nothing lets the guard accept the other cases.
pub(crate) fn check(root: &Path, output: &Path, force: bool) -> Result<Target, Refusal> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let refuse = |shown: &str, reason| {
        Err(Refusal {
            shown: shown.to_string(),
            reason,
        })
    };
    let given = output.display().to_string();
    let out = match resolve(&cwd, output) {
        Ok(r) => r,
        Err(reason) => return refuse(&given, reason),
    };
    let shown = if out.via_link || !output.is_absolute() {
        format!("{given} ({})", out.real.display())
    } else {
        given
    };
    let r = &out.real;
    // The site folder and what it is built from, also where a link leads.
    let site = resolve(&cwd, root).map_or_else(|_| absolute(&cwd, root), |s| s.real);
    let mut protected = Vec::new();
    for which in ["content/", "themes/"] {
        let p = site.join(which.trim_end_matches('/'));
        if let Ok(real) = fs::canonicalize(&p)
            && real != p
        {
            protected.push((real, which));
        }
        protected.push((p, which));
    }
    if r.parent().is_none() {
        return refuse(&shown, Reason::FilesystemRoot);
    }
    if *r == site {
        return refuse(&shown, Reason::SiteFolder);
    }
    if site.starts_with(r) {
        return refuse(&shown, Reason::ContainsSiteFolder);
    }
    for (p, which) in &protected {
        if r == p {
            return refuse(&shown, Reason::Protected(which));
        }
        if p.starts_with(r) {
            return refuse(&shown, Reason::ContainsProtected(which));
        }
        if r.starts_with(p) {
            return refuse(&shown, Reason::InsideProtected(which));
        }
    }
    if let Some(home) = std::env::var_os("HOME").and_then(|h| fs::canonicalize(h).ok())
        && home.starts_with(r)
    {
        return refuse(&shown, Reason::Home);
    }
    if let Ok(here) = fs::canonicalize(&cwd)
        && here.starts_with(r)
    {
        return refuse(&shown, Reason::CurrentFolder);
    }
    if out.exists {
        match fs::metadata(r) {
            Ok(m) if !m.is_dir() => return refuse(&shown, Reason::NotAFolder(r.clone())),
            Ok(_) => {}
            Err(e) => return refuse(&shown, Reason::Unreadable(r.clone(), e.to_string())),
        }
        if !force && let Err(reason) = earlier_output_or_empty(r) {
            return refuse(&shown, reason);
        }
    }
    Ok(Target {
        given: output.to_path_buf(),
        dir: out.real,
        via_link: out.via_link,
    })
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
    exists: bool,
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
    Ok(Resolved {
        real,
        exists,
        via_link,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
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
        let text = r.to_string();
        assert!(text.contains("(a and 2 more)"), "{text}");
        assert_eq!(text.matches(". ").count(), 0, "{text}");
        assert!(!text.contains('\n'));
    }
}
