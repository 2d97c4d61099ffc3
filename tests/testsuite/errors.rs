//! Bad content: located messages, a non-zero exit, and `public/` untouched.

use crate::support::{Site, tree};

#[test]
fn a_misspelt_key_is_reported_with_path_line_column() {
    let site = Site::fixture("broken");
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1));
    let err = r.stderr();
    assert!(
        err.contains("content/rotta.yaml:2:1: error: unknown key `smartizabili`"),
        "{err}"
    );
    assert!(err.contains("did you mean `smartizzabili`?"), "{err}");
}

#[test]
fn two_broken_files_give_both_errors_in_one_run() {
    let site = Site::fixture("broken");
    let err = site.run(&["build"]).stderr();
    assert!(err.contains("content/rotta.yaml:2:1"), "{err}");
    assert!(err.contains("content/rotta-due.yaml:3:15"), "{err}");
    assert!(err.contains("double quotes"), "{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn a_broken_build_leaves_public_byte_identical() {
    let site = Site::fixture("basic");
    site.build();
    let before = tree(&site.public());
    site.write(
        "content/anagrafe.yaml",
        "nome: X\nsmartizzabili:\n\t- tab\n",
    );
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1), "{}", r.stderr());
    assert!(
        r.stderr().contains("content/anagrafe.yaml:3:1"),
        "{}",
        r.stderr()
    );
    assert_eq!(tree(&site.public()), before);
    let siblings: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !siblings.iter().any(|n| n.contains("trasparenza-")),
        "{siblings:?}"
    );
}

#[test]
fn missing_site_settings_is_an_error() {
    let site = Site::fixture("basic");
    std::fs::remove_file(site.root().join("content/_sito.yaml")).unwrap();
    let r = site.run(&["build"]);
    assert_eq!(r.code(), Some(1));
    assert!(r.stderr().contains("content/_sito.yaml"), "{}", r.stderr());
    assert!(!site.public().exists());
}
