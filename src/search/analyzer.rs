//! Italian text analysis for the search index: the words of a text become
//! terms (lowercase, accents folded, elided articles and stop words dropped,
//! a light stemmer so that singular and plural meet).
//!
//! The same rules run in the browser (`themes/default/static/analyzer.js`).
//! This file is the source of their data: the JS lists ([`ELISIONS`],
//! [`STOP_WORDS`] and the accent folding of [`slug::FOLDS`]) are generated
//! from it into a marked block of `analyzer.js`, which a test keeps current
//! (`UPDATE_ANALYZER=1 cargo test --lib analyzer` rewrites it). Both sides
//! are checked against `tests/fixtures/search/analyzer-vectors.json`, which
//! holds every entry of the three lists. Pure functions, no I/O.

use crate::slug;

/// A word of a text after analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// The folded, stemmed form: what the index is keyed by.
    pub term: String,
    /// Whether the word had an accented letter (`attività`): a query word
    /// with the same accent ranks higher.
    pub accent: bool,
    /// Position of the word in the text, in chars (not bytes): `start..end`.
    pub start: usize,
    pub end: usize,
}

/// Articles and prepositions that lose their vowel before an apostrophe
/// (`dell'ente`, `un'attività`): dropped.
/// `un'` is not here: `un` is a stop word, dropped with or without an
/// apostrophe (the two lists are disjoint, so every entry has an effect).
pub(crate) const ELISIONS: &[&str] = &[
    "all", "anch", "c", "coll", "d", "dall", "dell", "l", "m", "n", "nell", "nessun", "quell",
    "quest", "s", "sull", "t", "tutt", "v",
];

/// Words too common to search for. Kept short on purpose: `non` and the
/// like stay searchable.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "con", "da", "dagli", "dai", "dal",
    "dalla", "dalle", "dallo", "degli", "dei", "del", "della", "delle", "dello", "di", "e", "ed",
    "gli", "i", "il", "in", "la", "le", "lo", "negli", "nei", "nel", "nella", "nelle", "nello",
    "o", "od", "per", "su", "sugli", "sui", "sul", "sulla", "sulle", "sullo", "tra", "fra", "un",
    "una", "uno",
];

/// A stem keeps at least this many chars.
const MIN_STEM: usize = 3;

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || c.is_numeric()
}

/// The light stemmer, on a folded word: `-chi/-che/-ghi/-ghe` lose the
/// `h` and the vowel (`sopralluoghi` -> `sopralluog`), `-io/-ia/-ie/-ii` lose
/// both vowels (`ufficio` -> `uffic`), any other final vowel goes
/// (`fatture` -> `fattur`); a stem keeps at least three letters. Words
/// with a digit stay as they are.
pub(crate) fn stem(word: &str) -> String {
    if word.chars().any(|c| c.is_numeric()) {
        return word.to_string();
    }
    // The last three chars (`c1` the last) and the count: no copy of the
    // word's chars (this runs on every word of the site).
    let n = word.chars().count();
    let mut last = word.chars().rev();
    let (c1, c2, c3) = (last.next(), last.next(), last.next());
    let vowel = |c: Option<char>| matches!(c, Some('a' | 'e' | 'i' | 'o' | 'u'));
    let hard = matches!(c3, Some('c' | 'g')) && c2 == Some('h') && matches!(c1, Some('i' | 'e'));
    let i_vowel = c2 == Some('i') && matches!(c1, Some('o' | 'a' | 'e' | 'i'));
    let cut = if hard || i_vowel {
        2
    } else if vowel(c1) {
        1
    } else {
        0
    };
    let keep = if n - cut >= MIN_STEM {
        n - cut
    } else if cut == 2 && n > MIN_STEM {
        // `-io` on a short word: drop only the last vowel.
        n - 1
    } else {
        n
    };
    match word.char_indices().nth(keep) {
        Some((end, _)) => word[..end].to_string(),
        None => word.to_string(),
    }
}

/// Whether `word` (folded) is in `list`, one of [`ELISIONS`] and
/// [`STOP_WORDS`]: every one is at most six bytes, so longer words are not
/// compared (most words of a text).
fn listed(list: &[&str], word: &str) -> bool {
    word.len() <= 6 && list.contains(&word)
}

/// The words of `text`, analysed, in order.
pub(crate) fn analyze(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    // One buffer for every word's folded form (each word's term is its stem).
    let mut folded = String::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        folded.clear();
        let mut accent = false;
        while i < chars.len() && is_word_char(chars[i]) {
            for lower in chars[i].to_lowercase() {
                match slug::fold(lower) {
                    Some(f) => {
                        accent = true;
                        folded.push(f);
                    }
                    None => folded.push(lower),
                }
            }
            i += 1;
        }
        let elided = i + 1 < chars.len() && is_apostrophe(chars[i]) && is_word_char(chars[i + 1]);
        if elided && listed(ELISIONS, &folded) {
            continue;
        }
        if listed(STOP_WORDS, &folded) {
            continue;
        }
        out.push(Token {
            term: stem(&folded),
            accent,
            start,
            end: i,
        });
    }
    out
}

/// Just the terms of `text`.
pub fn terms(text: &str) -> Vec<String> {
    analyze(text).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_listed_word_is_short_enough_for_listed() {
        for w in super::ELISIONS.iter().chain(super::STOP_WORDS) {
            assert!(w.len() <= 6, "{w}: `listed` skips words over six bytes");
        }
    }

    use super::*;

    #[test]
    fn singular_and_plural_meet() {
        for (a, b) in [
            ("fattura", "fatture"),
            ("sopralluogo", "sopralluoghi"),
            ("attività", "attivita"),
            ("certificato", "certificati"),
            ("ufficio", "uffici"),
            ("verifica", "verifiche"),
            ("servizio", "servizi"),
            ("provincia", "province"),
            ("ente", "enti"),
            ("banca", "banche"),
        ] {
            assert_eq!(terms(a), terms(b), "{a} / {b}");
        }
    }

    #[test]
    fn elision_drops_the_article_only_before_an_apostrophe() {
        assert_eq!(terms("dell'ente"), ["ent"]);
        assert_eq!(terms("Dell’Ente"), ["ent"]);
        assert_eq!(terms("un'attività"), ["attivit"]);
        // Not followed by a letter: a plain word (and `l` alone is kept).
        assert_eq!(terms("po' di"), ["po"]);
    }

    #[test]
    fn accents_are_folded_and_remembered() {
        let t = analyze("Attività e attivita");
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].term, t[1].term);
        assert!(t[0].accent);
        assert!(!t[1].accent);
    }

    #[test]
    fn positions_are_in_chars() {
        let t = analyze("Città dell'attività");
        assert_eq!((t[0].start, t[0].end), (0, 5));
        assert_eq!((t[1].start, t[1].end), (11, 19));
    }

    #[test]
    fn short_words_and_numbers_keep_their_letters() {
        assert_eq!(
            terms("IMU TARI IVA 2026 DL"),
            ["imu", "tar", "iva", "2026", "dl"]
        );
        assert_eq!(terms("zio"), ["zio"]);
        assert_eq!(terms("ozio"), ["ozi"]);
    }

    #[test]
    fn stop_words_go() {
        assert_eq!(
            terms("il rilascio dei certificati"),
            ["rilasc", "certificat"]
        );
        assert!(terms("e di per").is_empty());
    }
}

#[cfg(test)]
mod vectors {
    //! The vectors shared with the JS analyzer, and the JS lists generated
    //! from this file.
    use super::{ELISIONS, STOP_WORDS, analyze};
    use crate::slug::FOLDS;
    use std::path::Path;

    const VECTORS: &str = "tests/fixtures/search/analyzer-vectors.json";
    const ANALYZER_JS: &str = "themes/default/static/analyzer.js";
    const BEGIN: &str = "  // BEGIN GENERATED";
    const END: &str = "  // END GENERATED";

    fn repo_file(rel: &str) -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
    }

    /// The inputs and expected tokens of the shared vectors.
    fn vectors() -> Vec<(String, Vec<String>, Vec<bool>)> {
        let text = std::fs::read_to_string(repo_file(VECTORS)).expect("vectors file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("vectors JSON");
        let list = json["vectors"].as_array().expect("vectors list");
        list.iter()
            .map(|v| {
                let input = v["input"].as_str().expect("input").to_string();
                let terms = v["terms"].as_array().expect("terms");
                let accents = v["accents"].as_array().expect("accents");
                (
                    input,
                    terms
                        .iter()
                        .map(|t| t.as_str().expect("term").into())
                        .collect(),
                    accents
                        .iter()
                        .map(|a| a.as_bool().expect("accent"))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn shared_vectors_hold() {
        let vectors = vectors();
        assert!(vectors.len() > 20);
        let mut failures = Vec::new();
        for (input, want_terms, want_accents) in &vectors {
            let tokens = analyze(input);
            let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
            let accents: Vec<bool> = tokens.iter().map(|t| t.accent).collect();
            if terms != *want_terms || accents != *want_accents {
                failures.push(format!(
                    "{input:?}: got {terms:?} {accents:?}, want {want_terms:?} {want_accents:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every entry of the three lists is in some vector's input (a stop word
    /// as a word, an elision before an apostrophe and a letter, a folded
    /// letter in both cases). With the lists disjoint, that makes each entry
    /// change some vector's terms: removing one fails `shared_vectors_hold`
    /// here and the node test of `analyzer.js`.
    #[test]
    fn vectors_hold_every_list_entry() {
        let inputs: Vec<String> = vectors().into_iter().map(|v| v.0).collect();
        let words: Vec<String> = inputs
            .iter()
            .flat_map(|i| i.split(|c: char| !c.is_alphanumeric()))
            .map(str::to_lowercase)
            .collect();
        let mut missing = Vec::new();
        for w in STOP_WORDS {
            if !words.iter().any(|x| x == w) {
                missing.push(format!("stop word {w:?}"));
            }
        }
        for e in ELISIONS {
            let elided = inputs.iter().any(|i| {
                let lower = i.to_lowercase();
                lower.match_indices(&format!("{e}'")).any(|(at, _)| {
                    let before = lower[..at].chars().next_back();
                    let after = lower[at + e.len() + 1..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && after.is_some_and(char::is_alphanumeric)
                })
            });
            if !elided {
                missing.push(format!("elision {e:?}"));
            }
        }
        for &(accented, _) in FOLDS {
            for c in [accented].into_iter().chain(accented.to_uppercase()) {
                if !inputs.iter().any(|i| i.contains(c)) {
                    missing.push(format!("folded letter {c:?}"));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "not in {VECTORS}: {}",
            missing.join(", ")
        );
    }

    #[test]
    fn no_elision_is_a_stop_word() {
        // Such an elision would be dropped as a stop word anyway: an entry
        // whose removal no test could see.
        let both: Vec<&&str> = ELISIONS.iter().filter(|e| STOP_WORDS.contains(e)).collect();
        assert!(both.is_empty(), "{both:?}");
        for list in [ELISIONS, STOP_WORDS] {
            let mut sorted = list.to_vec();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(sorted.len(), list.len(), "a duplicate in {list:?}");
        }
    }

    /// `var NAME = [...];` wrapped at 100 columns, as the rest of the file.
    fn js_list(name: &str, items: &[String]) -> String {
        let mut out = String::new();
        let mut line = format!("  var {name} = [");
        for (i, item) in items.iter().enumerate() {
            let piece = if i + 1 == items.len() {
                format!("{item}];")
            } else {
                format!("{item},")
            };
            if line.chars().count() + 1 + piece.chars().count() > 100 && !line.ends_with('[') {
                out.push_str(&line);
                out.push('\n');
                line = format!("    {piece}");
            } else {
                if !line.ends_with('[') {
                    line.push(' ');
                }
                line.push_str(&piece);
            }
        }
        out.push_str(&line);
        out.push('\n');
        out
    }

    fn quoted(s: &str) -> String {
        serde_json::to_string(s).expect("a string serialises")
    }

    /// The block of `analyzer.js` between the markers, from the Rust lists.
    fn js_block() -> String {
        let mut folds: Vec<(String, char)> = Vec::new();
        for &(accented, plain) in FOLDS {
            match folds.iter_mut().find(|(_, p)| *p == plain) {
                Some((letters, _)) => letters.push(accented),
                None => folds.push((accented.to_string(), plain)),
            }
        }
        let folds: Vec<String> = folds
            .iter()
            .map(|(letters, plain)| {
                format!("[{}, {}]", quoted(letters), quoted(&plain.to_string()))
            })
            .collect();
        let strings = |l: &[&str]| l.iter().map(|s| quoted(s)).collect::<Vec<_>>();
        format!(
            "{BEGIN} from src/search/analyzer.rs and src/slug.rs: do not edit;\n  \
             // `UPDATE_ANALYZER=1 cargo test --lib analyzer` rewrites it.\n{}{}{}{END}\n",
            js_list("ELISIONS", &strings(ELISIONS)),
            js_list("STOP_WORDS", &strings(STOP_WORDS)),
            js_list("FOLDS", &folds),
        )
    }

    /// `analyzer.js` has no hand-kept list: its block is the one generated
    /// from the Rust lists. With `UPDATE_ANALYZER=1` the test rewrites the
    /// block instead of failing.
    #[test]
    fn analyzer_js_lists_are_generated_from_rust() {
        let path = repo_file(ANALYZER_JS);
        let js = std::fs::read_to_string(&path).expect("analyzer.js");
        let start = js
            .find(BEGIN)
            .expect("analyzer.js has a BEGIN GENERATED line");
        let end = js[start..]
            .find(END)
            .expect("analyzer.js has an END GENERATED line")
            + start;
        let end = end + js[end..].find('\n').map_or(js.len() - end, |n| n + 1);
        let want = js_block();
        if js[start..end] == want {
            return;
        }
        if std::env::var_os("UPDATE_ANALYZER").is_some() {
            let updated = format!("{}{want}{}", &js[..start], &js[end..]);
            let tmp = path.with_extension("js.tmp");
            std::fs::write(&tmp, updated).expect("write analyzer.js.tmp");
            std::fs::rename(&tmp, &path).expect("replace analyzer.js");
            return;
        }
        panic!(
            "{ANALYZER_JS} is stale: its lists differ from src/search/analyzer.rs and \
             src/slug.rs. Run `UPDATE_ANALYZER=1 cargo test --lib analyzer` to regenerate.\n\
             --- in the file\n{}--- generated\n{want}",
            &js[start..end]
        );
    }
}
