//! What the preview answers to one request, as a pure function of the method,
//! the request target and the current [`Snapshot`]: no sockets here, so every
//! rule (methods, traversal, types, redirects, 404) is unit-tested directly.
//! The request head is parsed here too, from the bytes `net` read
//! ([`take_head`]: at most [`MAX_HEAD`] bytes, lines ending in CRLF or LF
//! alone, control characters refused, keep-alive and `Host` taken out).
//!
//! Only keys of the rendered site in memory can ever be answered, so nothing
//! outside the site is reachable by construction; on top of that, request
//! targets that try to climb or smuggle separators are refused with 400
//! before any lookup. Which `Host` a preview on a loopback address answers
//! is decided here too ([`loopback_host`]).

use std::sync::Arc;

use super::reload::{self, EVENTS, RESERVED, SCRIPT};
use super::site::{Lookup, Snapshot};
use crate::i18n::t;

/// Headers every answer carries.
pub(crate) const NO_STORE: (&str, &str) = ("Cache-Control", "no-store");
/// Largest request line plus headers accepted; past it the answer is 431.
pub(crate) const MAX_HEAD: usize = 16 * 1024;

/// The answer to a request, before it is written to the socket.
#[derive(Debug, Clone)]
pub(crate) enum Reply {
    /// A file of the site or a page of the preview.
    Body {
        status: u16,
        content_type: &'static str,
        body: Body,
    },
    /// A redirect to the same path with a trailing slash.
    Redirect { location: String },
    /// 405, with `Allow: GET, HEAD`.
    MethodNotAllowed,
    /// 400: the request target is refused as a whole.
    BadRequest(String),
    /// Subscribe to the rebuild events (the caller keeps the connection).
    Events,
    /// The answer is among the rest of the site, still being rendered after
    /// a save: the caller asks again soon, answering other requests meanwhile.
    NotYet,
}

/// The bytes of an answer: shared with the snapshot, never copied, when
/// served as they are, so a client that reads slowly holds no copy of a page.
#[derive(Debug, Clone)]
pub(crate) enum Body {
    Shared(Arc<Vec<u8>>),
    Owned(Vec<u8>),
    /// A page of the snapshot with `extra` (the live-reload script, the
    /// overlay) inserted at byte `at`.
    Injected {
        page: Arc<Vec<u8>>,
        at: usize,
        extra: Vec<u8>,
    },
}

impl Body {
    /// The bytes in the order they are sent.
    pub(crate) fn parts(&self) -> [&[u8]; 3] {
        match self {
            Body::Shared(b) => [b, &[], &[]],
            Body::Owned(b) => [b, &[], &[]],
            Body::Injected { page, at, extra } => {
                let at = (*at).min(page.len());
                [&page[..at], extra, &page[at..]]
            }
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.parts().iter().map(|p| p.len()).sum()
    }

    #[cfg(test)]
    pub(crate) fn to_vec(&self) -> Vec<u8> {
        self.parts().concat()
    }
}

impl Reply {
    #[cfg(test)]
    pub(crate) fn status(&self) -> u16 {
        match self {
            Reply::Body { status, .. } => *status,
            Reply::Redirect { .. } => 308,
            Reply::MethodNotAllowed => 405,
            Reply::BadRequest(_) => 400,
            Reply::Events => 200,
            Reply::NotYet => 0,
        }
    }
}

/// Answers `method target` from `snap`.
pub(crate) fn respond(method: &str, target: &str, snap: &Snapshot) -> Reply {
    if method != "GET" && method != "HEAD" {
        return Reply::MethodNotAllowed;
    }
    let (raw_path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let raw_path = raw_path.split('#').next().unwrap_or("");
    let path = match clean_path(raw_path) {
        Ok(p) => p,
        Err(why) => return Reply::BadRequest(why),
    };
    if path == EVENTS {
        return Reply::Events;
    }
    if path == SCRIPT {
        return Reply::Body {
            status: 200,
            content_type: content_type("live.js"),
            body: Body::Owned(reload::script().into_bytes()),
        };
    }
    if path.starts_with(RESERVED) {
        return not_found(snap);
    }
    let Some(files) = snap.files.as_ref() else {
        return Reply::Body {
            status: 500,
            content_type: "text/html; charset=utf-8",
            body: Body::Owned(reload::unbuilt_page(snap).into_bytes()),
        };
    };
    let key = &path[1..];
    let key = if key.is_empty() || key.ends_with('/') {
        format!("{key}index.html")
    } else {
        key.to_string()
    };
    match files.lookup(&key) {
        Lookup::Found(bytes) => return file(&key, &bytes, 200, snap),
        Lookup::NotYet => return Reply::NotYet,
        Lookup::Missing => {}
    }
    let folder = match files.lookup(&format!("{key}/index.html")) {
        Lookup::Found(_) => true,
        Lookup::NotYet => return Reply::NotYet,
        Lookup::Missing => false,
    };
    if folder {
        let mut location = format!("{path}/");
        if let Some(q) = query {
            location.push('?');
            // It goes into a response header: no CR, LF or other control
            // character of the request may reach it.
            location.extend(q.chars().filter(|c| !c.is_control()));
        }
        return Reply::Redirect { location };
    }
    not_found(snap)
}

/// Whether a request with this `Host` may be answered by a preview bound to
/// a loopback address: a loopback name (`localhost`, `*.localhost`) or any
/// address written as such (`127.0.0.1`, `[::1]`, the address of another
/// interface), with or without a port. A web page that makes a name of its
/// own point at 127.0.0.1 (DNS rebinding) sends that name, and is refused;
/// an address cannot be rebound. No `Host` at all (an HTTP/1.0 tool) is
/// let through: browsers always send one.
pub(crate) fn loopback_host(host: Option<&str>) -> bool {
    let Some(host) = host else {
        return true;
    };
    let name = match host.strip_prefix('[') {
        // [v6] or [v6]:port
        Some(rest) => match rest.split_once(']') {
            Some((v6, port)) if port.is_empty() || port.strip_prefix(':').is_some_and(is_port) => {
                return v6.parse::<std::net::Ipv6Addr>().is_ok();
            }
            _ => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => host,
        },
    };
    if name.parse::<std::net::Ipv4Addr>().is_ok() {
        return true;
    }
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost")
}

/// The port after a host's colon: digits only.
fn is_port(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The answer (403) to a request naming a host that is not this computer.
pub(crate) fn wrong_host(host: &str) -> Reply {
    let host: String = host.chars().filter(|c| !c.is_control()).collect();
    Reply::Body {
        status: 403,
        content_type: "text/plain; charset=utf-8",
        body: Body::Owned(
            format!(
                "{}\n",
                t!("serve-forbidden-host", host = format!("{host:?}"))
            )
            .into_bytes(),
        ),
    }
}

/// The theme's 404 page with status 404 (a plain one if the site has none).
fn not_found(snap: &Snapshot) -> Reply {
    let page = match snap.files.as_ref().map(|f| f.lookup("404.html")) {
        Some(Lookup::Found(bytes)) => Some(bytes),
        Some(Lookup::NotYet) => return Reply::NotYet,
        _ => None,
    };
    match page {
        Some(bytes) => file("404.html", &bytes, 404, snap),
        None => Reply::Body {
            status: 404,
            content_type: content_type("404.txt"),
            body: Body::Owned(b"404 Not Found\n".to_vec()),
        },
    }
}

/// A file of the site; HTML pages get the live-reload script (and the error
/// overlay when the last rebuild failed).
fn file(key: &str, bytes: &Arc<Vec<u8>>, status: u16, snap: &Snapshot) -> Reply {
    let content_type = content_type(key);
    let body = if content_type.starts_with("text/html") {
        let (at, extra) = reload::injection(bytes, snap);
        Body::Injected {
            page: Arc::clone(bytes),
            at,
            extra: extra.into_bytes(),
        }
    } else {
        Body::Shared(Arc::clone(bytes))
    };
    Reply::Body {
        status,
        content_type,
        body,
    }
}

/// Decodes and checks the path of a request target. The result starts with
/// `/` and has no empty, `.` or `..` segment, no backslash, no NUL or other
/// control character, and no separator that was percent-encoded.
pub(crate) fn clean_path(raw: &str) -> Result<String, String> {
    if !raw.starts_with('/') {
        return Err(t!("serve-request-not-a-path"));
    }
    let bytes = raw.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| t!("serve-request-bad-percent"))?;
                if matches!(hex, b'/' | b'\\') {
                    return Err(t!("serve-request-encoded-slash"));
                }
                decoded.push(hex);
                i += 3;
            }
            b => {
                decoded.push(b);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(decoded).map_err(|_| t!("serve-request-path-not-utf8"))?;
    if path.chars().any(|c| c.is_control()) {
        return Err(t!("serve-request-control-character"));
    }
    if path.contains('\\') {
        return Err(t!("serve-request-backslash"));
    }
    let segments: Vec<&str> = path[1..].split('/').collect();
    let last = segments.len() - 1;
    for (n, s) in segments.iter().enumerate() {
        if *s == "." || *s == ".." {
            return Err(t!("serve-request-dot-segment"));
        }
        if s.is_empty() && n != last {
            return Err(t!("serve-request-empty-segment"));
        }
        if s.contains(':') {
            return Err(t!("serve-request-colon"));
        }
    }
    Ok(path)
}

/// The `Content-Type` of a site file, from its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "jsonld" => "application/ld+json",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "txt" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        "gz" => "application/gzip",
        "wasm" => "application/wasm",
        _ => "application/octet-stream",
    }
}

/// The parts of a request head the preview uses.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Head {
    pub method: String,
    pub target: String,
    /// The connection stays open after the answer (HTTP/1.1 without
    /// `Connection: close`, or HTTP/1.0 with `Connection: keep-alive`).
    pub keep_alive: bool,
    /// HTTP/1.0: a kept connection must be confirmed with a header.
    pub http10: bool,
    /// The request announces a body (the preview reads none: it answers,
    /// then closes the connection).
    pub has_body: bool,
    /// The `Host` header, as sent.
    pub host: Option<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HeadError {
    TooLarge,
    Malformed(String),
}

/// Takes the first complete request head out of `input`: `None` while it is
/// incomplete and within [`MAX_HEAD`]. Lines may end with CRLF or LF alone
/// (RFC 9112, 2.2), so the head ends at the first empty line.
pub(crate) fn take_head(input: &mut Vec<u8>) -> Option<Result<Head, HeadError>> {
    let searched = &input[..input.len().min(MAX_HEAD)];
    let blank = searched.iter().enumerate().find_map(|(i, b)| {
        if *b != b'\n' {
            return None;
        }
        match searched.get(i + 1..) {
            Some([b'\n', ..]) => Some((i, i + 2)),
            Some([b'\r', b'\n', ..]) => Some((i, i + 3)),
            _ => None,
        }
    });
    let Some((end, after)) = blank else {
        return (input.len() >= MAX_HEAD).then_some(Err(HeadError::TooLarge));
    };
    let head = parse_head(&input[..end]);
    input.drain(..after);
    Some(head)
}

/// Parses a request line and headers (without the blank line); each line
/// ends with LF, with or without CR before it.
pub(crate) fn parse_head(raw: &[u8]) -> Result<Head, HeadError> {
    let bad = HeadError::Malformed;
    let text = std::str::from_utf8(raw).map_err(|_| bad(t!("serve-request-head-not-utf8")))?;
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let line = lines.next().unwrap_or("");
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad(t!("serve-request-bad-line")));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(bad(t!("serve-request-unknown-method")));
    }
    if target.is_empty() || target.chars().any(|c| c.is_control()) {
        return Err(bad(t!("serve-request-control-in-target")));
    }
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(bad(t!("serve-request-bad-version"))),
    };
    let mut has_body = false;
    let mut host = None;
    for l in lines {
        let Some((name, value)) = l.split_once(':') else {
            return Err(bad(t!("serve-request-header-no-colon")));
        };
        if value.chars().any(|c| c.is_control() && c != '\t') {
            return Err(bad(t!("serve-request-control-in-header")));
        }
        let value = value.trim();
        if name.eq_ignore_ascii_case("host") {
            host = Some(value.to_string());
        } else if name.eq_ignore_ascii_case("connection") {
            for token in value.split(',').map(str::trim) {
                if token.eq_ignore_ascii_case("close") {
                    keep_alive = false;
                } else if token.eq_ignore_ascii_case("keep-alive") {
                    keep_alive = true;
                }
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding")
            || (name.eq_ignore_ascii_case("content-length") && value != "0")
        {
            has_body = true;
        }
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
        http10: version == "HTTP/1.0",
        has_body,
        host,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use std::collections::BTreeMap;

    fn snap() -> Snapshot {
        let mut files = BTreeMap::new();
        for (k, v) in [
            ("index.html", "<html><body><h1>Home</h1></body></html>"),
            ("tabella/index.html", "<html><body>Tabella</body></html>"),
            ("404.html", "<html><body>Pagina non trovata</body></html>"),
            ("assets/style.css", "body{}"),
            ("assets/favicon.svg", "<svg/>"),
            ("sitemap.xml", "<urlset/>"),
            ("robots.txt", "User-agent: *"),
            ("catalogo.json", "{}"),
            ("catalogo.csv", "a,b"),
        ] {
            files.insert(k.to_string(), Arc::new(v.as_bytes().to_vec()));
        }
        Snapshot {
            generation: 7,
            files: Some(Arc::new(files.into())),
            errors: vec![],
        }
    }

    fn body(r: &Reply) -> String {
        match r {
            Reply::Body { body, .. } => String::from_utf8_lossy(&body.to_vec()).into_owned(),
            other => panic!("no body: {other:?}"),
        }
    }

    fn ctype(r: &Reply) -> &'static str {
        match r {
            Reply::Body { content_type, .. } => content_type,
            other => panic!("no body: {other:?}"),
        }
    }

    #[test]
    fn folders_answer_with_their_index() {
        let s = snap();
        let r = respond("GET", "/", &s);
        assert_eq!(r.status(), 200);
        assert!(body(&r).contains("<h1>Home</h1>"));
        let r = respond("GET", "/tabella/?x=1", &s);
        assert_eq!(r.status(), 200);
        assert!(body(&r).contains("Tabella"));
    }

    #[test]
    fn a_folder_without_slash_redirects_keeping_the_query() {
        let r = respond("GET", "/tabella?q=a", &snap());
        match r {
            Reply::Redirect { location } => assert_eq!(location, "/tabella/?q=a"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn control_characters_of_the_query_never_reach_the_location() {
        let r = respond(
            "GET",
            "/tabella?a\r\nSet-Cookie: x=1\u{7f}\u{1b}[2J\0b",
            &snap(),
        );
        match r {
            Reply::Redirect { location } => {
                assert_eq!(location, "/tabella/?aSet-Cookie: x=1[2Jb")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn html_gets_the_script_and_other_files_do_not() {
        let s = snap();
        let page = body(&respond("GET", "/", &s));
        assert!(page.contains(SCRIPT), "{page}");
        assert!(page.find(SCRIPT) < page.find("</body>"));
        let css = body(&respond("GET", "/assets/style.css", &s));
        assert_eq!(css, "body{}");
    }

    #[test]
    fn types_follow_the_extension() {
        let s = snap();
        for (path, ty) in [
            ("/assets/style.css", "text/css; charset=utf-8"),
            ("/assets/favicon.svg", "image/svg+xml"),
            ("/sitemap.xml", "application/xml"),
            ("/robots.txt", "text/plain; charset=utf-8"),
            ("/catalogo.json", "application/json"),
            ("/catalogo.csv", "text/csv; charset=utf-8"),
            ("/", "text/html; charset=utf-8"),
            (SCRIPT, "text/javascript; charset=utf-8"),
        ] {
            assert_eq!(ctype(&respond("GET", path, &s)), ty, "{path}");
        }
        assert_eq!(content_type("a/b.woff2"), "font/woff2");
        assert_eq!(content_type("favicon.ico"), "image/x-icon");
        assert_eq!(content_type("dcat-ap_it.jsonld"), "application/ld+json");
        assert_eq!(
            content_type("pagefind/x.pf_index"),
            "application/octet-stream"
        );
        assert_eq!(content_type("shard.gz"), "application/gzip");
    }

    #[test]
    fn missing_files_get_the_theme_404() {
        let r = respond("GET", "/nessuna/pagina/", &snap());
        assert_eq!(r.status(), 404);
        assert!(body(&r).contains("Pagina non trovata"));
        assert_eq!(
            respond("GET", "/__trasparenza/other", &snap()).status(),
            404
        );
    }

    #[test]
    fn only_get_and_head() {
        let s = snap();
        assert_eq!(respond("HEAD", "/", &s).status(), 200);
        for m in [
            "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT",
        ] {
            assert!(
                matches!(respond(m, "/", &s), Reply::MethodNotAllowed),
                "{m}"
            );
        }
    }

    #[test]
    fn the_event_stream_is_recognised() {
        assert!(matches!(respond("GET", EVENTS, &snap()), Reply::Events));
    }

    #[test]
    fn traversal_and_smuggling_are_refused() {
        let s = snap();
        for target in [
            "/../etc/passwd",
            "/..",
            "/a/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/.%2e/etc/passwd",
            "/%2e./etc/passwd",
            "/tabella/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fetc%2fpasswd",
            "/%2fetc%2fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/..\\..\\etc\\passwd",
            "/assets\\..\\..\\Cargo.toml",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/c:%5cwindows",
            "/index.html%00.css",
            "/%00",
            "/a%0d%0aSet-Cookie:x",
            "/%zz",
            "/%",
            "/%c0%ae%c0%ae/etc/passwd",
            "etc/passwd",
            "http://evil/etc/passwd",
            "/./index.html",
            "/assets/./style.css",
        ] {
            let r = respond("GET", target, &s);
            assert!(
                matches!(r, Reply::BadRequest(_)),
                "{target} gave {}",
                r.status()
            );
        }
    }

    /// Every reason for a 400 is the catalogue's, in the user's language: a
    /// broken `%` escape was answered in English whatever the language.
    #[test]
    fn bad_requests_say_why_in_the_users_language() {
        for target in ["/%zz", "/%", "/a%4", "/%2e%2e/x", "//x", "/%00"] {
            let why = match crate::i18n::with_lang(crate::i18n::Lang::It, || clean_path(target)) {
                Err(why) => why,
                Ok(p) => panic!("{target} gave {p}"),
            };
            let english = crate::i18n::with_lang(crate::i18n::Lang::En, || clean_path(target));
            assert_ne!(Err(why.clone()), english, "{target}: {why} is not Italian");
        }
    }

    #[test]
    fn a_preview_on_loopback_answers_loopback_hosts_only() {
        for ok in [
            None,
            Some("127.0.0.1:1111"),
            Some("127.0.0.1"),
            Some("127.1.2.3:80"),
            Some("localhost:1111"),
            Some("LOCALHOST"),
            Some("localhost."),
            Some("app.localhost:1111"),
            Some("[::1]:1111"),
            Some("[::1]"),
            Some("[::ffff:127.0.0.1]:1111"),
            Some("192.168.1.5:1111"),
        ] {
            assert!(loopback_host(ok), "{ok:?}");
        }
        for refused in [
            "evil.example",
            "evil.example:1111",
            "127.0.0.1.evil.example",
            "localhost.evil.example",
            "evillocalhost",
            "",
            ":1111",
            "[::1",
            "[::1]x",
            "[::1]1111",
            "[evil]:1111",
            "localhost:x",
            "127.0.0.1:1111:1",
        ] {
            assert!(!loopback_host(Some(refused)), "{refused:?}");
        }
        let r = wrong_host("evil.example\u{1b}");
        assert_eq!(r.status(), 403);
        assert!(body(&r).contains("\"evil.example\""), "{}", body(&r));
        assert!(body(&r).contains("--bind"));
    }

    #[test]
    fn encoded_ordinary_characters_are_decoded() {
        let r = respond("GET", "/assets/style%2ecss", &snap());
        assert_eq!(r.status(), 200);
        assert_eq!(clean_path("/attivit%C3%A0/").unwrap(), "/attività/");
    }

    #[test]
    fn before_a_first_good_build_every_page_shows_the_errors() {
        let s = Snapshot {
            generation: 1,
            files: None,
            errors: vec![Diagnostic::error("content/x.yaml", "broken <b>")],
        };
        let r = respond("GET", "/anything/", &s);
        assert_eq!(r.status(), 500);
        let page = body(&r);
        assert!(page.contains("content/x.yaml"), "{page}");
        assert!(page.contains("broken &lt;b&gt;"), "{page}");
        assert!(page.contains(SCRIPT));
    }

    fn head(raw: &str) -> Result<Head, HeadError> {
        parse_head(raw.as_bytes())
    }

    #[test]
    fn request_heads_are_read() {
        let h = head("GET /a/?q=1 HTTP/1.1\r\nHost: x\r\nAccept: */*").unwrap();
        assert_eq!(h.method, "GET");
        assert_eq!(h.target, "/a/?q=1");
        assert!(h.keep_alive && !h.has_body);
        assert!(
            !head("GET / HTTP/1.1\r\nConnection: close")
                .unwrap()
                .keep_alive
        );
        assert!(!head("GET / HTTP/1.0").unwrap().keep_alive);
        assert!(head("GET / HTTP/1.0").unwrap().http10);
        assert!(!head("GET / HTTP/1.1").unwrap().http10);
        assert!(
            head("GET / HTTP/1.0\r\nconnection: Keep-Alive")
                .unwrap()
                .keep_alive
        );
        assert!(
            head("POST / HTTP/1.1\r\nContent-Length: 5")
                .unwrap()
                .has_body
        );
        assert!(
            head("POST / HTTP/1.1\r\nTransfer-Encoding: chunked")
                .unwrap()
                .has_body
        );
        assert!(
            !head("GET / HTTP/1.1\r\nContent-Length: 0")
                .unwrap()
                .has_body
        );
    }

    #[test]
    fn malformed_heads_are_refused() {
        for raw in [
            "",
            "GET",
            "GET /",
            "GET  / HTTP/1.1",
            "GET / HTTP/1.1 x",
            "get / HTTP/1.1",
            "GET / HTTP/2",
            "GET /a\rb HTTP/1.1",
            "GET /a\u{1b}b HTTP/1.1",
            "GET /a\0 HTTP/1.1",
            "GET / HTTP/1.1\r\nno colon",
            "GET / HTTP/1.1\r\nX: a\rb",
            "GET / HTTP/1.1\rX: a",
            "GET / HTTP/1.1\r\r\nX: a",
        ] {
            assert!(
                matches!(head(raw), Err(HeadError::Malformed(_))),
                "{raw:?} gave {:?}",
                head(raw)
            );
        }
        assert!(parse_head(b"GET /\xff HTTP/1.1").is_err());
    }

    /// Before: a head whose lines end with LF alone was never complete, and
    /// the client waited for the time-out with no answer.
    #[test]
    fn lines_may_end_with_lf_alone() {
        let mut input = b"GET /a HTTP/1.1\nHost: x\nConnection: close\n\nGET /b HTTP/1.1\r\nHost: y\n\r\nGET /c HTTP/1.1\r\n\nGET /d".to_vec();
        let a = take_head(&mut input).unwrap().unwrap();
        assert_eq!((a.target.as_str(), a.keep_alive), ("/a", false));
        assert_eq!(a.host.as_deref(), Some("x"));
        let b = take_head(&mut input).unwrap().unwrap();
        assert_eq!((b.target.as_str(), b.host.as_deref()), ("/b", Some("y")));
        assert_eq!(take_head(&mut input).unwrap().unwrap().target, "/c");
        assert!(take_head(&mut input).is_none());
        assert_eq!(input, b"GET /d");
        // A line break is never part of a header value.
        let h = head("GET / HTTP/1.1\r\nX: a\nHost: b").unwrap();
        assert_eq!(h.host.as_deref(), Some("b"));
    }

    #[test]
    fn heads_are_taken_one_at_a_time_and_capped() {
        let mut input = b"GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nGET /c".to_vec();
        assert_eq!(take_head(&mut input).unwrap().unwrap().target, "/a");
        assert_eq!(take_head(&mut input).unwrap().unwrap().target, "/b");
        assert!(take_head(&mut input).is_none());
        assert_eq!(input, b"GET /c");

        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.resize(MAX_HEAD - 1, b'a');
        assert!(
            take_head(&mut big).is_none(),
            "below the cap: wait for more"
        );
        big.push(b'a');
        assert_eq!(take_head(&mut big), Some(Err(HeadError::TooLarge)));
        // A complete head that ends past the cap is refused too.
        let mut big = b"GET / HTTP/1.1\r\nX: ".to_vec();
        big.resize(MAX_HEAD + 10, b'a');
        big.extend_from_slice(b"\r\n\r\n");
        assert_eq!(take_head(&mut big), Some(Err(HeadError::TooLarge)));
    }
}
