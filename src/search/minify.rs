//! The built-in theme's scripts (the search's `analyzer.js`,
//! `search-logic.js`, `search.js`) as the site serves them: without their
//! comments, indentation and blank lines. The files in `themes/default/static/`
//! stay written for people to read; at 10,000 units the first query
//! downloads the scripts and the index, and the comments were a third of it.
//!
//! A small, deterministic stripper, not a minifier: it renames nothing and
//! keeps every line break (JavaScript ends a statement at some of them), so
//! only comments and spaces go. A site's own scripts (`themes/<tema>/static/`)
//! are served as written.
//!
//! Pure: text in, text out.

/// `src` without comments, with every line's indentation and trailing
/// spaces removed, each run of spaces inside a line made one, and blank lines
/// dropped; strings, template literals and regular expressions kept as
/// written. A script it cannot read to its end (a string, comment or regular
/// expression left open; a template literal with `${`) comes back unchanged.
pub(crate) fn script(src: &str) -> String {
    strip(src).unwrap_or_else(|| src.to_string())
}

/// Words after which a `/` starts a regular expression, not a division.
const BEFORE_REGEX: &[&str] = &[
    "return",
    "typeof",
    "instanceof",
    "in",
    "of",
    "new",
    "delete",
    "void",
    "throw",
    "case",
    "do",
    "else",
    "yield",
    "await",
];

/// The output, a line at a time.
struct Out {
    text: String,
    line: String,
    /// A space was read since the last character written on this line.
    space: bool,
    /// The last character of code written (not a string's or a comment's).
    last: Option<char>,
    /// The identifier or keyword that ends at `last`, if it is one.
    word: String,
}

impl Out {
    fn code(&mut self, c: char) {
        if self.space && !self.line.is_empty() {
            self.line.push(' ');
        }
        let joined = !self.space && self.last.is_some_and(is_word);
        self.space = false;
        self.line.push(c);
        if is_word(c) {
            if !joined {
                self.word.clear();
            }
            self.word.push(c);
        } else {
            self.word.clear();
        }
        self.last = Some(c);
    }

    /// Copies a literal (string, template, regular expression) as it is.
    fn literal(&mut self, chars: &[char]) {
        if self.space && !self.line.is_empty() {
            self.line.push(' ');
        }
        self.space = false;
        self.line.extend(chars);
        self.word.clear();
        self.last = chars.last().copied();
    }

    fn end_line(&mut self) {
        let kept = self.line.trim_end();
        if !kept.is_empty() {
            self.text.push_str(kept);
            self.text.push('\n');
        }
        self.line.clear();
        self.space = false;
    }

    /// Whether a `/` here starts a regular expression.
    fn regex_may_start(&self) -> bool {
        match self.last {
            None => true,
            Some(c) if is_word(c) => BEFORE_REGEX.contains(&self.word.as_str()),
            Some(c) => !matches!(c, ')' | ']' | '\'' | '"' | '`'),
        }
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

fn strip(src: &str) -> Option<String> {
    let s: Vec<char> = src.chars().collect();
    let mut out = Out {
        text: String::with_capacity(src.len()),
        line: String::new(),
        space: false,
        last: None,
        word: String::new(),
    };
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        let next = s.get(i + 1).copied();
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => {
                out.end_line();
                i += 1;
            }
            c if c.is_whitespace() => {
                out.space = true;
                i += 1;
            }
            '/' if next == Some('/') => {
                while i < s.len() && s[i] != '\n' {
                    i += 1;
                }
            }
            '/' if next == Some('*') => {
                let end = find(&s, i + 2, &['*', '/'])?;
                if s[i..end].contains(&'\n') {
                    out.end_line();
                } else {
                    out.space = true;
                }
                i = end + 2;
            }
            '\'' | '"' => {
                let end = quoted(&s, i, c)?;
                out.literal(&s[i..=end]);
                i = end + 1;
            }
            '`' => {
                let end = quoted(&s, i, '`')?;
                if find(&s[i..end], 0, &['$', '{']).is_some() {
                    return None;
                }
                out.literal(&s[i..=end]);
                i = end + 1;
            }
            '/' if out.regex_may_start() => {
                let end = regex(&s, i)?;
                out.literal(&s[i..=end]);
                i = end + 1;
            }
            c => {
                out.code(c);
                i += 1;
            }
        }
    }
    out.end_line();
    Some(out.text)
}

/// Where `pat` first occurs in `s` from `from`.
fn find(s: &[char], from: usize, pat: &[char]) -> Option<usize> {
    (from..s.len().saturating_sub(pat.len() - 1)).find(|&i| s[i..].starts_with(pat))
}

/// The closing quote of the string or template opened at `start`. A string
/// ends before its line does (unless the line break is escaped).
fn quoted(s: &[char], start: usize, quote: char) -> Option<usize> {
    let mut i = start + 1;
    while i < s.len() {
        match s[i] {
            '\\' => i += 2,
            '\n' if quote != '`' => return None,
            c if c == quote => return Some(i),
            _ => i += 1,
        }
    }
    None
}

/// The closing `/` of the regular expression opened at `start` (a `/` inside
/// a class `[...]` does not close it).
fn regex(s: &[char], start: usize) -> Option<usize> {
    let mut i = start + 1;
    let mut class = false;
    while i < s.len() {
        match s[i] {
            '\\' => i += 2,
            '\n' => return None,
            '[' => {
                class = true;
                i += 1;
            }
            ']' => {
                class = false;
                i += 1;
            }
            '/' if !class => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_indentation_go_lines_stay() {
        let src = "/* header\n   more */\n(function () {\n  'use strict';\n\n  var a = 1; // one\n  /** doc */\n  return a   +  2;\n})();\n";
        assert_eq!(
            script(src),
            "(function () {\n'use strict';\nvar a = 1;\nreturn a + 2;\n})();\n"
        );
    }

    #[test]
    fn strings_and_regular_expressions_are_kept_as_written() {
        let src = concat!(
            "var u = 'http://x/*y*/  z' + \"a // b\";\n",
            "var r = /[/*]  \\/ '/g.test(u), d = n / 2 / k; // division\n",
            "if (x) return /\\/\\/  [\"']/.test(s);\n",
            "var t = `two  // spaces\n  kept`;\n",
            "a = b/*c*/+d;\n",
        );
        assert_eq!(
            script(src),
            concat!(
                "var u = 'http://x/*y*/  z' + \"a // b\";\n",
                "var r = /[/*]  \\/ '/g.test(u), d = n / 2 / k;\n",
                "if (x) return /\\/\\/  [\"']/.test(s);\n",
                "var t = `two  // spaces\n  kept`;\n",
                "a = b +d;\n",
            )
        );
    }

    #[test]
    fn what_it_cannot_read_comes_back_unchanged() {
        for src in [
            "var a = 'open;\n",
            "/* open\n",
            "x = /open\n",
            "var t = `${a} // b`;\n",
        ] {
            assert_eq!(script(src), src);
        }
    }

    #[test]
    fn the_built_in_scripts_lose_their_comments() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static");
        for name in ["analyzer.js", "search-logic.js", "search.js"] {
            let src = std::fs::read_to_string(dir.join(name)).unwrap();
            let min = script(&src);
            assert!(
                min.len() < src.len() * 3 / 4,
                "{name}: {} of {}",
                min.len(),
                src.len()
            );
            assert!(!min.contains("\n\n") && !min.contains("\n "), "{name}");
            assert_eq!(script(&min), min, "{name}: stripping twice changes nothing");
        }
    }
}
