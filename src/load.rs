//! Stage 1 of the pipeline: walks `content/`, reads every file and parses it
//! into the model (`_sito.yaml`, unit files, `_index.md`, extra pages).
//!
//! Which names are units is decided by [`file_kind`] alone (`import` asks
//! it too); a name that looks meant as one but is not read, or a pipe named
//! like one, is reported at the file, never skipped without a word.
//!
//! Every file is read even after one fails, and every problem is collected.
//! This module only reads; it never writes, and the checks that span several
//! files (slugs, duplicates, reserved paths) belong to `validate`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::i18n::t;
use crate::model::{
    ACTIVITY_LISTS, Activity, Page, PageFrontMatter, SiteConfig, Spans, Unit, UnitFile,
};
use crate::source::{self, SourceFile};
use crate::yaml::{self, schema};

/// The site as read from disk, before cross-file validation.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `_sito.yaml`, when it parsed.
    pub config: Option<SiteConfig>,
    /// `_sito.yaml` text, so later checks can point into it.
    pub config_source: Option<SourceFile>,
    /// `content/_index.md` (Markdown), so later checks can point into it.
    pub intro: Option<SourceFile>,
    /// Every unit file that parsed, with its text, in walk order.
    pub units: Vec<LoadedUnit>,
    /// The extra Markdown pages.
    pub pages: Vec<Page>,
}

/// A unit file that parsed: the unit, its text, and what `validate` finds
/// in this file alone, kept with the parse (the preview's cache shares all
/// three), so a file unchanged since the last load is not checked again.
#[derive(Debug, Clone)]
pub struct LoadedUnit {
    /// The unit as parsed.
    pub unit: Arc<Unit>,
    /// The file's text, so later checks can point into it.
    pub source: Arc<SourceFile>,
    /// Filled by `validate` on first use.
    pub checks: Arc<OnceLock<Vec<Diagnostic>>>,
}

impl LoadedUnit {
    /// A unit just parsed from `source`, not checked yet.
    pub fn new(unit: Arc<Unit>, source: Arc<SourceFile>) -> Self {
        LoadedUnit {
            unit,
            source,
            checks: Arc::default(),
        }
    }
}

/// Fatal problems with the folder itself (exit code 2), as opposed to content errors.
#[derive(Debug)]
pub struct EnvironmentError(pub String);

/// The unit files parsed by earlier loads, by path, with the text each was
/// parsed from: the preview keeps one, so that a save parses again only
/// the files whose text changed. A load keeps only the files it walked.
///
/// A file is not even read again when its size and modification time are
/// those recorded and that time was at least [`SETTLED`] older than the
/// read (as git does for its index: a file changed within the same tick of
/// the file system's clock as the read could keep its time, so a recent
/// one is always read), and the watcher did not report it ([`forget`]).
///
/// The files `content/`'s last walk found are kept too, when that walk met
/// no problem and no symbolic link: when the watcher says which paths
/// changed since ([`changed`]), the next load looks at those paths alone
/// and reads no other file, nor asks its size and time. A changed folder, a
/// link, a name the walk would report, `content/` itself (events lost)
/// mean a walk, as does a cache no watcher spoke to ([`walk_again`]).
///
/// [`forget`]: ParseCache::forget
/// [`changed`]: ParseCache::changed
/// [`walk_again`]: ParseCache::walk_again
#[derive(Default)]
pub(crate) struct ParseCache {
    units: Mutex<HashMap<PathBuf, Cached>>,
    /// The files of the last clean walk of `content/`, in walk order.
    walk: Mutex<Option<Arc<Vec<Walked>>>>,
    /// Every path changed since the last load, as the watcher saw them.
    changed: Mutex<Option<Vec<PathBuf>>>,
}

/// A file the walk found: its path, its path as shown (`content/...`),
/// its stem, and whether it is a unit (else an extra page).
type Walked = (PathBuf, PathBuf, String, bool);

/// How much older than its read a file's modification time must be for
/// the size and time to stand for its text (file systems keep times in
/// ticks of up to 2 s, FAT's).
const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);

/// A unit file as read and what it gave: the unit and its slips, or its
/// errors; its size and time when they can stand for the text.
struct Entry {
    stamp: Option<(u64, std::time::SystemTime)>,
    /// The unit with its text and checks, and its slips; or its errors.
    parsed: Result<(LoadedUnit, Vec<Diagnostic>), Vec<Diagnostic>>,
    /// The text, also when it did not parse.
    file: Arc<SourceFile>,
}

type Cached = Arc<Entry>;

/// A file's size and modification time.
fn stamp_of(path: &Path) -> Option<(u64, std::time::SystemTime)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

impl ParseCache {
    /// The unit file at `path` (shown as `display`) with stem `slug`, given
    /// the entries of the earlier loads: reused when settled, else read,
    /// and parsed again only when its text changed.
    /// `trusted`: the watcher reported every change, so an entry kept is
    /// the file's (a changed one was forgotten).
    fn unit(
        earlier: &HashMap<PathBuf, Cached>,
        path: &Path,
        display: &Path,
        slug: String,
        trusted: bool,
    ) -> Result<Cached, Vec<Diagnostic>> {
        let old = earlier.get(display);
        if let Some(e) = old.filter(|e| trusted || (e.stamp.is_some() && e.stamp == stamp_of(path)))
        {
            return Ok(Arc::clone(e));
        }
        let now = std::time::SystemTime::now();
        let stamp =
            stamp_of(path).filter(|(_, mtime)| mtime.checked_add(SETTLED).is_some_and(|t| t < now));
        let f = Arc::new(source::read(path, display).map_err(|d| vec![d])?);
        let parsed = match old {
            // The path gives the slug: the same text parses the same.
            Some(c) if c.file.text == f.text => c.parsed.clone(),
            _ => unit_with_slips(&f, slug)
                .map(|(u, s)| (LoadedUnit::new(Arc::new(u), Arc::clone(&f)), s)),
        };
        Ok(Arc::new(Entry {
            stamp,
            parsed,
            file: f,
        }))
    }

    /// Reads the files at `paths` (as shown, `content/...`) again at the
    /// next load, whatever their size and time: the watcher saw them change.
    pub(crate) fn forget(&self, paths: &[PathBuf]) {
        let mut units = lock(&self.units);
        for p in paths {
            units.remove(p);
        }
    }

    /// The watcher saw `paths` (relative to the root) change, and nothing
    /// else since the last load: they are read again ([`forget`]), and the
    /// next load may look at them alone. Empty: the next load walks.
    ///
    /// [`forget`]: ParseCache::forget
    pub(crate) fn changed(&self, paths: &[PathBuf]) {
        self.forget(paths);
        *lock(&self.changed) = (!paths.is_empty()).then(|| paths.to_vec());
    }

    /// The next load walks `content/` and compares every file's size and
    /// time (changes may have been missed: before the watcher started, or
    /// a name it does not report).
    pub(crate) fn walk_again(&self) {
        *lock(&self.walk) = None;
    }

    /// The files of `content/` (shown as `display`) after the changes the
    /// watcher reported, from the last walk; `None` when a walk is needed.
    fn after_changes(&self, content: &Path, display: &Path) -> Option<Arc<Vec<Walked>>> {
        let changed = lock(&self.changed).take()?;
        let mut walked = lock(&self.walk).take()?;
        let files = Arc::make_mut(&mut walked);
        for rel in &changed {
            let inner = rel.strip_prefix(display).ok()?;
            let mut parts = inner.components().peekable();
            parts.peek()?;
            let mut hidden = false;
            for c in parts {
                match c {
                    std::path::Component::Normal(n) => hidden |= is_hidden(&n.to_string_lossy()),
                    _ => return None,
                }
            }
            // Not walked (`_sito.yaml`, `_index.md` are read anyway).
            if hidden {
                continue;
            }
            let at = files.binary_search_by(|f| f.1.as_path().cmp(rel));
            // A folder's files come right after its name in walk order.
            let next = match at {
                Ok(i) => i + 1,
                Err(i) => i,
            };
            if files.get(next).is_some_and(|f| f.1.starts_with(rel)) {
                return None;
            }
            let path = content.join(inner);
            let kind = match std::fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => FileKind::Other,
                Ok(m) if m.file_type().is_file() => {
                    file_kind(&inner.file_name()?.to_string_lossy())
                }
                _ => return None,
            };
            let is_unit = match kind {
                FileKind::Unit => true,
                FileKind::Page => false,
                FileKind::Misnamed(_) => return None,
                FileKind::Other => {
                    if let Ok(i) = at {
                        files.remove(i);
                    }
                    continue;
                }
            };
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let walked = (path, rel.clone(), stem, is_unit);
            match at {
                Ok(i) => files[i] = walked,
                Err(i) => files.insert(i, walked),
            }
        }
        Some(walked)
    }
}

/// A unit file parsed, with what YAML read differently from what was typed
/// (warnings of a file that parsed).
fn unit_with_slips(
    f: &SourceFile,
    slug: String,
) -> Result<(Unit, Vec<Diagnostic>), Vec<Diagnostic>> {
    let u = parse_unit(f, slug)?;
    Ok((u, yaml::slips::warnings(f)))
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Reads the whole `content/` folder under `root`.
pub fn load(root: &Path, diags: &mut Diagnostics) -> Result<Loaded, EnvironmentError> {
    load_cached(root, None, diags)
}

/// The nearest folder above `root` (at most four levels) that is a site
/// (its `content/` has `_sito.yaml`), as `--root` would take it: `..`,
/// `../..` from `.`, else the folder's own path.
fn site_above(root: &Path) -> Option<PathBuf> {
    let absolute = root.canonicalize().ok()?;
    let (levels, site) = absolute
        .ancestors()
        .enumerate()
        .skip(1)
        .take(4)
        .find(|(_, a)| a.join("content").join("_sito.yaml").is_file())?;
    if root == Path::new(".") {
        Some(std::iter::repeat_n("..", levels).collect())
    } else {
        Some(site.to_path_buf())
    }
}

/// [`load`], reusing (and then updating) `cache` when given.
pub(crate) fn load_cached(
    root: &Path,
    cache: Option<&ParseCache>,
    diags: &mut Diagnostics,
) -> Result<Loaded, EnvironmentError> {
    let content = root.join("content");
    if !content.is_dir() {
        return Err(EnvironmentError(match site_above(root) {
            // Run from inside `content/`: name the site folder to pass.
            Some(site) => t!(
                "load-no-content-folder-site-above",
                root = root,
                site = site.as_path()
            ),
            None => t!("load-no-content-folder", root = root),
        }));
    }
    Ok(load_content_with(
        root,
        &content,
        Path::new("content"),
        cache,
        diags,
    ))
}

/// Reads one content folder: `content/` itself, or an archived edition
/// (`content/_archivio/<edizione>/`). `display` is how the folder is named in
/// messages (`content/_archivio/2025`), so every problem carries the full path.
pub(crate) fn load_content(
    root: &Path,
    content: &Path,
    display: &Path,
    diags: &mut Diagnostics,
) -> Loaded {
    load_content_with(root, content, display, None, diags)
}

fn load_content_with(
    root: &Path,
    content: &Path,
    display: &Path,
    cache: Option<&ParseCache>,
    diags: &mut Diagnostics,
) -> Loaded {
    let mut loaded = Loaded::default();
    // Symbolic links are followed (walkdir stops at loops) when they lead
    // to a file or folder inside the site folder; any other link is an
    // error at its name, never skipped without a word.
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    // A settings or intro file that is a link leading outside: the error.
    let outside = |path: &Path, display: &Path| {
        path.is_symlink()
            .then(|| link_inside(path, &site_root, display.to_path_buf()).err())
            .flatten()
    };

    let sito = content.join("_sito.yaml");
    let sito_display = display.join("_sito.yaml");
    if let Some(d) = outside(&sito, &sito_display) {
        diags.push(d);
    } else if let Some(d) = not_regular_at(&sito, &sito_display) {
        diags.push(d);
    } else if sito.is_file() {
        match source::read(&sito, &sito_display) {
            Ok(f) => {
                match parse_site(&f) {
                    Ok(c) => {
                        diags.extend(yaml::slips::warnings(&f));
                        loaded.config = Some(c);
                    }
                    Err(ds) => diags.extend(ds),
                }
                loaded.config_source = Some(f);
            }
            Err(d) => diags.push(d),
        }
    } else {
        diags.push(diag!(Error, "load-site-settings-missing", &sito_display));
    }

    let index = content.join("_index.md");
    let index_display = display.join("_index.md");
    if let Some(d) = outside(&index, &index_display) {
        diags.push(d);
    } else if let Some(d) = not_regular_at(&index, &index_display) {
        diags.push(d);
    } else if index.is_file() {
        match source::read(&index, &index_display) {
            Ok(f) => loaded.intro = Some(f),
            Err(d) => diags.push(d),
        }
    }

    let known = cache.and_then(|c| c.after_changes(content, display));
    let trusted = known.is_some();
    let (files, clean) = match known {
        Some(files) => (files, true),
        None => {
            let mark = diags.mark();
            let (files, links) = walk(content, display, &site_root, diags);
            (Arc::new(files), !links && diags.mark() == mark)
        }
    };
    // The earlier loads' entries are taken out for the lookups, so the
    // workers share them without a lock; the files walked now replace them.
    let earlier = cache
        .map(|c| std::mem::take(&mut *lock(&c.units)))
        .unwrap_or_default();
    let parsed: Vec<(Option<(PathBuf, Cached)>, ParseResult)> = files
        .par_iter()
        .map(|(path, display, stem, is_unit)| {
            let (stem, is_unit) = (stem.clone(), *is_unit);
            if is_unit && cache.is_some() {
                return match ParseCache::unit(&earlier, path, display, stem, trusted) {
                    Ok(e) => {
                        let p = match &e.parsed {
                            Ok((u, slips)) => Ok(Parsed::Unit(u.clone(), slips.clone())),
                            Err(ds) => Err(ds.clone()),
                        };
                        (Some((display.clone(), e)), p)
                    }
                    Err(ds) => (None, Err(ds)),
                };
            }
            let p = source::read(path, display)
                .map_err(|d| vec![d])
                .and_then(|f| {
                    if is_unit {
                        unit_with_slips(&f, stem).map(|(u, slips)| {
                            Parsed::Unit(LoadedUnit::new(Arc::new(u), Arc::new(f)), slips)
                        })
                    } else {
                        parse_page(&f, stem).map(Parsed::Page)
                    }
                });
            (None, p)
        })
        .collect();
    drop(earlier);
    let mut seen = HashMap::new();
    // The slips of the files that parsed come after every file's errors.
    let mut slips = Vec::new();
    for (entry, p) in parsed {
        if let Some((display, e)) = entry {
            seen.insert(display, e);
        }
        match p {
            Ok(Parsed::Unit(u, s)) => {
                loaded.units.push(u);
                slips.extend(s);
            }
            Ok(Parsed::Page(p)) => loaded.pages.push(p),
            Err(ds) => diags.extend(ds),
        }
    }
    if let Some(cache) = cache {
        *lock(&cache.units) = seen;
        *lock(&cache.walk) = clean.then_some(files);
    }
    diags.extend(slips);
    loaded
}

/// The files of `content/` (at `content`, shown as `display`) in walk order,
/// the problems of their names reported; true when a symbolic link was met.
fn walk(
    content: &Path,
    display: &Path,
    site_root: &Path,
    diags: &mut Diagnostics,
) -> (Vec<Walked>, bool) {
    let mut walker = WalkDir::new(content)
        .min_depth(1)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_hidden(e.file_name().to_string_lossy().as_ref()));
    // Walk in order, then read and parse the files on every core; results
    // are kept in walk order so output and messages stay deterministic.
    let mut files: Vec<Walked> = Vec::new();
    let mut links = false;
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e
                    .path()
                    .map(|p| display_of(content, display, p))
                    .unwrap_or_else(|| display.to_path_buf());
                diags.push(walk_error(at, &e));
                continue;
            }
        };
        links |= entry.path_is_symlink();
        if entry.path_is_symlink()
            && let Err(d) = link_inside(
                entry.path(),
                site_root,
                display_of(content, display, entry.path()),
            )
        {
            diags.push(d);
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let kind = file_kind(&name);
        let path = entry.path();
        if !entry.file_type().is_file() {
            // A named pipe, a socket, a device: never opened (reading a
            // pipe would wait for ever), said when its name is content's.
            if kind != FileKind::Other {
                diags.extend(not_regular(
                    entry.file_type(),
                    display_of(content, display, path),
                ));
            }
            continue;
        }
        let is_unit = match kind {
            FileKind::Unit => true,
            FileKind::Page => false,
            FileKind::Misnamed(m) => {
                diags.push(m.diagnostic(display_of(content, display, path), &name));
                continue;
            }
            FileKind::Other => continue,
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        files.push((
            path.to_path_buf(),
            display_of(content, display, path),
            stem,
            is_unit,
        ));
    }
    (files, links)
}

/// A walk error in words: a loop of symbolic links, a link to nothing, or
/// an unreadable entry.
pub(crate) fn walk_error(at: PathBuf, e: &walkdir::Error) -> Diagnostic {
    if let Some(ancestor) = e.loop_ancestor() {
        return diag!(Error, "load-link-loop", at, ancestor = ancestor);
    }
    let dangling = e
        .io_error()
        .is_some_and(|io| io.kind() == std::io::ErrorKind::NotFound);
    if dangling {
        return diag!(Error, "load-link-dangling", at);
    }
    cannot_read(at, e)
}

/// An entry that cannot be read, with the system's reason (`load`, the
/// theme's and the editions' walks).
pub(crate) fn cannot_read(at: impl Into<PathBuf>, e: impl std::fmt::Display) -> Diagnostic {
    diag!(Error, "load-cannot-read", at, error = e.to_string())
}

/// Ok when the symbolic link `path` leads inside `site_root` (canonical);
/// else the error to report at `display`.
/// A link to a hidden file or folder of the site outside `content/`
/// (`../.env`, `../.git/`) is refused too: those are never content, and
/// reading one would print its first line in a syntax error.
pub(crate) fn link_inside(
    path: &Path,
    site_root: &Path,
    display: PathBuf,
) -> Result<(), Diagnostic> {
    match path.canonicalize() {
        Ok(target) if target.starts_with(site_root) => {
            let rel = target.strip_prefix(site_root).unwrap_or(&target);
            // content/ is the user's own (a unit kept as `content/.x.yaml`).
            let hidden = !rel.starts_with("content")
                && rel
                    .components()
                    .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            if hidden {
                return Err(diag!(Error, "load-link-hidden", display, target = rel));
            }
            Ok(())
        }
        Ok(target) => Err(diag!(
            Error,
            "load-link-outside",
            display,
            target = target.as_path()
        )),
        Err(e) => Err(diag!(
            Error,
            "load-link-unfollowable",
            display,
            error = e.to_string()
        )),
    }
}

/// What a file's name makes it under `content/`: the one rule of which
/// files are units, also used by `import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FileKind {
    /// A unit: a name ending in `.yaml` or `.yml`, in any case (`.YAML`,
    /// `.Yml`: Windows programs save them so).
    Unit,
    /// An extra page: a name ending in `.md`, in any case.
    Page,
    /// Meant as a unit, but not read as one: reported at the file.
    Misnamed(Misnamed),
    /// Not content (an office's document, an image, an editor's backup).
    Other,
}

/// How a name meant as a unit or a page went wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Misnamed {
    /// Spaces before or after the name (`tributi.yaml `): an error, since
    /// the file would be published under a name nobody sees (and Windows
    /// cannot even check it out: it drops trailing spaces).
    Spaces,
    /// An ending that is almost `.yaml` (`tributi.yaml.txt`, as Notepad
    /// saves it; `tributi.yam`, `tributi.ymal`): a warning, since it may
    /// be a copy kept on purpose; `--strict` fails on it.
    Extension,
}

/// What the file named `name` is to the loader: see [`FileKind`].
pub(crate) fn file_kind(name: &str) -> FileKind {
    // The kind its ending gives (`tributi.yaml`, `Tributi.YML`, `note.md`).
    let by_ending = |name: &str| {
        let (stem, ext) = name.rsplit_once('.')?;
        if stem.is_empty() {
            None
        } else if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") {
            Some(FileKind::Unit)
        } else if ext.eq_ignore_ascii_case("md") {
            Some(FileKind::Page)
        } else {
            None
        }
    };
    let trimmed = name.trim();
    if trimmed != name && by_ending(trimmed).is_some() {
        return FileKind::Misnamed(Misnamed::Spaces);
    }
    if let Some(kind) = by_ending(name) {
        return kind;
    }
    if yaml_like(&name.to_lowercase()) {
        FileKind::Misnamed(Misnamed::Extension)
    } else {
        FileKind::Other
    }
}

/// A lowercase name that holds `.yaml`/`.yml` before another ending, or
/// ends one letter away from `yaml`; not an editor's backup (`x.yaml~`,
/// `x.yaml.bak`), which is meant to be left out.
fn yaml_like(lower: &str) -> bool {
    let Some((stem, ext)) = lower.rsplit_once('.') else {
        return false;
    };
    let backup =
        lower.ends_with('~') || matches!(ext, "bak" | "bck" | "orig" | "old" | "swp" | "tmp");
    let inner = [".yaml.", ".yml."].iter().any(|e| lower.contains(e));
    !stem.is_empty() && !backup && (inner || strsim::osa_distance(ext, "yaml") == 1)
}

impl Misnamed {
    /// The problem of the file `name`, shown as `display`.
    pub(crate) fn diagnostic(self, display: PathBuf, name: &str) -> Diagnostic {
        match self {
            Misnamed::Spaces => diag!(
                Error,
                "load-name-spaces",
                display,
                name = name,
                trimmed = name.trim()
            ),
            Misnamed::Extension => {
                let lower = name.to_lowercase();
                // `tributi.yaml.txt` -> `tributi.yaml`; `tributi.ymal` -> `tributi.yaml`.
                let stem = [".yaml.", ".yml."]
                    .iter()
                    .find_map(|e| lower.find(e))
                    .or_else(|| name.rfind('.'))
                    .map_or(name, |i| &name[..i]);
                diag!(
                    Warning,
                    "load-not-yaml-extension",
                    display,
                    name = name,
                    stem = stem
                )
            }
        }
    }
}

/// The error for `display`, whose type is `t`, when it is neither a
/// regular file nor a folder (a named pipe, a socket, a device): such a
/// file is never opened (reading a pipe waits for ever), but said.
pub(crate) fn not_regular(t: std::fs::FileType, display: PathBuf) -> Option<Diagnostic> {
    if t.is_file() || t.is_dir() {
        return None;
    }
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            "fifo"
        } else if t.is_socket() {
            "socket"
        } else if t.is_block_device() || t.is_char_device() {
            "device"
        } else {
            "special"
        }
    };
    #[cfg(not(unix))]
    let what = "special";
    Some(diag!(Error, "load-not-regular", display, what = what))
}

/// [`not_regular`] of what `path` leads to; `None` when nothing is there.
fn not_regular_at(path: &Path, display: &Path) -> Option<Diagnostic> {
    not_regular(
        std::fs::metadata(path).ok()?.file_type(),
        display.to_path_buf(),
    )
}

/// One content file, parsed, or its errors.
type ParseResult = Result<Parsed, Vec<Diagnostic>>;

/// One content file, parsed (a unit with its slips, as warnings).
enum Parsed {
    Unit(LoadedUnit, Vec<Diagnostic>),
    Page(Page),
}

/// `_` and `.` mark files and folders that are not units (`_archivio/`, `.git`).
fn is_hidden(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

fn display_of(content: &Path, display: &Path, path: &Path) -> PathBuf {
    match path.strip_prefix(content) {
        Ok(rel) => display.join(rel),
        Err(_) => path.to_path_buf(),
    }
}

/// Parses a unit file whose stem is `slug`; the unit, its keys and every
/// activity keep where they were written.
pub fn parse_unit(f: &SourceFile, slug: String) -> Result<Unit, Vec<Diagnostic>> {
    let (mut u, pos) = yaml::parse::<UnitFile>(f, &schema::UNIT)?;
    let (spans, items) = pos.spans(&ACTIVITY_LISTS);
    place_activities(u.lists_mut(), &spans, items);
    Ok(Unit {
        slug,
        file: f.display.clone(),
        data: u,
        span: pos.start(),
        spans,
    })
}

/// Parses `_sito.yaml`; its keys keep where they were written.
pub fn parse_site(f: &SourceFile) -> Result<SiteConfig, Vec<Diagnostic>> {
    let (mut c, pos) = yaml::parse::<SiteConfig>(f, &schema::SITE)?;
    let (spans, items) = pos.spans(&ACTIVITY_LISTS);
    place_activities(c.lists_mut(), &spans, items);
    c.spans = spans;
    Ok(c)
}

/// Gives every activity of `lists` the place it was written at (`items` is
/// indexed by list and item, as `Positions::spans` returns it).
fn place_activities(
    lists: [(&'static str, &mut Vec<Activity>); 3],
    spans: &Spans,
    mut items: Vec<Vec<Spans>>,
) {
    for (l, (key, list)) in lists.into_iter().enumerate() {
        // Items in flow style (`[a, b]`) are not indexed: their list's place.
        let list_at = spans.value(key).unwrap_or_default();
        let mut placed = items.get_mut(l).map(std::mem::take).unwrap_or_default();
        placed.resize_with(placed.len().max(list.len()), Spans::default);
        for (a, item) in list.iter_mut().zip(placed) {
            a.spans = item;
            a.span = a
                .spans
                .value("testo")
                .or_else(|| a.spans.value(""))
                .unwrap_or(list_at);
        }
    }
}

/// Splits `---` front matter from the Markdown body of an extra page.
pub fn parse_page(f: &SourceFile, slug: String) -> Result<Page, Vec<Diagnostic>> {
    let text = &f.text;
    let no_front =
        || diag!(Error, "load-page-no-front-matter", &f.display).at_line(1, 1, f.line(1));
    let rest = text.strip_prefix("---\n").ok_or_else(|| vec![no_front()])?;
    let (front, body) = if let Some(end) = rest.find("\n---\n") {
        (&rest[..end + 1], &rest[end + 5..])
    } else if let Some(front) = rest.strip_suffix("\n---") {
        (front, "")
    } else {
        return Err(vec![
            diag!(Error, "load-page-front-matter-unclosed", &f.display).at_line(1, 1, f.line(1)),
        ]);
    };
    let front_src = SourceFile::new(&f.display, front);
    let (fm, _): (PageFrontMatter, _) = yaml::parse(&front_src, &schema::PAGE).map_err(|ds| {
        ds.into_iter()
            .map(|mut d| {
                // The front matter starts on the file's second line.
                d.line += 1;
                d.source_line = f.line(d.line).map(str::to_string);
                d
            })
            .collect::<Vec<_>>()
    })?;
    Ok(Page {
        slug,
        file: f.display.clone(),
        titolo: fm.titolo,
        descrizione: fm.descrizione,
        ordine: fm.ordine,
        body: body.to_string(),
        // `---`, the front matter, `---`.
        body_line: front_src.line_count() + 3,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_names_are_units_pages_or_misnamed() {
        let spaces = FileKind::Misnamed(Misnamed::Spaces);
        let ending = FileKind::Misnamed(Misnamed::Extension);
        for (name, kind) in [
            ("tributi.yaml", FileKind::Unit),
            ("tributi.yml", FileKind::Unit),
            ("tributi.YAML", FileKind::Unit),
            ("tributi.Yml", FileKind::Unit),
            ("note.md", FileKind::Page),
            ("note.MD", FileKind::Page),
            ("tributi.yaml ", spaces),
            (" tributi.yaml", spaces),
            ("tributi.yaml\u{a0}", spaces),
            ("note.md ", spaces),
            ("tributi.yaml.txt", ending),
            ("tributi.YAML.TXT", ending),
            ("tributi.yml.docx", ending),
            ("tributi.yam", ending),
            ("tributi.ymal", ending),
            ("tributi.yaml~", FileKind::Other),
            ("tributi.yaml.bak", FileKind::Other),
            ("leggimi.txt", FileKind::Other),
            ("schema.xml", FileKind::Other),
            ("catalogo.toml", FileKind::Other),
            ("yaml", FileKind::Other),
            ("leggimi .txt", FileKind::Other),
        ] {
            assert_eq!(file_kind(name), kind, "{name:?}");
        }
    }

    #[test]
    fn front_matter_is_split() {
        let f = SourceFile::new("content/p.md", "---\ntitolo: Note\n---\n\nTesto.\n");
        let p = parse_page(&f, "p".into()).unwrap();
        assert_eq!(p.titolo, "Note");
        assert_eq!(p.body, "\nTesto.\n");
        assert_eq!(p.body_line, 4);
    }

    #[test]
    fn front_matter_errors_are_located_in_the_file() {
        let f = SourceFile::new("content/p.md", "---\ntitolo: Note\ntitle: x\n---\nTesto\n");
        let d = parse_page(&f, "p".into()).unwrap_err().remove(0);
        assert_eq!(d.line, 3, "{d}");
        assert_eq!(d.source_line.as_deref(), Some("title: x"));
    }

    #[test]
    fn missing_front_matter() {
        let f = SourceFile::new("content/p.md", "# Titolo\n");
        let d = &parse_page(&f, "p".into()).unwrap_err()[0];
        assert_eq!(d.code, Some("load-page-no-front-matter"));
        assert!(d.message.contains("intestazione"), "{d}");
    }

    /// The preview's load after a save: told which paths changed, it looks
    /// at those alone (an unreported change is not seen, which shows that
    /// nothing else was walked or compared); a folder among them, or a
    /// cache the watcher did not speak to, walks again.
    #[test]
    fn a_load_told_what_changed_looks_at_those_paths_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        let unit = |rel: &str, nome: &str| {
            let p = content.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, format!("nome: {nome}\nsmartizzabili:\n  - X\n")).unwrap();
        };
        let cache = ParseCache::default();
        let names = |cache: &ParseCache| -> Vec<String> {
            let mut d = Diagnostics::new();
            let loaded = load_cached(tmp.path(), Some(cache), &mut d).unwrap();
            loaded.units.iter().map(|u| u.unit.nome.clone()).collect()
        };
        unit("a.yaml", "A");
        unit("b.yaml", "B");
        assert_eq!(names(&cache), ["A", "B"]);
        unit("a.yaml", "A2");
        unit("b.yaml", "B2");
        unit("c.yaml", "C");
        cache.changed(&[PathBuf::from("content/a.yaml")]);
        assert_eq!(names(&cache), ["A2", "B"]);
        // A removal and an addition reported: in walk order.
        std::fs::remove_file(content.join("a.yaml")).unwrap();
        cache.changed(&[
            PathBuf::from("content/a.yaml"),
            PathBuf::from("content/c.yaml"),
        ]);
        assert_eq!(names(&cache), ["B", "C"]);
        // A folder: walked, every file compared.
        unit("sub/d.yaml", "D");
        cache.changed(&[PathBuf::from("content/sub")]);
        assert_eq!(names(&cache), ["B2", "C", "D"]);
        unit("c.yaml", "C2");
        cache.walk_again();
        cache.changed(&[PathBuf::from("content/b.yaml")]);
        assert_eq!(names(&cache), ["B2", "C2", "D"]);
    }
}
