//! The theme: Tera templates and static files. The default theme
//! (`themes/default/`) is compiled into the binary; a site's own
//! `themes/<tema>/` overrides it file by file (a site file wins, everything
//! else comes from the default).
//!
//! This module loads and compiles templates once; it renders nothing and
//! knows nothing of the catalogue (see `render`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::Span;
use crate::source;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// The name of the built-in theme.
pub const DEFAULT: &str = "default";

/// Compiled templates plus the static files to copy into `assets/`.
pub struct Theme {
    pub tera: Tera,
    /// Path under `static/` -> bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Template name -> the file it came from, for error messages.
    origins: BTreeMap<String, PathBuf>,
}

impl Theme {
    /// Where a template came from (a site file or the built-in theme).
    pub fn origin(&self, template: &str) -> PathBuf {
        self.origins
            .get(template)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(format!("themes/{DEFAULT}/templates/{template}")))
    }

    /// Turns a Tera error into a diagnostic pointing at the template file and line.
    pub fn error(&self, err: &tera::Error, fallback_template: &str) -> Diagnostic {
        tera_diagnostic(err, |name| self.origin(name), fallback_template)
    }
}

/// True for a theme name: lowercase letters, digits and dashes, which can
/// only name a folder directly inside `themes/`.
pub fn is_plain_name(tema: &str) -> bool {
    !tema.is_empty()
        && tema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Loads the theme `tema` (default: the built-in one) for the site at `root`;
/// `settings` is `_sito.yaml` and where its `tema` key is, to point at it.
pub fn load(
    root: &Path,
    tema: Option<&str>,
    settings: Option<(&source::SourceFile, Span)>,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let tema = tema.unwrap_or(DEFAULT);
    let located = |msg: String| match settings {
        Some((s, at)) => s.error_on(at, msg),
        None => Diagnostic::error("content/_sito.yaml", msg),
    };
    if !is_plain_name(tema) {
        diags.push(
            located(format!(
                "`{tema}` is not a theme name: `tema` names a folder inside themes/, in lowercase letters, digits and dashes"
            ))
            .with_hint("write only the folder's name, for example `tema: comune` for themes/comune/, or remove `tema` to use the default theme"),
        );
        return None;
    }
    let site_dir = root.join("themes").join(tema);
    if tema != DEFAULT && !site_dir.is_dir() {
        diags.push(
            located(format!(
                "the theme `{tema}` does not exist: there is no folder themes/{tema}/"
            ))
            .with_hint("remove `tema` to use the default theme, or create the folder"),
        );
        return None;
    }

    let mut templates: BTreeMap<String, String> = BTreeMap::new();
    let mut static_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut origins: BTreeMap<String, PathBuf> = BTreeMap::new();

    for (path, bytes) in embedded::DEFAULT_THEME {
        if let Some(name) = path.strip_prefix("templates/") {
            match std::str::from_utf8(bytes) {
                Ok(t) => {
                    templates.insert(name.to_string(), t.to_string());
                }
                Err(_) => diags.push(Diagnostic::error(
                    format!("themes/{DEFAULT}/{path}"),
                    "the built-in template is not UTF-8",
                )),
            }
        } else if let Some(name) = path.strip_prefix("static/") {
            static_files.insert(name.to_string(), bytes.to_vec());
        }
    }

    if site_dir.is_dir() {
        for entry in WalkDir::new(&site_dir).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        format!("themes/{tema}"),
                        format!("cannot read the theme folder: {e}"),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&site_dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let display = PathBuf::from(format!("themes/{tema}/{rel}"));
            if let Some(name) = rel.strip_prefix("templates/") {
                match source::read(entry.path(), &display) {
                    Ok(f) => {
                        templates.insert(name.to_string(), f.text);
                        origins.insert(name.to_string(), display);
                    }
                    Err(d) => diags.push(d),
                }
            } else if let Some(name) = rel.strip_prefix("static/") {
                match std::fs::read(entry.path()) {
                    Ok(b) => {
                        static_files.insert(name.to_string(), b);
                    }
                    Err(e) => diags.push(Diagnostic::error(display, format!("cannot read: {e}"))),
                }
            }
        }
    }

    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    if let Err(e) = tera.add_raw_templates(templates.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    {
        let origin = |name: &str| {
            origins
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(format!("themes/{DEFAULT}/templates/{name}")))
        };
        diags.push(tera_diagnostic(&e, origin, "base.html"));
        return None;
    }
    Some(Theme {
        tera,
        static_files,
        origins,
    })
}

/// Reads Tera 2's report (`error: MSG` / `--> name:line:col` / source / caret)
/// back into a diagnostic on the template's file.
fn tera_diagnostic(
    err: &tera::Error,
    origin: impl Fn(&str) -> PathBuf,
    fallback_template: &str,
) -> Diagnostic {
    let report = err.to_string();
    let mut lines = report.lines();
    let first = lines.next().unwrap_or_default();
    let message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    let located = lines
        .next()
        .and_then(|l| l.trim_start().strip_prefix("--> "))
        .and_then(|loc| {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next()?.parse::<usize>().ok()?;
            let line = parts.next()?.parse::<usize>().ok()?;
            Some((parts.next()?.to_string(), line, col))
        });
    let source_line = report
        .lines()
        .nth(3)
        .and_then(|l| l.split_once(" | "))
        .map(|(_, s)| s.to_string());
    match located {
        Some((name, line, column)) => {
            let mut d = Diagnostic::error(origin(&name), format!("template error: {message}"));
            d.line = line;
            d.column = column;
            d.source_line = source_line;
            d
        }
        None => Diagnostic::error(
            origin(fallback_template),
            format!("template error: {}", report.replace('\n', " ")),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_is_embedded_and_compiles() {
        let mut d = Diagnostics::new();
        let theme = load(Path::new("/nonexistent"), None, None, &mut d).expect("theme loads");
        assert!(d.is_empty(), "{:?}", d.sorted());
        for t in [
            "base.html",
            "index.html",
            "unit.html",
            "table.html",
            "page.html",
            "404.html",
        ] {
            assert!(
                theme.tera.get_template_names().any(|n| n == t),
                "missing {t}"
            );
        }
        assert!(theme.static_files.contains_key("style.css"));
    }

    #[test]
    fn unknown_theme_is_an_error() {
        let mut d = Diagnostics::new();
        assert!(load(Path::new("/nonexistent"), Some("blu"), None, &mut d).is_none());
        assert!(d.sorted()[0].message.contains("`blu`"));
    }

    #[test]
    fn only_plain_names_name_a_theme() {
        for ok in ["default", "comune-di-prova", "tema2"] {
            assert!(is_plain_name(ok), "{ok}");
        }
        for bad in [
            "", "/etc", "../x", "a/b", "Comune", "tema.old", "a b", "..", "c:\\x",
        ] {
            assert!(!is_plain_name(bad), "{bad}");
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("x/static")).unwrap();
        let mut d = Diagnostics::new();
        assert!(load(&dir.path().join("site"), Some("../x"), None, &mut d).is_none());
        assert!(
            d.sorted()[0].message.contains("not a theme name"),
            "{:?}",
            d.sorted()
        );
    }

    #[test]
    fn site_template_overrides_and_errors_point_at_it() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("themes/default/templates");
        std::fs::create_dir_all(&t).unwrap();
        std::fs::write(t.join("404.html"), "ok\n{% if %}\n").unwrap();
        let mut d = Diagnostics::new();
        assert!(load(dir.path(), None, None, &mut d).is_none());
        let e = d.sorted()[0].clone();
        assert_eq!(e.file, PathBuf::from("themes/default/templates/404.html"));
        assert_eq!(e.line, 2, "{e}");
    }
}
