//! Earlier editions of the catalogue, kept in `content/_archivio/<edizione>/`.
//!
//! This module finds the editions, loads and validates each one with the same
//! code as the current content (`load::load_content`, `validate::validate`),
//! orders them newest first and notes editions that are past the five-year
//! window of D.Lgs. 33/2013, art. 8 c. 3. It only reads, and reads no clock
//! (`pipeline` hands it the build's date); the pages of the editions are made
//! by `render::editions`, the differences by `changes`.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostics, diag};
use crate::load;
use crate::model::{Date, Site};
use crate::slug;
use crate::validate;

/// The folder of earlier editions inside `content/`.
pub(crate) const CONTENT_DIR: &str = "_archivio";
/// The folder of the published site that holds them (`archivio/<edizione>/`).
pub(crate) const URL_DIR: &str = "archivio";

/// One earlier edition, loaded and validated.
#[derive(Debug, Clone)]
pub(crate) struct Edition {
    /// The folder name, also its URL segment: `2025`, `2025-2027`.
    pub name: String,
    /// Its `_sito.yaml` base_url replaced by `<current base_url>archivio/<name>/`.
    pub site: Site,
}

impl Edition {
    /// The edition's folder relative to the site root (`archivio/2025/`).
    pub(crate) fn dir(&self) -> String {
        format!("{URL_DIR}/{}/", self.name)
    }

    /// Its name on the published pages: `Edizione 2025`.
    pub(crate) fn label(&self) -> String {
        format!("Edizione {}", self.name)
    }

    /// The date the window is counted from: publication, else last update.
    pub(crate) fn published(&self) -> Date {
        let c = &self.site.config;
        c.pubblicato_il.unwrap_or(c.aggiornato_il)
    }
}

/// Finds, loads and validates every edition under `root/content/_archivio/`,
/// newest first (by `aggiornato_il`, then by name). `base_url` is the current
/// edition's address: each edition is published under
/// `<base_url>archivio/<name>/`. An edition with errors is left out and its
/// errors (with the full path, `content/_archivio/2025/tributi.yaml:3:1`)
/// go into `diags`.
pub(crate) fn load_editions(root: &Path, base_url: &str, diags: &mut Diagnostics) -> Vec<Edition> {
    let dir = root.join("content").join(CONTENT_DIR);
    let display = Path::new("content").join(CONTENT_DIR);
    if !dir.exists() {
        return Vec::new();
    }
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(load::cannot_read(&display, e));
            return Vec::new();
        }
    };
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let mut found: Vec<(String, PathBuf)> = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                diags.push(load::cannot_read(&display, e));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let shown = display.join(&name);
        if name.starts_with('.') {
            if partial_copy(&name).is_some() {
                diags.push(diag!(Note, "editions-partial-copy", &shown));
            }
            continue;
        }
        // An edition linked from outside the site would be published.
        if entry.file_type().is_ok_and(|t| t.is_symlink())
            && let Err(d) = load::link_inside(&entry.path(), &site_root, shown.clone())
        {
            diags.push(d);
            continue;
        }
        if !entry.path().is_dir() {
            diags.push(diag!(Note, "editions-not-a-folder", &shown));
            continue;
        }
        if !slug::is_valid(&name) {
            let suggestion = slug::slugify(&name);
            let mut d = diag!(
                Error,
                "editions-invalid-edition-name",
                &shown,
                name = &name,
                suggestion = &suggestion
            );
            if suggestion.is_empty() {
                d.hint = None; // nothing to propose
            }
            diags.push(d);
            continue;
        }
        found.push((name, entry.path()));
    }
    found.sort();
    let mut editions: Vec<Edition> = found
        .into_iter()
        .filter_map(|(name, path)| {
            let shown = display.join(&name);
            let loaded = load::load_content(root, &path, &shown, diags);
            let base = format!("{base_url}{URL_DIR}/{name}/");
            validate::validate(loaded, Some(&base), None, diags).map(|site| Edition { name, site })
        })
        .collect();
    editions.sort_by(|a, b| {
        (b.site.config.aggiornato_il, &b.name).cmp(&(a.site.config.aggiornato_il, &a.name))
    });
    editions
}

/// The hidden folder `archivia` copies an edition into before renaming it
/// into place: `.<edizione>.tmp-<process id>`; the process id when `name`
/// is one.
pub(crate) fn partial_copy(name: &str) -> Option<u32> {
    let (edition, pid) = name.strip_prefix('.')?.rsplit_once(".tmp-")?;
    (!edition.is_empty()).then_some(())?;
    pid.parse().ok()
}

/// The name of the folder `archivia` copies `edition` into (see [`partial_copy`]).
pub(crate) fn partial_copy_name(edition: &str, pid: u32) -> String {
    format!(".{edition}.tmp-{pid}")
}

/// The first day an edition may be taken down: five years from 1 January of
/// the year after its publication (D.Lgs. 33/2013, art. 8 c. 3), and never
/// before it was replaced (`replaced_on`, the next edition's publication),
/// since the law also keeps data online while the act is in force.
pub(crate) fn removable_from(published: Date, replaced_on: Date) -> Date {
    let window = Date {
        year: published.year.saturating_add(6),
        month: 1,
        day: 1,
    };
    window.max(replaced_on)
}

/// Adds a note (never an error, not even with `--strict`: keeping data online
/// longer is lawful) for each edition past its five-year window on `today`.
/// `current_published` is the current edition's date, which replaced the
/// newest archived one.
pub(crate) fn note_expired(
    editions: &[Edition],
    current_published: Date,
    today: Date,
    diags: &mut Diagnostics,
) {
    for (i, e) in editions.iter().enumerate() {
        let replaced_on = i
            .checked_sub(1)
            .and_then(|j| editions.get(j))
            .map_or(current_published, Edition::published);
        let from = removable_from(e.published(), replaced_on);
        if today >= from {
            diags.push(diag!(
                Note,
                "editions-edition-expired",
                Path::new("content").join(CONTENT_DIR).join(&e.name),
                edition = &e.name,
                published = e.published().to_string(),
                since = from.to_string()
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn five_years_from_the_first_of_january_after_publication() {
        // Published in 2020: online through 2025, removable from 2026-01-01.
        assert_eq!(
            removable_from(d("2020-01-31"), d("2021-01-30")),
            d("2026-01-01")
        );
        assert_eq!(
            removable_from(d("2020-12-31"), d("2021-01-30")),
            d("2026-01-01")
        );
        // Still in force later than that: not before it was replaced.
        assert_eq!(
            removable_from(d("2020-01-31"), d("2027-03-01")),
            d("2027-03-01")
        );
    }
}
