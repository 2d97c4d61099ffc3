//! User-facing problems as values: a file, a line, a column, a message and an
//! optional hint, printed like rustc and Zola do (`path:line:col`, the
//! offending line, a caret).
//!
//! Every stage of the pipeline reports into a [`Diagnostics`] collector instead
//! of returning early, so one run shows every problem it can find. This module
//! only formats; it never decides what is wrong.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::t;

/// How bad a problem is: errors stop the build, warnings do not (unless
/// strict); notes are information that never fails a run, even strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    /// The word shown to a person, in the current language (`errore`).
    pub fn label(self) -> String {
        match self {
            Severity::Error => t!("diagnostic-error"),
            Severity::Warning => t!("diagnostic-warning"),
            Severity::Note => t!("diagnostic-note"),
        }
    }

    /// The word programs read (JSON, GitHub, GitLab): always English.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem found in the user's files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error, warning or note.
    pub severity: Severity,
    /// The file as the user knows it (relative to the site root when possible).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters); 0 when unknown.
    pub column: usize,
    /// What is wrong, in the user's terms.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// The text of the offending line, shown under the message.
    pub source_line: Option<String>,
    /// The stable code of the problem: the id of its message in the
    /// catalogue (`yaml-unknown-key`), the same in every language; shown
    /// after the message, in the JSON, GitHub and GitLab output, and
    /// explained by `trasparenza spiega CODE`.
    pub code: Option<&'static str>,
}

impl Diagnostic {
    /// A problem of `severity` in `file` (not yet placed on a line).
    pub fn new(severity: Severity, file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            ..Diagnostic::error(file, message)
        }
    }

    /// An error in `file` (not yet placed on a line).
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
            code: None,
        }
    }

    /// A warning in `file` (not yet placed on a line).
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the problem at `line:column` and keeps that line of `text` to show it.
    /// Information that never fails a run, not even with `--strict`.
    pub fn note(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(file, message)
        }
    }

    /// Placed at `line`:`column` (1-based) of `text`, whose line is shown.
    pub fn at(mut self, text: &str, line: usize, column: usize) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = if line > 0 {
            text.lines()
                .nth(line - 1)
                .map(|l| l.trim_end_matches('\r').to_string())
        } else {
            None
        };
        self
    }

    /// Places the problem at `line:column`, showing `source_line` under it.
    pub fn at_line(mut self, line: usize, column: usize, source_line: Option<&str>) -> Self {
        self.line = line;
        self.column = column;
        self.source_line = source_line.map(str::to_string);
        self
    }

    /// With a hint saying what to do.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// With its stable code, the catalogue id of its message ([`diag!`]
    /// sets it).
    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = Some(code);
        self
    }

    /// Whether it fails the run.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or less when the position is unknown).
    pub fn location(&self) -> String {
        let path = display_path(&self.file);
        match (self.line, self.column) {
            (0, _) => path,
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        }
    }
}

impl Diagnostic {
    /// `{severity, file, line, column, message, hint}`; an unknown line or
    /// column is `null`.
    pub fn to_json(&self) -> serde_json::Value {
        let known = |n: usize| (n > 0).then_some(n);
        serde_json::json!({
            "severity": self.severity.as_str(),
            "file": display_path(&self.file),
            "line": known(self.line),
            "column": known(self.column),
            "message": self.message,
            "hint": self.hint,
            "code": self.code,
        })
    }

    /// A GitHub Actions workflow command (`::error file=...,line=...::msg`)
    /// that shows the problem on the line in the pull request. `site` is
    /// the site folder as given on the command line, so the file is named
    /// from the repository's root.
    pub fn github(&self, site: &Path) -> String {
        let mut props = vec![format!("file={}", github_property(&self.repo_path(site)))];
        if self.line > 0 {
            props.push(format!("line={}", self.line));
        }
        if self.column > 0 {
            props.push(format!("col={}", self.column));
        }
        props.push(match self.code {
            Some(code) => format!("title=trasparenza {code}"),
            None => "title=trasparenza".to_string(),
        });
        let mut text = self.message.clone();
        if let Some(h) = &self.hint {
            text.push('\n');
            text.push_str(&t!("diagnostic-hint"));
            text.push_str(": ");
            text.push_str(h);
        }
        let command = match self.severity {
            Severity::Note => "notice",
            other => other.as_str(),
        };
        format!("::{} {}::{}", command, props.join(","), github_data(&text))
    }
}

impl Diagnostic {
    /// The file named from the repository's root: `site` is the site folder
    /// as given on the command line (CI runs from the repository's root).
    fn repo_path(&self, site: &Path) -> String {
        let file = if site == Path::new(".") {
            self.file.clone()
        } else if site.is_absolute() {
            // `--root ${{ github.workspace }}/sito`: named from the current
            // folder when the site lies in it (it was `content/...`, a file
            // the pull request does not have).
            let cwd = std::env::current_dir().and_then(|c| c.canonicalize());
            match (cwd, site.canonicalize()) {
                (Ok(cwd), Ok(site)) => match site.strip_prefix(&cwd) {
                    Ok(rel) => rel.join(&self.file),
                    Err(_) => self.file.clone(),
                },
                _ => self.file.clone(),
            }
        } else {
            site.join(&self.file)
        };
        display_path(&file).trim_start_matches("./").to_string()
    }

    /// One issue of a GitLab Code Quality report: `description` (with the
    /// hint), `check_name`, `fingerprint` (stable for the same problem at the
    /// same place), `severity` (`critical` for errors, `minor` for warnings)
    /// and `location` (`path` from the repository's root, `lines.begin`).
    pub fn gitlab(&self, site: &Path) -> serde_json::Value {
        let path = self.repo_path(site);
        let mut description = self.message.clone();
        if let Some(h) = &self.hint {
            description.push_str(" (");
            description.push_str(&t!("diagnostic-hint"));
            description.push_str(": ");
            description.push_str(h);
            description.push(')');
        }
        let key = format!(
            "{}\0{path}\0{}\0{}\0{}",
            self.severity.as_str(),
            self.line,
            self.column,
            self.message
        );
        serde_json::json!({
            "description": description,
            "check_name": self.code.unwrap_or("trasparenza"),
            "fingerprint": format!("{:016x}", fnv1a(key.as_bytes())),
            "severity": match self.severity {
                Severity::Error => "critical",
                Severity::Warning => "minor",
                Severity::Note => "info",
            },
            "location": {"path": path, "lines": {"begin": self.line.max(1)}},
        })
    }
}

/// A GitHub Actions notice on no file (`::notice title=trasparenza::text`).
pub(crate) fn github_notice(text: &str) -> String {
    format!("::notice title=trasparenza::{}", github_data(text))
}

/// FNV-1a, 64 bits: a fingerprint that stays the same across runs and
/// versions (std's hasher promises neither).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Escapes the message of a workflow command: `%`, CR and LF as GitHub
/// asks, and every other control character or bidirectional override as
/// `\u{1b}`, as [`printable`] does for a terminal (the log viewer renders
/// ESC sequences).
fn github_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if hidden(c) => out.push_str(&escaped(c)),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value of a workflow command.
fn github_property(s: &str) -> String {
    github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Paths are printed with `/` on every platform so messages are stable.
pub(crate) fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A control character or a bidirectional override: never shown raw.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A hidden character as it is shown: `\u{1b}`.
fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// `s` with every control character (ESC, CR, BEL, ...) and every
/// bidirectional override written as `\u{1b}`: text from the content must
/// not move the cursor, clear the screen, set the terminal's title or
/// reorder what the reader sees. Tabs in `source` lines are shown as `→`.
pub(crate) fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(hidden) {
        return s.into();
    }
    s.chars()
        .map(|c| if hidden(c) { escaped(c) } else { c.to_string() })
        .collect::<String>()
        .into()
}

/// The longest source line shown whole, in characters (real activities and
/// Markdown paragraphs run to several hundred); a longer one is shown as
/// this many characters around the column.
const SHOWN_CHARS: usize = 1_000;

/// The part of `src` shown under a problem and the 1-based column in it (0:
/// none): the whole line when it is short, else [`SHOWN_CHARS`] characters
/// around `column` with `…` where the line was cut. A minified file, or a
/// whole text pasted on one line, printed all of its line (hundreds of
/// kilobytes on the terminal and in the preview's overlay).
pub(crate) fn excerpt(src: &str, column: usize) -> (std::borrow::Cow<'_, str>, usize) {
    let len = src.chars().count();
    if len <= SHOWN_CHARS {
        return (src.into(), column);
    }
    let at = column.saturating_sub(1).min(len);
    let start = at.saturating_sub(SHOWN_CHARS / 2).min(len - SHOWN_CHARS);
    let end = start + SHOWN_CHARS;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(src.chars().skip(start).take(SHOWN_CHARS));
    if end < len {
        shown.push('…');
    }
    let column = if column == 0 {
        0
    } else {
        at - start + 1 + usize::from(start > 0)
    };
    (shown.into(), column)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.code.map(|c| format!(" [{c}]")).unwrap_or_default();
        writeln!(
            f,
            "{}: {}: {}{code}",
            printable(&self.location()),
            self.severity.label(),
            printable(&self.message)
        )?;
        // The gutter is as wide as the line number; `|` and `=` line up.
        let gutter = self.line.to_string();
        let pad = " ".repeat(gutter.len());
        if let Some(line) = &self.source_line {
            let (src, column) = excerpt(line, self.column);
            let shown = |s: &str| printable(&s.replace('\t', "→")).into_owned();
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {}", shown(&src))?;
            if column > 0 {
                // Under the character, however wide the escapes before it are.
                let before: String = src.chars().take(column - 1).collect();
                let width = shown(&before).chars().count();
                writeln!(f, "{pad} | {}^", " ".repeat(width))?;
            }
        }
        if let Some(hint) = &self.hint {
            let pad = if self.source_line.is_some() {
                pad.as_str()
            } else {
                " "
            };
            writeln!(f, "{pad} = {}: {}", t!("diagnostic-hint"), printable(hint))?;
        }
        Ok(())
    }
}

/// `diag!(Error, "yaml-unknown-key", file, key = k, suggestion = s)`: a
/// [`Diagnostic`] of that severity in `file` whose message is the catalogue
/// entry `yaml-unknown-key` (`locales/<lang>/yaml.ftl`), whose hint is that
/// entry's `.hint` attribute when it has one, and whose code is the id.
/// The arguments fill both (`{ $key }`); a hint chosen among several
/// (`.hint-keys`) is added with `.with_hint(t!("yaml-unknown-key.hint-keys", ...))`.
macro_rules! diag {
    ($severity:ident, $id:literal, $file:expr $(, $name:ident = $value:expr)* $(,)?) => {{
        let args = [$((stringify!($name), $crate::i18n::Arg::from($value))),*];
        let d = $crate::diagnostic::Diagnostic::new(
            $crate::diagnostic::Severity::$severity,
            $file,
            $crate::i18n::message($id, &args),
        )
        .with_code($id);
        let hint = concat!($id, ".hint");
        if $crate::i18n::has(hint) {
            d.with_hint($crate::i18n::message(hint, &args))
        } else {
            d
        }
    }};
}
pub(crate) use diag;

/// Collects the problems of a run, in the order they were found.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No problem yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one problem.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds every problem of `ds`.
    pub fn extend(&mut self, ds: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(ds);
    }

    /// Keeps only the problems `keep` accepts.
    pub(crate) fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.items.retain(keep);
    }

    /// How many problems so far: a mark for [`Diagnostics::since`].
    pub(crate) fn mark(&self) -> usize {
        self.items.len()
    }

    /// The problems added after `mark`.
    pub(crate) fn since(&self, mark: usize) -> Vec<Diagnostic> {
        self.items.get(mark..).unwrap_or_default().to_vec()
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether there is no problem at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The problems sorted by file and position, so output is stable.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity).cmp(&(&b.file, b.line, b.column, b.severity))
        });
        v
    }

    /// The problems, in the order they were found.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn hint_lines_up_with_a_wide_gutter() {
        with_lang(Lang::En, || {
            let text = "a\n".repeat(11);
            let d = Diagnostic::error("content/x.yaml", "bad")
                .at(&text, 11, 1)
                .with_hint("h");
            assert_eq!(
                d.to_string(),
                "content/x.yaml:11:1: error: bad\n   |\n11 | a\n   | ^\n   = hint: h\n"
            );
        })
    }

    /// A line of 200,000 characters (a minified or pasted text) is shown
    /// as 1,000 around the column, the caret under the same character; it was
    /// printed whole.
    #[test]
    fn a_very_long_line_is_shown_around_the_column() {
        with_lang(Lang::En, || {
            let line = format!("{}X{}", "a".repeat(100_000), "b".repeat(100_000));
            let d = Diagnostic::error("content/x.yaml", "bad").at(&line, 1, 100_001);
            let shown = d.to_string();
            assert!(shown.len() < 4_000, "{} bytes", shown.len());
            let lines: Vec<&str> = shown.lines().collect();
            let src = lines[2].strip_prefix("1 | ").unwrap();
            let caret = lines[3].strip_prefix("  | ").unwrap();
            assert!(src.starts_with('…') && src.ends_with('…'), "{src}");
            let at = caret.chars().count() - 1;
            assert_eq!(src.chars().nth(at), Some('X'), "{src}\n{caret}");
            // At the start and the end of the line, the caret still points.
            for (col, want) in [(1, 'a'), (200_001, 'b')] {
                let (src, c) = excerpt(&line, col);
                assert_eq!(src.chars().nth(c - 1), Some(want), "{col}");
                assert!(src.chars().count() <= SHOWN_CHARS + 2);
            }
            // A short line is shown whole.
            assert_eq!(excerpt("abc", 2), ("abc".into(), 2));
        })
    }

    #[test]
    fn display_shows_location_line_and_caret() {
        with_lang(Lang::En, || {
            let text = "nome: X\nsmartizabili:\n  - a\n";
            let d = Diagnostic::error("content/x.yaml", "unknown key `smartizabili`")
                .at(text, 2, 1)
                .with_hint("did you mean `smartizzabili`?");
            let shown = d.to_string();
            assert_eq!(
                shown,
                "content/x.yaml:2:1: error: unknown key `smartizabili`\n  |\n2 | smartizabili:\n  | ^\n  = hint: did you mean `smartizzabili`?\n"
            );
        })
    }

    #[test]
    fn control_characters_are_escaped_and_the_caret_follows() {
        with_lang(Lang::En, || {
            let text = "nome: A\nsmartizzabili:\n  - \u{1b}]0;x\u{7}Uno\u{1b}[2J -\n";
            let d = Diagnostic::warning("content/\u{1b}x.yaml", "text \"\u{1b}[2JUno\u{202e}\"")
                .at(text, 3, 12)
                .with_hint("\u{9b}31m");
            let shown = d.to_string();
            assert!(
                !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
                "{shown:?}"
            );
            assert!(
                !shown.contains('\u{9b}') && !shown.contains('\u{202e}'),
                "{shown:?}"
            );
            assert_eq!(
                shown,
                "content/\\u{1b}x.yaml:3:12: warning: text \"\\u{1b}[2JUno\\u{202e}\"\n  |\n3 |   - \\u{1b}]0;x\\u{7}Uno\\u{1b}[2J -\n  |                     ^\n  = hint: \\u{9b}31m\n"
            );
        })
    }

    #[test]
    fn json_has_every_field() {
        with_lang(Lang::En, || {
            let d = Diagnostic::error("content/x.yaml", "bad")
                .at("a\n", 1, 2)
                .with_hint("h");
            assert_eq!(
                d.to_json(),
                serde_json::json!({"severity": "error", "file": "content/x.yaml", "line": 1,
                "column": 2, "message": "bad", "hint": "h", "code": null})
            );
            let w = Diagnostic::warning("content/_sito.yaml", "w");
            assert_eq!(
                w.to_json(),
                serde_json::json!({"severity": "warning", "file": "content/_sito.yaml", "line": null,
                "column": null, "message": "w", "hint": null, "code": null})
            );
        })
    }

    #[test]
    fn github_annotations_are_escaped() {
        with_lang(Lang::En, || {
            let d = Diagnostic::error("content/a,b:c.yaml", "100% wrong\r\nreally")
                .at("x\n", 1, 3)
                .with_hint("fix");
            assert_eq!(
                d.github(Path::new("site")),
                "::error file=site/content/a%2Cb%3Ac.yaml,line=1,col=3,title=trasparenza::100%25 wrong%0D%0Areally%0Ahint: fix"
            );
            // ESC, BEL and a bidirectional override from the content, in the
            // file's name, the message and the hint: escaped, never raw.
            let e = Diagnostic::warning("content/\u{1b}x.yaml", "a\u{1b}[2Jb\u{202e}")
                .with_hint("\u{7}h\tt");
            assert_eq!(
                e.github(Path::new(".")),
                "::warning file=content/\\u{1b}x.yaml,title=trasparenza::a\\u{1b}[2Jb\\u{202e}%0Ahint: \\u{7}h\\u{9}t"
            );
            let w = Diagnostic::warning("content/x.yaml", "w");
            assert_eq!(
                w.github(Path::new(".")),
                "::warning file=content/x.yaml,title=trasparenza::w"
            );
        })
    }

    #[test]
    fn gitlab_issue_has_the_code_quality_fields() {
        with_lang(Lang::En, || {
            let d = Diagnostic::error("content/x.yaml", "bad")
                .at("a\n", 1, 2)
                .with_hint("h");
            let v = d.gitlab(Path::new("site"));
            assert_eq!(v["description"], "bad (hint: h)");
            assert_eq!(v["check_name"], "trasparenza");
            assert_eq!(v["severity"], "critical");
            assert_eq!(
                v["location"],
                serde_json::json!({"path": "site/content/x.yaml", "lines": {"begin": 1}})
            );
            let w = Diagnostic::warning("content/_sito.yaml", "w");
            let wv = w.gitlab(Path::new("."));
            assert_eq!(wv["severity"], "minor");
            assert_eq!(wv["location"]["path"], "content/_sito.yaml");
            assert_eq!(wv["location"]["lines"]["begin"], 1);
            // Stable across runs, different for different problems.
            assert_eq!(v["fingerprint"], d.gitlab(Path::new("site"))["fingerprint"]);
            assert_ne!(v["fingerprint"], wv["fingerprint"]);
            assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        })
    }

    #[test]
    fn location_without_position_is_just_the_path() {
        let d = Diagnostic::error("content/_sito.yaml", "missing");
        assert_eq!(d.location(), "content/_sito.yaml");
    }

    #[test]
    fn the_fixed_words_follow_the_language_and_the_code_follows_the_message() {
        let d = Diagnostic::error("content/x.yaml", "m")
            .at("a\n", 1, 1)
            .with_hint("h")
            .with_code("yaml-unknown-key");
        assert_eq!(
            d.to_string(),
            "content/x.yaml:1:1: errore: m [yaml-unknown-key]\n  |\n1 | a\n  | ^\n  = suggerimento: h\n"
        );
        with_lang(Lang::En, || {
            assert!(
                d.to_string()
                    .starts_with("content/x.yaml:1:1: error: m [yaml-unknown-key]\n")
            );
            assert!(d.to_string().ends_with("  = hint: h\n"));
        });
        assert_eq!(d.to_json()["code"], "yaml-unknown-key");
        assert_eq!(d.to_json()["severity"], "error");
        assert_eq!(d.gitlab(Path::new("."))["check_name"], "yaml-unknown-key");
        assert!(
            d.github(Path::new("."))
                .contains(",title=trasparenza yaml-unknown-key::")
        );
    }
}
