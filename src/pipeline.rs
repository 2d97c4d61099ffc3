//! The whole pipeline in memory: load -> validate -> theme -> render -> link
//! check. Shared by `build` (which then writes), `check` (which writes
//! nothing) and `serve`.

use std::path::Path;
use std::time::Instant;

use crate::diagnostic::Diagnostics;
use crate::load::{self, EnvironmentError};
use crate::model::Site;
use crate::render::{self, Output};
use crate::{archive, linkcheck, theme, validate};

/// Options of a build that do not come from `content/`.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Replaces `base_url` of `_sito.yaml`.
    pub base_url: Option<String>,
}

/// A site rendered in memory.
pub struct Built {
    pub site: Site,
    pub output: Output,
}

/// Runs every stage, collecting every problem into `diags`. Returns the
/// rendered site when there is no error.
pub fn run(
    root: &Path,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, EnvironmentError> {
    let mut timer = Timer::new();
    let loaded = load::load(root, diags)?;
    timer.lap("load");
    let tema = loaded.config.as_ref().and_then(|c| c.tema.clone());
    let settings = loaded.config_source.clone();
    let site = validate::validate(loaded, opts.base_url.as_deref(), diags);
    timer.lap("validate");
    // Earlier editions (content/_archivio/): the same load and validate, even
    // when the current content is broken, to report their errors too.
    let base = site.as_ref().map_or("", |s| s.config.base_url.as_str());
    let editions = archive::load_editions(root, base, diags);
    if let Some(s) = &site {
        let c = &s.config;
        let published = c.pubblicato_il.unwrap_or(c.aggiornato_il);
        archive::note_expired(&editions, published, archive::today(), diags);
    }
    timer.lap("archive");
    // Load the theme even when the content is broken, to report its errors too.
    let theme = theme::load(root, tema.as_deref(), settings.as_ref(), diags);
    timer.lap("theme");
    let (Some(site), Some(theme)) = (site, theme) else {
        return Ok(None);
    };
    if diags.has_errors() {
        return Ok(None);
    }
    let Some(output) = render::archive::render_all(&site, &editions, &theme, diags) else {
        return Ok(None);
    };
    timer.lap("render");
    linkcheck::report(&output, &site, root, diags);
    timer.lap("link check");
    if diags.has_errors() {
        return Ok(None);
    }
    Ok(Some(Built { site, output }))
}

/// Prints how long each stage took when `TRASPARENZA_TIMINGS` is set: a
/// developer's aid for profiling (see ARCHITECTURE.md), silent otherwise.
pub struct Timer {
    last: Option<Instant>,
}

impl Timer {
    pub fn new() -> Self {
        Timer {
            last: std::env::var_os("TRASPARENZA_TIMINGS").map(|_| Instant::now()),
        }
    }

    pub fn lap(&mut self, stage: &str) {
        if let Some(last) = self.last {
            eprintln!(
                "timing: {stage:<10} {:>8.1} ms",
                last.elapsed().as_secs_f64() * 1e3
            );
            self.last = Some(Instant::now());
        }
    }
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}
