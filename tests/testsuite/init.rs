//! `trasparenza init`: a new site that builds with no hand edits, whose
//! placeholders `check` reports, that never overwrites a file, with CI files
//! that parse and run the right commands.

use std::fs;

use crate::support::{Run, Site};

fn init(site: &Site, extra: &[&str]) -> Run {
    let mut args = vec!["init"];
    args.extend_from_slice(extra);
    let r = site.run(&args);
    assert!(r.ok(), "init failed:\n{}{}", r.stdout(), r.stderr());
    r
}

fn read(site: &Site, rel: &str) -> String {
    fs::read_to_string(site.root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn init_then_build_succeeds_with_no_hand_edits() {
    let site = Site::empty();
    // A folder that does not exist yet is created.
    let root = site.root().join("nuovo/sito");
    let r = crate::support::trasparenza()
        .args(["init", "--root"])
        .arg(&root)
        .env("SOURCE_DATE_EPOCH", "1795910400")
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let b = crate::support::trasparenza()
        .args(["build", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    assert!(root.join("public/ufficio-esempio/index.html").is_file());
    let sito = fs::read_to_string(root.join("content/_sito.yaml")).unwrap();
    assert!(sito.contains("\naggiornato_il: 2026-11-29\n"), "{sito}");
    assert_eq!(
        fs::read_to_string(root.join(".gitignore")).unwrap(),
        "public/\n"
    );
    let unit = fs::read_to_string(root.join("content/ufficio-esempio.yaml")).unwrap();
    assert_eq!(
        unit.lines().next(),
        Some(
            "# ESEMPIO creato da trasparenza init: il primo import cancella questo file solo se nessuno l'ha modificato."
        )
    );
}

#[test]
fn check_warns_about_every_placeholder_until_replaced() {
    let site = Site::empty();
    init(&site, &[]);
    let r = site.run(&["check", "--format", "json"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let found: Vec<(String, u64, bool)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["message"].as_str().unwrap().contains("trasparenza init"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("content/_index.md".to_string(), 1, true),
            ("content/_index.md".to_string(), 3, true),
            ("content/_sito.yaml".to_string(), 8, true),
            ("content/_sito.yaml".to_string(), 15, true),
            ("content/ufficio-esempio.yaml".to_string(), 1, true),
        ]
    );
    // --strict refuses to publish a site with placeholders.
    assert_eq!(site.run(&["build", "--strict"]).code(), Some(1));

    // Replaced: no warnings about them any more.
    let sito = read(&site, "content/_sito.yaml")
        .replace("Ente (DA COMPILARE)", "Comune di Prova")
        .replace(
            "https://sito-da-compilare.example/lavoro-agile/",
            "https://www.comune.prova.it/lavoro-agile/",
        );
    site.write("content/_sito.yaml", &sito);
    fs::remove_file(site.root().join("content/ufficio-esempio.yaml")).unwrap();
    site.write(
        "content/anagrafe.yaml",
        "nome: Anagrafe\nsmartizzabili:\n  - Certificati\nnon_smartizzabili:\n  - Sportello\n",
    );
    site.write(
        "content/_index.md",
        "Il catalogo riproduce l'allegato B del PIAO 2026-2028 del Comune.\n",
    );
    let r = site.run(&["check", "--strict"]);
    assert_eq!(r.code(), Some(0), "{}", r.stderr());
}

#[test]
fn flags_fill_the_settings_and_texts_stay_text() {
    let site = Site::empty();
    init(
        &site,
        &[
            "--ente",
            "Comune di Sant'Agata: \"Alta\" #1",
            "--base-url",
            "https://www.comune.it/at/lavoro-agile",
        ],
    );
    let sito: serde_yaml::Value = serde_yaml::from_str(&read(&site, "content/_sito.yaml")).unwrap();
    assert_eq!(
        sito["ente"].as_str(),
        Some("Comune di Sant'Agata: \"Alta\" #1")
    );
    assert_eq!(
        sito["base_url"].as_str(),
        Some("https://www.comune.it/at/lavoro-agile/")
    );
    site.build();
    let json: serde_json::Value = serde_json::from_str(&site.read("catalogo.json")).unwrap();
    assert_eq!(json["ente"], "Comune di Sant'Agata: \"Alta\" #1");
    // Only the example unit and the intro's two sentences are left to report.
    let r = site.run(&["check", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "placeholder-intro-sentence",
            "placeholder-intro-sentence",
            "placeholder-example-unit"
        ],
        "{v}"
    );
}

/// Issue 20: `--forma elenco` (an act with one list for the whole body)
/// writes the lists and the rule in `_sito.yaml`, no unit file, an intro
/// that speaks of no office; it builds at once, and `check` reports only
/// what init left to replace, each at its line.
#[test]
fn the_list_shape_writes_the_body_wide_lists_and_no_unit() {
    for flag in [["--forma", "elenco"], ["--shape", "list"]] {
        let site = Site::empty();
        let r = init(&site, &flag);
        assert!(
            r.stdout().contains(
                "write the act's lists and its rule (altre_attivita) in content/_sito.yaml"
            ),
            "{}",
            r.stdout()
        );
        assert!(!site.root().join("content/ufficio-esempio.yaml").exists());
        let sito: serde_yaml::Value =
            serde_yaml::from_str(&read(&site, "content/_sito.yaml")).unwrap();
        assert_eq!(sito["altre_attivita"].as_str(), Some("smartizzabili"));
        assert!(sito["smartizzabili"].is_sequence() && sito["non_smartizzabili"].is_sequence());
        assert!(!read(&site, "content/_index.md").contains("unità organizzativa"));
        let r = site.run(&["check", "--format", "json"]);
        assert_eq!(r.code(), Some(0), "{}", r.stderr());
        let v: serde_json::Value = serde_json::from_str(&r.stdout()).unwrap();
        let found: Vec<(&str, u64, &str)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["file"].as_str().unwrap(),
                    d["line"].as_u64().unwrap(),
                    d["code"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("content/_index.md", 3, "placeholder-intro-sentence"),
                ("content/_sito.yaml", 8, "placeholder-value"),
                ("content/_sito.yaml", 15, "placeholder-value"),
                ("content/_sito.yaml", 90, "placeholder-example-lists"),
            ]
        );
        let b = site.build();
        // Not "0 units": the example lists are the whole body's.
        assert!(
            b.stdout().contains(" activities for the whole body, "),
            "{}",
            b.stdout()
        );
    }
}

/// Without `--forma` and with no terminal to ask in, init writes what it
/// always did: a unit per office.
#[test]
fn without_a_terminal_init_writes_the_offices_shape() {
    let site = Site::empty();
    init(&site, &[]);
    assert!(site.root().join("content/ufficio-esempio.yaml").is_file());
    assert!(read(&site, "content/_sito.yaml").contains("\n# altre_attivita: smartizzabili\n"));
}

#[test]
fn init_rejects_a_bad_base_url_and_writes_nothing() {
    let site = Site::empty();
    let r = site.run(&["init", "--lang", "en", "--base-url", "www.comune.it"]);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr()
            .contains("invalid value 'www.comune.it' for '--base-url <URL>'"),
        "{}",
        r.stderr()
    );
    assert_eq!(fs::read_dir(site.root()).unwrap().count(), 0);
}

#[test]
fn rerunning_init_keeps_every_existing_file() {
    let site = Site::empty();
    site.write("content/_sito.yaml", "ente: Mio\n");
    site.write(".gitignore", "target/\n");
    let r = init(&site, &["--ente", "Altro"]);
    assert!(
        r.stdout().contains(
            "Kept, already there (not overwritten):\n  content/_sito.yaml\n  .gitignore\n"
        ),
        "{}",
        r.stdout()
    );
    assert_eq!(read(&site, "content/_sito.yaml"), "ente: Mio\n");
    assert_eq!(read(&site, ".gitignore"), "target/\n");
    assert!(site.root().join(".gitlab-ci.yml").is_file());

    let before = read(&site, ".github/workflows/trasparenza.yml");
    site.write(".github/workflows/trasparenza.yml", "# mio\n");
    let r = init(&site, &[]);
    assert!(!r.stdout().contains("Created"), "{}", r.stdout());
    assert_eq!(read(&site, ".github/workflows/trasparenza.yml"), "# mio\n");
    assert_ne!(before, "# mio\n");
}

#[test]
fn github_workflow_checks_every_commit_and_publishes_main() {
    let site = Site::empty();
    init(&site, &[]);
    let text = read(&site, ".github/workflows/trasparenza.yml");
    let wf: serde_yaml::Value = serde_yaml::from_str(&text).expect("the workflow is YAML");
    let on = &wf["on"];
    assert!(on.get("push").is_some() && on.get("pull_request").is_some());
    let steps = wf["jobs"]["check"]["steps"].as_sequence().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(
        runs.iter().any(|r| r
            .contains("cargo install trasparenza --locked --version \"=$TRASPARENZA_VERSIONE\"")),
        "{runs:?}"
    );
    assert!(
        runs.contains(&"trasparenza check --format github"),
        "{runs:?}"
    );
    assert!(runs.contains(&"trasparenza build"), "{runs:?}");
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(
        uses.contains(&"actions/upload-pages-artifact@v3"),
        "{uses:?}"
    );
    let publish = &wf["jobs"]["publish"];
    assert_eq!(publish["needs"].as_str(), Some("check"));
    assert!(publish["if"].as_str().unwrap().contains("default_branch"));
    assert_eq!(
        publish["steps"][0]["uses"].as_str(),
        Some("actions/deploy-pages@v4")
    );
    // This very version, from crates.io: nothing to fill in.
    assert_eq!(
        wf["env"]["TRASPARENZA_VERSIONE"].as_str(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    // One check per change: a pull request from the same repository is
    // checked by its branch's push.
    assert!(
        wf["jobs"]["check"]["if"]
            .as_str()
            .unwrap()
            .contains("head.repo.full_name != github.repository")
    );
    // Deploys never run two at a time, nor cut one short.
    for job in ["publish", "pubblica-server"] {
        assert_eq!(
            wf["jobs"][job]["concurrency"]["cancel-in-progress"].as_bool(),
            Some(false),
            "{job}"
        );
    }
    assert!(
        !text.contains("DA-COMPILARE") && !text.contains("@VERSIONE@"),
        "{text}"
    );
}

#[test]
fn gitlab_ci_reports_code_quality_and_publishes_pages() {
    let site = Site::empty();
    init(&site, &[]);
    let ci: serde_yaml::Value = serde_yaml::from_str(&read(&site, ".gitlab-ci.yml")).unwrap();
    let check: Vec<&str> = ci["check"]["script"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s.as_str())
        .collect();
    assert!(
        check[0].starts_with("trasparenza check --format gitlab > gl-code-quality-report.json")
    );
    assert_eq!(
        ci["check"]["artifacts"]["reports"]["codequality"].as_str(),
        Some("gl-code-quality-report.json")
    );
    assert_eq!(ci["pages"]["script"][0].as_str(), Some("trasparenza build"));
    assert_eq!(
        ci["pages"]["artifacts"]["paths"][0].as_str(),
        Some("public")
    );
    assert!(
        ci["pages"]["rules"][0]["if"]
            .as_str()
            .unwrap()
            .contains("$CI_DEFAULT_BRANCH")
    );
    let install = ci["default"]["before_script"][1].as_str().unwrap();
    assert!(
        install.contains("cargo install trasparenza --locked --root .trasparenza --version \"=$TRASPARENZA_VERSIONE\""),
        "{install}"
    );
    assert_eq!(
        ci["variables"]["TRASPARENZA_VERSIONE"].as_str(),
        Some(env!("CARGO_PKG_VERSION"))
    );
    // The cache is per install source and version.
    assert_eq!(
        ci["default"]["cache"]["key"].as_str(),
        Some("trasparenza-crates-io-$TRASPARENZA_VERSIONE")
    );
    assert_eq!(
        ci["pubblica-server"]["resource_group"].as_str(),
        ci["pages"]["resource_group"].as_str()
    );
}

#[test]
fn check_format_gitlab_is_a_code_quality_report() {
    let site = Site::fixture("broken");
    let r = site.run(&["check", "--format", "gitlab"]);
    assert_eq!(r.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout()).expect("stdout is JSON");
    let issues = v.as_array().unwrap();
    assert_eq!(issues.len(), 2);
    for i in issues {
        assert_eq!(i["severity"], "critical");
        // The stable code of each problem (the broken fixture's are YAML's).
        assert!(
            i["check_name"].as_str().unwrap().starts_with("yaml-"),
            "{i}"
        );
        assert_eq!(i["fingerprint"].as_str().unwrap().len(), 16);
        assert!(
            i["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("content/rotta")
        );
    }
    assert_eq!(issues[1]["location"]["lines"]["begin"], 2);
    assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
}

/// The three commands of the README's "Da dove partire", with no hand edit
/// in between: the first import removes init's example unit and says so, and
/// the site builds with the imported catalogue only.
#[test]
fn init_then_import_then_build_with_no_hand_edits() {
    let site = Site::empty();
    init(
        &site,
        &[
            "--ente",
            "Comune di Prova",
            "--base-url",
            "https://www.comune.prova.it/lavoro-agile/",
        ],
    );
    let seed = crate::support::repo().join("tests/fixtures/import/processi-smartizzabili.txt");
    let r = site.run(&["import", seed.to_str().unwrap()]);
    assert!(r.ok(), "import failed:\n{}{}", r.stdout(), r.stderr());
    let said = format!("{}{}", r.stdout(), r.stderr());
    assert!(said.contains("ufficio-esempio.yaml"), "{said}");
    assert!(!site.root().join("content/ufficio-esempio.yaml").exists());
    let b = site.build();
    assert!(b.stdout().contains("Built 9 units"), "{}", b.stdout());
    assert!(!site.public().join("ufficio-esempio").exists());
    assert!(
        site.public()
            .join("polizia-locale-mobilita/index.html")
            .is_file()
    );
    // Nothing left for the clerk to fix but the repeats the act itself has
    // and init's intro, which only the clerk can say is true of the act.
    let c = site.run(&["check", "--format", "json"]);
    assert!(c.ok(), "{}", c.stderr());
    let v: serde_json::Value = serde_json::from_str(&c.stdout()).unwrap();
    let placeholders: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str().filter(|c| c.starts_with("placeholder")))
        .collect();
    assert_eq!(placeholders, ["placeholder-intro-sentence"; 2], "{v}");
    assert!(!c.stdout().contains("example"), "{}", c.stdout());
}

/// Issue 21: `init` in a site that has units added `ufficio-esempio.yaml`,
/// which `build` then published beside them.
#[test]
fn init_in_a_site_with_content_adds_no_example_unit() {
    let site = Site::fixture("basic");
    let r = init(&site, &[]);
    let out = r.stdout();
    assert!(
        out.contains("Not added, since content/ already holds files (it would be published beside them):\n  content/ufficio-esempio.yaml\n"),
        "{out}"
    );
    assert!(
        out.contains("Next: import the catalogue or add a file per unit to content/."),
        "{out}"
    );
    assert!(!site.root().join("content/ufficio-esempio.yaml").exists());
    assert!(site.root().join(".gitlab-ci.yml").is_file());
    site.build();
    assert!(!site.public().join("ufficio-esempio").exists());

    // Hidden files (`.gitkeep`) are not content: the example is added.
    let empty = Site::empty();
    empty.write("content/.gitkeep", "");
    init(&empty, &[]);
    assert!(empty.root().join("content/ufficio-esempio.yaml").is_file());
}

/// `trasparenza init nuovo-sito`, the way `zola init` and `mdbook init`
/// are typed, makes the site in that folder; with `--root` too it is
/// refused before anything is written.
#[test]
fn init_takes_the_new_site_folder_after_the_command() {
    let site = Site::empty();
    let run = |args: &[&str]| {
        Run(crate::support::trasparenza()
            .args(args)
            .current_dir(site.root())
            .output()
            .unwrap())
    };
    let r = run(&["init", "nuovo-sito", "--ente", "Comune di Prova"]);
    assert!(r.ok(), "{}{}", r.stdout(), r.stderr());
    let new = site.root().join("nuovo-sito");
    assert!(new.join("content/_sito.yaml").is_file());
    assert!(new.join("content/ufficio-esempio.yaml").is_file());
    assert!(!site.root().join("content").exists());
    let b = run(&["build", "--root", "nuovo-sito"]);
    assert!(b.ok(), "{}", b.stderr());
    assert!(new.join("public/ufficio-esempio/index.html").is_file());

    let both = run(&["init", "altro", "--root", "terzo"]);
    assert_eq!(both.code(), Some(2), "{}", both.stderr());
    assert!(both.stderr().contains("--root"), "{}", both.stderr());
    assert!(!site.root().join("altro").exists());
    assert!(!site.root().join("terzo").exists());
}

/// `init` naming a file said "cannot create the site folder: File exists
/// (os error 17)"; it now says the name is a file's, and writes nothing.
#[test]
fn init_naming_a_file_says_so_and_writes_nothing() {
    let site = Site::empty();
    site.write("sito", "un file");
    let r = Run(crate::support::trasparenza()
        .args(["init", "sito"])
        .current_dir(site.root())
        .output()
        .unwrap());
    assert_eq!(r.code(), Some(2), "{}", r.stderr());
    assert!(
        r.stderr().contains("sito is a file, not a folder"),
        "{}",
        r.stderr()
    );
    assert_eq!(
        fs::read_to_string(site.root().join("sito")).unwrap(),
        "un file"
    );
    assert!(!site.root().join("content").exists());
}

/// `init` again on a site it made keeps the example unit and says so (it
/// was listed as "Not added, since content/ already holds files" though it
/// was there); `--forma elenco` on a site of the offices shape says that
/// the kept `_sito.yaml` needs the lists by hand and the example unit goes.
#[test]
fn init_again_keeps_the_example_unit_and_names_it_kept() {
    let site = Site::empty();
    init(&site, &["--forma", "uffici"]);
    let example = read(&site, "content/ufficio-esempio.yaml");
    let r = init(&site, &["--forma", "uffici"]);
    let out = r.stdout();
    assert!(!out.contains("Not added"), "{out}");
    assert!(out.contains("\n  content/ufficio-esempio.yaml\n"), "{out}");
    assert!(
        out.contains("Next: import the catalogue or edit content/ufficio-esempio.yaml."),
        "{out}"
    );

    let r = init(&site, &["--forma", "elenco"]);
    let out = r.stdout();
    assert!(!out.contains("Not added"), "{out}");
    let kept = out
        .split("Kept, already there (not overwritten):\n")
        .nth(1)
        .unwrap_or("");
    assert!(kept.contains("  content/ufficio-esempio.yaml\n"), "{out}");
    assert!(
        out.contains("(already there, not changed)")
            && out.contains("delete content/ufficio-esempio.yaml"),
        "{out}"
    );
    assert_eq!(read(&site, "content/ufficio-esempio.yaml"), example);
}

/// Files `init` would write, for the tests that check nothing was.
const WRITTEN: [&str; 4] = [
    "content/_sito.yaml",
    ".gitignore",
    "ci/pubblica.sh",
    ".gitlab-ci.yml",
];

/// `init` in a folder inside `content/` or `themes/` of a site (a terminal
/// left in `content/`) is refused and writes nothing: it made a second site
/// there, whose example unit the first site then published, whatever the
/// spelling of the folder.
#[test]
fn init_inside_a_sites_content_is_refused() {
    let site = Site::fixture("basic");
    fs::create_dir_all(site.root().join("themes")).unwrap();
    let content = site.root().join("content");
    for dir in [
        content.clone(),
        content.join("nuovo"),
        site.root().join("themes/../content/./"),
        site.root().join("themes/tema"),
    ] {
        let r = crate::support::trasparenza()
            .arg("init")
            .arg(&dir)
            .output()
            .unwrap();
        let r = Run(r);
        assert_eq!(r.code(), Some(2), "{}: {}", dir.display(), r.stdout());
        assert!(
            r.stderr().contains("/ folder of the site"),
            "{}",
            r.stderr()
        );
        for f in WRITTEN {
            assert!(!dir.join(f).exists(), "{}: {f} written", dir.display());
        }
        assert!(!content.join("nuovo").exists());
        assert!(!site.root().join("themes/tema").exists());
    }
}

/// `init` in the home folder (where a terminal opens) is refused, with a
/// folder inside it to use instead: the site's files landed among the
/// user's own.
#[test]
fn init_in_the_home_folder_is_refused() {
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join(".bashrc"), "# mio\n").unwrap();
    let r = Run(crate::support::trasparenza()
        .arg("init")
        .current_dir(home.path())
        .env("HOME", home.path())
        .output()
        .unwrap());
    assert_eq!(r.code(), Some(2), "{}", r.stdout());
    assert!(r.stderr().contains("home folder"), "{}", r.stderr());
    assert!(
        r.stderr().contains("for example: trasparenza init /") && r.stderr().contains("/sito"),
        "{}",
        r.stderr()
    );
    for f in WRITTEN {
        assert!(!home.path().join(f).exists(), "{f} written");
    }
}
