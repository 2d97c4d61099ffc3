//! `trasparenza init`: a new site that builds at once. Writes `content/`
//! (settings with every key commented in Italian, the home's intro, one
//! example unit), `.gitignore`, CI files for GitHub Actions and GitLab CI
//! (check, build, publish with Pages or to the body's own server) and the
//! deploy script they call (`ci/pubblica.sh`: rsync over SSH, SFTP or FTPS),
//! from the templates in `files/` beside this module (embedded). The CI files install this very
//! version of trasparenza from crates.io. Placeholders come from
//! [`crate::placeholder`], so `check` reports the ones left.
//!
//! It never overwrites a file: existing ones are kept and listed. A
//! `content/` that already holds files gets no example unit.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use super::output::{Done, Failure, Message, NextStep};
use crate::cli::{Forma, InitArgs};
use crate::model::Date;
use crate::placeholder;

/// The templates, by the path they are written to.
const FILES: &[(&str, &str)] = &[
    ("content/_sito.yaml", include_str!("files/_sito.yaml")),
    ("content/_index.md", include_str!("files/_index.md")),
    (EXAMPLE, include_str!("files/ufficio-esempio.yaml")),
    (".gitignore", include_str!("files/gitignore")),
    (
        ".github/workflows/trasparenza.yml",
        include_str!("files/github-workflow.yml"),
    ),
    (".gitlab-ci.yml", include_str!("files/gitlab-ci.yml")),
    ("ci/pubblica.sh", include_str!("files/pubblica.sh")),
];

/// The example unit's path in [`FILES`].
const EXAMPLE: &str = "content/ufficio-esempio.yaml";

/// Whether the folder `content` holds anything but hidden files (`.gitkeep`).
fn has_content(content: &Path) -> bool {
    fs::read_dir(content).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| !e.file_name().to_string_lossy().starts_with('.'))
    })
}

/// What the templates' `@NAME@` markers become.
struct Values {
    ente: String,
    base_url: String,
    today: Date,
}

/// Runs `trasparenza init`: what it created, kept and left out, and what
/// to do next.
pub(super) fn run(args: &InitArgs) -> Result<Done, Failure> {
    let values = values(args).map_err(Failure::usage)?;
    let root = args.root();
    if root.exists() && !root.is_dir() {
        return Err(Failure::usage(Message::SiteFolderIsAFile(root.clone())));
    }
    refuse_unfit_folder(root).map_err(Failure::usage)?;
    fs::create_dir_all(root).map_err(|e| {
        Failure::usage(Message::CannotCreateSiteFolder {
            root: root.clone(),
            error: e.to_string(),
        })
    })?;
    // An existing content/ gets no example unit: `build` would publish it
    // beside the site's own units. One already there (an earlier `init`)
    // is kept, and said to be.
    let example_there = root.join(EXAMPLE).symlink_metadata().is_ok();
    let skipped = (!example_there && has_content(&root.join("content"))).then_some(EXAMPLE);
    let forma = match args.forma {
        Some(f) => f,
        None if io::stdin().is_terminal() => super::output::ask_shape(),
        None => Forma::Uffici,
    };
    let (mut created, mut kept) = (Vec::new(), Vec::new());
    for (rel, template) in FILES {
        if skipped == Some(*rel) || (forma == Forma::Elenco && *rel == EXAMPLE && !example_there) {
            continue;
        }
        let text = fill(&shaped(rel, template, forma), &values);
        match create_new(&root.join(rel), text.as_bytes()) {
            Ok(true) => created.push(*rel),
            Ok(false) => kept.push(*rel),
            Err(e) => {
                return Err(Failure::usage(Message::CannotWrite {
                    path: root.join(rel),
                    error: e.to_string(),
                }));
            }
        }
    }
    let item = |f: &&str| Message::Item(f.to_string());
    let mut lines = Vec::new();
    if !created.is_empty() {
        lines.push(Message::CreatedIn(root.clone()));
        lines.extend(created.iter().map(item));
    }
    if !kept.is_empty() {
        lines.push(Message::KeptAlready);
        lines.extend(kept.iter().map(item));
    }
    if let Some(f) = skipped {
        lines.push(Message::ExampleNotAdded(f));
    }
    // `--forma elenco` on a site with the example unit (an earlier `init` of
    // the offices shape): its `_sito.yaml` was kept, so the lists go there
    // by hand and the example unit goes.
    let next = if forma == Forma::Elenco && example_there && kept.contains(&"content/_sito.yaml") {
        NextStep::SwitchToLists
    } else if forma == Forma::Elenco {
        NextStep::EditTheLists
    } else if created.contains(&EXAMPLE) || kept.contains(&EXAMPLE) {
        NextStep::EditTheExample
    } else {
        NextStep::AddUnits
    };
    let mut todo = Vec::new();
    if args.ente.is_none() {
        todo.push("`ente`");
    }
    if args.base_url.is_none() {
        todo.push("`base_url`");
    }
    if !todo.is_empty() && created.contains(&"content/_sito.yaml") {
        lines.push(Message::ReplaceSettings(todo));
        lines.push(Message::Then(next));
    } else {
        lines.push(Message::Next(next));
    }
    lines.push(Message::PreviewAndBuild(root.clone()));
    Ok(Done::lines(lines))
}

/// Refuses, before anything is written, a folder where a new site does
/// not belong, judged by what it is (device and inode), not by its
/// spelling: the filesystem's root, the home folder (a terminal opens
/// there: `trasparenza init` with no folder spread the site's files among
/// the user's own), and a folder inside `content/` or `themes/` of a site
/// (its files would be published as part of that site).
fn refuse_unfit_folder(root: &Path) -> Result<(), Message> {
    use crate::write::guard::{is_inside, real_path, same_folder};
    let Some(real) = real_path(root) else {
        return Ok(());
    };
    let inside = real.join("sito");
    if real.parent().is_none() || same_folder(&real, Path::new("/")) {
        return Err(Message::InitInRoot {
            root: root.to_path_buf(),
            inside,
        });
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty())
        && same_folder(&real, Path::new(&home))
    {
        return Err(Message::InitInHome {
            root: root.to_path_buf(),
            inside,
        });
    }
    for site in real.ancestors().skip(1) {
        if !site.join("content/_sito.yaml").is_file() {
            continue;
        }
        for folder in ["content", "themes"] {
            if is_inside(&real, &site.join(folder)) {
                return Err(Message::InitInsideSite {
                    root: root.to_path_buf(),
                    folder,
                    site: site.to_path_buf(),
                });
            }
        }
    }
    Ok(())
}

fn values(args: &InitArgs) -> Result<Values, Message> {
    let ente = match args.ente.as_deref().map(str::trim) {
        None => placeholder::ENTE.to_string(),
        Some("") => return Err(Message::EmptyEnte),
        Some(e) => e.to_string(),
    };
    // Checked and normalised by the command line parser.
    let base_url = args
        .base_url
        .clone()
        .unwrap_or_else(|| placeholder::BASE_URL.to_string());
    let today = today(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref())?;
    Ok(Values {
        ente,
        base_url,
        today,
    })
}

/// Today's date (UTC), or the day of `SOURCE_DATE_EPOCH` when it is set, so
/// that a scripted `init` writes the same files every time.
fn today(source_date_epoch: Option<&str>) -> Result<Date, Message> {
    let secs = match source_date_epoch {
        Some(s) => s
            .trim()
            .parse::<i64>()
            .map_err(|_| Message::BadSourceDateEpoch(s.to_string()))?,
        None => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64),
    };
    Ok(Date::from_days(secs.div_euclid(86_400)))
}

/// `template` (written to `rel`) for an act of shape `forma`. For one list
/// for the whole body (`elenco`): `_sito.yaml` with `altre_attivita` and the
/// example lists at its end taken out of their comments, under the marker
/// line `check` reports until it is deleted; `_index.md` without its
/// sentence about offices. Any other file, or `uffici`, as it is.
fn shaped<'a>(rel: &str, template: &'a str, forma: Forma) -> std::borrow::Cow<'a, str> {
    if forma == Forma::Uffici {
        return template.into();
    }
    if rel.ends_with("_index.md") {
        return template
            .replace(placeholder::UNITS_SENTENCE, placeholder::LIST_SENTENCE)
            .into();
    }
    if !rel.ends_with("_sito.yaml") {
        return template.into();
    }
    let mut out = String::with_capacity(template.len() + 200);
    let mut lists = false;
    for line in template.split_inclusive('\n') {
        if line.starts_with("# smartizzabili:") {
            lists = true;
            out.push_str(placeholder::EXAMPLE_LISTS_MARKER);
            out.push('\n');
        }
        // A commented key or item of YAML, not a comment's prose.
        let yaml = |rest: &str| {
            rest.starts_with(' ')
                || rest.split_once(':').is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                })
        };
        match line.strip_prefix("# ") {
            Some(rest) if yaml(rest) && (lists || rest.starts_with("altre_attivita:")) => {
                out.push_str(rest);
            }
            _ => out.push_str(line),
        }
    }
    out.into()
}

/// A template with its markers replaced. Texts from the user are written as
/// YAML double-quoted strings (a JSON string is one), so `: `, `#` or quotes
/// in a name stay text.
fn fill(template: &str, v: &Values) -> String {
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| format!("{s:?}"));
    let ente = if v.ente == placeholder::ENTE {
        v.ente.clone()
    } else {
        quoted(&v.ente)
    };
    template
        .replace("@ENTE@", &ente)
        .replace("@BASE_URL@", &v.base_url)
        .replace("@OGGI@", &v.today.to_string())
        .replace("@VERSIONE@", env!("CARGO_PKG_VERSION"))
}

/// Writes `bytes` to `path` unless something is there already (`Ok(false)`).
/// The file appears whole: written beside it, then linked into place, which
/// fails rather than replace an existing file.
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    if path.symlink_metadata().is_ok() {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp: PathBuf = dir.join(format!(".{name}.trasparenza-init-{}", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        match fs::hard_link(&tmp, path) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(false),
            // No hard links on this file system: create it in place, still
            // never replacing an existing file.
            Err(_) => {
                let mut f = fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(path)?;
                f.write_all(bytes)?;
                Ok(true)
            }
        }
    })();
    let _ = fs::remove_file(&tmp);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comments of the files `init` writes are read by the body's
    /// clerks and IT supplier: Italian, like the rest of them (a comment
    /// of `ci/pubblica.sh` was English). A comment line with an English
    /// function word fails, with its file and line.
    #[test]
    fn the_comments_of_the_written_files_are_italian() {
        const ENGLISH: &[&str] = &[
            "the", "is", "are", "with", "its", "still", "within", "of", "when", "this",
        ];
        let mut english = Vec::new();
        for (path, text) in FILES {
            for (n, line) in text.lines().enumerate() {
                let Some((_, comment)) = line.split_once('#') else {
                    continue;
                };
                let words = comment
                    .split(|c: char| !c.is_alphabetic())
                    .map(str::to_lowercase);
                if let Some(w) = words.into_iter().find(|w| ENGLISH.contains(&w.as_str())) {
                    english.push(format!("{path}:{}: `{w}` in {line}", n + 1));
                }
            }
        }
        assert!(english.is_empty(), "{}", english.join("\n"));
    }

    /// The filesystem's root, however spelled, is no place for a site
    /// (`init /` as root wrote `/content/`, `/ci/`...). Only read here.
    #[cfg(unix)]
    #[test]
    fn the_filesystem_root_is_refused() {
        for root in ["/", "/tmp/..", "/./"] {
            assert!(
                matches!(
                    refuse_unfit_folder(Path::new(root)),
                    Err(Message::InitInRoot { .. })
                ),
                "{root}"
            );
        }
        assert!(refuse_unfit_folder(&std::env::temp_dir().join("nuovo-sito")).is_ok());
    }

    #[test]
    fn source_date_epoch_sets_the_day() {
        assert_eq!(today(Some("1795910400")).unwrap().to_string(), "2026-11-29");
        assert_eq!(today(Some(" 86399 ")).unwrap().to_string(), "1970-01-01");
        assert!(today(Some("ieri")).is_err());
    }

    /// `--forma elenco`: `altre_attivita` and the lists for the whole body
    /// set under the marker `check` reports, the rest of the settings as
    /// `uffici` writes them; the intro without its sentence about offices.
    #[test]
    fn the_list_shape_sets_the_body_wide_lists_under_the_marker() {
        let template = include_str!("files/_sito.yaml");
        let list = shaped("content/_sito.yaml", template, Forma::Elenco);
        let parsed: crate::model::SiteConfig = serde_yaml::from_str(&fill(
            &list,
            &Values {
                ente: "E".into(),
                base_url: placeholder::BASE_URL.into(),
                today: Date::from_days(0),
            },
        ))
        .expect("valid settings");
        assert!(parsed.altre_attivita.is_some());
        assert!(!parsed.smartizzabili.is_empty() && !parsed.non_smartizzabili.is_empty());
        let marker = list
            .lines()
            .position(|l| l == placeholder::EXAMPLE_LISTS_MARKER)
            .expect("the marker");
        assert_eq!(list.lines().nth(marker + 1), Some("smartizzabili:"));
        // Only keys and items are taken out of their comments; the rest is
        // `uffici`'s, prose comments included.
        let changed: Vec<(&str, &str)> = template
            .lines()
            .zip(
                list.lines()
                    .filter(|l| *l != placeholder::EXAMPLE_LISTS_MARKER),
            )
            .filter(|(a, b)| a != b)
            .collect();
        assert!(changed.len() >= 7, "{list}");
        for (a, b) in changed {
            assert_eq!(a.strip_prefix("# "), Some(b));
            assert!(b.starts_with(' ') || b.contains(':'), "{b}");
        }
        assert_eq!(
            shaped("content/_sito.yaml", template, Forma::Uffici),
            template
        );
        let intro = shaped(
            "content/_index.md",
            include_str!("files/_index.md"),
            Forma::Elenco,
        );
        assert!(!intro.contains(placeholder::UNITS_SENTENCE));
        assert!(intro.contains(placeholder::LIST_SENTENCE));
    }

    #[test]
    fn user_texts_stay_text_in_yaml() {
        let v = Values {
            ente: "Comune di Sant'Anna: \"Alta\" # 2".into(),
            base_url: placeholder::BASE_URL.into(),
            today: Date::from_days(0),
        };
        let text = fill(include_str!("files/_sito.yaml"), &v);
        let parsed: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(
            parsed["ente"].as_str(),
            Some("Comune di Sant'Anna: \"Alta\" # 2")
        );
        assert_eq!(parsed["aggiornato_il"].as_str(), Some("1970-01-01"));
        assert!(!text.contains('@'), "a marker is left:\n{text}");
    }

    /// Every key of the contract is in `init`'s templates (set, or commented
    /// out with its explanation) and in docs/CONTENT.md: a key added to the
    /// model without them fails here.
    #[test]
    fn init_and_the_contract_show_every_key_of_the_model() {
        let docs = include_str!("../../../docs/CONTENT.md");
        let template = |name: &str| {
            FILES
                .iter()
                .find(|f| f.0.ends_with(name))
                .map(|f| f.1)
                .unwrap_or_default()
        };
        for (file, keys) in [
            ("_sito.yaml", crate::model::SiteConfig::KEYS),
            ("ufficio-esempio.yaml", crate::model::UnitFile::KEYS),
        ] {
            let text = template(file);
            for key in keys {
                let shown = text.lines().any(|l| {
                    let l = l.trim_start_matches('#').trim_start();
                    l.starts_with(&format!("{key}:"))
                });
                assert!(shown, "`{key}` is not in init's {file}");
                assert!(
                    docs.contains(&format!("{key}:")) || docs.contains(&format!("`{key}`")),
                    "`{key}` is not in docs/CONTENT.md"
                );
            }
        }
    }

    #[test]
    fn the_example_unit_starts_with_the_marker() {
        let (_, text) = FILES
            .iter()
            .find(|f| f.0.ends_with("esempio.yaml"))
            .unwrap();
        assert_eq!(text.lines().next(), Some(placeholder::EXAMPLE_UNIT_MARKER));
    }
}
