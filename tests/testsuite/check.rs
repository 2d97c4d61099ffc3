//! `trasparenza check`: the build's checks without writing, for people, as
//! JSON and as GitHub annotations; exit codes 0, 1 and 2.

use crate::support::Site;

#[test]
fn check_passes_on_a_good_site_and_writes_nothing() {
    let site = Site::fixture("basic");
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    assert!(
        r.stdout().contains(
            "No errors: 4 units, 9 activities, 8 pages; every internal link and anchor resolves"
        ),
        "{}",
        r.stdout()
    );
    let entries: Vec<_> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(entries, ["content"]);
}

#[test]
fn check_json_is_an_empty_array_on_a_good_site() {
    let r = Site::fixture("errors/bom-crlf").run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(0));
    assert_eq!(r.stdout().trim(), "[]");
}

#[test]
fn check_github_prints_annotations_from_the_repository_root() {
    let site = Site::fixture("broken");
    // As CI runs it: from the repository, with the site in a sub-folder.
    let parent = site.root().parent().unwrap();
    let name = site
        .root()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let out = crate::support::trasparenza()
        .args(["check", "--format", "github", "--root", &name])
        .current_dir(parent)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "::error file={name}/content/rotta-due.yaml,line=3,col=15,title=trasparenza yaml-colon-in-text::this text contains `: ` (colon and space), which YAML reads as a key followed by a value%0Ahint: put the whole text in double quotes: - \"Taxi e NCC: istruire gli atti\""
            ),
            format!(
                "::error file={name}/content/rotta.yaml,line=2,col=1,title=trasparenza yaml-unknown-key::unknown key `smartizabili`%0Ahint: did you mean `smartizzabili`?"
            ),
        ]
    );
}

#[test]
fn check_github_marks_warnings() {
    let r = Site::fixture("errors/stray-dash").run(&["check", "--format", "github"]);
    assert_eq!(r.code(), Some(0));
    assert!(
        r.stdout()
            .starts_with("::warning file=content/tributi.yaml,line=3,col=5,title=trasparenza validate-stray-dash-at-end::the activity ends with a stray dash"),
        "{}",
        r.stdout()
    );
}

#[test]
fn check_exits_2_without_a_content_folder() {
    let site = Site::empty();
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr().contains("there is no content/ folder"),
        "{}",
        r.stderr()
    );
    site.write("content", "not a folder");
    assert_eq!(site.run(&["check"]).code(), Some(2));
}

#[test]
fn build_exits_2_when_the_output_cannot_be_written() {
    let site = Site::fixture("basic");
    site.write("occupied", "a file where a folder should be");
    let target = site.root().join("occupied/public");
    let r = site.run(&["build", "--output", target.to_str().unwrap()]);
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    // The output guard says so before anything is built or written.
    assert!(
        r.stderr().contains("is a file, not a folder"),
        "{}",
        r.stderr()
    );
    assert!(!site.root().join("occupied").is_dir());
}

#[test]
fn check_help_explains_every_flag() {
    let out = crate::support::trasparenza()
        .args(["check", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in [
        "--root",
        "--strict",
        "--format",
        "human",
        "json",
        "github",
        "--base-url",
    ] {
        assert!(help.contains(flag), "{help}");
    }
}

/// Issue 21: warnings were never capped (100,000 warnings printed 317 MB).
/// People (human, GitHub) see the first 10 of each kind per file and a
/// count of the rest; programs (JSON, GitLab) get every one; the count
/// line and the exit code are those of all.
#[test]
fn warnings_of_one_kind_are_capped_for_people_and_all_kept_for_programs() {
    let site = Site::fixture("basic");
    let items: String = (0..500)
        .map(|i| format!("  - Protocollo\n  - Attività {i} -\n"))
        .collect();
    site.write(
        "content/ripetuto.yaml",
        &format!("nome: Ripetuto\naltre_attivita: non_smartizzabili\nsmartizzabili:\n{items}"),
    );
    let r = site.run(&["check"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let err = r.stderr();
    let count = |message: &str| {
        err.lines()
            .filter(|l| l.starts_with("content/ripetuto.yaml:") && l.contains(message))
            .count()
    };
    assert_eq!(
        count("warning: the same activity appears more than once"),
        10
    );
    assert_eq!(count("warning: the activity ends with a stray dash"), 10);
    let left = "content/ripetuto.yaml: 490 more warnings like \"the activity ends with a stray dash...\" not shown\n\
                content/ripetuto.yaml: 489 more warnings like \"the same activity appears more than once in...\" not shown\n\
                (`trasparenza check --format json` lists every one)\n";
    // 499 copies, 500 stray dashes and the basic site's own warning.
    for needle in [left, "0 errors, 1000 warnings\n"] {
        assert!(err.contains(needle), "missing {needle:?} in:\n{err}");
    }
    assert!(err.len() < 10_000, "{} bytes", err.len());

    let all = |format: &str| {
        let out = site.run(&["check", "--format", format]).stdout();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        v.as_array().unwrap().len()
    };
    // Every warning and the basic site's note.
    assert_eq!(all("json"), 1001);
    assert_eq!(all("gitlab"), 1001);
    let github = site.run(&["check", "--format", "github"]).stdout();
    let shown = github
        .lines()
        .filter(|l| l.starts_with("::warning file=content/ripetuto.yaml,"))
        .count();
    assert_eq!(shown, 20, "{github}");
    let notice = format!(
        "::notice title=trasparenza::{}\n",
        left.trim_end().replace('\n', "%0A")
    );
    assert!(github.ends_with(&notice), "{github}");
}

/// Run from inside `content/` (or deeper, `content/_archivio/2025/`), the
/// commands name the site folder above, to pass with `--root`, and touch
/// nothing.
#[test]
fn a_command_run_inside_content_names_the_site_folder_above() {
    let site = Site::fixture("basic");
    let deeper = site.root().join("content/_archivio/2025");
    std::fs::create_dir_all(&deeper).unwrap();
    for (dir, up) in [(site.root().join("content"), ".."), (deeper, "../../..")] {
        for cmd in ["check", "build"] {
            let r = crate::support::trasparenza()
                .arg(cmd)
                .current_dir(&dir)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&r.stderr);
            assert_eq!(r.status.code(), Some(2), "{err}");
            assert!(
                err.contains(&format!("the site seems to be {up} (use --root {up}")),
                "{cmd} in {}: {err}",
                dir.display()
            );
            assert!(!dir.join("public").exists());
        }
    }
    assert!(!site.root().join("public").exists());
}

/// `--strict` failing on warnings alone says why on stderr in every format:
/// with `--format github`, `gitlab` or `json` the report showed only
/// warnings and the job failed with no reason given. stdout stays the
/// report alone.
#[test]
fn strict_says_why_it_failed_in_every_format() {
    let site = Site::fixture("basic");
    for format in ["human", "github", "gitlab", "json"] {
        let r = site.run(&["check", "--strict", "--format", format]);
        assert_eq!(r.code(), Some(1), "{format}: {}", r.stderr());
        assert!(
            r.stderr().contains("--strict: warnings count as errors"),
            "{format}: {}",
            r.stderr()
        );
        assert!(!r.stdout().contains("--strict"), "{format}: {}", r.stdout());
    }
}

/// `--root` given as an absolute path (`--root ${{ github.workspace }}/sito`)
/// names the files from the current folder in the GitHub annotations and
/// the GitLab report, as a relative one does: they said `content/...`, a
/// file the repository does not have, so no annotation reached its line.
#[test]
fn an_absolute_root_names_files_from_the_current_folder() {
    let site = Site::fixture("basic");
    let root = site.root().canonicalize().unwrap();
    let (repo, name) = (
        root.parent().unwrap(),
        root.file_name().unwrap().to_string_lossy(),
    );
    let want = format!("{name}/content/anagrafe.yaml");
    for format in ["github", "gitlab"] {
        let out = crate::support::trasparenza()
            .args(["check", "--format", format, "--root"])
            .arg(&root)
            .current_dir(repo)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&want), "{format}: {stdout}");
    }
}
