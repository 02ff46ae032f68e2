//! Stage 3: the report, the one output format of the CLI and the JS API.
//!
//! Offsets are given twice: `start`/`end` in UTF-8 bytes (Rust, the CLI) and
//! `start16`/`end16` in UTF-16 code units (JavaScript strings), both into
//! the article text exactly as given.

use crate::align::Verdict;
use crate::mention::Kind;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub articles: Vec<ArticleReport>,
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleReport {
    pub id: String,
    /// The outlet's name when given.
    pub source: Option<String>,
    pub title: Option<String>,
    /// `YYYY-MM-DD` against which relative dates were resolved.
    pub reference_date: Option<String>,
    /// `published`, `dateline`, `inferred` (from the rest of the cluster) or `unknown`.
    pub reference_date_source: String,
    pub mentions: Vec<MentionReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionReport {
    /// Unique across the report.
    pub id: String,
    pub kind: Kind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
    /// `{"low","high"}` for numbers, an ISO string or null for dates, null for quotes.
    pub value: ReportValue,
    pub unit: Option<String>,
    pub hedge: Option<String>,
    pub relative: bool,
    /// Dates: the fields of `value` the text itself states ("year", "month",
    /// "day", "weekday", "hour", ...); the others are implied by the
    /// reference date. Absent for numbers and quotes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Vec<String>>,
    pub speaker: Option<String>,
    /// Something a fact-checker should look at in this mention alone, such
    /// as a date given as still to come that is before the article's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A mention's value as the report gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum ReportValue {
    /// A number: an interval, `None` where unbounded.
    Interval { low: Option<f64>, high: Option<f64> },
    /// A date's ISO-8601 value.
    Iso(String),
    /// A quote, or a date the text does not pin down.
    Null,
}

impl ReportValue {
    pub fn iso(&self) -> Option<&str> {
        match self {
            ReportValue::Iso(s) => Some(s),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub kind: Kind,
    /// What the members state, in a few words.
    pub about: String,
    /// Mention ids, in article order.
    pub members: Vec<String>,
    pub verdict: Verdict,
    /// One line for a reader: "382 in 000, 001 · 400 in 002".
    pub explanation: String,
    /// Why the members were put together (the words that tied them).
    pub why: String,
    /// Inconsistencies inside one article ("000 itself says both …").
    #[serde(default)]
    pub notes: Vec<String>,
    /// For quotes worded differently: the word-level difference between the
    /// first two wordings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<crate::align::wording::DiffPart>>,
}

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Kind, D::Error> {
        match String::deserialize(d)?.as_str() {
            "number" => Ok(Kind::Number),
            "date" => Ok(Kind::Date),
            "quote" => Ok(Kind::Quote),
            other => Err(serde::de::Error::custom(format!("unknown kind {other}"))),
        }
    }
}

impl<'de> Deserialize<'de> for Verdict {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Verdict, D::Error> {
        let name = String::deserialize(d)?;
        Verdict::from_name(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown verdict {name}")))
    }
}

/// What a reader sees when opening a mark: plain-text lines, never markup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tooltip {
    /// "Number", "Date · resolved to 2025-01", "Quote · William Ruto".
    pub heading: String,
    /// The most severe verdict among the mention's groups, if any.
    pub verdict: Option<Verdict>,
    /// One line per group: the verdict, what it is about, and who says what.
    pub lines: Vec<String>,
}

/// Tooltips by mention id ([`Report::tooltips`]), sorted by id for lookup
/// (a sorted list, not a hash map: the crate keeps hash tables out of the wasm).
#[derive(Debug)]
pub struct Tooltips<'r>(Vec<(&'r str, Option<Tooltip>)>);

impl Tooltips<'_> {
    fn position(&self, id: &str) -> Option<usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(id)).ok()
    }

    /// The tooltip of the mention `id`.
    pub fn get(&self, id: &str) -> Option<&Tooltip> {
        self.position(id).and_then(|i| self.0[i].1.as_ref())
    }

    /// Takes the tooltip of the mention `id` out, for a view that owns it.
    pub fn take(&mut self, id: &str) -> Option<Tooltip> {
        let i = self.position(id)?;
        self.0[i].1.take()
    }
}

impl Report {
    /// One line for the top of a page or a terminal: "5 articles · 67
    /// numbers, dates and quotes · 10 facts stated more than once: 5 agree,
    /// 3 conflict, 2 worded differently".
    pub fn summary(&self) -> String {
        let count = |v: Verdict| self.groups.iter().filter(|g| g.verdict == v).count();
        let mentions: usize = self.articles.iter().map(|a| a.mentions.len()).sum();
        format!(
            "{} articles · {mentions} numbers, dates and quotes · {} facts stated more than once: {} agree, {} conflict, {} worded differently",
            self.articles.len(),
            self.groups.len(),
            count(Verdict::Agree),
            count(Verdict::Conflict),
            count(Verdict::Variant)
        )
    }

    /// The findings as Markdown a fact-checker can paste: a summary line, the
    /// conflicts, the quotes worded differently, notes, and reference dates.
    pub fn markdown(&self) -> String {
        let mut out = format!("# crossread findings\n\n{}\n", self.summary());
        for (verdict, title) in [(Verdict::Conflict, "Conflicts"), (Verdict::Variant, "Quotes worded differently")] {
            let groups: Vec<&Group> = self.groups.iter().filter(|g| g.verdict == verdict).collect();
            if groups.is_empty() {
                continue;
            }
            out.push_str(&format!("\n## {title}\n\n"));
            for (i, g) in groups.iter().enumerate() {
                out.push_str(&format!("{}. **{}**: {}\n", i + 1, escape_md(&g.about), escape_md(&g.explanation)));
                for note in &g.notes {
                    out.push_str(&format!("   - Note: {}\n", escape_md(note)));
                }
                out.push_str(&format!("   - Grouped by {}\n", escape_md(&g.why)));
            }
        }
        let notes: Vec<(&ArticleReport, &MentionReport)> =
            self.articles.iter().flat_map(|a| a.mentions.iter().filter(|m| m.note.is_some()).map(move |m| (a, m))).collect();
        if !notes.is_empty() {
            out.push_str("\n## To check\n\n");
            for (a, m) in notes {
                let label = a.source.as_deref().unwrap_or(&a.id);
                out.push_str(&format!("- {}: {}\n", escape_md(label), escape_md(m.note.as_deref().unwrap_or(""))));
            }
        }
        out.push_str("\n## Articles\n\n");
        for a in &self.articles {
            let label = a.source.as_deref().unwrap_or(&a.id);
            let date = a.reference_date.as_deref().unwrap_or("unknown");
            out.push_str(&format!("- {} ({} mentions; reference date {date}, {})\n", escape_md(label), a.mentions.len(), a.reference_date_source));
        }
        out
    }

    /// Finds a mention and its article by mention id.
    pub fn mention(&self, id: &str) -> Option<(&ArticleReport, &MentionReport)> {
        self.articles.iter().find_map(|a| a.mentions.iter().find(|m| m.id == id).map(|m| (a, m)))
    }

    /// The groups a mention belongs to.
    pub fn groups_of<'r>(&'r self, id: &'r str) -> impl Iterator<Item = &'r Group> + 'r {
        self.groups.iter().filter(move |g| g.members.iter().any(|m| m == id))
    }

    /// Tooltip text for one mention: what the other articles say.
    pub fn tooltip(&self, id: &str) -> Option<Tooltip> {
        let (_, m) = self.mention(id)?;
        let groups: Vec<&Group> = self.groups_of(id).collect();
        Some(self.tooltip_of(m, &groups))
    }

    /// Tooltips of every mention, keyed by mention id, in one pass over the
    /// groups (rendering an article calls this once, not once per mark).
    pub fn tooltips(&self) -> Tooltips<'_> {
        self.tooltips_of(&self.articles)
    }

    /// Tooltips of the mentions of `articles` (some of this report's).
    pub fn tooltips_of<'r>(&'r self, articles: &'r [ArticleReport]) -> Tooltips<'r> {
        let groups_of = crate::sort::grouped(self.groups.iter().flat_map(|g| g.members.iter().map(move |m| (m.as_str(), g))).collect());
        let mut tips: Vec<(&str, Option<Tooltip>)> = articles
            .iter()
            .flat_map(|a| &a.mentions)
            .map(|m| (m.id.as_str(), Some(self.tooltip_of(m, crate::sort::values_of(&groups_of, &m.id.as_str())))))
            .collect();
        crate::sort::sort_by(&mut tips, |a, b| a.0.cmp(b.0));
        Tooltips(tips)
    }

    fn tooltip_of(&self, m: &MentionReport, groups: &[&Group]) -> Tooltip {
        let mut heading = match m.kind {
            Kind::Number => "Number".to_string(),
            Kind::Date => "Date".to_string(),
            Kind::Quote => "Quote".to_string(),
        };
        match (&m.kind, &m.value) {
            (Kind::Number, ReportValue::Interval { low, high }) => {
                let (low, high) = (*low, *high);
                if low != high {
                    heading.push_str(&format!(" · between {}", crate::mention::Interval { low, high }.describe()));
                }
            }
            (Kind::Date, ReportValue::Iso(s)) if m.relative => heading.push_str(&format!(" · read as {s}")),
            (Kind::Quote, _) => {
                if let Some(s) = &m.speaker {
                    heading.push_str(&format!(" · {s}"));
                }
            }
            _ => {}
        }
        let mut verdict: Option<Verdict> = None;
        let mut lines = Vec::new();
        for g in groups {
            verdict = Some(match (verdict, g.verdict) {
                (Some(Verdict::Conflict), _) | (_, Verdict::Conflict) => Verdict::Conflict,
                (Some(Verdict::Variant), _) | (_, Verdict::Variant) => Verdict::Variant,
                _ => Verdict::Agree,
            });
            let label = match g.verdict {
                Verdict::Agree => "✓ Agree",
                Verdict::Conflict => "⚠ Conflict",
                Verdict::Variant => "≈ Worded differently",
            };
            lines.push(format!("{label} ({}): {}", g.about, g.explanation));
            lines.extend(g.notes.iter().map(|n| format!("Note: {n}")));
            if let Some(diff) = &g.diff {
                let part = |op: &str| diff.iter().filter(|p| p.op == op).map(|p| p.text.as_str()).collect::<Vec<_>>().join(" … ");
                let (removed, added) = (part("removed"), part("added"));
                if !removed.is_empty() || !added.is_empty() {
                    lines.push(format!("Wording: “{removed}” → “{added}”"));
                }
            }
        }
        if let Some(note) = &m.note {
            lines.push(format!("Note: {note}"));
        }
        if lines.is_empty() {
            lines.push("No other article states this.".to_string());
        }
        Tooltip { heading, verdict, lines }
    }
}

/// Escapes the characters Markdown would read as formatting.
fn escape_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
