//! The preview's incremental update: what a save must render again.
//!
//! The preview keeps the last site it rendered ([`Incremental`]): the parsed
//! unit files (`load::ParseCache`), the checked site with its editions,
//! theme and date, and every unit page. A save under `content/` (outside
//! `_archivio/`, [`seen_by_load`]) is loaded with the cache (only changed
//! texts are parsed) and validated whole; when only units changed, only the
//! unit pages that depend on the change are rendered ([`dirty_units`], the
//! one place of the dependency rules). Everything else (home, table, search,
//! open data, search index, extra pages, archive, sitemap) is rendered by
//! the same `render::render_with` as a build, with the unit pages left as
//! placeholders, when [`Pending::complete`] runs: after the
//! reload event, together with the link check of the whole site, given up
//! between its stages when a newer save comes ([`Pending::complete_unless`]).
//! The load of a save looks only at the paths the watcher reported
//! (`load::ParseCache::changed`). Any other
//! change (`_sito.yaml`, `_index.md`, an extra page, `_archivio/`, the
//! theme, a new day) renders everything, as `build` does.
//!
//! Rendering never differs from a build's: the same functions render the
//! same pages; `tests/testsuite/serve.rs` checks that a random sequence of
//! edits gives, byte for byte, what a full build of the same files gives.

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crate::diagnostic::Diagnostics;
use crate::load::{self, EnvironmentError, ParseCache};
use crate::model::{Site, Unit};
use crate::pipeline::{self, BuildOptions, Prepared};
use crate::render::{self, Output, Units};
use crate::views;
use crate::{linkcheck, validate};

/// Output path -> bytes.
pub type Map = BTreeMap<String, Arc<Vec<u8>>>;

/// What the preview keeps between saves.
pub struct Incremental {
    root: PathBuf,
    opts: BuildOptions,
    cache: ParseCache,
    last: Option<Last>,
}

/// The last site rendered without errors in its unit pages.
struct Last {
    prepared: Arc<Prepared>,
    /// Every unit page of `prepared.site`, by output path.
    pages: Arc<Map>,
    /// The theme's static files as published (`assets/...`).
    assets: Arc<Map>,
    /// The theme may show catalogue totals on unit pages.
    totals_on_unit_pages: bool,
    /// Whether this site passed its whole check (the link check runs in
    /// [`Pending::complete`], after the unit pages): until it has, a save
    /// that changes nothing still checks again, so a broken link is never
    /// taken for a good site.
    checked: Arc<AtomicBool>,
}

/// What an update rendered.
pub enum Rendered {
    /// Every file, checked (the whole pipeline ran).
    Whole(Map),
    /// The unit pages and assets now; the rest with [`Pending::complete`].
    Partial {
        /// The files to serve now.
        now: Map,
        /// The rest of the site, to complete after the reload event.
        pending: Pending,
    },
    /// The files are exactly the last site's.
    Unchanged,
}

/// The catalogue-wide files of a partial update, not rendered yet.
pub struct Pending {
    root: PathBuf,
    prepared: Arc<Prepared>,
    pages: Arc<Map>,
    checked: Arc<AtomicBool>,
}

/// A completion stopped by [`Pending::complete_unless`]'s flag.
#[derive(Debug)]
pub struct Cancelled;

impl Pending {
    /// Renders everything but the unit pages, puts the unit pages in their
    /// place and checks every link, as a build does: the whole site, or
    /// `None` with the problems in `diags`.
    pub fn complete(&self, diags: &mut Diagnostics) -> Option<Map> {
        // Never cancelled: its flag is never set.
        self.complete_unless(&AtomicBool::new(false), diags)
            .unwrap_or_default()
    }

    /// [`Pending::complete`], given up between its stages once `cancelled`
    /// is set (a newer save renders the site again): `Err(Cancelled)`, and
    /// this site is not marked as checked.
    pub fn complete_unless(
        &self,
        cancelled: &AtomicBool,
        diags: &mut Diagnostics,
    ) -> Result<Option<Map>, Cancelled> {
        let stop = || {
            if cancelled.load(Ordering::Acquire) {
                Err(Cancelled)
            } else {
                Ok(())
            }
        };
        stop()?;
        stall_for_tests(cancelled)?;
        let mut timer = pipeline::Timer::new();
        let p = &*self.prepared;
        let Some(mut out) = render::render_with(
            &p.site,
            &p.editions,
            &p.theme,
            p.today,
            Units::Placeholders,
            diags,
        ) else {
            return Ok(None);
        };
        timer.lap("rest");
        stop()?;
        // The link check reads every page: the kept unit pages are copied
        // in for it, then the copies give way to the shared pages.
        for (path, bytes) in self.pages.iter() {
            out.add(path.clone(), bytes.to_vec());
        }
        linkcheck::report(&out, &p.site, &self.root, diags);
        timer.lap("link check");
        stop()?;
        if diags.has_errors() {
            return Ok(None);
        }
        let mut files = shared(out);
        for (path, bytes) in self.pages.iter() {
            files.insert(path.clone(), Arc::clone(bytes));
        }
        self.checked.store(true, Ordering::Release);
        Ok(Some(files))
    }
}

/// Debug builds only (the integration tests run one): the first
/// completion of the process waits `TRASPARENZA_TEST_STALL_MS` first, or
/// until cancelled, so that a test can save again while the rest of the
/// site of a save is still being completed, whatever the machine's speed.
fn stall_for_tests(cancelled: &AtomicBool) -> Result<(), Cancelled> {
    static STALLED: AtomicBool = AtomicBool::new(false);
    if !cfg!(debug_assertions) || STALLED.swap(true, Ordering::AcqRel) {
        return Ok(());
    }
    let Some(ms) = std::env::var("TRASPARENZA_TEST_STALL_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    else {
        return Ok(());
    };
    let until = std::time::Instant::now() + std::time::Duration::from_millis(ms);
    while std::time::Instant::now() < until {
        if cancelled.load(Ordering::Acquire) {
            return Err(Cancelled);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Ok(())
}

fn shared(out: Output) -> Map {
    out.files
        .into_iter()
        .map(|(k, v)| (k, Arc::new(v)))
        .collect()
}

impl Incremental {
    /// Nothing rendered yet for the site at `root`.
    pub fn new(root: &Path, opts: BuildOptions) -> Self {
        Incremental {
            root: root.to_path_buf(),
            opts,
            cache: ParseCache::default(),
            last: None,
        }
    }

    /// The last site rendered, as a partial one: its unit pages and assets,
    /// and its rest to render again (the preview keeps this instead of the
    /// rest's bytes as the site to go back to when a later one fails).
    pub(crate) fn kept(&self) -> Option<(Map, Pending)> {
        let last = self.last.as_ref()?;
        let mut now: Map = (*last.assets).clone();
        now.extend(last.pages.iter().map(|(k, v)| (k.clone(), Arc::clone(v))));
        let pending = Pending {
            root: self.root.clone(),
            prepared: Arc::clone(&last.prepared),
            pages: Arc::clone(&last.pages),
            checked: Arc::clone(&last.checked),
        };
        Some((now, pending))
    }

    /// The next load walks `content/` and compares every file (see
    /// `load::ParseCache`): changes may have been missed.
    pub fn walk_again(&self) {
        self.cache.walk_again();
    }

    /// Brings the site up to date after `changed` (paths relative to the
    /// root, every path changed since the last update; empty: render
    /// everything). `Ok(None)`: errors, in `diags`.
    pub fn update(
        &mut self,
        changed: &[PathBuf],
        diags: &mut Diagnostics,
    ) -> Result<Option<Rendered>, EnvironmentError> {
        // What the watcher saw change is read again, whatever its time;
        // the load looks at those paths alone when it can.
        self.cache.changed(changed);
        // A full render reads the date again (and reports it once).
        let mut dated = Diagnostics::new();
        let today = pipeline::today_of_env(&mut dated);
        let units_only = !changed.is_empty() && changed.iter().all(|p| seen_by_load(p));
        match self.last.take() {
            Some(last) if units_only && last.prepared.today == today => {
                diags.extend(dated.into_vec());
                let result = self.units(&last, diags);
                if !matches!(result, Ok(Some(_))) {
                    self.last = Some(last);
                }
                result
            }
            _ => self.whole(diags),
        }
    }

    /// The whole pipeline, with the parse cache.
    fn whole(&mut self, diags: &mut Diagnostics) -> Result<Option<Rendered>, EnvironmentError> {
        let Some((prepared, out)) =
            pipeline::run_cached(&self.root, &self.opts, Some(&self.cache), diags)?
        else {
            return Ok(None);
        };
        let files = shared(out);
        let pages: Map = prepared
            .site
            .units
            .iter()
            .filter_map(|u| {
                let path = render::unit_page_path(&u.slug);
                files.get(&path).map(|b| (path, Arc::clone(b)))
            })
            .collect();
        let totals_on_unit_pages = custom_templates(&self.root, &prepared.site);
        self.last = Some(Last {
            prepared: Arc::new(prepared),
            pages: Arc::new(pages),
            assets: Arc::new(assets(&files)),
            totals_on_unit_pages,
            checked: Arc::new(AtomicBool::new(true)),
        });
        Ok(Some(Rendered::Whole(files)))
    }

    /// [`Incremental::whole`] after a load whose problems are in `diags`:
    /// the full render finds them again, so they are reported once.
    fn whole_again(
        &mut self,
        diags: &mut Diagnostics,
    ) -> Result<Option<Rendered>, EnvironmentError> {
        *diags = Diagnostics::new();
        self.whole(diags)
    }

    /// Files under `content/` changed: load them (cached) and validate the
    /// site; when only units changed, render the unit pages that depend on
    /// the change, else everything.
    fn units(
        &mut self,
        last: &Last,
        diags: &mut Diagnostics,
    ) -> Result<Option<Rendered>, EnvironmentError> {
        let mut timer = pipeline::Timer::new();
        let loaded = load::load_cached(&self.root, Some(&self.cache), diags)?;
        timer.lap("load");
        let validated = validate::validate(
            loaded,
            self.opts.base_url.as_deref(),
            Some(last.prepared.today),
            diags,
        );
        timer.lap("validate");
        let old = &last.prepared;
        // What the editions and the theme said, as a full build says it,
        // also when this save has errors.
        diags.extend(old.standing.iter().cloned());
        let Some(site) = validated.filter(|_| !diags.has_errors()) else {
            return Ok(None);
        };
        let Some(dirty) = dirty_units(&old.site, &site, last.totals_on_unit_pages) else {
            // A change every unit page shows: render everything.
            return self.whole_again(diags);
        };
        let same_units = old.site.units.len() == site.units.len()
            && old
                .site
                .units
                .iter()
                .zip(&site.units)
                .all(|(a, b)| same_unit(a, b));
        if dirty.is_empty() && same_units && last.checked.load(Ordering::Acquire) {
            self.last = Some(Last {
                prepared: Arc::clone(&last.prepared),
                pages: Arc::clone(&last.pages),
                assets: Arc::clone(&last.assets),
                totals_on_unit_pages: last.totals_on_unit_pages,
                checked: Arc::clone(&last.checked),
            });
            return Ok(Some(Rendered::Unchanged));
        }
        let mut rendered: HashMap<String, Vec<u8>> = HashMap::new();
        for page in render::unit_pages(&site, &old.editions, &old.theme, old.today, &dirty) {
            match page {
                Ok((path, html)) => {
                    rendered.insert(path, html.into_bytes());
                }
                Err(d) => diags.push(d),
            }
        }
        timer.lap("unit pages");
        if diags.has_errors() {
            return Ok(None);
        }
        let mut pages = Map::new();
        for u in &site.units {
            let path = render::unit_page_path(&u.slug);
            let bytes = match rendered.remove(&path) {
                Some(b) => Arc::new(b),
                // Not dirty: the unit was there, with the same page.
                None => match last.pages.get(&path) {
                    Some(b) => Arc::clone(b),
                    None => return self.whole_again(diags),
                },
            };
            pages.insert(path, bytes);
        }
        let pages = Arc::new(pages);
        let prepared = Arc::new(Prepared {
            site,
            editions: Arc::clone(&old.editions),
            theme: Arc::clone(&old.theme),
            today: old.today,
            standing: Arc::clone(&old.standing),
        });
        let mut now: Map = (*last.assets).clone();
        now.extend(pages.iter().map(|(k, v)| (k.clone(), Arc::clone(v))));
        let checked = Arc::new(AtomicBool::new(false));
        self.last = Some(Last {
            prepared: Arc::clone(&prepared),
            pages: Arc::clone(&pages),
            assets: Arc::clone(&last.assets),
            totals_on_unit_pages: last.totals_on_unit_pages,
            checked: Arc::clone(&checked),
        });
        Ok(Some(Rendered::Partial {
            now,
            pending: Pending {
                root: self.root.clone(),
                prepared,
                pages,
                checked,
            },
        }))
    }
}

/// The published static files of the theme.
fn assets(files: &Map) -> Map {
    files
        .range(render::ASSETS_DIR.to_string()..)
        .take_while(|(k, _)| k.starts_with(render::ASSETS_DIR))
        .map(|(k, v)| (k.clone(), Arc::clone(v)))
        .collect()
}

/// True when the site has templates of its own (`themes/<tema>/templates/`):
/// they may show anything of `site` on a unit page.
fn custom_templates(root: &Path, site: &Site) -> bool {
    let tema = site.config.tema.as_deref().unwrap_or(crate::theme::DEFAULT);
    std::fs::read_dir(root.join("themes").join(tema).join("templates"))
        .map(|mut d| d.next().is_some())
        .unwrap_or(false)
}

/// A path (relative to the root) whose change the incremental path sees:
/// anything under `content/` but the archive. Such a save is loaded again
/// whole (every file the loader reads: units, extra pages, `_sito.yaml`,
/// `_index.md`; anything else there, such as an editor's or `sed -i`'s
/// temporary file, is not read) and [`dirty_units`] falls back to a full
/// render when it changed more than units. The archive, the theme and
/// `content/` itself (events were lost) render everything.
pub(crate) fn seen_by_load(rel: &Path) -> bool {
    let mut parts = rel.components();
    if parts.next() != Some(Component::Normal("content".as_ref())) {
        return false;
    }
    match parts.next() {
        Some(Component::Normal(first)) => first != "_archivio",
        _ => false,
    }
}

/// The dependency rules: the indices (in `new`'s catalogue order) of the
/// unit pages that differ between `old` and `new`, or `None` when every
/// page may (a value every unit page shows changed).
///
/// A unit page shows its unit, its neighbours' names and addresses
/// (`precedente`, `successiva`), and the site-wide values: `_sito.yaml`,
/// the extra pages (navigation), `elenco_parziale`, and the catalogue's
/// totals. The built-in templates show only `totali.comuni` (from
/// `_sito.yaml`) on unit pages, so other totals count only when the site
/// has templates of its own (`totals_shown`).
pub(crate) fn dirty_units(old: &Site, new: &Site, totals_shown: bool) -> Option<Vec<usize>> {
    if old.config != new.config || old.pages != new.pages || old.intro != new.intro {
        return None;
    }
    let partial = |s: &Site| s.units.iter().any(|u| u.altre_attivita.is_some());
    if partial(old) != partial(new) {
        return None;
    }
    if totals_shown && views::totals(old) != views::totals(new) {
        return None;
    }
    let at: HashMap<&str, usize> = old
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.slug.as_str(), i))
        .collect();
    let key = |units: &[Arc<Unit>], i: Option<usize>| {
        i.and_then(|i| units.get(i))
            .map(|u| (u.slug.clone(), u.nome.clone()))
    };
    let dirty = new
        .units
        .iter()
        .enumerate()
        .filter(|(i, u)| match at.get(u.slug.as_str()) {
            None => true,
            Some(&j) => {
                !same_unit(&old.units[j], u)
                    || key(&new.units, i.checked_sub(1)) != key(&old.units, j.checked_sub(1))
                    || key(&new.units, Some(i + 1)) != key(&old.units, Some(j + 1))
            }
        })
        .map(|(i, _)| i)
        .collect();
    Some(dirty)
}

/// Whether two units are the same: the same parse (the cache shares it),
/// or equal.
fn same_unit(a: &Arc<Unit>, b: &Arc<Unit>) -> bool {
    Arc::ptr_eq(a, b) || **a == **b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_content_outside_the_archive_takes_the_incremental_path() {
        for (path, incremental) in [
            ("content/anagrafe.yaml", true),
            ("content/area/anagrafe.yml", true),
            ("content/area", true),
            // `sed -i` writes a temporary file and renames it.
            ("content/area/sedzqXSFM", true),
            ("content/_sito.yaml", true),
            ("content/_index.md", true),
            ("content/note.md", true),
            ("content/_archivio/2025/anagrafe.yaml", false),
            ("content/_archivio", false),
            ("content", false),
            ("themes/default/templates/unit.html", false),
            ("anagrafe.yaml", false),
        ] {
            assert_eq!(seen_by_load(Path::new(path)), incremental, "{path}");
        }
    }

    /// The built-in unit page shows no catalogue total but `comuni` (which
    /// comes from `_sito.yaml`): if it ever does, `dirty_units` must treat
    /// totals as shown for the default theme too.
    #[test]
    fn default_unit_pages_show_no_catalogue_total() {
        for (name, text) in [
            (
                "unit.html",
                include_str!("../../themes/default/templates/unit.html"),
            ),
            (
                "base.html",
                include_str!("../../themes/default/templates/base.html"),
            ),
            (
                "criteri.html",
                include_str!("../../themes/default/templates/criteri.html"),
            ),
        ] {
            for (i, _) in text.match_indices("totali") {
                assert!(
                    text[i..].starts_with("totali.comuni"),
                    "{name} shows a catalogue total: {}",
                    &text[i..(i + 30).min(text.len())]
                );
            }
            assert!(!text.contains("elenco_parziale") || name != "unit.html");
        }
    }
}
