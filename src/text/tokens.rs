//! Words, numerals and punctuation with their byte spans, and the sentences
//! and clauses they fall into.

use super::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes ("O’Neil", "Kenya's").
    Word,
    /// ASCII digits with inner `,` or `.` groups ("2,500", "1.2", "09").
    Numeral,
    /// Any other single non-space char.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token<'t> {
    pub span: Span,
    pub text: &'t str,
    pub kind: TokenKind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one.
    pub line_before: bool,
    /// The text is ASCII, so comparing it with a lower-case word needs no
    /// Unicode case folding (nearly every token of English news).
    pub ascii: bool,
    /// [`fold_hash`] of the text, computed once: the lexicon's filters ask
    /// about nearly every token many times.
    pub hash: u32,
    /// A word whose first letter is a capital, known while scanning: the
    /// name and sentence finders ask about nearly every token.
    capitalized: bool,
}

/// FNV-1a over the bytes with ASCII letters folded to lower case: the same
/// for "Said" and "said" (other bytes may collide when folded, which a
/// filter built on it tolerates).
pub const fn fold_hash(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        h = (h ^ (bytes[i] | 0x20) as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    h
}

impl<'t> Token<'t> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn lower(&self) -> String {
        super::lowercase(self.text)
    }
    /// Case-insensitive comparison with a lower-case word. Cheap for the
    /// usual case of an ASCII word list: Unicode case folding only happens
    /// when the word itself is not ASCII.
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        // An ASCII token folds to ASCII, so it can only equal an ASCII word,
        // and byte-wise comparison decides. The lengths are compared here,
        // inline: they differ for nearly every pair asked about.
        if self.ascii {
            return self.text.len() == word.len() && self.text.eq_ignore_ascii_case(word);
        }
        self.is_folded(word)
    }
    fn is_folded(&self, word: &str) -> bool {
        self.kind == TokenKind::Word && !word.is_ascii() && super::lowercase(self.text) == word
    }
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }
    pub fn is_capitalized(&self) -> bool {
        self.capitalized
    }
    pub fn punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct && self.text.starts_with(c)
    }
    /// Punctuation, but not a hyphen glued to the word before it, which
    /// joins an adjective ("a twenty-first-century economy").
    pub fn is_punct_not_glued_hyphen(&self) -> bool {
        self.kind == TokenKind::Punct && (self.space_before || !self.punct('-'))
    }
}

/// A sentence: a range of token indices, and its span.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    pub first: usize,
    pub end: usize,
    pub span: Span,
}

/// The tokens of one text, with sentence boundaries.
#[derive(Debug)]
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token<'t>>,
    pub sentences: Vec<Sentence>,
    /// Sentence index of each token.
    pub sentence_of: Vec<usize>,
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl<'t> Tokens<'t> {
    #[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
    pub fn new(text: &'t str) -> Tokens<'t> {
        // About one token per five bytes of English news.
        let mut list = Vec::with_capacity(text.len() / 5);
        let bytes = text.as_bytes();
        let mut space_before = true;
        let mut line_before = true;
        // `pos` and `end` always sit on char boundaries: they move by whole
        // chars, or by single ASCII bytes.
        // (ASCII, nearly every byte of English news, without decoding)
        let char_at = |at: usize| match bytes.get(at) {
            Some(&b) if b.is_ascii() => Some(char::from(b)),
            Some(_) => text.get(at..).and_then(|rest| rest.chars().next()),
            None => None,
        };
        let mut pos = 0;
        while let Some(&b) = bytes.get(pos) {
            // (ASCII inline: the closure and `char::is_whitespace` are calls in the wasm)
            let (c, white) = if b.is_ascii() {
                (char::from(b), matches!(b, b' ' | b'\t'..=b'\r'))
            } else {
                let Some(c) = char_at(pos) else { break };
                (c, c.is_whitespace())
            };
            let start = pos;
            pos += c.len_utf8();
            if white {
                space_before = true;
                if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}') {
                    line_before = true;
                }
                continue;
            }
            let mut end = pos;
            // known while scanning, so the token's text is not read again
            let mut ascii = c.is_ascii();
            // ".08": a decimal without its leading zero, after a space.
            let leading_point = c == '.' && space_before && bytes.get(end).is_some_and(u8::is_ascii_digit);
            let kind = if c.is_ascii_digit() || leading_point {
                // digits, then ("," or ".") + digit repeatedly
                loop {
                    let rest = text.get(end..).unwrap_or("");
                    let mut it = rest.chars();
                    match (it.next(), it.next()) {
                        (Some(d), _) if d.is_ascii_digit() => end += 1,
                        (Some('.'), Some(d)) if d.is_ascii_digit() => end += 2,
                        // a thousands comma has exactly three digits after it
                        // ("22,24,26" is a list, "1,3" no thousand)
                        (Some(','), Some(d)) if d.is_ascii_digit() && {
                            let group = rest.as_bytes().get(1..).unwrap_or(&[]);
                            group.len() >= 3 && group[..3].iter().all(u8::is_ascii_digit) && !group.get(3).is_some_and(u8::is_ascii_digit)
                        } => end += 2,
                        // "1 414 021" with thin or no-break spaces: groups of exactly three digits
                        (Some(sep @ ('\u{202f}' | '\u{2009}' | '\u{a0}')), Some(d)) if d.is_ascii_digit() && {
                            let group = rest.get(sep.len_utf8()..).unwrap_or("");
                            group.len() >= 3
                                && group.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                                && !group.as_bytes().get(3).is_some_and(u8::is_ascii_digit)
                        } => {
                            end += sep.len_utf8() + 3;
                            ascii = false;
                        }
                        _ => break,
                    }
                }
                TokenKind::Numeral
            } else if c.is_alphabetic() {
                loop {
                    // ASCII letters, the common case, byte by byte
                    while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
                        end += 1;
                    }
                    let Some(d) = char_at(end) else { break };
                    let inner_apostrophe = is_apostrophe(d) && char_at(end + d.len_utf8()).is_some_and(char::is_alphabetic);
                    // ASCII digits end a word ("Dh472" is a currency and an amount);
                    // ASCII letters were taken above, so only an apostrophe
                    // carries a word on in ASCII, without Unicode's tables.
                    if inner_apostrophe || (!d.is_ascii() && (d.is_alphanumeric() || is_mark(d))) {
                        end += d.len_utf8();
                        ascii &= d.is_ascii();
                    } else {
                        break;
                    }
                }
                TokenKind::Word
            } else {
                TokenKind::Punct
            };
            pos = end;
            let token_text = text.get(start..end).unwrap_or("");
            let capitalized = kind == TokenKind::Word && if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
            list.push(Token { span: Span::new(start, end), text: token_text, kind, space_before, line_before, ascii, hash: fold_hash(token_text.as_bytes()), capitalized });
            space_before = false;
            line_before = false;
        }
        let sentences = split_sentences(&list);
        let mut sentence_of = vec![0; list.len()];
        for (k, s) in sentences.iter().enumerate() {
            for slot in sentence_of.iter_mut().take(s.end).skip(s.first) {
                *slot = k;
            }
        }
        Tokens { text, list, sentences, sentence_of }
    }

    pub fn get(&self, i: usize) -> Option<&Token<'t>> {
        self.list.get(i)
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn index_at(&self, at: usize) -> usize {
        self.list.partition_point(|t| t.span.start < at)
    }

    /// The sentence containing token `i`.
    pub fn sentence(&self, i: usize) -> Option<Sentence> {
        self.sentence_of.get(i).and_then(|&k| self.sentences.get(k)).copied()
    }
}

/// Combining marks stay inside the word they decorate.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x200D | 0xFE0F | 0x64B..=0x65F)
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 22] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "gov", "sen", "rep", "jr", "sr", "no", "vs",
    "inc", "corp", "co", "ltd", "jan",
];

/// AP style's month abbreviations (and the three-letter ones).
const MONTH_ABBREVIATIONS: [&str; 12] = ["feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "jan"];

fn split_sentences(tokens: &[Token<'_>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let mut boundary_after = None;
        if tokens.get(i + 1).is_some_and(|n| n.line_before) {
            boundary_after = Some(i);
        } else if t.kind == TokenKind::Punct && matches!(t.text, "." | "!" | "?") {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            // "Sept. 12": a month's abbreviation before a day or year ends no sentence
            let before_numeral = tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Numeral);
            let abbreviation = prev.is_some_and(|p| {
                p.is_word()
                    && !t.space_before
                    && (p.is_any(&ABBREVIATIONS)
                        || (before_numeral && p.is_any(&MONTH_ABBREVIATIONS))
                        || (p.text.chars().count() == 1 && p.text.chars().all(char::is_uppercase)))
            });
            // A closing quote right after the stop belongs to this sentence.
            let mut last = i;
            while tokens.get(last + 1).is_some_and(|n| !n.space_before && is_closing_mark(n.text)) {
                last += 1;
            }
            let next = tokens.get(last + 1);
            let starts_new = next.is_none_or(|n| {
                n.line_before || n.is_capitalized() || n.kind == TokenKind::Numeral || is_opening_mark(n.text)
            });
            if !abbreviation && starts_new {
                boundary_after = Some(last);
            }
        }
        if let Some(last) = boundary_after {
            push(&mut out, tokens, first, last + 1);
            first = last + 1;
            i = last + 1;
        } else {
            i += 1;
        }
    }
    push(&mut out, tokens, first, tokens.len());
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token<'_>], first: usize, end: usize) {
    if first < end {
        let span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
        out.push(Sentence { first, end, span });
    }
}

fn is_closing_mark(s: &str) -> bool {
    matches!(s, "\"" | "”" | "’" | "»" | "'" | ")")
}
fn is_opening_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "«" | "(")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_and_words() {
        let t = Tokens::new("Kenya’s 2,500-strong force; O’Neil said 1.2.");
        let texts: Vec<_> = t.list.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["Kenya’s", "2,500", "-", "strong", "force", ";", "O’Neil", "said", "1.2", "."]);
    }

    #[test]
    fn capitals_are_known_while_scanning() {
        let text = "Kenya’s 382 officers; Élysée said 'ÉCOLE' e\u{301}tude \u{5e9}\u{5dc}\u{5d5}\u{5dd} Ωmega ωmega \u{1d400}bc 👍 A. a";
        let t = Tokens::new(text);
        for token in &t.list {
            let first_upper = token.text.chars().next().is_some_and(char::is_uppercase);
            assert_eq!(token.is_capitalized(), token.is_word() && first_upper, "{:?}", token.text);
        }
        let capitals: Vec<&str> = t.list.iter().filter(|k| k.is_capitalized()).map(|k| k.text).collect();
        assert_eq!(capitals, ["Kenya’s", "Élysée", "ÉCOLE", "Ωmega", "\u{1d400}bc", "A"]);
    }

    #[test]
    fn ascii_flag_is_set_while_scanning() {
        let text = "Kenya’s 1\u{202f}414\u{a0}021 café naïve ÉCOLE ok 👍 said, \u{5e9}\u{5dc}\u{5d5}\u{5dd} e\u{301}t\u{e9} 2,500 Zürich.";
        let t = Tokens::new(text);
        assert!(t.list.len() > 12);
        for token in &t.list {
            assert_eq!(token.ascii, token.text.is_ascii(), "{:?}", token.text);
        }
        assert!(t.list.iter().any(|k| k.text == "1\u{202f}414\u{a0}021" && !k.ascii));
        assert!(t.list.iter().any(|k| k.is("zürich")) && t.list.iter().any(|k| k.is("said")));
    }

    #[test]
    fn words_run_on_through_letters_marks_and_inner_apostrophes_only() {
        let t = Tokens::new("naïve e\u{301}tude Zürich's don't Dh472 ok👍 \u{5e9}\u{5dc}\u{5d5}\u{5dd}, ÉCOLE'");
        let texts: Vec<_> = t.list.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["naïve", "e\u{301}tude", "Zürich's", "don't", "Dh", "472", "ok", "👍", "\u{5e9}\u{5dc}\u{5d5}\u{5dd}", ",", "ÉCOLE", "'"]);
    }

    #[test]
    fn whitespace_in_and_outside_ascii_parts_tokens() {
        let t = Tokens::new("a\u{a0}b\u{2028}c\x0bd\u{3000}e\r\nf");
        let texts: Vec<_> = t.list.iter().map(|t| t.text).collect();
        assert_eq!(texts, ["a", "b", "c", "d", "e", "f"]);
        let lines: Vec<_> = t.list.iter().map(|t| t.line_before).collect();
        assert_eq!(lines, [true, false, true, false, false, true]);
        assert!(t.list.iter().skip(1).all(|t| t.space_before));
    }

    #[test]
    fn sentences_respect_titles_and_missing_spaces() {
        let t = Tokens::new("Mr. O’Neil spoke. He left.The UN met.");
        assert_eq!(t.sentences.len(), 3);
    }

    #[test]
    fn a_month_abbreviation_before_a_day_ends_no_sentence() {
        let t = Tokens::new("On Sept. 12, Ruto spoke. Talks ended in Sept. The next day, they left.");
        let texts: Vec<&str> = t.sentences.iter().map(|s| s.span.slice(t.text).unwrap_or("")).collect();
        assert_eq!(texts, ["On Sept. 12, Ruto spoke.", "Talks ended in Sept.", "The next day, they left."]);
    }
}
