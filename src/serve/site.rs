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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::EnvironmentError;
use crate::pipeline::{self, BuildOptions, Built};

/// The time budget of a rebuild unless `--rebuild-timeout` says otherwise.
pub const DEFAULT_BUDGET: Duration = Duration::from_secs(10);
/// Abandoned rebuilds (past their budget) that may still be running.
pub const MAX_ABANDONED: usize = 2;

/// Output path -> bytes, shared between the snapshot and the answers.
pub type Files = BTreeMap<String, Arc<Vec<u8>>>;

/// What the server answers from, replaced whole by every rebuild.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Changes with every rebuild that changed something the browser shows.
    pub generation: u64,
    /// The last site that built without errors (`None` until one has).
    pub files: Option<Arc<Files>>,
    /// Errors of the latest rebuild; empty when it succeeded.
    pub errors: Vec<Diagnostic>,
}

/// The current snapshot, swapped atomically.
#[derive(Default)]
pub struct State {
    current: RwLock<Arc<Snapshot>>,
}

impl State {
    pub fn get(&self) -> Arc<Snapshot> {
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
pub struct Outcome {
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
    pub fn ok(&self) -> bool {
        self.environment.is_none() && !self.diagnostics.has_errors()
    }
}

/// Rebuilds sites in memory and publishes them into a [`State`].
pub struct Builder {
    root: PathBuf,
    opts: BuildOptions,
    state: Arc<State>,
    next_generation: u64,
    budget: Duration,
    /// The threads rebuilds run on; replaced when a rebuild is abandoned.
    pool: Option<Arc<rayon::ThreadPool>>,
    /// Abandoned rebuilds still running.
    abandoned: Arc<AtomicUsize>,
}

/// What running the pipeline within the budget gave.
type Ran = (Diagnostics, Result<Option<Built>, EnvironmentError>);

const RUNNING: u8 = 0;
const FINISHED: u8 = 1;
const ABANDONED: u8 = 2;

impl Builder {
    /// `first_generation` should differ between runs of the server, so that
    /// a page served by an earlier run reloads when it reconnects.
    pub fn new(root: &Path, base_url: String, state: Arc<State>, first_generation: u64) -> Self {
        Builder {
            root: root.to_path_buf(),
            opts: BuildOptions {
                base_url: Some(base_url),
            },
            state,
            next_generation: first_generation,
            budget: DEFAULT_BUDGET,
            pool: None,
            abandoned: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// Sets the time budget of every rebuild.
    pub fn with_budget(mut self, budget: Duration) -> Self {
        self.budget = budget;
        self
    }

    /// Abandoned rebuilds still running (stuck in a template).
    pub fn abandoned(&self) -> usize {
        self.abandoned.load(Ordering::SeqCst)
    }

    /// Runs the pipeline on the rebuild pool and waits at most the budget.
    fn run_within_budget(&mut self) -> Result<Ran, Diagnostic> {
        let stuck = self.abandoned();
        if stuck >= MAX_ABANDONED {
            return Err(Diagnostic::error(
                "themes",
                format!(
                    "not rebuilt: {stuck} earlier rebuilds are still running past their time budget of {}, each using a processor",
                    secs(self.budget)
                ),
            )
            .with_hint("fix the template that never ends, then stop `trasparenza serve` (Ctrl-C) and start it again"));
        }
        let pool = match &self.pool {
            Some(p) => Arc::clone(p),
            None => {
                let p = rayon::ThreadPoolBuilder::new()
                    .thread_name(|n| format!("serve-rebuild-{n}"))
                    .build()
                    .map_err(|e| {
                        Diagnostic::error(
                            "content",
                            format!("cannot start the rebuild threads: {e}"),
                        )
                    })?;
                let p = Arc::new(p);
                self.pool = Some(Arc::clone(&p));
                p
            }
        };
        let (tx, rx) = mpsc::channel();
        let (root, opts) = (self.root.clone(), self.opts.clone());
        let fate = Arc::new(AtomicU8::new(RUNNING));
        let (job_fate, abandoned) = (Arc::clone(&fate), Arc::clone(&self.abandoned));
        pool.spawn(move || {
            let mut diags = Diagnostics::new();
            let result = pipeline::run(&root, &opts, &mut diags);
            let _ = tx.send((diags, result));
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
                    // Its threads stay busy: the next rebuild gets new ones.
                    self.pool = None;
                    None
                } else {
                    // It finished just now.
                    self.abandoned.fetch_sub(1, Ordering::SeqCst);
                    rx.recv().ok()
                }
            }
        };
        ran.ok_or_else(|| {
            Diagnostic::error(
                "themes",
                format!(
                    "the rebuild took longer than {} and was stopped: a template may never end (a loop over a huge range, loops nested too deep)",
                    secs(self.budget)
                ),
            )
            .with_hint("fix the template and save: the next save rebuilds; for a very large catalogue raise the limit with `serve --rebuild-timeout SECONDS`")
        })
    }

    pub fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// Renders the site again and, if anything the browser shows changed,
    /// publishes a new snapshot. Returns when the new snapshot is in place.
    pub fn rebuild(&mut self) -> Outcome {
        let start = Instant::now();
        let old = self.state.get();
        let (diags, result) = match self.run_within_budget() {
            Ok(ran) => ran,
            Err(stopped) => {
                let mut diags = Diagnostics::new();
                diags.push(stopped);
                (diags, Ok(None))
            }
        };
        let (files, errors, environment) = match result {
            Ok(Some(built)) => {
                let files: Files = built
                    .output
                    .files
                    .into_iter()
                    .map(|(k, v)| (k, Arc::new(v)))
                    .collect();
                let files = match &old.files {
                    Some(f) if **f == files => Arc::clone(f),
                    _ => Arc::new(files),
                };
                (Some(files), vec![], None)
            }
            Ok(None) => {
                let errors: Vec<Diagnostic> = diags
                    .sorted()
                    .into_iter()
                    .filter(|d| d.is_error())
                    .cloned()
                    .collect();
                (old.files.clone(), errors, None)
            }
            Err(e) => {
                let errors = vec![Diagnostic::error("content", e.0.clone())];
                (old.files.clone(), errors, Some(e.0))
            }
        };
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
        let pages = files
            .as_ref()
            .map(|f| f.keys().filter(|k| crate::render::is_page(k)).count())
            .unwrap_or(0);
        let nfiles = files.as_ref().map(|f| f.len()).unwrap_or(0);
        if changed {
            self.state.set(Snapshot {
                generation,
                files,
                errors,
            });
        }
        Outcome {
            diagnostics: diags,
            environment,
            changed,
            generation,
            pages,
            files: nfiles,
            took: start.elapsed(),
        }
    }
}

/// "10 s", "1.5 s".
fn secs(d: Duration) -> String {
    format!("{} s", d.as_secs_f64())
}
