//! Stage 1, per article: find every number, date and quote in a text.
//!
//! A pipeline of small extractors (numbers, dates, quotes) followed by one
//! refiner that settles overlaps: a date beats a number inside it ("June 25,
//! 2024"), otherwise the longer mention wins; numbers and dates may sit inside
//! quotes. Dates come out unresolved; the caller resolves them once the
//! article's reference date is known.

mod anaphora;
mod date;
pub mod lexicon;
mod number;
mod quote;
mod spoken;

pub use date::{DateExpr, Unit};
pub use quote::{FullNames, Name};

use crate::mention::{Kind, Mention};
use crate::text::{Span, Tokens};

/// Mentions of one (already masked) text, sorted by start, and the person
/// names it introduces.
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn extract(tokens: &Tokens<'_>) -> (Vec<Mention>, Vec<Name>) {
    let names = quote::names(tokens);
    let mut dates = date::dates(tokens);
    let mut numbers = number::numbers(tokens);
    // A date claims the digits inside it.
    let overlapping = |found: &[Mention], span: Span| {
        // `found` is sorted by start and its spans do not overlap each other,
        // so only the last one starting before `span` ends can overlap it.
        let pos = found.partition_point(|m| m.span.start < span.end);
        pos.checked_sub(1).is_some_and(|p| found[p].span.overlaps(span))
    };
    numbers.retain(|n| !overlapping(&dates, n.span));
    // A number with a counted unit is not a year ("1,900 troops").
    dates.retain(|d| !overlapping(&numbers, d.span));
    // Digits in a web address ("…/2024/06/25/story-300") state nothing.
    let links = web_addresses(tokens.text);
    if !links.is_empty() {
        let inside = |m: &Mention| links.iter().any(|l| l.start <= m.span.start && m.span.end <= l.end);
        dates.retain(|m| !inside(m));
        numbers.retain(|m| !inside(m));
    }
    anaphora::anchor_to_last_date(&mut dates);
    let quotes = quote::quotes(tokens, &names);
    spoken::anchor_quoted_dates(tokens, &mut dates, &quotes);
    let mut all: Vec<Mention> = dates.into_iter().chain(numbers).chain(quotes).collect();
    crate::sort::sort_by_key(&mut all, |m| (m.span.start, std::cmp::Reverse(m.span.end), m.kind));
    (remove_overlaps(all), names)
}

/// Spans of web addresses: the word holding "://" or "www.", up to the next
/// space, quote mark or angle bracket.
fn web_addresses(text: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    // "://" and "www." mark an address; it starts after the last space before
    // them. One pass over the bytes for both marks (a substring search per
    // mark is slow in WebAssembly, and this runs over every article).
    let bytes = text.as_bytes();
    let marks = bytes.iter().enumerate().filter_map(|(i, &b)| match b {
        b':' if bytes[i + 1..].starts_with(b"//") => Some(i),
        b'.' if i >= 3 && &bytes[i - 3..i] == b"www" => Some(i - 3),
        _ => None,
    });
    for at in marks {
        let start = text[..at].rfind(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '(' | '“')).map_or(0, |s| s + text[s..].chars().next().map_or(1, char::len_utf8));
        let rest = &text[at..];
        let end = at + rest.find(|c: char| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”')).unwrap_or(rest.len());
        if !out.iter().any(|s| s.start <= start && end <= s.end) {
            out.push(Span::new(start, end));
        }
    }
    out
}

/// Keeps mentions that do not overlap an earlier kept one of the same
/// family (numbers and dates together; quotes apart, since a quote may hold
/// numbers and dates).
fn remove_overlaps(sorted: Vec<Mention>) -> Vec<Mention> {
    let mut kept: Vec<Mention> = Vec::with_capacity(sorted.len());
    for m in sorted {
        let clash = kept.iter().rev().take(8).any(|k| {
            (k.kind == Kind::Quote) == (m.kind == Kind::Quote) && k.span.overlaps(m.span)
        });
        if !clash {
            kept.push(m);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_beat_numbers_and_quotes_hold_both() {
        let text = "“Our next group of 600 will deploy by June 25, 2024,” he said.";
        let tokens = Tokens::new(text);
        let (found, _) = extract(&tokens);
        let kinds: Vec<_> = found.iter().map(|m| (m.kind, m.span.slice(text).unwrap())).collect();
        assert_eq!(kinds[0].0, Kind::Quote);
        assert!(kinds.contains(&(Kind::Number, "600")));
        assert!(kinds.contains(&(Kind::Date, "June 25, 2024")));
        assert_eq!(kinds.len(), 3);
    }
}
