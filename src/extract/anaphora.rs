//! Dates counted from the last date the story names.
//!
//! "Police arrived on June 25. The previous day, …": news tells events in
//! order, and "the previous day", "two days later", "January of the
//! following year" count from the date just told, not from the day the
//! article was published (HeidelTime reads news the same way). This refiner
//! runs after dates are found: each such date ([`DateExpr::FromLast`]) counts
//! from the nearest date before it that pins down the unit it counts in (a
//! day for "the previous day", a year for "the following year"). With none,
//! the reference date stands in.

use super::date::DateExpr;
use crate::mention::Mention;

/// Gives each [`DateExpr::FromLast`] of `dates` (sorted by position) the
/// date it counts from. One found this way may be the origin of the next
/// ("June 25 … the next day … two days later").
pub fn anchor_to_last_date(dates: &mut [Mention]) {
    for i in 0..dates.len() {
        let Some(DateExpr::FromLast { expr, from: None }) = &dates[i].date else { continue };
        let Some(unit) = expr.counts_in() else { continue };
        let origin = dates[..i].iter().rev().filter_map(|m| m.date.as_ref()).find(|d| d.pins().is_some_and(|p| p <= unit)).cloned();
        if let (Some(origin), Some(DateExpr::FromLast { from, .. })) = (origin, dates[i].date.as_mut()) {
            *from = Some(Box::new(origin));
        }
    }
}
