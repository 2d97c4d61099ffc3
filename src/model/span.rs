//! Where a value was written in its file: a [`Span`] (line and column) and
//! the [`Spans`] of a record's keys. `load` fills them from the parser's
//! positions; diagnostics, `validate`, `linkcheck` and `theme` point with
//! them. Data only.

use std::borrow::Cow;

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
///
/// A list sorted by path, one entry each: a record has a handful of keys
/// (an activity one to four), so a lookup is a binary search and a record
/// costs one small allocation, not a hash table. A path that is a key the
/// model declares is borrowed from the declaration, not copied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Spans(Vec<(Cow<'static, str>, Span, Span)>);

impl Spans {
    /// Adds the place of `path`, unless it already has one (the first is kept).
    pub fn insert(&mut self, path: String, key: Span, value: Span) {
        if let Err(i) = self.find(&path) {
            self.0.insert(i, (Cow::Owned(path), key, value));
        }
    }

    /// The places of `places` (path, key, value); of a path given twice,
    /// the one whose key comes first in the file is kept.
    pub(crate) fn from_places(mut places: Vec<(Cow<'static, str>, Span, Span)>) -> Self {
        places.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
        places.dedup_by(|later, first| later.0 == first.0);
        // Kept as long as the site: no spare room.
        places.shrink_to_fit();
        Spans(places)
    }

    fn find(&self, path: &str) -> Result<usize, usize> {
        // An activity's few paths: compared by length first, in order.
        if self.0.len() <= 8 {
            return match self
                .0
                .iter()
                .position(|(p, ..)| p.len() == path.len() && **p == *path)
            {
                Some(i) => Ok(i),
                None => Err(self.0.partition_point(|(p, ..)| **p < *path)),
            };
        }
        self.0.binary_search_by(|(p, ..)| (**p).cmp(path))
    }

    /// Where the key at `path` was written.
    pub fn key(&self, path: &str) -> Option<Span> {
        self.find(path).ok().map(|i| self.0[i].1)
    }

    /// Where the value at `path` starts.
    pub fn value(&self, path: &str) -> Option<Span> {
        self.find(path).ok().map(|i| self.0[i].2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Span {
        Span { line, column }
    }

    #[test]
    fn the_first_place_of_a_path_is_kept() {
        let mut s = Spans::from_places(vec![
            ("nome".into(), at(5, 1), at(5, 7)),
            ("".into(), at(1, 1), at(1, 1)),
            ("nome".into(), at(2, 1), at(2, 7)),
            ("area".into(), at(3, 1), at(3, 7)),
        ]);
        assert_eq!(s.key("nome"), Some(at(2, 1)));
        assert_eq!(s.value("nome"), Some(at(2, 7)));
        assert_eq!(s.key(""), Some(at(1, 1)));
        assert_eq!(s.key("ordine"), None);
        s.insert("area".into(), at(9, 1), at(9, 1));
        s.insert("ordine".into(), at(4, 1), at(4, 9));
        assert_eq!(s.key("area"), Some(at(3, 1)));
        assert_eq!(s.value("ordine"), Some(at(4, 9)));
        let mut inserted = Spans::default();
        for (p, k) in [("b", at(2, 1)), ("a", at(1, 1)), ("b", at(3, 1))] {
            inserted.insert(p.into(), k, k);
        }
        let built = Spans::from_places(vec![
            ("a".into(), at(1, 1), at(1, 1)),
            ("b".into(), at(2, 1), at(2, 1)),
        ]);
        assert_eq!(inserted, built);
    }

    /// Many paths (a site's `percorso`, a long block list of `ambiti`):
    /// found by binary search, the same as a few by comparison.
    #[test]
    fn many_paths_are_found() {
        let path = |i: usize| format!("ambiti[{i}]");
        let mut s = Spans::from_places(
            (0..20)
                .rev()
                .map(|i| (path(i).into(), at(i, 1), at(i, 3)))
                .collect(),
        );
        for i in 0..20 {
            assert_eq!(s.value(&path(i)), Some(at(i, 3)), "{i}");
        }
        assert_eq!(s.key("ambiti"), None);
        s.insert("a".into(), at(1, 1), at(1, 1));
        s.insert(path(3), at(99, 1), at(99, 1));
        assert_eq!(s.key("a"), Some(at(1, 1)));
        assert_eq!(s.key(&path(3)), Some(at(3, 1)));
        assert_eq!(s.key(&path(19)), Some(at(19, 1)));
    }
}
