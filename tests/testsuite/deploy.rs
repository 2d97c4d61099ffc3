//! `ci/pubblica.sh`, the deploy script `init` writes and both CI files
//! call, run for real: against an OpenSSH server started on 127.0.0.1 with
//! throw-away keys, with rsync and with lftp over SFTP. The "remote" folder
//! is a folder of this machine, so the test compares it with `public/`.
//!
//! The tools (sshd, rsync, lftp) come from Debian; `scripts/test` installs
//! them and sets `TRASPARENZA_DEPLOY_TESTS=1`, so in CI a missing tool is a
//! failure. A plain `cargo test` on a machine without them says it skipped.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use crate::support::{Site, tree};

const TOOLS: [&str; 5] = [
    "/usr/sbin/sshd",
    "/usr/bin/ssh",
    "/usr/bin/ssh-keygen",
    "/usr/bin/rsync",
    "/usr/bin/lftp",
];

/// Whether the deploy tests can run; panics when they must (`scripts/test`).
fn tools_present() -> bool {
    let missing: Vec<&str> = TOOLS
        .iter()
        .copied()
        .filter(|t| !Path::new(t).exists())
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var("TRASPARENZA_DEPLOY_TESTS").as_deref() != Ok("1"),
        "deploy tests required but {missing:?} missing (scripts/test installs openssh-server, rsync, lftp)"
    );
    eprintln!("SKIPPED: deploy tests need {missing:?} (scripts/test installs them)");
    false
}

/// An sshd on 127.0.0.1 with its own host key, accepting one client key;
/// stopped when dropped.
struct Server {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
}

impl Server {
    fn start() -> Server {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        for (key, comment) in [("host", "host"), ("client", "client")] {
            let ok = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f"])
                .arg(d.join(key))
                .status()
                .expect("ssh-keygen")
                .success();
            assert!(ok, "ssh-keygen {key}");
        }
        fs::copy(d.join("client.pub"), d.join("authorized_keys")).expect("authorized_keys");
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let config = format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {host}\nAuthorizedKeysFile {auth}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\n\
             StrictModes no\nUsePAM no\nPidFile {pid}\nSubsystem sftp internal-sftp\n",
            host = d.join("host").display(),
            auth = d.join("authorized_keys").display(),
            pid = d.join("sshd.pid").display(),
        );
        fs::write(d.join("sshd_config"), config).expect("sshd_config");
        // Privilege separation needs this folder (Debian creates it at boot).
        fs::create_dir_all("/run/sshd").expect("/run/sshd");
        let child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(d.join("sshd_config"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start sshd");
        let server = Server { child, dir, port };
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "sshd did not listen"
            );
            sleep(Duration::from_millis(50));
        }
        server
    }

    fn known_hosts(&self) -> String {
        let key = fs::read_to_string(self.dir.path().join("host.pub")).expect("host key");
        format!("[127.0.0.1]:{} {}", self.port, key.trim())
    }

    fn client_key(&self) -> String {
        fs::read_to_string(self.dir.path().join("client")).expect("client key")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A site made by `init` and built.
fn built_site() -> Site {
    let site = Site::empty();
    let r = site.run(&["init", "--ente", "Comune di Prova"]);
    assert!(r.ok(), "{}", r.stderr());
    site.build();
    site
}

/// `sh ci/pubblica.sh MODE` in the site, with the server's access data.
fn publish(site: &Site, server: &Server, mode: &str, folder: &Path) -> Output {
    Command::new("sh")
        .arg("ci/pubblica.sh")
        .arg(mode)
        .current_dir(site.root())
        .env("PUBBLICA_HOST", "127.0.0.1")
        .env("PUBBLICA_PORTA", server.port.to_string())
        .env("PUBBLICA_UTENTE", whoami())
        .env("PUBBLICA_CARTELLA", folder)
        .env("PUBBLICA_CHIAVE_SSH", server.client_key())
        .env("PUBBLICA_HOST_NOTI", server.known_hosts())
        .env_remove("PUBBLICA_PASSWORD")
        .output()
        .expect("run ci/pubblica.sh")
}

fn whoami() -> String {
    let out = Command::new("id").arg("-un").output().expect("id -un");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The remote folder's files equal `public/`'s, byte for byte.
fn assert_same_tree(public: &Path, remote: &Path) {
    let (a, b) = (tree(public), tree(remote));
    assert_eq!(
        a.keys().collect::<Vec<_>>(),
        b.keys().collect::<Vec<_>>(),
        "different files"
    );
    let differ: Vec<&String> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differ.is_empty(), "different bytes: {differ:?}");
}

/// Deploys with `mode` into a section folder of a "web server" whose other
/// folders must survive, then again after the catalogue changed.
fn deploys_whole_section_only(mode: &str) {
    if !tools_present() {
        return;
    }
    let server = Server::start();
    let site = built_site();
    let www = tempfile::tempdir().expect("www");
    fs::write(www.path().join("index.html"), "home dell'ente").unwrap();
    // A folder name with a space and an apostrophe, as a clerk names one.
    let section: PathBuf = www.path().join("amministrazione trasparente/l'agile");

    let o = publish(&site, &server, mode, &section);
    assert!(o.status.success(), "first deploy failed:\n{}", said(&o));
    assert_same_tree(&site.public(), &section);

    // The next edition: a unit removed, a stray file on the server.
    fs::remove_file(site.root().join("content/ufficio-esempio.yaml")).unwrap();
    site.write(
        "content/anagrafe.yaml",
        "nome: Anagrafe\nsmartizzabili:\n  - Rilascio certificati online\n",
    );
    site.build();
    fs::write(section.join("vecchio.html"), "stray").unwrap();
    let o = publish(&site, &server, mode, &section);
    assert!(o.status.success(), "second deploy failed:\n{}", said(&o));
    assert_same_tree(&site.public(), &section);
    assert!(!section.join("ufficio-esempio").exists());
    // The rest of the body's site is untouched.
    assert_eq!(
        fs::read_to_string(www.path().join("index.html")).unwrap(),
        "home dell'ente"
    );
}

#[test]
fn rsync_over_ssh_replaces_the_section_and_nothing_else() {
    deploys_whole_section_only("rsync");
}

#[test]
fn sftp_with_lftp_replaces_the_section_and_nothing_else() {
    deploys_whole_section_only("sftp");
}

#[test]
fn a_folder_that_is_not_an_earlier_output_is_refused() {
    if !tools_present() {
        return;
    }
    let server = Server::start();
    let site = built_site();
    for mode in ["rsync", "sftp"] {
        // The whole web site, named by mistake instead of its section.
        let www = tempfile::tempdir().expect("www");
        fs::write(www.path().join("index.html"), "home dell'ente").unwrap();
        let before = tree(www.path());
        let o = publish(&site, &server, mode, www.path());
        assert!(
            !o.status.success(),
            "{mode}: deployed into a foreign folder"
        );
        assert!(
            said(&o).contains(".trasparenza-manifest.json"),
            "{mode}: {}",
            said(&o)
        );
        assert_eq!(tree(www.path()), before, "{mode}: the folder changed");
    }
}

/// A mode, the variables set, what the script must say.
type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

#[test]
fn missing_access_data_is_named_before_connecting() {
    let site = Site::empty();
    assert!(site.run(&["init"]).ok());
    let cases: [Case; 4] = [
        (
            "rsync",
            &[],
            "public/ non è un sito costruito da trasparenza",
        ),
        ("ftp", &[], "rsync | sftp | ftps"),
        (
            "rsync",
            &[("PUBBLICA_HOST", "h"), ("PUBBLICA_UTENTE", "u")],
            "manca PUBBLICA_CARTELLA",
        ),
        (
            "rsync",
            &[
                ("PUBBLICA_HOST", "h"),
                ("PUBBLICA_UTENTE", "u"),
                ("PUBBLICA_CARTELLA", "/"),
            ],
            "non può essere la radice",
        ),
    ];
    for (i, (mode, env, expected)) in cases.iter().enumerate() {
        if i > 0 {
            // From the second case on, there is a built site.
            fs::create_dir_all(site.public()).unwrap();
            fs::write(site.public().join(".trasparenza-manifest.json"), "{}").unwrap();
        }
        let mut cmd = Command::new("sh");
        cmd.arg("ci/pubblica.sh").arg(mode).current_dir(site.root());
        for k in [
            "PUBBLICA_HOST",
            "PUBBLICA_UTENTE",
            "PUBBLICA_CARTELLA",
            "PUBBLICA_PORTA",
        ] {
            cmd.env_remove(k);
        }
        cmd.envs(env.iter().copied());
        let o = cmd.output().expect("sh");
        assert_eq!(o.status.code(), Some(1), "{mode} {env:?}: {}", said(&o));
        assert!(said(&o).contains(expected), "{mode} {env:?}: {}", said(&o));
    }
}

#[test]
fn every_access_variable_of_the_ci_files_is_read_by_the_script() {
    let site = Site::empty();
    assert!(site.run(&["init"]).ok());
    let script = fs::read_to_string(site.root().join("ci/pubblica.sh")).unwrap();
    let code: String = script
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    let wf: serde_yaml::Value = serde_yaml::from_str(
        &fs::read_to_string(site.root().join(".github/workflows/trasparenza.yml")).unwrap(),
    )
    .unwrap();
    let steps = wf["jobs"]["pubblica-server"]["steps"]
        .as_sequence()
        .unwrap();
    let step = steps.last().unwrap();
    assert_eq!(
        step["run"].as_str(),
        Some("sh ci/pubblica.sh \"$PUBBLICAZIONE\"")
    );
    let names: Vec<&str> = step["env"]
        .as_mapping()
        .unwrap()
        .keys()
        .filter_map(|k| k.as_str())
        .filter(|k| k.starts_with("PUBBLICA_"))
        .collect();
    assert_eq!(names.len(), 7, "{names:?}");
    let gitlab = fs::read_to_string(site.root().join(".gitlab-ci.yml")).unwrap();
    for name in names {
        assert!(code.contains(name), "{name} not read by ci/pubblica.sh");
        assert!(
            script.contains(&format!("#   {name}")),
            "{name} not explained"
        );
        assert!(
            gitlab.contains(name),
            "{name} not explained in .gitlab-ci.yml"
        );
    }
}
