//! Watching `content/` and `themes/` for changes (notify), and deciding
//! which changes matter.
//!
//! [`relevant`] is a pure function of a path, table-tested: editors' swap,
//! backup and temporary files never trigger a rebuild. [`Watch::next_change`]
//! turns a burst of events (a `git checkout`, an editor's write-temp-then-rename
//! save) into one rebuild: it returns once no event came for a moment. The
//! moment is short ([`SETTLE`]) when every changed file was written whole
//! (closed after writing, or renamed into place) and longer ([`QUIET`])
//! while a change may be half done (a file removed or renamed away, written
//! but not closed yet, a folder created): a save reaches the browser
//! without waiting for nothing, and a save by rename is still one rebuild.
//! A [`Change`] names every relevant path that changed, which the load of
//! the save looks at alone; when events were lost, or a name was ignored
//! that the loader reads or names ([`walked_by_load`]), the load walks.
//! This module reads nothing but events; rebuilding is the caller's job.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind, RenameMode};
use notify::{PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::i18n::t;

/// After an event, how long to wait for more when every changed file was
/// written whole: covers the files of one burst written one after another.
pub(crate) const SETTLE: Duration = Duration::from_millis(3);
/// After an event, how long to wait for more while a change may be half
/// done (an editor that renames the old file away, then writes the new one).
pub(crate) const QUIET: Duration = Duration::from_millis(30);
/// A burst that never goes quiet still rebuilds this often.
const MAX_WAIT: Duration = Duration::from_secs(2);
/// Scan interval of `--poll`.
pub(crate) const POLL_INTERVAL: Duration = Duration::from_millis(300);

/// The folders under the site root whose changes can change the site.
pub(crate) const WATCHED: [&str; 2] = ["content", "themes"];

/// True when a change at `rel` (relative to the site root) can change the
/// site: it is under `content/` or `themes/` and no part of it is a hidden,
/// swap, backup or temporary file of an editor.
pub(crate) fn relevant(rel: &Path) -> bool {
    let mut parts = rel.components().filter(|c| !matches!(c, Component::CurDir));
    match parts.next() {
        Some(Component::Normal(first)) if WATCHED.iter().any(|w| first == *w) => {}
        _ => return false,
    }
    parts.all(|c| match c {
        Component::Normal(name) => !is_editor_litter(&name.to_string_lossy()),
        _ => false,
    })
}

/// Names editors and tools create beside the files they save.
pub(crate) fn is_editor_litter(name: &str) -> bool {
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    name.is_empty()
        // hidden: vim's .x.swp, emacs's .#x lock, GNOME's .goutputstream-*, .DS_Store, .git
        || name.starts_with('.')
        // backups: vim, emacs, JetBrains (x~)
        || name.ends_with('~')
        // emacs auto-save: #x#
        || (name.starts_with('#') && name.ends_with('#'))
        // vim's probe for a writable folder (4913, 5036, ...)
        || name.bytes().all(|b| b.is_ascii_digit())
        // vim swap files kept elsewhere, Helix and other backups, temporaries
        || matches!(ext, "swp" | "swo" | "swn" | "swx" | "bck" | "bak" | "tmp" | "crdownload" | "part")
        // JetBrains safe write
        || name.ends_with("___jb_tmp___")
        || name.ends_with("___jb_old___")
        || name.ends_with("___jb_bak___")
}

/// True when `rel` (not [`relevant`]) is a file the walk of `content/`
/// finds and reads or names: not under a hidden folder, and a unit, a page
/// or a name reported as misnamed (`#x.yaml#`, `x.yaml.part`).
pub(crate) fn walked_by_load(rel: &Path) -> bool {
    let mut parts = rel.components();
    if parts.next() != Some(Component::Normal("content".as_ref())) {
        return false;
    }
    let names: Vec<String> = parts
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let Some(name) = names.last() else {
        return false;
    };
    !names
        .iter()
        .any(|n| n.starts_with('_') || n.starts_with('.'))
        && crate::load::file_kind(name) != crate::load::FileKind::Other
}

/// True for events that can mean new content: not reads (the rebuild itself
/// opens every file, which must not trigger another rebuild) nor access times.
pub(crate) fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        _ => true,
    }
}

/// True for events after which the file is whole: closed after writing, or
/// renamed into place. After any other change (written but not closed,
/// removed, renamed away, created, metadata) more may follow at once.
pub(crate) fn completes(kind: &EventKind) -> bool {
    matches!(
        kind,
        EventKind::Access(AccessKind::Close(AccessMode::Write))
            | EventKind::Modify(ModifyKind::Name(RenameMode::To | RenameMode::Both))
    )
}

enum Inner {
    Native(RecommendedWatcher),
    Poll(PollWatcher),
}

impl Inner {
    fn watch(&mut self, p: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Inner::Native(w) => w.watch(p, mode),
            Inner::Poll(w) => w.watch(p, mode),
        }
    }
    fn unwatch(&mut self, p: &Path) -> notify::Result<()> {
        match self {
            Inner::Native(w) => w.unwatch(p),
            Inner::Poll(w) => w.unwatch(p),
        }
    }
}

/// A running watch on a site folder.
pub(crate) struct Watch {
    root: PathBuf,
    inner: Inner,
    events: Receiver<notify::Result<notify::Event>>,
    /// The watched folders and the identity they had when watched: a folder
    /// replaced as a whole (deleted and created again) is watched again.
    watched: Vec<(PathBuf, Option<FolderId>)>,
}

type FolderId = crate::file_id::FileId;

fn folder_id(p: &Path) -> Option<FolderId> {
    std::fs::metadata(p).ok().filter(|m| m.is_dir())?;
    FolderId::of(p).ok()
}

/// What woke the watch up.
pub(crate) struct Change {
    /// The relevant paths that changed, relative to the root, sorted.
    pub paths: Vec<PathBuf>,
    /// Problems of the watcher itself, for the terminal.
    pub errors: Vec<String>,
    /// A name the watcher does not report changed, but the loader reads or
    /// names (`#x.yaml#`, `x.yaml.part`): the next load walks `content/`.
    pub walk: bool,
}

impl Watch {
    /// Starts watching `root` (an absolute path): natively, or by scanning
    /// every [`POLL_INTERVAL`] when `poll` is set.
    pub(crate) fn start(root: &Path, poll: bool) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let inner = if poll {
            // notify's poller compares modification times in whole
            // seconds: a second save within the same second would be
            // missed without comparing contents too.
            Inner::Poll(PollWatcher::new(
                tx,
                notify::Config::default()
                    .with_poll_interval(POLL_INTERVAL)
                    .with_compare_contents(true),
            )?)
        } else {
            Inner::Native(RecommendedWatcher::new(tx, notify::Config::default())?)
        };
        let mut w = Watch {
            root: root.to_path_buf(),
            inner,
            events,
            watched: Vec::new(),
        };
        // The root itself, not recursively: to notice themes/ (or content/)
        // appearing, disappearing or being replaced.
        w.inner.watch(root, RecursiveMode::NonRecursive)?;
        w.refresh();
        Ok(w)
    }

    /// Watches `content/` and `themes/` recursively when they exist, again
    /// when they were replaced; returns what could not be watched.
    fn refresh(&mut self) -> Vec<String> {
        let mut errors = Vec::new();
        for name in WATCHED {
            let dir = self.root.join(name);
            let id = folder_id(&dir);
            let pos = self.watched.iter().position(|(p, _)| *p == dir);
            let known = pos.map(|i| self.watched[i].1);
            if known == Some(id) {
                continue;
            }
            if let Some(i) = pos {
                let _ = self.inner.unwatch(&dir);
                self.watched.remove(i);
            }
            if id.is_some() {
                match self.inner.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push((dir, id)),
                    Err(e) => errors.push(t!(
                        "serve-cannot-watch",
                        folder = dir.as_path(),
                        error = e.to_string()
                    )),
                }
            } else {
                self.watched.push((dir, None));
            }
        }
        errors
    }

    /// Blocks until a relevant change happened and no event came since for
    /// [`SETTLE`] (every changed file whole) or [`QUIET`]. `None` when the
    /// watcher stopped.
    pub(crate) fn next_change(&mut self) -> Option<Change> {
        // Each changed path, and whether its last event left it whole.
        let mut paths = Burst::default();
        let mut errors = Vec::new();
        // Wait for the first relevant event.
        loop {
            let event = self.events.recv().ok()?;
            self.absorb(event, &mut paths, &mut errors);
            if !paths.is_empty() {
                break;
            }
            if !errors.is_empty() {
                return Some(Change {
                    paths: vec![],
                    errors,
                    walk: paths.walk,
                });
            }
        }
        // Then let the burst finish.
        let start = Instant::now();
        while start.elapsed() < MAX_WAIT {
            let wait = if paths.whole() { SETTLE } else { QUIET };
            match self.events.recv_timeout(wait) {
                Ok(event) => self.absorb(event, &mut paths, &mut errors),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        errors.extend(self.refresh());
        Some(Change {
            walk: paths.walk,
            paths: paths.changed.into_keys().collect(),
            errors,
        })
    }

    fn absorb(
        &self,
        event: notify::Result<notify::Event>,
        burst: &mut Burst,
        errors: &mut Vec<String>,
    ) {
        match event {
            // Events were lost (the kernel's queue overflowed): anything
            // may have changed; the whole site is rendered again, each
            // file's size and time telling whether it is read.
            Ok(e) if e.need_rescan() => {
                for name in WATCHED {
                    burst.changed.insert(PathBuf::from(name), false);
                }
            }
            Ok(e) if changes_content(&e.kind) => {
                for (i, p) in e.paths.iter().enumerate() {
                    let rel = p.strip_prefix(&self.root).unwrap_or(p);
                    if relevant(rel) {
                        burst.add(rel, &e.kind, i);
                    } else {
                        burst.walk |= walked_by_load(rel);
                    }
                }
            }
            Ok(_) => {}
            Err(e) => errors.push(e.to_string()),
        }
    }
}

/// The relevant paths a burst of events changed.
#[derive(Default)]
struct Burst {
    /// Each path, and whether its last event left it whole.
    changed: BTreeMap<PathBuf, bool>,
    /// Paths created during the burst.
    born: BTreeSet<PathBuf>,
    /// A path not reported that the loader reads or names was seen.
    walk: bool,
}

impl Burst {
    /// Adds the `i`-th path of an event of `kind`. A file created and then
    /// renamed away or removed within the burst (`sed -i`'s and many
    /// editors' temporary file) changed nothing the site has: it is dropped.
    fn add(&mut self, rel: &Path, kind: &EventKind, i: usize) {
        let gone = match kind {
            EventKind::Remove(_) | EventKind::Modify(ModifyKind::Name(RenameMode::From)) => true,
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)) => i == 0,
            _ => false,
        };
        if matches!(kind, EventKind::Create(_)) {
            self.born.insert(rel.to_path_buf());
        }
        if gone && self.born.contains(rel) {
            self.changed.remove(rel);
            return;
        }
        // A file removed or renamed away may come back at once (vim renames
        // the old file away, then writes the new one): not whole. Both
        // names of one rename are: the rename is done.
        self.changed.insert(rel.to_path_buf(), completes(kind));
    }

    /// Whether every changed path was left whole.
    fn whole(&self) -> bool {
        self.changed.values().all(|&whole| whole)
    }

    fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_triggers_a_rebuild() {
        let table = [
            // content and themes
            ("content/anagrafe.yaml", true),
            ("content/uffici/tecnici/lavori.yml", true),
            ("content/_sito.yaml", true),
            ("content/_index.md", true),
            ("content/note.md", true),
            ("content/uffici", true),
            ("content", true),
            ("themes", true),
            ("themes/default/templates/unit.html", true),
            ("themes/default/static/style.css", true),
            ("./content/a.yaml", true),
            // elsewhere in the site folder
            ("public/index.html", false),
            ("target/debug/x", false),
            (".git/index", false),
            ("README.md", false),
            ("contents/a.yaml", false),
            // vim
            ("content/4913", false),
            ("content/5036", false),
            ("content/.anagrafe.yaml.swp", false),
            ("content/.anagrafe.yaml.swx", false),
            ("content/anagrafe.yaml.swp", false),
            ("content/anagrafe.yaml~", false),
            // emacs
            ("content/#anagrafe.yaml#", false),
            ("content/.#anagrafe.yaml", false),
            // JetBrains
            ("content/anagrafe.yaml___jb_tmp___", false),
            ("content/anagrafe.yaml___jb_old___", false),
            ("content/anagrafe.yaml___jb_bak___", false),
            // GNOME (gedit), Kate, Helix, others
            ("content/.goutputstream-ABC123", false),
            ("content/.anagrafe.yaml.kate-swp", false),
            ("content/anagrafe.yaml.bck", false),
            ("content/anagrafe.yaml.bak", false),
            ("content/anagrafe.yaml.tmp", false),
            ("themes/default/templates/.unit.html.swp", false),
            ("content/.DS_Store", false),
            ("content/.hidden/a.yaml", false),
        ];
        for (path, expected) in table {
            assert_eq!(relevant(Path::new(path)), expected, "{path}");
        }
    }

    /// Names the watcher does not report but a walk of `content/` reads or
    /// names: seeing one makes the next load walk.
    #[test]
    fn ignored_names_the_loader_sees_make_the_next_load_walk() {
        for (path, walked) in [
            ("content/#anagrafe.yaml#", true),
            ("content/area/anagrafe.yaml.part", true),
            ("content/anagrafe.yaml~", false),
            ("content/4913", false),
            ("content/.anagrafe.yaml.swp", false),
            ("content/.git/x.yaml", false),
            ("content/_archivio/2025/#a.yaml#", false),
            ("themes/default/#a.yaml#", false),
        ] {
            assert!(!relevant(Path::new(path)), "{path}");
            assert_eq!(walked_by_load(Path::new(path)), walked, "{path}");
        }
    }

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify::event::{CreateKind, DataChange, RemoveKind, RenameMode};
        for (kind, expected) in [
            (EventKind::Access(AccessKind::Open(AccessMode::Any)), false),
            (EventKind::Access(AccessKind::Read), false),
            (
                EventKind::Access(AccessKind::Close(AccessMode::Read)),
                false,
            ),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)),
                false,
            ),
            (
                EventKind::Access(AccessKind::Close(AccessMode::Write)),
                true,
            ),
            (EventKind::Create(CreateKind::File), true),
            (EventKind::Modify(ModifyKind::Data(DataChange::Any)), true),
            (EventKind::Modify(ModifyKind::Name(RenameMode::Both)), true),
            (
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::WriteTime)),
                true,
            ),
            (EventKind::Remove(RemoveKind::File), true),
            (EventKind::Any, true),
        ] {
            assert_eq!(changes_content(&kind), expected, "{kind:?}");
        }
    }

    #[test]
    fn absolute_paths_outside_the_root_are_not_relevant() {
        assert!(!relevant(Path::new("/etc/passwd")));
        assert!(!relevant(Path::new("../content/a.yaml")));
    }

    /// The events inotify gives for common saves, as notify reports them
    /// (a rename within the watch: From, To, then Both with the two names).
    #[test]
    fn a_burst_keeps_the_files_the_site_has_and_knows_when_they_are_whole() {
        use notify::event::{CreateKind, DataChange, RemoveKind};
        let write = EventKind::Modify(ModifyKind::Data(DataChange::Any));
        let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
        let create = EventKind::Create(CreateKind::File);
        let from = EventKind::Modify(ModifyKind::Name(RenameMode::From));
        let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
        let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
        let remove = EventKind::Remove(RemoveKind::File);
        let (unit, tmp, other) = ("content/a.yaml", "content/sedX1b2c3", "content/b.yaml");
        let run = |events: &[(&EventKind, &[&str])]| {
            let mut b = Burst::default();
            let mut steps = Vec::new();
            for (kind, paths) in events {
                for (i, p) in paths.iter().enumerate() {
                    b.add(Path::new(p), kind, i);
                }
                steps.push(b.whole());
            }
            let changed: Vec<String> = b.changed.keys().map(|p| p.display().to_string()).collect();
            (changed, steps)
        };
        // Written in place: whole once closed.
        assert_eq!(
            run(&[(&write, &[unit]), (&closed, &[unit])]),
            (vec![unit.to_string()], vec![false, true])
        );
        // `sed -i`: a temporary file written, then renamed over the unit.
        let (changed, steps) = run(&[
            (&create, &[tmp]),
            (&write, &[tmp]),
            (&closed, &[tmp]),
            (&from, &[tmp]),
            (&to, &[unit]),
            (&both, &[tmp, unit]),
        ]);
        assert_eq!(changed, [unit]);
        assert_eq!(steps.last(), Some(&true));
        // vim: the unit renamed away to a backup (not whole: it comes back),
        // then written anew.
        assert_eq!(
            run(&[(&from, &[unit])]),
            (vec![unit.to_string()], vec![false])
        );
        assert_eq!(
            run(&[
                (&from, &[unit]),
                (&create, &[unit]),
                (&write, &[unit]),
                (&closed, &[unit])
            ])
            .1,
            [false, false, false, true]
        );
        // A unit renamed: both names changed, done.
        assert_eq!(
            run(&[(&from, &[unit]), (&to, &[other]), (&both, &[unit, other])]),
            (
                vec![unit.to_string(), other.to_string()],
                vec![false, false, true]
            )
        );
        // A unit deleted: changed, and maybe not over.
        assert_eq!(
            run(&[(&remove, &[unit])]),
            (vec![unit.to_string()], vec![false])
        );
    }
}
