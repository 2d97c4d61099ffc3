//! The maps for newcomers stay true: every file or folder of the repository
//! that `ARCHITECTURE.md`, `tests/README.md` or the README names in
//! backticks exists (a module renamed or moved without its map fails here).

use std::fs;

use crate::support::repo;

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
    for doc in ["ARCHITECTURE.md", "tests/README.md", "README.md"] {
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
