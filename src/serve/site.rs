//! The site being previewed: the last good render kept in memory, the errors
//! of the latest rebuild, and the generation counter the browser compares.
//!
//! A rebuild runs the same pipeline as `build` but never writes: the result
//! replaces the snapshot in one swap, so a request sees either the old site
//! or the new one, never a mix, and a failed rebuild keeps the old site.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions};

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
}

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
        }
    }

    pub fn state(&self) -> &Arc<State> {
        &self.state
    }

    /// Renders the site again and, if anything the browser shows changed,
    /// publishes a new snapshot. Returns when the new snapshot is in place.
    pub fn rebuild(&mut self) -> Outcome {
        let start = Instant::now();
        let mut diags = Diagnostics::new();
        let old = self.state.get();
        let (files, errors, environment) = match pipeline::run(&self.root, &self.opts, &mut diags) {
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
