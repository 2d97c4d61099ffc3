//! The site being previewed: the last good render kept in memory, the errors
//! of the latest rebuild, and the generation counter the browser compares.
//!
//! A rebuild runs the same pipeline as `build` but never writes: the result
//! replaces the snapshot in one swap, so a request sees either the old site
//! or the new one, never a mix, and a failed rebuild keeps the old site.
//!
//! A rebuild has a time budget. Tera cannot be interrupted, so the pipeline
//! runs on a thread pool of its own and the builder stops waiting for it
//! when the budget is spent: the rebuild is reported as failed (like a
//! template error: terminal and overlay), the pool is left to the stuck
//! render and the next rebuild gets a new one. Only the builder publishes
//! snapshots, so a late result is simply dropped. At most
//! [`MAX_ABANDONED`] abandoned rebuilds may still run; past that no new
//! rebuild starts (each one holds CPU) and the error says to restart.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::incremental::{Incremental, Map, Pending, Rendered};
use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::load::EnvironmentError;
use crate::pipeline::BuildOptions;

/// The time budget of a rebuild unless `--rebuild-timeout` says otherwise.
pub(crate) const DEFAULT_BUDGET: Duration = Duration::from_secs(10);
/// Abandoned rebuilds (past their budget) that may still be running.
pub(crate) const MAX_ABANDONED: usize = 2;

/// The files of a snapshot: output path -> bytes, shared with the answers.
/// After an incremental update the unit pages are here at once and the
/// rest of the site comes when the builder has rendered and checked it
/// (`rest`): a request for one of those is answered only then
/// ([`Files::lookup`] says "not yet", the server asks again while it answers
/// the others), so it never gets a file of the site before the save.
pub(crate) struct Files {
    now: Map,
    rest: Option<Arc<Rest>>,
}

/// The files of a snapshot still being completed: the whole site once
/// rendered, or (when completing it failed) the last good site, which the
/// builder publishes again at once.
#[derive(Default)]
pub(crate) struct Rest {
    done: Mutex<Option<Arc<Map>>>,
    ready: Condvar,
}

impl Rest {
    /// The whole site, when it is there.
    fn done(&self) -> Option<Arc<Map>> {
        lock(&self.done).clone()
    }

    fn fill(&self, files: Arc<Map>) {
        *lock(&self.done) = Some(files);
        self.ready.notify_all();
    }

    fn wait(&self) -> Arc<Map> {
        let mut done = lock(&self.done);
        loop {
            if let Some(f) = done.as_ref() {
                return Arc::clone(f);
            }
            done = self
                .ready
                .wait(done)
                .unwrap_or_else(std::sync::PoisonError::into_inner);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files")
            .field("now", &self.now.len())
            .field("rest", &self.rest.is_some())
            .finish()
    }
}

impl From<Map> for Files {
    fn from(now: Map) -> Self {
        Files { now, rest: None }
    }
}

/// What a snapshot has at a path, without waiting.
pub(crate) enum Lookup {
    Found(Arc<Vec<u8>>),
    Missing,
    /// The path is not among the files served at once and the rest of the
    /// site is still being rendered: ask again soon.
    NotYet,
}

impl Files {
    /// The bytes of `key`, or [`Lookup::NotYet`] while they may be among
    /// the rest of the site, not rendered yet.
    pub(crate) fn lookup(&self, key: &str) -> Lookup {
        if let Some(b) = self.now.get(key) {
            return Lookup::Found(Arc::clone(b));
        }
        let Some(rest) = &self.rest else {
            return Lookup::Missing;
        };
        match rest.done() {
            Some(all) => all
                .get(key)
                .map_or(Lookup::Missing, |b| Lookup::Found(Arc::clone(b))),
            None => Lookup::NotYet,
        }
    }

    /// Every file, waiting for the rest of the site if needed.
    pub(crate) fn all(&self) -> Arc<Map> {
        match &self.rest {
            Some(r) => r.wait(),
            None => Arc::new(self.now.clone()),
        }
    }

    /// (pages, files), waiting for the rest of the site if needed.
    fn counts(&self) -> (usize, usize) {
        let count = |m: &Map| {
            let pages = m.keys().filter(|k| crate::render::is_page(k)).count();
            (pages, m.len())
        };
        match &self.rest {
            Some(r) => count(&r.wait()),
            None => count(&self.now),
        }
    }
}

/// What the server answers from, replaced whole by every rebuild.
#[derive(Debug, Default)]
pub(crate) struct Snapshot {
    /// Changes with every rebuild that changed something the browser shows.
    pub generation: u64,
    /// The last site that built without errors (`None` until one has).
    pub files: Option<Arc<Files>>,
    /// Errors of the latest rebuild; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
}

/// The current snapshot, swapped atomically.
#[derive(Default)]
pub(crate) struct State {
    current: RwLock<Arc<Snapshot>>,
}

impl State {
    pub(crate) fn get(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(g) => Arc::clone(&g),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn set(&self, snap: Snapshot) {
        let snap = Arc::new(snap);
        match self.current.write() {
            Ok(mut g) => *g = snap,
            Err(poisoned) => *poisoned.into_inner() = snap,
        }
    }
}

/// What one rebuild did, for the terminal.
pub(crate) struct Outcome {
    /// Every problem found (errors and warnings), for the terminal.
    pub diagnostics: Diagnostics,
    /// The folder itself is unusable (no `content/`, ...).
    pub environment: Option<String>,
    /// True when the browser must reload (the site or the errors changed).
    pub changed: bool,
    pub generation: u64,
    pub pages: usize,
    pub files: usize,
    pub took: Duration,
}

impl Outcome {
    pub(crate) fn ok(&self) -> bool {
        self.environment.is_none() && !self.diagnostics.has_errors()
    }
}

/// Rebuilds sites in memory and publishes them into a [`State`].
pub(crate) struct Builder {
    state: Arc<State>,
    next_generation: u64,
    budget: Duration,
    /// The threads rebuilds run on; replaced when a rebuild is abandoned.
    pool: Option<Arc<rayon::ThreadPool>>,
    /// Abandoned rebuilds still running.
    abandoned: Arc<AtomicUsize>,
    /// The site kept between saves; replaced (everything rendered again)
    /// when a rebuild holding it is abandoned.
    incremental: Arc<Mutex<Incremental>>,
    root: PathBuf,
    opts: BuildOptions,
    /// The rest of the published snapshot, to complete ([`Builder::finish`]).
    pending: Option<Completion>,
}

/// A partial snapshot waiting for its rest, and the last good site.
struct Completion {
    pending: Pending,
    rest: Arc<Rest>,
    good: Option<Arc<Map>>,
    start: Instant,
}

/// What an update gave.
type Ran = (Diagnostics, Result<Option<Rendered>, EnvironmentError>);

const RUNNING: u8 = 0;
const FINISHED: u8 = 1;
const ABANDONED: u8 = 2;

impl Builder {
    /// `first_generation` should differ between runs of the server, so that
    /// a page served by an earlier run reloads when it reconnects.
    pub(crate) fn new(
        root: &Path,
        base_url: String,
        state: Arc<State>,
        first_generation: u64,
    ) -> Self {
        let opts = BuildOptions {
            base_url: Some(base_url),
        };
        Builder {
            state,
            next_generation: first_generation,
            budget: DEFAULT_BUDGET,
            pool: None,
            abandoned: Arc::new(AtomicUsize::new(0)),
            incremental: Arc::new(Mutex::new(Incremental::new(root, opts.clone()))),
            root: root.to_path_buf(),
            opts,
            pending: None,
        }
    }

    /// Sets the time budget of every rebuild.
    pub(crate) fn with_budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// Abandoned rebuilds still running (stuck in a template).
    pub(crate) fn abandoned(&self) -> usize {
        self.abandoned.load(Ordering::SeqCst)
    }

    /// Runs `job` on the rebuild pool and waits at most the budget.
    fn run_within_budget<T: Send + 'static>(
        &mut self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Diagnostic> {
        let stuck = self.abandoned();
        if stuck >= MAX_ABANDONED {
            return Err(diag!(
                Error,
                "serve-rebuilds-stuck",
                "themes",
                count = stuck,
                budget = secs(self.budget)
            ));
        }
        let pool = match &self.pool {
            Some(p) => Arc::clone(p),
            None => {
                let p = rayon::ThreadPoolBuilder::new()
                    .thread_name(|n| format!("serve-rebuild-{n}"))
                    .build()
                    .map_err(|e| {
                        diag!(Error, "serve-no-threads", "content", error = e.to_string())
                    })?;
                let p = Arc::new(p);
                self.pool = Some(Arc::clone(&p));
                p
            }
        };
        let (tx, rx) = mpsc::channel();
        let fate = Arc::new(AtomicU8::new(RUNNING));
        let (job_fate, abandoned) = (Arc::clone(&fate), Arc::clone(&self.abandoned));
        pool.spawn(move || {
            let _ = tx.send(job());
            if job_fate
                .compare_exchange(RUNNING, FINISHED, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
            {
                abandoned.fetch_sub(1, Ordering::SeqCst);
            }
        });
        let ran = match rx.recv_timeout(self.budget) {
            Ok(ran) => return Ok(ran),
            Err(RecvTimeoutError::Disconnected) => None,
            Err(RecvTimeoutError::Timeout) => {
                self.abandoned.fetch_add(1, Ordering::SeqCst);
                if fate
                    .compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
                    .is_ok()
                {
                    // Its threads stay busy: the next rebuild gets new ones,
                    // and renders everything (the stuck job holds the state).
                    self.pool = None;
                    self.incremental =
                        Arc::new(Mutex::new(Incremental::new(&self.root, self.opts.clone())));
                    None
                } else {
                    // It finished just now.
                    self.abandoned.fetch_sub(1, Ordering::SeqCst);
                    rx.recv().ok()
                }
            }
        };
        ran.ok_or_else(|| {
            diag!(
                Error,
                "serve-rebuild-timeout",
                "themes",
                budget = secs(self.budget)
            )
        })
    }

    pub(crate) fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// Renders the whole site again (the first build).
    pub(crate) fn rebuild(&mut self) -> Outcome {
        self.rebuild_after(&[])
    }

    /// Brings the site up to date after `changed` (paths relative to the
    /// root; empty: everything) and, if anything the browser shows changed,
    /// publishes a new snapshot. Returns when the new snapshot is in place;
    /// when only unit pages were rendered, [`Builder::finish`] completes it.
    pub(crate) fn rebuild_after(&mut self, changed: &[PathBuf]) -> Outcome {
        let start = Instant::now();
        // The previous snapshot is complete before anything else.
        self.finish();
        let old = self.state.get();
        let incremental = Arc::clone(&self.incremental);
        let changed = changed.to_vec();
        let job = move || {
            let mut diags = Diagnostics::new();
            let mut inc = lock(&incremental);
            let result = inc.update(&changed, &mut diags);
            (diags, result)
        };
        let (diags, result): Ran = match self.run_within_budget(job) {
            Ok(ran) => ran,
            Err(stopped) => {
                let mut diags = Diagnostics::new();
                diags.push(stopped);
                (diags, Ok(None))
            }
        };
        let good = old.files.as_ref().map(|f| f.all());
        let (files, errors, environment) = match result {
            Ok(Some(Rendered::Unchanged)) => (old.files.clone(), vec![], None),
            Ok(Some(Rendered::Whole(files))) => {
                let files = match (&old.files, &good) {
                    (Some(f), Some(g)) if **g == files => Arc::clone(f),
                    _ => Arc::new(Files::from(files)),
                };
                (Some(files), vec![], None)
            }
            Ok(Some(Rendered::Partial { now, pending })) => {
                let rest = Arc::new(Rest::default());
                self.pending = Some(Completion {
                    pending,
                    rest: Arc::clone(&rest),
                    good: good.clone(),
                    start,
                });
                let files = Files {
                    now,
                    rest: Some(rest),
                };
                (Some(Arc::new(files)), vec![], None)
            }
            Ok(None) => (old.files.clone(), errors_of(&diags), None),
            Err(e) => {
                let errors = vec![Diagnostic::error("content", e.0.clone())];
                (old.files.clone(), errors, Some(e.0))
            }
        };
        let outcome = self.publish(&old, files, errors, diags);
        Outcome {
            environment,
            took: start.elapsed(),
            ..outcome
        }
    }

    /// Publishes a snapshot if it differs from `old`.
    fn publish(
        &mut self,
        old: &Snapshot,
        files: Option<Arc<Files>>,
        errors: Vec<Diagnostic>,
        diags: Diagnostics,
    ) -> Outcome {
        let same_files = match (&files, &old.files) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        };
        let changed = !same_files || errors != old.errors;
        let generation = if changed {
            self.next_generation = self.next_generation.wrapping_add(1);
            self.next_generation
        } else {
            old.generation
        };
        let (pages, nfiles) = match &files {
            // A partial snapshot's pages and files: the last site's count
            // until it is complete (units added or removed aside).
            Some(f) if f.rest.is_some() => (
                old.files.as_ref().map_or(0, |o| o.counts().0),
                old.files.as_ref().map_or(0, |o| o.counts().1),
            ),
            Some(f) => f.counts(),
            None => (0, 0),
        };
        if changed {
            self.state.set(Snapshot {
                generation,
                files,
                errors,
            });
        }
        Outcome {
            diagnostics: diags,
            environment: None,
            changed,
            generation,
            pages,
            files: nfiles,
            took: Duration::ZERO,
        }
    }

    /// Completes the snapshot published by the last partial update: renders
    /// the rest of the site and checks its links, as a build does. When
    /// that fails, the last good site is published again with the errors.
    /// `None` when there was nothing to complete.
    pub(crate) fn finish(&mut self) -> Option<Outcome> {
        let Completion {
            pending,
            rest,
            good,
            start,
        } = self.pending.take()?;
        let pending = Arc::new(pending);
        let job = {
            let pending = Arc::clone(&pending);
            move || {
                let mut diags = Diagnostics::new();
                let files = pending.complete(&mut diags);
                (diags, files)
            }
        };
        let (diags, files) = match self.run_within_budget(job) {
            Ok(done) => done,
            Err(stopped) => {
                let mut diags = Diagnostics::new();
                diags.push(stopped);
                (diags, None)
            }
        };
        let old = self.state.get();
        match files {
            Some(files) => {
                rest.fill(Arc::new(files));
                let (pages, nfiles) = old.files.as_ref().map_or((0, 0), |f| f.counts());
                Some(Outcome {
                    diagnostics: diags,
                    environment: None,
                    changed: false,
                    generation: old.generation,
                    pages,
                    files: nfiles,
                    took: start.elapsed(),
                })
            }
            None => {
                // Back to the last good site, with the errors; the kept
                // state renders everything at the next save.
                *lock(&self.incremental) = Incremental::new(&self.root, self.opts.clone());
                let good_files = good.map(|g| Arc::new(Files::from((*g).clone())));
                let errors = errors_of(&diags);
                rest.fill(
                    good_files
                        .as_ref()
                        .map_or_else(Default::default, |f| f.all()),
                );
                let outcome = self.publish(&old, good_files, errors, diags);
                Some(Outcome {
                    took: start.elapsed(),
                    ..outcome
                })
            }
        }
    }
}

/// The errors of `diags`, sorted, for the overlay.
fn errors_of(diags: &Diagnostics) -> Vec<Diagnostic> {
    diags
        .sorted()
        .into_iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect()
}

/// "10 s", "1.5 s".
fn secs(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}
