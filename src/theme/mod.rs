//! The theme: Tera templates and static files. The default theme
//! (`themes/default/`) is compiled into the binary; a site's own
//! `themes/<tema>/` overrides it file by file (a site file wins, everything
//! else comes from the default). The site's theme folder, and every
//! symbolic link inside it, must lead inside the site folder (checked as
//! `load` checks content's links): a theme is published and served. The
//! built-in theme's scripts are served without their comments
//! (`search::minify`); a site's own static files as they are written.
//!
//! The theme's `lingue/<lingua>.ftl` hold the pages' fixed phrases, which
//! the templates read with `frase(id=...)` (`phrases`).
//!
//! This module loads and compiles templates once; it renders nothing and
//! knows nothing of the catalogue (see `render`).

mod phrases;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tera::{ErrorKind, ReportError, Tera};
use walkdir::WalkDir;

use crate::diagnostic::{Diagnostic, Diagnostics, diag};
use crate::i18n::t;
use crate::load;
use crate::model::Span;
use crate::source::{self, SourceFile};

pub(crate) use phrases::{DEFAULT_LANG, Phrases};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// The name of the built-in theme.
pub(crate) const DEFAULT: &str = "default";

/// Compiled templates plus the static files to copy into `assets/`.
pub struct Theme {
    /// The compiled templates.
    pub tera: Tera,
    /// Path under `static/` -> bytes.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// Template name -> its text and the file it came from, for error messages.
    sources: Sources,
    /// The pages' fixed phrases in the site's language.
    pub phrases: Arc<Phrases>,
    /// Some template is the site's own (`themes/<tema>/templates/`).
    site_templates: bool,
}

/// Template name -> its text, shown under the path the user knows it by
/// (`themes/<tema>/templates/...` for a site file, the default theme's path
/// for a built-in one).
type Sources = BTreeMap<String, SourceFile>;

impl Theme {
    /// Whether the site's theme has a template of its own: then a template
    /// may read anything of a page's context, even what the built-in ones
    /// no longer do (the table's `righe`).
    pub(crate) fn overrides_templates(&self) -> bool {
        self.site_templates
    }

    /// Where a template came from (a site file or the built-in theme).
    pub fn origin(&self, template: &str) -> PathBuf {
        origin(&self.sources, template)
    }

    /// Turns a Tera error into a diagnostic pointing at the template file and line.
    pub fn error(&self, err: &tera::Error, fallback_template: &str) -> Diagnostic {
        let mut all = tera_diagnostics(err, &self.sources, fallback_template);
        // Only the reference check at compile time joins several problems,
        // and a compiled theme has passed it: a render error is one problem.
        all.swap_remove(0)
    }
}

/// True for a theme name: lowercase letters, digits and dashes, which can
/// only name a folder directly inside `themes/`.
pub(crate) fn is_plain_name(tema: &str) -> bool {
    !tema.is_empty()
        && tema
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What `_sito.yaml` chooses of the theme: `tema` and `lingua`, with where
/// each key is written, to point at it.
#[derive(Default, Clone, Copy)]
pub struct Choice<'a> {
    /// `_sito.yaml`, when it was read.
    pub settings: Option<&'a source::SourceFile>,
    /// `tema` and its place.
    pub tema: Option<(&'a str, Option<Span>)>,
    /// `lingua` and its place.
    pub lingua: Option<(&'a str, Option<Span>)>,
}

/// Loads the theme `tema` (default: the built-in one) for the site at
/// `root`, with the phrases of `lingua` (default: Italian).
pub fn load(root: &Path, choice: Choice<'_>, diags: &mut Diagnostics) -> Option<Theme> {
    let (tema, tema_at) = choice.tema.unwrap_or((DEFAULT, None));
    // At a key of `_sito.yaml` when it is known.
    let located = |d: Diagnostic, at: Option<Span>| match (choice.settings, at) {
        (Some(s), Some(at)) => d.at_line(at.line, at.column, s.line(at.line)),
        _ => d,
    };
    let settings_file = choice.settings.map_or_else(
        || PathBuf::from("content/_sito.yaml"),
        |s| s.display.clone(),
    );
    let (lingua, lingua_at) = choice.lingua.unwrap_or((DEFAULT_LANG, None));
    if !phrases::is_language_code(lingua) {
        diags.push(located(
            diag!(
                Error,
                "theme-invalid-language",
                &settings_file,
                lang = lingua
            ),
            lingua_at,
        ));
        return None;
    }
    if !is_plain_name(tema) {
        diags.push(located(
            diag!(Error, "theme-invalid-name", &settings_file, theme = tema),
            tema_at,
        ));
        return None;
    }
    let site_dir = root.join("themes").join(tema);
    if tema != DEFAULT && !site_dir.is_dir() {
        diags.push(located(
            diag!(Error, "theme-missing", &settings_file, theme = tema),
            tema_at,
        ));
        return None;
    }

    let mut sources = Sources::new();
    let mut static_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    // `lingue/<lingua>.ftl` -> its text, the site's over the built-in ones.
    let mut languages: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut site_templates = false;

    for (path, bytes) in embedded::DEFAULT_THEME {
        // The theme's texts: its templates and its phrases.
        let texts = match (
            path.strip_prefix("templates/"),
            path.strip_prefix("lingue/"),
        ) {
            (Some(name), _) => Some((&mut sources, name)),
            (None, Some(name)) => Some((&mut languages, name)),
            _ => None,
        };
        if let Some((texts, name)) = texts {
            match std::str::from_utf8(bytes) {
                Ok(t) => {
                    let display = format!("themes/{DEFAULT}/{path}");
                    texts.insert(name.to_string(), SourceFile::new(display, t));
                }
                Err(_) => diags.push(diag!(
                    Error,
                    "theme-builtin-not-utf8",
                    format!("themes/{DEFAULT}/{path}")
                )),
            }
        } else if let Some(name) = path.strip_prefix("static/") {
            let bytes = match std::str::from_utf8(bytes) {
                // Served without comments; a site's own scripts (below) as written.
                Ok(js) if name.ends_with(".js") => crate::search::minify::script(js).into_bytes(),
                _ => bytes.to_vec(),
            };
            static_files.insert(name.to_string(), bytes);
        }
    }

    // The theme's folder, and every link inside it, must stay inside the
    // site folder, as content's links do: a theme is published (`static/`)
    // and served, so a link out would publish whatever it leads to.
    let site_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let base = format!("themes/{tema}");
    let shown = |p: &Path| match p.strip_prefix(&site_dir) {
        Ok(rel) if !rel.as_os_str().is_empty() => {
            format!("{base}/{}", rel.to_string_lossy().replace('\\', "/"))
        }
        _ => base.clone(),
    };
    if site_dir.exists()
        && let Err(d) = load::link_inside(&site_dir, &site_root, PathBuf::from(shown(&site_dir)))
    {
        diags.push(d);
        return None;
    }
    if site_dir.is_dir() {
        let mut walker = WalkDir::new(&site_dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walker.next() {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let at = e.path().map_or_else(|| shown(&site_dir), &shown);
                    diags.push(load::walk_error(PathBuf::from(at), &e));
                    continue;
                }
            };
            let display = PathBuf::from(shown(entry.path()));
            if entry.path_is_symlink()
                && let Err(d) = load::link_inside(entry.path(), &site_root, display.clone())
            {
                diags.push(d);
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
            if !entry.file_type().is_file() {
                diags.extend(load::not_regular(entry.file_type(), display));
                continue;
            }
            let Ok(rel) = entry.path().strip_prefix(&site_dir) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            let texts = match (rel.strip_prefix("templates/"), rel.strip_prefix("lingue/")) {
                (Some(name), _) => {
                    site_templates = true;
                    Some((&mut sources, name))
                }
                (None, Some(name)) => Some((&mut languages, name)),
                _ => None,
            };
            if let Some((texts, name)) = texts {
                match source::read(entry.path(), &display) {
                    Ok(f) => {
                        texts.insert(name.to_string(), f);
                    }
                    Err(d) => diags.push(d),
                }
            } else if let Some(name) = rel.strip_prefix("static/") {
                match std::fs::read(entry.path()) {
                    Ok(b) => {
                        static_files.insert(name.to_string(), b);
                    }
                    Err(e) => diags.push(load::cannot_read(display, e)),
                }
            }
        }
    }

    let builtin_it = languages.get(&format!("{DEFAULT_LANG}.ftl")).cloned();
    let Some(builtin_it) = builtin_it else {
        diags.push(diag!(
            Error,
            "theme-builtin-not-utf8",
            format!("themes/{DEFAULT}/lingue/{DEFAULT_LANG}.ftl")
        ));
        return None;
    };
    if !languages.contains_key(&format!("{lingua}.ftl")) {
        diags.push(located(
            diag!(
                Error,
                "theme-language-missing",
                &settings_file,
                lang = lingua,
                theme = tema
            ),
            lingua_at,
        ));
        return None;
    }
    let phrases = Arc::new(phrases::load(&languages, &builtin_it, lingua, diags)?);

    let mut tera = Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.set_escape_fn(escape_html);
    // `{{ "dal" | preposizione(davanti=data) }}`: "dall'" before "11 marzo",
    // "dal " before "12 marzo" (themes/default/CONTEXT.md).
    tera.register_filter(
        "preposizione",
        |prep: &str, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let next: Option<&str> = kwargs.get("davanti")?;
            Ok(crate::italian::before(prep, next.unwrap_or("")))
        },
    );
    register_phrases(&mut tera, &phrases);
    if let Err(e) =
        tera.add_raw_templates(sources.iter().map(|(k, v)| (k.as_str(), v.text.as_str())))
    {
        diags.extend(tera_diagnostics(&e, &sources, "base.html"));
        return None;
    }
    Some(Theme {
        tera,
        static_files,
        sources,
        phrases,
        site_templates,
    })
}

/// The templates' `frase(id="...", name=value...)`: the phrase `id` with its
/// arguments (numbers choose the plural form; texts are HTML-escaped), as
/// safe HTML; and `frasi_js()`, the search scripts' phrases for the page
/// (themes/default/CONTEXT.md).
fn register_phrases(tera: &mut Tera, phrases: &Arc<Phrases>) {
    let p = Arc::clone(phrases);
    // The phrases called with `id` alone, formatted once: the same text
    // every time (a page calls `frase` dozens of times, the table once per
    // cell); tera's strings are shared, so a copy is a count.
    let plain: HashMap<String, tera::Value> = phrases
        .without_arguments()
        .map(|(id, text)| (id.to_string(), tera::Value::safe_string(&text)))
        .collect();
    tera.register_function(
        "frase",
        move |kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<tera::Value> {
            let id: &str = kwargs.must_get("id")?;
            if kwargs.iter().all(|(key, _)| key.as_str() == Some("id"))
                && let Some(text) = plain.get(id)
            {
                return Ok(text.clone());
            }
            // Names and texts borrowed from the call: most calls pass a
            // count or a text with nothing to escape.
            let mut args = fluent_bundle::FluentArgs::new();
            for (key, value) in kwargs.iter() {
                let Some(name) = key.as_str().filter(|k| *k != "id") else {
                    continue;
                };
                if let Some(n) = value.as_i64() {
                    args.set(name, fluent_bundle::FluentValue::from(n));
                } else if let Some(x) = value.as_f64() {
                    args.set(name, fluent_bundle::FluentValue::from(x));
                } else {
                    let text = value
                        .as_str()
                        .map_or_else(|| Cow::Owned(value.to_string()), Cow::Borrowed);
                    let text = escaped(text).map_err(|e| tera::Error::message(e.to_string()))?;
                    args.set(name, fluent_bundle::FluentValue::from(text));
                }
            }
            p.format(id, &args)
                .map(|s| tera::Value::safe_string(&s))
                .ok_or_else(|| tera::Error::message(t!("theme-phrase-unknown", id = id)))
        },
    );
    let p = Arc::clone(phrases);
    tera.register_function(
        "frasi_js",
        move |_: tera::Kwargs, _: &tera::State| -> String { p.script_json() },
    );
}

/// `text` escaped as the templates escape it, borrowed when it has
/// nothing to escape.
fn escaped(text: Cow<'_, str>) -> std::io::Result<Cow<'_, str>> {
    if !text
        .bytes()
        .any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\''))
    {
        return Ok(text);
    }
    let mut out = Vec::with_capacity(text.len() + 16);
    escape_html(&text, &mut out)?;
    Ok(Cow::Owned(String::from_utf8_lossy(&out).into_owned()))
}

/// The templates' escaping: the same bytes as Tera's own `escape_html`
/// (`&`, `<`, `>`, `"` and `'`), written a run of plain text at a time
/// rather than a byte at a time (Tera's took ~6% of a build's CPU).
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let bytes = input.as_bytes();
    let mut plain = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        out.write_all(&bytes[plain..i])?;
        out.write_all(entity)?;
        plain = i + 1;
    }
    out.write_all(&bytes[plain..])
}

/// The file a template came from, as the user knows it.
fn origin(sources: &Sources, template: &str) -> PathBuf {
    sources.get(template).map_or_else(
        || PathBuf::from(format!("themes/{DEFAULT}/templates/{template}")),
        |f| f.display.clone(),
    )
}

/// Every problem in a Tera error, as diagnostics on the template files
/// (never empty). Tera 2 gives the template, span and message of a syntax or
/// render error; the template of an inheritance or include problem; only
/// text for the rest, which is then put on `fallback_template`.
fn tera_diagnostics(
    err: &tera::Error,
    sources: &Sources,
    fallback_template: &str,
) -> Vec<Diagnostic> {
    let on_file = |template: &str| {
        diag!(
            Error,
            "theme-template-error",
            origin(sources, template),
            detail = err.to_string()
        )
    };
    match err.kind() {
        ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
            vec![located(report, sources)]
        }
        ErrorKind::MissingParent { current: tpl, .. }
        | ErrorKind::CircularExtend { tpl, .. }
        | ErrorKind::CircularInclude { tpl, .. } => vec![on_file(tpl)],
        ErrorKind::Msg(text) => {
            let reports: Vec<Diagnostic> = text
                .split("\n\n")
                .filter_map(|r| from_printed_report(r, sources))
                .collect();
            if reports.is_empty() {
                vec![on_file(fallback_template)]
            } else {
                reports
            }
        }
        _ => vec![on_file(fallback_template)],
    }
}

/// A syntax or render error at its template's line and column.
fn located(report: &ReportError, sources: &Sources) -> Diagnostic {
    let span = report.span();
    // Tera's lines are 1-based, its columns 0-based characters.
    let (line, column) = (span.start_line, span.start_col + 1);
    at(sources, report.filename(), line, column, report.message())
}

/// `template error: MESSAGE` at `line:column` of `template`, with its line.
fn at(sources: &Sources, template: &str, line: usize, column: usize, message: &str) -> Diagnostic {
    let d = diag!(
        Error,
        "theme-template-error",
        origin(sources, template),
        detail = message
    );
    d.at_line(
        line,
        column,
        sources.get(template).and_then(|f| f.line(line)),
    )
}

/// One report of the reference check that Tera 2.4 runs once every template
/// is parsed (unknown filter, test, function or template, a block missing
/// from the parents). Tera prints them (`error: MSG`, `--> name:line:col`,
/// the line, a caret) and joins them into one `ErrorKind::Msg`, with no span
/// to read, so this is the one place that reads Tera's printed form.
fn from_printed_report(report: &str, sources: &Sources) -> Option<Diagnostic> {
    let mut lines = report.lines();
    let message = lines.next()?.strip_prefix("error: ")?;
    let mut place = lines
        .next()?
        .trim_start()
        .strip_prefix("--> ")?
        .rsplitn(3, ':');
    let column = place.next()?.parse::<usize>().ok()?;
    let line = place.next()?.parse::<usize>().ok()?;
    Some(at(sources, place.next()?, line, column, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tema(name: &str) -> Choice<'_> {
        Choice {
            tema: Some((name, None)),
            ..Choice::default()
        }
    }

    /// The pages' escaping writes exactly what Tera's own would.
    #[test]
    fn escaping_gives_teras_bytes() {
        for text in [
            "",
            "plain",
            "&",
            "<a href=\"x\">l'unità & \"più\" > 3</a>",
            "dell'ufficio'",
            "«città» — é'&<>\"'",
        ] {
            let (mut ours, mut teras) = (Vec::new(), Vec::new());
            escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut teras).unwrap();
            assert_eq!(String::from_utf8(ours), String::from_utf8(teras), "{text}");
        }
    }

    #[test]
    fn default_theme_is_embedded_and_compiles() {
        let mut d = Diagnostics::new();
        let theme =
            load(Path::new("/nonexistent"), Choice::default(), &mut d).expect("theme loads");
        assert!(d.is_empty(), "{:?}", d.sorted());
        for t in [
            "base.html",
            "index.html",
            "unit.html",
            "table.html",
            "table-row.html",
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
        assert!(load(Path::new("/nonexistent"), tema("blu"), &mut d).is_none());
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
        assert!(load(&dir.path().join("site"), tema("../x"), &mut d).is_none());
        assert_eq!(
            d.sorted()[0].code,
            Some("theme-invalid-name"),
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
        assert!(load(dir.path(), Choice::default(), &mut d).is_none());
        let e = d.sorted()[0].clone();
        assert_eq!(e.file, PathBuf::from("themes/default/templates/404.html"));
        assert_eq!(e.line, 2, "{e}");
    }
}
