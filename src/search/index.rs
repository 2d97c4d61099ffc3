//! The search index written under `cerca/indice/`: every activity of the
//! catalogue (text, note, ambiti, its unit's name and area, which list) with
//! an inverted index of the terms of [`analyzer`](super::analyzer).
//!
//! Format (read by `themes/default/static/search.js`), all JSON, sorted,
//! deterministic:
//!
//! - `meta.json`: `{v, areas: [[name, slug]], ambiti: [[name, slug]],
//!   unit_si: [count], unit_non: [count], docs_total, chunk, shards: [[key,
//!   file]]}`, and in a small index `unit_area: [area index or -1]`; when
//!   the catalogue has activities in part or under a condition (format 4),
//!   `unit_parz: [count]` too (absent: 0 for every unit, and `v` stays 3).
//!   Documents are numbered in catalogue order, unit by unit, its
//!   `smartizzabili`, its `parzialmente_smartizzabili`, then its
//!   `non_smartizzabili`, so a document's unit and list follow from the
//!   counts. In a split index `unit_si`, `unit_parz` and `unit_non` are each
//!   one string of [`Vlq`] numbers (at 10,000 units they were 97%
//!   of `meta.json`: 52 KB raw, 16 KB gzipped as JSON lists; 20 KB and 13 KB
//!   so).
//! - A term entry is `[term, accent (0/1), testo, note, unit]`: the last three
//!   are delta-encoded ascending lists of document ids (matches in the text;
//!   in the note or ambiti) and of unit ids (matches in the unit's name or
//!   area). Entries are sorted by term, then accent.
//! - A document is `[anchor, testo, note (plain text, "" if none), [ambito
//!   indexes]]`, and a fifth element, its `condizione`, when it has one (the
//!   condition's words are searched as the note's); its link is `../<slug>/#<anchor>`, the anchor of the unit page.
//! - A unit's name is `[slug, name]`. The activities common to every office
//!   (`_sito.yaml`), if any, are unit 0 with an empty slug: their link is
//!   `../#<anchor>`, on the home page.
//!
//! A small index is one file: `meta.json` also holds `units` (every unit's
//! name), `terms` (every entry), `docs` (every document) and `ambito_docs`
//! (per ambito, its documents, delta-encoded). Past [`SPLIT_BYTES`] it is
//! split so a query downloads only what it needs: `t/<file>.json` holds the
//! entries whose term starts with one key (the first two letters);
//! `d/<n>.json` is `{units: [[unit id, slug, name]], docs: [...]}` for
//! documents `n*chunk..` and the units they belong to; `a/<i>.json` the
//! documents of ambito `i`; `unita.json` every unit's name, loaded only for
//! the unit filter; `unita_aree.json` the `unit_area` list, loaded only for
//! the area or unit filter and "Forse cercavi" (a fifth of `meta.json` at
//! 10,000 units).
//!
//! Builds bytes in memory; never touches the disk.

use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

use rayon::prelude::*;

use pulldown_cmark::{Event, Parser, TagEnd};
#[cfg(test)]
use serde::Serialize;

use super::analyzer;
use super::json::{self, Json, Object, to_bytes};
use crate::model::Site;
use crate::slug;
use crate::views::UnitView;

/// Past this many bytes (raw), the index is split into shards.
pub(crate) const SPLIT_BYTES: usize = 200_000;

/// Documents per document file of a split index.
pub(crate) const CHUNK: usize = 64;

/// Format version, bumped when the JSON changes shape (2: `unit_area` out of
/// a split `meta.json`, into `unita_aree.json`; 3: a split index's
/// `unit_si` and `unit_non` as [`Vlq`] strings). An index of a catalogue
/// with activities in part or under a condition is [`VERSION_PARTIAL`].
pub(crate) const VERSION: u32 = 3;

/// Format 4: version 3 plus `unit_parz` in `meta.json` and a document's
/// fifth element, its condition. Written only when a catalogue has such
/// activities, so the index of one without them is version 3 as it was.
pub(crate) const VERSION_PARTIAL: u32 = 4;

/// Where the index goes, relative to the output root.
pub const DIR: &str = "cerca/indice/";

/// Field of a match, in ranking order.
#[derive(Clone, Copy)]
enum Field {
    Testo = 0,
    Note = 1,
    Unit = 2,
}

/// A document: anchor, text, note, ambiti, and its condition if it has one.
struct Doc<'a>(&'a str, &'a str, String, Vec<usize>, Option<&'a str>);

impl Json for Doc<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        let Doc(anchor, testo, note, ambiti, condizione) = self;
        match condizione {
            Some(c) => json::list(out, [anchor as &dyn Json, testo, note, ambiti, c]),
            None => json::list(out, [anchor as &dyn Json, testo, note, ambiti]),
        }
    }
}

// The serde forms of the index's structs (`cfg(test)` derives and impls)
// are how it was written before `json`: the tests hold `json` to them.
#[cfg(test)]
impl Serialize for Doc<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let mut t = s.serialize_tuple(if self.4.is_some() { 5 } else { 4 })?;
        t.serialize_element(self.0)?;
        t.serialize_element(self.1)?;
        t.serialize_element(&self.2)?;
        t.serialize_element(&self.3)?;
        if let Some(c) = self.4 {
            t.serialize_element(c)?;
        }
        t.end()
    }
}

type Postings = [Vec<u32>; 3];

/// Builds the index files: (path relative to the output root, bytes).
/// `views` are the unit views the pages were rendered from, so anchors are
/// exactly the pages' ids.
pub(crate) fn build(site: &Site, views: &[UnitView]) -> Vec<(String, Vec<u8>)> {
    build_with(site, views, SPLIT_BYTES)
}

/// [`build`] with a chosen split threshold (tests).
pub fn build_with(site: &Site, views: &[UnitView], split: usize) -> Vec<(String, Vec<u8>)> {
    let mut areas: Vec<String> = Vec::new();
    let mut ambiti: Vec<String> = Vec::new();
    let mut names: Vec<(&str, &str)> = Vec::new();
    let mut unit_area: Vec<i64> = Vec::new();
    let mut unit_si: Vec<u32> = Vec::new();
    let mut unit_parz: Vec<u32> = Vec::new();
    let mut unit_non: Vec<u32> = Vec::new();
    // For each document, its unit.
    let mut doc_unit: Vec<usize> = Vec::new();
    let mut docs: Vec<Doc> = Vec::new();
    let mut note_sources: Vec<Option<&str>> = Vec::new();
    let mut ambito_docs: Vec<Vec<u32>> = Vec::new();
    // Hashed while collecting (most tokens hit an existing term), sorted once below.
    // The texts of each unit, first its name and area, then its documents:
    // gathered here in catalogue order, analysed on every core below.
    let mut unit_docs: Vec<std::ops::Range<usize>> = Vec::new();

    // The activities common to every office come first, as a unit with an
    // empty slug (their anchors are on the home page).
    let common = crate::views::common_view(site);
    let c = &site.config;
    let scopes = common
        .iter()
        .map(|v| (None::<&str>, c.lists().map(|(_, l)| l), v))
        .chain(
            site.units
                .iter()
                .zip(views)
                .map(|(u, v)| (u.area.as_deref(), u.lists().map(|(_, l)| l), v)),
        );
    for (u_id, (area, [smart, partial, non], view)) in scopes.enumerate() {
        let area = area.map(str::trim).filter(|a| !a.is_empty());
        let area_idx = area.map(|a| index_of(&mut areas, a) as i64).unwrap_or(-1);
        names.push((view.slug, view.nome));
        unit_area.push(area_idx);
        unit_si.push(count(view.smartizzabili.len()));
        unit_parz.push(count(view.parzialmente_smartizzabili.len()));
        unit_non.push(count(view.non_smartizzabili.len()));
        let first = docs.len();
        let lists = [
            (smart, &view.smartizzabili),
            (partial, &view.parzialmente_smartizzabili),
            (non, &view.non_smartizzabili),
        ];
        for (model, shown) in lists {
            for (a, v) in model.iter().zip(shown) {
                let id = docs.len() as u32;
                // Its note as plain text is filled in below, on every core.
                note_sources.push(a.note.as_deref());
                let mut amb = Vec::new();
                for t in &a.ambiti {
                    let t = t.trim();
                    if t.is_empty() {
                        continue;
                    }
                    let i = index_of(&mut ambiti, t);
                    if ambito_docs.len() <= i {
                        ambito_docs.push(Vec::new());
                    }
                    if ambito_docs[i].last() != Some(&id) {
                        ambito_docs[i].push(id);
                        amb.push(i);
                    }
                }
                docs.push(Doc(&v.id, v.testo, String::new(), amb, v.condizione));
                doc_unit.push(u_id);
            }
        }
        unit_docs.push(first..docs.len());
    }

    docs.par_iter_mut()
        .zip(note_sources)
        .for_each(|(doc, source)| doc.2 = source.map(plain_text).unwrap_or_default());
    let terms = analyse(&unit_docs, &names, &unit_area, &areas, &ambiti, &docs);
    let entries: Vec<Entry> = terms
        .iter()
        .flat_map(|(term, by_accent)| {
            [false, true]
                .into_iter()
                .zip(by_accent)
                // A (term, accent) met in some text has an id in some list.
                .filter(|(_, p)| p.iter().any(|l| !l.is_empty()))
                .map(move |(accent, p)| {
                    Entry(
                        term,
                        u8::from(accent),
                        Delta(&p[0]),
                        Delta(&p[1]),
                        Delta(&p[2]),
                    )
                })
        })
        .collect();
    let areas = named(&areas);
    let ambiti = named(&ambiti);
    let partial = unit_parz.iter().any(|&n| n > 0);
    let mut meta = Meta {
        ambiti: &ambiti,
        ambito_docs: None,
        areas: &areas,
        chunk: CHUNK,
        docs: None,
        docs_total: docs.len(),
        shards: &[],
        terms: None,
        unit_area: None,
        unit_non: Counts::List(&unit_non),
        unit_parz: partial.then_some(Counts::List(&unit_parz)),
        unit_si: Counts::List(&unit_si),
        units: None,
        v: if partial { VERSION_PARTIAL } else { VERSION },
    };

    // The split form, measured; the single file is used while it is small.
    let mut shards: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in &entries {
        shards.entry(shard_key(e.0)).or_default().push(e);
    }
    let keys: Vec<(&str, String)> = shards.keys().map(|k| (k.as_str(), file_name(k))).collect();
    let shards: Vec<&Vec<&Entry>> = shards.values().collect();
    // Each file on its own, on every core, collected in order.
    let mut files: Vec<(String, Vec<u8>)> = shards
        .par_iter()
        .zip(&keys)
        .map(|(list, (_, file))| (format!("{DIR}t/{file}.json"), to_bytes(list)))
        .collect();
    files.par_extend(docs.par_chunks(CHUNK).enumerate().map(|(n, chunk)| {
        let first = doc_unit[n * CHUNK];
        let last = doc_unit[n * CHUNK + chunk.len() - 1];
        let units: Vec<(usize, &str, &str)> = (first..=last)
            .map(|u| (u, names[u].0, names[u].1))
            .collect();
        let file = DocFile {
            docs: chunk,
            units: &units,
        };
        (format!("{DIR}d/{n}.json"), to_bytes(&file))
    }));
    files.push((format!("{DIR}unita.json"), to_bytes(&names)));
    files.push((format!("{DIR}unita_aree.json"), to_bytes(&unit_area)));
    for (i, list) in ambito_docs.iter().enumerate() {
        files.push((format!("{DIR}a/{i}.json"), to_bytes(&Delta(list))));
    }
    let split_bytes: usize = files.iter().map(|(_, b)| b.len()).sum();

    let ambito_deltas: Vec<Delta> = ambito_docs.iter().map(|l| Delta(l)).collect();
    if split_bytes <= split {
        meta.units = Some(&names);
        meta.terms = Some(&entries);
        meta.docs = Some(&docs);
        meta.ambito_docs = Some(&ambito_deltas);
        meta.unit_area = Some(&unit_area);
        files.clear();
    } else {
        meta.shards = &keys;
        meta.unit_si = Counts::Vlq(Vlq(&unit_si));
        meta.unit_non = Counts::Vlq(Vlq(&unit_non));
        if partial {
            meta.unit_parz = Some(Counts::Vlq(Vlq(&unit_parz)));
        }
    }
    files.push((format!("{DIR}meta.json"), to_bytes(&meta)));
    files.sort();
    files
}

/// Each term's postings, by accent (plain, accented), sorted by term.
type Terms = Vec<(Box<str>, [Postings; 2])>;

/// The terms of every text of the index (unit `u`'s name and area, then
/// the testo, note, condition and ambiti of its documents `unit_docs[u]`),
/// with the documents and units they occur in.
///
/// The units are cut into runs analysed on every core, each into its own
/// [`TermMap`]; the runs are merged in unit order, so each list of ids is
/// ascending and the result is the same on any number of threads.
fn analyse(
    unit_docs: &[std::ops::Range<usize>],
    names: &[(&str, &str)],
    unit_area: &[i64],
    areas: &[String],
    ambiti: &[String],
    docs: &[Doc],
) -> Terms {
    let run = |units: std::ops::Range<usize>| {
        let mut map = TermMap::default();
        for u in units {
            let u_id = u as u32;
            map.add(names[u].1, Field::Unit, u_id);
            if let Some(a) = usize::try_from(unit_area[u])
                .ok()
                .and_then(|i| areas.get(i))
            {
                map.add(a, Field::Unit, u_id);
            }
            let range = unit_docs[u].clone();
            for (id, Doc(_, testo, note, amb, condizione)) in range.clone().zip(&docs[range]) {
                let id = id as u32;
                map.add(testo, Field::Testo, id);
                map.add(note, Field::Note, id);
                if let Some(c) = condizione {
                    map.add(c, Field::Note, id);
                }
                for &i in amb {
                    map.add(&ambiti[i], Field::Note, id);
                }
            }
        }
        map
    };
    // A few runs per thread, so a thread with a slow run is not the last.
    let runs = (rayon::current_num_threads() * 4).clamp(1, unit_docs.len().max(1));
    let per = unit_docs.len().div_ceil(runs).max(1);
    let bounds: Vec<std::ops::Range<usize>> = (0..unit_docs.len())
        .step_by(per)
        .map(|start| start..(start + per).min(unit_docs.len()))
        .collect();
    let maps: Vec<TermMap> = bounds.into_par_iter().map(run).collect();
    let mut maps = maps.into_iter();
    let mut all = maps.next().unwrap_or_default();
    for map in maps {
        all.append(map);
    }
    let mut postings = all.postings;
    let mut terms: Terms = all
        .ids
        .into_iter()
        .map(|(term, slot)| (term, std::mem::take(&mut postings[slot])))
        .collect();
    terms.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    terms
}

/// Terms and their postings while they are collected: each new term gets
/// the next slot of `postings` (by accent, by field).
#[derive(Default)]
struct TermMap {
    ids: HashMap<Box<str>, usize, BuildHasherDefault<FxHasher>>,
    postings: Vec<[Postings; 2]>,
}

impl TermMap {
    /// `text`'s terms, found in `field` of document (or unit) `id`, the
    /// highest id so far.
    fn add(&mut self, text: &str, field: Field, id: u32) {
        analyzer::each_term(text, |term, accent, _, _| {
            let slot = self.slot(term);
            let list = &mut self.postings[slot][usize::from(accent)][field as usize];
            if list.last() != Some(&id) {
                list.push(id);
            }
        });
    }

    fn slot(&mut self, term: &str) -> usize {
        match self.ids.get(term) {
            Some(&slot) => slot,
            None => {
                let slot = self.postings.len();
                self.postings.push(Default::default());
                self.ids.insert(term.into(), slot);
                slot
            }
        }
    }

    /// Adds the postings of `later`, whose ids all come after this map's.
    fn append(&mut self, later: TermMap) {
        let mut postings = later.postings;
        for (term, from) in later.ids {
            let slot = self.slot(&term);
            for (into, from) in self.postings[slot].iter_mut().zip(&mut postings[from]) {
                for (into, from) in into.iter_mut().zip(from) {
                    into.append(from);
                }
            }
        }
    }
}

/// The hash of rustc's FxHasher: a multiply and a rotate per 8 bytes, far
/// cheaper than the default SipHash on the short terms of the index, and
/// enough for keys that are not chosen to collide (a site's own words).
/// No output depends on it: the terms are sorted before they are written.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl FxHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(c);
            self.mix(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.mix(u64::from(b));
    }

    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the
        // top seven: bring the well-mixed high bits down.
        self.0.rotate_left(26)
    }
}

/// `meta.json`. Fields in alphabetical order: the order of the format since
/// its first version (it was a sorted JSON map).
#[cfg_attr(test, derive(Serialize))]
struct Meta<'a> {
    ambiti: &'a [(&'a str, String)],
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    ambito_docs: Option<&'a [Delta<'a>]>,
    areas: &'a [(&'a str, String)],
    chunk: usize,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    docs: Option<&'a [Doc<'a>]>,
    docs_total: usize,
    shards: &'a [(&'a str, String)],
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    terms: Option<&'a [Entry<'a>]>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    unit_area: Option<&'a [i64]>,
    unit_non: Counts<'a>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    unit_parz: Option<Counts<'a>>,
    unit_si: Counts<'a>,
    #[cfg_attr(test, serde(skip_serializing_if = "Option::is_none"))]
    units: Option<&'a [(&'a str, &'a str)]>,
    v: u32,
}

impl Json for Meta<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        Object::new(out)
            .field("ambiti", self.ambiti)
            .some("ambito_docs", self.ambito_docs)
            .field("areas", self.areas)
            .field("chunk", &self.chunk)
            .some("docs", self.docs)
            .field("docs_total", &self.docs_total)
            .field("shards", self.shards)
            .some("terms", self.terms)
            .some("unit_area", self.unit_area)
            .field("unit_non", &self.unit_non)
            .some("unit_parz", self.unit_parz.as_ref())
            .field("unit_si", &self.unit_si)
            .some("units", self.units)
            .field("v", &self.v)
            .end();
    }
}

/// `d/<n>.json`: a chunk of documents and the units they belong to.
#[cfg_attr(test, derive(Serialize))]
struct DocFile<'a> {
    docs: &'a [Doc<'a>],
    units: &'a [(usize, &'a str, &'a str)],
}

impl Json for DocFile<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        Object::new(out)
            .field("docs", self.docs)
            .field("units", self.units)
            .end();
    }
}

/// A term entry: `[term, accent, testo, note, unit]`.
#[cfg_attr(test, derive(Serialize))]
struct Entry<'a>(&'a str, u8, Delta<'a>, Delta<'a>, Delta<'a>);

impl Json for Entry<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        json::list(
            out,
            [&self.0 as &dyn Json, &self.1, &self.2, &self.3, &self.4],
        );
    }
}

/// Ascending ids written delta-encoded: `[3, 5, 9]` as `[3, 2, 4]`.
struct Delta<'a>(&'a [u32]);

impl Json for Delta<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        let mut prev = 0;
        json::list(
            out,
            self.0.iter().map(|&i| {
                let d = i - prev;
                prev = i;
                d
            }),
        );
    }
}

#[cfg(test)]
impl Serialize for Delta<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut prev = 0;
        s.collect_seq(self.0.iter().map(|&i| {
            let d = i - prev;
            prev = i;
            d
        }))
    }
}

/// A unit's count of activities in one list, as the index writes it (a
/// catalogue of more than 4 billion activities is not one a build reaches).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `unit_si` or `unit_non`: a JSON list in a small index, [`Vlq`] in a split one.
#[cfg_attr(test, derive(Serialize), serde(untagged))]
enum Counts<'a> {
    List(&'a [u32]),
    Vlq(Vlq<'a>),
}

impl Json for Counts<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Counts::List(l) => l.write(out),
            Counts::Vlq(v) => v.write(out),
        }
    }
}

/// The digits of [`Vlq`], in the order of their values (base64url's).
const VLQ_DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Numbers written as one string, each in digits of 5 bits, lowest first,
/// every digit but a number's last with 32 added (the "base64 VLQ" of source
/// maps, without a sign): 0..31 take one character, `[6, 31, 40]` is
/// `"Gf" + "oB"`. A string of JSON needs no escape for any of them, and
/// gzip codes each digit in about the bits it carries, where a JSON list
/// spends a comma and ASCII digits on each number.
struct Vlq<'a>(&'a [u32]);

impl Vlq<'_> {
    fn encode(&self) -> String {
        let mut out = String::with_capacity(self.0.len());
        for &n in self.0 {
            let mut n = n;
            loop {
                let digit = (n & 31) as usize;
                n >>= 5;
                if n == 0 {
                    out.push(char::from(VLQ_DIGITS[digit]));
                    break;
                }
                out.push(char::from(VLQ_DIGITS[digit | 32]));
            }
        }
        out
    }
}

impl Json for Vlq<'_> {
    fn write(&self, out: &mut Vec<u8>) {
        // Its digits need no escape.
        out.push(b'"');
        out.extend_from_slice(self.encode().as_bytes());
        out.push(b'"');
    }
}

#[cfg(test)]
impl Serialize for Vlq<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.encode())
    }
}

/// `[name, slug]` of each name, slugs made unique with `-2`, `-3`...
fn named(names: &[String]) -> Vec<(&str, String)> {
    let mut seen = BTreeMap::new();
    names
        .iter()
        .map(|n| {
            let base = slug::slugify(n);
            let k = seen.entry(base.clone()).or_insert(0);
            *k += 1;
            let s = if *k == 1 { base } else { format!("{base}-{k}") };
            (n.as_str(), s)
        })
        .collect()
}

/// The shard a term belongs to: its first two chars.
pub fn shard_key(term: &str) -> String {
    term.chars().take(2).collect()
}

/// A file name for a shard key: the key itself when it is plain ASCII, else
/// its UTF-8 bytes in hex (`x` + hex), so names stay portable.
fn file_name(key: &str) -> String {
    if key
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        key.to_string()
    } else {
        let hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
        format!("x{hex}")
    }
}

fn index_of(list: &mut Vec<String>, name: &str) -> usize {
    match list.iter().position(|n| n == name) {
        Some(i) => i,
        None => {
            list.push(name.to_string());
            list.len() - 1
        }
    }
}

/// The text of a Markdown note, without its markup.
pub(crate) fn plain_text(src: &str) -> String {
    let mut out = String::new();
    for ev in Parser::new(src) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deltas_and_keys() {
        assert_eq!(to_bytes(&Delta(&[3, 5, 9])), b"[3,2,4]");
        assert_eq!(shard_key("fattur"), "fa");
        assert_eq!(shard_key("x"), "x");
        assert_eq!(file_name("fa"), "fa");
        assert_eq!(file_name("ßa"), "xc39f61");
    }

    /// The decoding of search-logic.js's `numbers`, written out again.
    fn from_vlq(s: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let (mut n, mut shift) = (0u32, 0);
        for b in s.bytes() {
            let d = VLQ_DIGITS.iter().position(|&x| x == b).unwrap() as u32;
            n |= (d & 31) << shift;
            if d & 32 == 0 {
                out.push(n);
                (n, shift) = (0, 0);
            } else {
                shift += 5;
            }
        }
        out
    }

    #[test]
    fn vlq_numbers_read_back() {
        assert_eq!(Vlq(&[6, 31, 40]).encode(), "GfoB");
        assert_eq!(Vlq(&[]).encode(), "");
        let all = [0, 1, 31, 32, 1023, 1024, 65_535, 1 << 30, u32::MAX];
        assert_eq!(from_vlq(&Vlq(&all).encode()), all);
        assert_eq!(to_bytes(&Counts::Vlq(Vlq(&[0, 32]))), br#""AgB""#.to_vec());
        assert_eq!(to_bytes(&Counts::List(&[0, 32])), b"[0,32]");
    }

    #[test]
    fn markup_characters_are_escaped_in_json() {
        let bytes = to_bytes(&["<script>&</script>"][..]);
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            r#"["\u003cscript\u003e\u0026\u003c/script\u003e"]"#
        );
        let back: Vec<String> = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(back, ["<script>&</script>"]);
    }

    /// [`analyse`] on many units gives, on any number of threads, what one
    /// map filled text by text in catalogue order gives (the index before
    /// it was split into runs).
    #[test]
    fn terms_are_the_same_on_any_number_of_threads() {
        let words = [
            "Fattura",
            "fatture",
            "attività",
            "ATTIVITA",
            "dell'ente",
            "uffici",
            "2026",
            "verifiche",
            "e",
            "protocollo",
            "città",
            "Città",
            "archivio",
            "<PEC>",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut draw = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    words[(seed % words.len() as u64) as usize]
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let texts: Vec<String> = (0..400).map(|i| draw(1 + i % 7)).collect();
        let areas: Vec<String> = vec!["Area tecnica".into(), "Servizi".into()];
        let ambiti: Vec<String> = vec!["Contenzioso".into(), "Atti e fatture".into()];
        let (mut names, mut unit_area, mut unit_docs, mut docs) = (vec![], vec![], vec![], vec![]);
        let mut t = texts.iter();
        for u in 0..50 {
            names.push(("", t.next().unwrap().as_str()));
            unit_area.push([-1, 0, 1][u % 3]);
            let first = docs.len();
            // Some units without documents.
            for d in 0..(u % 4) * 2 {
                let testo = t.next().unwrap().as_str();
                let note = if d % 2 == 0 {
                    t.next().unwrap().clone()
                } else {
                    String::new()
                };
                let cond = (d % 3 == 0).then(|| t.next().unwrap().as_str());
                docs.push(Doc(
                    "",
                    testo,
                    note,
                    vec![d % 2, 1][..1 + u % 2].to_vec(),
                    cond,
                ));
            }
            unit_docs.push(first..docs.len());
        }

        let mut want: BTreeMap<(String, bool), Postings> = BTreeMap::new();
        let mut add = |text: &str, field: Field, id: usize| {
            for tok in analyzer::analyze(text) {
                let list = &mut want.entry((tok.term, tok.accent)).or_default()[field as usize];
                if list.last() != Some(&(id as u32)) {
                    list.push(id as u32);
                }
            }
        };
        for (u, range) in unit_docs.iter().enumerate() {
            add(names[u].1, Field::Unit, u);
            if unit_area[u] >= 0 {
                add(&areas[unit_area[u] as usize], Field::Unit, u);
            }
            for id in range.clone() {
                let Doc(_, testo, note, amb, cond) = &docs[id];
                add(testo, Field::Testo, id);
                add(note, Field::Note, id);
                if let Some(c) = cond {
                    add(c, Field::Note, id);
                }
                for &i in amb {
                    add(&ambiti[i], Field::Note, id);
                }
            }
        }
        let want: Vec<((String, bool), Postings)> = want.into_iter().collect();
        assert!(want.len() > 10);

        for threads in [1, 2, 3, 8] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let got =
                pool.install(|| analyse(&unit_docs, &names, &unit_area, &areas, &ambiti, &docs));
            let got: Vec<((String, bool), Postings)> = got
                .into_iter()
                .flat_map(|(term, [plain, accented])| {
                    [
                        ((term.to_string(), false), plain),
                        ((term.to_string(), true), accented),
                    ]
                })
                .filter(|(_, p)| p.iter().any(|l| !l.is_empty()))
                .collect();
            assert_eq!(got, want, "on {threads} threads");
        }
    }

    /// Every file's shape, with every optional field there and absent,
    /// written as serde_json wrote it before the hand writer.
    #[test]
    fn files_are_written_as_serde_json_wrote_them() {
        use super::json::serde_bytes;
        let docs = [
            Doc("a-1", "Testo <b>&", "nota \"x\"\n".into(), vec![0, 2], None),
            Doc(
                "b",
                "Città",
                String::new(),
                vec![],
                Some("se c'è\tla <rete>"),
            ),
        ];
        let named: Vec<(&str, String)> = vec![("Area <1>", "area-1".into())];
        let units = [("", "Comuni"), ("uff", "Ufficio & co")];
        let ids = [0, 3, 7];
        let entries = [
            Entry("fattur", 0, Delta(&ids), Delta(&[]), Delta(&[1])),
            Entry("citta", 1, Delta(&[1]), Delta(&[0, 1]), Delta(&[])),
        ];
        let deltas = [Delta(&ids), Delta(&[])];
        let counts = [0, 40, 1 << 20];
        let area = [-1, 0, 12];
        let full = Meta {
            ambiti: &named,
            ambito_docs: Some(&deltas),
            areas: &named,
            chunk: CHUNK,
            docs: Some(&docs),
            docs_total: 2,
            shards: &named,
            terms: Some(&entries),
            unit_area: Some(&area),
            unit_non: Counts::List(&counts),
            unit_parz: Some(Counts::Vlq(Vlq(&counts))),
            unit_si: Counts::Vlq(Vlq(&counts)),
            units: Some(&units),
            v: VERSION_PARTIAL,
        };
        assert_eq!(to_bytes(&full), serde_bytes(&full));
        let bare = Meta {
            ambito_docs: None,
            docs: None,
            terms: None,
            unit_area: None,
            unit_parz: None,
            units: None,
            ..full
        };
        assert_eq!(to_bytes(&bare), serde_bytes(&bare));
        let file = DocFile {
            docs: &docs,
            units: &[(0, "", "Comuni"), (7, "uff", "<Ufficio>")],
        };
        assert_eq!(to_bytes(&file), serde_bytes(&file));
        let refs: Vec<&Entry> = entries.iter().collect();
        assert_eq!(to_bytes(&refs), serde_bytes(&refs));
    }

    #[test]
    fn notes_lose_their_markup() {
        assert_eq!(
            plain_text("Limitatamente al *back office*.\n\n- uno\n- due"),
            "Limitatamente al back office. uno due"
        );
    }
}
