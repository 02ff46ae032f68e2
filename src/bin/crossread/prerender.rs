//! Server-rendered marks: fills each `<crossread-reader>` of an HTML page
//! with the widget's first view of its cluster, in a declarative shadow
//! root (`<template shadowrootmode="open">`), so that a browser paints the
//! marks with the page, before the widget's script and wasm have loaded.
//! The widget then analyses the same cluster and puts its live view (with
//! details on hover, focus and tap) in place of this one.
//!
//! Used by `crossread serve` for every HTML page it sends, and by
//! `crossread prerender PAGE.html` for pages a CMS publishes as files.
//! Sources are read from disk under a root directory, as the widget would
//! fetch them from the same site: a `src` cluster JSON (with its articles'
//! `file`s) or the element's inline `<script type="application/json">`.
//! An element that cannot be rendered is left as it was, with a warning:
//! the widget in the browser then does the work (and shows any error).

use crossread::render::{widget_html, WidgetStyle};
use crossread::{Article, Cluster};
use std::path::{Component, Path, PathBuf};

/// The widget's stylesheet, for pages that load no `crossread.js` to find it beside.
const WIDGET_CSS: &str = include_str!("../../../www/crossread.css");

/// Where the page lives and what its URLs mean.
pub struct Site<'a> {
    /// The directory that the URL path `/` names.
    pub root: &'a Path,
    /// The page's own URL path (`/www/index.html`): relative `src`s resolve against it.
    pub page: &'a str,
    /// The widget stylesheet's URL, if given; else it is found beside the page's `crossread.js`.
    pub css: Option<&'a str>,
}

/// The page with its widgets rendered, and a warning for each widget left as it was.
pub fn page(html: &str, site: &Site) -> (String, Vec<String>) {
    let mut out = String::with_capacity(html.len() * 2);
    let mut warnings = Vec::new();
    let mut copied = 0; // how much of `html` is in `out`
    for (at, tag) in start_tags(html).filter(|(_, tag)| starts_with_tag(tag, "crossread-reader")) {
        let content = &html[at + tag.len()..];
        let body = &content[..find_ascii_ci(content, "</crossread-reader").unwrap_or(content.len())];
        out.push_str(&html[copied..at + tag.len()]);
        copied = at + tag.len();
        match widget(tag, body, html, site) {
            Ok(Some(shadow)) => {
                out.push_str("<template shadowrootmode=\"open\">");
                out.push_str(&shadow);
                out.push_str("</template>");
            }
            Ok(None) => {}
            Err(why) => warnings.push(format!("{}: <crossread-reader> left to the browser: {why}", site.page)),
        }
    }
    out.push_str(&html[copied..]);
    (out, warnings)
}

/// The start tags of `html`'s markup, each with its offset. What is inside
/// a comment or a raw-text element (a script, a style…) is text, not tags:
/// a widget's name there must stay as it is.
fn start_tags(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let lt = at + html.get(at..)?.find('<')?;
        let here = &html[lt..];
        if here.starts_with("<!--") {
            at = here.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        if !here.as_bytes().get(1).is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let tag = &here[..start_tag_len(here)?];
        at = lt + tag.len();
        if let Some(name) = RAW_TEXT.iter().find(|name| starts_with_tag(tag, name)) {
            at = find_ascii_ci(&html[at..], &format!("</{name}")).map_or(html.len(), |e| at + e);
        }
        return Some((lt, tag));
    })
}

/// Elements whose content is text, not markup (and `template`, whose content is inert).
const RAW_TEXT: [&str; 7] = ["script", "style", "textarea", "title", "noscript", "template", "xmp"];

/// Whether `html` starts with the start tag of element `name` (ASCII case ignored).
fn starts_with_tag(html: &str, name: &str) -> bool {
    html.len() > name.len() + 1
        && html.as_bytes()[1..=name.len()].eq_ignore_ascii_case(name.as_bytes())
        && matches!(html.as_bytes()[name.len() + 1], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/')
}

/// The shadow root's HTML for one element, or `None` for one that is not
/// rendered here by design (already rendered, or marking the host page's
/// own article in place, which only the browser can do).
fn widget(tag: &str, body: &str, page_html: &str, site: &Site) -> Result<Option<String>, String> {
    if find_ascii_ci(body, "shadowrootmode").is_some() || attribute(tag, "for").is_some() || find_ascii_ci(body, "data-crossread-article").is_some() {
        return Ok(None);
    }
    let articles = match inline_sources(body) {
        Some(json) => parse_cluster(json, "the inline sources", None, site)?,
        None => match attribute(tag, "src") {
            Some(src) => {
                let url = join_url(site.page, &src).ok_or_else(|| format!("src=\"{src}\" is not a path on this site"))?;
                let file = under_root(site.root, &url).ok_or_else(|| format!("src=\"{src}\": no file {url} under {}", site.root.display()))?;
                let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
                parse_cluster(&text, &url, Some(&url), site)?
            }
            None => return Ok(None), // sources given later by script (the `cluster` property)
        },
    };
    if articles.is_empty() {
        return Ok(None);
    }
    let report = crossread::analyze(&articles).map_err(|e| e.to_string())?;
    let css = site.css.map(str::to_string).or_else(|| css_beside_script(page_html, site.page));
    let style = match &css {
        Some(url) => WidgetStyle::Link(url),
        None => WidgetStyle::Inline(WIDGET_CSS),
    };
    Ok(Some(widget_html(&report, &articles, style)))
}

/// A cluster JSON's articles, each `file` read relative to `base` (the cluster's URL path).
fn parse_cluster(json: &str, name: &str, base: Option<&str>, site: &Site) -> Result<Vec<Article>, String> {
    let cluster: Cluster = serde_json::from_str(json).map_err(|e| format!("{name} is not a cluster JSON: {e}"))?;
    let mut articles = cluster.articles;
    for a in &mut articles {
        if let Some(file) = a.file.take() {
            let url = join_url(base.unwrap_or(site.page), &file).ok_or_else(|| format!("article file {file} is not a path on this site"))?;
            let path = under_root(site.root, &url).ok_or_else(|| format!("article file {url} is not under {}", site.root.display()))?;
            a.text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(articles)
}

/// The JSON inside the element's `<script type="application/json">`, if it has one.
fn inline_sources(body: &str) -> Option<&str> {
    let at = find_ascii_ci(body, "<script")?;
    let len = start_tag_len(&body[at..])?;
    if !attribute(&body[at..at + len], "type").is_some_and(|t| t.eq_ignore_ascii_case("application/json")) {
        return None;
    }
    let json = &body[at + len..];
    Some(&json[..find_ascii_ci(json, "</script").unwrap_or(json.len())])
}

/// `crossread.css` beside the page's `crossread.js` module script, as the widget loads it.
fn css_beside_script(html: &str, page: &str) -> Option<String> {
    start_tags(html).filter(|(_, tag)| starts_with_tag(tag, "script")).find_map(|(_, tag)| {
        let src = attribute(tag, "src")?;
        let script = src.split(['?', '#']).next().unwrap_or_default();
        let dir = script.strip_suffix("crossread.js").filter(|d| d.is_empty() || d.ends_with('/'))?;
        join_url(page, &format!("{dir}crossread.css"))
    })
}

/// The length of the start tag at the beginning of `html`, through its `>`, minding quoted values.
fn start_tag_len(html: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate() {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// An attribute's value in a start tag (entities `&amp;`, `&quot;`, `&#39;`, `&lt;`, `&gt;` decoded).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let bytes = tag.as_bytes();
    let mut i = tag.find(|c: char| c.is_ascii_whitespace())?;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        if i == start {
            return None;
        }
        let key = &tag[start..i];
        let mut value = String::new();
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            let (from, to) = match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[i + 1..].find(q as char).map_or(tag.len(), |e| i + 1 + e);
                    (i + 1, end)
                }
                _ => (i, tag[i..].find(|c: char| c.is_ascii_whitespace() || c == '>').map_or(tag.len(), |e| i + e)),
            };
            value = tag[from..to].replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            i = to + 1;
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
    }
    None
}

/// `url` resolved against the URL path `base`, as a root-relative path
/// without `.` and `..`; `None` for another site's URL or a path that climbs out.
fn join_url(base: &str, url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next().unwrap_or_default();
    let scheme = url.find(':').is_some_and(|colon| url.find('/').is_none_or(|slash| colon < slash));
    if scheme || url.starts_with("//") {
        return None;
    }
    let joined = if url.starts_with('/') { url.to_string() } else { format!("{}{url}", &base[..base.rfind('/').map_or(0, |i| i + 1)]) };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

/// The file under `root` for a root-relative URL path (percent-decoded), refusing anything that climbs out.
pub fn under_root(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut file = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Where `needle` (ASCII, lowercase) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().checked_sub(n.len())? + 1).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `crossread prerender PAGE.html [--root DIR] [--css URL]`: prints the page with its widgets rendered.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut page_file = None;
    let mut root = None;
    let mut css = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or_else(|| format!("{name} needs a value"));
        match a.as_str() {
            "--root" => root = Some(PathBuf::from(value("--root")?)),
            "--css" => css = Some(value("--css")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s} for prerender (see crossread --help)")),
            s if page_file.is_none() => page_file = Some(PathBuf::from(s)),
            s => return Err(format!("prerender takes one page, not also {s}")),
        }
    }
    let page_file = page_file.ok_or("give the HTML page to prerender (see crossread --help)")?;
    let page_file = page_file.canonicalize().map_err(|e| format!("{}: {e}", page_file.display()))?;
    let root = match root {
        Some(r) => r.canonicalize().map_err(|e| format!("{}: {e}", r.display()))?,
        None => page_file.parent().map(Path::to_path_buf).unwrap_or_default(),
    };
    let relative = page_file.strip_prefix(&root).map_err(|_| format!("{} is not under the root {}", page_file.display(), root.display()))?;
    let url = format!("/{}", relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
    let html = std::fs::read_to_string(&page_file).map_err(|e| format!("{}: {e}", page_file.display()))?;
    let (out, warnings) = page(&html, &Site { root: &root, page: &url, css: css.as_deref() });
    for w in warnings {
        eprintln!("crossread: {w}");
    }
    print!("{out}");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_resolve_like_a_browser_and_stay_on_the_site() {
        assert_eq!(join_url("/www/index.html", "corpus/c.json").as_deref(), Some("/www/corpus/c.json"));
        assert_eq!(join_url("/www/", "./a/../b.json").as_deref(), Some("/www/b.json"));
        assert_eq!(join_url("/www/x.html", "/clusters/c.json?v=2").as_deref(), Some("/clusters/c.json"));
        assert_eq!(join_url("/www/x.html", "../../../etc/passwd"), None);
        assert_eq!(join_url("/www/x.html", "https://example.com/c.json"), None);
        assert_eq!(join_url("/www/x.html", "//example.com/c.json"), None);
        assert_eq!(join_url("/www/x.html", "data:application/json,{}"), None);
    }

    #[test]
    fn the_stylesheet_is_found_beside_the_pages_own_crossread_js_only() {
        let page = "/news/a.html";
        assert_eq!(css_beside_script(r#"<script type=module src="../lib/crossread.js?v=2"></script>"#, page).as_deref(), Some("/lib/crossread.css"));
        assert_eq!(css_beside_script(r#"<SCRIPT SRC='crossread.js'></SCRIPT>"#, page).as_deref(), Some("/news/crossread.css"));
        // named in a script's text or a comment, or another file's name: not the page's own
        assert_eq!(css_beside_script("<script>// <script src=\"/www/crossread.js\"></script>\n</script>", page), None);
        assert_eq!(css_beside_script(r#"<!-- <script src="/www/crossread.js"></script> -->"#, page), None);
        assert_eq!(css_beside_script(r#"<script src="/x/my-crossread.js"></script>"#, page), None);
    }

    #[test]
    fn attributes_are_read_with_quotes_case_and_entities() {
        let tag = r##"<crossread-reader id=r SRC='a b.json' data-x="1 > 2" for="#s&amp;t">"##;
        assert_eq!(start_tag_len(tag), Some(tag.len()));
        assert_eq!(attribute(tag, "src").as_deref(), Some("a b.json"));
        assert_eq!(attribute(tag, "id").as_deref(), Some("r"));
        assert_eq!(attribute(tag, "for").as_deref(), Some("#s&t"));
        assert_eq!(attribute(tag, "data-x").as_deref(), Some("1 > 2"));
        assert_eq!(attribute(tag, "hidden"), None);
    }
}
