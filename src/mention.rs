//! What the extractors find: a [`Mention`] of a number, a date or a quote.

use crate::text::Span;
use serde::Serialize;

/// The three kinds of mention of ANNOTATION.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Number,
    Date,
    Quote,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Quote => "quote",
        }
    }
}

/// A quantity as an interval; `None` is unbounded. Exact numbers have
/// `low == high`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Interval {
    pub low: Option<f64>,
    pub high: Option<f64>,
}

impl Interval {
    pub fn exact(x: f64) -> Interval {
        Interval { low: Some(x), high: Some(x) }
    }
    /// True when some value lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let low = max_opt(self.low, other.low);
        let high = min_opt(self.high, other.high);
        match (low, high) {
            (Some(l), Some(h)) => l <= h,
            _ => true,
        }
    }
    /// "382", "360–399", "≥ 5,000".
    pub fn describe(&self) -> String {
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h => format_number(l),
            (Some(l), Some(h)) => format!("{}–{}", format_number(l), format_number(h)),
            (Some(l), None) => format!("≥ {}", format_number(l)),
            (None, Some(h)) => format!("≤ {}", format_number(h)),
            (None, None) => "any".to_string(),
        }
    }
}

fn max_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}
fn min_opt(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

/// `2500` → "2,500"; `0.25` → "0.25".
///
/// Written with integer arithmetic (up to six decimals) rather than `f64`'s
/// `Display`, whose shortest-representation algorithms would add tens of
/// kilobytes to the wasm module for a tooltip's sake.
pub fn format_number(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() { "?".into() } else if x > 0.0 { "∞".into() } else { "-∞".into() };
    }
    let micros = (x.abs() * 1e6).round();
    if micros >= 9e18 {
        return "a very large number".into();
    }
    let micros = micros as u64;
    let (whole, frac) = (micros / 1_000_000, micros % 1_000_000);
    let digits = whole.to_string();
    let mut out = String::new();
    if x < 0.0 && micros > 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if frac > 0 {
        let decimals = format!("{frac:06}");
        out.push('.');
        out.push_str(decimals.trim_end_matches('0'));
    }
    out
}

/// The normalized value of a mention.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(Interval),
    /// ISO-8601 (a point, month, year, interval "a/b", or duration "P12M"), or
    /// `None` where the text does not pin it down.
    Date(Option<String>),
    Quote,
}

/// One number, date or quote in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: Kind,
    /// Byte span in the article text.
    pub span: Span,
    pub value: Value,
    /// Counted thing, singular and lower case ("officer", "usd").
    pub unit: Option<String>,
    /// The hedge word that bounds a number ("nearly", "at least").
    pub hedge: Option<String>,
    /// A date resolved against the article's reference date.
    pub relative: bool,
    /// Who said a quote, as fully named as the article allows.
    pub speaker: Option<String>,
    /// The extractor that produced it, for tracing.
    pub source: &'static str,
    /// For dates: what the text says, before resolution against a reference date.
    pub date: Option<crate::extract::DateExpr>,
}

impl Mention {
    pub fn new(kind: Kind, span: Span, value: Value, source: &'static str) -> Mention {
        Mention { kind, span, value, unit: None, hedge: None, relative: false, speaker: None, source, date: None }
    }
    pub fn interval(&self) -> Option<Interval> {
        match self.value {
            Value::Number(i) => Some(i),
            _ => None,
        }
    }
    pub fn iso(&self) -> Option<&str> {
        match &self.value {
            Value::Date(Some(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        let nearly = Interval { low: Some(360.0), high: Some(399.0) };
        assert!(nearly.overlaps(&Interval::exact(382.0)));
        assert!(!nearly.overlaps(&Interval::exact(400.0)));
        assert!(Interval { low: Some(5000.0), high: None }.overlaps(&Interval::exact(1e6)));
        assert_eq!(format_number(2500.0), "2,500");
        assert_eq!(format_number(300_000_000.0), "300,000,000");
        assert_eq!(nearly.describe(), "360–399");
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(2.0 / 3.0), "0.666667");
        assert_eq!(format_number(-1234.5), "-1,234.5");
        assert_eq!(format_number(5e9), "5,000,000,000");
    }
}
