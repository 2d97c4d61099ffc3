//! A walk that checks a parsed document against the shape of its file (a
//! unit, an activity, `_sito.yaml`, a page's front matter), reporting every
//! problem (unknown, duplicate or missing keys, wrong types, empty text, bad
//! dates) at its own line.
//!
//! The shapes are declared in `model` together with the serde structs, by
//! the same lines (`model::fields::record!`), so they cannot drift apart;
//! `yaml::parse` still deserializes with serde afterwards, so a shape that is
//! too lenient cannot let bad content through. No I/O.

use std::collections::HashMap;

use super::node::Node;
use super::positions::{Pos, Positions, Seg};
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use crate::source::SourceFile;

pub(crate) use crate::model::fields::{Record, Shape};
pub(crate) use crate::model::{PAGE, SITE, UNIT};

/// Checks `doc` against `root`; every problem found, in file order.
pub(crate) fn check(
    doc: &Node,
    root: &Record,
    file: &SourceFile,
    pos: &Positions,
) -> Vec<Diagnostic> {
    let mut w = Walk {
        file,
        pos,
        out: Vec::new(),
    };
    match doc {
        Node::Map(entries) => w.record(entries, root, &mut Vec::new()),
        other => {
            let p = pos.find(&[]);
            w.out.push(
                file.error_at(
                    p.line,
                    p.column,
                    format!(
                        "the file should be a list of keys (`key: value` lines), but it is {}",
                        other.kind()
                    ),
                )
                .with_hint(root.empty_hint),
            );
        }
    }
    w.out.sort_by_key(|d| (d.line, d.column));
    w.out
}

struct Walk<'a> {
    file: &'a SourceFile,
    pos: &'a Positions,
    out: Vec<Diagnostic>,
}

/// How a value is named in messages: "`nome`", or "an activity in
/// `smartizzabili`" for an item of a list (which "has no text" rather than
/// "is empty"). Put into words only when there is a problem to report.
#[derive(Clone, Copy)]
struct Label<'k> {
    key: &'k str,
    /// `Some("an activity in")` for an item of a list.
    item: Option<&'static str>,
}

impl Label<'_> {
    fn text(&self) -> String {
        match self.item {
            Some(what) => format!("{what} `{}`", self.key),
            None => format!("`{}`", self.key),
        }
    }
}

impl Walk<'_> {
    fn error(&mut self, line: usize, column: usize, msg: String, hint: Option<String>) {
        let mut d = self.file.error_at(line, column, msg);
        d.hint = hint;
        self.out.push(d);
    }

    /// Checks a group of keys at `path` (restored as it was on return).
    fn record(&mut self, entries: &[(Node, Node)], rec: &Record, path: &mut Vec<Seg>) {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (k, v) in entries {
            let key = k.key_text();
            path.push(Seg::Key(key.clone()));
            let n = seen.entry(key.clone()).or_insert(0);
            let nth = *n;
            *n += 1;
            let at = self
                .pos
                .exact(path, nth)
                .unwrap_or_else(|| self.pos.find(path));
            if nth > 0 {
                self.error(
                    at.line,
                    at.column,
                    format!("the key `{key}` appears twice"),
                    Some("keep only one of them (YAML would silently use the last one)".into()),
                );
                path.pop();
                continue;
            }
            match rec.fields.iter().find(|f| f.key == key) {
                Some(f) => {
                    let label = Label {
                        key: &key,
                        item: None,
                    };
                    self.value(v, &f.shape, path, at, label);
                }
                None => {
                    let keys = rec.keys();
                    let hint = match super::nearest(&key, &keys) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("the valid keys here are: {}", keys.join(", ")),
                    };
                    self.error(
                        at.line,
                        at.column,
                        format!("unknown key `{key}`"),
                        Some(hint),
                    );
                }
            }
            path.pop();
        }
        let mut missing = rec
            .fields
            .iter()
            .filter(|f| f.required && !seen.contains_key(f.key))
            .peekable();
        if missing.peek().is_none() {
            return;
        }
        // A misspelt key already says "did you mean `nome`?": no second message.
        let keys = rec.keys();
        let suggested: Vec<&str> = entries
            .iter()
            .filter_map(|(k, _)| super::nearest(&k.key_text(), &keys))
            .collect();
        for f in missing {
            if !suggested.contains(&f.key) {
                let (line, column) = if path.is_empty() {
                    self.pos.first_key.unwrap_or((1, 1))
                } else {
                    let at = self.pos.find(path);
                    (at.value_line, at.value_column)
                };
                self.error(
                    line,
                    column,
                    format!("the required key `{}` is missing from {}", f.key, rec.what),
                    Some(format!("add a line `{}: ...`", f.key)),
                );
            }
        }
    }

    /// Checks a value at `path` (restored as it was on return).
    fn value(&mut self, v: &Node, shape: &Shape, path: &mut Vec<Seg>, at: Pos, label: Label) {
        let (line, col) = (at.value_line, at.value_column);
        if let Node::Tagged(tag, _) = v {
            self.error(
                line,
                col,
                format!(
                    "{} has a YAML tag `!{tag}`, which content files do not use",
                    label.text()
                ),
                Some(format!("remove `!{tag}`")),
            );
            return;
        }
        if let Node::Str(s) = v
            && let Some(c) = s.chars().find(|c| is_bidi_control(*c))
        {
            self.error(
                line,
                col,
                format!(
                    "{} holds an invisible character that changes the direction of the text (\\u{{{:x}}}): the page would show it in another order than it is written",
                    label.text(),
                    u32::from(c)
                ),
                Some("type the text again without it (it usually comes with text pasted from elsewhere)".into()),
            );
            return;
        }
        match (shape, v) {
            (Shape::Text, Node::Str(_) | Node::Null) => {}
            (Shape::NonEmptyText | Shape::TextOrRecord(_), Node::Str(s)) if s.trim().is_empty() => {
                self.empty(line, col, label)
            }
            (Shape::NonEmptyText | Shape::TextOrRecord(_), Node::Str(s))
                if s.chars().all(|c| c.is_whitespace() || is_zero_width(c)) =>
            {
                self.error(
                    line,
                    col,
                    format!(
                        "{} holds only invisible characters: it would be published empty",
                        label.text()
                    ),
                    Some("write the text, or remove the line".into()),
                );
            }
            (Shape::NonEmptyText | Shape::TextOrRecord(_), Node::Null) => {
                self.empty(line, col, label)
            }
            (Shape::NonEmptyText | Shape::TextOrRecord(_), Node::Str(_)) => {}
            (Shape::Integer, Node::Int(i)) if i64::try_from(*i).is_ok() => {}
            (Shape::Integer, Node::Null) => {}
            (Shape::Date, Node::Null) => {}
            (Shape::Date, Node::Str(s)) => {
                if Date::parse(s.trim()).is_none() {
                    self.error(
                        line,
                        col,
                        format!("`{s}` is not a valid date"),
                        Some("write it as YYYY-MM-DD, for example 2026-11-26".into()),
                    );
                }
            }
            (Shape::List(_) | Shape::Record(_) | Shape::Choice(_), Node::Null) => {}
            (Shape::Choice(words), Node::Str(s)) => {
                if !words.contains(&s.trim()) {
                    let hint = match super::nearest(s.trim(), words) {
                        Some(w) => format!("did you mean `{w}`?"),
                        None => format!("write one of: {}", words.join(", ")),
                    };
                    self.error(
                        line,
                        col,
                        format!("{} cannot be `{s}`", label.text()),
                        Some(hint),
                    );
                }
            }
            (Shape::List(item), Node::Seq(items)) => {
                let what = if matches!(item, Shape::TextOrRecord(_)) {
                    "an activity in"
                } else {
                    "an item of"
                };
                let label = Label {
                    key: label.key,
                    item: Some(what),
                };
                for (i, it) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    let at = self
                        .pos
                        .exact(path, 0)
                        .unwrap_or_else(|| self.pos.find(path));
                    self.value(it, item, path, at, label);
                    path.pop();
                }
            }
            (Shape::Record(r), Node::Map(entries)) => self.record(entries, r, path),
            (Shape::TextOrRecord(r), Node::Map(entries)) => {
                let known = entries
                    .iter()
                    .any(|(k, _)| r.fields.iter().any(|f| f.key == k.key_text()));
                // `- Taxi e NCC: istruire gli atti` is text that YAML read as a key.
                let colon = if known {
                    None
                } else {
                    super::colon_in_text(self.file, at.line)
                };
                match colon {
                    Some(d) => self.out.push(d),
                    None => self.record(entries, r, path),
                }
            }
            (shape, other) => self.wrong_type(line, col, shape, other, label),
        }
    }

    fn empty(&mut self, line: usize, col: usize, label: Label) {
        if label.item.is_some() {
            self.error(
                line,
                col,
                format!("{} has no text", label.text()),
                Some("write the text, or remove the empty `-` line".into()),
            );
        } else {
            self.error(
                line,
                col,
                format!("{} is empty", label.text()),
                Some("write a value after the colon".into()),
            );
        }
    }

    fn wrong_type(&mut self, line: usize, col: usize, shape: &Shape, v: &Node, label: Label) {
        let expected = match shape {
            Shape::Text | Shape::NonEmptyText => "text",
            Shape::TextOrRecord(_) => "a line of text",
            Shape::Integer => "a whole number, like 30",
            Shape::Date => "a date written YYYY-MM-DD",
            Shape::List(_) => "a list (one `- ` line per item)",
            Shape::Record(_) => "a group of keys (`key: value` lines, indented)",
            Shape::Choice(_) => "one of the words listed in the hint",
        };
        let texty = matches!(
            shape,
            Shape::Text | Shape::NonEmptyText | Shape::TextOrRecord(_) | Shape::Date
        );
        let hint = match (shape, v) {
            (Shape::Choice(words), _) => Some(format!("write one of: {}", words.join(", "))),
            _ => None,
        }
        .or(match v {
            Node::Int(_) | Node::Float(_) | Node::Bool(_) if texty => {
                Some("put the value in double quotes, so YAML reads it as text".to_string())
            }
            Node::Str(_) if matches!(shape, Shape::List(_)) => {
                Some("write each item on its own line, starting with `- `".to_string())
            }
            _ => None,
        });
        self.error(
            line,
            col,
            format!(
                "{} should be {expected}, but it is {}",
                label.text(),
                v.kind()
            ),
            hint,
        );
    }
}

/// A character that changes the direction of the text around it
/// (embeddings, overrides, isolates): what "Trojan Source" hides behind.
/// The marks U+200E/U+200F, which only affect neutral characters, are not.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A character with no width that is not whitespace: zero-width space,
/// joiners, word joiner, byte order mark, soft hyphen.
fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' | '\u{180e}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let file = SourceFile::new("u.yaml", text);
        let node = super::super::node::parse(text).unwrap();
        let pos = super::super::positions::index(text);
        check(&node, &UNIT, &file, &pos)
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    #[test]
    fn every_problem_of_a_file_is_reported() {
        let text = "\
nome: A
ordine: trenta
smartizabili:
  - Uno
non_smartizzabili:
  - ''
  - testo: Due
    nota: x
  - 42
  -
responsabile: R
responsabile: S
";
        assert_eq!(
            problems(text),
            [
                "2:9 `ordine` should be a whole number, like 30, but it is text",
                "3:1 unknown key `smartizabili`",
                "6:5 an activity in `non_smartizzabili` has no text",
                "8:5 unknown key `nota`",
                "9:5 an activity in `non_smartizzabili` should be a line of text, but it is a number",
                "10:3 an activity in `non_smartizzabili` has no text",
                "12:1 the key `responsabile` appears twice",
            ]
        );
    }

    #[test]
    fn missing_keys_point_at_the_first_key_or_the_item() {
        assert_eq!(
            problems("# c\n\narea: X\nsmartizzabili:\n  - note: N\n"),
            [
                "3:1 the required key `nome` is missing from the unit",
                "5:5 the required key `testo` is missing from this activity",
            ]
        );
    }

    #[test]
    fn colon_in_an_activity_is_explained() {
        let p = problems("nome: A\nsmartizzabili:\n  - Taxi e NCC: atti\n  - Altro\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].starts_with("3:15 this text contains `: `"), "{p:?}");
    }

    #[test]
    fn invisible_and_direction_changing_texts_are_errors() {
        assert_eq!(
            problems(
                "nome: \"\\u200B\\u2060\"\nsmartizzabili:\n  - \"Protocollo \\u202Eotua\"\n  - \"\\uFEFF \"\n  - \"Sportello\\u200D\"\n"
            ),
            [
                "1:7 `nome` holds only invisible characters: it would be published empty",
                "3:5 an activity in `smartizzabili` holds an invisible character that changes the direction of the text (\\u{202e}): the page would show it in another order than it is written",
                "4:5 an activity in `smartizzabili` holds only invisible characters: it would be published empty",
            ]
        );
    }

    #[test]
    fn flow_style_falls_back_to_the_key() {
        assert_eq!(
            problems("nome: A\nsmartizzabili: [Uno, '']\n"),
            ["2:16 an activity in `smartizzabili` has no text"]
        );
    }
}
