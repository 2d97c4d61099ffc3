//! A walk that checks a parsed document against the shape of its file (a
//! unit, an activity, `_sito.yaml`, a page's front matter), reporting every
//! problem (unknown, duplicate or missing keys, wrong types, empty text, bad
//! dates) at its own line.
//!
//! The shapes are declared in `model` together with the serde structs, by
//! the same lines (`model::fields::record!`), so they cannot drift apart;
//! `yaml::parse` still deserializes with serde afterwards, so a shape that is
//! too lenient cannot let bad content through. No I/O.

use rustc_hash::FxHashMap;

use super::node::Node;
use super::positions::{Pos, Positions, Seg};
use crate::diagnostic::{Diagnostic, diag};
use crate::i18n::t;
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
                diag!(
                    Error,
                    "yaml-not-a-map",
                    &file.display,
                    found = other.kind(),
                    record = root.what
                )
                .at_line(p.line, p.column, file.line(p.line)),
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
/// "is empty"): the `$key` and `$item` of the catalogue's messages, which
/// put them into words.
#[derive(Clone, Copy)]
struct Label<'k> {
    key: &'k str,
    /// `$item`: `none` for the value of a key, `activity` for an item of a
    /// list of activities, `item` for an item of another list.
    item: &'static str,
}

impl Walk<'_> {
    /// Reports `d` at `line:column`.
    fn push(&mut self, line: usize, column: usize, d: Diagnostic) {
        self.out.push(d.at_line(line, column, self.file.line(line)));
    }

    /// Checks a group of keys at `path` (restored as it was on return).
    fn record(&mut self, entries: &[(Node, Node)], rec: &Record, path: &mut Vec<Seg>) {
        let mut seen: FxHashMap<std::borrow::Cow<'_, str>, usize> = FxHashMap::default();
        for (k, v) in entries {
            let key = k.key_str();
            path.push(Seg::Key(std::rc::Rc::from(&*key)));
            let n = seen.entry(key.clone()).or_insert(0);
            let nth = *n;
            *n += 1;
            let at = self
                .pos
                .exact(path, nth)
                .unwrap_or_else(|| self.pos.find(path));
            if nth > 0 {
                let d = diag!(Error, "yaml-duplicate-key", &self.file.display, key = &*key);
                self.push(at.line, at.column, d);
                path.pop();
                continue;
            }
            match rec.fields.iter().find(|f| f.key == key) {
                Some(f) => {
                    let label = Label {
                        key: &key,
                        item: "none",
                    };
                    self.value(v, &f.shape, path, at, label);
                }
                None => {
                    let keys = rec.keys();
                    let suggestion = super::nearest(&key, &keys);
                    self.out.push(super::unknown_key(
                        self.file,
                        (at.line, at.column),
                        &key,
                        suggestion,
                        &keys,
                    ));
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
                let d = diag!(
                    Error,
                    "yaml-missing-key-in",
                    &self.file.display,
                    key = f.key,
                    record = rec.what
                );
                self.push(line, column, d);
            }
        }
    }

    /// Checks a value at `path` (restored as it was on return).
    fn value(&mut self, v: &Node, shape: &Shape, path: &mut Vec<Seg>, at: Pos, label: Label) {
        let (line, col) = (at.value_line, at.value_column);
        if let Node::Tagged(tag, _) = v {
            let d = diag!(
                Error,
                "yaml-tag-not-allowed",
                &self.file.display,
                item = label.item,
                key = label.key,
                tag = tag
            );
            self.push(line, col, d);
            return;
        }
        if let Node::Str(s) = v
            && let Some(c) = s.chars().find(|c| is_bidi_control(*c))
        {
            let d = diag!(
                Error,
                "yaml-bidi-character",
                &self.file.display,
                item = label.item,
                key = label.key,
                code = super::escaped(c)
            );
            self.push(line, col, d);
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
                let d = diag!(
                    Error,
                    "yaml-only-invisible",
                    &self.file.display,
                    item = label.item,
                    key = label.key
                );
                self.push(line, col, d);
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
                    // `12/01/2026`: the hint writes the date it means.
                    let meant =
                        Date::meant(s).map_or_else(|| "none".to_string(), |d| d.to_string());
                    let d = diag!(
                        Error,
                        "yaml-invalid-date",
                        &self.file.display,
                        value = s,
                        meant = meant
                    );
                    self.push(line, col, d);
                }
            }
            (Shape::List(_) | Shape::Record(_) | Shape::Choice(_), Node::Null) => {}
            (Shape::Choice(words), Node::Str(s)) => {
                if !words.contains(&s.trim()) {
                    let suggestion = super::nearest(s.trim(), words);
                    let d = diag!(
                        Error,
                        "yaml-not-a-choice",
                        &self.file.display,
                        item = label.item,
                        key = label.key,
                        value = s,
                        suggestion = suggestion.unwrap_or("")
                    );
                    let d = match suggestion {
                        Some(_) => d,
                        None => d.with_hint(t!(
                            "yaml-not-a-choice.hint-choices",
                            choices = words.join(", ")
                        )),
                    };
                    self.push(line, col, d);
                }
            }
            (Shape::List(item), Node::Seq(items)) => {
                let what = if matches!(item, Shape::TextOrRecord(_)) {
                    "activity"
                } else {
                    "item"
                };
                let label = Label {
                    key: label.key,
                    item: what,
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
                    .any(|(k, _)| r.fields.iter().any(|f| f.key == k.key_str()));
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
        let (file, item, key) = (&self.file.display, label.item, label.key);
        let d = if item == "none" {
            diag!(Error, "yaml-empty-value", file, item = item, key = key)
        } else {
            diag!(Error, "yaml-item-no-text", file, item = item, key = key)
        };
        self.push(line, col, d);
    }

    fn wrong_type(&mut self, line: usize, col: usize, shape: &Shape, v: &Node, label: Label) {
        let expected = match shape {
            Shape::Text | Shape::NonEmptyText => "text",
            Shape::TextOrRecord(_) => "line",
            Shape::Integer => "integer",
            Shape::Date => "date",
            Shape::List(_) => "list",
            Shape::Record(_) => "record",
            Shape::Choice(_) => "choice",
        };
        let texty = matches!(
            shape,
            Shape::Text | Shape::NonEmptyText | Shape::TextOrRecord(_) | Shape::Date
        );
        let mut d = diag!(
            Error,
            "yaml-wrong-type",
            &self.file.display,
            item = label.item,
            key = label.key,
            expected = expected,
            found = v.kind()
        );
        // `.hint` (quotes) fits a number or yes/no where text is wanted;
        // the others are chosen here.
        d.hint = match (shape, v) {
            (Shape::Choice(words), _) => Some(t!(
                "yaml-wrong-type.hint-choices",
                choices = words.join(", ")
            )),
            (_, Node::Int(_) | Node::Float(_) | Node::Bool(_)) if texty => d.hint.take(),
            (Shape::List(_), Node::Str(_)) => Some(t!("yaml-wrong-type.hint-list")),
            _ => None,
        };
        self.push(line, col, d);
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

    use crate::i18n::{Lang, with_lang};

    /// Every problem of `text` as `line:column message`, in `lang`.
    fn problems_in(lang: Lang, text: &str) -> Vec<String> {
        let file = SourceFile::new("u.yaml", text);
        let node = super::super::node::parse(text).unwrap();
        let pos = super::super::positions::index(text);
        with_lang(lang, || check(&node, &UNIT, &file, &pos))
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect()
    }

    /// [`problems_in`] English.
    fn problems(text: &str) -> Vec<String> {
        problems_in(Lang::En, text)
    }

    /// The Italian messages put the key, the item and the kinds of value
    /// into words of their own (agreement included).
    #[test]
    fn the_walk_speaks_italian() {
        assert_eq!(
            problems_in(
                Lang::It,
                "nome: A\nordine: trenta\nsmartizzabili:\n  - ''\n  - 42\nresponsabile:\n  - R\n"
            ),
            [
                "2:9 il valore di `ordine` dovrebbe essere un numero intero, come 30, ma è un testo",
                "4:5 un'attività dell'elenco `smartizzabili` non ha testo",
                "5:5 un'attività dell'elenco `smartizzabili` dovrebbe essere una riga di testo, ma è un numero",
                "6:14 il valore di `responsabile` dovrebbe essere un testo, ma è un elenco",
            ]
        );
        assert_eq!(
            problems_in(Lang::It, "area: X\nsmartizzabili:\n  - note: N\n"),
            [
                "1:1 manca la chiave obbligatoria `nome` nell'unità",
                "3:5 manca la chiave obbligatoria `testo` in questa attività",
            ]
        );
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
