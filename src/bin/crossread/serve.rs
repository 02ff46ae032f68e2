//! A small static file server for the reader page, so that running it needs
//! nothing but this binary. Loopback by default; GET and HEAD only; never
//! serves outside its root.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use crate::prerender::{self, under_root, Css, Site};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// Prerendered pages, each kept while its file and every source file its
/// widgets read are as they were: rendering the demo's takes a few
/// milliseconds, on every page load's critical path.
#[derive(Clone, Default)]
struct Rendered(Arc<Mutex<HashMap<PathBuf, Page>>>);

struct Page {
    /// The page's file and its sources, with their size and time of change when rendered.
    files: Vec<(PathBuf, Option<(u64, SystemTime)>)>,
    body: Arc<[u8]>,
    tag: String,
}

/// A file's size and time of change; `None` for a missing file.
fn stamp(path: &Path) -> Option<(u64, SystemTime)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), m.modified().ok()?))
}

impl Rendered {
    /// `file`'s page as sent, rendered by `render` unless kept from before.
    fn get(&self, file: &Path, render: impl FnOnce() -> Option<(Vec<u8>, Vec<PathBuf>)>) -> Option<(Arc<[u8]>, String)> {
        let kept = self.0.lock().ok().and_then(|pages| {
            let page = pages.get(file)?;
            page.files.iter().all(|(f, s)| stamp(f) == *s).then(|| (page.body.clone(), page.tag.clone()))
        });
        if kept.is_some() {
            return kept;
        }
        // Stamped before reading: a change while rendering renders again next time.
        let before = stamp(file);
        let (body, sources) = render()?;
        let mut files = vec![(file.to_path_buf(), before)];
        files.extend(sources.into_iter().map(|f| {
            let s = stamp(&f);
            (f, s)
        }));
        let body: Arc<[u8]> = body.into();
        let tag = format!("\"r{:x}\"", fnv1a(&body));
        if let Ok(mut pages) = self.0.lock() {
            pages.insert(file.to_path_buf(), Page { files, body: body.clone(), tag: tag.clone() });
        }
        Some((body, tag))
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let mut port: u16 = 8000;
    let mut host = "127.0.0.1".to_string();
    let mut root = PathBuf::from(".");
    let mut headers: Vec<String> = Vec::new();
    let mut render = true;
    let mut css: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--port" => port = value("--port")?.parse().map_err(|_| "--port takes a number from 0 to 65535".to_string())?,
            "--host" => host = value("--host")?,
            "--root" => root = PathBuf::from(value("--root")?),
            // Extra response header, e.g. a Content-Security-Policy to test a strict host.
            "--header" => {
                let h = value("--header")?;
                if !h.contains(':') || h.contains(['\r', '\n']) {
                    return Err(format!("--header takes \"Name: value\" on one line, not {h:?}"));
                }
                headers.push(h);
            }
            // Pages as they are, the widgets left wholly to the browser.
            "--no-prerender" => render = false,
            // The prerendered widgets' stylesheet: a URL, or `inline` (see `Css`).
            "--css" => css = Some(value("--css")?),
            other => return Err(format!("unknown option {other} for serve")),
        }
    }
    let root = root.canonicalize().map_err(|e| format!("{}: {e}", root.display()))?;
    if !root.join("www/index.html").is_file() {
        return Err(format!("{}: no www/index.html here; run from the crossread checkout or pass --root", root.display()));
    }
    let listener = TcpListener::bind((host.as_str(), port)).map_err(|e| format!("cannot listen on {host}:{port}: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("crossread reader: http://{address}/www/");
    std::io::stdout().flush().ok();
    let headers: Arc<str> = headers.iter().map(|h| format!("{h}\r\n")).collect::<String>().into();
    let css: Option<Arc<str>> = css.map(Into::into);
    let rendered = Rendered::default();
    for stream in listener.incoming().flatten() {
        let root = root.clone();
        let headers = headers.clone();
        let css = css.clone();
        let rendered = rendered.clone();
        std::thread::spawn(move || {
            let css = css.as_deref().map_or(Css::Beside, Css::from_arg);
            let _ = respond(stream, &root, &headers, render.then_some((css, &rendered)));
        });
    }
    Ok(())
}

/// `render`: how to prerender HTML pages' widgets, and the pages kept
/// rendered, or `None` to send pages as they are.
fn respond(mut stream: TcpStream, root: &Path, extra: &str, render: Option<(Css, &Rendered)>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    let mut if_none_match = None;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':') {
            if name.trim().eq_ignore_ascii_case("if-none-match") {
                if_none_match = Some(value.trim().to_string());
            }
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return send(&mut stream, "405 Method Not Allowed", "text/plain", b"only GET and HEAD\n", method == "HEAD", extra);
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    if path == "/" {
        let head = "HTTP/1.1 302 Found\r\nLocation: /www/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        return stream.write_all(head.as_bytes());
    }
    let Some(file) = under_root(root, path) else {
        return send(&mut stream, "404 Not Found", "text/plain", b"not found\n", method == "HEAD", extra);
    };
    // A validator, so that a browser revalidates ("no-cache") with one round
    // trip and no body when nothing changed, and keeps what it derived from
    // the file: Chromium reuses its compiled code of the wasm module only
    // for a response it still holds. A rendered page also depends on its
    // widgets' sources: its validator is a hash of what is sent.
    let html = render.filter(|_| content_type(&file).starts_with("text/html"));
    let rendered = html.and_then(|(css, pages)| {
        pages.get(&file, || {
            let html = String::from_utf8(std::fs::read(&file).ok()?).ok()?;
            let site = Site::new(root, path, css);
            let (page, warnings) = prerender::page(&html, &site);
            for w in warnings {
                eprintln!("crossread serve: {w}");
            }
            Some((page.into_bytes(), site.read.into_inner()))
        })
    });
    let (body, tag): (Arc<[u8]>, Option<String>) = match rendered {
        Some((body, tag)) => (body, Some(tag)),
        None => {
            let Ok(body) = std::fs::read(&file) else {
                return send(&mut stream, "404 Not Found", "text/plain", b"not found\n", method == "HEAD", extra);
            };
            let tag = std::fs::metadata(&file).ok().map(|m| {
                let modified = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
                format!("\"{:x}-{modified:x}\"", m.len())
            });
            (body.into(), tag)
        }
    };
    if let (Some(tag), Some(asked)) = (&tag, &if_none_match) {
        if asked.split(',').any(|t| t.trim() == tag || t.trim() == "*") {
            let head = format!("HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nCache-Control: no-cache\r\n{extra}Connection: close\r\n\r\n");
            return stream.write_all(head.as_bytes());
        }
    }
    let validator = tag.map(|t| format!("ETag: {t}\r\n")).unwrap_or_default();
    send(&mut stream, "200 OK", content_type(&file), &body, method == "HEAD", &format!("{validator}{extra}"))
}

/// FNV-1a, 64 bits: a validator for a rendered page, not a defence against anyone.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|x| x.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "txt" | "md" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

fn send(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8], head_only: bool, extra: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    // Head and body in one write: two small writes wait on Nagle's algorithm
    // and the client's delayed ACK, about 40 ms a request on loopback.
    let mut response = Vec::with_capacity(head.len() + if head_only { 0 } else { body.len() });
    response.extend_from_slice(head.as_bytes());
    if !head_only {
        response.extend_from_slice(body);
    }
    stream.set_nodelay(true)?;
    stream.write_all(&response)?;
    stream.flush()
}
