//! Italian text analysis for the search index: the words of a text become
//! terms (lowercase, accents folded, elided articles and stop words dropped,
//! a light stemmer so that singular and plural meet).
//!
//! The same rules run in the browser (`themes/default/static/analyzer.js`):
//! both sides are checked against `tests/fixtures/search/analyzer-vectors.json`,
//! so a change here must be made there too. Pure functions, no I/O.

/// A word of a text after analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
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
pub const ELISIONS: &[&str] = &[
    "all", "anch", "c", "coll", "d", "dall", "dell", "l", "m", "n", "nell", "nessun", "quell",
    "quest", "s", "sull", "t", "tutt", "un", "v",
];

/// Words too common to search for. Kept short on purpose: `non` and the
/// like stay searchable.
pub const STOP_WORDS: &[&str] = &[
    "a", "ad", "agli", "ai", "al", "alla", "alle", "allo", "con", "da", "dagli", "dai", "dal",
    "dalla", "dalle", "dallo", "degli", "dei", "del", "della", "delle", "dello", "di", "e", "ed",
    "gli", "i", "il", "in", "la", "le", "lo", "negli", "nei", "nel", "nella", "nelle", "nello",
    "o", "od", "per", "su", "sugli", "sui", "sul", "sulla", "sulle", "sullo", "tra", "fra", "un",
    "una", "uno",
];

/// A stem keeps at least this many chars.
const MIN_STEM: usize = 3;

/// Folds an accented lowercase letter to its plain form; `None` if `c` has
/// no accent.
pub fn fold(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => return None,
    })
}

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
pub fn stem(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.iter().any(|c| c.is_numeric()) {
        return word.to_string();
    }
    let n = chars.len();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
    let hard = n >= 3
        && matches!(chars[n - 3], 'c' | 'g')
        && chars[n - 2] == 'h'
        && matches!(chars[n - 1], 'i' | 'e');
    let i_vowel = n >= 2 && chars[n - 2] == 'i' && matches!(chars[n - 1], 'o' | 'a' | 'e' | 'i');
    let cut = if hard || i_vowel {
        2
    } else if n >= 1 && vowel(chars[n - 1]) {
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
    chars[..keep].iter().collect()
}

/// The words of `text`, analysed, in order.
pub fn analyze(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut folded = String::new();
        let mut accent = false;
        while i < chars.len() && is_word_char(chars[i]) {
            for lower in chars[i].to_lowercase() {
                match fold(lower) {
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
        if elided && ELISIONS.contains(&folded.as_str()) {
            continue;
        }
        if STOP_WORDS.contains(&folded.as_str()) {
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
    //! The vectors shared with the JS analyzer.
    use super::analyze;

    #[test]
    fn shared_vectors_hold() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search/analyzer-vectors.json"
        );
        let text = std::fs::read_to_string(path).expect("vectors file");
        let json: serde_json::Value = serde_json::from_str(&text).expect("vectors JSON");
        let vectors = json["vectors"].as_array().expect("vectors list");
        assert!(vectors.len() > 20);
        let mut failures = Vec::new();
        for v in vectors {
            let input = v["input"].as_str().expect("input");
            let tokens = analyze(input);
            let terms: Vec<&str> = tokens.iter().map(|t| t.term.as_str()).collect();
            let accents: Vec<bool> = tokens.iter().map(|t| t.accent).collect();
            let want_terms: Vec<&str> = v["terms"]
                .as_array()
                .expect("terms")
                .iter()
                .map(|t| t.as_str().expect("term"))
                .collect();
            let want_accents: Vec<bool> = v["accents"]
                .as_array()
                .expect("accents")
                .iter()
                .map(|a| a.as_bool().expect("accent"))
                .collect();
            if terms != want_terms || accents != want_accents {
                failures.push(format!(
                    "{input:?}: got {terms:?} {accents:?}, want {want_terms:?} {want_accents:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
