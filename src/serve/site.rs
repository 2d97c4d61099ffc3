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
//!
//! After a save that rendered only unit pages, the rest of the site is
//! completed on threads of its own ([`Builder::start_completion`]); the
//! builder hears of
//! its end on the same channel as of the next save. A newer save never
//! waits for it: it cancels it (checked between its stages) and its own
//! rest renders everything. The last complete site is kept as its unit
//! pages and its rest to render again ([`Good`]), what a failed completion
//! falls back to; the first build runs on the completion threads, whose
//! freed memory each rest then reuses.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::incremental::{Cancelled, Incremental, Map, Pending, Rendered};
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
    now: Arc<Map>,
    rest: Option<Arc<Rest>>,
}

/// The files of a snapshot still being completed: the whole site once
/// rendered. A snapshot replaced before (a newer save, a failed completion)
/// never gets it: the server asks the current snapshot again.
#[derive(Default)]
pub(crate) struct Rest {
    done: Mutex<Option<Arc<Map>>>,
}

impl Rest {
    /// The whole site, when it is there.
    fn done(&self) -> Option<Arc<Map>> {
        lock(&self.done).clone()
    }

    fn fill(&self, files: Arc<Map>) {
        *lock(&self.done) = Some(files);
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
        Files {
            now: Arc::new(now),
            rest: None,
        }
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

    /// Every file, when the rest of the site is there.
    fn complete(&self) -> Option<Arc<Map>> {
        match &self.rest {
            Some(r) => r.done(),
            None => Some(Arc::clone(&self.now)),
        }
    }

    /// (pages, files) of a complete snapshot.
    fn counts(&self) -> (usize, usize) {
        self.complete().map_or((0, 0), |m| counts(&m))
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
    /// The threads that complete the rest of the site, beside the
    /// rebuild's, so that a save never queues behind them; replaced when a
    /// completion is abandoned.
    background: Option<Arc<rayon::ThreadPool>>,
    /// Abandoned rebuilds still running.
    abandoned: Arc<AtomicUsize>,
    /// The site kept between saves; replaced (everything rendered again)
    /// when a rebuild holding it is abandoned.
    incremental: Arc<Mutex<Incremental>>,
    root: PathBuf,
    opts: BuildOptions,
    /// The rest of the published snapshot, to complete.
    pending: Option<Completion>,
    /// Completions given up for a newer save that may still be running
    /// (until their next stage): counted as abandoned past their budget.
    stopping: Vec<Running>,
    next_completion: u64,
    /// The last complete site published, what a failed completion falls
    /// back to: its unit pages and assets, and its rest to render again
    /// (not its rest's bytes: those would be held beside the rest being
    /// rendered, the largest part of the preview's memory at 10,000 units).
    good: Option<Good>,
    /// (pages, files) of the last complete site.
    counts: (usize, usize),
    /// The changed paths of saves whose completion was given up for a
    /// newer one: the newer save's line names them too.
    carried: Vec<PathBuf>,
}

/// A site to go back to, without its rest (see [`Builder::failed`]).
struct Good {
    now: Arc<Map>,
    pending: Arc<Pending>,
}

/// A partial snapshot waiting for its rest.
struct Completion {
    pending: Arc<Pending>,
    /// The files served at once (kept as [`Good`] once complete).
    now: Arc<Map>,
    rest: Arc<Rest>,
    start: Instant,
    /// Made by the latest save, which has not said yet how to report it.
    fresh: bool,
    /// The save's changed paths and outcome, to report once the rest is
    /// there; `None`: nothing to report when it succeeds (a completion
    /// started again after a later save failed).
    report: Option<(Vec<PathBuf>, Outcome)>,
    running: Option<Running>,
}

/// A completion on the background threads.
struct Running {
    id: u64,
    cancel: Arc<AtomicBool>,
    deadline: Instant,
    /// The process's CPU time when it started.
    cpu: f64,
    fate: Arc<AtomicU8>,
}

impl Running {
    /// Whether it has spent its budget: wall time, and as much of the
    /// process's CPU time. On a machine kept busy by others its threads may
    /// wait long without running, which is no sign of a template that never
    /// ends. Not spent: the deadline moves on by the budget's CPU time
    /// still left.
    fn spent(&mut self, budget: Duration) -> bool {
        let now = Instant::now();
        if now < self.deadline {
            return false;
        }
        let used = crate::pipeline::cpu_seconds() - self.cpu;
        let left = budget.as_secs_f64() - used;
        if left > 0.0 {
            self.deadline = now + Duration::from_secs_f64(left.max(0.01));
            return false;
        }
        true
    }

    /// Asks the completion to stop at its next stage.
    fn cancel(&self) {
        self.cancel.store(true, Ordering::Release);
    }
}

/// What a completion sent when it ended (for [`Builder::completed`]).
pub(crate) struct Completed {
    id: u64,
    diags: Diagnostics,
    files: Result<Option<Map>, Cancelled>,
}

/// A completion that ended: what to report.
pub(crate) struct Finished {
    /// The changed paths of the saves this site holds.
    pub paths: Vec<PathBuf>,
    pub outcome: Outcome,
    /// Nothing to say: the rest of a site whose save was reported already.
    pub quiet: bool,
    /// The generation to reload to: a failure published the last good site.
    pub reload: Option<u64>,
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
            background: None,
            abandoned: Arc::new(AtomicUsize::new(0)),
            incremental: Arc::new(Mutex::new(Incremental::new(root, opts.clone()))),
            root: root.to_path_buf(),
            opts,
            pending: None,
            stopping: Vec::new(),
            next_completion: 0,
            good: None,
            counts: (0, 0),
            carried: Vec::new(),
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

    /// The error when too many abandoned rebuilds still run.
    fn stuck(&mut self) -> Option<Diagnostic> {
        self.prune_stopping();
        let stuck = self.abandoned();
        (stuck >= MAX_ABANDONED).then(|| {
            diag!(
                Error,
                "serve-rebuilds-stuck",
                "themes",
                count = stuck,
                budget = secs(self.budget)
            )
        })
    }

    /// Forgets the given-up completions that ended; one still running past
    /// its budget is stuck in a template: counted as abandoned, and the
    /// next completion gets new threads.
    fn prune_stopping(&mut self) {
        let budget = self.budget;
        let mut stuck = false;
        self.stopping.retain_mut(|r| {
            if r.fate.load(Ordering::SeqCst) != RUNNING {
                return false;
            }
            if !r.spent(budget) {
                return true;
            }
            let abandoned = r
                .fate
                .compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
                .is_ok();
            stuck |= abandoned;
            false
        });
        if stuck {
            self.abandoned.fetch_add(1, Ordering::SeqCst);
            self.background = None;
        }
    }

    /// Runs `job` on the rebuild pool and waits at most the budget.
    fn run_within_budget<T: Send + 'static>(
        &mut self,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Diagnostic> {
        if let Some(stuck) = self.stuck() {
            return Err(stuck);
        }
        let pool = match &self.pool {
            Some(p) => Arc::clone(p),
            None => {
                let p = new_pool("serve-rebuild")?;
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

    /// The next save walks `content/` and compares every file: the watcher
    /// may not have reported every change (it started after the first
    /// build; it saw a name it does not report but the loader reads).
    pub(crate) fn walk_again(&self) {
        lock(&self.incremental).walk_again();
    }

    /// Renders the whole site again (the first build). The threads of
    /// the rest of the site start here, so that the process has all its
    /// threads before the first save.
    pub(crate) fn rebuild(&mut self) -> Outcome {
        if self.background.is_none() {
            self.background = new_pool("serve-rest").ok();
        }
        // On the threads that complete the rest of the site: the memory
        // this build frees stays with their heaps (the preview keeps freed
        // memory), where each save's rest is rendered again.
        let saves = self.pool.take();
        self.pool = self.background.clone();
        let outcome = self.rebuild_after(&[]);
        self.pool = match saves {
            Some(p) => Some(p),
            None => new_pool("serve-rebuild").ok(),
        };
        outcome
    }

    /// Brings the site up to date after `changed` (paths relative to the
    /// root; empty: everything) and, if anything the browser shows changed,
    /// publishes a new snapshot. Returns when the new snapshot is in place;
    /// when only unit pages were rendered, the rest is completed by
    /// [`Builder::start_completion`] (or [`Builder::finish`]).
    ///
    /// The rest of an earlier save still being completed is given up (this
    /// save's rest renders it again), never waited for; when this save
    /// publishes no new site (an error, nothing changed), that rest is
    /// completed again.
    pub(crate) fn rebuild_after(&mut self, changed: &[PathBuf]) -> Outcome {
        let start = Instant::now();
        let superseded = self.pending.take().map(|mut c| {
            if let Some(r) = c.running.take() {
                r.cancel();
                self.stopping.push(r);
            }
            c
        });
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
        let mut new_site = true;
        let (files, errors, environment) = match result {
            Ok(Some(Rendered::Unchanged)) => {
                new_site = false;
                (old.files.clone(), vec![], None)
            }
            Ok(Some(Rendered::Whole(files))) => {
                let files = match &old.files {
                    Some(f) if f.complete().is_some_and(|g| *g == files) => Arc::clone(f),
                    _ => Arc::new(Files::from(files)),
                };
                self.good = lock(&self.incremental).kept().map(|(now, pending)| Good {
                    now: Arc::new(now),
                    pending: Arc::new(pending),
                });
                self.counts = files.counts();
                (Some(files), vec![], None)
            }
            Ok(Some(Rendered::Partial { now, pending })) => {
                let rest = Arc::new(Rest::default());
                let now = Arc::new(now);
                self.pending = Some(Completion {
                    pending: Arc::new(pending),
                    now: Arc::clone(&now),
                    rest: Arc::clone(&rest),
                    start,
                    fresh: true,
                    report: None,
                    running: None,
                });
                let files = Files {
                    now,
                    rest: Some(rest),
                };
                (Some(Arc::new(files)), vec![], None)
            }
            Ok(None) => {
                new_site = false;
                (old.files.clone(), errors_of(&diags), None)
            }
            Err(e) => {
                new_site = false;
                let errors = vec![Diagnostic::error("content", e.0.clone())];
                (old.files.clone(), errors, Some(e.0))
            }
        };
        if let Some(mut c) = superseded {
            if let Some((paths, _)) = c.report.take() {
                self.carried.extend(paths);
            }
            if !new_site {
                // The published snapshot is still that save's: its rest
                // is completed again.
                c.fresh = false;
                self.pending = Some(c);
            }
        }
        let outcome = self.publish(&old, files, errors, diags);
        Outcome {
            environment,
            took: start.elapsed(),
            ..outcome
        }
    }

    /// After [`Builder::rebuild_after`]: the paths and outcome to report
    /// now, or `None` when they are reported once the rest of the site is
    /// there ([`Builder::completed`]). The paths of saves whose rest was
    /// given up are named with this save's.
    pub(crate) fn report_later(
        &mut self,
        changed: &[PathBuf],
        outcome: Outcome,
    ) -> Option<(Vec<PathBuf>, Outcome)> {
        let mut paths = std::mem::take(&mut self.carried);
        paths.extend(changed.iter().cloned());
        paths.sort();
        paths.dedup();
        match &mut self.pending {
            Some(c) if c.fresh => {
                c.fresh = false;
                c.report = Some((paths, outcome));
                None
            }
            _ => Some((paths, outcome)),
        }
    }

    /// When the running completion's budget ends; while the next waits for
    /// a given-up one to stop, when that one's does.
    pub(crate) fn deadline(&self) -> Option<Instant> {
        match &self.pending.as_ref()?.running {
            Some(r) => Some(r.deadline),
            None => self.stopping.iter().map(|r| r.deadline).min(),
        }
    }

    /// Starts completing the published snapshot on the background threads,
    /// if it waits for its rest and is not being completed; `done` gets
    /// what it gave, for [`Builder::completed`]. Not while a completion
    /// given up for a newer save still runs (until its next stage): one
    /// rest at a time holds memory and processor; call again when that one
    /// has ended (its [`Completed`], or its [`Builder::deadline`]).
    pub(crate) fn start_completion(&mut self, done: impl FnOnce(Completed) + Send + 'static) {
        let stuck = self.stuck();
        let Some(c) = &mut self.pending else {
            return;
        };
        if c.running.is_some() || !self.stopping.is_empty() {
            return;
        }
        self.next_completion += 1;
        let id = self.next_completion;
        let cancel = Arc::new(AtomicBool::new(false));
        let fate = Arc::new(AtomicU8::new(RUNNING));
        c.running = Some(Running {
            id,
            cancel: Arc::clone(&cancel),
            deadline: Instant::now() + self.budget,
            cpu: crate::pipeline::cpu_seconds(),
            fate: Arc::clone(&fate),
        });
        let pool = match (stuck, &self.background) {
            (Some(d), _) => Err(d),
            (None, Some(p)) => Ok(Arc::clone(p)),
            (None, None) => new_pool("serve-rest").inspect(|p| {
                self.background = Some(Arc::clone(p));
            }),
        };
        let pool = match pool {
            Ok(p) => p,
            Err(d) => {
                fate.store(FINISHED, Ordering::SeqCst);
                let mut diags = Diagnostics::new();
                diags.push(d);
                done(Completed {
                    id,
                    diags,
                    files: Ok(None),
                });
                return;
            }
        };
        let pending = Arc::clone(&c.pending);
        let abandoned = Arc::clone(&self.abandoned);
        pool.spawn(move || {
            let mut diags = Diagnostics::new();
            let files = pending.complete_unless(&cancel, &mut diags);
            if fate
                .compare_exchange(RUNNING, FINISHED, Ordering::SeqCst, Ordering::SeqCst)
                .is_err()
            {
                abandoned.fetch_sub(1, Ordering::SeqCst);
            }
            done(Completed { id, diags, files });
        });
    }

    /// Takes in what a completion gave: the whole site is served, or (when
    /// completing it failed) the last good site again with the errors.
    /// `None` for a completion given up for a newer save.
    pub(crate) fn completed(&mut self, done: Completed) -> Option<Finished> {
        let current = self
            .pending
            .as_ref()
            .and_then(|c| c.running.as_ref())
            .is_some_and(|r| r.id == done.id);
        if !current {
            return None;
        }
        let c = self.pending.take()?;
        match done.files {
            Ok(Some(files)) => {
                let files = Arc::new(files);
                c.rest.fill(Arc::clone(&files));
                self.counts = counts(&files);
                self.good = Some(Good {
                    now: Arc::clone(&c.now),
                    pending: Arc::clone(&c.pending),
                });
                let (pages, nfiles) = self.counts;
                let (paths, outcome, quiet) = match c.report {
                    Some((paths, o)) => (
                        paths,
                        Outcome {
                            pages,
                            files: nfiles,
                            ..o
                        },
                        false,
                    ),
                    None => (
                        vec![],
                        Outcome {
                            diagnostics: done.diags,
                            environment: None,
                            changed: false,
                            generation: self.state.get().generation,
                            pages,
                            files: nfiles,
                            took: c.start.elapsed(),
                        },
                        true,
                    ),
                };
                Some(Finished {
                    paths,
                    outcome,
                    quiet,
                    reload: None,
                })
            }
            Ok(None) => Some(self.failed(c, done.diags)),
            // Only a newer save cancels, and it takes the completion first.
            Err(Cancelled) => None,
        }
    }

    /// The running completion's budget ended (see [`Builder::deadline`]):
    /// it is abandoned and the last good site published with the error.
    /// `None` when it has just finished (its result is on its way), or has
    /// not spent the budget's CPU time yet (its deadline moved on).
    pub(crate) fn timed_out(&mut self) -> Option<Finished> {
        let budget = self.budget;
        let r = self.pending.as_mut()?.running.as_mut()?;
        if !r.spent(budget) {
            return None;
        }
        if r.fate
            .compare_exchange(RUNNING, ABANDONED, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            return None;
        }
        r.cancel();
        self.abandoned.fetch_add(1, Ordering::SeqCst);
        self.background = None;
        let c = self.pending.take()?;
        let mut diags = Diagnostics::new();
        diags.push(diag!(
            Error,
            "serve-rebuild-timeout",
            "themes",
            budget = secs(self.budget)
        ));
        Some(self.failed(c, diags))
    }

    /// Completing `c` failed: back to the last good site, with the errors;
    /// the kept state renders everything at the next save. That site's
    /// unit pages are served at once, its rest once rendered again (a
    /// completion that reports nothing; see [`Builder::start_completion`]).
    fn failed(&mut self, c: Completion, diags: Diagnostics) -> Finished {
        *lock(&self.incremental) = Incremental::new(&self.root, self.opts.clone());
        // The good site's own rest failed (it cannot, as it did not
        // before): its unit pages alone, rather than trying again for ever.
        let again = self
            .good
            .as_ref()
            .is_some_and(|g| Arc::ptr_eq(&g.pending, &c.pending));
        let good_files = self.good.as_ref().map(|g| {
            let rest = Arc::new(Rest::default());
            if again {
                rest.fill(Arc::clone(&g.now));
                return Arc::new(Files {
                    now: Arc::clone(&g.now),
                    rest: Some(rest),
                });
            }
            self.pending = Some(Completion {
                pending: Arc::clone(&g.pending),
                now: Arc::clone(&g.now),
                rest: Arc::clone(&rest),
                start: Instant::now(),
                fresh: false,
                report: None,
                running: None,
            });
            Arc::new(Files {
                now: Arc::clone(&g.now),
                rest: Some(rest),
            })
        });
        let errors = errors_of(&diags);
        let old = self.state.get();
        let outcome = self.publish(&old, good_files, errors, diags);
        Finished {
            paths: c.report.map(|(p, _)| p).unwrap_or_default(),
            reload: outcome.changed.then_some(outcome.generation),
            outcome: Outcome {
                took: c.start.elapsed(),
                ..outcome
            },
            quiet: false,
        }
    }

    /// Completes the snapshot published by the last partial update and
    /// waits for it (see [`Builder::start_completion`]). `None` when there
    /// was nothing to complete.
    #[cfg(test)]
    pub(crate) fn finish(&mut self) -> Option<Outcome> {
        self.pending.as_ref()?;
        let (tx, rx) = mpsc::channel();
        self.start_completion(move |done| {
            let _ = tx.send(done);
        });
        loop {
            let left = self.deadline()?.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(done) => return self.completed(done).map(|f| f.outcome),
                Err(RecvTimeoutError::Timeout) => {
                    if let Some(f) = self.timed_out() {
                        return Some(f.outcome);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return None,
            }
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
        // A partial snapshot's pages and files: the last complete site's
        // until it is complete (units added or removed aside).
        let (pages, nfiles) = if files.is_some() { self.counts } else { (0, 0) };
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
}

/// A thread pool for rebuilds.
fn new_pool(name: &'static str) -> Result<Arc<rayon::ThreadPool>, Diagnostic> {
    rayon::ThreadPoolBuilder::new()
        .thread_name(move |n| format!("{name}-{n}"))
        .build()
        .map(Arc::new)
        .map_err(|e| diag!(Error, "serve-no-threads", "content", error = e.to_string()))
}

/// (pages, files) of a complete site.
fn counts(m: &Map) -> (usize, usize) {
    let pages = m.keys().filter(|k| crate::render::is_page(k)).count();
    (pages, m.len())
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
