//! The whole pipeline: load -> validate -> theme -> render -> link check,
//! in memory; or, for `build` ([`run_into`]), with each rendered file
//! handed to the staging folder as it is made. Shared by `build` (which
//! then publishes), `check` (which writes nothing) and `serve`. It also decides what "today" is for a build
//! ([`today`]: `SOURCE_DATE_EPOCH` when set), so every command agrees.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::editions::{self, Edition};
use crate::load::{self, EnvironmentError};
use crate::model::{Date, Site};
use crate::render::{self, Output};
use crate::theme::Theme;
use crate::{linkcheck, theme, validate};

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

/// Everything a render needs, loaded and checked without errors: the site,
/// its earlier editions, the theme and the build's date. The preview keeps
/// one to render again only what a save changed.
pub(crate) struct Prepared {
    pub site: Site,
    pub editions: Arc<Vec<Edition>>,
    pub theme: Arc<Theme>,
    pub today: Date,
    /// The warnings and notes of the earlier editions and the theme: a
    /// save that changes only units reports them again without reading them.
    pub standing: Arc<Vec<Diagnostic>>,
}

/// Runs every stage, collecting every problem into `diags`. Returns the
/// rendered site when there is no error.
pub fn run(
    root: &Path,
    opts: &BuildOptions,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, EnvironmentError> {
    run_into(root, opts, None, diags)
}

/// [`run`] handing each file to `sink` as soon as it is rendered (a build:
/// `write`'s staging folder) instead of holding it; the link check reads
/// what the output kept of each page. A file the sink failed to write is in
/// the output's [`Output::failed`](render::Output::failed).
pub(crate) fn run_into(
    root: &Path,
    opts: &BuildOptions,
    sink: Option<Arc<dyn render::Sink>>,
    diags: &mut Diagnostics,
) -> Result<Option<Built>, EnvironmentError> {
    Ok(
        run_stages(root, opts, None, sink, diags)?.map(|(p, output)| Built {
            site: p.site,
            output,
        }),
    )
}

/// [`run`] reusing the unit files parsed earlier (`cache`, see
/// [`load::ParseCache`]); the site is returned with its editions, theme and
/// date.
pub(crate) fn run_cached(
    root: &Path,
    opts: &BuildOptions,
    cache: Option<&load::ParseCache>,
    diags: &mut Diagnostics,
) -> Result<Option<(Prepared, Output)>, EnvironmentError> {
    run_stages(root, opts, cache, None, diags)
}

fn run_stages(
    root: &Path,
    opts: &BuildOptions,
    cache: Option<&load::ParseCache>,
    sink: Option<Arc<dyn render::Sink>>,
    diags: &mut Diagnostics,
) -> Result<Option<(Prepared, Output)>, EnvironmentError> {
    let mut timer = Timer::new();
    let Some(p) = prepare(root, opts, cache, diags, &mut timer)? else {
        return Ok(None);
    };
    let Some(output) = render::render(&p.site, &p.editions, &p.theme, p.today, sink, diags) else {
        return Ok(None);
    };
    timer.lap("render");
    linkcheck::report(&output, &p.site, root, diags);
    timer.lap("link check");
    if diags.has_errors() {
        return Ok(None);
    }
    Ok(Some((p, output)))
}

/// The stages before render: load -> validate, the earlier editions, the
/// theme. `None` when any of them found an error.
fn prepare(
    root: &Path,
    opts: &BuildOptions,
    cache: Option<&load::ParseCache>,
    diags: &mut Diagnostics,
    timer: &mut Timer,
) -> Result<Option<Prepared>, EnvironmentError> {
    let loaded = load::load_cached(root, cache, diags)?;
    timer.lap("load");
    let tema = loaded.config.as_ref().and_then(|c| c.tema.clone());
    let tema_at = loaded.config.as_ref().and_then(|c| c.spans.key("tema"));
    let lingua = loaded.config.as_ref().and_then(|c| c.lingua.clone());
    let lingua_at = loaded.config.as_ref().and_then(|c| c.spans.key("lingua"));
    let settings = loaded.config_source.clone();
    let today = today_of_env(diags);
    let site = validate::validate(loaded, opts.base_url.as_deref(), Some(today), diags);
    timer.lap("validate");
    // Earlier editions (content/_archivio/): the same load and validate, even
    // when the current content is broken, to report their errors too.
    let base = site.as_ref().map_or("", |s| s.config.base_url.as_str());
    let mark = diags.mark();
    let editions = editions::load_editions(root, base, diags);
    let mut standing = diags.since(mark);
    let mark = diags.mark();
    if let Some(s) = &site {
        let c = &s.config;
        let published = c.pubblicato_il.unwrap_or(c.aggiornato_il);
        editions::note_expired(&editions, published, today, diags);
    }
    timer.lap("archive");
    // Load the theme even when the content is broken, to report its errors too.
    let choice = theme::Choice {
        settings: settings.as_ref(),
        tema: tema.as_deref().map(|t| (t, tema_at)),
        lingua: lingua.as_deref().map(|l| (l, lingua_at)),
    };
    let theme = theme::load(root, choice, diags);
    timer.lap("theme");
    standing.extend(diags.since(mark));
    let (Some(site), Some(theme)) = (site, theme) else {
        return Ok(None);
    };
    if diags.has_errors() {
        return Ok(None);
    }
    Ok(Some(Prepared {
        site,
        editions: Arc::new(editions),
        theme: Arc::new(theme),
        today,
        standing: Arc::new(standing),
    }))
}

/// The date of the build (see [`today`]) as `serve` and `build` read it.
pub(crate) fn today_of_env(diags: &mut Diagnostics) -> Date {
    today(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(), diags)
}

/// The date of the build: the day of `SOURCE_DATE_EPOCH` (seconds since
/// 1970, UTC) when it is set, so that a build can be repeated byte for byte;
/// otherwise the system's date (UTC). A value that is not a number is
/// reported and the system's date used.
pub(crate) fn today(source_date_epoch: Option<&str>, diags: &mut Diagnostics) -> Date {
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    };
    let secs = match source_date_epoch.map(str::trim) {
        Some(v) if !v.is_empty() => v.parse::<i64>().unwrap_or_else(|_| {
            diags.push(diag!(
                Warning,
                "pipeline-source-date-epoch",
                "SOURCE_DATE_EPOCH",
                value = v
            ));
            now()
        }),
        _ => now(),
    };
    Date::from_days(secs.div_euclid(86_400))
}

/// Prints how long each stage took when `TRASPARENZA_TIMINGS` is set: a
/// developer's aid for profiling (see ARCHITECTURE.md), silent otherwise.
/// Each line gives the stage's wall time and the CPU time the whole process
/// spent in it (every thread, user + system): their ratio says how many
/// cores the stage kept busy, and the CPU time holds on a loaded machine.
pub(crate) struct Timer {
    last: Option<(Instant, f64)>,
}

impl Timer {
    pub(crate) fn new() -> Self {
        Timer {
            last: std::env::var_os("TRASPARENZA_TIMINGS").map(|_| (Instant::now(), cpu_seconds())),
        }
    }

    pub(crate) fn lap(&mut self, stage: &str) {
        if let Some((last, cpu)) = self.last {
            let now = cpu_seconds();
            eprintln!(
                "timing: {stage:<10} {:>8.1} ms  cpu {:>8.1} ms",
                last.elapsed().as_secs_f64() * 1e3,
                (now - cpu) * 1e3
            );
            self.last = Some((Instant::now(), now));
        }
    }
}

/// CPU time of the process so far (every thread, user + system), in
/// seconds; 0 where it cannot be read. (Also the preview's measure of a
/// completion's budget.)
pub(crate) fn cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        // SAFETY: getrusage fills the struct it is given; zeroed is a valid value of it.
        let mut u: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) } == 0 {
            let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 * 1e-6;
            return secs(u.ru_utime) + secs(u.ru_stime);
        }
    }
    0.0
}

impl Default for Timer {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(20_513).to_string(), "2026-03-01");
        assert_eq!(Date::from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(Date::from_days(-1).to_string(), "1969-12-31");
        assert_eq!(Date::from_days(-100_000).to_string(), "1900-01-01");
    }

    #[test]
    fn source_date_epoch_is_today() {
        let mut d = Diagnostics::new();
        assert_eq!(today(Some("1772323200"), &mut d).to_string(), "2026-03-01");
        assert!(!d.has_errors() && d.warning_count() == 0);
        let system = today(None, &mut d);
        assert_eq!(today(Some("ieri"), &mut d), system);
        assert_eq!(d.warning_count(), 1);
        let warning = &d.since(0)[0];
        assert_eq!(warning.code, Some("pipeline-source-date-epoch"));
        assert!(
            warning
                .message
                .starts_with("`ieri` non è un numero di secondi"),
            "{}",
            warning.message
        );
    }
}
