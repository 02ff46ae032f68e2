//! Server-rendered marks: fills each `<crossread-reader>` of an HTML page
//! with the widget's first view of its cluster, in a declarative shadow
//! root (`<template shadowrootmode="open">`), so that a browser paints the
//! marks with the page, before the widget's script and wasm have loaded.
//! The widget then analyses the same cluster and puts its live view (with
//! details on hover, focus and tap) in place of this one. A widget that
//! marks the page's own article in place has its marks written into that
//! article's markup (see [`HostArticle`]).
//!
//! Used by `crossread serve` for every HTML page it sends, and by
//! `crossread prerender PAGE.html` for pages a CMS publishes as files.
//! Sources are read from disk under a root directory, as the widget would
//! fetch them from the same site: a `src` cluster JSON (with its articles'
//! `file`s) or the element's inline `<script type="application/json">`.
//! An element that cannot be rendered is left as it was, with a warning:
//! the widget in the browser then does the work (and shows any error).

use crossread::render::{escape, marks_in_place, widget_html, widget_html_in_place, WidgetStyle};
use crossread::{Article, Cluster};
use std::path::{Component, Path, PathBuf};

/// The widget's stylesheet, for pages that load no `crossread.js` to find it beside.
const WIDGET_CSS: &str = include_str!("../../../www/crossread.css");
/// The stylesheet of marks placed in a host page's article, likewise.
const MARKS_CSS: &str = include_str!("../../../www/crossread-marks.css");

/// Where the page lives and what its URLs mean.
pub struct Site<'a> {
    /// The directory that the URL path `/` names.
    pub root: &'a Path,
    /// The page's own URL path (`/www/index.html`): relative `src`s resolve against it.
    pub page: &'a str,
    /// Where the prerendered view's stylesheet comes from.
    pub css: Css<'a>,
    /// Every file the widgets' sources were read from (or looked for), so
    /// that a server can keep the rendered page until one of them changes.
    pub read: std::cell::RefCell<Vec<PathBuf>>,
}

impl<'a> Site<'a> {
    pub fn new(root: &'a Path, page: &'a str, css: Css<'a>) -> Site<'a> {
        Site { root, page, css, read: Default::default() }
    }

    /// The text of the source file at the URL path `url`, or `None` when
    /// there is no such file under the root. Noted in `read` either way: a
    /// file that appears later is a change too.
    fn read_source(&self, url: &str) -> Result<Option<String>, String> {
        let Some(path) = in_root(self.root, url) else { return Ok(None) };
        let file = under_root(self.root, url);
        let mut read = self.read.borrow_mut();
        read.push(path);
        let Some(file) = file else { return Ok(None) };
        read.push(file.clone());
        std::fs::read_to_string(&file).map(Some).map_err(|e| format!("{}: {e}", file.display()))
    }
}

/// The prerendered view's stylesheet (`--css`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Css<'a> {
    /// A `<link>` to `crossread.css` beside the page's own `crossread.js`,
    /// as the live widget loads it, or to the `crossread.css` the page
    /// preloads; inline when the page names neither.
    Beside,
    /// A `<link>` to this URL.
    Link(&'a str),
    /// The CSS in a `<style>`: nothing to fetch before the marks can paint
    /// (a linked sheet in the body holds back the parser until it loads), but
    /// a policy without `style-src 'unsafe-inline'` blocks it.
    Inline,
}

impl<'a> Css<'a> {
    /// `--css inline` or `--css URL`.
    pub fn from_arg(arg: &'a str) -> Css<'a> {
        if arg == "inline" { Css::Inline } else { Css::Link(arg) }
    }
}

/// The page with its widgets rendered, and a warning for each widget left as it was.
pub fn page(html: &str, site: &Site) -> (String, Vec<String>) {
    let mut edits: Vec<Edit> = Vec::new();
    let mut warnings = Vec::new();
    let widgets = start_tags(html).filter(|(_, tag)| starts_with_tag(tag, "crossread-reader"));
    for (n, (at, tag)) in widgets.enumerate() {
        let content = &html[at + tag.len()..];
        let body = &content[..find_ascii_ci(content, "</crossread-reader").unwrap_or(content.len())];
        match widget(tag, body, html, site, n + 1) {
            Ok(Some(mut more)) if more.iter().all(|e| edits.iter().all(|d| !d.overlaps(e))) => {
                more.insert(0, Edit::insert(at + tag.len(), "<template shadowrootmode=\"open\">".into()));
                edits.append(&mut more);
            }
            Ok(Some(_)) => warnings.push(format!("{}: <crossread-reader> left to the browser: its article is marked by another widget", site.page)),
            Ok(None) => {}
            Err(why) => warnings.push(format!("{}: <crossread-reader> left to the browser: {why}", site.page)),
        }
    }
    // Edits in page order; at one place, in the order they were made.
    edits.sort_by_key(|e| e.at);
    let mut out = String::with_capacity(html.len() * 2);
    let mut copied = 0; // how much of `html` is in `out`
    for e in edits {
        out.push_str(&html[copied..e.at]);
        out.push_str(&e.text);
        copied = e.end;
    }
    out.push_str(&html[copied..]);
    (out, warnings)
}

/// `html[at..end]` replaced by `text` (an insertion where `at == end`).
struct Edit {
    at: usize,
    end: usize,
    text: String,
}

impl Edit {
    fn insert(at: usize, text: String) -> Edit {
        Edit { at, end: at, text }
    }

    fn overlaps(&self, other: &Edit) -> bool {
        self.at < other.end && other.at < self.end
    }
}

/// The tags of `html`'s markup, start and end, each with its offset. What is
/// inside a comment or a raw-text element (a script, a style…) is text, not
/// tags: a widget's name there must stay as it is.
fn tags(html: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let lt = at + html.get(at..)?.find('<')?;
        let here = &html[lt..];
        if here.starts_with("<!--") {
            at = here.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let name_at = if here.starts_with("</") { 2 } else { 1 };
        if !here.as_bytes().get(name_at).is_some_and(u8::is_ascii_alphabetic) {
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

/// The start tags of `html`'s markup, each with its offset (see [`tags`]).
fn start_tags(html: &str) -> impl Iterator<Item = (usize, &str)> {
    tags(html).filter(|(_, tag)| !tag.starts_with("</"))
}

/// A tag's element name, lower-cased (`<P class=x>` and `</p>`: `p`).
fn tag_name(tag: &str) -> String {
    tag.trim_start_matches(['<', '/']).split(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/').next().unwrap_or_default().to_ascii_lowercase()
}

/// Elements that never have content or an end tag.
const VOID: [&str; 14] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Elements whose text the browser's DOM does not hold as the source has it
/// (a leading newline dropped, or no markup inside): an article with one is left to the browser.
const READ_DIFFERENTLY: [&str; 6] = ["textarea", "title", "xmp", "pre", "listing", "plaintext"];

/// The host page's own article, marked where it stands: for `for="#id"` or
/// a `[data-crossread-article]` child of the widget. Its text
/// is read as the browser's DOM holds it (entities decoded, line breaks
/// normalised, without scripts, styles and `data-crossread-ignore`
/// elements); each mark is written around its text in the page's own
/// markup, and its details into a hidden element after the article, which
/// the live widget replaces.
struct HostArticle<'h> {
    /// Where the article's start tag begins and its end tag ends.
    start: usize,
    end: usize,
    /// Its text nodes.
    nodes: Vec<TextNode>,
    text: String,
    html: &'h str,
}

/// A text node of the host article: where it is in the page, and where
/// each char of its decoded text is, as (offset in the decoded text, offset
/// in the page), the node's end last.
type TextNode = (usize, usize, Vec<(usize, usize)>);

impl<'h> HostArticle<'h> {
    fn find(html: &'h str, tag: &str, body: &str, body_at: usize) -> Result<HostArticle<'h>, String> {
        let (start, open) = match attribute(tag, "for") {
            Some(selector) => {
                let id = selector.strip_prefix('#').filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
                let id = id.ok_or_else(|| format!("for=\"{selector}\": only an #id selector is prerendered"))?;
                start_tags(html).find(|(_, t)| attribute(t, "id").as_deref() == Some(id)).ok_or_else(|| format!("for=\"{selector}\" matches no element on this page"))?
            }
            None => start_tags(body).find(|(_, t)| attribute(t, "data-crossread-article").is_some()).map(|(at, t)| (body_at + at, t)).ok_or("no article to mark")?,
        };
        let name = tag_name(open);
        if VOID.contains(&name.as_str()) || READ_DIFFERENTLY.contains(&name.as_str()) {
            return Err(format!("the article is a <{name}>"));
        }
        let mut nodes = Vec::new();
        let mut text = String::new();
        let mut depth = 0; // of elements named `name` inside the article
        let mut skipping: Option<(String, usize)> = None; // an element whose text is not the article's, and its depth
        let content = start + open.len();
        let mut from = content; // where the next text node begins
        for (at, t) in tags(&html[content..]).map(|(at, t)| (content + at, t)) {
            if skipping.is_none() && at > from {
                let (decoded, map) = decode_text(&html[from..at], from)?;
                text.push_str(&decoded);
                nodes.push((from, at, map));
            }
            from = at + t.len();
            let inner = tag_name(t);
            let closing = t.starts_with("</");
            if READ_DIFFERENTLY.contains(&inner.as_str()) {
                return Err(format!("the article holds a <{inner}>, whose text the browser reads differently"));
            }
            if let Some((skipped, d)) = &mut skipping {
                if inner == *skipped && !VOID.contains(&inner.as_str()) && !t.ends_with("/>") {
                    if closing {
                        *d -= 1;
                    } else {
                        *d += 1;
                    }
                }
                if *d == 0 {
                    skipping = None;
                }
                continue;
            }
            if inner == name {
                if closing && depth == 0 {
                    let end = at + t.len();
                    return Ok(HostArticle { start, end, nodes, text, html });
                }
                depth += if closing { -1 } else { 1 };
            }
            if !closing && !VOID.contains(&inner.as_str()) && (crossread::text::NOT_ARTICLE_TEXT.contains(&inner.as_str()) || attribute(t, "data-crossread-ignore").is_some()) {
                skipping = Some((inner, 1));
            }
        }
        Err(format!("the article <{name}> has no end tag"))
    }

    /// Edits that put `marks` (byte ranges in `self.text`, outer before inner) into the page.
    fn mark(&self, marks: &[crossread::render::PlacedMark]) -> Vec<Edit> {
        let mut edits = Vec::new();
        let mut opened = vec![false; marks.len()];
        let mut node_text_at = 0;
        for (from, to, map) in &self.nodes {
            let (ts, te) = (node_text_at, node_text_at + map.last().map_or(0, |&(d, _)| d));
            node_text_at = te;
            let source = |d: usize| map.binary_search_by_key(&(d - ts), |&(decoded, _)| decoded).map(|i| map[i].1);
            // Marks nest or are disjoint: clipped to this node, they still do.
            let mut out = String::new();
            let mut open: Vec<usize> = Vec::new(); // ends (in the text) of the marks open here
            let mut copied = *from;
            let mut changed = false;
            let close_until = |limit: usize, out: &mut String, copied: &mut usize, open: &mut Vec<usize>| {
                while let Some(&end) = open.last().filter(|&&end| end <= limit) {
                    let Ok(at) = source(end) else { break };
                    out.push_str(&self.html[*copied..at]);
                    out.push_str("</mark>");
                    *copied = at;
                    open.pop();
                }
            };
            for (i, m) in marks.iter().enumerate() {
                let (s, e) = (m.start.max(ts), m.end.min(te));
                if s >= e {
                    continue;
                }
                close_until(s, &mut out, &mut copied, &mut open);
                let (Ok(at), Ok(_)) = (source(s), source(e)) else { continue };
                out.push_str(&self.html[copied..at]);
                out.push_str(if opened[i] { &m.next_tag } else { &m.first_tag });
                opened[i] = true;
                copied = at;
                open.push(e);
                changed = true;
            }
            close_until(te, &mut out, &mut copied, &mut open);
            if changed {
                out.push_str(&self.html[copied..*to]);
                edits.push(Edit { at: *from, end: *to, text: out });
            }
        }
        edits
    }
}

/// A text node's source decoded as the browser does (character references,
/// `\r\n` and `\r` as `\n`), with the offset in the page of each char of the
/// decoded text (and of the end). A reference it cannot decode as surely as
/// the browser stops the rendering: a wrong text would misplace every mark.
fn decode_text(source: &str, offset: usize) -> Result<(String, Vec<(usize, usize)>), String> {
    let mut text = String::with_capacity(source.len());
    let mut map = Vec::with_capacity(source.len() + 1);
    let mut i = 0;
    while i < source.len() {
        map.push((text.len(), offset + i));
        let rest = &source[i..];
        let (len, c) = match rest.as_bytes()[0] {
            b'&' => match reference(rest) {
                Some(decoded) => decoded,
                None if may_be_reference(rest) => return Err(format!("a character reference it cannot read ({})", rest.chars().take(12).collect::<String>())),
                None => (1, '&'), // "AT&T", "R&D": an ampersand the browser keeps as it is
            },
            b'\r' => (if rest.as_bytes().get(1) == Some(&b'\n') { 2 } else { 1 }, '\n'),
            0 => return Err("a NUL character in the article".into()),
            _ => {
                let c = rest.chars().next().unwrap_or_default();
                (c.len_utf8(), c)
            }
        };
        text.push(c);
        i += len;
    }
    map.push((text.len(), offset + source.len()));
    Ok((text, map))
}

/// Whether the browser might read `s` (starting with `&`) as a character
/// reference that [`reference`] does not know: a numeric one, any name
/// with a semicolon, or a name that begins with one of those HTML reads
/// without a semicolon ("&copy2024").
fn may_be_reference(s: &str) -> bool {
    const WITHOUT_SEMICOLON: &str = "AElig AMP Aacute Acirc Agrave Aring Atilde Auml COPY Ccedil ETH Eacute Ecirc Egrave Euml GT \
        Iacute Icirc Igrave Iuml LT Ntilde Oacute Ocirc Ograve Oslash Otilde Ouml QUOT REG THORN Uacute Ucirc Ugrave Uuml \
        Yacute aacute acirc acute aelig agrave amp aring atilde auml brvbar ccedil cedil cent copy curren deg divide eacute \
        ecirc egrave eth euml frac12 frac14 frac34 gt iacute icirc iexcl igrave iquest iuml laquo lt macr micro middot nbsp \
        not ntilde oacute ocirc ograve ordf ordm oslash otilde ouml para plusmn pound quot raquo reg sect shy sup1 sup2 \
        sup3 szlig thorn times uacute ucirc ugrave uml uuml yacute yen yuml";
    let rest = &s[1..];
    if let Some(num) = rest.strip_prefix('#') {
        let digits = num.strip_prefix(['x', 'X']).unwrap_or(num);
        return digits.starts_with(|c: char| c.is_ascii_hexdigit());
    }
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    name_len > 0 && (rest.as_bytes().get(name_len) == Some(&b';') || WITHOUT_SEMICOLON.split_whitespace().any(|legacy| rest.starts_with(legacy)))
}

/// `(length, char)` of the character reference at the start of `s`, if the
/// browser surely reads it as that char: not 0, CR or 0x80–0x9F, which it
/// replaces or remaps (Windows-1252).
fn reference(s: &str) -> Option<(usize, char)> {
    crossread::text::char_reference(s).filter(|&(_, c)| !matches!(u32::from(c), 0 | 0x0d | 0x80..=0x9f))
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
fn widget(tag: &str, body: &str, page_html: &str, site: &Site, n: usize) -> Result<Option<Vec<Edit>>, String> {
    if find_ascii_ci(body, "shadowrootmode").is_some() {
        return Ok(None);
    }
    let body_at = body.as_ptr() as usize - page_html.as_ptr() as usize;
    let in_place = attribute(tag, "for").is_some() || find_ascii_ci(body, "data-crossread-article").is_some();
    let host = if in_place { Some(HostArticle::find(page_html, tag, body, body_at)?) } else { None };
    let articles = match inline_sources(body) {
        Some(json) => parse_cluster(json, "the inline sources", None, site)?,
        None => match attribute(tag, "src") {
            Some(src) => {
                let url = join_url(site.page, &src).ok_or_else(|| format!("src=\"{src}\" is not a path on this site"))?;
                let text = site.read_source(&url)?.ok_or_else(|| format!("src=\"{src}\": no file {url} under {}", site.root.display()))?;
                parse_cluster(&text, &url, Some(&url), site)?
            }
            None => return Ok(None), // sources given later by script (the `cluster` property)
        },
    };
    if articles.is_empty() && host.is_none() {
        return Ok(None);
    }
    let css = match site.css {
        Css::Beside => css_beside_script(page_html, site.page),
        Css::Link(url) => Some(url.to_string()),
        Css::Inline => None,
    };
    let style = match &css {
        Some(url) => WidgetStyle::Link(url),
        None => WidgetStyle::Inline(WIDGET_CSS),
    };
    let Some(host) = host else {
        let report = crossread::analyze(&articles).map_err(|e| e.to_string())?;
        return Ok(Some(vec![Edit::insert(body_at, format!("{}</template>", widget_html(&report, &articles, style)))]));
    };
    // The page's article first, as the widget puts it (`article-id`, `-source`, `-published`).
    let mut own = Article::new(attribute(tag, "article-id").unwrap_or_else(|| "this-article".into()), host.text.clone());
    own.source = attribute(tag, "article-source");
    own.published = attribute(tag, "article-published");
    let all: Vec<Article> = std::iter::once(own).chain(articles).collect();
    let report = crossread::analyze(&all).map_err(|e| e.to_string())?;
    let prefix = format!("crs{n}");
    let (marks, tips) = marks_in_place(&report, 0, &host.text, &prefix);
    let mut edits = host.mark(&marks);
    // The marks' stylesheet before the article (the widget finds it there and adds none), their details after it.
    let marks_css = match &css {
        Some(url) => format!("<link rel=\"stylesheet\" href=\"{}\" data-crossread-marks=\"\">", escape(&format!("{}crossread-marks.css", &url[..url.rfind('/').map_or(0, |i| i + 1)]))),
        None => format!("<style data-crossread-marks=\"\">{}</style>", MARKS_CSS.replace("</", "<\\/")),
    };
    edits.insert(0, Edit::insert(host.start.min(body_at - tag.len()), marks_css));
    edits.push(Edit::insert(host.end, format!("<div hidden=\"\" data-crossread-ignore=\"\" data-crossread-server-tips=\"\">{tips}</div>")));
    edits.push(Edit::insert(body_at, format!("{}</template>", widget_html_in_place(&report, style))));
    Ok(Some(edits))
}

/// A cluster JSON's articles, each `file` read relative to `base` (the cluster's URL path).
fn parse_cluster(json: &str, name: &str, base: Option<&str>, site: &Site) -> Result<Vec<Article>, String> {
    let cluster: Cluster = serde_json::from_str(json).map_err(|e| format!("{name} is not a cluster JSON: {e}"))?;
    let mut articles = cluster.articles;
    for a in &mut articles {
        if let Some(file) = a.file.take() {
            let url = join_url(base.unwrap_or(site.page), &file).ok_or_else(|| format!("article file {file} is not a path on this site"))?;
            a.text = site.read_source(&url)?.ok_or_else(|| format!("article file {url} is not under {}", site.root.display()))?;
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

/// The widget's stylesheet as the page loads it: `crossread.css` beside the
/// page's `crossread.js` or `crossread-boot.js` module script, or the
/// `crossread.css` the page preloads (`<link rel="preload" as="style">`).
fn css_beside_script(html: &str, page: &str) -> Option<String> {
    start_tags(html).find_map(|(_, tag)| {
        let (url, files): (_, &[&str]) = if starts_with_tag(tag, "script") {
            (attribute(tag, "src")?, &["crossread.js", "crossread-boot.js"])
        } else if starts_with_tag(tag, "link") && attribute(tag, "rel").is_some_and(|r| r.eq_ignore_ascii_case("preload")) {
            (attribute(tag, "href")?, &["crossread.css"])
        } else {
            return None;
        };
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let dir = files.iter().find_map(|file| path.strip_suffix(file).filter(|d| d.is_empty() || d.ends_with('/')))?;
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
    let mut file = in_root(root, url_path)?;
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

/// Where the URL path `url_path` points under `root`, whether or not there
/// is a file; `None` for a path that climbs out (`..`) or does not decode.
fn in_root(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut file = root.to_path_buf();
    for c in Path::new(decoded.trim_start_matches('/')).components() {
        match c {
            Component::Normal(part) => file.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(file)
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

/// `crossread prerender PAGE.html [--root DIR] [--css URL|inline]`: prints the page with its widgets rendered.
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
    let css = css.as_deref().map_or(Css::Beside, Css::from_arg);
    let (out, warnings) = page(&html, &Site::new(&root, &url, css));
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
        // or beside the loader that starts it once the page has painted
        assert_eq!(css_beside_script(r#"<script type=module src="/lib/crossread-boot.js" data-then="app.js"></script>"#, page).as_deref(), Some("/lib/crossread.css"));
        assert_eq!(css_beside_script(r#"<script src="/x/my-crossread-boot.js"></script>"#, page), None);
        // named in a script's text or a comment, or another file's name: not the page's own
        assert_eq!(css_beside_script("<script>// <script src=\"/www/crossread.js\"></script>\n</script>", page), None);
        assert_eq!(css_beside_script(r#"<!-- <script src="/www/crossread.js"></script> -->"#, page), None);
        assert_eq!(css_beside_script(r#"<script src="/x/my-crossread.js"></script>"#, page), None);
        // the stylesheet the page preloads;
        // not a hint inside a template, which fetches nothing
        assert_eq!(css_beside_script(r#"<link rel="modulepreload" href="../pkg/crossread.js"><LINK REL=Preload href="../lib/crossread.css?v=2" as="style">"#, page).as_deref(), Some("/lib/crossread.css"));
        assert_eq!(css_beside_script(r#"<template><link rel="preload" href="/lib/crossread.css" as="style"></template>"#, page), None);
        assert_eq!(css_beside_script(r#"<link rel="preload" href="/lib/my-crossread.css" as="style">"#, page), None);
        assert_eq!(css_beside_script(r#"<link rel="stylesheet" href="/lib/crossread.css">"#, page), None);
    }

    #[test]
    fn article_text_is_decoded_as_the_browser_reads_it_or_not_at_all() {
        let decoded = |s: &str| decode_text(s, 100).map(|(text, _)| text);
        assert_eq!(decoded("AT&T, R&D &amp; Q&A: &ldquo;382&rdquo;&nbsp;officers&#8217; &#x1F46E;\r\nnext\rline").unwrap(), "AT&T, R&D & Q&A: “382”\u{a0}officers’ 👮\nnext\nline");
        for unsure in ["&hearts; love", "&copy2024", "&#39 no semicolon", "&#150;", "&notit;", "a\0b"] {
            assert!(decoded(unsure).is_err(), "{unsure:?}");
        }
        // each char's place in the page: "&amp;" is five bytes there, one char here
        let (text, map) = decode_text("a&amp;b", 100).unwrap();
        assert_eq!(text, "a&b");
        assert_eq!(map, vec![(0, 100), (1, 101), (2, 106), (3, 107)]);
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
