//! HTML bodies: markup is blanked, text stays at its byte offsets.
//!
//! This is not a sanitizer: nothing here is ever rendered as HTML. It only
//! decides which bytes are words a reader sees.

use super::blank;

/// True when the text carries tags, so should be read as HTML.
pub fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('<') {
        return true;
    }
    const BLOCKS: [&str; 6] = ["</p>", "<br", "</div>", "<p>", "</h1>", "</li>"];
    // At each '<' (found by `str::find`, which reads a word at a time),
    // without lower-casing the whole text first.
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        let tag = &rest.as_bytes()[at..];
        if BLOCKS.iter().any(|b| tag.get(..b.len()).is_some_and(|r| r.eq_ignore_ascii_case(b.as_bytes()))) {
            return true;
        }
        rest = &rest[at + 1..];
    }
    false
}

/// Tags that end a line of text when they open or close.
const BLOCK_TAGS: [&str; 21] = [
    "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "td", "table", "blockquote",
    "section", "article", "header", "footer", "figcaption",
];
/// Elements whose content is not article text.
const HIDDEN: [&str; 6] = ["script", "style", "template", "noscript", "svg", "math"];

/// Blanks tags, comments and the content of hidden elements; decodes the
/// common entities in place (the decoded char, then spaces to keep length).
pub fn mask_markup(input: &str) -> String {
    let mut out = input.to_string();
    let bytes = input.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = tag_end(input, i);
                let name = tag_name(input.get(i..end).unwrap_or(""));
                let closing = input.get(i..end).unwrap_or("").starts_with("</");
                let mut stop = end;
                if !closing && HIDDEN.contains(&name.as_str()) {
                    stop = find_close(input, end, &name).map_or(input.len(), |k| tag_end(input, k));
                }
                blank(&mut out, i, stop);
                if BLOCK_TAGS.contains(&name.as_str()) && stop > i {
                    out.replace_range(i..i + 1, "\n");
                }
                i = stop.max(i + 1);
            }
            b'&' => {
                if let Some((len, decoded)) = entity(input.get(i..).unwrap_or("")) {
                    let mut replacement = decoded.to_string();
                    while replacement.len() < len {
                        replacement.push(' ');
                    }
                    if replacement.len() == len {
                        out.replace_range(i..i + len, &replacement);
                    }
                    i += len;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Start of the first `</name` at or after `from`, ignoring ASCII case,
/// without copying the rest of the input.
fn find_close(input: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = input.as_bytes();
    let mut at = from;
    while let Some(k) = input.get(at..)?.find("</") {
        let start = at + k;
        let candidate = bytes.get(start + 2..start + 2 + name.len())?;
        if candidate.eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// End (exclusive) of the tag or comment starting at `start`.
fn tag_end(input: &str, start: usize) -> usize {
    let rest = input.get(start..).unwrap_or("");
    if rest.starts_with("<!--") {
        return rest.find("-->").map_or(input.len(), |k| start + k + 3);
    }
    // A '<' not followed by a letter, '/' or '!' is text ("a < b").
    match rest.as_bytes().get(1) {
        Some(c) if c.is_ascii_alphabetic() || *c == b'/' || *c == b'!' || *c == b'?' => {}
        _ => return start,
    }
    let mut quote: Option<u8> = None;
    for (k, &c) in rest.as_bytes().iter().enumerate().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"') | (None, b'\'') => quote = Some(c),
            (None, b'>') => return start + k + 1,
            _ => {}
        }
    }
    input.len()
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The char a named character reference stands for (`amp` in `&amp;`), for
/// the names news text uses (the browser knows about 2,200).
pub fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "euro" => '€',
        "pound" => '£',
        _ => return None,
    })
}

/// `(length in bytes, char)` of the character reference (`&amp;`, `&#8217;`,
/// `&#x2019;`) at the start of `s`, as written: named ones only for the names
/// [`named_reference`] knows, and always with their semicolon.
pub fn char_reference(s: &str) -> Option<(usize, char)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = s.get(1..end).unwrap_or("");
    let c = match body.strip_prefix('#') {
        Some(num) => char::from_u32(match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        })?,
        None => named_reference(body)?,
    };
    Some((end + 1, c))
}

/// Elements whose text is not an article's (with those marked
/// `data-crossread-ignore`): what the widget leaves out of a page's article,
/// in the browser (`web::dom`) and when a server marks it (the CLI's `prerender`).
pub const NOT_ARTICLE_TEXT: [&str; 5] = ["script", "style", "template", "noscript", "crossread-reader"];

/// `(length in bytes, decoded char)` of the entity at the start of `s`, for
/// the analysable view: a no-break space is a space to the extractors, and
/// the char takes no more bytes than its reference.
fn entity(s: &str) -> Option<(usize, char)> {
    let (len, c) = char_reference(s)?;
    let c = if c == '\u{a0}' { ' ' } else { c };
    (c.len_utf8() <= len).then_some((len, c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_tags_scripts_and_decodes_entities() {
        let html = "<p>He said &ldquo;382&rdquo;.</p><script>var x = \"400\";</script><p>Done</p>";
        let out = mask_markup(html);
        assert_eq!(out.len(), html.len());
        assert!(out.contains('“') && out.contains('”'));
        assert!(!out.contains("400"));
        assert!(out.contains("Done"));
    }

    #[test]
    fn less_than_in_text_is_text() {
        assert_eq!(mask_markup("<p>a < b</p>").trim(), "a < b");
    }
}

/// Elements kept when an HTML article is shown: structure and emphasis.
/// Everything else is unwrapped (its text kept) or, for [`HIDDEN`] and
/// embedded content, dropped with its content.
pub const ALLOWED_TAGS: [&str; 16] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "em", "strong", "b", "i", "a", "blockquote"];

/// Elements dropped with everything inside them.
const DROPPED: [&str; 14] = [
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "embed", "frameset", "frame", "head",
    "title", "textarea",
];

/// One step of an HTML article reduced to allowed structure and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// An allowed element opens; `href` only for links to http(s) URLs.
    Open { tag: &'static str, href: Option<String> },
    /// The most recently opened element closes.
    Close,
    /// A line break.
    Break,
    /// Text shown to the reader, and the source bytes it comes from (for an
    /// entity, the whole entity; otherwise the same bytes as `text`).
    Text { source: (usize, usize), text: String },
}

/// Reduces an HTML body to allowed elements and text, balanced (every Open
/// has its Close), through an allow-list: no attribute other than a link's
/// http(s) `href` survives, and nothing here is ever parsed as markup again.
pub fn structure(input: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut open: Vec<&'static str> = Vec::new();
    let bytes = input.as_bytes();
    let mut i = 0;
    let mut run = 0; // start of the current text run
    let flush = |out: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            out.push(Piece::Text { source: (from, to), text: input.get(from..to).unwrap_or("").to_string() });
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = tag_end(input, i);
                if end == i {
                    i += 1; // a lone '<' is text
                    continue;
                }
                flush(&mut out, run, i);
                let raw = input.get(i..end).unwrap_or("");
                let name = tag_name(raw);
                let closing = raw.starts_with("</");
                let mut stop = end;
                if !closing && DROPPED.contains(&name.as_str()) && !raw.ends_with("/>") {
                    stop = find_close(input, end, &name).map_or(input.len(), |k| tag_end(input, k));
                } else if name == "br" {
                    out.push(Piece::Break);
                } else if let Some(&tag) = ALLOWED_TAGS.iter().find(|t| **t == name) {
                    if closing {
                        if let Some(depth) = open.iter().rposition(|t| *t == tag) {
                            for _ in depth..open.len() {
                                out.push(Piece::Close);
                            }
                            open.truncate(depth);
                        }
                    } else {
                        let href = if tag == "a" { attribute(raw, "href").and_then(|h| safe_href(&h)) } else { None };
                        out.push(Piece::Open { tag, href });
                        open.push(tag);
                    }
                }
                i = stop.max(i + 1);
                run = i;
            }
            b'&' => match entity(input.get(i..).unwrap_or("")) {
                Some((len, c)) => {
                    flush(&mut out, run, i);
                    out.push(Piece::Text { source: (i, i + len), text: c.to_string() });
                    i += len;
                    run = i;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
    flush(&mut out, run, input.len());
    for _ in open {
        out.push(Piece::Close);
    }
    out
}

/// The value of attribute `name` in a start tag, entity-decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower.get(from..).unwrap_or("").find(name) {
        let at = from + k;
        from = at + name.len();
        let before = lower.as_bytes().get(at.wrapping_sub(1)).copied().unwrap_or(b' ');
        if !before.is_ascii_whitespace() {
            continue;
        }
        let rest = tag.get(at + name.len()..).unwrap_or("").trim_start();
        let Some(value) = rest.strip_prefix('=') else { continue };
        let value = value.trim_start();
        let raw = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value.get(1..).unwrap_or("").split(q).next().unwrap_or(""),
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next().unwrap_or(""),
        };
        return Some(decode_entities(raw));
    }
    None
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s.as_bytes()[i] == b'&' {
            if let Some((len, c)) = entity(s.get(i..).unwrap_or("")) {
                out.push(c);
                i += len;
                continue;
            }
        }
        let c = s.get(i..).unwrap_or("").chars().next().unwrap_or(' ');
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// Keeps a link only when it is an absolute http(s) URL; control characters
/// and spaces inside the scheme (a classic `java\tscript:` trick) do not help.
pub fn safe_href(href: &str) -> Option<String> {
    let cleaned: String = href.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let lower = cleaned.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then_some(cleaned)
}

#[cfg(test)]
mod structure_tests {
    use super::*;

    fn shown(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| match p { Piece::Text { text, .. } => text.as_str(), _ => "" }).collect()
    }

    #[test]
    fn keeps_structure_drops_the_rest() {
        let html = "<div onclick=x()><p class=a>Kenya &amp; <b>Haiti</b></p><script>alert(1)</script><img src=x onerror=alert(2)>\
                    <a href=\"javascript:alert(3)\">bad</a> <a href=' https://example.org/a?b=1&amp;c=2'>good</a><svg><text>no</text></svg></div>";
        let pieces = structure(html);
        assert_eq!(shown(&pieces), "Kenya & Haitibad good");
        let links: Vec<Option<String>> = pieces.iter().filter_map(|p| match p { Piece::Open { tag: "a", href } => Some(href.clone()), _ => None }).collect();
        assert_eq!(links, [None, Some("https://example.org/a?b=1&c=2".to_string())]);
        let opens = pieces.iter().filter(|p| matches!(p, Piece::Open { .. })).count();
        let closes = pieces.iter().filter(|p| matches!(p, Piece::Close)).count();
        assert_eq!(opens, closes);
    }

    #[test]
    fn tricks_in_schemes_and_unbalanced_tags() {
        for href in ["java\tscript:alert(1)", "&#106;avascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example/"] {
            let pieces = structure(&format!("<a href=\"{href}\">x</a>"));
            assert!(matches!(&pieces[0], Piece::Open { href: None, .. }), "{href}: {pieces:?}");
        }
        let pieces = structure("<p><b>bold <i>both</p> after</b>");
        let opens = pieces.iter().filter(|p| matches!(p, Piece::Open { .. })).count();
        let closes = pieces.iter().filter(|p| matches!(p, Piece::Close)).count();
        assert_eq!(opens, closes);
    }
}
