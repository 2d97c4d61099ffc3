//! Where a value was written in its file: a [`Span`] (line and column) and
//! the [`Spans`] of a record's keys. `load` fills them from the parser's
//! positions; diagnostics, `validate`, `linkcheck` and `theme` point with
//! them. Data only.

use std::collections::HashMap;

/// Where something was written in its file: 1-based line and column (in
/// characters). `0:0` when unknown (a value not read from a file).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Span {
    pub line: usize,
    pub column: usize,
}

/// Where each key of a record was written, by its path inside the record
/// (`descrizione`, `fonte.url`, `percorso[1].url`; `""` is the record
/// itself): the key (or the list item's dash) and its value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans(HashMap<String, (Span, Span)>);

impl Spans {
    pub fn insert(&mut self, path: String, key: Span, value: Span) {
        self.0.entry(path).or_insert((key, value));
    }

    /// Where the key at `path` was written.
    pub fn key(&self, path: &str) -> Option<Span> {
        self.0.get(path).map(|s| s.0)
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Span> {
        self.0.get(path).map(|s| s.1)
    }
}
