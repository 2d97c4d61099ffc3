//! YAML text -> typed value, with every failure turned into located
//! [`Diagnostic`]s in plain words for the clerks who edit the files.
//!
//! serde_yaml parses. A syntax error stops there (one diagnostic, located by
//! serde_yaml and reworded here). A document that parses is then walked
//! against its [`schema`] so that every unknown, duplicate or missing key,
//! wrong type and empty text of the file is reported at its own line (the
//! lines come from [`positions`], since serde_yaml's values carry none).
//! Only a clean document is deserialized into `T`. It parses; checks across
//! fields and files belong to `validate`.

pub(crate) mod de;
pub(crate) mod node;
pub(crate) mod positions;
pub(crate) mod schema;
pub(crate) mod slips;

use serde::de::DeserializeOwned;

use crate::diagnostic::{Diagnostic, diag};
use crate::i18n::t;
use crate::source::SourceFile;
use positions::Positions;
use schema::Record;

/// Parses `file` as one YAML document of shape `shape` into `T`, with where
/// each key and list item was written; on failure, every problem found.
pub(crate) fn parse<T: DeserializeOwned>(
    file: &SourceFile,
    shape: &Record,
) -> Result<(T, Positions), Vec<Diagnostic>> {
    let keys = shape.keys();
    if is_blank(&file.text) {
        return Err(vec![
            diag!(Error, "yaml-file-empty", &file.display, record = shape.what).at_line(
                1,
                1,
                file.line(1),
            ),
        ]);
    }
    if let Some((line, column)) = too_deep_flow(&file.text) {
        return Err(vec![too_deep(file, line, column)]);
    }
    let doc = node::parse(&file.text).map_err(|e| {
        let d = explain(file, &e, &keys);
        // `-Sportello` or `• Sportello` makes libyaml stop a line later.
        slips::at_syntax_error(file, d.line).unwrap_or_else(|| vec![d])
    })?;
    let pos = positions::index_lines(file.lines(), file.line_count());
    let problems = schema::check(&doc, shape, file, &pos);
    if !problems.is_empty() {
        return Err(slips::at_schema_problems(file, problems));
    }
    // The walk found nothing; serde has the last word (without a position:
    // a shape too lenient shows here, at the first key). The tree is read
    // as it is; only what the fast path leaves goes through serde_yaml's
    // own `Value`, which gives the messages.
    if let Ok(value) = de::from_node::<T>(&doc) {
        return Ok((value, pos));
    }
    match serde_yaml::from_value::<T>(doc.into_value()) {
        Ok(value) => Ok((value, pos)),
        Err(e) => {
            let d = explain(file, &e, &keys);
            Err(vec![match pos.first_key {
                Some((l, c)) if d.line <= 1 => d.at_line(l, c, file.line(l)),
                _ => d,
            }])
        }
    }
}

/// serde_yaml refuses more than 128 levels, but only after libyaml has
/// scanned them all, which takes time quadratic in the depth of `[`/`{`
/// nesting (100,000 `[` took 36 s in release). This finds the place where
/// flow nesting passes that limit, so such text is refused at once.
fn too_deep_flow(text: &str) -> Option<(usize, usize)> {
    const LIMIT: usize = 128;
    // Depth cannot pass the limit without that many openers: most files
    // (a few `[...]` lists) are counted, not walked character by character.
    // Counted by blocks of 64 bytes into a byte, which the compiler turns
    // into vector instructions (15 times faster than a count per byte).
    let openers: usize = text
        .as_bytes()
        .chunks(64)
        .map(|block| {
            let n = block.iter().fold(0u8, |n, &b| {
                n.wrapping_add(u8::from(b == b'[') | u8::from(b == b'{'))
            });
            usize::from(n)
        })
        .sum();
    if openers <= LIMIT {
        return None;
    }
    let (mut depth, mut line, mut col) = (0usize, 1, 0);
    let mut prev = '\n';
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        col += 1;
        let token_start = matches!(prev, ' ' | '\t' | '\n' | '[' | '{' | ',' | ':');
        match c {
            '\n' => {
                line += 1;
                col = 0;
            }
            '[' | '{' => {
                depth += 1;
                if depth > LIMIT {
                    return Some((line, col));
                }
            }
            ']' | '}' => depth = depth.saturating_sub(1),
            '#' if token_start => {
                // A comment: skip to the end of the line.
                for n in chars.by_ref() {
                    if n == '\n' {
                        line += 1;
                        col = 0;
                        break;
                    }
                }
                prev = '\n';
                continue;
            }
            '"' | '\'' if token_start => {
                // A quoted scalar: brackets inside are text.
                let mut escaped = false;
                for n in chars.by_ref() {
                    col += 1;
                    if n == '\n' {
                        line += 1;
                        col = 0;
                    }
                    if c == '"' && n == '\\' && !escaped {
                        escaped = true;
                        continue;
                    }
                    if n == c && !escaped {
                        break;
                    }
                    escaped = false;
                }
            }
            _ => {}
        }
        prev = c;
    }
    None
}

fn too_deep(file: &SourceFile, line: usize, column: usize) -> Diagnostic {
    diag!(Error, "yaml-nested-too-deep", &file.display).at_line(line, column, file.line(line))
}

/// True when the text holds nothing but blank lines and comments.
fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let t = l.trim();
        t.is_empty() || t.starts_with('#') || t == "---" || t == "..."
    })
}

/// Turns a serde_yaml error into a located, plain-words diagnostic.
fn explain(file: &SourceFile, e: &serde_yaml::Error, keys: &[&str]) -> Diagnostic {
    let raw = e.to_string();
    // serde_yaml appends " at line L column C"; the position is shown separately.
    let msg = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw.clone(),
    };
    let (line, column) = e
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    // libyaml ends a file that has no final newline with one of its own, so
    // the end of input is on a line the file does not have: place it at the
    // end of the last line, which is shown.
    let (line, column) = match file.line(line.saturating_sub(1)) {
        Some(last) if line == file.line_count() + 1 && !file.text.ends_with('\n') => {
            (line - 1, last.chars().count() + 1)
        }
        _ => (line, column),
    };
    let line_text = file.line(line).unwrap_or("");

    if let Some(field) = between(&msg, "unknown field `", "`") {
        // serde lists the valid keys of the map being read: use them, not the file's.
        let expected: Vec<&str> = msg
            .split_once("expected ")
            .map(|(_, rest)| rest.split('`').skip(1).step_by(2).collect())
            .unwrap_or_else(|| keys.to_vec());
        let suggestion = nearest(field, &expected);
        // `- Taxi e NCC: istruire...` is an activity that YAML read as a map.
        if suggestion.is_none()
            && (field.contains(' ') || line_text.trim_start().starts_with("- "))
            && let Some(d) = colon_in_text(file, line)
        {
            return d;
        }
        return unknown_key(file, (line, column), field, suggestion, &expected);
    }
    if let Some(field) = between(&msg, "missing field `", "`") {
        return diag!(Error, "yaml-missing-key", &file.display, key = field).at_line(
            1,
            1,
            file.line(1),
        );
    }
    if let Some(field) = between(&msg, "duplicate field `", "`") {
        // The schema walk reports duplicates at their line first; serde's
        // own message has no position.
        return diag!(Error, "yaml-duplicate-key", &file.display, key = field).at_line(
            line,
            column,
            file.line(line),
        );
    }
    if msg.contains("cannot start any token") && line_text.contains('\t') {
        let col = line_text
            .find('\t')
            .map_or(column, |i| line_text[..i].chars().count() + 1);
        return diag!(Error, "yaml-tab-indent", &file.display).at_line(line, col, file.line(line));
    }
    let map_for_text = msg.contains("invalid type: map") && msg.contains("expected");
    if (map_for_text || msg.contains("mapping values are not allowed"))
        && let Some(d) = colon_in_text(file, line)
    {
        return d;
    }
    if msg.contains("more than one document") {
        // The first `---` after some content.
        let mut content = false;
        let l = file
            .text
            .lines()
            .position(|l| {
                let second = content && l.starts_with("---");
                content |= !is_blank(l);
                second
            })
            .map_or(1, |i| i + 1);
        return diag!(Error, "yaml-second-document", &file.display).at_line(l, 1, file.line(l));
    }
    if msg.contains("control characters are not allowed") {
        // serde_yaml says 1:1 and a character offset: point at the character.
        let found = file.text.lines().enumerate().find_map(|(i, t)| {
            let (col, c) = t
                .chars()
                .enumerate()
                .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\r' | '\u{85}'))?;
            Some((i + 1, col + 1, c))
        });
        if let Some((l, c, ch)) = found {
            return diag!(
                Error,
                "yaml-control-character",
                &file.display,
                code = escaped(ch)
            )
            .at_line(l, c, file.line(l));
        }
    }
    if msg.contains("recursion limit exceeded") {
        return too_deep(file, line, column);
    }
    if msg.contains("repetition limit exceeded") {
        // serde_yaml says 1:1: point at the first alias.
        let (line, column) = file
            .text
            .lines()
            .enumerate()
            .find_map(|(i, t)| {
                let at = t.find('*')?;
                Some((i + 1, t[..at].chars().count() + 1))
            })
            .unwrap_or((line, column));
        return diag!(Error, "yaml-alias-repetition", &file.display).at_line(
            line,
            column,
            file.line(line),
        );
    }
    // A line among a list's items without `- ` (a key indented like the
    // items, an item whose dash was lost), or a line that is neither a key
    // nor an item: libyaml's words name its parser's state, in English.
    if msg.contains("did not find expected '-' indicator") {
        let d = diag!(Error, "yaml-list-line-without-dash", &file.display);
        return d.at_line(line, column, file.line(line));
    }
    if msg.contains("could not find expected ':'")
        && let Some((culprit, indent, in_list)) = line_without_key(file, line, column)
    {
        let d = if in_list {
            diag!(Error, "yaml-list-line-without-dash", &file.display)
        } else {
            diag!(Error, "yaml-line-without-key", &file.display)
        };
        return d.at_line(culprit, indent + 1, file.line(culprit));
    }
    // "..., while scanning a quoted scalar at line 1 column 7": the opener.
    let opener = raw.split_once(", while ").and_then(|(_, ctx)| {
        let (what, at) = ctx.split_once(" at line ")?;
        let (l, c) = at.split_once(" column ")?;
        Some((
            what.to_string(),
            l.parse::<usize>().ok()?,
            c.parse::<usize>().ok()?,
        ))
    });
    match opener {
        Some((what, l, c)) if what.contains("quoted scalar") => {
            let q = file
                .line(l)
                .and_then(|t| t.chars().nth(c.saturating_sub(1)))
                .unwrap_or('"');
            diag!(
                Error,
                "yaml-unclosed-quote",
                &file.display,
                quote = q.to_string()
            )
            .at_line(l, c, file.line(l))
        }
        Some((what, l, c)) if what.contains("flow sequence") || what.contains("flow mapping") => {
            let (open, close) = if what.contains("sequence") {
                ("[", "]")
            } else {
                ("{", "}")
            };
            diag!(
                Error,
                "yaml-unclosed-bracket",
                &file.display,
                open = open,
                close = close
            )
            .at_line(l, c, file.line(l))
        }
        _ if msg.contains("did not find expected key")
            || msg.contains("mapping values are not allowed") =>
        {
            diag!(Error, "yaml-bad-indentation", &file.display).at_line(
                line,
                column,
                file.line(line),
            )
        }
        // serde_yaml's own words (English), after the catalogue's.
        _ => diag!(Error, "yaml-invalid", &file.display, detail = msg).at_line(
            line,
            column,
            file.line(line),
        ),
    }
}

/// libyaml's "could not find expected ':'" is reported at the start of the
/// line after the one that has no `: ` (it looked for the colon of a key
/// there), or at the end of that line when the file ends with it: that
/// line (1-based), its indentation, and whether it sits among the items of
/// a list (the nearest line above at its indentation or less starts with
/// `- ` at the same indentation).
fn line_without_key(
    file: &SourceFile,
    reported: usize,
    column: usize,
) -> Option<(usize, usize, bool)> {
    let content = |n: usize| {
        file.line(n)
            .map(|t| t.trim_end_matches('\r'))
            .filter(|t| !t.trim().is_empty() && !t.trim_start().starts_with('#'))
    };
    let indent_of = |t: &str| t.len() - t.trim_start_matches(' ').len();
    let culprit = if column > 1 && content(reported).is_some() {
        reported
    } else {
        (1..reported.min(file.line_count() + 1))
            .rev()
            .find(|&n| content(n).is_some())?
    };
    let text = content(culprit)?;
    let indent = indent_of(text);
    let in_list = (1..culprit)
        .rev()
        .filter_map(content)
        .find(|t| indent_of(t) <= indent)
        .is_some_and(|t| indent_of(t) == indent && t.trim_start().starts_with("- "));
    Some((culprit, indent, in_list))
}

/// The text between `start` and the next `end` in `s`.
fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let i = s.find(start)? + start.len();
    let j = s[i..].find(end)? + i;
    Some(&s[i..j])
}

/// A line like `  - Taxi e NCC: istruire gli atti` is read by YAML as a map:
/// say so, and show the line with the text quoted.
pub(crate) fn colon_in_text(file: &SourceFile, line: usize) -> Option<Diagnostic> {
    let text = file.line(line)?;
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    let (prefix, value) = if let Some(rest) = trimmed.strip_prefix("- ") {
        // `- testo: Rilascio certificati: online`: an activity's long form,
        // whose text (after its key) is what has the colon.
        let key = rest.split_once(": ").map(|(k, _)| k).filter(|k| {
            crate::model::PARTIAL_ACTIVITY
                .fields
                .iter()
                .any(|f| f.key == *k)
        });
        let key_len = key.map_or(0, |k| k.len() + 2);
        (
            format!("{}- {}", &text[..indent], &rest[..key_len]),
            &rest[key_len..],
        )
    } else if let Some(i) = trimmed.find(": ") {
        let key_end = indent + i + 2;
        (text[..key_end].to_string(), &text[key_end..])
    } else {
        return None;
    };
    let colon = value.find(": ")?;
    let column = prefix.chars().count() + value[..colon].chars().count() + 1;
    let quoted = format!(
        "{prefix}\"{}\"",
        value.trim_end().replace('\\', "\\\\").replace('"', "\\\"")
    );
    Some(
        diag!(
            Error,
            "yaml-colon-in-text",
            &file.display,
            quoted = quoted.trim_start()
        )
        .at_line(line, column, file.line(line)),
    )
}

/// `yaml-unknown-key` for `key` at `(line, column)` of `file`, with the
/// close key `suggestion` as its hint, else the list of the `valid` keys.
pub(crate) fn unknown_key(
    file: &SourceFile,
    (line, column): (usize, usize),
    key: &str,
    suggestion: Option<&str>,
    valid: &[&str],
) -> Diagnostic {
    let d = diag!(
        Error,
        "yaml-unknown-key",
        &file.display,
        key = key,
        suggestion = suggestion.unwrap_or("")
    )
    .at_line(line, column, file.line(line));
    match suggestion {
        Some(_) => d,
        // An activity's condition outside the list that has one.
        None if key == "condizione" => d.with_hint(t!("yaml-unknown-key.hint-condizione")),
        None => d.with_hint(t!("yaml-unknown-key.hint-keys", keys = valid.join(", "))),
    }
}

/// `word` as a key would be written: its slug (lowercase, accents and
/// apostrophes off, `ATTIVITA'`, `attività`), with `_` between the words.
fn fold_key(word: &str) -> String {
    crate::slug::slugify(word).replace('-', "_")
}

/// A character as Rust and the messages write its code: `\u{1b}`.
pub(crate) fn escaped(c: char) -> String {
    format!("\\u{{{:x}}}", u32::from(c))
}

/// The valid key closest to a misspelt one, if any is close enough. The
/// act's own heading written as a key (`Attività non smartizzabili`) is
/// its key: case, accents, spaces and a leading "attività" aside.
pub(crate) fn nearest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let folded = fold_key(word);
    let bare = folded.strip_prefix("attivita_").unwrap_or(&folded);
    if let Some(c) = candidates.iter().find(|c| **c == folded || **c == bare) {
        return Some(c);
    }
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(2))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};
    use crate::model::UnitFile;

    /// The one problem of `text`, in `lang`.
    fn err_in(lang: Lang, text: &str) -> Diagnostic {
        let mut all = with_lang(lang, || {
            parse::<UnitFile>(&SourceFile::new("u.yaml", text), &schema::UNIT).unwrap_err()
        });
        assert_eq!(all.len(), 1, "{all:?}");
        all.remove(0)
    }

    /// The one problem of `text`, in English.
    fn err(text: &str) -> Diagnostic {
        err_in(Lang::En, text)
    }

    /// Italian by default, with the same code in both languages; the
    /// hint chosen among the message's attributes follows the language too.
    #[test]
    fn problems_speak_italian_with_a_stable_code() {
        let it = err_in(Lang::It, "nome: A\nsmartizabili:\n  - x\n");
        assert_eq!(it.message, "chiave sconosciuta `smartizabili`");
        assert_eq!(
            it.hint.as_deref(),
            Some("forse si intendeva `smartizzabili`?")
        );
        assert_eq!(it.code, Some("yaml-unknown-key"));
        let en = err("nome: A\nsmartizabili:\n  - x\n");
        assert_eq!(en.code, it.code);
        let far = err_in(Lang::It, "nome: A\nqualcosa: 1\n");
        assert!(
            far.hint
                .as_deref()
                .is_some_and(|h| h.starts_with("le chiavi ammesse qui sono: nome, ")),
            "{far}"
        );
        let empty = err_in(Lang::It, "\n");
        assert_eq!(empty.message, "il file è vuoto");
        assert_eq!(
            empty.hint.as_deref(),
            Some("scrivere il `nome` dell'unità e le sue attività, come negli altri file")
        );
    }

    #[test]
    fn misspelt_key_suggests_the_right_one() {
        let d = err("nome: A\nsmartizabili:\n  - x\n");
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "unknown key `smartizabili`");
        assert_eq!(d.hint.as_deref(), Some("did you mean `smartizzabili`?"));
    }

    #[test]
    fn colon_inside_text_is_explained() {
        let d = err("nome: A\nsmartizzabili:\n  - Taxi e NCC: istruire gli atti\n");
        assert_eq!(d.line, 3);
        assert_eq!(d.column, 15);
        assert!(d.message.contains("`: `"), "{}", d.message);
        assert_eq!(
            d.hint.as_deref(),
            Some("put the whole text in double quotes: - \"Taxi e NCC: istruire gli atti\"")
        );
    }

    /// `- testo: Rilascio certificati: online` is an activity in its long
    /// form whose text has a colon: the text after `testo: ` is what needs
    /// quotes, not the key with it (which would make `testo:` part of the
    /// text).
    #[test]
    fn colon_inside_a_long_form_text_quotes_the_text_not_the_key() {
        for (key, list) in [
            ("testo", "smartizzabili"),
            ("note", "non_smartizzabili"),
            ("condizione", "parzialmente_smartizzabili"),
        ] {
            let d = err(&format!(
                "nome: A\n{list}:\n  - {key}: Rilascio certificati: online\n"
            ));
            let col = "  - ".len() + key.len() + ": Rilascio certificati".len() + 1;
            assert_eq!((d.line, d.column), (3, col), "{d}");
            assert_eq!(d.code, Some("yaml-colon-in-text"), "{d}");
            assert_eq!(
                d.hint.as_deref(),
                Some(
                    format!(
                        "put the whole text in double quotes: - {key}: \"Rilascio certificati: online\""
                    )
                    .as_str()
                ),
                "{d}"
            );
        }
        // A text that merely begins with a word like a key is still text.
        let d = err("nome: A\nsmartizzabili:\n  - Testo: unico: atto\n");
        assert_eq!(
            d.hint.as_deref(),
            Some("put the whole text in double quotes: - \"Testo: unico: atto\""),
            "{d}"
        );
    }

    /// `responsabile: "Dott.ssa Rossi" tel. 0541 123456`: the value of any
    /// key, not only an activity's text, ends where its quotes close.
    #[test]
    fn text_after_the_closing_quote_of_a_value_is_named() {
        let d = err(
            "nome: A\nresponsabile: \"Dott.ssa Rossi\" tel. 0541 123456\nsmartizzabili:\n  - x\n",
        );
        assert_eq!((d.line, d.column), (2, 15), "{d}");
        assert_eq!(d.code, Some("yaml-slip-quoted-start"), "{d}");
        assert_eq!(
            d.hint.as_deref(),
            Some(
                "put the whole text in single quotes (writing each `'` inside it twice): responsabile: '\"Dott.ssa Rossi\" tel. 0541 123456'"
            ),
            "{d}"
        );
        let d = err("nome: 'Ufficio' anagrafe\nsmartizzabili:\n  - x\n");
        assert_eq!(
            (d.line, d.column, d.code),
            (1, 7, Some("yaml-slip-quoted-start")),
            "{d}"
        );
        assert_eq!(
            d.hint.as_deref(),
            Some("put the whole text in double quotes: nome: \"'Ufficio' anagrafe\""),
            "{d}"
        );
        // A comment after the quotes is not text.
        assert!(
            parse::<UnitFile>(
                &SourceFile::new("u.yaml", "nome: \"A\" # nota\nsmartizzabili:\n  - x\n"),
                &schema::UNIT
            )
            .is_ok()
        );
    }

    /// A clerk writes the act's own heading as the key: `Attività
    /// smartizzabili:`, `attività non smartizzabili:`.
    #[test]
    fn the_acts_heading_as_a_key_suggests_the_key() {
        for (key, want) in [
            ("attività smartizzabili", "smartizzabili"),
            ("Attività non smartizzabili", "non_smartizzabili"),
            (
                "ATTIVITA' PARZIALMENTE SMARTIZZABILI",
                "parzialmente_smartizzabili",
            ),
            ("Altre attività", "altre_attivita"),
        ] {
            let d = err(&format!("nome: A\n{key}:\n  - x\n"));
            assert_eq!(d.code, Some("yaml-unknown-key"), "{d}");
            assert_eq!(
                d.hint.as_deref(),
                Some(format!("did you mean `{want}`?").as_str()),
                "{key}"
            );
        }
    }

    /// libyaml's "did not find expected '-' indicator" and "could not find
    /// expected ':'" reached the clerk in English; each is now named at the
    /// line that causes it.
    #[test]
    fn a_line_without_a_dash_or_a_key_is_named_at_its_line() {
        for (text, at, code) in [
            // A key indented like the items above it.
            (
                "nome: A\nsmartizzabili:\n  - Una\n  non_smartizzabili:\n  - Due\n",
                (4, 3),
                "yaml-list-line-without-dash",
            ),
            // An item whose dash was lost: reported on the line after.
            (
                "nome: A\nsmartizzabili:\n  - Una\n  Due\n",
                (4, 3),
                "yaml-list-line-without-dash",
            ),
            (
                "nome: A\nsmartizzabili:\n  - Una\n  - Due: tre\n  quattro\n\n# fine\n",
                (5, 3),
                "yaml-list-line-without-dash",
            ),
            // Neither a key nor an item.
            (
                "nome: A\nUna riga senza chiave\nsmartizzabili:\n  - x\n",
                (2, 1),
                "yaml-line-without-key",
            ),
            (
                "nome: A\nsmartizzabili:\n  - Una\nDue\n",
                (4, 1),
                "yaml-line-without-key",
            ),
            // The file ends with it: libyaml points at its end.
            (
                "nome: A\nsmartizzabili:\n  - Uno\nnon_smartizzabil",
                (4, 1),
                "yaml-line-without-key",
            ),
            (
                "nome: A\nsmartizzabili:\n  - Uno\n  Due",
                (4, 3),
                "yaml-list-line-without-dash",
            ),
        ] {
            let d = err(text);
            assert_eq!((d.line, d.column), at, "{text:?}: {d}");
            assert_eq!(d.code, Some(code), "{text:?}: {d}");
            assert!(!d.message.contains("expected"), "{d}");
        }
    }

    #[test]
    fn tab_indentation_is_named() {
        let d = err("nome: A\nsmartizzabili:\n\t- x\n");
        assert_eq!((d.line, d.column), (3, 1));
        assert!(d.message.contains("tab"), "{}", d.message);
    }

    #[test]
    fn missing_key_is_named() {
        let d = err("smartizzabili:\n  - x\n");
        assert!(d.message.contains("`nome`"), "{}", d.message);
    }

    #[test]
    fn duplicate_key_points_at_the_second() {
        let d = err("nome: A\nnome: B\nsmartizzabili:\n  - x\n");
        assert_eq!((d.line, d.column), (2, 1), "{d}");
        assert!(d.message.contains("twice"), "{}", d.message);
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let deep = format!("nome: A\nsmartizzabili: {}\n", "[".repeat(200_000));
        assert_eq!(too_deep_flow(&deep), Some((2, 144)));
        let d = err(&deep);
        assert_eq!((d.line, d.column), (2, 144));
        assert!(d.message.contains("nested too deeply"), "{}", d.message);
        // Brackets in quotes and comments are text.
        let quoted = format!(
            "a: \"{}\" # {}\nb: '{}'\n",
            "[".repeat(300),
            "{".repeat(300),
            "[".repeat(300)
        );
        assert_eq!(too_deep_flow(&quoted), None);
        assert_eq!(too_deep_flow(&"[a] ".repeat(1000)), None);
        // At the limit (counted), one past it (walked).
        assert_eq!(too_deep_flow(&"[".repeat(128)), None);
        assert_eq!(
            too_deep_flow(&format!("a: {}", "{".repeat(129))),
            Some((1, 132))
        );
        // Openers across the blocks the count reads.
        assert_eq!(
            too_deep_flow(&format!("a: {}", "[ ".repeat(129))),
            Some((1, 260))
        );
    }

    #[test]
    fn a_second_document_is_found_after_content() {
        let d = err("---\n# c\nnome: A\n---\nnome: B\n");
        assert_eq!((d.line, d.column), (4, 1), "{d}");
        assert!(d.message.contains("second YAML document"), "{}", d.message);
    }

    #[test]
    fn a_control_character_is_located() {
        let d = err("nome: A\nsmartizzabili:\n  - Proto\u{1b}[2Jcollo\n");
        assert_eq!((d.line, d.column), (3, 10), "{d}");
        assert!(d.message.contains("\\u{1b}"), "{}", d.message);
    }

    #[test]
    fn empty_file() {
        let d = err("# nothing\n\n");
        assert_eq!(d.message, "the file is empty");
        assert_eq!(
            d.hint.as_deref(),
            Some("write the unit's `nome` and its activities, as in the other files")
        );
    }

    #[test]
    fn nearest_key() {
        assert_eq!(
            nearest("smartizabili", UnitFile::KEYS),
            Some("smartizzabili")
        );
        assert_eq!(nome_far(), None);
    }

    fn nome_far() -> Option<&'static str> {
        nearest("qualcosa", UnitFile::KEYS)
    }
}
