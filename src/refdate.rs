//! The reference date of each article: the day its relative dates ("last
//! week", "next year") count from.
//!
//! In order: the published date when given; else a dateline, a full date in
//! the article's opening (before any quote); else inferred from the rest of
//! the cluster (the latest reference date the others have), marked as such.

use crate::calendar::Day;
use crate::mention::{Kind, Mention};

/// How far into the text a date still counts as a dateline, in bytes.
const DATELINE_WINDOW: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Published,
    Dateline,
    Inferred,
    Unknown,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Published => "published",
            Source::Dateline => "dateline",
            Source::Inferred => "inferred",
            Source::Unknown => "unknown",
        }
    }
}

/// A full date near the start of the text, outside quotes.
pub fn dateline(text: &str, mentions: &[Mention]) -> Option<Day> {
    let opening = text.char_indices().find(|(_, c)| !c.is_whitespace()).map_or(0, |(i, _)| i);
    mentions
        .iter()
        .filter(|m| m.kind == Kind::Date && m.span.start < opening + DATELINE_WINDOW)
        .filter(|m| !mentions.iter().any(|q| q.kind == Kind::Quote && q.span.contains(m.span)))
        .find_map(|m| m.date.as_ref()?.absolute_day())
}

/// Fills the unknown reference dates from the known ones: the latest known
/// date of the cluster, or, when none is known, the latest full date stated
/// anywhere in the cluster.
pub fn infer(known: &mut [(Option<Day>, Source)], all_mentions: &[Vec<Mention>]) {
    let latest_known = known.iter().filter_map(|(d, _)| *d).max();
    let latest_stated = || {
        all_mentions
            .iter()
            .flatten()
            .filter_map(|m| m.date.as_ref()?.absolute_day())
            .max()
    };
    let fallback = latest_known.or_else(latest_stated);
    for slot in known.iter_mut().filter(|(d, _)| d.is_none()) {
        *slot = match fallback {
            Some(d) => (Some(d), Source::Inferred),
            None => (None, Source::Unknown),
        };
    }
}
