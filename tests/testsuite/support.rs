//! Test helpers: copy a fixture to a temporary folder, run the binary, read
//! and parse what it wrote, compare what it printed with a snapshot file.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use scraper::{Html, Selector};

/// A site folder in a temporary directory.
pub(crate) struct Site {
    pub dir: tempfile::TempDir,
}

/// The binary, speaking English: the tests assert its English texts
/// (`LANG=en_US.UTF-8`, the other locale variables removed, since they would
/// win). A test of the Italian output sets `--lang it` or builds its own
/// command (`cli.rs`).
pub(crate) fn trasparenza() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_trasparenza"));
    cmd.env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

pub(crate) fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

impl Site {
    /// A copy of `tests/fixtures/<name>`.
    pub(crate) fn fixture(name: &str) -> Site {
        let site = Site::empty();
        copy_dir(&repo().join("tests/fixtures").join(name), site.root());
        site
    }

    /// A copy of the example site (`content/` of the repository).
    pub(crate) fn example() -> Site {
        let site = Site::empty();
        copy_dir(&repo().join("content"), &site.root().join("content"));
        site
    }

    pub(crate) fn empty() -> Site {
        Site {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub(crate) fn root(&self) -> &Path {
        self.dir.path()
    }

    pub(crate) fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub(crate) fn write(&self, rel: &str, text: &str) {
        let p = self.root().join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, text).unwrap();
    }

    /// Runs `trasparenza <args> --root <site>`.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        let mut cmd = trasparenza();
        cmd.args(args).arg("--root").arg(self.root());
        Run(cmd.output().expect("run trasparenza"))
    }

    /// Runs `trasparenza <args> --root <site>` as a terminal shows it:
    /// stdout and stderr into one file, in the order they were written,
    /// with the site's path replaced by `[ROOT]`. The date is fixed
    /// (`SOURCE_DATE_EPOCH`, 2026-03-15) so that date checks do not move.
    pub(crate) fn run_seen(&self, args: &[&str]) -> (Option<i32>, String) {
        let mut out = tempfile::tempfile().expect("temp file");
        let status = trasparenza()
            .args(args)
            .arg("--root")
            .arg(self.root())
            .env("SOURCE_DATE_EPOCH", "1773532800")
            .env_remove("TRASPARENZA_TIMINGS")
            .stdout(Stdio::from(out.try_clone().expect("dup")))
            .stderr(Stdio::from(out.try_clone().expect("dup")))
            .status()
            .expect("run trasparenza");
        out.seek(SeekFrom::Start(0)).expect("seek");
        let mut bytes = Vec::new();
        out.read_to_end(&mut bytes).expect("read output");
        let text = String::from_utf8(bytes).expect("the output is UTF-8");
        (status.code(), self.redact(&text))
    }

    /// `text` with the site's folder (as given and as resolved) written `[ROOT]`.
    pub(crate) fn redact(&self, text: &str) -> String {
        let mut text = text.to_owned();
        let resolved = fs::canonicalize(self.root()).expect("site folder");
        for root in [resolved.as_path(), self.root()] {
            text = text.replace(&*root.to_string_lossy(), "[ROOT]");
        }
        text
    }

    pub(crate) fn build(&self) -> Run {
        let r = self.run(&["build"]);
        assert!(r.ok(), "build failed:\n{}", r.stderr());
        r
    }

    pub(crate) fn read(&self, rel: &str) -> String {
        let p = self.public().join(rel);
        fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    pub(crate) fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.read(rel))
    }
}

pub(crate) struct Run(pub Output);

impl Run {
    pub(crate) fn ok(&self) -> bool {
        self.0.status.success()
    }
    pub(crate) fn code(&self) -> Option<i32> {
        self.0.status.code()
    }
    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
}

pub(crate) fn copy_dir(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(e.path(), &dest).unwrap();
        }
    }
}

/// Every file under `dir`: relative path -> bytes.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, fs::read(e.path()).unwrap())
        })
        .collect()
}

pub(crate) fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The trimmed, whitespace-collapsed text of every element matching `css`.
pub(crate) fn texts(doc: &Html, css: &str) -> Vec<String> {
    doc.select(&sel(css))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text of an element's own text nodes and children, collapsed.
pub(crate) fn text_of(e: scraper::ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Compares `actual` with the snapshot file `rel` (from the repository's
/// root) exactly. With `SNAPSHOTS=overwrite` in the environment a different
/// or missing file is rewritten instead; review it with `git diff`.
pub(crate) fn assert_snapshot(rel: &str, actual: &str) {
    let path = repo().join(rel);
    let expected = fs::read_to_string(&path).ok();
    if expected.as_deref() == Some(actual) {
        return;
    }
    match std::env::var("SNAPSHOTS").as_deref() {
        Ok("overwrite") => {
            fs::write(&path, actual).unwrap_or_else(|e| panic!("cannot write {rel}: {e}"));
            return;
        }
        Ok("verify") | Err(_) => {}
        Ok(other) => panic!("SNAPSHOTS={other}: use `overwrite` or `verify`"),
    }
    let update = "SNAPSHOTS=overwrite cargo test --test testsuite errors";
    let Some(expected) = expected else {
        panic!("no snapshot {rel}: `{update}` writes it\n--- actual\n{actual}");
    };
    let (mut e, mut a) = (expected.lines(), actual.lines());
    let mut line = 1;
    let (first_e, first_a) = loop {
        match (e.next(), a.next()) {
            (x, y) if x != y => break (x, y),
            (None, None) => break (None, None), // only the final newline differs
            _ => line += 1,
        }
    };
    let show = |l: Option<&str>| l.map_or("(no more lines)".to_owned(), |l| format!("{l:?}"));
    let (first_e, first_a) = (show(first_e), show(first_a));
    let diff = similar::TextDiff::from_lines(&expected, actual)
        .unified_diff()
        .header(rel, "actual")
        .to_string();
    panic!(
        "output differs from the snapshot {rel} at line {line}\n\
         expected: {first_e}\n  actual: {first_a}\n\n{diff}\n\
         if the change is intended: `{update}` and review `git diff`"
    );
}

/// `check` and `check --format json` on `site`, with the exit code `code`,
/// compared with `<dir>/check.txt` and `<dir>/check.json`. The JSON is
/// one line; its snapshot is indented, one key a line, for readable diffs,
/// and the line printed must be exactly that value written compactly.
/// The same in Italian (`--lang it`, what a clerk sees with no language
/// set) against `<dir>/check.it.txt`. Returns what `check` printed in
/// English.
pub(crate) fn snapshot_check(site: &Site, dir: &str, code: i32) -> String {
    let (got, human) = site.run_seen(&["check"]);
    assert_eq!(got, Some(code), "{human}");
    assert_snapshot(&format!("{dir}/check.txt"), &human);
    let (got, italian) = site.run_seen(&["check", "--lang", "it"]);
    assert_eq!(got, Some(code), "{italian}");
    assert_snapshot(&format!("{dir}/check.it.txt"), &italian);
    let (got, json) = site.run_seen(&["check", "--format", "json"]);
    assert_eq!(got, Some(code), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("`check --format json` printed more than JSON ({e}):\n{json}"));
    assert_eq!(json, format!("{value}\n"), "one line of compact JSON");
    let pretty = serde_json::to_string_pretty(&value).expect("JSON value") + "\n";
    assert_snapshot(&format!("{dir}/check.json"), &pretty);
    human
}

/// xorshift64*: small, seeded, good enough to pick mutations and edits;
/// a failing seed replays the same sequence.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}
