//! The output guard: `build` never replaces the site, its content, a file or
//! someone's folder, and a refused build leaves no trace on disk; earlier
//! outputs (also behind a symlink) are still rebuilt; two builds take turns.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::{Site, tree};

/// Everything under `dir` (folders, files with their bytes, links with
/// their targets), to compare before and after a refused build.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
            let what = if e.path_is_symlink() {
                format!("link -> {}", fs::read_link(e.path()).unwrap().display())
            } else if e.file_type().is_dir() {
                "folder".to_string()
            } else {
                format!("{:?}", fs::read(e.path()).unwrap())
            };
            (rel, what)
        })
        .collect()
}

/// Runs `trasparenza build` in `cwd` with `args`.
fn build_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_trasparenza"))
        .arg("build")
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap()
}

/// A site at `<tmp>/site` with a user's letter at `<tmp>/docs/lettera.txt`.
fn site_with_neighbours() -> Site {
    let outer = Site::empty();
    crate::support::copy_dir(
        &crate::support::repo().join("tests/fixtures/basic"),
        &outer.root().join("site"),
    );
    outer.write("docs/lettera.txt", "Gentile sindaco,\n");
    outer
}

/// Asserts that the build was refused with exit 2, one line naming `why`,
/// and that nothing under `top` changed.
fn assert_refused(top: &Path, cwd: &Path, args: &[&str], why: &str) {
    let before = snapshot(top);
    let r = build_in(cwd, args);
    let err = String::from_utf8_lossy(&r.stderr);
    assert_eq!(r.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(why), "{args:?}: expected {why:?} in\n{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: will not write the site into "));
    assert!(r.stdout.is_empty());
    assert!(before == snapshot(top), "{args:?} changed the disk");
}

#[test]
fn output_content_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    for args in [
        &["--output", "content"][..],
        &["--output", "./content/", "--force"],
        // `nuova` does not exist: the system resolves `nuova/..` to the site.
        &["--output", "nuova/../content"],
    ] {
        assert_refused(
            top.root(),
            &site,
            args,
            "it is the content/ folder, which the site is built from",
        );
    }
    assert_refused(
        top.root(),
        &site,
        &["--output", "content/sito"],
        "it is inside the content/ folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", "themes", "--force"],
        "it is the themes/ folder",
    );
}

#[test]
fn output_root_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let abs = site.to_str().unwrap();
    for args in [
        &["--output", "."][..],
        &["--output", ".", "--force"],
        &["--root", "..", "--output", ".."],
    ] {
        let cwd = if args[0] == "--root" {
            site.join("content")
        } else {
            site.clone()
        };
        assert_refused(top.root(), &cwd, args, "it is the site folder itself");
    }
    assert_refused(
        top.root(),
        top.root(),
        &["--root", abs, "--output", abs],
        "it is the site folder itself",
    );
}

#[test]
fn a_folder_above_the_site_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    assert_refused(
        top.root(),
        &site,
        &["--output", ".."],
        "it contains the site folder",
    );
    assert_refused(
        top.root(),
        &site,
        &["--output", "..", "--force"],
        "it contains the site folder",
    );
    assert_eq!(
        fs::read_to_string(top.root().join("docs/lettera.txt")).unwrap(),
        "Gentile sindaco,\n"
    );
}

#[test]
fn an_existing_file_is_refused_even_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    fs::write(site.join("public"), "not a folder").unwrap();
    for args in [&[][..], &["--force"], &["--output", "../docs/lettera.txt"]] {
        assert_refused(top.root(), &site, args, "is a file, not a folder");
    }
}

#[test]
fn a_foreign_folder_is_refused_and_replaced_only_with_force() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    assert_refused(
        top.root(),
        &site,
        &["--output", "../docs"],
        "the folder is not empty and was not written by trasparenza",
    );
    let r = build_in(&site, &["--output", "../docs", "--force"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let docs = top.root().join("docs");
    assert!(docs.join("index.html").is_file());
    assert!(!docs.join("lettera.txt").exists());
    // From now on it is an earlier output: no --force needed.
    let again = build_in(&site, &["--output", "../docs"]);
    assert!(again.status.success());
}

#[test]
fn a_symlink_to_a_foreign_folder_is_refused() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    symlink("../docs", site.join("public")).unwrap();
    assert_refused(
        top.root(),
        &site,
        &[],
        "the folder is not empty and was not written by trasparenza",
    );
    let err = String::from_utf8_lossy(&build_in(&site, &[]).stderr).into_owned();
    assert!(
        err.contains(&format!(
            "public ({})",
            top.root().join("docs").canonicalize().unwrap().display()
        )),
        "{err}"
    );
}

#[test]
fn a_dangling_symlink_is_refused() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    symlink("/nonexistent/www", site.join("public")).unwrap();
    assert_refused(
        top.root(),
        &site,
        &[],
        "is a link to /nonexistent/www, which does not exist",
    );
}

#[test]
fn a_file_added_to_an_earlier_output_is_not_lost() {
    let site = Site::fixture("basic");
    site.build();
    fs::write(site.public().join("delibera.pdf"), "%PDF").unwrap();
    assert_refused(
        site.root(),
        site.root(),
        &["--output", "public"],
        "it holds files trasparenza did not write (delibera.pdf)",
    );
}

#[test]
fn an_earlier_output_is_rebuilt_and_what_went_away_is_removed() {
    let site = Site::fixture("basic");
    site.build();
    let manifest = site.read(".trasparenza-manifest.json");
    let listed: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut files: Vec<String> = tree(&site.public()).into_keys().collect();
    files.retain(|f| f != ".trasparenza-manifest.json");
    assert_eq!(listed["files"], serde_json::json!(files));
    assert_eq!(listed["generator"], "trasparenza");

    fs::remove_file(site.root().join("content/uffici/tecnici/lavori.yml")).unwrap();
    site.build();
    assert!(!site.public().join("lavori").exists());
    assert!(site.public().join("anagrafe/index.html").is_file());
    assert!(!site.read(".trasparenza-manifest.json").contains("lavori/"));
}

#[test]
fn an_empty_folder_is_accepted() {
    let site = Site::fixture("basic");
    fs::create_dir(site.public()).unwrap();
    site.build();
    assert!(site.public().join("index.html").is_file());
}

#[test]
fn a_public_symlink_is_followed_and_stays_a_link() {
    let top = site_with_neighbours();
    let site = top.root().join("site");
    let www = top.root().join("www/lavoro-agile");
    fs::create_dir_all(&www).unwrap();
    symlink("../www/lavoro-agile", site.join("public")).unwrap();
    for round in 0..2 {
        if round == 1 {
            fs::remove_file(site.join("content/uffici/tecnici/lavori.yml")).unwrap();
        }
        let r = build_in(&site, &[]);
        let out = String::from_utf8_lossy(&r.stdout);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
        assert!(out.contains("public -> "), "{out}");
        let link = fs::symlink_metadata(site.join("public")).unwrap();
        assert!(link.file_type().is_symlink());
        assert_eq!(
            fs::read_link(site.join("public")).unwrap(),
            Path::new("../www/lavoro-agile")
        );
        assert!(www.join("index.html").is_file());
        assert_eq!(www.join("lavori").exists(), round == 0);
    }
    // Nothing left beside the target or the link.
    let names = |d: &Path| -> Vec<String> {
        fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    assert_eq!(names(&top.root().join("www")), vec!["lavoro-agile"]);
    assert!(!names(&site).iter().any(|n| n.contains("trasparenza-")));
}

#[test]
fn a_second_build_waits_for_the_first() {
    let site = Site::fixture("basic");
    site.build();
    // Hold the lock as a running build would.
    let lock_path = site.root().join(".public.trasparenza-lock");
    let held = fs::File::create(&lock_path).unwrap();
    held.lock().unwrap();
    fs::remove_file(site.root().join("content/uffici/tecnici/lavori.yml")).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_trasparenza"))
        .args(["build", "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("Another build is writing into") {
        line.clear();
        assert!(
            err.read_line(&mut line).unwrap() > 0,
            "the build never waited"
        );
    }
    assert!(line.contains("waiting for it to finish"), "{line}");
    assert!(child.try_wait().unwrap().is_none(), "it did not wait");
    assert!(
        site.public().join("lavori").exists(),
        "it wrote while waiting"
    );
    drop(held);
    assert!(child.wait().unwrap().success());
    assert!(!site.public().join("lavori").exists());
    assert!(!lock_path.exists());
}
