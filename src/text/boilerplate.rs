//! Lines that belong to the page around an article, not to the article:
//! share buttons, "READ MORE:", comment and newsletter prompts, bylines.

use super::blank;

/// Phrases that make up a whole line of page furniture (compared in lower
/// case, with trailing punctuation ignored).
const WHOLE_LINE: [&str; 24] = [
    "share", "share this", "share this article", "read more", "reader comments", "comments",
    "exit mobile version", "latest news for you", "latest news", "related", "related articles",
    "advertisement", "what's your reaction", "what’s your reaction", "join to get instant updates",
    "follow us", "follow us and stay connected", "subscribe", "sign up", "print", "email",
    "let's stay connected and keep the dialogue going", "let’s stay connected and keep the dialogue going",
    "skip to content",
];

/// Line openings that mark page furniture whatever follows.
const LINE_STARTS: [&str; 16] = [
    "original source:", "source:", "we'd love for you to join", "we’d love for you to join",
    "follow us on", "click here", "sign up for", "subscribe to", "copyright", "read more:", "read also:",
    "also read:", "related:", "reader comments", "watch:", "advertisement",
];

/// True when the whole line is page furniture rather than article text.
pub fn is_boilerplate_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let core = t.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '!' || c == '…').trim();
    // Very short lines with no word of two letters ("x", "By |"); counting stops at the third letter.
    if core.chars().filter(|c| c.is_alphabetic()).take(3).count() <= 2 {
        return true;
    }
    if core.eq_ignore_ascii_case("by") {
        return true;
    }
    // The lists are ASCII letters and punctuation: compared ignoring ASCII
    // case, byte by byte, with nothing lower-cased.
    let starts = |prefix: &str| t.as_bytes().get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix.as_bytes()));
    if starts("by |") || LINE_STARTS.iter().any(|s| starts(s)) || t.starts_with('©') {
        return true;
    }
    WHOLE_LINE.iter().any(|w| core.eq_ignore_ascii_case(w))
}

/// Blanks every boilerplate line of `text` in place.
pub fn mask_boilerplate(text: &mut String) {
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let end = start + line.len();
        if is_boilerplate_line(line) {
            ranges.push((start, end));
        }
        start = end + 1;
    }
    for (s, e) in ranges {
        blank(text, s, e);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_lines() {
        for line in ["Share.", "READ MORE:", "Reader comments", "Follow Us and Stay Connected!", "Exit mobile version",
            "x", "By |", "What's Your Reaction?", "Original Source: english.alarabiya.net"] {
            assert!(is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn article_lines_stay() {
        for line in ["Kenya plans to send 600 more police officers to Haiti soon.", "National", "Read more about it here in the report of 2024."] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }
}
