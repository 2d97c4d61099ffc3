//! Watching `content/` and `themes/` for changes (notify, through
//! notify-debouncer-full), and deciding which changes matter.
//!
//! [`relevant`] is a pure function of a path, table-tested: editors' swap,
//! backup and temporary files never trigger a rebuild. [`Watch::next_change`]
//! turns a burst of events (a `git checkout`, an editor's write-temp-then-rename
//! save) into one rebuild: it returns only after the file system has been
//! quiet for a moment. This module reads nothing but events; rebuilding is the
//! caller's job.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::event::{AccessKind, AccessMode, EventKind, MetadataKind, ModifyKind};
use notify::{self, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer_opt};

/// Quiet time per path before the debouncer reports it.
const DEBOUNCE: Duration = Duration::from_millis(15);
/// How often the debouncer checks for quiet paths.
const TICK: Duration = Duration::from_millis(5);
/// After a batch, how long to wait for more before rebuilding: covers the
/// gaps between the batches of one burst.
const QUIET: Duration = Duration::from_millis(15);
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

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

impl Inner {
    fn watch(&mut self, p: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.watch(p, mode),
            Inner::Poll(d) => d.watch(p, mode),
        }
    }
    fn unwatch(&mut self, p: &Path) -> notify::Result<()> {
        match self {
            Inner::Native(d) => d.unwatch(p),
            Inner::Poll(d) => d.unwatch(p),
        }
    }
}

/// A running watch on a site folder.
pub(crate) struct Watch {
    root: PathBuf,
    inner: Inner,
    events: Receiver<DebounceEventResult>,
    /// The watched folders and the identity they had when watched: a folder
    /// replaced as a whole (deleted and created again) is watched again.
    watched: Vec<(PathBuf, Option<FolderId>)>,
}

type FolderId = (u64, u64);

fn folder_id(p: &Path) -> Option<FolderId> {
    let m = std::fs::metadata(p).ok().filter(|m| m.is_dir())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        Some((0, 0))
    }
}

/// What woke the watch up.
pub(crate) struct Change {
    /// The relevant paths that changed, relative to the root, sorted.
    pub paths: Vec<PathBuf>,
    /// Problems of the watcher itself, for the terminal.
    pub errors: Vec<String>,
}

impl Watch {
    /// Starts watching `root` (an absolute path): natively, or by scanning
    /// every [`POLL_INTERVAL`] when `poll` is set.
    pub(crate) fn start(root: &Path, poll: bool) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let handler = move |r: DebounceEventResult| {
            let _ = tx.send(r);
        };
        let inner = if poll {
            Inner::Poll(new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                RecommendedCache::new(),
                // notify's poller compares modification times in whole
                // seconds: a second save within the same second would be
                // missed without comparing contents too.
                notify::Config::default()
                    .with_poll_interval(POLL_INTERVAL)
                    .with_compare_contents(true),
            )?)
        } else {
            Inner::Native(new_debouncer_opt(
                DEBOUNCE,
                Some(TICK),
                handler,
                RecommendedCache::new(),
                notify::Config::default(),
            )?)
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
                    Err(e) => errors.push(format!("cannot watch {}: {e}", dir.display())),
                }
            } else {
                self.watched.push((dir, None));
            }
        }
        errors
    }

    /// Blocks until a relevant change happened and the file system has been
    /// quiet for a moment since. `None` when the watcher stopped.
    pub(crate) fn next_change(&mut self) -> Option<Change> {
        let mut paths = BTreeSet::new();
        let mut errors = Vec::new();
        // Wait for the first relevant batch.
        loop {
            let batch = self.events.recv().ok()?;
            self.absorb(batch, &mut paths, &mut errors);
            if !paths.is_empty() {
                break;
            }
            if !errors.is_empty() {
                return Some(Change {
                    paths: vec![],
                    errors,
                });
            }
        }
        // Then let the burst finish.
        let start = Instant::now();
        while start.elapsed() < MAX_WAIT {
            match self.events.recv_timeout(QUIET) {
                Ok(batch) => self.absorb(batch, &mut paths, &mut errors),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => break,
            }
        }
        errors.extend(self.refresh());
        Some(Change {
            paths: paths.into_iter().collect(),
            errors,
        })
    }

    fn absorb(
        &self,
        batch: DebounceEventResult,
        paths: &mut BTreeSet<PathBuf>,
        errors: &mut Vec<String>,
    ) {
        match batch {
            Ok(events) => {
                for e in events.iter().filter(|e| changes_content(&e.event.kind)) {
                    for p in &e.event.paths {
                        let rel = p.strip_prefix(&self.root).unwrap_or(p);
                        if relevant(rel) {
                            paths.insert(rel.to_path_buf());
                        }
                    }
                }
            }
            Err(errs) => errors.extend(errs.into_iter().map(|e| e.to_string())),
        }
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

    #[test]
    fn reading_a_file_is_not_a_change() {
        use notify_debouncer_full::notify::event::{
            CreateKind, DataChange, RemoveKind, RenameMode,
        };
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
}
