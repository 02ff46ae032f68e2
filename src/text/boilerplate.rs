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
    // The lists need the lower case of a line's opening, or of all of a short
    // line: lowering every long paragraph would cost more than the rest of
    // reading it. (A char's lower case is at most three times shorter.)
    let head = lowered_head(t, 3 * LONGEST_START);
    if head.starts_with("by |") || LINE_STARTS.iter().any(|s| head.starts_with(s)) || head.starts_with('©') {
        return true;
    }
    core.len() <= 3 * LONGEST_WHOLE_LINE && WHOLE_LINE.contains(&super::lowercase(core).as_str())
}

/// The longest entries of the lists, in bytes.
const LONGEST_WHOLE_LINE: usize = longest(&WHOLE_LINE);
const LONGEST_START: usize = longest(&LINE_STARTS);

const fn longest(list: &[&str]) -> usize {
    let (mut i, mut max) = (0, 0);
    while i < list.len() {
        if list[i].len() > max {
            max = list[i].len();
        }
        i += 1;
    }
    max
}

/// The lower case of `text`'s first `bytes` bytes (cut back to a char boundary).
fn lowered_head(text: &str, bytes: usize) -> String {
    let mut cut = text.len().min(bytes);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    super::lowercase(text.get(..cut).unwrap_or(""))
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
