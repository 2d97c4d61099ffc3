//! The maps for newcomers stay true: every file or folder of the repository
//! that `ARCHITECTURE.md`, `tests/README.md` or the README names in
//! backticks exists (a module renamed or moved without its map fails here).
//! The clerks' guide (`docs/guida.md`) stays true too: every command and
//! flag it names exists, every content key it names is in the model, every
//! whole file it shows passes `check`, and every file it shows as wrong is
//! reported by `check`. (Its list of messages is generated from the
//! catalogue and checked by the unit test `the_guide_lists_every_code`.)

use std::collections::BTreeSet;
use std::fs;

use crate::support::{Site, repo, trasparenza};

/// Folders of the repository whose paths the documents name.
const ROOTS: [&str; 9] = [
    "src/",
    "locales/",
    "tests/",
    "bench/",
    "themes/default/",
    "scripts/",
    "docs/",
    "examples/",
    ".ci/",
];

/// Paths the tests write (not in a clone until they ran).
const GENERATED: [&str; 1] = ["tests/browser/artifacts/"];

/// The repository paths a Markdown text names in backticks; placeholders
/// (`<case>`), globs and ellipses are not paths.
fn named_paths(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|s| ROOTS.iter().any(|r| s.starts_with(r)))
        .filter(|s| !s.contains(['<', '*', ' ', '{']) && !s.contains("..."))
        .map(|s| s.trim_end_matches(['.', ',', ':']).to_string())
        .collect()
}

#[test]
fn every_path_the_maps_name_exists() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for doc in [
        "ARCHITECTURE.md",
        "tests/README.md",
        "README.md",
        "docs/guida.md",
    ] {
        let text = fs::read_to_string(repo().join(doc)).expect("read the document");
        for p in named_paths(&text) {
            checked += 1;
            if !repo().join(&p).exists() && !GENERATED.contains(&p.as_str()) {
                missing.push(format!("{doc}: `{p}`"));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} paths found: is the parser right?"
    );
    assert!(
        missing.is_empty(),
        "named but not in the repository:\n{}",
        missing.join("\n")
    );
}

#[test]
fn placeholders_and_globs_are_not_paths() {
    let text =
        "`src/cmd/*.rs` `tests/fixtures/errors/<case>/` `src/load.rs`, `content/` `src/a.rs b`";
    assert_eq!(named_paths(text), vec!["src/load.rs".to_string()]);
}

const GUIDE: &str = "docs/guida.md";

fn guide() -> String {
    fs::read_to_string(repo().join(GUIDE)).expect("read docs/guida.md")
}

/// The fenced blocks of a Markdown text: (info string, lines).
fn blocks(text: &str) -> Vec<(String, Vec<&str>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        match (line.strip_prefix("```"), current.take()) {
            (Some(_), Some(block)) => out.push(block),
            (Some(info), None) => current = Some((info.trim().to_string(), Vec::new())),
            (None, Some((info, mut lines))) => {
                lines.push(line);
                current = Some((info, lines));
            }
            (None, None) => {}
        }
    }
    out
}

/// Every `trasparenza <command> [--flag...]` the guide names, in code spans
/// and in code blocks: (command, flags).
fn commands(text: &str) -> Vec<(String, Vec<String>)> {
    let mut spans: Vec<String> = text
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    for (_, lines) in blocks(text) {
        spans.extend(lines.iter().map(|l| l.to_string()));
    }
    let mut found = Vec::new();
    for span in spans {
        let mut words = span.split_whitespace().skip_while(|w| *w != "trasparenza");
        if words.next().is_none() {
            continue;
        }
        let Some(command) = words.next() else {
            continue;
        };
        if command.starts_with('-') {
            continue;
        }
        let flags = words
            .filter(|w| w.starts_with("--"))
            .map(|w| w.split('=').next().unwrap_or(w).to_string())
            .collect();
        found.push((command.to_string(), flags));
    }
    found
}

#[test]
fn every_command_and_flag_of_the_guide_exists() {
    let found = commands(&guide());
    assert!(found.len() >= 10, "only {found:?}: is the parser right?");
    for (command, flags) in found {
        let out = trasparenza()
            .args([command.as_str(), "--help"])
            .output()
            .expect("run trasparenza");
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "`trasparenza {command}` is not a command"
        );
        for flag in flags {
            assert!(
                help.split(|c: char| !(c.is_alphanumeric() || c == '-'))
                    .any(|w| w == flag),
                "`trasparenza {command} {flag}`: no such flag\n{help}"
            );
        }
    }
}

/// The keys a YAML block of the guide writes (`key:` at the start of a
/// line, or after `- `), outside the text of `|` blocks.
fn yaml_keys(lines: &[&str]) -> Vec<String> {
    let mut keys = Vec::new();
    let mut text_indent: Option<usize> = None;
    for line in lines {
        let indent = line.len() - line.trim_start().len();
        if let Some(i) = text_indent {
            if line.trim().is_empty() || indent > i {
                continue;
            }
            text_indent = None;
        }
        let body = line.trim_start().trim_start_matches("- ");
        if body.starts_with('#') {
            continue;
        }
        if let Some((key, value)) = body.split_once(':')
            && !key.is_empty()
            && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
            && (value.is_empty() || value.starts_with(' '))
        {
            keys.push(key.to_string());
            if value.trim() == "|" || value.trim() == ">" {
                text_indent = Some(indent);
            }
        }
    }
    keys
}

#[test]
fn every_content_key_of_the_guide_is_in_the_model() {
    let known: BTreeSet<&str> = trasparenza::testing::model::content_keys()
        .into_iter()
        .collect();
    let text = guide();
    let mut named = Vec::new();
    for (info, lines) in blocks(&text) {
        let wrong = lines.first().is_some_and(|l| l.starts_with("# sbagliato:"));
        if info == "yaml" && !wrong {
            named.extend(yaml_keys(&lines));
        }
    }
    // The first column of the guide's tables of keys: | `chiave` | ... |
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("| `")
            && let Some((key, _)) = rest.split_once("` |")
            && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        {
            named.push(key.to_string());
        }
    }
    assert!(named.len() > 40, "only {named:?}: is the parser right?");
    let unknown: Vec<&String> = named
        .iter()
        .filter(|k| !known.contains(k.as_str()))
        .collect();
    assert!(
        unknown.is_empty(),
        "keys the model does not have: {unknown:?}"
    );
    // ...and every key of the model is explained to the clerks.
    let missing: Vec<&&str> = known
        .iter()
        .filter(|k| !named.iter().any(|n| n == *k))
        .collect();
    assert!(
        missing.is_empty(),
        "keys the guide does not show: {missing:?}"
    );
}

const MINIMAL_SITO: &str = "ente: Comune di Prova\ntitolo: Catalogo\n\
    base_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2026-03-15\n";

/// A whole file of the guide (`# file: content/x.yaml` on its first line)
/// passes `check` without errors; one marked `# sbagliato: content/x.yaml`
/// gets a diagnostic in that file.
#[test]
fn the_guide_s_files_are_right_and_its_wrong_files_are_reported() {
    let mut seen = 0;
    for (info, lines) in blocks(&guide()) {
        if info != "yaml" {
            continue;
        }
        let first = lines.first().copied().unwrap_or_default();
        let (path, wrong) = match (
            first.strip_prefix("# file: "),
            first.strip_prefix("# sbagliato: "),
        ) {
            (Some(p), _) => (p, false),
            (_, Some(p)) => (p, true),
            _ => continue,
        };
        seen += 1;
        let site = Site::empty();
        site.write("content/_sito.yaml", MINIMAL_SITO);
        site.write(path, &(lines.join("\n") + "\n"));
        let r = site.run(&["check", "--format", "json"]);
        let all: serde_json::Value = serde_json::from_str(&r.stdout())
            .unwrap_or_else(|e| panic!("{path}: {e}\n{}", r.stderr()));
        let all = all.as_array().expect("an array");
        let errors: Vec<&serde_json::Value> =
            all.iter().filter(|d| d["severity"] == "error").collect();
        if wrong {
            assert!(
                all.iter().any(|d| d["file"] == path),
                "{path}: shown as wrong, but check says nothing of it: {all:?}"
            );
        } else {
            assert!(errors.is_empty(), "{path}: {errors:?}");
        }
    }
    assert!(seen >= 6, "only {seen} files: is the parser right?");
}
