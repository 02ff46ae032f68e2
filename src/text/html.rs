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
    let lower = text.to_ascii_lowercase();
    BLOCKS.iter().any(|b| lower.contains(b))
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
                let name = tag_name(&input[i..end]);
                let closing = input[i..end].starts_with("</");
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
                if let Some((len, decoded)) = entity(&input[i..]) {
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
    let rest = &input[start..];
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

/// `(length in bytes, decoded char)` of the entity at the start of `s`.
fn entity(s: &str) -> Option<(usize, char)> {
    let end = s.bytes().take(12).position(|b| b == b';')?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code)?
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
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
        }
    };
    if c.len_utf8() <= end + 1 { Some((end + 1, c)) } else { None }
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
