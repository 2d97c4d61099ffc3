//! Where imported units go in `ROOT/content/`, and what happens to the files
//! there. The site is read by the loader itself (`load::load_content`), so
//! import counts the units `check` and `build` count, follows the same links,
//! and knows every file the loader could not read. Then the plan:
//!
//! - a unit the site has (matched by file name, then by `nome`, as "Cosa è
//!   cambiato" matches them) is updated in place (`update`): only the lines
//!   of its activity lists change;
//! - a unit the site lacks gets a new file, under a name no unit, extra page
//!   or reserved address uses (the slug rules of `validate`);
//! - a unit of the site that the file lacks is kept, and reported;
//! - `init`'s example unit is removed while byte-identical to what `init`
//!   wrote.
//!
//! With `force`, imported units are written whole instead, units the file
//! lacks are removed, and a file behind a symbolic link is written where the
//! link leads. Without it, a plan that would write through a link or over a
//! file import cannot update is refused whole ([`Plan::conflicts`]). Every
//! file replaced or removed is first copied into [`BACKUP`]; every file
//! written is read back with `load::parse_unit` and compared first.

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use super::catalogue::{Imported, Item, Unit};
use super::{unit_yaml, update};
use crate::changes::{self, ActivityChange, UnitRef};
use crate::diagnostic::Diagnostics;
use crate::file_id::FileId;
use crate::i18n::t;
use crate::load::LoadedUnit;
use crate::model::{Activity, UnitFile};
use crate::source::SourceFile;

/// The folder under `content/` that keeps a copy of every file import
/// replaced or removed, one numbered folder per run (`import-1`, ...). Its
/// name starts with `.`, so the loader skips it.
pub(crate) const BACKUP: &str = ".trasparenza-backup";

/// What `content/` holds, as the loader reads it.
pub(crate) struct Existing {
    /// Every unit file that parsed, but `init`'s untouched example.
    pub units: Vec<LoadedUnit>,
    /// `init`'s example units, untouched (display paths).
    pub examples: Vec<PathBuf>,
    /// Slugs of the extra pages.
    pub pages: Vec<(String, PathBuf)>,
    /// Files the loader reported an error at (display paths), for the report.
    pub unreadable: Vec<PathBuf>,
}

/// Reads `root/content/` with the loader.
pub(crate) fn scan(root: &Path) -> Existing {
    let mut diags = Diagnostics::new();
    let loaded = crate::load::load_content(
        root,
        &root.join("content"),
        Path::new("content"),
        &mut diags,
    );
    let mut out = Existing {
        units: Vec::new(),
        examples: Vec::new(),
        pages: loaded
            .pages
            .iter()
            .map(|p| (p.slug.clone(), p.file.clone()))
            .collect(),
        unreadable: Vec::new(),
    };
    for d in diags.into_vec() {
        if d.is_error() && !out.unreadable.contains(&d.file) {
            out.unreadable.push(d.file);
        }
    }
    for u in loaded.units {
        // The loader's text drops a BOM and CR: the bytes decide.
        let pristine = u.source.text == crate::placeholder::EXAMPLE_UNIT
            && std::fs::read(root.join(&u.unit.file))
                .is_ok_and(|b| crate::placeholder::is_pristine_example(&b));
        if pristine {
            out.examples.push(u.unit.file.clone());
        } else {
            out.units.push(u);
        }
    }
    out
}

/// What happens to one imported unit's file.
#[derive(Debug, Clone)]
pub(crate) enum Action {
    /// A new file.
    Create,
    /// The unit's file, updated in place.
    Update(Box<update::Update>),
    /// The unit's file, unchanged by this import.
    Unchanged,
    /// An existing file replaced whole (`--force`).
    Replace,
}

/// One imported unit's file.
#[derive(Debug, Clone)]
pub(crate) struct Planned {
    /// As shown: `content/...`.
    pub path: PathBuf,
    /// Where the text goes (where a link leads, with `--force`).
    pub write_to: PathBuf,
    pub text: String,
    pub action: Action,
}

/// A file removed.
#[derive(Debug, Clone)]
pub(crate) struct Removal {
    pub path: PathBuf,
    pub why: String,
    /// `init`'s example, untouched.
    pub example: bool,
}

/// Everything an import would do, decided before anything is touched.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// One per imported unit, in the file's order.
    pub files: Vec<Planned>,
    pub removals: Vec<Removal>,
    /// Units of the site the file does not have, kept: (path, nome).
    pub kept: Vec<(PathBuf, String)>,
    /// For kept units that share most of their activities with a new unit
    /// of the file (the act renamed it?): what to do, one line each.
    pub kept_renamed: Vec<String>,
    /// Units given another file name than their own, and why.
    pub renamed: Vec<String>,
    /// Why the plan cannot be carried out without `--force` (or at all):
    /// then nothing is written.
    pub conflicts: Vec<String>,
}

impl Plan {
    /// Files whose current content is copied into the backup first: as
    /// shown, and where they are read. `init`'s untouched example is not
    /// (`init` writes it again).
    pub(crate) fn backed_up(&self, root: &Path) -> Vec<(PathBuf, PathBuf)> {
        let written = self.files.iter().filter_map(|p| match p.action {
            Action::Update(_) | Action::Replace => Some((p.path.clone(), p.write_to.clone())),
            Action::Create | Action::Unchanged => None,
        });
        written
            .chain(
                self.removals
                    .iter()
                    .filter(|r| !r.example)
                    .map(|r| (r.path.clone(), root.join(&r.path))),
            )
            .collect()
    }
}

/// The new unit of the file (not matched to a unit of the site) holding at
/// least half the activities of the site's unit `lu`, two at least, by
/// text: the act may have renamed it, and both would be published.
fn renamed_as(lu: &LoadedUnit, imported: &Imported, match_of: &[Option<usize>]) -> Option<usize> {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let old: HashSet<String> = lu
        .unit
        .lists()
        .iter()
        .flat_map(|(_, l)| l.iter().map(|a| key(&a.testo)))
        .collect();
    if old.is_empty() {
        return None;
    }
    (0..imported.units.len())
        .filter(|&n| match_of[n].is_none())
        .map(|n| {
            let shared = imported.units[n]
                .lists()
                .iter()
                .flat_map(|(_, l)| l.iter())
                .filter(|it| old.contains(&key(&it.testo)))
                .count();
            (n, shared)
        })
        .filter(|&(_, shared)| shared >= 2 && shared * 2 >= old.len())
        .max_by_key(|&(n, shared)| (shared, std::cmp::Reverse(n)))
        .map(|(n, _)| n)
}

/// Whether `path` (shown as `content/...`, under `root`) is a symbolic link
/// or lies in a linked folder below `content/`.
fn through_link(root: &Path, display: &Path) -> bool {
    let mut p = root.to_path_buf();
    for (i, c) in display.components().enumerate() {
        p.push(c);
        if i > 0 && p.is_symlink() {
            return true;
        }
    }
    false
}

/// A file's identity: device and inode (links followed).
fn identity(p: &Path) -> Option<FileId> {
    FileId::of(p).ok()
}

/// A link at `to` leading where `target` says, as the system makes them (on
/// Windows a link says whether it leads to a folder).
fn symlink(target: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    return std::os::unix::fs::symlink(target, to);
    #[cfg(windows)]
    {
        let dir = to.parent().map_or(target.to_path_buf(), |p| p.join(target));
        if dir.is_dir() {
            std::os::windows::fs::symlink_dir(target, to)
        } else {
            std::os::windows::fs::symlink_file(target, to)
        }
    }
}

/// Whether `p`, links resolved, is inside the folder `dir`: compared by
/// device and inode of each of its folders, not by how the path is spelt.
fn inside(p: &Path, dir: &Path) -> bool {
    let Some(want) = identity(dir) else {
        return false;
    };
    let Ok(real) = p.canonicalize() else {
        return false;
    };
    real.ancestors().skip(1).any(|a| identity(a) == Some(want))
}

fn unit_ref<'a>(slug: &'a str, nome: &'a str) -> UnitRef<'a> {
    UnitRef {
        slug,
        nome,
        smartizzabili: Vec::new(),
        parzialmente_smartizzabili: Vec::new(),
        non_smartizzabili: Vec::new(),
    }
}

/// Decides every file of the import of `imported` (read from `source`, the
/// file at `source_path`) into the site at `root`.
pub(crate) fn plan(
    imported: &Imported,
    source: &str,
    source_path: &Path,
    root: &Path,
    existing: &Existing,
    force: bool,
) -> Plan {
    let content = root.join("content");
    let mut plan = Plan::default();
    let first = unit_yaml::slugs(&imported.units, |_| false);
    let old: Vec<UnitRef> = existing
        .units
        .iter()
        .map(|u| unit_ref(&u.unit.slug, &u.unit.nome))
        .collect();
    let new: Vec<UnitRef> = imported
        .units
        .iter()
        .zip(&first)
        .map(|(u, s)| unit_ref(s, &u.nome))
        .collect();
    let mut match_of = vec![None; imported.units.len()];
    let mut matched_old = vec![false; existing.units.len()];
    // The same name first: a new file name comes from the name, so when the
    // act lists two units in another order, `tributi-2` is not the unit
    // called `tributi-2` before. Then as "Cosa è cambiato" matches units.
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for (n, nu) in new.iter().enumerate() {
        let name = norm(nu.nome);
        if let Some(o) = (0..old.len()).find(|&o| !matched_old[o] && norm(old[o].nome) == name) {
            match_of[n] = Some(o);
            matched_old[o] = true;
        }
    }
    let old_left: Vec<usize> = (0..old.len()).filter(|&o| !matched_old[o]).collect();
    let new_left: Vec<usize> = (0..new.len()).filter(|&n| match_of[n].is_none()).collect();
    let pairs = changes::match_units(
        &old_left.iter().map(|&o| old[o].clone()).collect::<Vec<_>>(),
        &new_left.iter().map(|&n| new[n].clone()).collect::<Vec<_>>(),
    );
    for (o, n) in pairs {
        match_of[new_left[n]] = Some(old_left[o]);
        matched_old[old_left[o]] = true;
    }
    // Names a new file must not take: every unit and page of the site (two
    // files would publish at one address). A file that does not read as a
    // unit, at the new file's own name, is a conflict below.
    let mut taken: HashSet<String> = existing.units.iter().map(|u| u.unit.slug.clone()).collect();
    let pages: std::collections::HashMap<String, &PathBuf> =
        existing.pages.iter().map(|(s, p)| (s.clone(), p)).collect();
    taken.extend(pages.keys().cloned());
    let news: Vec<usize> = (0..imported.units.len())
        .filter(|&n| match_of[n].is_none())
        .collect();
    let new_units: Vec<Unit> = news.iter().map(|&n| imported.units[n].clone()).collect();
    let mut slugs = unit_yaml::slugs(&new_units, |s| taken.contains(s)).into_iter();

    for (n, u) in imported.units.iter().enumerate() {
        let ordine = (n + 1) * 10;
        let whole = || unit_yaml::unit_file(u, ordine, source);
        let planned = match match_of[n] {
            Some(o) => {
                let lu = &existing.units[o];
                let path = lu.unit.file.clone();
                let real = root.join(&path);
                let linked = through_link(root, &path);
                if linked && !force {
                    plan.conflicts.push(conflict(
                        t!("import-conflict-link", path = path.as_path()),
                        t!("import-conflict-link-hint", backup = backup_shown()),
                    ));
                }
                let write_to = if linked {
                    real.canonicalize().unwrap_or(real)
                } else {
                    real
                };
                if force {
                    Planned {
                        path,
                        write_to,
                        text: whole(),
                        action: Action::Replace,
                    }
                } else {
                    let updated =
                        update::update(&lu.unit, &lu.source.text, u).and_then(|mut up| {
                            // The act's rule for this unit, when its cell states one.
                            let (text, edit) = super::sito::set_rule(
                                &up.text,
                                &lu.unit.spans,
                                lu.unit.altre_attivita,
                                u.rule.as_ref(),
                                false,
                            )?;
                            match edit {
                                super::sito::RuleEdit::Add | super::sito::RuleEdit::Replace => {
                                    up.text = text;
                                    up.expected.altre_attivita = u.rule.as_ref().map(|r| {
                                        if r.smart {
                                            crate::model::AltreAttivita::Smartizzabili
                                        } else {
                                            crate::model::AltreAttivita::NonSmartizzabili
                                        }
                                    });
                                    up.expected.altre_attivita_citazione =
                                        u.rule.as_ref().map(|r| r.text.clone());
                                }
                                super::sito::RuleEdit::Conflict => {
                                    plan.conflicts.push(super::sito::with_hint(
                                        crate::i18n::t!(
                                            "import-flat-unit-rule-conflict",
                                            path = path.as_path(),
                                            old = lu
                                                .unit
                                                .altre_attivita
                                                .map(|a| a.key())
                                                .unwrap_or_default(),
                                            new = u
                                                .rule
                                                .as_ref()
                                                .map(|r| super::lists::list_key(r.smart))
                                                .unwrap_or_default()
                                        ),
                                        crate::i18n::t!("import-flat-unit-rule-conflict-hint"),
                                    ));
                                }
                                _ => {}
                            }
                            Ok(up)
                        });
                    match updated {
                        Ok(up) => {
                            let raw = std::fs::read(&write_to).unwrap_or_default();
                            match on_disk(&raw, &lu.source.text, &up.text) {
                                Some(text) if up.text == lu.source.text => Planned {
                                    path,
                                    write_to,
                                    text,
                                    action: Action::Unchanged,
                                },
                                Some(text) => Planned {
                                    path,
                                    write_to,
                                    text,
                                    action: Action::Update(Box::new(up)),
                                },
                                None => {
                                    plan.conflicts.push(conflict(
                                        t!("import-conflict-line-ends", path = path.as_path()),
                                        t!("import-conflict-replace-hint", backup = backup_shown()),
                                    ));
                                    Planned {
                                        path,
                                        write_to,
                                        text: String::new(),
                                        action: Action::Update(Box::new(up)),
                                    }
                                }
                            }
                        }
                        Err(why) => {
                            plan.conflicts.push(conflict(
                                t!("import-conflict-update", path = path.as_path(), why = why),
                                t!("import-conflict-replace-hint", backup = backup_shown()),
                            ));
                            Planned {
                                path,
                                write_to,
                                text: String::new(),
                                action: Action::Replace,
                            }
                        }
                    }
                }
            }
            None => {
                let slug = slugs.next().unwrap_or_default();
                let base = &first[n];
                let path = Path::new("content").join(format!("{slug}.yaml"));
                if &slug != base {
                    let (unit, file) = (&u.nome, path.as_path());
                    plan.renamed.push(match pages.get(base.as_str()) {
                        Some(page) => t!(
                            "import-renamed-page",
                            unit = unit,
                            base = base,
                            page = page.as_path(),
                            file = file
                        ),
                        None if crate::slug::RESERVED.contains(&base.as_str()) => {
                            t!(
                                "import-renamed-reserved",
                                unit = unit,
                                base = base,
                                file = file
                            )
                        }
                        None => t!(
                            "import-renamed-taken",
                            unit = unit,
                            base = base,
                            file = file
                        ),
                    });
                }
                let write_to = content.join(format!("{slug}.yaml"));
                let exists = std::fs::symlink_metadata(&write_to).is_ok();
                if exists && !force {
                    let what = if existing.unreadable.contains(&path) {
                        t!("import-conflict-unreadable", path = path.as_path())
                    } else {
                        t!("import-conflict-not-a-unit", path = path.as_path())
                    };
                    plan.conflicts.push(conflict(
                        what,
                        t!("import-conflict-exists-hint", backup = backup_shown()),
                    ));
                }
                Planned {
                    path,
                    write_to,
                    text: whole(),
                    action: if exists {
                        Action::Replace
                    } else {
                        Action::Create
                    },
                }
            }
        };
        plan.files.push(planned);
    }
    for (o, lu) in existing.units.iter().enumerate() {
        if matched_old[o] {
            continue;
        }
        if force {
            plan.removals.push(Removal {
                path: lu.unit.file.clone(),
                why: t!("import-removal-not-imported"),
                example: false,
            });
        } else {
            plan.kept.push((lu.unit.file.clone(), lu.unit.nome.clone()));
            if let Some(n) = renamed_as(lu, imported, &match_of) {
                plan.kept_renamed.push(t!(
                    "import-kept-renamed",
                    path = lu.unit.file.as_path(),
                    old = lu.unit.nome.as_str(),
                    new = imported.units[n].nome.as_str()
                ));
            }
        }
    }
    for e in &existing.examples {
        plan.removals.push(Removal {
            path: e.clone(),
            why: t!("import-removal-example"),
            example: true,
        });
    }
    // Paths by what they are: every file written or removed is inside
    // content/ once links are resolved, and none is the imported file.
    let source_id = identity(source_path);
    let touched = plan
        .files
        .iter()
        .map(|p| (&p.path, p.write_to.clone()))
        .chain(plan.removals.iter().map(|r| (&r.path, root.join(&r.path))));
    let mut refused = Vec::new();
    for (shown, real) in touched {
        let target = if real.exists() {
            real.clone()
        } else {
            real.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        if !inside(&target, &content) && target != content {
            refused.push(t!(
                "import-conflict-outside",
                path = shown.as_path(),
                content = content.as_path()
            ));
        } else if source_id.is_some() && identity(&real) == source_id {
            refused.push(t!("import-conflict-source", path = shown.as_path()));
        }
    }
    plan.conflicts.extend(refused);
    plan
}

/// A conflict of the plan with its hint, as the report prints it.
fn conflict(message: String, hint: String) -> String {
    format!("{message}\n  = {}", t!("cmd-hint", hint = hint))
}

/// The backup folder as the hints name it: `content/.trasparenza-backup`.
fn backup_shown() -> String {
    format!("content/{BACKUP}")
}

/// The text to write for `new` (as the loader reads it), given the file's
/// bytes `raw` and its text `read` as the loader read it: the file's own BOM
/// and line ends kept. `None` when they cannot be (a lone CR).
pub(crate) fn on_disk(raw: &[u8], read: &str, new: &str) -> Option<String> {
    let raw = std::str::from_utf8(raw).ok()?;
    let (bom, body) = match raw.strip_prefix('\u{feff}') {
        Some(b) => ("\u{feff}", b),
        None => ("", raw),
    };
    if body == read {
        return Some(format!("{bom}{new}"));
    }
    if body.replace("\r\n", "\n") == read && !body.replace("\r\n", "").contains('\r') {
        return Some(format!("{bom}{}", new.replace('\n', "\r\n")));
    }
    None
}

/// Reads every planned file back with the generator's own loader and
/// compares it with what it must say: the imported texts for a file written
/// whole, the old unit with the updated lists for an update. A difference is
/// a bug of the writer; the message names the file.
pub(crate) fn verify(plan: &Plan, units: &[Unit]) -> Result<(), WriterBug> {
    for (p, u) in plan.files.iter().zip(units) {
        if matches!(p.action, Action::Unchanged) || p.text.is_empty() {
            continue;
        }
        let text = p.text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
        let f = SourceFile::new(&p.path, text);
        let slug = p
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let back = crate::load::parse_unit(&f, slug).map_err(|d| {
            let first = d.first().map(|d| d.to_string()).unwrap_or_default();
            WriterBug(t!(
                "import-bug-unreadable",
                path = p.path.as_path(),
                error = first
            ))
        })?;
        let same = match &p.action {
            Action::Update(up) => same_unit(&back.data, &up.expected),
            _ => {
                let same = |a: &[Activity], b: &[Item]| {
                    a.len() == b.len()
                        && a.iter().zip(b).all(|(a, b)| {
                            a.testo == b.testo && a.note == b.note && a.ambiti == b.ambiti
                        })
                };
                back.nome == u.nome
                    && back.altre_attivita.map(|a| a.key())
                        == u.rule.as_ref().map(|r| super::lists::list_key(r.smart))
                    && super::catalogue::fields().all(|f| back.text(f.key) == u.text(f.key))
                    && same(&back.smartizzabili, &u.smartizzabili)
                    && same(
                        &back.parzialmente_smartizzabili,
                        &u.parzialmente_smartizzabili,
                    )
                    && same(&back.non_smartizzabili, &u.non_smartizzabili)
            }
        };
        if !same {
            return Err(WriterBug(t!(
                "import-bug-different",
                path = p.path.as_path()
            )));
        }
    }
    Ok(())
}

/// The same unit, wherever its activities were written.
fn same_unit(a: &UnitFile, b: &UnitFile) -> bool {
    let texts = |l: &[Activity]| {
        l.iter()
            .map(|x| (x.testo.clone(), x.note.clone(), x.ambiti.clone()))
            .collect::<Vec<_>>()
    };
    let rest = |u: &UnitFile| {
        let mut u = u.clone();
        for (_, l) in u.lists_mut() {
            l.clear();
        }
        u
    };
    rest(a) == rest(b)
        && a.lists()
            .iter()
            .zip(b.lists())
            .all(|((_, x), (_, y))| texts(x) == texts(y))
}

/// A unit file that would not publish exactly what was imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WriterBug(pub String);

impl std::fmt::Display for WriterBug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The backup folder this run would use: `content/.trasparenza-backup/import-N`,
/// N one more than the highest there.
pub(crate) fn backup_dir(content: &Path) -> PathBuf {
    let base = content.join(BACKUP);
    let last = std::fs::read_dir(&base)
        .map(|d| {
            d.filter_map(Result::ok)
                .filter_map(|e| {
                    e.file_name()
                        .to_str()?
                        .strip_prefix("import-")?
                        .parse::<u64>()
                        .ok()
                })
                .max()
                .unwrap_or(0)
        })
        .unwrap_or(0);
    base.join(format!("import-{}", last + 1))
}

/// Copies `files` (shown as `content/...`, read at the second path) into
/// `dir`, keeping their paths below `content/`. Creates `dir`; refuses a
/// backup folder that is a link.
pub(crate) fn backup(dir: &Path, files: &[(PathBuf, PathBuf)]) -> io::Result<()> {
    if let Some(base) = dir.parent()
        && base.is_symlink()
    {
        return Err(io::Error::other(t!("import-backup-is-link", path = base)));
    }
    std::fs::create_dir_all(dir.parent().unwrap_or(dir))?;
    std::fs::create_dir(dir)?;
    for (shown, real) in files {
        let rel = shown.strip_prefix("content").unwrap_or(shown);
        let to = dir.join(rel);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if real.is_symlink() {
            // A link replaced by a file (not written through): the link is
            // kept, not what it leads to, which may be outside the site.
            symlink(&std::fs::read_link(real)?, &to)?;
        } else {
            std::fs::copy(real, &to)?;
        }
    }
    Ok(())
}

/// The temporary sibling a file is written to before it is renamed over
/// `path`.
fn staging(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.import-tmp"))
}

/// Writes every file's text to its temporary sibling, before any file is
/// replaced: `Err` with the index of the file that could not be written
/// (then no temporary file is left, and nothing else was touched).
pub(crate) fn stage(files: &[(&Path, &str)]) -> Result<Vec<PathBuf>, (usize, io::Error)> {
    let mut staged = Vec::with_capacity(files.len());
    for (i, (path, text)) in files.iter().enumerate() {
        let tmp = staging(path);
        if let Err(e) = std::fs::write(&tmp, text) {
            let _ = std::fs::remove_file(&tmp);
            unstage(&staged);
            return Err((i, e));
        }
        staged.push(tmp);
    }
    Ok(staged)
}

/// Removes the temporary files of [`stage`] (nothing will be written).
pub(crate) fn unstage(staged: &[PathBuf]) {
    for tmp in staged {
        let _ = std::fs::remove_file(tmp);
    }
}

/// Renames a staged file over `path`.
pub(crate) fn commit(tmp: &Path, path: &Path) -> io::Result<()> {
    let result = std::fs::rename(tmp, path);
    if result.is_err() {
        let _ = std::fs::remove_file(tmp);
    }
    result
}

/// One line per activity change, for the report.
pub(crate) fn describe(c: &ActivityChange) -> String {
    use changes::Kind;
    match (c.tipo, &c.prima, &c.dopo) {
        (Kind::Aggiunta, _, Some(d)) => t!(
            "import-change-added",
            list = d.elenco.key(),
            text = &d.testo
        ),
        (Kind::Rimossa, Some(p), _) => t!(
            "import-change-removed",
            list = p.elenco.key(),
            text = &p.testo
        ),
        (Kind::Spostata, Some(_), Some(d)) => t!(
            "import-change-moved",
            list = d.elenco.key(),
            text = &d.testo
        ),
        (_, Some(p), Some(d)) => t!("import-change-changed", before = &p.testo, after = &d.testo),
        _ => String::new(),
    }
}
