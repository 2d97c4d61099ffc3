//! Slips of a hurried typist that YAML reads differently from what was
//! meant, found by one pass over the lines and reported at their own line:
//!
//! - a line starting `-Sportello` (no space) or with a typed bullet (`•`,
//!   `·`, `* `, `–`, ...): not a list item; YAML adds it to the text above
//!   or cannot read the list at all, and libyaml reports the *next* line;
//! - ` #` after an unquoted item's text (or `testo:` / `note:` value): YAML
//!   cuts the rest off as a comment;
//! - a value starting with a quote and going on after it
//!   (`- 'attività' di portierato`, `responsabile: "Dott.ssa Rossi" tel. ...`),
//!   and a text starting with `* ` (an alias mark);
//! - an anchor (`&nome`) or an alias (`*nome`): YAML copies a value from
//!   one place to another, which whoever edits the file next may not see;
//!   a standard tag (`!!binary`, `!!str`), which the reader drops.
//!
//! The scanner never decides whether the YAML is valid: `yaml::parse` asks
//! it for the slip next to a syntax error or a schema problem, and
//! `load` reports what is left of a file that parsed as warnings. Lines inside
//! `|`/`>` blocks and multi-line quoted texts are text, never slips.

use crate::diagnostic::{Diagnostic, Severity, diag};
use crate::source::SourceFile;

use super::positions::{closes_quote, quoted_end, split_key};

/// Marks pasted from word processors and mail at the start of a list line.
const BULLETS: &[char] = &['•', '·', '–', '—', '▪', '◦', '●', '‣', '*'];

/// What went wrong on a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The line starts with `mark` instead of `- `.
    Bullet { mark: char },
    /// An unquoted text followed by ` #`: `cut` is what YAML drops.
    Comment { cut: String, suggestion: String },
    /// A text starting with a quoted part followed by more text.
    QuotedStart { quoted: String, suggestion: String },
    /// A text starting with `* `, which YAML reads as an alias.
    Star { suggestion: String },
    /// `- - dirigente`: a pasted dash read as a list inside the list.
    DoubleDash { suggestion: String },
    /// `&name` (an anchor) or `*name` (a copy of the anchored value).
    Anchor { mark: char, name: String },
    /// A standard YAML tag (`!!binary`, `!!str`), which the reader drops;
    /// any other tag is an error of the schema walk.
    Tag { tag: String },
}

/// One slip: where (1-based, columns in characters) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Slip {
    pub line: usize,
    pub column: usize,
    pub kind: Kind,
}

/// Text lines that a scalar spanning several lines keeps as text.
enum Skip {
    /// The content of a `|` or `>` block owned by a key or dash at this indent.
    Block(usize),
    /// A quoted text not yet closed.
    Quoted(char),
}

/// Every slip of `text`, in line order. Linear in the length of the text.
#[cfg(test)]
fn scan(text: &str) -> Vec<Slip> {
    scan_lines(text.lines())
}

/// Every slip of the text of `file`.
fn scan_file(file: &SourceFile) -> Vec<Slip> {
    scan_lines(file.lines())
}

/// Every slip of a text given as its lines (as `str::lines` gives them),
/// in line order. Linear in the length of the text.
fn scan_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Slip> {
    let mut out = Vec::new();
    let mut skip: Option<Skip> = None;
    for (i, raw) in lines.enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let body = &raw[indent..];
        match skip {
            Some(Skip::Block(owner)) if body.trim().is_empty() || indent > owner => continue,
            Some(Skip::Quoted(q)) => {
                if closes_quote(raw, q) {
                    skip = None;
                }
                continue;
            }
            _ => skip = None,
        }
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        if indent == 0 && (body.starts_with("---") || body.starts_with("...")) {
            continue;
        }
        let col = |byte: usize| raw[..byte].chars().count() + 1;
        if let Some(mark) = bullet(body) {
            out.push(Slip {
                line,
                column: indent + 1,
                kind: Kind::Bullet { mark },
            });
            continue;
        }
        // `- ` items (possibly nested), then an optional `key: `.
        let mut at = indent;
        let mut owner = indent;
        let mut dashes = Vec::new();
        while let Some(rest) = raw[at..]
            .strip_prefix("- ")
            .or_else(|| raw[at..].strip_prefix("-\t"))
        {
            dashes.push(at);
            owner = at;
            at = raw.len() - rest.trim_start_matches([' ', '\t']).len();
        }
        let item = !dashes.is_empty();
        let (text_value, value_at) = match split_key(&raw[at..]) {
            Some((key, off)) => {
                let rest = &raw[at + off..];
                let value_at = raw.len() - rest.trim_start_matches([' ', '\t']).len();
                (matches!(&*key, "testo" | "note"), value_at)
            }
            None if item => (true, at),
            None => continue, // the continuation of a text, or not block YAML
        };
        let prefix = &raw[indent..value_at];
        let value = &raw[value_at..];
        let Some(first) = value.chars().next() else {
            continue;
        };
        if let [_, inner, ..] = dashes[..]
            && value_at == at
            && !matches!(first, '|' | '>' | '[' | '{' | '#')
        {
            out.push(Slip {
                line,
                column: col(inner),
                kind: Kind::DoubleDash {
                    suggestion: format!("- {}", requote(raw[inner..].trim_end())),
                },
            });
            continue;
        }
        match first {
            '|' | '>' => skip = Some(Skip::Block(owner)),
            '"' | '\'' => match quoted_end(value, first) {
                None => skip = Some(Skip::Quoted(first)),
                Some(end) => {
                    // Any key's value (`responsabile: "Dott.ssa Rossi" tel.
                    // 0541 ...`), not only a text's, ends at its quotes.
                    let after = value[end..].trim_start_matches([' ', '\t']);
                    if !after.is_empty() && !after.starts_with('#') {
                        out.push(Slip {
                            line,
                            column: col(value_at),
                            kind: Kind::QuotedStart {
                                quoted: value[..end].to_string(),
                                suggestion: format!("{prefix}{}", requote(value.trim_end())),
                            },
                        });
                    }
                }
            },
            '*' if text_value && value[1..].starts_with([' ', '\t']) => out.push(Slip {
                line,
                column: col(value_at),
                kind: Kind::Star {
                    suggestion: format!("{prefix}{}", requote(value.trim_end())),
                },
            }),
            '&' | '*' => {
                let name: String = value[1..]
                    .chars()
                    .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
                    .collect();
                if !name.is_empty() {
                    out.push(Slip {
                        line,
                        column: col(value_at),
                        kind: Kind::Anchor { mark: first, name },
                    });
                }
            }
            '!' if value.starts_with("!!") => {
                let tag: String = value.chars().take_while(|c| !c.is_whitespace()).collect();
                out.push(Slip {
                    line,
                    column: col(value_at),
                    kind: Kind::Tag { tag },
                });
            }
            '[' | '{' | '!' | '%' | '@' | '`' | '#' => {}
            _ if text_value => {
                if let Some(hash) = comment_start(value)
                    && !value[..hash].contains(": ")
                {
                    let kept = value[..hash].trim_end();
                    out.push(Slip {
                        line,
                        column: col(value_at + hash),
                        kind: Kind::Comment {
                            cut: value[hash..].trim_end().to_string(),
                            suggestion: format!(
                                "{prefix}{}",
                                requote(&format!("{kept} {}", &value[hash..].trim_end()))
                            ),
                        },
                    });
                }
            }
            _ => {}
        }
        // Deeper lines under `descrizione: Un testo` continue that text;
        // a `•` there was meant as a Markdown list, not as an item.
        if !item && skip.is_none() && !matches!(first, '#' | '&' | '!') {
            skip = Some(Skip::Block(owner));
        }
    }
    out
}

/// The mark a line starts with when it looks like a list item but is not
/// one: `-Sportello`, `• Sportello`, `* Sportello`.
fn bullet(body: &str) -> Option<char> {
    let mut chars = body.chars();
    let first = chars.next()?;
    let next = chars.next();
    match first {
        '-' => next.filter(|c| !c.is_whitespace()).map(|_| '-'),
        // `*name` is an alias; a bullet `*` is followed by a space.
        '*' => next.filter(|c| *c == ' ' || *c == '\t').map(|_| '*'),
        c if BULLETS.contains(&c) => Some(c),
        _ => None,
    }
}

/// Where ` #` (a comment) starts in a plain text, as a byte offset.
fn comment_start(value: &str) -> Option<usize> {
    // Bytes: `#` and the blanks are ASCII, never part of another character.
    value
        .as_bytes()
        .windows(2)
        .position(|w| w[1] == b'#' && matches!(w[0], b' ' | b'\t'))
        .map(|i| i + 1)
}

/// `text` as one YAML double-quoted text; single-quoted when it holds `"`.
fn requote(text: &str) -> String {
    if text.contains('"') {
        format!("'{}'", text.replace('\'', "''"))
    } else {
        format!("\"{}\"", text.replace('\\', "\\\\"))
    }
}

/// How [`requote`] quoted the text that ends `suggestion`: the `$quotes`
/// of the catalogue's messages.
fn quotes(suggestion: &str) -> &'static str {
    if suggestion.ends_with('\'') {
        "single"
    } else {
        "double"
    }
}

/// The located error or warning for `slip` in `file`.
pub(crate) fn diagnostic(file: &SourceFile, slip: &Slip, error: bool) -> Diagnostic {
    let path = &file.display;
    let severity = if error { "error" } else { "warning" };
    let d = match &slip.kind {
        Kind::Bullet { mark: '-' } => diag!(
            Error,
            "yaml-slip-dash-without-space",
            path,
            severity = severity
        ),
        Kind::Bullet { mark } => diag!(
            Error,
            "yaml-slip-bullet",
            path,
            mark = mark.to_string(),
            severity = severity
        ),
        Kind::Comment { cut, suggestion } => diag!(
            Error,
            "yaml-slip-comment",
            path,
            cut = cut,
            quotes = quotes(suggestion),
            suggestion = suggestion
        ),
        Kind::QuotedStart { quoted, suggestion } => diag!(
            Error,
            "yaml-slip-quoted-start",
            path,
            quoted = quoted,
            quotes = quotes(suggestion),
            suggestion = suggestion
        ),
        Kind::DoubleDash { suggestion } => diag!(
            Error,
            "yaml-slip-double-dash",
            path,
            quotes = quotes(suggestion),
            suggestion = suggestion
        ),
        Kind::Anchor { mark: '&', name } => diag!(Error, "yaml-slip-anchor", path, name = name),
        Kind::Anchor { name, .. } => diag!(Error, "yaml-slip-alias", path, name = name),
        Kind::Tag { tag } => diag!(Error, "yaml-slip-standard-tag", path, tag = tag),
        Kind::Star { suggestion } => diag!(
            Error,
            "yaml-slip-star",
            path,
            quotes = quotes(suggestion),
            suggestion = suggestion
        ),
    };
    let d = d.at_line(slip.line, slip.column, file.line(slip.line));
    if error {
        d
    } else {
        Diagnostic {
            severity: Severity::Warning,
            ..d
        }
    }
}

/// The 1-based line of the last line before `line` that is not blank or a comment.
fn previous_content(file: &SourceFile, line: usize) -> Option<usize> {
    (1..line).rev().find(|&n| {
        file.line(n)
            .is_some_and(|t| !t.trim().is_empty() && !t.trim_start().starts_with('#'))
    })
}

/// A syntax error that libyaml placed at `line`: when a slip on that line,
/// or on the line before it, caused it, the errors to report instead (that
/// slip and every other line starting with a wrong mark).
pub(crate) fn at_syntax_error(file: &SourceFile, line: usize) -> Option<Vec<Diagnostic>> {
    // libyaml may point one line past the end of the file.
    let line = line.min(file.line_count());
    let near = [Some(line), previous_content(file, line)];
    let slips = scan_file(file);
    let cause = slips.iter().find(|s| {
        near.contains(&Some(s.line))
            && matches!(
                s.kind,
                Kind::Bullet { .. } | Kind::QuotedStart { .. } | Kind::Star { .. }
            )
    })?;
    let mut out = vec![diagnostic(file, cause, true)];
    out.extend(
        slips
            .iter()
            .filter(|s| s.line != cause.line && matches!(s.kind, Kind::Bullet { .. }))
            .map(|s| diagnostic(file, s, true)),
    );
    Some(out)
}

/// The schema walk's `problems`, with a problem on the line just above a
/// mistyped list line (`smartizzabili:` read as text because its first item
/// is `-Sportello`) replaced by errors at the mistyped lines; the other
/// slips of the file are added as warnings.
pub(crate) fn at_schema_problems(
    file: &SourceFile,
    mut problems: Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let slips = scan_file(file);
    let owners: Vec<usize> = slips
        .iter()
        .filter(|s| matches!(s.kind, Kind::Bullet { .. }))
        .filter_map(|s| previous_content(file, s.line))
        .collect();
    let before = problems.len();
    problems.retain(|p| !owners.contains(&p.line));
    let escalate = problems.len() < before;
    // `- - dirigente` is "should be a line of text, but it is a list" at its line.
    let double: Vec<usize> = slips
        .iter()
        .filter(|s| matches!(s.kind, Kind::DoubleDash { .. }))
        .map(|s| s.line)
        .collect();
    problems.retain(|p| !double.contains(&p.line));
    problems.extend(slips.iter().map(|s| match s.kind {
        Kind::Bullet { .. } => diagnostic(file, s, escalate),
        Kind::DoubleDash { .. } => diagnostic(file, s, true),
        _ => diagnostic(file, s, false),
    }));
    problems
}

/// The slips of a file that parsed: each a warning (the text published is
/// not the text typed). A list in a list that parsed was meant.
pub(crate) fn warnings(file: &SourceFile) -> Vec<Diagnostic> {
    scan_file(file)
        .iter()
        .filter(|s| !matches!(s.kind, Kind::DoubleDash { .. }))
        .map(|s| diagnostic(file, s, false))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(usize, usize, Kind)> {
        scan(text)
            .into_iter()
            .map(|s| (s.line, s.column, s.kind))
            .collect()
    }

    #[test]
    fn anchors_aliases_and_standard_tags_are_found() {
        let k = kinds(
            "nome: !!binary UHJvdmE=\narea: &a Servizi\nresponsabile: *a\nsmartizzabili:\n  - *a\n  - !!str Uno\n  - Due & tre\n",
        );
        let anchor = |mark, name: &str| Kind::Anchor {
            mark,
            name: name.into(),
        };
        let tag = |t: &str| Kind::Tag { tag: t.into() };
        assert_eq!(
            k,
            vec![
                (1, 7, tag("!!binary")),
                (2, 7, anchor('&', "a")),
                (3, 15, anchor('*', "a")),
                (5, 5, anchor('*', "a")),
                (6, 5, tag("!!str")),
            ]
        );
    }

    #[test]
    fn comments_start_after_a_blank() {
        assert_eq!(comment_start("è #x"), Some(3));
        assert_eq!(comment_start("a\t#"), Some(2));
        assert_eq!(comment_start("#x"), None);
        assert_eq!(comment_start("è#x"), None);
        assert_eq!(comment_start(""), None);
    }

    #[test]
    fn a_comment_after_an_item_is_found() {
        let k = kinds("smartizzabili:\n  - Sportello #2 (solo su appuntamento)\n");
        assert_eq!(
            k,
            vec![(
                2,
                15,
                Kind::Comment {
                    cut: "#2 (solo su appuntamento)".into(),
                    suggestion: "- \"Sportello #2 (solo su appuntamento)\"".into(),
                }
            )]
        );
    }

    #[test]
    fn comments_that_cut_nothing_are_not_slips() {
        let text = "\
# a comment line
smartizzabili: # the list
  # another
  - \"Sportello #2\" # after quotes
  - 'Uno' # after quotes
  - Sportello#2
  - ambiti: [A, B] # flow
  - testo: Protocollo
    ordine: 3 # a number
responsabile: Mario Rossi
  -dirigente
  • vice
descrizione: |
  Testo #1 con - righe
  -riga e • punto
  * elenco
ente: Comune #2
";
        assert_eq!(kinds(text), vec![]);
    }

    #[test]
    fn long_form_testo_and_note() {
        let k = kinds("x:\n  - testo: Sportello #2\n    note: Solo #lun\n");
        assert_eq!(k.len(), 2, "{k:?}");
        assert_eq!((k[0].0, k[0].1), (2, 22));
        assert_eq!((k[1].0, k[1].1), (3, 16));
        assert!(
            matches!(&k[1].2, Kind::Comment { suggestion, .. } if suggestion == "note: \"Solo #lun\"")
        );
    }

    #[test]
    fn wrong_marks_at_the_start_of_a_line() {
        let text = "x:\n  - Uno\n  -Due\n  • Tre\n  * Quattro\n  *alias\n  – Cinque\n---\n";
        let marks: Vec<(usize, usize, char)> = scan(text)
            .into_iter()
            .filter_map(|s| match s.kind {
                Kind::Bullet { mark } => Some((s.line, s.column, mark)),
                _ => None,
            })
            .collect();
        assert_eq!(
            marks,
            vec![(3, 3, '-'), (4, 3, '•'), (5, 3, '*'), (7, 3, '–')]
        );
    }

    #[test]
    fn a_quoted_start_followed_by_text() {
        let k = kinds("x:\n  - 'attività' di portierato\n  - \"Sportello\" anagrafe\r\n");
        assert_eq!(
            k,
            vec![
                (
                    2,
                    5,
                    Kind::QuotedStart {
                        quoted: "'attività'".into(),
                        suggestion: "- \"'attività' di portierato\"".into()
                    }
                ),
                (
                    3,
                    5,
                    Kind::QuotedStart {
                        quoted: "\"Sportello\"".into(),
                        suggestion: "- '\"Sportello\" anagrafe'".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn multi_line_quotes_are_text() {
        let text = "x:\n  - \"Uno\n    -due #3\"\n  -Tre\n";
        assert_eq!(kinds(text), vec![(4, 3, Kind::Bullet { mark: '-' })]);
    }

    #[test]
    fn a_pasted_dash_read_as_a_list() {
        let k = kinds("x:\n  - - dirigente\n  - - testo: a\n  -   - \"b\"\n");
        assert_eq!(
            k,
            vec![
                (
                    2,
                    5,
                    Kind::DoubleDash {
                        suggestion: "- \"- dirigente\"".into()
                    }
                ),
                (
                    4,
                    7,
                    Kind::DoubleDash {
                        suggestion: "- '- \"b\"'".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_star_item() {
        let k = kinds("x:\n  - * Sportello\n");
        assert_eq!(
            k,
            vec![(
                2,
                5,
                Kind::Star {
                    suggestion: "- \"* Sportello\"".into()
                }
            )]
        );
    }
}
