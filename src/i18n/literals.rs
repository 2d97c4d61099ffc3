//! The test that no sentence meant for a person is left in the code
//! (issue 22): every string literal of `src/**/*.rs` outside tests and
//! comments that reads as English or Italian prose fails it, with its
//! file and line, unless [`ALLOWED`] says why it stays. Every message a
//! person reads comes from `locales/` (`t!`, `diag!`).
//!
//! Prose, here: at least three words (of letters, or a `{placeholder}`),
//! one of them a common English or Italian function word ("the", "cannot",
//! "di", "non"...). Identifiers, message ids, paths, format
//! specs, HTML and MIME types are not prose by that rule; literals that
//! only a developer sees (`expect`, `panic!`, `assert!`...) are skipped.

use std::path::{Path, PathBuf};

/// The literals that may stay: `(file under src/, the literal's start,
/// why)`. Short on purpose: a sentence a person reads belongs in
/// `locales/`.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "yaml/de.rs",
        "a value the fast path leaves",
        "an internal signal to fall back to serde_yaml, never shown",
    ),
    (
        "model/mod.rs",
        "an activity: a line of text",
        "serde's `expecting`, never shown: yaml::schema reports a wrong type first (yaml-wrong-type)",
    ),
    (
        "model/date.rs",
        "`{s}` is not a valid date",
        "serde's fallback, never shown: yaml::schema reports a bad date first (yaml-invalid-date)",
    ),
    (
        "serve/net.rs",
        "Method Not Allowed",
        "an HTTP status's reason phrase (RFC 9110), part of the protocol",
    ),
    (
        "serve/reload.rs",
        "// trasparenza serve: live reload",
        "the live-reload script's JavaScript source, a comment in it",
    ),
];

/// Files (or folders, ending in `/`) under `src/` that write the published
/// site or the site's own files, whose fixed phrases are Italian by design
/// (the pages' language, issue 22 scope 5 moves them to a phrase file of
/// the theme; the comments of the unit files `init` and `import` write):
/// Italian prose may stay there, English may not.
const PUBLISHED: &[&str] = &[
    "render/",
    "views.rs",
    "model/mod.rs",
    "placeholder.rs",
    "import/unit_yaml.rs",
];

/// One piece of Rust source, as far as this test needs.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A string literal's text as written (escapes kept) and its line.
    Str(String, usize),
    Ident(String),
    Punct(char),
}

/// The tokens of `src`, comments dropped. Not a full lexer: numbers and
/// lifetimes are skipped, char literals dropped.
fn tokens(src: &str) -> Vec<Token> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    // Advances over chars[i..to], counting lines.
    let advance = |i: &mut usize, to: usize, line: &mut usize| {
        *line += chars[*i..to].iter().filter(|c| **c == '\n').count();
        *i = to;
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            let end = (i..chars.len())
                .find(|&j| chars[j] == '\n')
                .unwrap_or(chars.len());
            advance(&mut i, end, &mut line);
        } else if c == '/' && next == Some('*') {
            let (mut depth, mut j) = (0usize, i);
            while j < chars.len() {
                if chars[j] == '/' && chars.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if chars[j] == '*' && chars.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            advance(&mut i, j.min(chars.len()), &mut line);
        } else if c == '"' {
            let start = line;
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                j += if chars[j] == '\\' { 2 } else { 1 };
            }
            let end = j.min(chars.len());
            out.push(Token::Str(chars[i + 1..end].iter().collect(), start));
            advance(&mut i, (end + 1).min(chars.len()), &mut line);
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{a0}') or a lifetime ('a).
            if next == Some('\\') {
                let end = (i + 2..chars.len())
                    .find(|&j| chars[j] == '\'')
                    .unwrap_or(chars.len());
                advance(&mut i, (end + 1).min(chars.len()), &mut line);
            } else if chars.get(i + 2) == Some(&'\'') {
                let to = i + 3;
                advance(&mut i, to, &mut line);
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_alphanumeric() || chars[j] == '_'))
                .unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect();
            let after = chars.get(end).copied();
            let raw = matches!(word.as_str(), "r" | "br" | "cr");
            if raw && matches!(after, Some('"' | '#')) {
                // r"...", r#"..."#: up to the quote and as many #.
                let hashes = (end..chars.len()).take_while(|&j| chars[j] == '#').count();
                let open = end + hashes;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[open + 1..].iter().collect();
                let len = rest.find(&close).unwrap_or(rest.len());
                let text: String = rest[..len].to_string();
                let start = line;
                let stop = open + 1 + text.chars().count() + close.chars().count();
                out.push(Token::Str(text, start));
                advance(&mut i, stop.min(chars.len()), &mut line);
            } else if matches!(word.as_str(), "b" | "c") && after == Some('"') {
                i = end; // b"...": the string is read next
            } else {
                out.push(Token::Ident(word));
                i = end;
            }
        } else if c.is_ascii_digit() {
            let end = (i..chars.len())
                .find(|&j| !(chars[j].is_alphanumeric() || chars[j] == '_'))
                .unwrap_or(chars.len());
            i = end;
        } else {
            if c == '\n' {
                line += 1;
            } else if !c.is_whitespace() {
                out.push(Token::Punct(c));
            }
            i += 1;
        }
    }
    out
}

/// Calls whose string arguments only a developer reads (a bug's message),
/// or that take a message id.
const NOT_FOR_PEOPLE: &[&str] = &[
    "expect",
    "expect_err",
    "panic",
    "unreachable",
    "todo",
    "unimplemented",
    "assert",
    "assert_eq",
    "assert_ne",
    "debug_assert",
    "debug_assert_eq",
    "debug_assert_ne",
    "t",
    "diag",
    "message",
    "message_in",
    // A pattern searched for in another program's text (serde_yaml's,
    // clap's errors, to say them again in the clerk's language).
    "contains",
    "starts_with",
    "ends_with",
    "strip_prefix",
    "strip_suffix",
    "split_once",
    "find",
];

/// What scanning one file found.
#[derive(Debug, Default, PartialEq)]
struct Found {
    /// Literals that read as prose: `(line, text, language)`.
    prose: Vec<(usize, String, Prose)>,
    /// Modules declared `#[cfg(test)] mod name;`: their files are tests.
    test_mods: Vec<String>,
}

/// The prose literals of one Rust source outside `#[cfg(test)]` items,
/// `#[doc]` attributes and the calls of [`NOT_FOR_PEOPLE`].
fn scan(src: &str) -> Found {
    let toks = tokens(src);
    let mut found = Found::default();
    // For each open bracket: the name of the call it opens, if any.
    let mut open: Vec<Option<String>> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if toks[i] == Token::Punct('#') && toks.get(i + 1) == Some(&Token::Punct('[')) {
            let end = matching(&toks, i + 1);
            let attr = &toks[i + 2..end.min(toks.len())];
            let ident = |k: usize, s: &str| matches!(attr.get(k), Some(Token::Ident(w)) if w == s);
            let is_test = ident(0, "cfg")
                && attr
                    .iter()
                    .any(|t| matches!(t, Token::Ident(w) if w == "test"))
                && !attr
                    .iter()
                    .any(|t| matches!(t, Token::Ident(w) if w == "not"));
            if is_test {
                let (skip_to, module) = item_end(&toks, end + 1);
                found.test_mods.extend(module);
                i = skip_to + 1;
                continue;
            }
            if ident(0, "doc") {
                i = end + 1;
                continue;
            }
        }
        match &toks[i] {
            Token::Punct(c @ ('(' | '[' | '{')) => {
                let name = match (i.checked_sub(1).map(|k| &toks[k]), *c) {
                    (Some(Token::Ident(w)), '(') => Some(w.clone()),
                    (Some(Token::Punct('!')), '(' | '[' | '{') => match toks.get(i - 2) {
                        Some(Token::Ident(w)) => Some(w.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                open.push(name);
            }
            Token::Punct(')' | ']' | '}') => {
                open.pop();
            }
            Token::Str(text, line) => {
                let exempt = open
                    .last()
                    .and_then(|n| n.as_deref())
                    .is_some_and(|n| NOT_FOR_PEOPLE.contains(&n));
                if let Some(lang) = prose(text).filter(|_| !exempt) {
                    found.prose.push((*line, text.clone(), lang));
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The index of the bracket closing the one at `at` (or the end).
fn matching(toks: &[Token], at: usize) -> usize {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(at) {
        match t {
            Token::Punct('(' | '[' | '{') => depth += 1,
            Token::Punct(')' | ']' | '}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return j;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// The last token of the item that starts at `from` (its `;` or closing
/// `}`), and its name when it is `mod name;`.
fn item_end(toks: &[Token], from: usize) -> (usize, Option<String>) {
    let mut j = from;
    while j < toks.len() {
        match &toks[j] {
            Token::Punct('#') if toks.get(j + 1) == Some(&Token::Punct('[')) => {
                j = matching(toks, j + 1) + 1;
            }
            Token::Punct('(' | '[') => j = matching(toks, j) + 1,
            Token::Punct('{') => return (matching(toks, j), None),
            Token::Punct(';') => {
                let module = match &toks[from..j] {
                    [.., Token::Ident(m), Token::Ident(name)] if m == "mod" => Some(name.clone()),
                    _ => None,
                };
                return (j, module);
            }
            _ => j += 1,
        }
    }
    (toks.len(), None)
}

/// Short words of running English text: a literal with one of them and
/// three words is a sentence, not a name or a key.
const ENGLISH: &[&str] = &[
    "an", "the", "of", "to", "is", "are", "was", "be", "not", "and", "or", "for", "with", "this",
    "that", "it", "its", "from", "by", "on", "at", "as", "cannot", "can", "has", "have", "does",
    "would", "will", "must", "should", "there", "here", "into", "than",
];

/// The same for Italian (with the words both languages share).
const ITALIAN: &[&str] = &[
    "a", "in", "no", "il", "lo", "la", "gli", "le", "di", "da", "con", "su", "per", "tra", "un",
    "una", "uno", "non", "è", "e", "o", "che", "del", "della", "dei", "delle", "nel", "nella",
    "al", "alla", "sono", "questo", "questa", "manca", "più", "si",
];

/// The language of a literal that reads as a sentence for a person.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Prose {
    English,
    Italian,
}

fn is_prose(text: &str) -> bool {
    prose(text).is_some()
}

/// Whether a literal's text reads as a sentence for a person, and in which
/// language.
fn prose(text: &str) -> Option<Prose> {
    // Markup is a page's or a theme's, not a message.
    if text.contains("</") || text.contains("/>") {
        return None;
    }
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.replace("\\n", " ").replace("\\t", " ").chars() {
        match c {
            // A placeholder is a word (`cannot read {x}`), not a function
            // word; one inside a word (`{dir}/{i}.json`) makes no word.
            '{' => {
                if depth == 0 {
                    plain.push('x');
                }
                depth += 1;
            }
            '}' => depth = depth.saturating_sub(1),
            c if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let words: Vec<String> = plain
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '\''))
        .collect();
    // `l'unità`: the word after the apostrophe.
    let has = |list: &[&str]| {
        words
            .iter()
            .any(|w| list.contains(&w.split('\'').next_back().unwrap_or(w)))
    };
    if words.len() < 3 {
        None
    } else if has(ENGLISH) {
        Some(Prose::English)
    } else if has(ITALIAN) {
        Some(Prose::Italian)
    } else {
        None
    }
}

/// Every `.rs` file under `dir`, sorted, but the files of test modules.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    files
}

#[test]
fn no_sentence_for_a_person_is_left_in_the_code() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let found: Vec<(PathBuf, Found)> = files
        .iter()
        .map(|p| (p.clone(), scan(&std::fs::read_to_string(p).unwrap())))
        .collect();
    // `#[cfg(test)] mod x;` in `dir/y.rs` or `dir/mod.rs`: `x.rs` or
    // `x/mod.rs` beside it (or in `dir/y/`) is a test file.
    let mut test_files = Vec::new();
    for (path, f) in &found {
        let dir = path.parent().unwrap_or(&src);
        let stem = path.file_stem().unwrap_or_default();
        let sub = if stem == "mod" || stem == "lib" || stem == "main" {
            dir.to_path_buf()
        } else {
            dir.join(stem)
        };
        for m in &f.test_mods {
            test_files.push(sub.join(format!("{m}.rs")));
            test_files.push(sub.join(m).join("mod.rs"));
        }
    }
    let mut used = vec![false; ALLOWED.len()];
    let mut left = Vec::new();
    for (path, f) in &found {
        if test_files.contains(path) {
            continue;
        }
        let rel = path
            .strip_prefix(&src)
            .unwrap_or(path)
            .display()
            .to_string();
        let published = PUBLISHED.iter().any(|p| match p.strip_suffix('/') {
            Some(dir) => rel.starts_with(&format!("{dir}/")),
            None => rel == *p,
        });
        for (line, text, lang) in &f.prose {
            if published && *lang == Prose::Italian {
                continue;
            }
            let allowed = ALLOWED
                .iter()
                .position(|(file, start, _)| *file == rel && text.starts_with(start));
            match allowed {
                Some(k) => used[k] = true,
                None => left.push(format!("src/{rel}:{line}: \"{text}\"")),
            }
        }
    }
    assert!(
        left.is_empty(),
        "{} sentences for a person in the code; move each into locales/ \
         (locales/README.md), or say in i18n::literals::ALLOWED why it stays:\n{}",
        left.len(),
        left.join("\n")
    );
    let stale: Vec<_> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((f, s, _), _)| format!("{f}: {s}"))
        .collect();
    assert!(
        stale.is_empty(),
        "ALLOWED entries that match nothing: {stale:?}"
    );
    assert!(files.len() > 50, "{}", files.len());
}

/// The scanner finds an English sentence in a `format!`, and nothing in a
/// message id, a comment, a test module, a format spec or a panic.
#[test]
fn the_scanner_finds_a_sentence_and_only_that() {
    let sample = r####"
//! A module doc that says "this is not the code".
use crate::i18n::t;

/// A doc comment with "a quoted sentence in it".
fn read(x: &str) -> String {
    let lifetime: &'static str = "id-only";
    let c = '"';
    /* a block comment: "cannot be read by anyone" */
    let _ = t!("import-cannot-read", path = x);
    let _ = format!("{x:<48} {:>3}", 1);
    let _ = std::fs::read(x).expect("the file is there for the test");
    let _ = r#"{"key": "value"}"#;
    let _ = "text/html; charset=utf-8";
    format!("cannot read {x}")
}

fn also() -> &'static str {
    "non è stato scritto nulla"
}

#[cfg(test)]
mod tests {
    fn f() -> String {
        format!("this is a test of the scanner")
    }
}

#[cfg(test)]
mod more;
"####;
    let found = scan(sample);
    assert_eq!(
        found.prose,
        [
            (15, "cannot read {x}".to_string(), Prose::English),
            (19, "non è stato scritto nulla".to_string(), Prose::Italian)
        ]
    );
    assert_eq!(found.test_mods, ["more"]);
    assert!(!is_prose("import-cannot-read"));
    assert!(!is_prose("<p>the text of a page</p>"));
    assert!(is_prose("line {line}: this CSV cannot be read: {e}"));
    assert!(!is_prose("{DIR}a/{i}.json"));
}
