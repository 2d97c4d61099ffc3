//! Where each key and list item of a YAML text is: a line scanner of
//! block-style YAML, which is what clerks write (`key: value`, `- item`,
//! indentation by spaces, `|` blocks). serde_yaml's values carry no
//! position, so the schema walk looks its paths up here.
//!
//! The scanner runs only on text serde_yaml has already parsed; it never
//! decides whether the YAML is valid. Flow style (`[a, b]`, `{k: v}`) is not
//! indexed inside: a path there falls back to its nearest indexed parent.

use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::fmt::Write;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::model::{PARTIAL_ACTIVITY, SITE, Span, Spans, UNIT};

/// One step of a path into a document: a map key or a list index. A key
/// is shared by every path under it (cloning a path copies no text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Seg {
    Key(Rc<str>),
    Index(usize),
}

/// A path from the document root, e.g. `smartizzabili[3].testo`.
pub(crate) type Path = Vec<Seg>;

/// `smartizzabili[3].testo`, for messages and tests.
pub(crate) fn show(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => {
                let _ = write!(s, "[{i}]");
            }
        }
    }
    s
}

/// [`show`], borrowed from the model's declarations when `path` is one of
/// their keys (most paths of a unit: `nome`, `testo`, ...) or empty.
fn name(path: &[Seg]) -> Cow<'static, str> {
    let known = match path {
        [] => Some(""),
        [Seg::Key(k)] => [&PARTIAL_ACTIVITY, &UNIT, &SITE]
            .iter()
            .flat_map(|r| r.fields)
            .map(|f| f.key)
            .find(|key| **key == **k),
        _ => None,
    };
    known.map_or_else(|| Cow::Owned(show(path)), Cow::Borrowed)
}

/// Where a key (or a list item's dash) and its value start; 1-based, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pos {
    pub line: usize,
    pub column: usize,
    pub value_line: usize,
    pub value_column: usize,
}

/// Every indexed path and where it occurs (several places for a duplicate key).
#[derive(Debug, Default)]
pub(crate) struct Positions {
    map: FxHashMap<Path, Places>,
    /// The first key of the document, where "missing key" problems point.
    pub first_key: Option<(usize, usize)>,
}

/// The places of one path: the first, and those of its duplicates (most
/// paths have none, and then no allocation).
#[derive(Debug)]
struct Places {
    first: Pos,
    more: Vec<Pos>,
}

impl Positions {
    /// The `nth` (0-based) place where `path` occurs, exactly.
    pub(crate) fn exact(&self, path: &[Seg], nth: usize) -> Option<Pos> {
        let places = self.map.get(path)?;
        match nth.checked_sub(1) {
            None => Some(places.first),
            Some(n) => places.more.get(n).copied(),
        }
    }

    /// Where `path` is, or its nearest indexed parent; the first key of the
    /// document when nothing is indexed.
    pub(crate) fn find(&self, path: &[Seg]) -> Pos {
        for n in (1..=path.len()).rev() {
            if let Some(p) = self.exact(&path[..n], 0) {
                return p;
            }
        }
        let (line, column) = self.first_key.unwrap_or((1, 1));
        Pos {
            line,
            column,
            value_line: line,
            value_column: column,
        }
    }

    /// Where the document starts: its first key.
    pub(crate) fn start(&self) -> Span {
        let (line, column) = self.first_key.unwrap_or((1, 1));
        Span { line, column }
    }

    /// Every indexed path as [`Spans`], in one pass: the document's own
    /// (every path not inside an item of a list named in `lists`) and, for
    /// item `i` of list `lists[l]`, the item's at `[l][i]` (empty for an item
    /// not indexed), with paths relative to the item (`""` is the item
    /// itself). Of duplicate keys, the first place is kept.
    pub(crate) fn spans(&self, lists: &[&str]) -> (Spans, Vec<Vec<Spans>>) {
        type Place = (Cow<'static, str>, Span, Span);
        let mut doc: Vec<Place> = Vec::new();
        // Every item's places in one list, by (list, item): each item's
        // `Spans` (kept as long as the unit) is then built at its size.
        let mut flat: Vec<(usize, usize, Place)> = Vec::new();
        for (path, places) in &self.map {
            let pos = &places.first;
            let key = Span {
                line: pos.line,
                column: pos.column,
            };
            let value = Span {
                line: pos.value_line,
                column: pos.value_column,
            };
            let list = match path.first() {
                Some(Seg::Key(k)) => lists.iter().position(|l| **l == **k),
                _ => None,
            };
            match (list, path.get(1)) {
                (Some(l), Some(Seg::Index(i))) => {
                    flat.push((l, *i, (name(&path[2..]), key, value)))
                }
                _ => doc.push((name(path), key, value)),
            }
        }
        flat.sort_unstable_by_key(|a| (a.0, a.1));
        let mut items: Vec<Vec<Spans>> = vec![Vec::new(); lists.len()];
        for group in flat.chunk_by_mut(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let (l, i) = (group[0].0, group[0].1);
            let places = group
                .iter_mut()
                .map(|(_, _, (p, k, v))| (std::mem::take(p), *k, *v))
                .collect();
            let list = &mut items[l];
            if list.len() <= i {
                list.resize_with(i + 1, Spans::default);
            }
            list[i] = Spans::from_places(places);
        }
        (Spans::from_places(doc), items)
    }

    fn record(&mut self, path: Path, pos: Pos) {
        if self.first_key.is_none() {
            self.first_key = Some((pos.line, pos.column));
        }
        match self.map.entry(path) {
            Entry::Occupied(mut e) => e.get_mut().more.push(pos),
            Entry::Vacant(e) => {
                e.insert(Places {
                    first: pos,
                    more: Vec::new(),
                });
            }
        }
    }
}

struct Frame {
    indent: usize,
    seq: bool,
    path: Path,
    next_index: usize,
}

/// A container whose content starts on a later line (`key:` or `-` alone).
struct Pending {
    path: Path,
    owner_indent: usize,
    owner_is_key: bool,
}

/// Indexes the block-style structure of `text`.
#[cfg(test)]
pub(crate) fn index(text: &str) -> Positions {
    index_lines(text.lines(), text.lines().count())
}

/// Indexes the block-style structure of a text given as its `count` lines
/// (as `str::lines` gives them).
pub(crate) fn index_lines<'a>(lines: impl Iterator<Item = &'a str>, count: usize) -> Positions {
    // About one path a line: sized once, never grown.
    let mut out = Positions {
        map: FxHashMap::with_capacity_and_hasher(count, Default::default()),
        first_key: None,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut pending: Option<Pending> = None;
    // Lines indented more than this continue a scalar or a `|` block.
    let mut skip_above: Option<usize> = None;

    for (i, raw) in lines.enumerate() {
        let line = i + 1;
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        let body = &raw[indent..];
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        if let Some(limit) = skip_above {
            if indent > limit {
                continue;
            }
            skip_above = None;
        }
        if indent == 0 && (body.starts_with("---") || body.starts_with("...")) {
            continue;
        }
        let col_of = |byte: usize| raw[..byte].chars().count() + 1;

        let mut at = indent;
        loop {
            let rest = &raw[at..];
            if rest == "-" || rest.starts_with("- ") || rest.starts_with("-\t") {
                let path = item_path(&mut stack, &mut pending, at);
                let content = rest[1..].trim_start_matches([' ', '\t']);
                // An empty item points at its dash.
                let content_at = if content.is_empty() {
                    at
                } else {
                    raw.len() - content.len()
                };
                let pos = Pos {
                    line,
                    column: col_of(at),
                    value_line: line,
                    value_column: col_of(content_at),
                };
                let empty = content.is_empty() || content.starts_with('#');
                // A key or a dash after the dash: the item holds a container.
                let holds = !empty
                    && (split_key(content).is_some()
                        || content.starts_with("- ")
                        || content == "-");
                if !empty && !holds {
                    // A scalar or flow item: later, deeper lines continue it.
                    out.record(path, pos);
                    skip_above = Some(at);
                    break;
                }
                out.record(path.clone(), pos);
                pending = Some(Pending {
                    path,
                    owner_indent: at,
                    owner_is_key: false,
                });
                if empty {
                    break;
                }
                at = content_at;
                continue;
            }
            if let Some((key, value_off)) = split_key(rest) {
                let path = key_path(&mut stack, &mut pending, at, Rc::from(key));
                let value = rest[value_off..].trim_start_matches([' ', '\t']);
                let value_at = raw.len() - value.len();
                let pos = Pos {
                    line,
                    column: col_of(at),
                    value_line: line,
                    value_column: col_of(value_at),
                };
                if is_empty_value(value) {
                    out.record(path.clone(), pos);
                    pending = Some(Pending {
                        path,
                        owner_indent: at,
                        owner_is_key: true,
                    });
                } else {
                    out.record(path, pos);
                    skip_above = Some(at);
                }
                break;
            }
            // A bare scalar, or something this scanner does not read.
            break;
        }
    }
    out
}

/// True when nothing but an anchor, a tag or a comment follows `key:`.
fn is_empty_value(v: &str) -> bool {
    v.split_whitespace()
        .take_while(|w| !w.starts_with('#'))
        .all(|w| w.starts_with('&') || w.starts_with('!'))
}

/// The path of a list item whose dash is at byte column `at`.
fn item_path(stack: &mut Vec<Frame>, pending: &mut Option<Pending>, at: usize) -> Path {
    while stack.last().is_some_and(|f| f.indent > at) {
        stack.pop();
    }
    if let Some(p) = pending.take() {
        let opens = if p.owner_is_key {
            at >= p.owner_indent
        } else {
            at > p.owner_indent
        };
        if opens {
            return open(stack, at, true, p.path, Seg::Index(0));
        }
    }
    if let Some(top) = stack.last_mut().filter(|f| f.indent == at && f.seq) {
        let i = top.next_index;
        top.next_index += 1;
        return child(&top.path, Seg::Index(i));
    }
    let parent = stack.last().map(|f| f.path.clone()).unwrap_or_default();
    open(stack, at, true, parent, Seg::Index(0))
}

/// The path of key `key` at byte column `at`.
fn key_path(
    stack: &mut Vec<Frame>,
    pending: &mut Option<Pending>,
    at: usize,
    key: Rc<str>,
) -> Path {
    while stack
        .last()
        .is_some_and(|f| f.indent > at || (f.indent == at && f.seq))
    {
        stack.pop();
    }
    if let Some(p) = pending.take()
        && at > p.owner_indent
    {
        return open(stack, at, false, p.path, Seg::Key(key));
    }
    if let Some(top) = stack.last().filter(|f| f.indent == at && !f.seq) {
        return child(&top.path, Seg::Key(key));
    }
    let parent = stack.last().map(|f| f.path.clone()).unwrap_or_default();
    open(stack, at, false, parent, Seg::Key(key))
}

/// `parent` followed by `seg`, allocated once.
fn child(parent: &[Seg], seg: Seg) -> Path {
    let mut path = Vec::with_capacity(parent.len() + 1);
    path.extend_from_slice(parent);
    path.push(seg);
    path
}

/// Pushes a new container at `indent` and returns the path of its first child.
fn open(stack: &mut Vec<Frame>, indent: usize, seq: bool, path: Path, first: Seg) -> Path {
    let child = child(&path, first);
    stack.push(Frame {
        indent,
        seq,
        path,
        next_index: 1,
    });
    child
}

/// Splits `key: value` into the key (unquoted; borrowed unless it was
/// quoted) and the byte offset just after its colon; `None` when `s` does
/// not start with a key.
pub(crate) fn split_key(s: &str) -> Option<(Cow<'_, str>, usize)> {
    let first = s.chars().next()?;
    if first == '"' || first == '\'' {
        // Most quoted starts are texts, not keys: their content is not built.
        let end = quoted_end(s, first)?;
        let after = &s[end..];
        let gap = after.len() - after.trim_start_matches(' ').len();
        let rest = &after[gap..];
        if !colon_ends_key(rest) {
            return None;
        }
        let (key, _) = quoted(s, first)?;
        return Some((Cow::Owned(key), end + gap + 1));
    }
    if matches!(
        first,
        '[' | '{' | '|' | '>' | '!' | '&' | '*' | '%' | '@' | '`' | '?' | '#' | ','
    ) {
        return None;
    }
    // Bytes: `#`, `:` and the blanks are ASCII, never part of another
    // character (whose bytes are all above 0x7F).
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(n) = b[i..].iter().position(|&c| c == b'#' || c == b':') {
        i += n;
        if b[i] == b'#' {
            // A comment after a blank (or at the start).
            if i == 0 || matches!(b[i - 1], b' ' | b'\t') {
                return None;
            }
        } else if matches!(b.get(i + 1), None | Some(b' ' | b'\t')) {
            return Some((Cow::Borrowed(s[..i].trim_end()), i + 1));
        }
        i += 1;
    }
    None
}

/// True when `s` starts with a `:` that ends a key (followed by a space or the end).
fn colon_ends_key(s: &str) -> bool {
    let mut it = s.chars();
    it.next() == Some(':') && it.next().is_none_or(|c| c == ' ' || c == '\t')
}

/// The content of a quoted scalar starting `s` and the byte offset after it.
pub(crate) fn quoted(s: &str, q: char) -> Option<(String, usize)> {
    let mut out = String::new();
    let end = scan_quoted(s.char_indices().skip(1), q, |c| out.push(c))?;
    Some((out, end))
}

/// The byte offset just after the quoted scalar starting `s` (as
/// [`quoted`], without building its content).
pub(crate) fn quoted_end(s: &str, q: char) -> Option<usize> {
    let open = s.chars().next()?.len_utf8();
    Some(open + close_of(&s[open..], q)?)
}

/// True when `inside`, read as the inside of a quoted scalar (its opening
/// quote `q` before it), closes it.
pub(crate) fn closes_quote(inside: &str, q: char) -> bool {
    close_of(inside, q).is_some()
}

/// The byte offset just after the quote `q` that closes the quoted
/// scalar whose inside starts `inside`, as [`scan_quoted`] finds it, read
/// byte by byte (the quotes and the backslash are ASCII, never part of
/// another character's bytes).
fn close_of(inside: &str, q: char) -> Option<usize> {
    if !q.is_ascii() {
        return scan_quoted(inside.char_indices(), q, |_| {});
    }
    let q = q as u8;
    let b = inside.as_bytes();
    let mut i = 0;
    while let Some(n) = b[i..].iter().position(|&c| c == q || c == b'\\') {
        i += n;
        if b[i] == q {
            if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        if q == b'"' {
            // An escape: the next character is text (`\"` does not close).
            i += 2;
            if i > b.len() {
                return None;
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Reads a quoted scalar's inside from `chars` (byte offsets in the text
/// that holds the opening quote), giving each character of its content to
/// `push`; the byte offset after the closing quote, or `None` if it never closes.
fn scan_quoted(
    chars: impl Iterator<Item = (usize, char)>,
    q: char,
    mut push: impl FnMut(char),
) -> Option<usize> {
    let mut chars = chars.peekable();
    while let Some((i, c)) = chars.next() {
        if c == q {
            if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                push('\'');
                continue;
            }
            return Some(i + 1);
        }
        if c == '\\' && q == '"' {
            if let Some((_, n)) = chars.next() {
                push(n);
            }
            continue;
        }
        push(c);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(k: &str) -> Seg {
        Seg::Key(k.into())
    }

    fn at(p: &Positions, path: &[Seg]) -> (usize, usize, usize) {
        let pos = p.exact(path, 0).unwrap_or_else(|| panic!("{}", show(path)));
        (pos.line, pos.column, pos.value_column)
    }

    const UNIT: &str = "\
# commento
nome: Ufficio
descrizione: |
  testo: con due punti
  - e un trattino
smartizzabili:
  - Uno
    che continua: qui
  - testo: Due
    note: >
      lunga
    ambiti: [A, B]
  -
    testo: Tre
non_smartizzabili:
- \"Quattro: cinque\"
- 'sei'
ordine: 3
";

    #[test]
    fn block_style_is_indexed() {
        let p = index(UNIT);
        assert_eq!(p.first_key, Some((2, 1)));
        assert_eq!(at(&p, &[key("nome")]), (2, 1, 7));
        assert_eq!(at(&p, &[key("smartizzabili")]), (6, 1, 15));
        assert_eq!(at(&p, &[key("smartizzabili"), Seg::Index(0)]), (7, 3, 5));
        assert_eq!(
            at(&p, &[key("smartizzabili"), Seg::Index(1), key("testo")]),
            (9, 5, 12)
        );
        assert_eq!(
            at(&p, &[key("smartizzabili"), Seg::Index(1), key("ambiti")]),
            (12, 5, 13)
        );
        assert_eq!(
            at(&p, &[key("smartizzabili"), Seg::Index(2), key("testo")]),
            (14, 5, 12)
        );
        assert_eq!(
            at(&p, &[key("non_smartizzabili"), Seg::Index(1)]),
            (17, 1, 3)
        );
        assert_eq!(at(&p, &[key("ordine")]), (18, 1, 9));
        // Inside blocks and continuations nothing is a key.
        assert!(p.exact(&[key("testo")], 0).is_none());
        assert!(p.exact(&[key("descrizione"), key("testo")], 0).is_none());
        assert!(
            p.exact(
                &[key("smartizzabili"), Seg::Index(0), key("che continua")],
                0
            )
            .is_none()
        );
    }

    #[test]
    fn flow_items_fall_back_to_their_key() {
        let p = index(UNIT);
        let path = [
            key("smartizzabili"),
            Seg::Index(1),
            key("ambiti"),
            Seg::Index(1),
        ];
        assert_eq!(p.find(&path).line, 12);
    }

    #[test]
    fn duplicate_keys_get_each_their_line() {
        let p = index("nome: A\nfonte:\n  url: x\n  url: y\nnome: B\n");
        assert_eq!(p.exact(&[key("nome")], 1).map(|p| p.line), Some(5));
        assert_eq!(
            p.exact(&[key("fonte"), key("url")], 1).map(|p| p.line),
            Some(4)
        );
    }

    #[test]
    fn keys_are_split_like_yaml_does() {
        assert_eq!(split_key("a: b"), Some(("a".into(), 2)));
        assert_eq!(split_key("a:"), Some(("a".into(), 2)));
        assert_eq!(split_key("url: https://x.it/a"), Some(("url".into(), 4)));
        assert_eq!(split_key("https://x.it"), None);
        assert_eq!(split_key("\"a: b\": c"), Some(("a: b".into(), 7)));
        assert_eq!(split_key("\"a: b\""), None);
        assert_eq!(split_key("x # a: b"), None);
        assert_eq!(split_key("[a: b]"), None);
        assert_eq!(split_key("città: x"), Some(("città".into(), 7)));
        assert_eq!(split_key("è#a: b"), Some(("è#a".into(), 5)));
        assert_eq!(split_key("a\t#b: c"), None);
        assert_eq!(split_key("a:b: c"), Some(("a:b".into(), 4)));
        assert_eq!(split_key("a:è: c"), Some(("a:è".into(), 5)));
        assert_eq!(split_key("a :\tc"), Some(("a".into(), 3)));
    }

    #[test]
    fn spans_split_the_document_from_list_items() {
        let p = index(UNIT);
        let (doc, items) = p.spans(&["smartizzabili"]);
        let items = |l: usize, i: usize| &items[l][i];
        let span = |line, column| Some(Span { line, column });
        assert_eq!(doc.key("nome"), span(2, 1));
        assert_eq!(doc.value("nome"), span(2, 7));
        assert_eq!(doc.value("non_smartizzabili[1]"), span(17, 3));
        assert_eq!(doc.key("smartizzabili[0]"), None);
        assert_eq!(items(0, 0).value(""), span(7, 5));
        assert_eq!(items(0, 1).value("testo"), span(9, 12));
        assert_eq!(items(0, 2).key("testo"), span(14, 5));
        assert_eq!(p.start(), Span { line: 2, column: 1 });
    }

    #[test]
    fn quoted_ends_agree_with_quoted_texts() {
        for s in [
            "\"a: b\" c",
            "'l''ufficio' x",
            "\"a \\\" b\"",
            "\"aperto",
            "'aperto''",
            "\"\"",
            "'è' ok",
            "\"a\\",
            "\"a\\\\\" x",
            "\"\\è\" x",
            "'a\\' b",
            "\"è\\\"\"",
            "'''",
            "''''",
            "\"",
        ] {
            let q = s.chars().next().unwrap();
            assert_eq!(quoted_end(s, q), quoted(s, q).map(|(_, end)| end), "{s}");
            assert_eq!(closes_quote(&s[1..], q), quoted(s, q).is_some(), "{s}");
        }
        assert_eq!(
            quoted("'l''ufficio' x", '\''),
            Some(("l'ufficio".into(), 12))
        );
    }

    #[test]
    fn show_paths() {
        assert_eq!(
            show(&[key("smartizzabili"), Seg::Index(3), key("testo")]),
            "smartizzabili[3].testo"
        );
    }
}
