//! Dates inside a quotation are the speaker's.
//!
//! "Today" in “…today, thoughts have changed,” he said is the day the words
//! were spoken, not the day the article was published: news quotes speeches
//! from days before. This refiner runs after dates and quotes are found:
//!
//! - where the attribution states the day of speaking ("…,” Ruto said on
//!   Saturday; "Ruto told reporters on Tuesday: “…”"), every relative date
//!   inside the quote is resolved against that day;
//! - otherwise a date that counts days from the moment of speaking ("today",
//!   "yesterday", "tonight", "two days ago") has no value, since the day is
//!   unknown. Coarser dates ("next year", "last week", "on Thursday") still
//!   resolve against the article's reference date: a speech is reported
//!   within days, so they seldom move.

use super::date::{DateExpr, Unit};
use super::lexicon;
use crate::mention::Mention;
use crate::text::{Span, Tokens};

/// Words between a reporting verb and the day it was spoken, at most ("told
/// reporters on Tuesday").
const VERB_TO_DAY: usize = 3;

/// Rewrites the dates of `dates` that sit inside one of `quotes` (quote
/// mentions) as [`DateExpr::Spoken`].
pub fn anchor_quoted_dates(tokens: &Tokens<'_>, dates: &mut [Mention], quotes: &[Mention]) {
    for quote in quotes {
        let inside = |m: &Mention| quote.span.start <= m.span.start && m.span.end <= quote.span.end;
        if !dates.iter().any(|m| inside(m) && m.date.as_ref().is_some_and(DateExpr::is_relative)) {
            continue;
        }
        let said = speech_day(tokens, quote.span, dates, quotes);
        for m in dates.iter_mut().filter(|m| inside(m)) {
            let Some(expr) = m.date.take() else { continue };
            let anchored = match &said {
                Some(day) if expr.is_relative() => DateExpr::Spoken { expr: Box::new(expr), said: Some(Box::new(day.clone())) },
                None if counts_from_today(&expr) => DateExpr::Spoken { expr: Box::new(expr), said: None },
                _ => expr,
            };
            m.date = Some(anchored);
        }
    }
}

/// The day the attribution of the quote at `quote` says the words were
/// spoken: a date naming a day, outside every quote, within
/// [`VERB_TO_DAY`] words of a reporting verb, in the sentence that closes
/// the quote or the one that opens it.
fn speech_day(tokens: &Tokens<'_>, quote: Span, dates: &[Mention], quotes: &[Mention]) -> Option<DateExpr> {
    let list = &tokens.list;
    let (open, close) = (tokens.index_at(quote.start), tokens.index_at(quote.end));
    // After the closing mark to the end of its sentence; before the opening
    // mark from the start of its sentence.
    let after = tokens.sentence(close).map(|s| close..s.end);
    let before = tokens.sentence(open.saturating_sub(1)).map(|s| s.first..open);
    for region in [after, before].into_iter().flatten() {
        let found = dates.iter().find(|m| {
            let (first, end) = (tokens.index_at(m.span.start), tokens.index_at(m.span.end));
            let near_verb = |v: usize| {
                let between = if v < first { v + 1..first } else { end..v };
                lexicon::REPORTING_VERBS.has(&list[v]) && between.filter(|&j| list[j].is_word()).count() <= VERB_TO_DAY
            };
            region.start <= first
                && end <= region.end
                && m.date.as_ref().is_some_and(DateExpr::names_a_day)
                && !quotes.iter().any(|q| q.span.overlaps(m.span))
                && region.clone().any(near_verb)
        });
        if let Some(m) = found {
            return m.date.clone();
        }
    }
    None
}

/// A date counted in days from the moment of speaking: "today", "tomorrow",
/// "this morning", "tonight", "two days ago".
fn counts_from_today(expr: &DateExpr) -> bool {
    match expr {
        DateExpr::Relative { unit, .. } | DateExpr::Shift { finest: unit, .. } => matches!(unit, Unit::Day | Unit::Hour | Unit::Minute),
        DateExpr::DayPart { .. } => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze;
    use crate::article::Article;

    /// The value of the date mention `date` in `text`, published 2024-09-25 (a Wednesday).
    fn date_in(text: &str, date: &str) -> Option<String> {
        let article = Article { id: "a".into(), text: text.into(), published: Some("2024-09-25".into()), ..Article::default() };
        let report = analyze(&[article]).unwrap();
        let m = report.articles[0].mentions.iter().find(|m| m.text == date).unwrap_or_else(|| panic!("no date {date:?} in {text:?}"));
        serde_json::to_value(&m.value).unwrap().as_str().map(str::to_string)
    }

    #[test]
    fn today_in_a_quote_is_the_day_of_speaking() {
        // No day of speaking: unknown.
        assert_eq!(date_in("“But today, thoughts have changed because of your progress,” he stated.", "today"), None);
        assert_eq!(date_in("“We met them yesterday,” the minister said.", "yesterday"), None);
        // The attribution dates the speech: after the quote or before it.
        let after = "“But today, thoughts have changed because of your progress,” Ruto said on Saturday.";
        assert_eq!(date_in(after, "today").as_deref(), Some("2024-09-21"));
        let before = "Ruto told reporters on Saturday: “We arrived yesterday and leave tomorrow.”";
        assert_eq!(date_in(before, "yesterday").as_deref(), Some("2024-09-20"));
        assert_eq!(date_in(before, "tomorrow").as_deref(), Some("2024-09-22"));
        // Coarser dates resolve against the day of speaking when it is known…
        assert_eq!(date_in("“We will be back next week,” Ruto said on September 1.", "next week").as_deref(), Some("2024-W36"));
        // …and against the article's date when it is not.
        assert_eq!(date_in("“We will be back next year,” Ruto said.", "next year").as_deref(), Some("2025"));
    }

    #[test]
    fn dates_outside_quotes_and_unrelated_days_are_untouched() {
        assert_eq!(date_in("Ruto arrived today. “We are ready,” he said.", "today").as_deref(), Some("2024-09-25"));
        // "on Saturday" dates the visit, not the words: no reporting verb near it.
        let text = "Ruto, who visited Haiti on Saturday and met the officers there, said: “Today we are ready.”";
        assert_eq!(date_in(text, "Today"), None);
    }
}
