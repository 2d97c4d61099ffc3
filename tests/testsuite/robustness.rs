//! Never panic, never hang: thousands of mutated versions of the real
//! content files (`content/` of the repository) go through the loader, the
//! validator and (when they still make a site) the renderer and the link
//! check. Every outcome must be a success or diagnostics located in the
//! case's content files (a line of the file, a column on the line): a
//! template, an output page or no file at all is a bug.
//!
//! The mutations are drawn from a seeded generator, so a failure names the
//! seed that reproduces it (and its input is saved under
//! `target/mutation-failures/`). It runs for `MUTATION_SECONDS` (default 16)
//! or `MUTATION_CASES` cases, whichever ends first.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use trasparenza::testing::diagnostic::{Diagnostic, Diagnostics};
use trasparenza::testing::load::{self, Loaded, LoadedUnit};
use trasparenza::testing::source::{self, SourceFile};
use trasparenza::testing::{linkcheck, render, theme, validate};

use crate::support::{Rng, copy_dir, repo};

/// Byte offsets of the starts of lines.
fn line_starts(b: &[u8]) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            b.iter()
                .enumerate()
                .filter(|(_, c)| **c == b'\n')
                .map(|(i, _)| i + 1),
        )
        .filter(|&i| i <= b.len())
        .collect()
}

fn line_range(b: &[u8], rng: &mut Rng) -> (usize, usize) {
    let starts = line_starts(b);
    let s = starts[rng.below(starts.len())];
    let e = b[s..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |i| s + i + 1);
    (s, e)
}

const TOKENS: &[&str] = &[
    ": ",
    "- ",
    "-",
    "&a ",
    "*a",
    "!x ",
    "? ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "'",
    "\"",
    "#",
    "|\n",
    ">-\n",
    "---\n",
    "...\n",
    "~",
    "null",
    "yes",
    "2026-13-45",
    "<<: *a\n",
    "\\",
    "%YAML 1.2\n",
    "\u{feff}",
    "\r",
    "\r\n",
    "\t",
    "testo: ",
    "nome: ",
    "smartizzabili:\n",
    "  ",
    "\n  - ",
];

/// One random change to `b`.
fn mutate(b: &mut Vec<u8>, rng: &mut Rng) {
    let at = rng.below(b.len() + 1);
    // Weighted: the costly ones (alias bombs, huge lines) are rarer here and
    // have their own tests below at full size.
    match rng.below(40) {
        0..=3 if !b.is_empty() => {
            let i = rng.below(b.len());
            b[i] ^= 1 << rng.below(8);
        }
        4..=6 if !b.is_empty() => {
            let len = rng.below(64).min(b.len() - at.min(b.len()));
            b.drain(at..at + len);
        }
        7..=9 => {
            let (s, e) = line_range(b, rng);
            let line = b[s..e].to_vec();
            for _ in 0..=rng.below(3) {
                b.splice(s..s, line.iter().copied());
            }
        }
        10..=12 => {
            let (s, _) = line_range(b, rng);
            b.insert(s, b'\t');
        }
        13..=15 => {
            b.splice(at..at, *b": ");
        }
        16..=17 => b.truncate(at),
        18..=20 => {
            let bad: &[&[u8]] = &[
                b"\xff",
                b"\xc3",
                b"\xe0",
                b"\xed\xa0\x80",
                b"\xf4\x90\x80\x80",
                b"\0",
            ];
            b.splice(at..at, bad[rng.below(bad.len())].iter().copied());
        }
        21..=22 => {
            let n = 1 + rng.below(5000);
            let open = if rng.below(2) == 0 { "[" } else { "{a: " };
            b.splice(at..at, open.repeat(n).into_bytes());
        }
        23 => {
            let mut bomb = String::from("lol: &a [x, x, x, x, x, x, x, x, x]\n");
            let mut prev = 'a';
            for c in "bcdefghij".chars() {
                bomb.push_str(&format!("{c}{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
                prev = c;
            }
            let (s, _) = line_range(b, rng);
            b.splice(s..s, bomb.into_bytes());
        }
        24 => {
            let n = 1000 + rng.below(50_000);
            let (s, e) = line_range(b, rng);
            let mut line = b[s..e].to_vec();
            if line.last() == Some(&b'\n') {
                line.pop();
            }
            line.extend(std::iter::repeat_n(b'x', n));
            line.push(b'\n');
            b.splice(s..e, line);
        }
        25..=27 => {
            let (s, e) = line_range(b, rng);
            b.drain(s..e);
        }
        28..=30 => {
            let (s, _) = line_range(b, rng);
            let spaces = 1 + rng.below(4);
            if rng.below(2) == 0 {
                b.splice(s..s, std::iter::repeat_n(b' ', spaces));
            } else {
                let n = b[s..]
                    .iter()
                    .take(spaces)
                    .take_while(|&&c| c == b' ')
                    .count();
                b.drain(s..s + n);
            }
        }
        _ => {
            let t = TOKENS[rng.below(TOKENS.len())];
            b.splice(at..at, t.bytes());
        }
    }
}

/// The real content files: (file name, bytes).
fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo().join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// A diagnostic the user can act on, for a file that could not be decoded:
/// a file, a message, a line inside the file.
fn assert_clean(d: &Diagnostic, text_lines: usize, input: &[u8]) {
    assert!(!d.message.trim().is_empty(), "empty message for {input:?}");
    assert!(!d.file.as_os_str().is_empty());
    assert!(
        d.line <= text_lines + 1,
        "line {} beyond the file ({text_lines} lines): {d}",
        d.line
    );
    let _ = d.to_string();
    let _ = d.github(Path::new("."));
}

/// The content files of one case, by the path diagnostics name them with.
type Files = BTreeMap<PathBuf, SourceFile>;

/// A diagnostic caused by the content, located where the user can act on
/// it: a message, one of the case's content files (never a template, a page
/// of the output or no file), a line of that file (or the empty line after
/// its last newline) and a column on that line.
fn assert_located(d: &Diagnostic, files: &Files) {
    assert!(!d.message.trim().is_empty(), "empty message: {d:?}");
    let Some(file) = files.get(&d.file) else {
        panic!("not on a content file of the case: {d}");
    };
    let lines = file.line_count();
    let after_last = file.text.is_empty() || file.text.ends_with('\n');
    let text = match file.line(d.line) {
        Some(t) => t,
        None if d.line == lines + 1 && after_last => "",
        None => panic!("line {} is not in the file ({lines} lines): {d}", d.line),
    };
    let width = text.chars().count();
    assert!(
        (1..=width + 1).contains(&d.column),
        "column {} is not on line {} ({width} characters): {d}",
        d.column,
        d.line
    );
    let _ = d.to_string();
    let _ = d.github(Path::new("."));
}

/// The last stage a mutated file went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reached {
    Decoding,
    Parsing,
    Validation,
    Rendering,
    LinkCheck,
}

/// One mutated file: its name in `content/`, its bytes before and after.
struct Case {
    name: String,
    original: Vec<u8>,
    bytes: Vec<u8>,
}

/// The mutated file written into the site folder, put back as it was on drop
/// (even when a check panics), so the next case sees the real content.
struct Mutated<'a> {
    path: PathBuf,
    original: &'a [u8],
}

impl<'a> Mutated<'a> {
    fn write(path: PathBuf, bytes: &[u8], original: &'a [u8]) -> Self {
        std::fs::write(&path, bytes).expect("write the mutated file");
        Mutated { path, original }
    }
}

impl Drop for Mutated<'_> {
    fn drop(&mut self) {
        let _ = std::fs::write(&self.path, self.original);
    }
}

/// Runs one mutated file through load, validate and (if it still makes a
/// site without errors, as a build would) render and the link check. Every
/// problem found on the way must be a located diagnostic; the link check
/// reads the content files under `root`, where the mutated file is written.
fn exercise(case: &Case, base: &Loaded, theme: &theme::Theme, root: &Path) -> Reached {
    let Case {
        name,
        original,
        bytes,
    } = case;
    let name = name.as_str();
    let display = PathBuf::from("content").join(name);
    let lines = bytes.iter().filter(|&&c| c == b'\n').count() + 1;
    let f = match source::decode(bytes.to_vec(), &display) {
        Ok(f) => f,
        Err(d) => {
            assert_clean(&d, lines, bytes);
            return Reached::Decoding;
        }
    };
    // The settings and one unit of the real site, plus the mutated file.
    let mut loaded = Loaded {
        config: base.config.clone(),
        config_source: base.config_source.clone(),
        intro: None,
        units: base.units.iter().take(1).cloned().collect(),
        pages: Vec::new(),
    };
    let mut files: Files = loaded
        .config_source
        .iter()
        .chain(loaded.units.iter().map(|u| &*u.source))
        .map(|s| (s.display.clone(), s.clone()))
        .collect();
    files.insert(display.clone(), f.clone());
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).to_string();
    let result = if name == "_index.md" {
        loaded.intro = Some(f.clone());
        Ok(())
    } else if name == "_sito.yaml" {
        load::parse_site(&f).map(|c| {
            loaded.config = Some(c);
            loaded.config_source = Some(f.clone());
        })
    } else if name.ends_with(".md") {
        load::parse_page(&f, stem.clone()).map(|p| {
            loaded.pages.retain(|q| q.slug != stem);
            loaded.pages.push(p);
        })
    } else {
        load::parse_unit(&f, stem.clone()).map(|u| {
            loaded.units.retain(|q| q.unit.slug != stem);
            loaded
                .units
                .push(LoadedUnit::new(u.into(), f.clone().into()));
        })
    };
    if let Err(ds) = result {
        assert!(!ds.is_empty(), "an error without a diagnostic");
        for d in &ds {
            assert_located(d, &files);
        }
        return Reached::Parsing;
    }
    let mut diags = Diagnostics::new();
    let site = validate::validate(loaded, None, None, &mut diags);
    let stop = site.is_none() || diags.has_errors();
    if site.is_none() {
        assert!(diags.has_errors(), "no site and no error");
    }
    let mut reached = Reached::Validation;
    if let Some(site) = site.filter(|_| !stop) {
        reached = Reached::Rendering;
        let today = trasparenza::testing::model::Date {
            year: 2026,
            month: 1,
            day: 1,
        };
        match render::render(&site, theme, today, &mut diags) {
            Some(out) => {
                let _restore = Mutated::write(root.join(&display), bytes, original);
                linkcheck::report(&out, &site, root, &mut diags);
                reached = Reached::LinkCheck;
            }
            None => assert!(diags.has_errors(), "no output and no error"),
        }
    }
    for d in diags.sorted() {
        assert_located(d, &files);
    }
    reached
}

fn load_base() -> Loaded {
    let mut d = Diagnostics::new();
    let base = load::load(&repo(), &mut d).expect("the example site loads");
    assert!(!d.has_errors(), "{:?}", d.sorted());
    base
}

#[test]
fn mutated_content_never_panics_or_hangs() {
    let env = |k: &str, default: u64| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    // Bounded in time on every run; the seeds always come in the same order,
    // so a slower machine runs a prefix of the same cases.
    let budget = Duration::from_secs(env("MUTATION_SECONDS", 16));
    let cases = env("MUTATION_CASES", u64::MAX);
    let (tx, rx) = mpsc::channel();
    let current = std::sync::Arc::new(std::sync::Mutex::new((0u64, String::new(), Vec::new())));
    let watched = current.clone();
    std::thread::spawn(move || {
        let base = load_base();
        let mut d = Diagnostics::new();
        let theme = theme::load(Path::new("/nonexistent"), theme::Choice::default(), &mut d)
            .expect("theme");
        let seeds = seeds();
        // The link check reads the content files that hold broken links.
        let site = tempfile::tempdir().expect("temp dir");
        copy_dir(&repo().join("content"), &site.path().join("content"));
        let mut panics = Vec::new();
        let start = std::time::Instant::now();
        let mut ran = 0;
        let mut reached: BTreeMap<Reached, usize> = BTreeMap::new();
        for seed in 1..=cases {
            if start.elapsed() > budget {
                break;
            }
            ran += 1;
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
            let (name, original) = &seeds[rng.below(seeds.len())];
            let mut bytes = original.clone();
            for _ in 0..=rng.below(4) {
                mutate(&mut bytes, &mut rng);
            }
            *watched.lock().unwrap() = (seed, name.clone(), bytes.clone());
            let case = Case {
                name: name.clone(),
                original: original.clone(),
                bytes,
            };
            let outcome = catch_unwind(AssertUnwindSafe(|| {
                exercise(&case, &base, &theme, site.path())
            }));
            let bytes = case.bytes;
            if let Ok(stage) = outcome {
                *reached.entry(stage).or_default() += 1;
            }
            if let Err(e) = outcome {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                let dir = repo().join("target/mutation-failures");
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(dir.join(format!("{seed}-{name}")), &bytes);
                panics.push(format!("seed {seed} ({name}): {msg}"));
            }
        }
        eprintln!(
            "mutation test: {ran} mutated files in {:?}, last stage reached: {reached:?}",
            start.elapsed()
        );
        if ran < 50 {
            panics.push(format!("only {ran} cases ran: something became very slow"));
        } else if !reached.contains_key(&Reached::LinkCheck) {
            // Else render and the link check were never put to the test.
            panics.push(format!(
                "none of {ran} cases reached the link check: {reached:?}"
            ));
        }
        let _ = tx.send(panics);
    });
    // A case that makes no progress for a minute is a hang.
    let mut last = (0, std::time::Instant::now());
    loop {
        match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(panics) => {
                assert!(
                    panics.is_empty(),
                    "{} panics:\n{}",
                    panics.len(),
                    panics.join("\n")
                );
                return;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => panic!("the mutation thread died"),
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        let (seed, name, bytes) = current.lock().unwrap().clone();
        if seed != last.0 {
            last = (seed, std::time::Instant::now());
        } else if last.1.elapsed() > Duration::from_secs(60) {
            let dir = repo().join("target/mutation-failures");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{seed}-{name}-hang")), &bytes);
            panic!(
                "seed {seed} ({name}) did not finish: saved in {}",
                dir.display()
            );
        }
    }
}

#[test]
fn the_mutator_changes_files() {
    let mut rng = Rng(7);
    let original = b"nome: A\nsmartizzabili:\n  - Uno\n".to_vec();
    let changed = (0..100)
        .filter(|_| {
            let mut b = original.clone();
            mutate(&mut b, &mut rng);
            b != original
        })
        .count();
    assert!(changed > 90, "{changed}");
}

/// The extremes at full size, each once: a clean diagnostic, no panic.
/// Each problem as `location: code` (the code is the same in every
/// language; this process's language is its environment's).
fn unit_problems(text: &str) -> Vec<String> {
    let f = source::decode(text.as_bytes().to_vec(), Path::new("content/x.yaml")).unwrap();
    match load::parse_unit(&f, "x".into()) {
        Ok(_) => Vec::new(),
        Err(ds) => ds
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.code.unwrap_or("?")))
            .collect(),
    }
}

#[test]
fn a_billion_laughs_is_refused() {
    let mut bomb = String::from(
        "nome: A\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    let mut prev = 'a';
    for c in "bcdefghij".chars() {
        bomb.push_str(&format!(
            "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
        prev = c;
    }
    bomb.push_str("smartizzabili: *j\n");
    assert_eq!(
        unit_problems(&bomb),
        ["content/x.yaml:3:8: yaml-alias-repetition"]
    );
}

#[test]
fn deep_nesting_is_refused_quickly() {
    for text in [
        format!("nome: A\nsmartizzabili: {}\n", "[".repeat(1_000_000)),
        format!("nome: A\nsmartizzabili: {}\n", "{a: ".repeat(400_000)),
        format!("{}x\n", "- ".repeat(1_000_000)),
    ] {
        let p = unit_problems(&text);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].ends_with(": yaml-nested-too-deep"), "{p:?}");
    }
}

#[test]
fn the_largest_allowed_file_with_one_huge_line_is_handled() {
    let huge = "x".repeat(source::MAX_FILE_BYTES as usize - 100);
    assert_eq!(
        unit_problems(&format!("nome: A\nsmartizzabili:\n  - {huge}\n")),
        Vec::<String>::new()
    );
    // YAML keys are limited to 1024 characters: this line cannot be a key.
    let p = unit_problems(&format!("nome: A\nsmartizzabili:\n  - {huge}: y\n"));
    assert_eq!(p, ["content/x.yaml:3:2097057: yaml-colon-in-text"]);
}

/// Found by the mutation test once it checked lines: a lone CR (old Mac
/// line endings) is a line break for YAML, not for the file's line index, so
/// errors pointed past the end of the file, without the line shown.
#[test]
fn a_file_with_lone_cr_line_endings_is_located_line_by_line() {
    let f = source::decode(
        b"nome: A\rsmartizzabili:\r  - Uno\rnota: x\r".to_vec(),
        Path::new("content/x.yaml"),
    )
    .unwrap();
    let Err(ds) = load::parse_unit(&f, "x".into()) else {
        panic!("`nota` is not a key of a unit");
    };
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(ds[0].location(), "content/x.yaml:4:1", "{}", ds[0]);
    assert_eq!(ds[0].source_line.as_deref(), Some("nota: x"));
}

/// Found by the mutation test once it checked lines: at the end of a file
/// without a final newline (a unit cut short), libyaml reports the line
/// after the last, which the file does not have, so no line was shown.
#[test]
fn an_error_at_the_end_of_a_file_without_a_final_newline_shows_the_last_line() {
    let f = source::decode(
        b"nome: A\nsmartizzabili:\n  - Uno\nnon_smartizzabil".to_vec(),
        Path::new("content/x.yaml"),
    )
    .unwrap();
    let Err(ds) = load::parse_unit(&f, "x".into()) else {
        panic!("a key without `:` is not YAML");
    };
    assert_eq!(ds.len(), 1, "{ds:?}");
    // At the line that is neither a key nor an item (libyaml points at its end).
    assert_eq!(ds[0].location(), "content/x.yaml:4:1", "{}", ds[0]);
    assert_eq!(ds[0].code, Some("yaml-line-without-key"), "{}", ds[0]);
    assert_eq!(ds[0].source_line.as_deref(), Some("non_smartizzabil"));
}
