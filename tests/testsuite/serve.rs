//! `trasparenza serve`: the real binary on a free port, spoken to over real
//! HTTP (a raw socket, so request targets reach the server exactly as
//! written). Every wait is bounded; the server is killed when a test ends,
//! whatever happens.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::support::{Site, tree};

const START: Duration = Duration::from_secs(30);
const WAIT: Duration = Duration::from_secs(15);

/// A running `trasparenza serve`, killed on drop.
struct Server {
    child: Child,
    addr: String,
    /// Every line of stdout and stderr so far.
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    fn start(site: &Site, extra: &[&str]) -> Server {
        Server::start_with(site, extra, &[])
    }

    /// `env`: variables the server sees besides ours (a PATH of its own).
    fn start_with(site: &Site, extra: &[&str], env: &[(&str, &str)]) -> Server {
        let mut cmd = crate::support::trasparenza();
        cmd.envs(env.iter().copied());
        let mut child = cmd
            .args(["serve", "--port", "0"])
            .args(extra)
            .arg("--root")
            .arg(site.root())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start trasparenza serve");
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = mpsc::channel();
        for stream in [
            Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
            Box::new(child.stderr.take().unwrap()),
        ] {
            let (log, tx) = (Arc::clone(&log), tx.clone());
            thread::spawn(move || {
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    log.lock().unwrap().push(line.clone());
                    let _ = tx.send(line);
                }
            });
        }
        let mut server = Server {
            child,
            addr: String::new(),
            log,
        };
        server.addr = server.wait_for_url(&rx);
        server
    }

    fn wait_for_url(&self, rx: &Receiver<String>) -> String {
        let deadline = Instant::now() + START;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            if let Ok(line) = rx.recv_timeout(left)
                && let Some(rest) = line.strip_prefix("Serving ")
            {
                let url = rest.split(" at http://").nth(1).unwrap();
                return url.split('/').next().unwrap().to_string();
            }
        }
        panic!("serve did not start:\n{}", self.log());
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().join("\n")
    }

    fn lines_starting(&self, prefix: &str) -> Vec<String> {
        self.log
            .lock()
            .unwrap()
            .iter()
            .filter(|l| l.starts_with(prefix))
            .cloned()
            .collect()
    }

    /// Waits until the log has `n` lines starting with `prefix`.
    fn wait_lines(&self, prefix: &str, n: usize) -> Vec<String> {
        let deadline = Instant::now() + WAIT;
        loop {
            let lines = self.lines_starting(prefix);
            if lines.len() >= n {
                return lines;
            }
            if Instant::now() > deadline {
                panic!("no {n} lines starting with {prefix:?}:\n{}", self.log());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn get(&self, target: &str) -> Resp {
        request(&self.addr, "GET", target)
    }

    fn events(&self) -> Events {
        Events::open(&self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on its own connection, the target sent byte for byte.
fn request(addr: &str, method: &str, target: &str) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(WAIT)).unwrap();
    write!(
        s,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).expect("read the answer");
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    Resp {
        status,
        headers,
        body: body.to_string(),
    }
}

/// An open Server-Sent Events stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(addr: &str) -> Events {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            s,
            "GET /__trasparenza/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let mut ev = Events {
            reader: BufReader::new(s),
        };
        let mut status = String::new();
        ev.reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut head = String::new();
        loop {
            let mut line = String::new();
            ev.reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.contains("Content-Type: text/event-stream"), "{head}");
        assert_eq!(ev.next_event().0, "hello");
        ev
    }

    /// The next event: (name, data). Fails after [`WAIT`].
    fn next_event(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        let deadline = Instant::now() + WAIT;
        loop {
            // Pings keep the socket busy: bound the whole wait, not each read.
            assert!(Instant::now() < deadline, "no event within {WAIT:?}");
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream closed"),
                Ok(_) => {}
                Err(e) => panic!("no event within {WAIT:?}: {e}"),
            }
            let line = line.trim_end_matches('\n');
            if line.is_empty() && !name.is_empty() {
                return (name, data);
            }
            if let Some(v) = line.strip_prefix("event: ") {
                name = v.to_string();
            } else if let Some(v) = line.strip_prefix("data: ") {
                data = v.to_string();
            }
        }
    }

    fn expect_reload(&mut self) -> String {
        let (name, data) = self.next_event();
        assert_eq!(name, "reload");
        data
    }

    /// Reads until the server closes the stream; fails after [`WAIT`]
    /// without that.
    fn expect_closed(&mut self) {
        let deadline = Instant::now() + WAIT;
        loop {
            assert!(Instant::now() < deadline, "the stream is still open");
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => return,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => return,
                Err(e) => panic!("the stream is still open: {e}"),
            }
        }
    }
}

fn example() -> Site {
    Site::example()
}

/// A copy of the example site, served, with an event stream open.
fn watched(extra: &[&str]) -> (Site, Server, Events) {
    let site = example();
    let s = Server::start(&site, extra);
    let events = s.events();
    (site, s, events)
}

fn replace_in(site: &Site, rel: &str, from: &str, to: &str) {
    let p = site.root().join(rel);
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains(from), "{from} not in {rel}");
    fs::write(&p, text.replace(from, to)).unwrap();
}

const UNIT: &str = "content/lavori-pubblici.yaml";
const NAME: &str = "nome: Servizio Lavori pubblici";

#[test]
fn pages_and_files_have_their_types_and_are_never_cached() {
    let site = example();
    let s = Server::start(&site, &[]);
    for (target, status, ty) in [
        ("/", 200, "text/html; charset=utf-8"),
        ("/lavori-pubblici/", 200, "text/html; charset=utf-8"),
        ("/tabella/", 200, "text/html; charset=utf-8"),
        ("/note-metodologiche/", 200, "text/html; charset=utf-8"),
        ("/assets/style.css", 200, "text/css; charset=utf-8"),
        ("/assets/favicon.svg", 200, "image/svg+xml"),
        ("/sitemap.xml", 200, "application/xml"),
        ("/robots.txt", 200, "text/plain; charset=utf-8"),
        (
            "/__trasparenza/live.js",
            200,
            "text/javascript; charset=utf-8",
        ),
    ] {
        let r = s.get(target);
        assert_eq!(r.status, status, "{target}");
        assert_eq!(r.header("Content-Type"), Some(ty), "{target}");
        assert_eq!(r.header("Cache-Control"), Some("no-store"), "{target}");
    }
    let home = s.get("/");
    assert!(home.body.contains("<h1"), "{}", home.body);
    // Pages are rendered for the preview's address.
    assert!(
        home.body
            .contains(&format!("rel=\"canonical\" href=\"http://{}/\"", s.addr)),
        "{}",
        home.body
    );
    assert!(home.body.contains("/__trasparenza/live.js"));
    let css = s.get("/assets/style.css");
    assert!(!css.body.contains("__trasparenza"));
    // HEAD: the headers of GET, no body.
    let head = request(&s.addr, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
    assert!(
        head.header("Content-Length")
            .unwrap()
            .parse::<usize>()
            .unwrap()
            > 1000
    );
}

#[test]
fn folders_without_slash_redirect() {
    let site = example();
    let s = Server::start(&site, &[]);
    let r = s.get("/lavori-pubblici");
    assert_eq!(r.status, 308);
    assert_eq!(r.header("Location"), Some("/lavori-pubblici/"));
    let r = s.get("/tabella?x=1");
    assert_eq!(r.header("Location"), Some("/tabella/?x=1"));
}

#[test]
fn requests_are_served_concurrently() {
    let site = example();
    let s = Server::start(&site, &[]);
    // An open event stream must not hold up anything else.
    let _events = s.events();
    let addr = s.addr.clone();
    let handles: Vec<_> = (0..24)
        .map(|i| {
            let addr = addr.clone();
            thread::spawn(move || {
                let t = ["/", "/tabella/", "/assets/style.css", "/lavori-pubblici/"][i % 4];
                request(&addr, "GET", t).status
            })
        })
        .collect();
    for h in handles {
        assert_eq!(h.join().unwrap(), 200);
    }
}

#[test]
fn missing_pages_get_the_theme_404_with_status_404() {
    let site = example();
    let s = Server::start(&site, &[]);
    for target in ["/nessuna-pagina/", "/assets/nulla.css", "/__trasparenza/x"] {
        let r = s.get(target);
        assert_eq!(r.status, 404, "{target}");
        assert!(r.body.contains("Pagina non trovata"), "{}", r.body);
        assert_eq!(r.header("Content-Type"), Some("text/html; charset=utf-8"));
    }
    // Its links start from the preview's root, at any depth.
    let r = s.get("/a/b/c/");
    assert!(r.body.contains("href=\"/tabella/\""), "{}", r.body);
}

#[test]
fn only_get_and_head_are_allowed() {
    let site = example();
    let s = Server::start(&site, &[]);
    for m in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
        let r = request(&s.addr, m, "/");
        assert_eq!(r.status, 405, "{m}");
        assert_eq!(r.header("Allow"), Some("GET, HEAD"), "{m}");
    }
}

#[test]
fn nothing_outside_the_rendered_site_can_be_read() {
    // A secret beside the site, one in the site folder (not in content/), one
    // in a stale public/, and symlinks in themes/ pointing at them. (Links in
    // content/ leading outside the site are errors, so nothing would be
    // served: `errors::symlinks` checks that their targets are not read.)
    let outside = tempfile::tempdir().unwrap();
    let secret = "SEGRETO-1b2c3d";
    fs::write(outside.path().join("secret.txt"), secret).unwrap();
    let site = example();
    site.write("secret.txt", secret);
    site.write("public/secret.txt", secret);
    site.write("themes/default/static/ok.txt", "visible");
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        symlink(
            outside.path().join("secret.txt"),
            site.root().join("themes/default/static/leak.txt"),
        )
        .unwrap();
        symlink(
            outside.path(),
            site.root().join("themes/default/static/fuori"),
        )
        .unwrap();
    }
    // Links in a theme leading out of the site are errors (issue 21): the
    // preview names them and serves no file; without them, it serves the site.
    #[cfg(unix)]
    {
        let s = Server::start(&site, &[]);
        let page = s.get("/assets/ok.txt").body;
        assert!(!page.contains(secret));
        for link in ["static/leak.txt", "static/fuori"] {
            assert!(
                page.contains(&format!(
                    "themes/default/{link}</code> this symbolic link leads outside the site folder"
                )),
                "{page}"
            );
            fs::remove_file(site.root().join("themes/default").join(link)).unwrap();
        }
    }
    let s = Server::start(&site, &[]);
    assert_eq!(s.get("/assets/ok.txt").body, "visible");
    let targets = [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/.%2e/secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/assets\\..\\..\\secret.txt",
        "//etc/passwd",
        "/C:/Windows/win.ini",
        "/secret.txt%00.html",
        "/%00",
        "/%c0%ae%c0%ae/secret.txt",
        "/./secret.txt",
        "/secret.txt",
        "/public/secret.txt",
        "/content/lavori-pubblici.yaml",
        "/assets/leak.txt",
        "/assets/fuori/secret.txt",
        "/fuori/secret.txt",
        "/leak/",
        "/content/leak.yaml",
        "/etc/passwd",
        "secret.txt",
        "http://127.0.0.1/../secret.txt",
    ];
    assert!(targets.len() >= 20);
    for t in targets {
        let r = request(&s.addr, "GET", t);
        assert!(
            r.status == 400 || r.status == 404,
            "{t} gave {}: {}",
            r.status,
            r.body
        );
        assert!(!r.body.contains(secret), "{t} leaked the secret");
        assert!(!r.body.contains("root:"), "{t} leaked /etc/passwd");
    }
    // The symlinked unit was not loaded either: only rendered output is served.
    assert!(!s.get("/").body.contains(secret));
}

#[test]
fn an_edit_shows_up_after_a_reload_event() {
    let (site, s, mut events) = watched(&[]);
    let before = s.get("/lavori-pubblici/");
    assert!(!before.body.contains("Servizio Opere pubbliche"));
    replace_in(&site, UNIT, NAME, "nome: Servizio Opere pubbliche");
    events.expect_reload();
    let after = s.get("/lavori-pubblici/");
    assert!(
        after.body.contains("Servizio Opere pubbliche"),
        "{}",
        after.body
    );
    assert!(s.get("/").body.contains("Servizio Opere pubbliche"));
    s.wait_lines("Rebuilt", 1);
}

#[test]
fn a_broken_file_shows_the_overlay_over_the_last_good_site_until_fixed() {
    let (site, s, mut events) = watched(&[]);
    // An unknown key on line 7 (the typo a clerk makes).
    replace_in(&site, UNIT, "smartizzabili:", "smartizabili:");
    events.expect_reload();
    let page = s.get("/lavori-pubblici/");
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Servizio Lavori pubblici"),
        "the old page is still served"
    );
    assert!(page.body.contains("role=\"alertdialog\""), "{}", page.body);
    assert!(
        page.body.contains("content/lavori-pubblici.yaml:7:1"),
        "{}",
        page.body
    );
    assert!(page.body.contains("smartizabili"));
    // The tests run the preview in English: the overlay says so.
    assert!(page.body.contains("<p>Hint: did you mean"), "{}", page.body);
    assert!(page.body.contains(" lang=\"en\">"), "{}", page.body);
    // Every page, the 404 page too.
    assert!(s.get("/tabella/").body.contains("trasparenza-errori"));
    assert!(s.get("/nulla/").body.contains("trasparenza-errori"));
    // The terminal shows the error too (on stderr, read by another thread
    // than the stdout that says "Rebuild failed": wait for the line itself).
    s.wait_lines("Rebuild failed", 1);
    s.wait_lines("content/lavori-pubblici.yaml:7:1: error", 1);

    // Fixing it removes the overlay and reloads.
    replace_in(&site, UNIT, "smartizabili:", "smartizzabili:");
    events.expect_reload();
    let page = s.get("/lavori-pubblici/");
    assert!(!page.body.contains("trasparenza-errori"), "{}", page.body);
}

#[test]
fn a_site_broken_from_the_start_shows_the_errors_then_recovers() {
    let site = example();
    replace_in(&site, UNIT, "smartizzabili:", "smartizabili:");
    let s = Server::start(&site, &[]);
    let r = s.get("/");
    assert_eq!(r.status, 500);
    assert!(
        r.body.contains("content/lavori-pubblici.yaml:7:1"),
        "{}",
        r.body
    );
    assert!(r.body.contains("/__trasparenza/live.js"));
    let mut events = s.events();
    replace_in(&site, UNIT, "smartizabili:", "smartizzabili:");
    events.expect_reload();
    assert_eq!(s.get("/").status, 200);
}

#[test]
fn rename_style_saves_are_picked_up() {
    let (site, s, mut events) = watched(&[]);
    let unit = site.root().join(UNIT);
    let text = fs::read_to_string(&unit).unwrap();

    // VS Code / JetBrains / web editors: write a temporary file, rename it over.
    let tmp = site.root().join("content/lavori-pubblici.yaml___jb_tmp___");
    fs::write(&tmp, text.replace(NAME, "nome: Servizio Uno")).unwrap();
    fs::rename(&tmp, &unit).unwrap();
    events.expect_reload();
    assert!(s.get("/lavori-pubblici/").body.contains("Servizio Uno"));

    // vim (backupcopy=no): probe file, original renamed to a backup, new file written, backup deleted.
    let probe = site.root().join("content/4913");
    fs::write(&probe, "").unwrap();
    fs::remove_file(&probe).unwrap();
    let backup = site.root().join("content/lavori-pubblici.yaml~");
    fs::rename(&unit, &backup).unwrap();
    fs::write(&unit, text.replace(NAME, "nome: Servizio Due")).unwrap();
    fs::remove_file(&backup).unwrap();
    events.expect_reload();
    assert!(s.get("/lavori-pubblici/").body.contains("Servizio Due"));
}

#[test]
fn files_created_deleted_and_renamed_are_followed() {
    let (site, s, mut events) = watched(&[]);
    site.write(
        "content/nuova.yaml",
        "nome: Ufficio Nuovo\nsmartizzabili:\n  - Una attività\n",
    );
    events.expect_reload();
    assert_eq!(s.get("/nuova/").status, 200);
    fs::rename(
        site.root().join("content/nuova.yaml"),
        site.root().join("content/rinominata.yaml"),
    )
    .unwrap();
    events.expect_reload();
    assert_eq!(s.get("/nuova/").status, 404);
    assert_eq!(s.get("/rinominata/").status, 200);
    fs::remove_file(site.root().join("content/rinominata.yaml")).unwrap();
    events.expect_reload();
    assert_eq!(s.get("/rinominata/").status, 404);
    // A theme override counts too.
    site.write("themes/default/static/extra.css", "p{}");
    events.expect_reload();
    assert_eq!(s.get("/assets/extra.css").status, 200);
}

#[test]
fn a_burst_of_changes_gives_one_rebuild_and_editor_litter_none() {
    let (site, s, mut events) = watched(&[]);
    // Like a `git checkout`: every unit file rewritten in one go.
    let units: Vec<_> = fs::read_dir(site.root().join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml") && !p.ends_with("_sito.yaml"))
        .collect();
    assert!(units.len() >= 9);
    for u in &units {
        let t = fs::read_to_string(u).unwrap();
        fs::write(u, t.replacen("nome: ", "nome: X ", 1)).unwrap();
    }
    // A burst ends 3 ms after its last whole file: a machine that stalls
    // this loop for longer gets two rebuilds (by design, not a fault), so
    // the rebuilds are counted until they have seen every file.
    let changed = |line: &String| -> usize {
        match line.split_once(" and ") {
            Some((_, more)) => {
                1 + more
                    .split(' ')
                    .next()
                    .and_then(|n| n.parse::<usize>().ok())
                    .unwrap_or(0)
            }
            None => 1,
        }
    };
    let mut burst = 0;
    while s
        .lines_starting("Rebuilt")
        .iter()
        .map(changed)
        .sum::<usize>()
        < units.len()
    {
        events.expect_reload();
        burst += 1;
        s.wait_lines("Rebuilt", burst);
    }
    // Then only editor litter: swap, backup, lock and probe files.
    for litter in [
        ".lavori-pubblici.yaml.swp",
        "lavori-pubblici.yaml~",
        "#lavori-pubblici.yaml#",
        ".#lavori-pubblici.yaml",
        "4913",
        ".goutputstream-XYZ123",
        "lavori-pubblici.yaml___jb_old___",
    ] {
        site.write(&format!("content/{litter}"), "nome: [rotto");
    }
    // and one real change, which must be reported alone.
    replace_in(&site, UNIT, "nome: X ", "nome: Y ");
    events.expect_reload();
    let rebuilt = s.wait_lines("Rebuilt", burst + 1);
    assert_eq!(rebuilt.len(), burst + 1, "{}", s.log());
    assert!(rebuilt[0].contains("more changed"), "{}", rebuilt[0]);
    assert!(
        rebuilt[burst].ends_with("(content/lavori-pubblici.yaml changed)"),
        "{}",
        rebuilt[burst]
    );
}

/// Before: a save waited for the rest of the site (home, table, open
/// data, search index, link check) of the save before it, rendered after
/// that save's reload: hundreds of milliseconds at 1,000 units with a core
/// busy. Now that rest is given up for the newer save, whose own rest
/// renders everything. A hook of debug builds holds the rest of the first
/// save for 60 s (as a slow machine would): the second save's reload must
/// come at once, and every page then be the second save's.
#[test]
fn a_save_does_not_wait_for_the_rest_of_the_site_of_the_save_before() {
    let site = example();
    let s = Server::start_with(&site, &[], &[("TRASPARENZA_TEST_STALL_MS", "60000")]);
    let mut events = s.events();
    replace_in(&site, UNIT, NAME, "nome: Servizio Opere pubbliche");
    events.expect_reload();
    // The first save's unit page is served; its rest is held: no line.
    let page = s.get("/lavori-pubblici/").body;
    assert!(page.contains("Servizio Opere pubbliche"), "{page}");
    assert!(s.lines_starting("Rebuilt").is_empty(), "{}", s.log());
    replace_in(
        &site,
        UNIT,
        "nome: Servizio Opere pubbliche",
        "nome: Servizio Strade",
    );
    // Within `WAIT` (15 s), not after the 60 s of the first save's rest.
    events.expect_reload();
    for page in ["/lavori-pubblici/", "/", "/tabella/"] {
        let body = s.get(page).body;
        assert!(body.contains("Servizio Strade"), "{page}: {}", s.log());
        assert!(!body.contains("Servizio Opere pubbliche"), "{page}");
    }
    // One line, for the site that holds both saves.
    let rebuilt = s.wait_lines("Rebuilt", 1);
    assert_eq!(rebuilt.len(), 1, "{}", s.log());
    assert!(
        rebuilt[0].ends_with("(content/lavori-pubblici.yaml changed)"),
        "{}",
        rebuilt[0]
    );
}

/// A save whose link check fails (found with the rest of the site, after
/// the save's reload) puts back the last good site with the error: its
/// unit pages at once, its rest rendered again (the preview no longer
/// holds that rest's bytes beside the new one), never a page of the save.
#[test]
fn a_save_whose_links_fail_puts_back_the_last_good_site() {
    let (site, s, mut events) = watched(&[]);
    replace_in(
        &site,
        UNIT,
        NAME,
        "nome: Servizio Opere pubbliche\ndescrizione: \"Vedi [la pagina](../non-esiste/).\"",
    );
    events.expect_reload();
    events.expect_reload();
    s.wait_lines("Rebuild failed", 1);
    for page in ["/lavori-pubblici/", "/tabella/", "/"] {
        let body = s.get(page).body;
        assert!(body.contains("Servizio Lavori pubblici"), "{page}: {body}");
        assert!(!body.contains("Servizio Opere pubbliche"), "{page}");
        assert!(body.contains("trasparenza-errori"), "{page}");
    }
    assert_eq!(s.get("/catalogo.csv").status, 200);
    // Fixed: the site of the save.
    replace_in(&site, UNIT, "(../non-esiste/)", "(../)");
    events.expect_reload();
    s.wait_lines("Rebuilt", 1);
    let table = s.get("/tabella/").body;
    assert!(table.contains("Servizio Opere pubbliche"), "{table}");
    assert!(!table.contains("trasparenza-errori"));
}

#[test]
fn poll_mode_sees_changes() {
    let (site, s, mut events) = watched(&["--poll"]);
    // Two saves within the same second, in place (same size the second time).
    replace_in(&site, UNIT, NAME, "nome: Servizio Sondato");
    events.expect_reload();
    assert!(s.get("/lavori-pubblici/").body.contains("Servizio Sondato"));
    replace_in(&site, UNIT, "Sondato", "Sondata");
    events.expect_reload();
    assert!(s.get("/lavori-pubblici/").body.contains("Servizio Sondata"));
}

#[test]
fn preview_never_touches_public() {
    let (site, s, mut events) = watched(&[]);
    replace_in(&site, UNIT, NAME, "nome: Servizio Tre");
    events.expect_reload();
    drop(s);
    assert!(!site.public().exists(), "serve created public/");

    // An existing public/ stays exactly as it was.
    site.build();
    let before = tree(&site.public());
    let s = Server::start(&site, &[]);
    let mut events = s.events();
    replace_in(&site, UNIT, "nome: Servizio Tre", "nome: Servizio Quattro");
    events.expect_reload();
    assert!(s.get("/lavori-pubblici/").body.contains("Servizio Quattro"));
    drop(s);
    assert_eq!(tree(&site.public()), before);
    // And `build` output never has the preview's script.
    assert!(
        before
            .values()
            .all(|b| !String::from_utf8_lossy(b).contains("__trasparenza"))
    );
}

#[test]
fn a_port_in_use_is_explained() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = example();
    let r = site.run(&["serve", "--port", &port]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr().contains("already in use"), "{}", r.stderr());
    assert!(r.stderr().contains("--port"), "{}", r.stderr());
}

#[test]
fn a_folder_without_content_exits_with_2() {
    let site = Site::empty();
    let r = site.run(&["serve", "--port", "0"]);
    assert_eq!(r.code(), Some(2));
    assert!(r.stderr().contains("content/"), "{}", r.stderr());
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly() {
    let site = example();
    let mut s = Server::start(&site, &[]);
    let _events = s.events();
    // SAFETY: sending a signal to our own child process.
    let rc = unsafe { libc::kill(s.child.id() as libc::pid_t, libc::SIGINT) };
    assert_eq!(rc, 0);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(st) = s.child.try_wait().unwrap() {
            break st;
        }
        assert!(Instant::now() < deadline, "serve did not stop");
        thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    s.wait_lines("Stopped", 1);
    assert!(TcpStream::connect(&s.addr).is_err(), "still listening");
}

/// Threads of the server process.
#[cfg(target_os = "linux")]
fn threads(s: &Server) -> usize {
    fs::read_dir(format!("/proc/{}/task", s.child.id()))
        .unwrap()
        .count()
}

/// Resident memory of the server process, in KiB.
#[cfg(target_os = "linux")]
fn rss_kib(s: &Server) -> usize {
    let status = fs::read_to_string(format!("/proc/{}/status", s.child.id())).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// ARCHITECTURE.md promises no thread per open tab: 30 open streams cost
/// none, all of them get the reload, and closing them frees everything.
#[cfg(target_os = "linux")]
#[test]
fn event_streams_cost_no_thread() {
    let (site, s, events) = watched(&[]);
    let before = threads(&s);
    let mut streams: Vec<Events> = (0..30).map(|_| s.events()).collect();
    assert!(
        threads(&s) <= before,
        "{before} -> {} threads with 30 more streams open",
        threads(&s)
    );
    replace_in(&site, UNIT, NAME, "nome: Servizio Opere pubbliche");
    for ev in &mut streams {
        ev.expect_reload();
    }
    drop(streams);
    drop(events);
    assert_eq!(s.get("/").status, 200);
    assert!(threads(&s) <= before, "{before} -> {}", threads(&s));
}

/// Sends `count` pipelined requests for `target` and never reads.
fn never_reading(addr: &str, target: &str, count: usize) -> TcpStream {
    let mut c = TcpStream::connect(addr).expect("connect");
    let one = format!("GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n");
    c.write_all(one.repeat(count).as_bytes()).unwrap();
    c
}

/// Before: four such clients held the four request threads and nobody got
/// an answer until they closed.
#[test]
fn clients_that_never_read_do_not_block_the_others() {
    let site = example();
    let s = Server::start(&site, &[]);
    let table = s.get("/tabella/").body.len();
    assert!(table > 10_000, "the table page is {table} bytes");
    // Each asks for megabytes, far more than the socket buffers hold.
    let stuck: Vec<TcpStream> = (0..12)
        .map(|_| never_reading(&s.addr, "/tabella/", 300))
        .collect();
    thread::sleep(Duration::from_millis(300));
    for target in ["/", "/tabella/", "/assets/style.css"] {
        let r = s.get(target);
        assert_eq!(r.status, 200, "{target}");
    }
    // An event stream opens and a page answers while they are still stuck.
    let _events = s.events();
    assert_eq!(s.get("/").status, 200);
    drop(stuck);
}

/// Before: no limit at all; one client sending an endless header took the
/// server from 35 to 352 MB, never given back.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_request_head_gets_431_and_costs_no_memory() {
    let site = example();
    let s = Server::start(&site, &[]);
    assert_eq!(s.get("/").status, 200);
    let before = rss_kib(&s);
    let floods: Vec<_> = (0..3)
        .map(|_| {
            let addr = s.addr.clone();
            thread::spawn(move || {
                let mut c = TcpStream::connect(&addr).unwrap();
                c.set_read_timeout(Some(WAIT)).unwrap();
                c.set_write_timeout(Some(WAIT)).unwrap();
                c.write_all(b"GET / HTTP/1.1\r\nHost: x\r\nX-Flood: ")
                    .unwrap();
                let chunk = vec![b'a'; 64 * 1024];
                // 32 MiB, unless the server stops reading first.
                for _ in 0..512 {
                    if c.write_all(&chunk).is_err() {
                        break;
                    }
                }
                let _ = c.shutdown(std::net::Shutdown::Write);
                let mut answer = Vec::new();
                let _ = c.read_to_end(&mut answer);
                String::from_utf8_lossy(&answer).into_owned()
            })
        })
        .collect();
    for f in floods {
        let answer = f.join().unwrap();
        assert!(
            answer.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            "{answer:?}"
        );
    }
    let after = rss_kib(&s);
    assert!(
        after < before + 16 * 1024,
        "RSS {before} KiB -> {after} KiB after three 32 MiB headers"
    );
    // A large but legal head is still answered.
    let mut c = TcpStream::connect(&s.addr).unwrap();
    c.set_read_timeout(Some(WAIT)).unwrap();
    let cookie = "c".repeat(12 * 1024);
    write!(
        c,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = Vec::new();
    c.read_to_end(&mut answer).unwrap();
    assert!(answer.starts_with(b"HTTP/1.1 200 OK\r\n"));
}

/// The head of a raw answer to `request` (bytes as sent), and its lines
/// split at every CR and LF, as a lenient client or proxy would.
fn raw_head(addr: &str, request: &[u8]) -> (String, Vec<String>) {
    let mut c = TcpStream::connect(addr).unwrap();
    c.set_read_timeout(Some(WAIT)).unwrap();
    c.write_all(request).unwrap();
    let mut raw = Vec::new();
    let _ = c.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let head = text.split("\r\n\r\n").next().unwrap().to_string();
    let lines = head
        .split(['\r', '\n'])
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (head, lines)
}

/// Before: a CR in the query string went into the redirect's `Location:`,
/// so a request could add headers (here a cookie) to its answer.
#[test]
fn request_bytes_never_add_a_response_header() {
    let site = example();
    let s = Server::start(&site, &[]);
    for request in [
        &b"GET /tabella?a\rSet-Cookie:preso=1 HTTP/1.1\r\nConnection: close\r\n\r\n"[..],
        b"GET /tabella?a\x0bSet-Cookie:preso=1\x1b[2J HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /tabella?a%0d%0aSet-Cookie:%20preso=1 HTTP/1.1\r\nConnection: close\r\n\r\n",
        b"GET /tabella HTTP/1.1\r\nX: a\rSet-Cookie: preso=1\r\nConnection: close\r\n\r\n",
    ] {
        let (head, lines) = raw_head(&s.addr, request);
        assert!(head.starts_with("HTTP/1.1 "), "{head:?}");
        assert!(
            !lines
                .iter()
                .any(|l| l.to_ascii_lowercase().starts_with("set-cookie")),
            "{head:?}"
        );
        assert!(
            !head
                .bytes()
                .any(|b| b.is_ascii_control() && b != b'\r' && b != b'\n'),
            "{head:?}"
        );
        assert!(
            head.split("\r\n").all(|l| !l.contains(['\r', '\n'])),
            "{head:?}"
        );
    }
    // The encoded form is a harmless part of the redirect.
    let r = s.get("/tabella?a%0d%0aSet-Cookie:%20preso=1");
    assert_eq!(r.status, 308);
    assert_eq!(
        r.header("Location"),
        Some("/tabella/?a%0d%0aSet-Cookie:%20preso=1")
    );
}

/// Connections open at once (`MAX_CONNECTIONS` in `src/serve/net.rs`).
const MAX_CONNECTIONS: usize = 512;

/// Before: the head time-out ran from a request's first byte, so 512
/// connections that sent nothing held every place for 60 s (the idle
/// time-out), and meanwhile every other connection was closed with no
/// answer at all.
#[test]
fn silent_connections_are_closed_and_meanwhile_the_others_get_503() {
    let site = example();
    let s = Server::start(&site, &[]);
    let silent: Vec<TcpStream> = (0..MAX_CONNECTIONS)
        .map(|_| TcpStream::connect(&s.addr).expect("connect"))
        .collect();
    // Every place is taken: an answer all the same.
    let r = s.get("/");
    assert_eq!(r.status, 503, "{}", r.body);
    assert_eq!(r.header("Retry-After"), Some("1"));
    assert!(r.body.contains("try again"), "{}", r.body);
    // A silent connection is closed after the head time-out (10 s from the
    // connection), not the idle one (60 s).
    let mut first = &silent[0];
    first
        .set_read_timeout(Some(Duration::from_secs(40)))
        .unwrap();
    let mut buf = [0u8; 64];
    let read = first.read(&mut buf);
    assert!(
        matches!(read, Ok(0))
            || read
                .as_ref()
                .is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset),
        "a silent connection was not closed by the server: {read:?}"
    );
    // Then pages are answered again.
    let deadline = Instant::now() + WAIT;
    while s.get("/").status != 200 {
        assert!(
            Instant::now() < deadline,
            "still no page after the silent connections were closed"
        );
        thread::sleep(Duration::from_millis(100));
    }
    drop(silent);
}

/// Before: event streams took places like any connection and never gave
/// them back: past 512 open streams every page and every new stream got no
/// answer at all, for ever.
#[test]
fn many_event_streams_leave_room_for_pages() {
    let (site, s, _events) = watched(&[]);
    let mut streams: Vec<Events> = (0..MAX_CONNECTIONS + 88).map(|_| s.events()).collect();
    for target in ["/", "/tabella/", "/assets/style.css"] {
        assert_eq!(s.get(target).status, 200, "{target}");
    }
    // The oldest streams were closed to make room (a browser tab then
    // reconnects by itself); the newest get the reload.
    streams[0].expect_closed();
    replace_in(&site, UNIT, NAME, "nome: Servizio Opere pubbliche");
    streams.last_mut().unwrap().expect_reload();
}

/// The sockets the server process holds open (listening one included).
#[cfg(target_os = "linux")]
fn sockets(s: &Server) -> usize {
    fs::read_dir(format!("/proc/{}/fd", s.child.id()))
        .unwrap()
        .filter_map(|e| fs::read_link(e.ok()?.path()).ok())
        .filter(|l| l.to_string_lossy().starts_with("socket:"))
        .count()
}

/// A connection to `addr` (an IPv4 address) whose receive buffer is the
/// smallest the system allows: when it stops reading, its buffer is full
/// after a few events, as a tab's is after many.
#[cfg(target_os = "linux")]
fn connect_small(addr: &str) -> TcpStream {
    use std::os::fd::FromRawFd;
    let to: std::net::SocketAddrV4 = addr.parse().unwrap();
    let size = |n: usize| libc::socklen_t::try_from(n).unwrap();
    // SAFETY: plain socket calls on a descriptor created here; every
    // pointer is to a live local of the length given; the descriptor is
    // handed to the TcpStream, which closes it.
    unsafe {
        let fd = libc::socket(libc::AF_INET, libc::SOCK_STREAM | libc::SOCK_CLOEXEC, 0);
        assert!(fd >= 0, "socket");
        let one: libc::c_int = 1;
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_RCVBUF,
            (&raw const one).cast(),
            size(std::mem::size_of::<libc::c_int>()),
        );
        let sin = libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: to.port().to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from(*to.ip()).to_be(),
            },
            sin_zero: [0; 8],
        };
        let rc = libc::connect(
            fd,
            (&raw const sin).cast(),
            size(std::mem::size_of::<libc::sockaddr_in>()),
        );
        let stream = TcpStream::from_raw_fd(fd);
        assert_eq!(rc, 0, "connect: {}", std::io::Error::last_os_error());
        stream
    }
}

/// Before: a tab that stopped reading kept its event stream for ever: the
/// kernel's send buffer grew to megabytes before the server's own queue
/// did (0 of 100 such streams were dropped after 1,251 events). Now the
/// kernel's queue counts, and a stream whose client has left bytes untaken
/// for 10 s is dropped; a stream that reads is kept.
#[cfg(target_os = "linux")]
#[test]
fn event_streams_that_stop_reading_are_dropped() {
    let (site, s, mut events) = watched(&[]);
    let before = sockets(&s);
    let idle: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut c = connect_small(&s.addr);
            write!(
                c,
                "GET /__trasparenza/events HTTP/1.1\r\nHost: {}\r\n\r\n",
                s.addr
            )
            .unwrap();
            c
        })
        .collect();
    let deadline = Instant::now() + WAIT;
    while sockets(&s) < before + idle.len() {
        assert!(Instant::now() < deadline, "the streams were not accepted");
        thread::sleep(Duration::from_millis(20));
    }
    // Saves send events until the idle streams are full and dropped.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut name = NAME.to_string();
    let mut saves = 0;
    while sockets(&s) > before {
        assert!(
            Instant::now() < deadline,
            "{} of {} streams that never read are still open after {saves} saves",
            sockets(&s) - before,
            idle.len()
        );
        let next = format!("nome: Servizio {saves}");
        replace_in(&site, UNIT, &name, &next);
        name = next;
        saves += 1;
        events.expect_reload();
        thread::sleep(Duration::from_millis(200));
    }
    replace_in(&site, UNIT, &name, NAME);
    events.expect_reload();
    drop(idle);
}

/// Before: a request whose lines end with LF alone got no answer (the
/// server waited for CRLF CRLF until the time-out), and a `Host` naming
/// another machine was answered like any (a web page could read the
/// preview through a name of its own pointing at 127.0.0.1).
#[test]
fn lf_only_requests_are_answered_and_foreign_hosts_refused() {
    let site = example();
    let s = Server::start(&site, &[]);
    let (head, _) = raw_head(
        &s.addr,
        format!(
            "GET /tabella/ HTTP/1.1\nHost: {}\nConnection: close\n\n",
            s.addr
        )
        .as_bytes(),
    );
    assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{head:?}");
    let port = s.addr.rsplit(':').next().unwrap();
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
    ] {
        for target in ["/", "/__trasparenza/events"] {
            let request =
                format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
            let (head, _) = raw_head(&s.addr, request.as_bytes());
            assert!(
                head.starts_with("HTTP/1.1 403 Forbidden\r\n"),
                "{host} {target}: {head:?}"
            );
        }
    }
    for host in [
        s.addr.clone(),
        format!("localhost:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
    ] {
        let request = format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
        let (head, _) = raw_head(&s.addr, request.as_bytes());
        assert!(head.starts_with("HTTP/1.1 200 OK\r\n"), "{host}: {head:?}");
    }
}

#[test]
fn help_lists_every_flag() {
    let r = Site::empty().run(&["serve", "--help"]);
    assert!(r.ok());
    for flag in [
        "--root",
        "--bind",
        "--port",
        "--open",
        "--poll",
        "--rebuild-timeout",
    ] {
        assert!(r.stdout().contains(flag), "{}", r.stdout());
    }
}

#[cfg(target_os = "linux")]
#[test]
fn open_launches_the_browser_on_the_preview() {
    use std::os::unix::fs::PermissionsExt;
    // A stand-in for xdg-open that records what it was asked to open, and
    // its blocked signals: the preview blocks Ctrl-C in its own threads, and
    // the browser must not inherit that.
    let bin = tempfile::tempdir().unwrap();
    let opened = bin.path().join("opened");
    let script = bin.path().join("xdg-open");
    fs::write(
        &script,
        format!(
            // Read with shell builtins only: a `grep` would fork, and the
            // shell blocks every signal while it forks, so its status read
            // from the child showed that transient mask (a flaky failure).
            "#!/bin/sh\nwhile read -r k v; do [ \"$k\" = SigBlk: ] && echo \"$k $v\" > {0}.mask; done < /proc/$$/status\necho \"$1\" > {0}\n",
            opened.display()
        ),
    )
    .unwrap();
    fs::set_permissions(&script, fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let site = example();
    let s = Server::start_with(&site, &["--open"], &[("PATH", &path)]);
    let deadline = Instant::now() + WAIT;
    while !opened.exists() || fs::read_to_string(&opened).unwrap().is_empty() {
        assert!(Instant::now() < deadline, "the browser was not opened");
        thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        fs::read_to_string(&opened).unwrap().trim(),
        format!("http://{}/", s.addr)
    );
    let mask = fs::read_to_string(opened.with_extension("mask")).unwrap();
    assert_eq!(
        mask.split_whitespace().nth(1),
        Some("0000000000000000"),
        "{mask}"
    );
}

/// Before: a template that never ends stopped every later rebuild until
/// the preview was restarted. Now the rebuild is given up after its budget,
/// reported like a template error, and the next save rebuilds normally.
#[test]
fn a_template_that_never_ends_is_stopped_and_the_next_save_rebuilds() {
    let (site, s, mut events) = watched(&["--rebuild-timeout", "5"]);
    let template = "themes/default/templates/unit.html";
    let original = fs::read_to_string(crate::support::repo().join(template)).unwrap();
    let endless = original.replacen(
        "{% block content %}",
        "{% block content %}{% for a in range(end=100000) %}{% for b in range(end=100000) %}{% for c in range(end=100000) %}{% endfor %}{% endfor %}{% endfor %}",
        1,
    );
    assert_ne!(endless, original);
    site.write(template, &endless);
    events.expect_reload();
    s.wait_lines("Rebuild failed", 1);
    // stderr, read by another thread than stdout: wait for it too.
    s.wait_lines(
        "themes: error: the rebuild took longer than 5 s and was stopped",
        1,
    );
    let page = s.get("/lavori-pubblici/");
    assert!(
        page.body.contains("Servizio Lavori pubblici"),
        "the last good site"
    );
    assert!(page.body.contains("trasparenza-errori"), "{}", page.body);
    assert!(page.body.contains("took longer than 5 s"), "{}", page.body);

    // Fixing the template rebuilds at once, with the overlay gone...
    site.write(template, &original);
    events.expect_reload();
    s.wait_lines("Rebuilt", 1);
    assert!(
        !s.get("/lavori-pubblici/")
            .body
            .contains("trasparenza-errori")
    );
    // ...and so does every later save, while the stuck render still runs.
    replace_in(&site, UNIT, NAME, "nome: Servizio Opere pubbliche");
    events.expect_reload();
    assert!(
        s.get("/lavori-pubblici/")
            .body
            .contains("Servizio Opere pubbliche")
    );
}

/// A newcomer compares the two summaries: they counted 404.html differently
/// (serve said 14 pages, build 13 for the example).
#[test]
fn serve_and_build_report_the_same_page_count() {
    let site = example();
    let built = site.build().stdout();
    let pages = |line: &str| {
        line.split(", ")
            .flat_map(|p| p.split(' '))
            .collect::<Vec<_>>()
            .windows(2)
            .find(|w| w[1] == "pages")
            .map(|w| w[0].to_string())
    };
    let from_build = pages(&built).expect("a page count in the build summary");
    let server = Server::start(&site, &[]);
    let line = server.wait_lines("Built ", 1)[0].clone();
    assert_eq!(pages(&line), Some(from_build), "{built}\n{line}");
}

/// The preview's incremental update against a full build: from a seeded
/// RNG, random edits of unit files (texts, activities added and removed,
/// `nome`, `ordine`, `area`, links between units), renames, additions,
/// deletions, broken files and now and then `_sito.yaml`; after each step
/// the whole incremental output (the rest of the site completed) must be
/// byte for byte what `pipeline::run` gives for the same files, and a step
/// must fail exactly when the full build does. `INCR_SEED=N` replays a seed.
mod incremental {
    use std::collections::BTreeMap;
    use std::fs;
    use std::path::{Path, PathBuf};

    use trasparenza::testing::diagnostic::Diagnostics;
    use trasparenza::testing::pipeline::{self, BuildOptions};
    use trasparenza::testing::serve::incremental::{Incremental, Rendered};

    use crate::support::Rng;

    const BASE: &str = "http://127.0.0.1:1111/";

    #[derive(Clone)]
    struct UnitSpec {
        file: String,
        nome: String,
        ordine: Option<u32>,
        area: Option<String>,
        link: Option<String>,
        si: Vec<String>,
        /// `parzialmente_smartizzabili`, each written with a `condizione`.
        parz: Vec<String>,
        no: Vec<String>,
    }

    const WORDS: &[&str] = &[
        "Protocollo",
        "anagrafe",
        "tributi",
        "Sportello #2",
        "verifica: atti",
        "0831 966812",
        "contratti",
        "mandati",
        "Gestione",
        "archivio",
        "ZTL",
        "città",
    ];

    fn text(rng: &mut Rng) -> String {
        (0..1 + rng.below(4))
            .map(|_| WORDS[rng.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn yaml(u: &UnitSpec) -> String {
        let q = |s: &str| format!("\"{}\"", s.replace('"', "'"));
        let mut y = format!("nome: {}\n", q(&u.nome));
        if let Some(o) = u.ordine {
            y.push_str(&format!("ordine: {o}\n"));
        }
        if let Some(a) = &u.area {
            y.push_str(&format!("area: {}\n", q(a)));
        }
        if let Some(l) = &u.link {
            y.push_str(&format!(
                "descrizione: \"Vedi [l'altra unità](../{l}/).\"\n"
            ));
        }
        if !u.parz.is_empty() {
            y.push_str("parzialmente_smartizzabili:\n");
            for a in &u.parz {
                y.push_str(&format!(
                    "  - testo: {}\n    condizione: a rotazione\n",
                    q(a)
                ));
            }
        }
        for (key, list) in [("smartizzabili", &u.si), ("non_smartizzabili", &u.no)] {
            if list.is_empty() {
                y.push_str(&format!("{key}: []\n"));
            } else {
                y.push_str(&format!("{key}:\n"));
                for a in list {
                    y.push_str(&format!("  - {}\n", q(a)));
                }
            }
        }
        y
    }

    fn site_yaml(day: usize, titolo: &str) -> String {
        format!(
            "ente: Comune di Prova\ntitolo: {titolo}\nbase_url: https://www.comune.prova.it/lavoro-agile/\naggiornato_il: 2026-03-{:02}\n",
            1 + day % 28
        )
    }

    fn new_unit(rng: &mut Rng, n: usize) -> UnitSpec {
        UnitSpec {
            file: format!("ufficio-{n}"),
            nome: format!("Ufficio {}", text(rng)),
            ordine: rng.chance(50).then(|| rng.below(5) as u32),
            area: rng.chance(60).then(|| format!("Area {}", rng.below(3))),
            link: None,
            si: (0..rng.below(4)).map(|_| text(rng)).collect(),
            parz: Vec::new(),
            no: (0..rng.below(3)).map(|_| text(rng)).collect(),
        }
    }

    /// What `serve` builds with: the preview's base URL.
    fn opts() -> BuildOptions {
        BuildOptions {
            base_url: Some(BASE.to_string()),
        }
    }

    /// The preview's kept state of the site at `root`, nothing rendered yet.
    fn preview(root: &Path) -> Incremental {
        Incremental::new(root, opts())
    }

    /// Brings `inc` up to date after `changed`: what it rendered and said.
    fn save(inc: &mut Incremental, changed: &[PathBuf]) -> (Rendered, Diagnostics) {
        let mut diags = Diagnostics::new();
        let rendered = inc.update(changed, &mut diags).unwrap().unwrap();
        (rendered, diags)
    }

    fn full(root: &Path) -> Option<BTreeMap<String, Vec<u8>>> {
        let mut diags = Diagnostics::new();
        pipeline::run(root, &opts(), &mut diags)
            .ok()
            .flatten()
            .map(|b| b.output.files)
    }

    /// The incremental state's output after `changed`, its rest completed.
    fn step(
        inc: &mut Incremental,
        changed: &[PathBuf],
        last: &Option<BTreeMap<String, Vec<u8>>>,
        partial: &mut usize,
    ) -> Option<BTreeMap<String, Vec<u8>>> {
        let mut diags = Diagnostics::new();
        let plain = |m: &trasparenza::testing::serve::incremental::Map| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.to_vec()))
                .collect::<BTreeMap<_, _>>()
        };
        match inc.update(changed, &mut diags).ok()?? {
            Rendered::Whole(m) => Some(plain(&m)),
            Rendered::Unchanged => last.clone(),
            Rendered::Partial { now, pending } => {
                *partial += 1;
                let whole = plain(&pending.complete(&mut diags)?);
                for (k, v) in now.iter() {
                    assert_eq!(
                        whole.get(k),
                        Some(&v.to_vec()),
                        "{k} differs from the completed site"
                    );
                }
                Some(whole)
            }
        }
    }

    fn run_seed(seed: u64, steps: usize) -> usize {
        let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        let content = root.join("content");
        fs::create_dir_all(&content).unwrap();
        fs::write(content.join("_sito.yaml"), site_yaml(0, "Catalogo")).unwrap();
        let mut next = 0;
        let mut units: Vec<UnitSpec> = (0..6)
            .map(|_| {
                next += 1;
                new_unit(&mut rng, next)
            })
            .collect();
        // Every unit file is dated long ago, as on a site edited yesterday:
        // the preview reuses what it read without reading it again unless
        // the watcher reports the file (same size, same time, new text).
        let write = |u: &UnitSpec| {
            let path = content.join(format!("{}.yaml", u.file));
            fs::write(&path, yaml(u)).unwrap();
            let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
            fs::File::options()
                .write(true)
                .open(&path)
                .and_then(|f| f.set_modified(long_ago))
                .unwrap();
        };
        for u in &units {
            write(u);
        }
        if seed % 2 == 1 {
            // An earlier edition: its pages link to the current ones.
            let old = content.join("_archivio/2025");
            fs::create_dir_all(&old).unwrap();
            fs::write(
                old.join("_sito.yaml"),
                site_yaml(0, "Catalogo").replace("2026-03", "2025-03"),
            )
            .unwrap();
            for u in units.iter().take(3) {
                fs::write(old.join(format!("{}.yaml", u.file)), yaml(u)).unwrap();
            }
        }
        let mut inc = preview(root);
        let mut partial = 0;
        let mut last = step(&mut inc, &[], &None, &mut partial);
        assert_eq!(last, full(root), "seed {seed}: first build");
        let mut broken: Option<String> = None;
        for n in 0..steps {
            let mut changed = Vec::new();
            let rel = |f: &str| PathBuf::from(format!("content/{f}.yaml"));
            if let Some(f) = broken.take() {
                // Fix the file broken by the previous step.
                if let Some(u) = units.iter().find(|u| u.file == f) {
                    write(u);
                }
                changed.push(rel(&f));
            }
            let kind = rng.below(14);
            let i = rng.below(units.len());
            match kind {
                _ if units.is_empty() || kind == 0 => {
                    next += 1;
                    let u = new_unit(&mut rng, next);
                    write(&u);
                    changed.push(rel(&u.file));
                    units.push(u);
                }
                1 => {
                    let u = units.remove(i);
                    fs::remove_file(content.join(format!("{}.yaml", u.file))).unwrap();
                    changed.push(rel(&u.file));
                }
                2 => {
                    next += 1;
                    let from = units[i].file.clone();
                    units[i].file = format!("rinominato-{next}");
                    fs::rename(
                        content.join(format!("{from}.yaml")),
                        content.join(format!("{}.yaml", units[i].file)),
                    )
                    .unwrap();
                    changed.push(rel(&from));
                    changed.push(rel(&units[i].file));
                }
                3 => {
                    fs::write(
                        content.join("_sito.yaml"),
                        site_yaml(n, &format!("Catalogo {}", rng.below(3))),
                    )
                    .unwrap();
                    changed.push(PathBuf::from("content/_sito.yaml"));
                }
                4 => {
                    let f = units[i].file.clone();
                    fs::write(
                        content.join(format!("{f}.yaml")),
                        "nome: \"rotto\nsmartizzabili:\n  -x\n",
                    )
                    .unwrap();
                    changed.push(rel(&f));
                    broken = Some(f);
                }
                _ => {
                    let u = &mut units[i];
                    match kind {
                        5 => u.nome = format!("Ufficio {}", text(&mut rng)),
                        6 => u.ordine = rng.chance(70).then(|| rng.below(5) as u32),
                        7 => u.area = rng.chance(70).then(|| format!("Area {}", rng.below(3))),
                        8 => u.si.push(text(&mut rng)),
                        9 if !u.si.is_empty() => {
                            let k = rng.below(u.si.len());
                            u.si.remove(k);
                        }
                        10 if !u.no.is_empty() => {
                            let k = rng.below(u.no.len());
                            u.no[k] = text(&mut rng);
                        }
                        11 => u.no.push(text(&mut rng)),
                        // The third list: its pages, counts, table column
                        // and search index follow it as the others'.
                        13 => u.parz.push(text(&mut rng)),
                        12 => {
                            let to = units[rng.below(units.len())].file.clone();
                            units[i].link = rng.chance(80).then_some(to);
                        }
                        _ => {} // saved unchanged
                    }
                    write(&units[i]);
                    changed.push(rel(&units[i].file));
                }
            }
            let got = step(&mut inc, &changed, &last, &mut partial);
            let want = full(root);
            assert_eq!(
                got.is_some(),
                want.is_some(),
                "seed {seed}, step {n}: one failed, not the other"
            );
            if let (Some(g), Some(w)) = (&got, &want) {
                let keys = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
                assert_eq!(keys(g), keys(w), "seed {seed}, step {n}: the files differ");
                for (k, v) in w {
                    assert!(
                        g.get(k) == Some(v),
                        "seed {seed}, step {n}: {k} differs from a full build"
                    );
                }
            }
            if got.is_some() {
                last = got;
            }
        }
        partial
    }

    #[test]
    fn random_edits_give_what_a_full_build_gives() {
        let seeds: Vec<u64> = match std::env::var("INCR_SEED") {
            Ok(s) => vec![s.parse().expect("INCR_SEED is a number")],
            Err(_) => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_secs());
                // 1795964014: a save changing nothing after a save whose
                // link check failed was taken for a good site.
                vec![1, 2, 1_795_964_014, t]
            }
        };
        let mut partial = 0;
        for seed in seeds {
            eprintln!("incremental: seed {seed} (INCR_SEED={seed} to replay)");
            partial += run_seed(seed, 40);
        }
        assert!(
            partial > 10,
            "the incremental path ran only {partial} times"
        );
    }

    /// A save the incremental path cannot take alone (a unit now says what
    /// happens to the activities it does not list: every page shows it)
    /// renders everything, and each warning is reported once, not once by
    /// the incremental load and again by the full render.
    #[test]
    fn a_save_that_renders_everything_reports_each_warning_once() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        fs::create_dir_all(&content).unwrap();
        fs::write(content.join("_sito.yaml"), site_yaml(0, "Catalogo")).unwrap();
        // A repeated activity: a warning on every load.
        fs::write(
            content.join("anagrafe.yaml"),
            "nome: Anagrafe\nsmartizzabili:\n  - Certificati\n  - Certificati\nnon_smartizzabili:\n  - Sportello\n",
        )
        .unwrap();
        let tributi = content.join("tributi.yaml");
        fs::write(
            &tributi,
            "nome: Tributi\nsmartizzabili:\n  - Avvisi\nnon_smartizzabili:\n  - Sportello\n",
        )
        .unwrap();
        let mut inc = preview(tmp.path());
        let warnings = |inc: &mut Incremental, changed: &[PathBuf]| {
            let (rendered, diags) = save(inc, changed);
            (
                matches!(rendered, Rendered::Whole(_)),
                diags.warning_count(),
            )
        };
        assert_eq!(warnings(&mut inc, &[]), (true, 1));
        fs::write(
            &tributi,
            "nome: Tributi\naltre_attivita: smartizzabili\nsmartizzabili:\n  - Avvisi\n",
        )
        .unwrap();
        let changed = [PathBuf::from("content/tributi.yaml")];
        assert_eq!(warnings(&mut inc, &changed), (true, 1));
        // A save of the other unit renders its page alone, and the warning
        // of the unchanged file (checked once, at its parse) is still there.
        fs::write(
            &tributi,
            "nome: Tributi e tasse\naltre_attivita: smartizzabili\nsmartizzabili:\n  - Avvisi\n",
        )
        .unwrap();
        assert_eq!(warnings(&mut inc, &changed), (false, 1));
    }

    /// A save of one unit renders only unit pages, yet the terminal shows
    /// the same warnings as a full build: those of the earlier editions
    /// (and the theme) too, which that save did not read again.
    #[test]
    fn a_unit_save_reports_the_warnings_of_the_earlier_editions_again() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("content");
        let old = content.join("_archivio/2025");
        fs::create_dir_all(&old).unwrap();
        fs::write(content.join("_sito.yaml"), site_yaml(0, "Catalogo")).unwrap();
        fs::write(
            old.join("_sito.yaml"),
            site_yaml(0, "Catalogo").replace("2026-03", "2025-03"),
        )
        .unwrap();
        // A repeated activity in last year's edition: a warning there.
        fs::write(
            old.join("anagrafe.yaml"),
            "nome: Anagrafe\nsmartizzabili:\n  - Certificati\n  - Certificati\nnon_smartizzabili:\n  - Sportello\n",
        )
        .unwrap();
        let unit = content.join("anagrafe.yaml");
        fs::write(&unit, "nome: Anagrafe\nsmartizzabili:\n  - Certificati\n").unwrap();
        let mut inc = preview(tmp.path());
        let archived = |inc: &mut Incremental, changed: &[PathBuf]| {
            let (rendered, diags) = save(inc, changed);
            let partial = matches!(rendered, Rendered::Partial { .. });
            let from_archive = diags
                .into_vec()
                .iter()
                .filter(|d| d.file.starts_with("content/_archivio/2025"))
                .count();
            (partial, from_archive)
        };
        assert_eq!(archived(&mut inc, &[]), (false, 1));
        fs::write(
            &unit,
            "nome: Anagrafe\nsmartizzabili:\n  - Certificati online\n",
        )
        .unwrap();
        let changed = [PathBuf::from("content/anagrafe.yaml")];
        assert_eq!(archived(&mut inc, &changed), (true, 1));
        // A save with an error reports it with them, as a build would.
        fs::write(&unit, "nome: Anagrafe\nsmartizzabili: [rotto\n").unwrap();
        let mut diags = Diagnostics::new();
        assert!(inc.update(&changed, &mut diags).unwrap().is_none());
        assert!(diags.has_errors());
        let from_archive = diags
            .into_vec()
            .iter()
            .filter(|d| d.file.starts_with("content/_archivio/2025"))
            .count();
        assert_eq!(from_archive, 1, "the earlier edition's warning");
    }
}

/// `--bind` with an address this computer does not have says so and what
/// to give instead (it said only "Cannot assign requested address (os
/// error 99)"). 192.0.2.1 is reserved for documentation (RFC 5737).
#[test]
fn an_address_not_of_this_computer_is_explained() {
    let site = example();
    let r = site.run(&["serve", "--bind", "192.0.2.1", "--port", "0"]);
    assert_eq!(r.code(), Some(2));
    assert!(
        r.stderr().contains("not an address of this computer"),
        "{}",
        r.stderr()
    );
    assert!(r.stderr().contains("--bind"), "{}", r.stderr());
    assert!(!r.stderr().contains("os error"), "{}", r.stderr());
}
