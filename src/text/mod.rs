//! Text utilities only: no knowledge of numbers, dates or quotes.
//!
//! An article is analysed through a [`View`]: a copy of its text with exactly
//! the same byte length in which HTML markup and boilerplate lines ("Share.",
//! "READ MORE:") are blanked out. Every byte offset into the view is a byte
//! offset into the article as given, so spans never need translating back.

mod boilerplate;
mod case;
mod html;
mod offsets;
mod tokens;

pub use boilerplate::is_boilerplate_line;
pub use case::{lower_char, lowercase};
pub use html::{char_reference, looks_like_html, named_reference, safe_href, structure, Piece, ALLOWED_TAGS, NOT_ARTICLE_TEXT};
pub use offsets::{skip_plain_ascii, Utf16Index};
pub use tokens::{fold_hash, Sentence, Token, TokenKind, Tokens};

/// A half-open range of UTF-8 byte offsets `[start, end)` into an article's
/// text. Both ends lie on `char` boundaries of that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end: end.max(start) }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// The text under the span, or `None` if the span does not fit `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start..self.end)
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The analysable view of one article: same length as the input, with markup
/// and boilerplate replaced by ASCII spaces (newlines where a block ends).
#[derive(Debug, Clone)]
pub struct View {
    pub text: String,
    pub is_html: bool,
}

impl View {
    #[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
    pub fn new(input: &str) -> View {
        let is_html = html::looks_like_html(input);
        let mut text = if is_html { html::mask_markup(input) } else { input.to_string() };
        boilerplate::mask_boilerplate(&mut text);
        View { text, is_html }
    }
}

/// The text a reader is shown for an article: the input itself, or for an
/// HTML body its text with the markup blanked (same byte offsets). Unlike
/// [`View`], boilerplate stays: nothing the reader gave is hidden.
pub fn display_text(input: &str) -> std::borrow::Cow<'_, str> {
    if html::looks_like_html(input) {
        std::borrow::Cow::Owned(html::mask_markup(input))
    } else {
        std::borrow::Cow::Borrowed(input)
    }
}

/// Where each source byte of an HTML article lands in the text shown for
/// it by [`structure`]: maps mention offsets (into the HTML source) to
/// offsets into the shown text.
pub struct ShownText {
    pub text: String,
    /// (source start, source end, shown start) of each text piece.
    runs: Vec<(usize, usize, usize)>,
}

impl ShownText {
    pub fn new(pieces: &[Piece]) -> ShownText {
        let mut text = String::new();
        let mut runs = Vec::new();
        for p in pieces {
            if let Piece::Text { source, text: t } = p {
                runs.push((source.0, source.1, text.len()));
                text.push_str(t);
            }
        }
        ShownText { text, runs }
    }

    /// The shown byte offset of source byte `at`. A byte inside markup maps
    /// to where the next shown text begins.
    pub fn shown(&self, at: usize) -> usize {
        let k = self.runs.partition_point(|r| r.1 <= at);
        match self.runs.get(k) {
            Some(&(s, e, shown)) if at >= s => {
                let width = self.text.get(shown..).unwrap_or("").len().min(if k + 1 < self.runs.len() { self.runs[k + 1].2 - shown } else { self.text.len() - shown });
                if e - s == width { shown + (at - s) } else { shown }
            }
            Some(&(_, _, shown)) => shown,
            None => self.text.len(),
        }
    }
}

/// Replaces `text[start..end]` by spaces, keeping newlines so lines survive.
/// `start..end` must lie on char boundaries.
pub(crate) fn blank(text: &mut String, start: usize, end: usize) {
    let Some(part) = text.get(start..end) else { return };
    let blanked: String = part
        .chars()
        .flat_map(|c| {
            let fill = if c == '\n' { '\n' } else { ' ' };
            std::iter::repeat_n(fill, c.len_utf8())
        })
        .collect();
    text.replace_range(start..end, &blanked);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_keeps_length_and_offsets() {
        let input = "<p>Kenya sent <b>382</b> officers.</p>\nShare.\n";
        let view = View::new(input);
        assert_eq!(view.text.len(), input.len());
        let at = input.find("382").unwrap();
        assert_eq!(&view.text[at..at + 3], "382");
        assert!(!view.text.contains('<'));
        assert!(!view.text.contains("Share"));
    }

    #[test]
    fn span_slices_only_on_boundaries() {
        let t = "é1";
        assert_eq!(Span::new(0, 2).slice(t), Some("é"));
        assert_eq!(Span::new(1, 2).slice(t), None);
    }
}
