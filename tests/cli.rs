//! The command line: reports on the corpus, and one-line errors naming the
//! file for every kind of bad input.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::PathBuf;
use std::process::{Command, Output};

fn crossread(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossread")).args(args).output().expect("the binary runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossread-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn fails_with(args: &[&str], needles: &[&str]) {
    let out = crossread(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "not one line: {err}");
    for n in needles {
        assert!(err.contains(n), "{args:?}: {err:?} lacks {n:?}");
    }
}

#[test]
fn json_report_on_the_corpus_directory() {
    let dir = support::corpus_dir();
    let out = crossread(&["analyze", "--json", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = report["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["000_ab610103825d78f6", "001_d100ab99cad84b3b", "002_9bc17c87cdb306d3", "003_797e2071f4ed8727", "004_9b5600509f698df4"]);
    let conflicts: Vec<&str> = report["groups"].as_array().unwrap().iter()
        .filter(|g| g["verdict"] == "conflict").map(|g| g["explanation"].as_str().unwrap()).collect();
    assert!(conflicts.iter().any(|e| e.starts_with("382 in 000_ab610103825d78f6, 001_d100ab99cad84b3b · 400 in 002_9bc17c87cdb306d3")), "{conflicts:?}");
    let first = &report["articles"][0]["mentions"][0];
    for key in ["id", "kind", "text", "start", "end", "start16", "end16", "value", "unit", "hedge", "relative", "speaker"] {
        assert!(first.get(key).is_some(), "mention lacks {key}");
    }
}

#[test]
fn readable_list_of_disagreements() {
    let dir = support::corpus_dir();
    let out = crossread(&["analyze", dir.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("5 articles · 67 numbers, dates and quotes · "), "{text}");
    assert!(text.contains("CONFLICT") && text.contains("January next year (= 2025-01, counted from 2024-09-25, inferred)"), "{text}");
    assert!(text.contains("VARIANT"), "{text}");
}

#[test]
fn json_cluster_with_published_dates_and_sources() {
    let dir = scratch("json");
    let file = dir.join("cluster.json");
    std::fs::write(&file, r#"{"articles":[
        {"id":"a","source":"Daily One","published":"2024-09-26","text":"Kenya has already deployed 382 officers. The rest will arrive next year."},
        {"id":"b","source":"Two Times","text":"Kenya has already deployed 400 officers."}]}"#).unwrap();
    let out = crossread(&["analyze", "--json", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][0]["reference_date_source"], "published");
    assert_eq!(report["articles"][1]["reference_date_source"], "inferred");
    let next_year = report["articles"][0]["mentions"].as_array().unwrap().iter().find(|m| m["text"] == "next year").unwrap();
    assert_eq!(next_year["value"], "2025");
    assert_eq!(next_year["relative"], true);
    assert_eq!(report["groups"][0]["explanation"], "382 in Daily One · 400 in Two Times");
}

#[test]
fn bad_input_gives_one_line_naming_the_file() {
    let dir = scratch("bad");
    let missing = dir.join("missing.txt");
    fails_with(&["analyze", missing.to_str().unwrap()], &["missing.txt", "no such file"]);

    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 au lait, 382 officers").unwrap();
    fails_with(&["analyze", latin1.to_str().unwrap()], &["latin1.txt", "UTF-8"]);

    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    fails_with(&["analyze", empty.to_str().unwrap()], &["empty.txt", "empty"]);

    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"articles\": [").unwrap();
    fails_with(&["analyze", broken.to_str().unwrap()], &["broken.json", "JSON"]);

    let ok = dir.join("same.txt");
    std::fs::write(&ok, "Kenya sent 382 officers.").unwrap();
    fails_with(&["analyze", ok.to_str().unwrap(), ok.to_str().unwrap()], &["same.txt", "\"same\"", "unique"]);

    let bad_date = dir.join("date.json");
    std::fs::write(&bad_date, r#"{"articles":[{"id":"a","text":"x 1","published":"last Tuesday"}]}"#).unwrap();
    fails_with(&["analyze", bad_date.to_str().unwrap()], &["\"a\"", "YYYY-MM-DD"]);

    fails_with(&["analyze"], &["PATH"]);
    fails_with(&["analyze", "--frobnicate", ok.to_str().unwrap()], &["--frobnicate"]);
}

#[test]
fn html_output_escapes_text_and_keeps_only_allowed_structure() {
    let dir = scratch("html");
    let file = dir.join("c.json");
    std::fs::write(&file, r#"{"articles":[
        {"id":"a","source":"<b>Daily</b> \"One\"","text":"Kenya has already deployed 382 officers <img src=x onerror=alert(x)> & more."},
        {"id":"b","text":"<p onclick=\"alert(2)\">Kenya has already deployed <b>400</b> officers.</p><script>alert(3)</script><a href=\"javascript:alert(4)\">x</a>"}]}"#).unwrap();
    let out = crossread(&["analyze", "--html", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("&lt;img src=x onerror=alert(x)&gt; &amp; more."), "{html}");
    assert!(html.contains("&lt;b&gt;Daily&lt;/b&gt; &quot;One&quot;"), "{html}");
    assert!(!html.contains("<script") && !html.contains("onclick") && !html.contains("javascript:") && !html.contains("<img"), "{html}");
    assert!(html.contains("<p>Kenya has already deployed <b><mark class=\"number conflict\""), "{html}");
    assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    fails_with(&["analyze", "--json", "--html", file.to_str().unwrap()], &["--json or --html"]);
}

/// A `crossread serve` on a free port, killed when dropped.
struct Server {
    child: std::process::Child,
    address: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        use std::io::{BufRead, BufReader};
        let root = env!("CARGO_MANIFEST_DIR");
        let mut child = Command::new(env!("CARGO_BIN_EXE_crossread"))
            .args(["serve", "--port", "0", "--root", root])
            .args(extra)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let address = line.split("http://").nth(1).and_then(|rest| rest.split('/').next()).expect("an address").to_string();
        Server { child, address }
    }

    /// The whole response to a GET of `path` with extra `headers` (each ending in CRLF).
    fn get(&self, path: &str, headers: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let mut stream = std::net::TcpStream::connect(&self.address).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\n{headers}\r\n", self.address).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        response
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

/// `crossread serve`: files under its root with a validator, so that a
/// browser revalidates with one round trip and no body ("304 Not
/// Modified") and keeps what it derived from the file (Chromium's compiled
/// code of the wasm module); nothing outside the root;
/// HTML pages with their widgets prerendered unless `--no-prerender`.
#[test]
fn serve_revalidates_with_etags_and_stays_in_its_root() {
    let server = Server::start(&[]);
    let get = |path: &str, headers: &str| String::from_utf8_lossy(&server.get(path, headers)).into_owned();
    let first = get("/www/index.html", "");
    let tag = first.lines().find_map(|l| l.strip_prefix("ETag: ")).expect("an ETag").to_string();
    assert!(first.starts_with("HTTP/1.1 200 OK") && first.contains("<crossread-reader"), "{first}");
    let again = get("/www/index.html", &format!("If-None-Match: {tag}\r\n"));
    assert!(again.starts_with("HTTP/1.1 304 Not Modified"), "{again}");
    assert!(again.ends_with("\r\n\r\n"), "a 304 has no body: {again}");
    let stale = get("/www/index.html", "If-None-Match: \"0-0\"\r\n");
    assert!(stale.starts_with("HTTP/1.1 200 OK"), "{stale}");
    assert!(get("/../Cargo.toml", "").starts_with("HTTP/1.1 404"));
    // The demo page is sent with its widget rendered; its stylesheet beside crossread.js.
    assert!(first.contains("<crossread-reader id=\"reader\" src=\"corpus/kenya-haiti/cluster.json\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/www/crossread.css\">"), "{first}");
    assert!(first.contains("data-mention=\"m1\""));
    // --css inline: the widget's stylesheet in a <style>, the same CSS the
    // link names, so the marks need nothing fetched to paint; the rest as before.
    let inline = String::from_utf8_lossy(&Server::start(&["--css", "inline"]).get("/www/", "")).into_owned();
    let css = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/crossread.css")).unwrap();
    let styled = format!("<crossread-reader id=\"reader\" src=\"corpus/kenya-haiti/cluster.json\"><template shadowrootmode=\"open\"><style>{css}</style><div class=\"cr-root\"");
    assert!(inline.contains(&styled), "{inline}");
    assert!(!inline.contains("<link rel=\"stylesheet\" href=\"/www/crossread.css\">"));
    let body = |r: &str| r[r.find("\r\n\r\n").unwrap()..].to_string();
    let link = "<link rel=\"stylesheet\" href=\"/www/crossread.css\">";
    assert_eq!(body(&inline).replace(&format!("<style>{css}</style>"), link), body(&first));
    // --no-prerender: the page as it is on disk.
    let on_disk = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/index.html")).unwrap();
    assert!(Server::start(&["--no-prerender"]).get("/www/", "").ends_with(&on_disk));
}

/// `crossread serve` keeps a page it rendered while the page and every
/// source its widgets read are unchanged, and renders it again when one
/// changes, or when a source it looked for appears.
#[test]
fn serve_renders_a_page_again_when_its_sources_change() {
    let dir = scratch("serve-sources");
    std::fs::create_dir_all(dir.join("www/c")).unwrap();
    let page = "<!doctype html><crossread-reader src=\"c/cluster.json\"></crossread-reader><crossread-reader src=\"c/later.json\"></crossread-reader>";
    std::fs::write(dir.join("www/index.html"), page).unwrap();
    std::fs::write(dir.join("www/c/cluster.json"), r#"{"articles":[{"id":"a","file":"a.txt"},{"id":"b","file":"b.txt"}]}"#).unwrap();
    std::fs::write(dir.join("www/c/a.txt"), "Kenya has deployed 382 officers to Haiti.").unwrap();
    std::fs::write(dir.join("www/c/b.txt"), "Kenya has deployed 400 officers to Haiti.").unwrap();
    let server = Server::start(&["--root", dir.to_str().unwrap()]);
    let get = || String::from_utf8(server.get("/www/", "")).unwrap();
    let tag = |r: &str| r.lines().find_map(|l| l.strip_prefix("ETag: ")).expect("an ETag").to_string();
    let first = get();
    assert!(first.contains("400 in b"), "{first}");
    assert_eq!(first.matches("<template shadowrootmode").count(), 1, "later.json is not there yet");
    let again = get();
    assert_eq!(again, first);
    // Linux stamps a file's change at the kernel's tick: let one pass.
    std::thread::sleep(std::time::Duration::from_millis(50));
    std::fs::write(dir.join("www/c/b.txt"), "Kenya has deployed 500 officers to Haiti.").unwrap();
    let changed = get();
    assert!(changed.contains("500 in b") && !changed.contains("400 in b"), "{changed}");
    assert_ne!(tag(&changed), tag(&first));
    std::fs::write(dir.join("www/c/later.json"), r#"{"articles":[{"id":"x","text":"Kenya has deployed 382 officers."},{"id":"y","text":"Kenya has deployed 390 officers."}]}"#).unwrap();
    let appeared = get();
    assert_eq!(appeared.matches("<template shadowrootmode").count(), 2, "{appeared}");
    assert!(appeared.contains("390 in y"), "{appeared}");
}

/// `crossread prerender`: each widget of a page gets its first view in a
/// declarative shadow root, read from sources under the root; a widget it
/// cannot or should not render is left as it was, with a warning for the
/// former, and the rest of the page is kept byte for byte.
#[test]
fn prerender_fills_each_widget_from_its_sources_and_leaves_the_rest() {
    let dir = scratch("prerender");
    std::fs::create_dir_all(dir.join("site/news/clusters")).unwrap();
    std::fs::create_dir_all(dir.join("site/lib")).unwrap();
    for (i, a) in support::corpus().iter().take(2).enumerate() {
        std::fs::write(dir.join(format!("site/news/clusters/{i}.txt")), &a.text).unwrap();
    }
    std::fs::write(dir.join("site/news/clusters/haiti.json"), r#"{"articles":[{"id":"a","source":"The Star","file":"0.txt"},{"id":"b","file":"1.txt"}]}"#).unwrap();
    std::fs::write(dir.join("secret.json"), r#"{"articles":[{"id":"s","text":"Kenya sent 382 officers."}]}"#).unwrap();
    let page = r##"<!doctype html><html><head><script type="module" src="/lib/crossread.js?v=3"></script></head><body>
<crossread-reader src="clusters/haiti.json"></crossread-reader>
<CROSSREAD-READER class=x><script type="application/json">{"articles":[{"id":"x","text":"Kenya sent 382 officers."},{"id":"y","text":"Kenya sent 400 officers."}]}</script></CROSSREAD-READER>
<crossread-reader for="#story"></crossread-reader>
<crossread-reader src="../../secret.json"></crossread-reader>
<crossread-reader src="missing.json"></crossread-reader>
<crossread-reader-list></crossread-reader-list>
<!-- <crossread-reader src="clusters/haiti.json"></crossread-reader> -->
<script>const html = '<crossread-reader src="clusters/haiti.json"></crossread-reader>';</script>
<textarea><crossread-reader src="clusters/haiti.json"></crossread-reader></textarea>
</body></html>"##;
    std::fs::write(dir.join("site/news/page.html"), page).unwrap();
    let site = dir.join("site");
    let out = crossread(&["prerender", dir.join("site/news/page.html").to_str().unwrap(), "--root", site.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    // Two widgets rendered, their stylesheet beside the page's crossread.js.
    assert_eq!(html.matches("<template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/lib/crossread.css\">").count(), 2, "{html}");
    assert!(html.contains("<crossread-reader src=\"clusters/haiti.json\"><template shadowrootmode=\"open\">"));
    assert!(html.contains("aria-pressed=\"true\">The Star</button>"), "the cluster's source names the tab");
    assert!(html.contains("Kenya will send more police officers to Haiti"), "the first article's file was read");
    assert!(html.contains("<CROSSREAD-READER class=x><template shadowrootmode=\"open\">"));
    assert!(html.contains("⚠ Conflict"), "382 against 400 in the inline sources");
    // Left as they were: in place for an element not on the page, outside the
    // root, missing; another element's name; the name in a comment, a
    // script's string, a textarea.
    assert!(html.contains("<crossread-reader for=\"#story\"></crossread-reader>"));
    assert!(html.contains("<crossread-reader src=\"../../secret.json\"></crossread-reader>"));
    assert!(html.contains("<crossread-reader src=\"missing.json\"></crossread-reader>"));
    assert!(html.contains("<crossread-reader-list></crossread-reader-list>"));
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    assert!(stderr.contains("../../secret.json") && stderr.contains("/news/missing.json"), "{stderr}");
    assert!(stderr.contains("for=\"#story\" matches no element on this page"), "{stderr}");
    // Everything outside the templates is the page as it was.
    let mut without = html.clone();
    while let Some(at) = without.find("<template shadowrootmode") {
        let end = without[at..].find("</template>").unwrap() + at + "</template>".len();
        without.replace_range(at..end, "");
    }
    assert_eq!(without, page);
    // Rendering twice changes nothing more.
    std::fs::write(dir.join("site/news/again.html"), &html).unwrap();
    let again = crossread(&["prerender", dir.join("site/news/again.html").to_str().unwrap(), "--root", site.to_str().unwrap(), "--css", "/x.css"]);
    assert_eq!(String::from_utf8(again.stdout).unwrap(), html);
    // --css inline: the stylesheet in each view, nothing linked.
    let inline = crossread(&["prerender", dir.join("site/news/page.html").to_str().unwrap(), "--root", site.to_str().unwrap(), "--css", "inline"]);
    let inline = String::from_utf8(inline.stdout).unwrap();
    assert_eq!(inline.matches("<template shadowrootmode=\"open\"><style>").count(), html.matches("<template shadowrootmode=\"open\">").count());
    assert!(!inline.contains("crossread.css\">"), "{inline}");
    fails_with(&["prerender"], &["HTML page"]);
    fails_with(&["prerender", dir.join("site/news/page.html").to_str().unwrap(), "--root", dir.join("site/lib").to_str().unwrap()], &["not under the root"]);
}

/// `crossread prerender` of a widget that marks the page's own article in
/// place: the marks go into the article's own markup, around the text the
/// browser reads (entities decoded, CRLF as LF, scripts and
/// `data-crossread-ignore` left out); their details into a hidden element
/// after it; the marks' stylesheet before it; the page is otherwise unchanged.
#[test]
fn prerender_marks_the_pages_own_article_in_its_markup() {
    let dir = scratch("prerender-in-place");
    std::fs::create_dir_all(dir.join("clusters")).unwrap();
    std::fs::write(
        dir.join("clusters/other.json"),
        r#"{"articles":[{"id":"wire","source":"Wire","text":"Kenya has already deployed 400 officers to Haiti on Tuesday. “We are ready to serve the people of Haiti,” Ruto said."}]}"#,
    )
    .unwrap();
    let page = "<!doctype html><html><head><script type=\"module\" src=\"/lib/crossread.js\"></script></head><body>\r\n\
<article id=\"story\"><h1>Kenya &amp; Haiti</h1>\r\n<p>Ruto said Kenya has already deployed <b>382</b> officers&nbsp;to Haiti on Tuesday.</p>\
<script>var n = \"400 officers\";</script><p data-crossread-ignore>400 officers ignored</p>\
<p>&ldquo;We are ready to serve,<br> the people of Haiti,&rdquo; Ruto said.</p></article>\r\n\
<crossread-reader for=\"#story\" article-source=\"Daily Nation\" article-published=\"2024-09-26\" src=\"clusters/other.json\"></crossread-reader>\n\
<crossread-reader for=\"main > article\" src=\"clusters/other.json\"></crossread-reader>\n\
<crossread-reader src=\"clusters/other.json\"><div data-crossread-article><p>Kenya has already deployed 390 officers.</p></div></crossread-reader>\n\
</body></html>";
    std::fs::write(dir.join("page.html"), page).unwrap();
    let out = crossread(&["prerender", dir.join("page.html").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let html = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.trim(), "crossread: /page.html: <crossread-reader> left to the browser: for=\"main > article\": only an #id selector is prerendered");
    // The number the other outlet contradicts, marked inside the page's own <b>.
    let at = html.find(">382</mark></b>").expect("382 marked") + 1;
    let open = html[..at].rfind("<mark ").unwrap();
    let mark_tag = &html[open..at];
    assert!(html[..open].ends_with("<b>"), "{html}");
    assert!(mark_tag.contains("data-verdict=\"conflict\"") && mark_tag.contains(" id=\"crs1-m") && mark_tag.contains("tabindex=\"0\" data-footnote=\"1\""), "{mark_tag}");
    // The quote runs over the <br>: two pieces of one mention, the first focusable.
    let second = html.find("serve,</mark><br><mark class=\"cr-mark cr-quote\"").expect("the quote in two pieces");
    let id = html[second..].split("data-mention=\"").nth(1).unwrap().split('"').next().unwrap();
    let pieces: Vec<&str> = html.match_indices(&format!("data-mention=\"{id}\"")).map(|(i, _)| &html[i..i + html[i..].find('>').unwrap()]).collect();
    assert_eq!(pieces.len(), 2, "{html}");
    assert!(pieces[0].contains("tabindex") && !pieces[1].contains("tabindex"), "{pieces:?}");
    // Scripts and ignored elements are not the article's text.
    assert!(html.contains("<script>var n = \"400 officers\";</script><p data-crossread-ignore>400 officers ignored</p>"));
    // The marks' stylesheet before the article, their details after it, the widget's own view in it.
    assert!(html.contains("\r\n<link rel=\"stylesheet\" href=\"/lib/crossread-marks.css\" data-crossread-marks=\"\"><article id=\"story\">"));
    assert!(html.contains("</article><div hidden=\"\" data-crossread-ignore=\"\" data-crossread-server-tips=\"\"><div id=\"crs1-tip-m"));
    assert!(html.contains("src=\"clusters/other.json\"><template shadowrootmode=\"open\"><link rel=\"stylesheet\" href=\"/lib/crossread.css\">"));
    // An article inside the widget: marked there, ids of the third widget.
    assert!(html.contains("<div data-crossread-article><p>Kenya has already deployed <mark class=\"cr-mark cr-number\""), "{html}");
    assert!(html.contains(" id=\"crs3-m"));
    // Without what was put in, the page as it was, byte for byte.
    let mut bare = html.clone();
    for (open, close) in [("<template shadowrootmode", "</template>"), ("<link rel=\"stylesheet\" href=\"/lib/crossread-marks.css\"", ">"), ("<div hidden=\"\" data-crossread-ignore=\"\" data-crossread-server-tips", "</div></div>"), ("<mark ", ">"), ("</mark", ">")] {
        while let Some(at) = bare.find(open) {
            let end = at + bare[at..].find(close).unwrap() + close.len();
            bare.replace_range(at..end, "");
        }
    }
    assert_eq!(bare, page);
}
