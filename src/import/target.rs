//! Where imported units go in `ROOT/content/`: the unit files already there
//! (and the example unit `init` made, recognised by its first line), the
//! file each unit gets, a check that every file reads back as the imported
//! text, and the writes (each file to a temporary sibling, then renamed).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use super::catalogue::{Imported, Item, Unit};
use super::unit_yaml;
use crate::model::Activity;
use crate::source::SourceFile;

/// The unit files under `content/`.
#[derive(Debug, Default)]
pub(crate) struct Existing {
    /// Stem -> path, for every unit file that is not the example.
    pub units: BTreeMap<String, PathBuf>,
    /// Example units made by `init`.
    pub examples: Vec<PathBuf>,
}

/// Reads which unit files `content` holds (the same walk as the loader:
/// names starting with `_` or `.` are not units).
pub(crate) fn scan(content: &Path) -> io::Result<Existing> {
    let mut out = Existing::default();
    let walk = walkdir::WalkDir::new(content)
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| {
            let n = e.file_name().to_string_lossy();
            !n.starts_with('_') && !n.starts_with('.')
        });
    for e in walk {
        let e = e.map_err(io::Error::other)?;
        let p = e.path();
        let is_yaml = p
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
        if !e.file_type().is_file() || !is_yaml {
            continue;
        }
        let text = std::fs::read(p)?;
        if crate::placeholder::is_pristine_example(&text) {
            out.examples.push(p.to_path_buf());
        } else if let Some(stem) = p.file_stem() {
            out.units
                .insert(stem.to_string_lossy().into_owned(), p.to_path_buf());
        }
    }
    out.examples.sort();
    Ok(out)
}

/// One file to write.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    pub path: PathBuf,
    pub text: String,
    /// A unit file of the same name exists (not the example).
    pub replaces: bool,
}

/// The file of every unit: `content/<slug>.yaml`, or the existing file of
/// that name wherever it is under `content/`.
pub(crate) fn plan(
    imported: &Imported,
    source: &str,
    content: &Path,
    existing: &Existing,
) -> Vec<Planned> {
    let slugs = unit_yaml::slugs(&imported.units, |_| false);
    imported
        .units
        .iter()
        .zip(slugs)
        .enumerate()
        .map(|(i, (u, slug))| {
            let (path, replaces) = match existing.units.get(&slug) {
                Some(p) => (p.clone(), true),
                None => (content.join(format!("{slug}.yaml")), false),
            };
            Planned {
                path,
                text: unit_yaml::unit_file(u, (i + 1) * 10, source),
                replaces,
            }
        })
        .collect()
}

/// Reads every planned file back with the generator's own loader and
/// compares it with what was imported. A difference is a bug of the writer;
/// the message names the file and the text.
pub(crate) fn verify(planned: &[Planned], units: &[Unit]) -> Result<(), WriterBug> {
    for (p, u) in planned.iter().zip(units) {
        let f = SourceFile::new(&p.path, p.text.clone());
        let slug = p
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let back = crate::load::parse_unit(&f, slug).map_err(|d| {
            let first = d.first().map(|d| d.to_string()).unwrap_or_default();
            WriterBug(format!("{} does not read back: {first}", p.path.display()))
        })?;
        let same = |a: &[Activity], b: &[Item]| {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(a, b)| a.testo == b.testo && a.note == b.note && a.ambiti == b.ambiti)
        };
        if back.nome != u.nome
            || back.area != u.area
            || back.responsabile != u.responsabile
            || !same(&back.smartizzabili, &u.smartizzabili)
            || !same(&back.non_smartizzabili, &u.non_smartizzabili)
        {
            return Err(WriterBug(format!(
                "{} reads back different from the imported text",
                p.path.display()
            )));
        }
    }
    Ok(())
}

/// A unit file that would not publish exactly what was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WriterBug(pub String);

impl std::fmt::Display for WriterBug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes one file: a temporary sibling, then a rename over the target.
pub(crate) fn write_file(path: &Path, text: &str) -> io::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.import-tmp"));
    let result = std::fs::write(&tmp, text).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}
