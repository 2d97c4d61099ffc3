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
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphabetic() || c.is_numeric()
    }
}

/// The light stemmer, on a folded word: `-chi/-che/-ghi/-ghe` lose the
/// `h` and the vowel (`sopralluoghi` -> `sopralluog`), `-io/-ia/-ie/-ii` lose
/// both vowels (`ufficio` -> `uffic`), any other final vowel goes
/// (`fatture` -> `fattur`); a stem keeps at least three letters. Words
/// with a digit stay as they are.
///
/// The stem is a prefix of `word`: this gives its length in bytes. `n` is
/// the word's count of chars and `numeric` whether one is numeric (the
/// caller counted both while folding).
fn stem_end(word: &str, n: usize, numeric: bool) -> usize {
    if numeric {
        return word.len();
    }
    // The last three chars (`c1` the last): no copy of the word's chars
    // (this runs on every word of the site).
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
    if word.len() == n {
        // All ASCII: chars are bytes.
        return keep;
    }
    word.char_indices()
        .nth(keep)
        .map_or(word.len(), |(end, _)| end)
}

/// Whether `word` (folded) is in `list`, one of [`ELISIONS`] and
/// [`STOP_WORDS`] as [`packed`]: every one is at most six bytes, so longer
/// words are not compared (most words of a text), and a shorter one is
/// compared as one number with each entry.
fn listed(list: &[u64], word: &str) -> bool {
    word.len() <= 6 && list.contains(&pack(word.as_bytes()))
}

/// The bytes of a word of at most eight, as one number (the first byte
/// lowest). One-to-one on words without a NUL byte (a word char is never
/// NUL), whose length is where the zero bytes start.
const fn pack(word: &[u8]) -> u64 {
    let mut n = 0;
    let mut i = 0;
    while i < word.len() {
        n |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    n
}

/// Every word of `list` [`pack`]ed.
const fn packed<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut out = [0; N];
    let mut i = 0;
    while i < N {
        out[i] = pack(list[i].as_bytes());
        i += 1;
    }
    out
}

const ELISIONS_PACKED: [u64; ELISIONS.len()] = packed(ELISIONS);
const STOP_WORDS_PACKED: [u64; STOP_WORDS.len()] = packed(STOP_WORDS);

/// The words of `text`, analysed, in order.
pub(crate) fn analyze(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    each_term(text, |term, accent, start, end| {
        out.push(Token {
            term: term.to_string(),
            accent,
            start,
            end,
        });
    });
    out
}

/// [`analyze`] without a `Token` per word: `emit(term, accent, start,
/// end)` for each word of `text`, in order, the term borrowed from one
/// buffer (the index keys most words by a term it has already seen, so it
/// copies only new ones). Positions in chars, as [`Token`]'s.
pub(crate) fn each_term(text: &str, mut emit: impl FnMut(&str, bool, usize, usize)) {
    let mut chars = text.chars();
    // The char under the cursor and its position, in chars.
    let mut cur = chars.next();
    let mut i = 0;
    // One buffer for every word's folded form (each word's term is its stem).
    let mut folded = String::new();
    while let Some(c) = cur {
        if !is_word_char(c) {
            cur = chars.next();
            i += 1;
            continue;
        }
        let start = i;
        folded.clear();
        let (mut accent, mut numeric, mut n) = (false, false, 0);
        let mut c = c;
        loop {
            if c.is_ascii() {
                // A word char (`is_word_char`): an ASCII letter or digit,
                // whose lowercase is itself folded.
                numeric |= c.is_ascii_digit();
                folded.push(c.to_ascii_lowercase());
                n += 1;
            } else {
                for lower in c.to_lowercase() {
                    let f = match slug::fold(lower) {
                        Some(f) => {
                            accent = true;
                            f
                        }
                        None => lower,
                    };
                    numeric |= f.is_numeric();
                    folded.push(f);
                    n += 1;
                }
            }
            cur = chars.next();
            i += 1;
            match cur {
                Some(next) if is_word_char(next) => c = next,
                _ => break,
            }
        }
        if listed(&STOP_WORDS_PACKED, &folded) {
            continue;
        }
        // `cur` is the char after the word: an elision is an apostrophe
        // followed by a word char.
        if cur.is_some_and(is_apostrophe)
            && chars.clone().next().is_some_and(is_word_char)
            && listed(&ELISIONS_PACKED, &folded)
        {
            continue;
        }
        emit(&folded[..stem_end(&folded, n, numeric)], accent, start, i);
    }
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
mod same_as_before {
    //! [`each_term`] reads the text once, without a `Vec<char>` and with an
    //! ASCII path; these tests hold it to the straightforward analyzer it
    //! replaced, kept here verbatim, on the texts where they could part.
    use super::*;

    fn stem_before(word: &str) -> String {
        let numeric = word.chars().any(char::is_numeric);
        word[..stem_end(word, word.chars().count(), numeric)].to_string()
    }

    /// The analyzer before [`each_term`] (only `stem` had its count and
    /// digit check moved into `stem_end`).
    fn analyze_before(text: &str) -> Vec<Token> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut folded = String::new();
        let mut i = 0;
        while i < chars.len() {
            if !(chars[i].is_alphabetic() || chars[i].is_numeric()) {
                i += 1;
                continue;
            }
            let start = i;
            folded.clear();
            let mut accent = false;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i].is_numeric()) {
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
            let elided = i + 1 < chars.len()
                && is_apostrophe(chars[i])
                && (chars[i + 1].is_alphabetic() || chars[i + 1].is_numeric());
            if elided && folded.len() <= 6 && ELISIONS.contains(&folded.as_str()) {
                continue;
            }
            if folded.len() <= 6 && STOP_WORDS.contains(&folded.as_str()) {
                continue;
            }
            out.push(Token {
                term: stem_before(&folded),
                accent,
                start,
                end: i,
            });
        }
        out
    }

    #[test]
    fn tricky_texts() {
        for text in [
            "",
            "'",
            "l'",
            "dell'",
            "dell'é",
            "DELL'Ente, nell’ufficio e un'attività",
            "l'8 marzo, dall'11 aprile, po' di",
            "İstanbul İİ ΣΑΣ Straße ǅemal ﬁne ǰ",
            "x² ⅻ Ⅻ ١٢٣ 1º 2ª ½ ①",
            "CHE CHI GHI ghe chi io ii zio ozio attività à è ì ò ù",
            "tab\tnew\nline\u{0}nul\u{85}nel",
            "stop: a ad agli E Ed IL DeLlE con-da/per_su",
            "UFFICIO—Servizi…«Verifiche» “fatture” (art. 5, comma 2)",
        ] {
            assert_eq!(analyze(text), analyze_before(text), "{text:?}");
        }
    }

    /// Texts drawn from a small alphabet of the chars that matter (ASCII,
    /// accented, expanding lowercases, digits, apostrophes, separators).
    #[test]
    fn drawn_texts() {
        let alphabet: Vec<char> = "aeiouchgzlAEIOUCHL019 ,.'’ʼ-àÀéÈìòùÙçÑİẞßǅ²Ⅻ١ºΣ\n\t"
            .chars()
            .collect();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let len = (seed >> 59) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(analyze(&text), analyze_before(&text), "{text:?}");
        }
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
