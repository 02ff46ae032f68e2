//! Date mentions: absolute dates, years, ranges, durations, times of day and
//! relative expressions. Each becomes a [`DateExpr`] saying what the text
//! states; [`DateExpr::resolve`] turns it into an ISO value once the article's
//! reference date is known.

use super::lexicon::{self, words};
use super::number::phrase_at;
use crate::calendar::{add_months, days_in_month, Day};
use crate::mention::{Kind, Mention, Value};
use crate::text::{Span, Token, TokenKind, Tokens};

/// Calendar units of relative expressions, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
}

impl Unit {
    pub(crate) fn parse(word: &str) -> Option<Unit> {
        let word = lexicon::without_possessive(word).trim_end_matches(['s', 'S']);
        if !UNIT_NAMES.may_contain(word) {
            return None;
        }
        let lowered = lexicon::lower(word);
        Some(match &*lowered {
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }

    /// A stretch of these units with no stated length ("for years"), with
    /// TimeML's placeholder for the number: "PXY", "PTXM". Quarters count in
    /// months and decades in years, as in [`Unit::duration`].
    fn unstated_duration(self) -> &'static str {
        match self {
            Unit::Minute => "PTXM",
            Unit::Hour => "PTXH",
            Unit::Day => "PXD",
            Unit::Week => "PXW",
            Unit::Month | Unit::Quarter => "PXM",
            Unit::Year | Unit::Decade => "PXY",
        }
    }

    /// ISO-8601 duration of `amount` units: quarters in months, decades in years.
    fn duration(self, amount: u32) -> String {
        match self {
            Unit::Minute => format!("PT{amount}M"),
            Unit::Hour => format!("PT{amount}H"),
            Unit::Day => format!("P{amount}D"),
            Unit::Week => format!("P{amount}W"),
            Unit::Month => format!("P{amount}M"),
            Unit::Quarter => format!("P{}M", 3 * amount),
            Unit::Year => format!("P{amount}Y"),
            Unit::Decade => format!("P{}Y", 10 * amount),
        }
    }
}

/// The names of [`Unit`]s, singular.
const UNIT_NAMES: lexicon::Filter = lexicon::Filter::EMPTY.with(&["minute", "hour", "day", "week", "month", "quarter", "year", "decade"]);

/// A plural unit ("weeks"), not a possessive one ("week's").
fn is_plural(word: &str) -> bool {
    word.ends_with('s') && lexicon::without_possessive(word).len() == word.len()
}

/// Seasons, in TimeML's notation (ISO 8601 has no letters for them).
const SEASONS: [(&str, &str); 5] = [("spring", "SP"), ("summer", "SU"), ("autumn", "FA"), ("fall", "FA"), ("winter", "WI")];

/// Parts of a day, in TimeML's notation ("2008-01-09TMO").
const DAY_PARTS: [(&str, &str); 5] = [("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"), ("tonight", "NI")];

/// What a date expression states, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum DateExpr {
    /// Fully stated: "2024-06-25", "July 2021", "1804", "1915/1934", "199"
    /// (the 1990s), "18" (the 19th century).
    Absolute(String),
    /// Month and day with the year implied: "June 25".
    MonthDay { month: u32, day: u32 },
    /// A day of the month with month and year implied: "on the 27th".
    DayOfMonth(u32),
    /// A day of a month counted from the reference's: "the 15th of next
    /// month" (15, 1), "the first of this month" (1, 0).
    DayOfMonthOf { day: u32, months: i32 },
    /// A weekday and a day of the month: "Friday the 27th", the nearest
    /// month in which that day is that weekday.
    WeekdayDay { weekday: u32, day: u32 },
    /// A month with the year implied: "since June".
    Month(u32),
    /// A month in a year counted from the reference: "January next year" (+1).
    MonthOfYear { month: u32, years: i32 },
    /// This/next/last day, week, month or year: "last week" is (Week, -1).
    Relative { unit: Unit, offset: i32 },
    /// A weekday near the reference date: "on Thursday"; the next one when
    /// the sentence speaks of the future ("will meet on Thursday").
    Weekday { weekday: u32, future: bool },
    /// A part of a day counted from the reference: "this morning" (0, "MO"),
    /// "last night" (-1, "NI").
    DayPart { offset: i32, part: &'static str },
    /// A weekend: "this weekend" (Some(0)), "last weekend" (Some(-1)), "the
    /// weekend" (None: the most recent one, or the current one).
    Weekend(Option<i32>),
    /// A season, its year counted from the reference: "last winter" ("WI", -1).
    Season { season: &'static str, years: i32 },
    /// A quarter with the year implied: "the fourth quarter" (the most recent one).
    Quarter(u32),
    /// "last Sunday" (-1), "this Friday" (0), "next Monday" (1), "two
    /// Sundays from now" (2).
    WeekdayOf { weekday: u32, offset: i32 },
    /// A weekday of a week counted from the reference's: "Tuesday next
    /// week" (1), "last week on Sunday" (-1).
    WeekdayOfWeek { weekday: u32, weeks: i32 },
    /// The last day of the current unit: "by the end of the month".
    EndOf(Unit),
    /// The start of the current unit: "the beginning of the year" (valued as the unit).
    StartOf(Unit),
    /// A stretch of time: "another 12 months" (P12M), "a 12-hour flight" (PT12H).
    Duration { amount: u32, unit: Unit },
    /// A stretch of time with no stated length: "for years" ("PXY"), "in minutes".
    VagueDuration(Unit),
    /// A time of day, with its zone when stated: "7:37 a.m. GMT".
    Time { hour: u32, minute: u32, zone: Option<String> },
    /// A time of day on a day the text names beside it: "3 p.m. Tuesday",
    /// "Tuesday at 10:30 a.m. EDT" (`time` is a [`DateExpr::Time`]).
    At { day: Box<DateExpr>, time: Box<DateExpr> },
    /// Relative but without a value the text pins down: "in the coming weeks".
    Vague,
    /// Days of one month with the year implied: "12 to 15 October", "June
    /// 24-26" (an interval of days).
    DayRange { month: u32, from: u32, to: u32 },
    /// Months with the year implied: "between March and May".
    MonthRange { from: u32, to: u32 },
    /// The `n`th (-1: last) weekday of a month, named ("the first Friday of
    /// July") or counted from the reference's ("of next month": 1).
    NthWeekday { n: i32, weekday: u32, month: Option<u32>, months: i32 },
    /// The reference date moved by months and days, valued to the finest
    /// unit stated: "1 month 21 days ago" (-1, -21, Day), "two days from
    /// tomorrow" (0, 3, Day).
    Shift { months: i32, days: i32, finest: Unit },
    /// A day, month and year the calendar does not have ("February 30,
    /// 2019"): a date, with no value.
    NoSuchDay,
    /// A date inside a quotation, resolved against the day the words were
    /// spoken where the attribution states it (`said`), else only when it
    /// does not count from that day (see `extract::spoken`).
    Spoken { expr: Box<DateExpr>, said: Option<Box<DateExpr>> },
    /// A date counted from the last one the story names, not from the
    /// reference date: "the previous day", "two days later", "January of the
    /// following year". `from` is that date once found (see
    /// `extract::anaphora`); without one, the reference date stands in.
    FromLast { expr: Box<DateExpr>, from: Option<Box<DateExpr>> },
}

impl DateExpr {
    /// The fields of the value that the text itself states, coarsest first;
    /// every other field of the resolved value is implied by the reference
    /// date ("June 25" states the month and day; its year is implied).
    pub fn stated(&self) -> Vec<&'static str> {
        match self {
            DateExpr::Spoken { expr, .. } | DateExpr::FromLast { expr, .. } => expr.stated(),
            DateExpr::At { day, time } => {
                let mut fields = day.stated();
                fields.extend(time.stated());
                fields
            }
            DateExpr::Absolute(iso) => iso_fields(iso.split('/').next().unwrap_or("")),
            DateExpr::MonthDay { .. } | DateExpr::DayRange { .. } => vec!["month", "day"],
            DateExpr::DayOfMonth(_) | DateExpr::DayOfMonthOf { .. } => vec!["day"],
            DateExpr::WeekdayDay { .. } => vec!["day", "weekday"],
            DateExpr::Month(_) | DateExpr::MonthOfYear { .. } | DateExpr::MonthRange { .. } => vec!["month"],
            DateExpr::NthWeekday { month: Some(_), .. } => vec!["month", "weekday"],
            DateExpr::Weekday { .. } | DateExpr::WeekdayOf { .. } | DateExpr::WeekdayOfWeek { .. } | DateExpr::NthWeekday { .. } => vec!["weekday"],
            DateExpr::DayPart { .. } => vec!["part of day"],
            DateExpr::Season { .. } => vec!["season"],
            DateExpr::Quarter(_) => vec!["quarter"],
            DateExpr::Duration { .. } => vec!["duration"],
            DateExpr::Time { zone: Some(_), .. } => vec!["hour", "minute", "zone"],
            DateExpr::Time { .. } => vec!["hour", "minute"],
            DateExpr::Relative { .. } | DateExpr::Shift { .. } | DateExpr::NoSuchDay | DateExpr::Weekend(_) | DateExpr::EndOf(_) | DateExpr::StartOf(_) | DateExpr::VagueDuration(_) | DateExpr::Vague => Vec::new(),
        }
    }

    /// What the words say, without the quotation's day of speaking
    /// ([`DateExpr::Spoken`]).
    pub fn unquoted(&self) -> &DateExpr {
        match self {
            DateExpr::Spoken { expr, .. } => expr,
            other => other,
        }
    }

    /// True when the value depends on the reference date.
    pub fn is_relative(&self) -> bool {
        match self {
            DateExpr::At { day, .. } => day.is_relative(),
            _ => !matches!(self, DateExpr::Absolute(_) | DateExpr::Duration { .. } | DateExpr::VagueDuration(_) | DateExpr::NoSuchDay),
        }
    }

    /// The day a date states in full, with no reference needed: "25 June
    /// 2024", "10:30 a.m. on Sept. 12, 2024".
    pub fn absolute_day(&self) -> Option<Day> {
        match self {
            DateExpr::Absolute(iso) => Day::parse(iso),
            DateExpr::At { day, .. } => day.absolute_day(),
            _ => None,
        }
    }

    /// True when the value is one day ("on Saturday", "June 25",
    /// "yesterday", "the 15th of next month").
    pub fn names_a_day(&self) -> bool {
        match self {
            DateExpr::FromLast { expr, .. } => expr.names_a_day(),
            DateExpr::Absolute(iso) => iso.len() == 10,
            DateExpr::MonthDay { .. }
            | DateExpr::DayOfMonth(_)
            | DateExpr::DayOfMonthOf { .. }
            | DateExpr::WeekdayDay { .. }
            | DateExpr::Weekday { .. }
            | DateExpr::WeekdayOf { .. }
            | DateExpr::WeekdayOfWeek { .. }
            | DateExpr::NthWeekday { .. } => true,
            DateExpr::Relative { unit, .. } | DateExpr::Shift { finest: unit, .. } => *unit == Unit::Day,
            _ => false,
        }
    }

    /// The day a relative date counts from: the date before it that the
    /// story names ([`DateExpr::FromLast`]), the day the words were spoken
    /// ([`DateExpr::Spoken`]), else `reference`. A year or month stands in
    /// for its first day.
    pub fn origin(&self, reference: Option<Day>) -> Option<Day> {
        // "2019-07" as "2019-07-01"; "2019", "2019-Q3", "2024-W38" as the year's first day
        let first_day = |iso: &str| {
            let month = iso.get(5..7).filter(|m| m.bytes().all(|b| b.is_ascii_digit())).unwrap_or("01");
            iso.get(..10).and_then(Day::parse).or_else(|| Day::parse(&format!("{}-{month}-01", iso.get(..4)?)))
        };
        match self {
            DateExpr::FromLast { from: Some(from), .. } => first_day(&from.resolve(reference)?),
            DateExpr::Spoken { said: Some(said), .. } => Day::parse(said.resolve(reference)?.get(..10)?),
            _ => reference,
        }
    }

    /// The unit an anaphoric date counts in, which the date it counts from
    /// must pin down: a day for "the previous day", a year for "the
    /// following year".
    pub(super) fn counts_in(&self) -> Option<Unit> {
        match self {
            DateExpr::Relative { unit, .. } => Some(*unit),
            DateExpr::Shift { days, months, .. } => Some(if *days != 0 { Unit::Day } else if months % 12 == 0 { Unit::Year } else { Unit::Month }),
            DateExpr::MonthOfYear { .. } => Some(Unit::Year),
            _ => None,
        }
    }

    /// The finest unit the value pins down, for a later date to count from
    /// it: a day ("June 25", "on Tuesday"), a month ("July 2021"), a year
    /// ("2019", "last week"). None for stretches, ranges and decades. Read
    /// from the shape of the value on any reference day.
    pub(super) fn pins(&self) -> Option<Unit> {
        let iso = self.resolve(Day::new(2000, 1, 1))?;
        let digits = |r: std::ops::Range<usize>| iso.get(r).is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()));
        if iso.contains('/') || !digits(0..4) {
            None
        } else if iso.len() >= 10 {
            Some(Unit::Day)
        } else if iso.len() == 7 && digits(5..7) {
            Some(Unit::Month)
        } else {
            Some(Unit::Year)
        }
    }

    /// The ISO value, resolved against `reference` where needed.
    pub fn resolve(&self, reference: Option<Day>) -> Option<String> {
        match self {
            DateExpr::Absolute(iso) => Some(iso.clone()),
            DateExpr::Duration { amount, unit } => Some(unit.duration(*amount)),
            DateExpr::Vague | DateExpr::NoSuchDay => None,
            // words spoken on a day the attribution leaves unknown
            DateExpr::Spoken { said: None, .. } => None,
            DateExpr::Spoken { expr, .. } | DateExpr::FromLast { expr, .. } => expr.resolve(self.origin(reference)),
            DateExpr::VagueDuration(unit) => Some(unit.unstated_duration().to_string()),
            DateExpr::At { day, time } => {
                let day = Day::parse(&day.resolve(reference)?)?;
                time.resolve(Some(day))
            }
            DateExpr::Time { hour, minute, zone } => {
                let day = reference?;
                let z = match zone.as_deref() {
                    Some("GMT" | "UTC" | "Z") => "Z",
                    _ => "",
                };
                Some(format!("{}T{hour:02}:{minute:02}{z}", day.iso()))
            }
            _ => {
                let r = reference?;
                Some(match *self {
                    DateExpr::MonthDay { month, day } => {
                        // "Feb 29": the leap year nearest the usual reading
                        let year = nearest_year(r, month);
                        (0..8).flat_map(|k| [year - k, year + k]).find_map(|y| Day::new(y, month, day))?.iso()
                    }
                    DateExpr::Shift { months, days, finest } => {
                        let (y, m) = add_months(r.year, r.month, months);
                        let day = Day::new(y, m, r.day.min(days_in_month(y, m)))?.add_days(i64::from(days));
                        match finest {
                            Unit::Minute | Unit::Hour => return None,
                            Unit::Day | Unit::Week => day.iso(),
                            Unit::Month | Unit::Quarter => format!("{:04}-{:02}", day.year, day.month),
                            Unit::Year => format!("{:04}", day.year),
                            Unit::Decade => format!("{:03}", day.year.div_euclid(10)),
                        }
                    }
                    DateExpr::Month(month) => format!("{:04}-{month:02}", nearest_year(r, month)),
                    DateExpr::DayRange { month, from, to } => {
                        let year = nearest_year(r, month);
                        format!("{}/{}", Day::new(year, month, from)?.iso(), Day::new(year, month, to)?.iso())
                    }
                    DateExpr::NthWeekday { n, weekday, month, months } => {
                        let (y, m) = match month {
                            Some(m) => (nearest_year(r, m), m),
                            None => add_months(r.year, r.month, months),
                        };
                        nth_weekday_of(y, m, weekday, n)?.iso()
                    }
                    DateExpr::MonthRange { from, to } => {
                        let year = nearest_year(r, from);
                        // "between November and February" runs into the next year
                        let end = if to < from { year + 1 } else { year };
                        format!("{year:04}-{from:02}/{end:04}-{to:02}")
                    }
                    DateExpr::DayOfMonth(day) => {
                        // this month's, or last month's when that day is still to come
                        let (y, m) = if day <= r.day { (r.year, r.month) } else { add_months(r.year, r.month, -1) };
                        Day::new(y, m, day)?.iso()
                    }
                    DateExpr::DayOfMonthOf { day, months } => {
                        let (y, m) = add_months(r.year, r.month, months);
                        Day::new(y, m, day)?.iso()
                    }
                    DateExpr::WeekdayDay { weekday, day } => {
                        let fits = |offset: i32| {
                            let (y, m) = add_months(r.year, r.month, offset);
                            Day::new(y, m, day).filter(|d| d.weekday() == weekday)
                        };
                        (0..=14).flat_map(|k| [k, -k]).find_map(fits)?.iso()
                    }
                    DateExpr::MonthOfYear { month, years } => format!("{:04}-{month:02}", r.year + years),
                    DateExpr::Relative { unit, offset } => match unit {
                        // the reference is a day: an hour or minute from it has no value
                        Unit::Minute | Unit::Hour => return None,
                        Unit::Day => r.add_days(i64::from(offset)).iso(),
                        Unit::Week => {
                            let (y, w) = r.add_days(7 * i64::from(offset)).iso_week();
                            format!("{y:04}-W{w:02}")
                        }
                        Unit::Month => {
                            let (y, m) = add_months(r.year, r.month, offset);
                            format!("{y:04}-{m:02}")
                        }
                        Unit::Quarter => {
                            let q = r.year * 4 + (r.month as i32 - 1) / 3 + offset;
                            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
                        }
                        Unit::Year => format!("{:04}", r.year + offset),
                        Unit::Decade => format!("{:03}", r.year.div_euclid(10) + offset),
                    },
                    DateExpr::Weekday { weekday, future } => {
                        // News uses a bare weekday for the most recent one, or today,
                        // unless the sentence is about what will happen.
                        let wd = i64::from(weekday);
                        let today = i64::from(r.weekday());
                        if future {
                            r.add_days((wd - today).rem_euclid(7)).iso()
                        } else {
                            r.add_days(-(today - wd).rem_euclid(7)).iso()
                        }
                    }
                    DateExpr::DayPart { offset, part } => format!("{}T{part}", r.add_days(i64::from(offset)).iso()),
                    DateExpr::Weekend(offset) => {
                        // a weekend belongs to the ISO week of its Saturday
                        let offset = offset.unwrap_or(if r.weekday() >= 5 { 0 } else { -1 });
                        let (y, w) = r.add_days(7 * i64::from(offset)).iso_week();
                        format!("{y:04}-W{w:02}-WE")
                    }
                    DateExpr::Season { season, years } => format!("{:04}-{season}", r.year + years),
                    DateExpr::Quarter(q) => {
                        let current = (r.month - 1) / 3 + 1;
                        format!("{:04}-Q{q}", if q <= current { r.year } else { r.year - 1 })
                    }
                    DateExpr::StartOf(unit) => DateExpr::Relative { unit, offset: 0 }.resolve(Some(r))?,
                    DateExpr::WeekdayOf { weekday, offset } => {
                        let wd = i64::from(weekday);
                        let today = i64::from(r.weekday());
                        let weeks = 7 * (i64::from(offset.abs()) - 1);
                        match offset.signum() {
                            // the most recent one strictly before the reference date (or the `n`th)
                            -1 => r.add_days(-((today - wd - 1).rem_euclid(7) + 1) - weeks).iso(),
                            // the first one strictly after it (or the `n`th)
                            1 => r.add_days((wd - today - 1).rem_euclid(7) + 1 + weeks).iso(),
                            // the one in the reference date's week
                            _ => r.add_days(wd - today).iso(),
                        }
                    }
                    DateExpr::WeekdayOfWeek { weekday, weeks } => {
                        let monday = r.add_days(-i64::from(r.weekday()));
                        monday.add_days(7 * i64::from(weeks) + i64::from(weekday)).iso()
                    }
                    DateExpr::EndOf(unit) => match unit {
                        Unit::Minute | Unit::Hour => return None,
                        Unit::Day => r.iso(),
                        Unit::Quarter => {
                            let last = ((r.month - 1) / 3 + 1) * 3;
                            Day::new(r.year, last, days_in_month(r.year, last))?.iso()
                        }
                        Unit::Decade => format!("{:03}9-12-31", r.year.div_euclid(10)),
                        Unit::Week => r.add_days(6 - i64::from(r.weekday())).iso(),
                        Unit::Month => Day::new(r.year, r.month, days_in_month(r.year, r.month))?.iso(),
                        Unit::Year => format!("{:04}-12-31", r.year),
                    },
                    _ => return None,
                })
            }
        }
    }
}

/// The fields an ISO value written in full states: "2024" (year), "2024-06"
/// (year, month), "2024-06-25", "199" (the 1990s: decade), "2009-Q3",
/// "2009-SP", "2024-06-25T07:37Z".
fn iso_fields(iso: &str) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let parts: Vec<&str> = date.split('-').collect();
    match parts.first().map(|y| y.len()) {
        Some(4) => fields.push("year"),
        Some(3) => fields.push("decade"),
        Some(2) => fields.push("century"),
        _ => {}
    }
    match parts.get(1) {
        Some(q) if q.starts_with('Q') => fields.push("quarter"),
        Some(w) if w.starts_with('W') => fields.push("week"),
        Some(m) if m.bytes().all(|b| b.is_ascii_digit()) => fields.push("month"),
        Some(_) => fields.push("season"),
        None => {}
    }
    if parts.get(2).is_some() {
        fields.push("day");
    }
    if !time.is_empty() {
        fields.extend(["hour", "minute"]);
        if time.ends_with('Z') {
            fields.push("zone");
        }
    }
    fields
}

/// The year that puts `month` closest to the reference date (news looks
/// back more than forward, so "June" in September is this June).
fn nearest_year(r: Day, month: u32) -> i32 {
    let diff = month as i32 - r.month as i32;
    if diff > 6 {
        r.year - 1
    } else if diff < -8 {
        r.year + 1
    } else {
        r.year
    }
}

/// All date mentions of one text, unresolved (value `None`).
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn dates(tokens: &Tokens<'_>) -> Vec<Mention> {
    let list = &tokens.list;
    let mut found = Vec::new();
    let mut i = 0;
    while i < list.len() {
        match date_at(list, i) {
            Some(f) => {
                i = f.1;
                found.push(f);
            }
            None => i += 1,
        }
    }
    with_times_of_day(list, found)
        .into_iter()
        .map(|(first, end, expr, source)| {
            let last = &list[end - 1];
            // "Monday's email": the date is "Monday"
            let possessive = last.text.len() - lexicon::without_possessive(last.text).len();
            let span = Span::new(list[first].span.start, last.span.end - possessive);
            let mut m = Mention::new(Kind::Date, span, Value::Date(None), source);
            m.relative = expr.is_relative();
            m.date = Some(expr);
            m
        })
        .collect()
}

/// Joins a time of day to the day named beside it, before or after ("3
/// p.m. Tuesday", "10:30 a.m. EDT on Tuesday", "on Monday, at about 3
/// p.m."): one date, the time on that day. Alone, a time falls on the
/// reference day.
fn with_times_of_day(list: &[Token<'_>], found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        // "3 p.m. Tuesday": the full stop of "p.m." before a weekday or month
        let stop_of_meridiem = |k: usize| list[k].punct('.') && !list[k].space_before && k + 1 == f.0 && (lexicon::weekday(list[f.0].text).is_some() || lexicon::month(list[f.0].text).is_some());
        let joined = out.last().is_some_and(|p| {
            f.0 - p.1 <= 3
                && (p.1..f.0).all(|k| !list[k].line_before && (list[k].punct(',') || list[k].is_any(&["on", "at", "about", "around", "approximately"]) || stop_of_meridiem(k)))
                && match (&p.2, &f.2) {
                    (DateExpr::Time { .. }, day) | (day, DateExpr::Time { .. }) => day.names_a_day(),
                    _ => false,
                }
        });
        match out.pop() {
            Some(p) if joined => {
                let (day, time) = if matches!(p.2, DateExpr::Time { .. }) { (f.2, p.2) } else { (p.2, f.2) };
                out.push((p.0, f.1, DateExpr::At { day: Box::new(day), time: Box::new(time) }, "date::day_time"));
            }
            Some(p) => {
                out.push(p);
                out.push(f);
            }
            None => out.push(f),
        }
    }
    out
}

fn numeral(t: Option<&Token<'_>>) -> Option<u32> {
    let t = t?;
    (t.kind == TokenKind::Numeral && t.text.bytes().all(|b| b.is_ascii_digit()) && t.text.len() <= 4)
        .then(|| t.text.parse().ok())
        .flatten()
}

fn glued(list: &[Token<'_>], i: usize) -> bool {
    list.get(i).is_some_and(|t| !t.space_before)
}

/// A year written with two digits ("'82", "05/05/89"): this century up to
/// '39, the last one from '40.
fn two_digit_year(n: u32) -> u32 {
    if n < 40 {
        2000 + n
    } else {
        1900 + n
    }
}

fn is_year(n: u32) -> bool {
    (1000..=2100).contains(&n)
}

type Found = (usize, usize, DateExpr, &'static str);

/// The date starting at token `i`: `(first token, end token, expr, source)`.
/// Words that can open a date mention besides numerals, months and
/// weekdays, "the" first (the commonest word). Every other token is rejected at once.
const OPENERS: lexicon::Words = words!(concat!(
    "the|a|additional|another|coming|early|earlier|end|few|last|late|later|mid|next|past|recent|",
    "several|this|today|tomorrow|tmrw|tonight|yesterday|an|single|first|second|third|",
    "fourth|final|weekend|q|beginning|start|middle|spring|summer|autumn|fall|winter|fifth|",
    "sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|",
    "sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|noon|midday|midnight",
));

/// Ordinal words for the days of a month, "first" to "twentieth", then "thirtieth".
const ORDINAL_DAYS: lexicon::Words = words!(concat!(
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|",
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|",
    "thirtieth",
));

/// A day written as an ordinal word at `k`: "tenth", "twenty-first",
/// "thirty first": `(day, index after)`.
fn ordinal_word_day(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    word_day(list, k, false)
}

/// A day in words at `k`: an ordinal ("tenth", "twenty-first"), or with
/// `cardinal` also a compound count ("twenty one", "thirty-one", as in
/// "May twenty one"): `(day, index after)`.
fn word_day(list: &[Token<'_>], k: usize, cardinal: bool) -> Option<(u32, usize)> {
    let t = list.get(k)?;
    let simple = |t: &Token<'_>| ORDINAL_DAYS.find(t).map(|p| if p == 20 { 30 } else { p as u32 + 1 });
    if let Some(d) = simple(t) {
        return Some((d, k + 1));
    }
    let tens = if t.is("twenty") { 20 } else if t.is("thirty") { 30 } else { return None };
    let hyphen = usize::from(list.get(k + 1).is_some_and(|h| h.punct('-') && !h.space_before));
    let u = list.get(k + 1 + hyphen)?;
    let unit = simple(u).or_else(|| lexicon::number_word(u.text).filter(|_| cardinal && u.is_word()).map(|n| n as u32)).filter(|u| (1..=9).contains(u))?;
    let day = tens + unit;
    (day <= 31).then_some((day, k + 2 + hyphen))
}

/// A day glued to a month by a dash or slash at `k`: "-1" in "Jan-1",
/// "/2" in "Oct/2": `(day, index after)`.
fn dashed_day(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    list.get(k).filter(|s| (s.punct('-') || s.punct('/')) && !s.space_before)?;
    let d = numeral(list.get(k + 1)).filter(|d| (1..=31).contains(d) && glued(list, k + 1) && list[k + 1].text.len() <= 2)?;
    // "Jan-1-2" or "Oct/2/3" would be something else
    if list.get(k + 2).is_some_and(|n| !n.space_before && (n.punct('-') || n.punct('/') || n.kind == TokenKind::Numeral)) {
        return None;
    }
    Some((d, k + 2))
}

/// A year in words after a day: "two thousand", "two thousand and
/// eighteen", "nineteen seventy-eight", "nineteen oh one", "twenty twenty":
/// `(year, index after)`. Nothing may continue the number ("June 25, two
/// thousand protesters" counts people).
fn year_in_words(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    let word = |j: usize| list.get(j).filter(|t| t.is_word()).and_then(|t| lexicon::number_word(t.text)).filter(|n| n.fract() == 0.0).map(|n| n as u32);
    let (year, end) = if list.get(k)?.is("two") && list.get(k + 1)?.is("thousand") {
        let and = usize::from(list.get(k + 2).is_some_and(|a| a.is("and")));
        match below_hundred(list, k + 2 + and) {
            Some((n, e)) => (2000 + n, e),
            None => (2000, k + 2),
        }
    } else {
        let century = word(k).filter(|c| (10..=20).contains(c))?;
        let rest = list.get(k + 1)?;
        if rest.is("hundred") {
            (century * 100, k + 2)
        } else if rest.is_any(&["zero", "oh", "o"]) {
            (century * 100 + word(k + 2).filter(|u| (1..=9).contains(u))?, k + 3)
        } else {
            let (n, e) = below_hundred(list, k + 1).filter(|(n, _)| *n >= 10)?;
            (century * 100 + n, e)
        }
    };
    if list.get(end).is_some_and(|n| n.is_word() && !n.is_any(&["at", "in", "on", "and", "when", "to", "for", "with", "by"])) {
        return None;
    }
    is_year(year).then_some((year, end))
}

/// 1 to 99 in words at `k`: "eighteen", "seventy eight", "seventy-eight".
fn below_hundred(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    super::number::tens_and_units(list, k).filter(|(n, _)| (1.0..100.0).contains(n)).map(|(n, next)| (n as u32, next))
}

fn may_open_date(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Numeral => true,
        // "'82", "’80s"
        TokenKind::Punct => t.text == "'" || t.text == "’",
        TokenKind::Word => {
            let w = lexicon::without_possessive(t.text);
            // One hash turns most words away before any list is searched.
            const ANY: lexicon::Filter = OPENERS.filter().union(lexicon::NUMBER_WORDS.filter()).union(lexicon::MONTH_NAMES.filter()).union(lexicon::WEEKDAY_NAMES.filter()).union(UNIT_NAMES).union(WEEKDAY_ABBREVIATIONS.filter());
            let unit_like = || matches!(w.as_bytes().last(), Some(b's' | b'S')) && UNIT_NAMES.may_contain(w.trim_end_matches(['s', 'S']));
            let admitted = if w.len() == t.text.len() { ANY.admits(t) } else { ANY.may_contain(w) };
            if !admitted && !unit_like() {
                return false;
            }
            (if w.len() == t.text.len() { OPENERS.has(t) } else { OPENERS.contains(w) })
                || lexicon::number_word(w).is_some()
                || lexicon::month(w).is_some()
                || lexicon::weekday(w).is_some()
                || WEEKDAY_ABBREVIATIONS.has(t)
                || Unit::parse(w).is_some()
        }
    }
}

fn date_at(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = list.get(i)?;
    // holidays are capitalized: their first letters turn most words away unread
    if matches!(t.text.as_bytes().first(), Some(b'A' | b'B' | b'C' | b'H' | b'J' | b'M' | b'N' | b'T' | b'V')) {
        if let Some(found) = holiday(list, i) {
            return Some(found);
        }
    }
    if !may_open_date(t) {
        return None;
    }
    // An article (the commonest openers) opens a date only before a word
    // that could open one itself, or "the following/previous …"
    if t.is_any(&["the", "a", "an"]) && !list.get(i + 1).is_some_and(|n| may_open_date(n) || n.is_any(&["following", "previous"])) {
        return None;
    }
    iso_date(list, i)
        .or_else(|| numeric_date(list, i))
        .or_else(|| numeric_month_day(list, i))
        .or_else(|| day_range(list, i))
        .or_else(|| nth_weekday(list, i))
        .or_else(|| ordinal_word_day_month(list, i))
        .or_else(|| ordinal_day_month(list, i))
        .or_else(|| time_of_day(list, i))
        .or_else(|| day_month(list, i))
        .or_else(|| month_first(list, i))
        .or_else(|| year_forms(list, i))
        .or_else(|| century(list, i))
        .or_else(|| short_year(list, i))
        .or_else(|| quarter(list, i))
        .or_else(|| season(list, i))
        .or_else(|| relative(list, i))
        .or_else(|| duration(list, i))
        .or_else(|| vague_duration(list, i))
        .or_else(|| weekday(list, i))
        .or_else(|| day_of_month(list, i))
}

/// Holidays that name a day, capitalized: a fixed one's first word, its
/// month and day, and whether it needs "Day" after it ("Boxing Day", but
/// "Christmas" alone).
const HOLIDAYS: [&str; 11] = ["Christmas", "Halloween", "Boxing", "Valentine", "Jamhuri", "Madaraka", "Mashujaa", "Bastille", "Armistice", "New", "Thanksgiving"];
const HOLIDAY_DAYS: [(u32, u32, bool); 9] = [(12, 25, false), (10, 31, false), (12, 26, true), (2, 14, true), (12, 12, true), (6, 1, true), (10, 20, true), (7, 14, true), (11, 11, true)];

/// "Christmas Day", "Christmas Eve", "New Year's Eve", "Valentine's Day",
/// "Jamhuri Day" (Kenya's 12 December), "Thanksgiving" (the fourth Thursday
/// of November): the day, with the year implied as for "June 25".
fn holiday(list: &[Token<'_>], i: usize) -> Option<Found> {
    let name = lexicon::without_possessive(list[i].text);
    let found = HOLIDAYS.iter().position(|h| *h == name)?;
    let is = |k: usize, w: &str| list.get(k).is_some_and(|t| t.is(w));
    let day = usize::from(is(i + 1, "day"));
    // "Christmas sales", "a Thanksgiving dinner": a name used as an
    // adjective, not a day ("over Christmas and New Year" still is one)
    let attributive = list.get(i + 1).is_some_and(|n| n.is_word() && !n.is_capitalized() && !n.line_before && !n.is_any(&["and", "or", "in", "on", "at", "to", "for", "of", "this", "last", "next", "is", "was", "will", "with", "when", "day", "eve"]));
    if attributive && found != 9 {
        return None;
    }
    let (month, date, end) = match found {
        // "New Year's Day", "New Year's Eve", "New Year's"
        9 => {
            list.get(i + 1).filter(|y| y.text.len() > 4 && lexicon::without_possessive(y.text).eq_ignore_ascii_case("year"))?;
            let (eve, day) = (is(i + 2, "eve"), is(i + 2, "day"));
            if eve { (12, 31, i + 3) } else { (1, 1, i + 2 + usize::from(day)) }
        }
        10 => return Some((i, i + 1 + day, DateExpr::NthWeekday { n: 4, weekday: 3, month: Some(11), months: 0 }, "date::holiday")),
        0 if is(i + 1, "eve") => (12, 24, i + 2),
        k => {
            let (month, date, needs_day) = HOLIDAY_DAYS[k];
            if needs_day && day == 0 {
                return None;
            }
            (month, date, i + 1 + day)
        }
    };
    Some((i, end, DateExpr::MonthDay { month, day: date }, "date::holiday"))
}

/// "on Thursday" → "Thursday"; "Monday morning".
/// Weekday abbreviations, Monday first ("Wed, Oct 11", "Thurs 2 Nov").
const WEEKDAY_ABBREVIATIONS: lexicon::Words = words!("mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun");
/// The weekday of each abbreviation above (Monday = 0).
const ABBREVIATED_WEEKDAYS: [u32; 10] = [0, 1, 1, 2, 3, 3, 3, 4, 5, 6];

fn weekday(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &list[i];
    // weekday names are no ordinary words, so case does not matter; an
    // abbreviation ("Sat", "Wed", "Sun" are words too) only before its date
    let full = lexicon::weekday(lexicon::without_possessive(t.text));
    // "on Tues", "on wed.": after "on" an abbreviation is a day in any case
    let after_on = i.checked_sub(1).is_some_and(|p| list[p].is("on"));
    let abbreviation = WEEKDAY_ABBREVIATIONS.find(t).filter(|_| full.is_none() && (t.is_capitalized() || after_on));
    let abbreviated = abbreviation.is_some();
    if full.is_none() && !abbreviated {
        return None;
    }
    let mut at = i + 1;
    if abbreviated && list.get(at).is_some_and(|d| d.punct('.') && !d.space_before) {
        at += 1;
    }
    // "Monday, January 12, 2016", "Tuesday 3 March": the date that follows
    // names the day; the weekday only repeats it.
    if list.get(at).is_some_and(|c| c.punct(',')) {
        at += 1;
    }
    let dated = month_first(list, at)
        .or_else(|| day_month(list, at))
        .or_else(|| ordinal_day_month(list, at))
        .or_else(|| numeric_date(list, at))
        .or_else(|| iso_date(list, at))
        .filter(|(first, _, expr, _)| *first == at && (matches!(expr, DateExpr::MonthDay { .. }) || matches!(expr, DateExpr::Absolute(iso) if iso.len() == 10)));
    if let Some((_, end, expr, source)) = dated {
        return Some((i, end, expr, source));
    }
    let weekday = match (full, abbreviation) {
        (Some(w), _) => w,
        // alone, an abbreviation only after "on", where no word follows
        (None, Some(p)) if after_on && list.get(i + 1).is_none_or(|n| !n.is_word() || n.line_before) => {
            let weekday = ABBREVIATED_WEEKDAYS[p];
            return Some((i, i + 1, DateExpr::Weekday { weekday, future: speaks_of_future(list, i) }, "date::weekday"));
        }
        _ => return None,
    };
    // "Tuesday next week", "Friday last week", "Sunday of next week"
    let of = usize::from(list.get(i + 1).is_some_and(|o| o.is("of")));
    for (phrase, weeks) in [("next week", 1), ("last week", -1), ("this week", 0)] {
        if let Some(end) = phrase_at(list, i + 1 + of, phrase) {
            return Some((i, end, DateExpr::WeekdayOfWeek { weekday, weeks }, "date::weekday_of_week"));
        }
    }
    let mut end = i + 1;
    // "Friday the 22nd", "Friday the thirteenth"
    // (an ordinal word only where no noun follows: "on Tuesday the first generation")
    let word_day = || ordinal_word_day(list, i + 2).filter(|(_, next)| !list.get(*next).is_some_and(|n| n.is_word() && !n.is_any(&["at", "in", "and", "when", "to", "for"])));
    if let Some((day, next)) = list.get(i + 1).filter(|t| t.is("the")).and_then(|_| ordinal_day(list, i + 2).or_else(word_day)) {
        return Some((i, next, DateExpr::WeekdayDay { weekday, day }, "date::weekday_day"));
    }
    if lexicon::without_possessive(t.text).len() == t.text.len() && list.get(end).is_some_and(|p| p.is_any(&["morning", "afternoon", "evening", "night"])) {
        end += 1;
    }
    Some((i, end, DateExpr::Weekday { weekday, future: speaks_of_future(list, i) }, "date::weekday"))
}

/// "the 27th", "on the 21st": a day of the month alone, where nothing after
/// it makes the ordinal an adjective ("the 21st century", "the 27th floor").
///
/// Also "on 22nd", "on the second", "the twenty second", "on thirty first":
/// a simple ordinal word only after "on the", where it is seldom a rank.
fn day_of_month(list: &[Token<'_>], i: usize) -> Option<Found> {
    let the = usize::from(list[i].is("the"));
    let after_on = i.checked_sub(1).is_some_and(|p| list[p].is("on"));
    // "the 15th of next month", "the first of this month"
    let of_month = |next: usize| {
        let at = next + 1;
        list.get(next).filter(|o| o.is("of"))?;
        [("this month", 0), ("next month", 1), ("last month", -1), ("the month", 0), ("the following month", 1), ("the next month", 1), ("the previous month", -1)]
            .iter()
            .find_map(|&(phrase, months)| phrase_at(list, at, phrase).map(|end| (months, end)))
    };
    // ("31st of this month" needs no "the"; a word, "first", does)
    let day = if the == 1 { ordinal_day(list, i + 1).or_else(|| word_day(list, i + 1, false)) } else { ordinal_day(list, i) };
    if let Some((day, (months, end))) = day.and_then(|(day, next)| Some((day, of_month(next)?))) {
        return Some((i, end, DateExpr::DayOfMonthOf { day, months }, "date::day_of_relative_month"));
    }
    if the == 0 && !after_on {
        return None;
    }
    // "on 15", closing its sentence: a bare count after "on" has nothing else to be
    let bare = || {
        let d = numeral(list.get(i)).filter(|d| the == 0 && (1..=31).contains(d) && list[i].text.len() <= 2)?;
        list.get(i + 1).is_none_or(|n| n.line_before || (n.kind == TokenKind::Punct && matches!(n.text, "." | "!" | "?"))).then_some((d, i + 1))
    };
    let (day, next) = ordinal_day(list, i + the)
        .or_else(|| word_day(list, i + the, false).filter(|(d, _)| *d > 20 || (the == 1 && after_on)))
        .or_else(bare)?;
    // "the 22nd - 29th of August" is a range, read from its first day
    if range_end(list, next).is_some() {
        return None;
    }
    // ("the twenty-first-century economy": a glued hyphen joins an adjective)
    let free = list.get(next).is_none_or(|n| {
        n.is_punct_not_glued_hyphen() || n.line_before || n.is_any(&["at", "in", "on", "and", "or", "to", "when", "with", "for", "this", "next", "last", "until", "before", "after", "is", "was", "will"])
    });
    free.then_some((i, next, DateExpr::DayOfMonth(day), "date::day_of_month"))
}

/// An ordinal day in digits at `k`: "27th", "1st": `(day, index after)`.
fn ordinal_day(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    let d = numeral(list.get(k)).filter(|d| (1..=31).contains(d) && list[k].text.len() <= 2)?;
    list.get(k + 1).filter(|s| s.is_any(&["st", "nd", "rd", "th"]) && !s.space_before)?;
    Some((d, k + 2))
}

/// "the 19th century" (TimeML's "18"), "the twenty-first century"; not
/// one counted before Christ.
fn century(list: &[Token<'_>], i: usize) -> Option<Found> {
    let (n, mut next) = ordinal_day(list, i).or_else(|| word_day(list, i, false))?;
    // "a 21st-century idea"
    if list.get(next).is_some_and(|h| h.punct('-') && !h.space_before) && glued(list, next + 1) {
        next += 1;
    }
    list.get(next).filter(|c| lexicon::without_possessive(c.text).eq_ignore_ascii_case("century"))?;
    let era = list.get(next + 1).is_some_and(|e| e.is_any(&["bc", "bce", "b"]));
    (!era && n >= 1).then(|| (i, next + 1, DateExpr::Absolute(format!("{:02}", n - 1)), "date::century"))
}

/// Words before a date, in its sentence, that put it in the future: "will
/// meet on Thursday", "is due to land on Monday".
fn speaks_of_future(list: &[Token<'_>], i: usize) -> bool {
    const MARKERS: [&str; 12] =
        ["will", "shall", "expected", "scheduled", "due", "plans", "planned", "intends", "upcoming", "going", "won't", "set"];
    let from = i.saturating_sub(10);
    for k in (from..i).rev() {
        let t = &list[k];
        if t.punct('.') || t.punct('!') || t.punct('?') || t.punct(';') || list[k + 1].line_before {
            return false;
        }
        let contraction = t.text.ends_with("'ll") || t.text.ends_with("’ll");
        let set_to = t.is("set") || t.is("going");
        if contraction || (t.is_any(&MARKERS) && (!set_to || list.get(k + 1).is_some_and(|n| n.is("to")))) {
            return true;
        }
    }
    false
}

/// "'82" (1982), "’80s" (the 1980s), "the 70s": years in two digits.
fn short_year(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &list[i];
    let apostrophe = t.text == "'" || t.text == "’";
    let at = if apostrophe { i + 1 } else { i };
    if apostrophe && (!glued(list, at) || glued(list, i) && list.get(i.wrapping_sub(1)).is_some_and(Token::is_word)) {
        return None;
    }
    let n = numeral(list.get(at)).filter(|_| list[at].text.len() == 2)?;
    let year = two_digit_year(n);
    let decade = list.get(at + 1).is_some_and(|s| s.is("s") && !s.space_before) && n % 10 == 0;
    if decade {
        // "the 70s", "the '80s", "the 70s and 80s"; not "in their 70s" (an age)
        let prev = i.checked_sub(1).and_then(|p| list.get(p));
        let after_decade = i >= 3 && prev.is_some_and(|p| p.is_any(&["and", "or", "to"])) && list[i - 2].is("s");
        if !apostrophe && !prev.is_some_and(|p| p.is("the")) && !after_decade {
            return None;
        }
        return Some((i, at + 2, DateExpr::Absolute(format!("{}", year / 10)), "date::decade"));
    }
    if !apostrophe || list.get(at + 1).is_some_and(|n| n.kind == TokenKind::Numeral && !n.space_before) {
        return None;
    }
    // "since '82", "the class of '99"; after a name it is a version ("iLife '11")
    let prev = i.checked_sub(1).and_then(|p| list.get(p));
    let placed = prev.is_none_or(|p| {
        p.kind != TokenKind::Word
            || p.is_any(&["in", "since", "of", "from", "until", "till", "by", "to", "and", "before", "after", "the", "early", "late", "mid"])
            || lexicon::month(p.text).is_some()
            || SEASONS.iter().any(|(name, _)| p.is(name))
    });
    if !placed {
        return None;
    }
    Some((i, at + 1, DateExpr::Absolute(format!("{year:04}")), "date::short_year"))
}

/// "the fourth quarter", "third-quarter", "the first quarter of 2009", "Q3 2009".
fn quarter(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &list[i];
    let found = |q: u32, after: usize| -> Found {
        match stated_year(list, after) {
            Some((y, end)) => (i, end, DateExpr::Absolute(format!("{y:04}-Q{q}")), "date::quarter"),
            None => (i, after, DateExpr::Quarter(q), "date::quarter"),
        }
    };
    // "Q3", "Q3 2009"
    if t.text == "Q" {
        let q = numeral(list.get(i + 1)).filter(|q| (1..=4).contains(q) && glued(list, i + 1))?;
        return Some(found(q, i + 2));
    }
    let the = usize::from(t.is("the"));
    let k = i + the;
    let ordinal = list.get(k)?;
    let (q, mut k) = match lexicon::lower(ordinal.text).as_ref() {
        "first" => (1, k + 1),
        "second" => (2, k + 1),
        "third" => (3, k + 1),
        "fourth" | "final" => (4, k + 1),
        _ => {
            let n = numeral(Some(ordinal)).filter(|n| (1..=4).contains(n))?;
            list.get(k + 1).filter(|s| s.is_any(&["st", "nd", "rd", "th"]) && !s.space_before)?;
            (n, k + 2)
        }
    };
    if list.get(k).is_some_and(|h| h.punct('-') && !h.space_before) && glued(list, k + 1) {
        k += 1;
    }
    list.get(k).filter(|w| w.is("quarter") || w.is("quarter's"))?;
    // "the third quarter of the population" is a fraction, not a quarter of the year
    if list.get(k + 1).is_some_and(|o| o.is("of")) && stated_year(list, k + 1).is_none() {
        return None;
    }
    Some(found(q, k + 1))
}

/// A four-digit year at `k`, after an optional "of" ("the first quarter of
/// 2009", "summer 2009"): `(year, index after)`.
fn stated_year(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    let of = usize::from(list.get(k).is_some_and(|o| o.is("of")));
    numeral(list.get(k + of)).filter(|y| is_year(*y) && list[k + of].text.len() == 4).map(|y| (y, k + of + 1))
}

/// "spring", "last winter", "the summer of 2009", "Autumn 2008".
fn season(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &list[i];
    let (years, k) = match lexicon::lower(t.text).as_ref() {
        "last" => (Some(-1), i + 1),
        "next" => (Some(1), i + 1),
        "this" => (Some(0), i + 1),
        "the" | "early" | "late" | "mid" => (None, i + 1),
        _ => (None, i),
    };
    let word = list.get(k)?;
    let lowered = lexicon::lower(lexicon::without_possessive(word.text));
    let &(name, code) = SEASONS.iter().find(|(name, _)| *name == &*lowered)?;
    let next = list.get(k + 1);
    // a year: "summer 2009", "the spring of 2009"
    if let Some((y, end)) = stated_year(list, k + 1) {
        return Some((i, end, DateExpr::Absolute(format!("{y:04}-{code}")), "date::season"));
    }
    if next.is_some_and(|o| o.is("of")) {
        return None; // "the fall of Rome", "the spring of the revolution"
    }
    let prev = i.checked_sub(1).and_then(|p| list.get(p));
    let lead = k > i;
    let placed = lead || prev.is_some_and(|p| p.is_any(&["in", "during", "by", "until", "since", "over", "through", "before", "after", "this", "last", "next"]));
    // "fall" and "spring" are also verbs and nouns: only after a word that makes them a time
    let ambiguous = name == "fall" || name == "spring";
    let capitalized_mid_sentence = word.is_capitalized() && !word.line_before && prev.is_some_and(|p| !p.punct('.') && !p.punct('"') && !p.punct('“'));
    if !placed && (ambiguous || !capitalized_mid_sentence) {
        return None;
    }
    if name == "fall" && (k == i || t.is("the")) && next.is_some_and(|n| n.is_any(&["in", "of", "from", "to", "was", "is"])) {
        return None; // "the fall in prices"
    }
    Some((i, k + 1, DateExpr::Season { season: code, years: years.unwrap_or(0) }, "date::season"))
}

/// "2024-09-25"
fn iso_date(list: &[Token<'_>], i: usize) -> Option<Found> {
    let y = numeral(list.get(i)).filter(|y| is_year(*y) && list[i].text.len() == 4)?;
    // "2024-09-25", and "2015/08/12" with slashes
    let sep = list.get(i + 1).filter(|t| t.punct('-') || t.punct('/'))?.text;
    if !(glued(list, i + 1) && glued(list, i + 2)) {
        return None;
    }
    let m = numeral(list.get(i + 2)).filter(|_| list[i + 2].text.len() == 2)?;
    if list.get(i + 3).is_some_and(|t| t.text == sep && !t.space_before) {
        let d = numeral(list.get(i + 4)).filter(|_| glued(list, i + 4))?;
        return Some((i, i + 5, written_day(y as i32, m, d)?, "date::iso"));
    }
    // "the 2010-11 season": two years in a row are a season or a financial
    // year (read as a range of years), which news writes far more often than
    // a month in ISO form
    let next_year = sep == "-" && m == (y + 1) % 100;
    ((1..=12).contains(&m) && !next_year).then(|| (i, i + 3, DateExpr::Absolute(format!("{y:04}-{m:02}")), "date::iso"))
}

/// "9/18/2015", "21/04/16", "13.5.2015": day, month and year in digits.
/// Month first unless the first number cannot be a month (US style is the
/// more common in English news).
fn numeric_date(list: &[Token<'_>], i: usize) -> Option<Found> {
    // "13.5.2015", "2015.5.13": one numeral with two full stops; a full stop
    // between day and month is the European order, day first.
    if let Some(t) = list.get(i).filter(|t| t.kind == TokenKind::Numeral && t.text.bytes().filter(|&b| b == b'.').count() == 2) {
        let parts: Vec<&str> = t.text.split('.').collect();
        let n = |k: usize| parts[k].parse::<u32>().ok();
        let day = match (parts[0].len(), parts[2].len()) {
            (1 | 2, 4) => Day::new(n(2)? as i32, n(1)?, n(0)?),
            (4, 1 | 2) => Day::new(n(0)? as i32, n(1)?, n(2)?),
            _ => None,
        }
        .filter(|d| is_year(d.year as u32))?;
        return Some((i, i + 1, DateExpr::Absolute(day.iso()), "date::numeric"));
    }
    let a = numeral(list.get(i)).filter(|_| list[i].text.len() <= 2)?;
    let sep = list.get(i + 1).filter(|t| (t.punct('/') || t.punct('-')) && !t.space_before)?;
    let b = numeral(list.get(i + 2)).filter(|_| glued(list, i + 2) && list[i + 2].text.len() <= 2)?;
    list.get(i + 3).filter(|t| t.text == sep.text && !t.space_before)?;
    let y = numeral(list.get(i + 4)).filter(|_| glued(list, i + 4))?;
    let year = match list[i + 4].text.len() {
        4 => y as i32,
        2 => two_digit_year(y) as i32,
        _ => return None,
    };
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    Some((i, i + 5, written_day(year, month, day)?, "date::numeric"))
}

/// "on 4/22", "by 22/04", "on 4-22", "on 4.22", "polls open 2/29": month
/// and day in digits, the year implied. After a preposition of time ("on"
/// alone for the forms that read as scores and decimals), or with a slash
/// where no fraction is written so ("4/22", "22/04"); elsewhere these are
/// fractions ("3/4 of members", "24/7"), scores and figures ("rose by 4.22").
fn numeric_month_day(list: &[Token<'_>], i: usize) -> Option<Found> {
    let prev = i.checked_sub(1).and_then(|p| list.get(p));
    let on = prev.is_some_and(|p| p.is("on"));
    let t = &list[i];
    let (a, b, end) = match t.text.split_once('.') {
        Some((a, b)) if t.kind == TokenKind::Numeral && a.len() <= 2 && b.len() == 2 && on => (a.parse().ok()?, b.parse().ok()?, i + 1),
        Some(_) => return None,
        None => {
            let a = numeral(Some(t)).filter(|_| t.text.len() <= 2)?;
            let sep = list.get(i + 1).filter(|s| (s.punct('/') || (s.punct('-') && on)) && !s.space_before)?;
            let b = numeral(list.get(i + 2)).filter(|_| glued(list, i + 2) && list[i + 2].text.len() <= 2)?;
            // With a slash and no preposition: month then a day no fraction
            // has ("4/22"), or two two-digit parts ("22/04"); not "24/7", "3/4".
            let preposition = on || prev.is_some_and(|p| p.is_any(&["by", "until", "since", "till"]));
            let unlike_fraction = (a <= 12 && b > 12) || (t.text.len() == 2 && list[i + 2].text.len() == 2);
            if !(preposition || (sep.punct('/') && unlike_fraction)) {
                return None;
            }
            (a, b, i + 3)
        }
    };
    // nothing may continue the figure: "on 4.22 million shares", "on 3/4 of"
    let continued = list.get(end).is_some_and(|n| {
        (n.is_word() && !n.is_any(&["at", "in", "and", "or", "to", "when", "with", "for", "this", "next"]))
            || n.punct('%')
            || (!n.space_before && (n.punct('/') || n.punct('-') || n.punct(',') || n.kind == TokenKind::Numeral))
    });
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    // valid in some year (a leap year has the most days)
    Day::new(2000, month, day).filter(|_| !continued)?;
    Some((i, end, DateExpr::MonthDay { month, day }, "date::numeric_month_day"))
}

/// "1st Jan", "4th of March": an ordinal day before a month.
fn ordinal_day_month(list: &[Token<'_>], i: usize) -> Option<Found> {
    let d = numeral(list.get(i)).filter(|d| (1..=31).contains(d))?;
    list.get(i + 1).filter(|t| t.is_any(&["st", "nd", "rd", "th"]) && !t.space_before)?;
    let of = usize::from(list.get(i + 2).is_some_and(|t| t.is("of")));
    let k = i + 2 + of;
    let m = list.get(k).filter(|t| t.is_capitalized() || lower_case_month(list, k) || t.text.len() == 3).and_then(|t| lexicon::month(t.text))?;
    if let Some(y) = numeral(list.get(k + 1)).filter(|y| is_year(*y)) {
        return Some((i, k + 2, written_day(y as i32, m, d)?, "date::ordinal_day_month"));
    }
    Some((i, k + 1, DateExpr::MonthDay { month: m, day: d }, "date::ordinal_day_month"))
}

/// Time zones written after a time of day.
const TIME_ZONES: [&str; 7] = ["gmt", "utc", "est", "edt", "cet", "eat", "bst"];

/// "7:37 a.m. local time", "0737 GMT", "at noon"
fn time_of_day(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = list.get(i)?;
    let (hour, minute, mut end) = if list.get(i + 1).is_some_and(|c| c.punct(':') && !c.space_before) {
        let h = numeral(Some(t)).filter(|h| *h < 24)?;
        let m = numeral(list.get(i + 2)).filter(|m| *m < 60 && glued(list, i + 2) && list[i + 2].text.len() == 2)?;
        (h, m, i + 3)
    } else if t.kind == TokenKind::Numeral && t.text.len() == 4 && list.get(i + 1).is_some_and(|z| z.is_any(&["GMT", "UTC"])) {
        let n = numeral(Some(t))?;
        (n / 100, n % 100, i + 1)
    } else if t.is_any(&["noon", "midday", "midnight"]) && i.checked_sub(1).is_some_and(|p| list[p].is_any(&["at", "by", "until", "before", "after", "from", "around", "about"])) {
        // "at noon", "until midnight": only after a preposition of time
        (if t.is("midnight") { 0 } else { 12 }, 0, i + 1)
    } else if t.kind == TokenKind::Numeral && meridiem_at(list, i + 1) {
        // "6pm", "3 p.m.", "6.30 p.m.", "1515pm"
        let (h, m) = match t.text.split_once('.') {
            Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
            Some(_) => return None,
            None if t.text.len() <= 2 => (t.text.parse().ok()?, 0),
            None => {
                let n: u32 = numeral(Some(t))?;
                (n / 100, n % 100)
            }
        };
        if !(1..=23).contains(&h) || (t.text.len() <= 2 && h > 12) {
            return None;
        }
        (h, m, i + 1)
    } else {
        return None;
    };
    let mut hour = hour;
    // "a.m." / "p.m." / "am" / "pm"
    if let Some(w) = list.get(end).filter(|w| w.is_any(&["a", "p", "am", "pm"])) {
        let pm = w.text.to_ascii_lowercase().starts_with('p');
        end += 1;
        if list.get(end).is_some_and(|d| d.punct('.')) {
            end += 1;
            if list.get(end).is_some_and(|m| m.is("m")) {
                end += 1;
                // the full stop, unless it ends the sentence ("10:30 a.m. EDT" keeps it)
                let zone_after = list.get(end + 1).is_some_and(|z| z.is_any(&TIME_ZONES));
                if list.get(end).is_some_and(|d| d.punct('.')) && (zone_after || !list.get(end + 1).is_none_or(|n| n.line_before || n.is_capitalized())) {
                    end += 1;
                }
            }
        }
        if pm && hour < 12 {
            hour += 12;
        } else if !pm && hour == 12 {
            hour = 0;
        }
    }
    let mut zone = None;
    if let Some(k) = phrase_at(list, end, "local time") {
        end = k;
    } else if let Some(z) = list.get(end).filter(|z| z.is_any(&TIME_ZONES)) {
        zone = Some(z.text.to_ascii_uppercase());
        end += 1;
    }
    minute_ok(minute)?;
    Some((i, end, DateExpr::Time { hour, minute, zone }, "date::time"))
}

/// "pm", "am", "p.m.", "a.m." at `k`.
fn meridiem_at(list: &[Token<'_>], k: usize) -> bool {
    let Some(w) = list.get(k) else { return false };
    w.is_any(&["am", "pm"]) && list.get(k + 1).is_none_or(|n| !n.is_word() || n.space_before)
        || (w.is_any(&["a", "p"]) && list.get(k + 1).is_some_and(|d| d.punct('.')) && list.get(k + 2).is_some_and(|m| m.is("m")))
}

fn minute_ok(m: u32) -> Option<()> {
    (m < 60).then_some(())
}

/// The second day of a range at `k`: "-26", "to 15th", "– 26": `(day,
/// index after)`.
fn range_end(list: &[Token<'_>], k: usize) -> Option<(u32, usize)> {
    let joiner = list.get(k)?;
    if !(joiner.punct('-') || joiner.punct('–') || joiner.is("to") || joiner.is("and") || joiner.is("through")) {
        return None;
    }
    let to = numeral(list.get(k + 1)).filter(|d| (1..=31).contains(d) && list[k + 1].text.len() <= 2)?;
    let after = if list.get(k + 2).is_some_and(|t| t.is_any(&["st", "nd", "rd", "th"]) && !t.space_before) { k + 3 } else { k + 2 };
    // "June 24-26 2024" would be a day, not a count: the next token must not
    // continue the number.
    if list.get(after).is_some_and(|t| t.punct(':') || t.punct('.') && glued(list, after + 1) && numeral(list.get(after + 1)).is_some()) {
        return None;
    }
    Some((to, after))
}

/// A day range with its month known, the year given after it or not.
fn day_range_found(list: &[Token<'_>], first: usize, after: usize, month: u32, from: u32, to: u32) -> Found {
    let comma = usize::from(list.get(after).is_some_and(|c| c.punct(',')));
    if let Some(y) = numeral(list.get(after + comma)).filter(|y| is_year(*y)) {
        if let (Some(a), Some(b)) = (Day::new(y as i32, month, from), Day::new(y as i32, month, to)) {
            return (first, after + comma + 1, DateExpr::Absolute(format!("{}/{}", a.iso(), b.iso())), "date::day_range");
        }
    }
    (first, after, DateExpr::DayRange { month, from, to }, "date::day_range")
}

/// "12 to 15 October 2017", "24th - 26th June", "between 12 and 15 October",
/// "from 19th - 23rd of November": days of one month.
fn day_range(list: &[Token<'_>], i: usize) -> Option<Found> {
    let from = numeral(list.get(i)).filter(|d| (1..=31).contains(d) && list[i].text.len() <= 2)?;
    let k = if list.get(i + 1).is_some_and(|t| t.is_any(&["st", "nd", "rd", "th"]) && !t.space_before) { i + 2 } else { i + 1 };
    // "and" joins a range only after "between"
    if list.get(k).is_some_and(|j| j.is("and")) && !i.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is("between")) {
        return None;
    }
    let (to, after) = range_end(list, k).filter(|(to, _)| *to > from)?;
    let of = usize::from(list.get(after).is_some_and(|t| t.is("of")));
    let m = after + of;
    let month = list.get(m).filter(|t| t.is_capitalized() || lower_case_month(list, m)).and_then(|t| lexicon::month(t.text))?;
    Some(day_range_found(list, i, m + 1, month, from, to))
}

/// A day written in full: its ISO value, or [`DateExpr::NoSuchDay`] when
/// the calendar lacks it ("February 30, 2019", "2/29/2019"); `None` when
/// the numbers cannot be a month and a day at all.
fn written_day(year: i32, month: u32, day: u32) -> Option<DateExpr> {
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some(Day::new(year, month, day).map_or(DateExpr::NoSuchDay, |d| DateExpr::Absolute(d.iso())))
}

/// A month and day, with the year after them if stated (", 2018", "2018").
fn year_after(list: &[Token<'_>], first: usize, end: usize, month: u32, day: u32, source: &'static str) -> Found {
    let comma = usize::from(list.get(end).is_some_and(|c| c.punct(',')));
    let year = numeral(list.get(end + comma)).filter(|y| is_year(*y)).map(|y| (y, end + comma + 1)).or_else(|| year_in_words(list, end + comma));
    match year.and_then(|(y, after)| Some((written_day(y as i32, month, day)?, after))) {
        Some((expr, after)) => (first, after, expr, source),
        None => (first, end, DateExpr::MonthDay { month, day }, source),
    }
}

/// "the tenth of September, 2000", "fourth of May": an ordinal word and a month.
fn ordinal_word_day_month(list: &[Token<'_>], i: usize) -> Option<Found> {
    let the = usize::from(list.get(i).is_some_and(|t| t.is("the")));
    let (d, k) = ordinal_word_day(list, i + the)?;
    list.get(k).filter(|t| t.is("of"))?;
    let month = list.get(k + 1).filter(|t| t.is_capitalized() || lower_case_month(list, k + 1)).and_then(|t| lexicon::month(t.text))?;
    Some(year_after(list, i, k + 2, month, d, "date::ordinal_word_day_month"))
}

/// "the first Friday of July", "the second Monday of next month", "the last
/// Sunday in May": a weekday counted within a month.
fn nth_weekday(list: &[Token<'_>], i: usize) -> Option<Found> {
    let the = usize::from(list.get(i).is_some_and(|t| t.is("the")));
    let k = i + the;
    let n = match list.get(k)? {
        t if t.is("last") => -1,
        t => ORDINAL_DAYS.find(t).filter(|p| *p < 5)? as i32 + 1,
    };
    let weekday = lexicon::weekday(list.get(k + 1)?.text)?;
    if !list.get(k + 2).is_some_and(|t| t.is_any(&["of", "in"])) {
        // "the second Sunday": of the reference's month ("last Sunday" is the latest one)
        return (n > 0).then_some((i, k + 2, DateExpr::NthWeekday { n, weekday, month: None, months: 0 }, "date::nth_weekday"));
    }
    let m = k + 3;
    if let Some(month) = list.get(m).filter(|t| t.is_capitalized() || lower_case_month(list, m)).and_then(|t| lexicon::month(t.text)).filter(|_| list[m].text.len() >= 3) {
        if let Some(y) = numeral(list.get(m + 1)).filter(|y| is_year(*y)) {
            let day = nth_weekday_of(y as i32, month, weekday, n)?;
            return Some((i, m + 2, DateExpr::Absolute(day.iso()), "date::nth_weekday"));
        }
        return Some((i, m + 1, DateExpr::NthWeekday { n, weekday, month: Some(month), months: 0 }, "date::nth_weekday"));
    }
    for (phrase, months) in [("this month", 0), ("next month", 1), ("last month", -1), ("previous month", -1), ("the month", 0)] {
        if let Some(end) = phrase_at(list, m, phrase) {
            return Some((i, end, DateExpr::NthWeekday { n, weekday, month: None, months }, "date::nth_weekday"));
        }
    }
    None
}

/// The `n`th (`-1`: last) `weekday` (0 = Monday) of a month.
fn nth_weekday_of(year: i32, month: u32, weekday: u32, n: i32) -> Option<Day> {
    if n < 0 {
        let last = Day::new(year, month, days_in_month(year, month))?;
        return Some(last.add_days(-i64::from((last.weekday() + 7 - weekday) % 7)));
    }
    let first = Day::new(year, month, 1)?;
    let day = 1 + (weekday + 7 - first.weekday()) % 7 + 7 * (n as u32 - 1);
    Day::new(year, month, day)
}

/// "25 June 2024", "25 June", "22 of Jan", "28-Nov-2019"
fn day_month(list: &[Token<'_>], i: usize) -> Option<Found> {
    let d = numeral(list.get(i)).filter(|d| (1..=31).contains(d) && list[i].text.len() <= 2)?;
    let dashed = list.get(i + 1).is_some_and(|h| h.punct('-') && !h.space_before) && glued(list, i + 2);
    let m = i + 1 + usize::from(dashed || list.get(i + 1).is_some_and(|o| o.is("of")));
    let month = list.get(m).filter(|t| t.is_capitalized() || lower_case_month(list, m)).and_then(|t| lexicon::month(t.text))?;
    // "28-Nov-2019": the year glued by a second dash
    let at = if dashed && list.get(m + 1).is_some_and(|h| h.punct('-') && !h.space_before) && glued(list, m + 2) { m + 2 } else { m + 1 };
    if let Some(year) = numeral(list.get(at)).filter(|n| is_year(*n)) {
        return Some((i, at + 1, written_day(year as i32, month, d)?, "date::day_month_year"));
    }
    Some((i, m + 1, DateExpr::MonthDay { month, day: d }, "date::day_month"))
}

/// "June 25, 2024", "June 25", "January 2024", "January next year",
/// "January of the following year", "June"
fn month_first(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = list.get(i)?;
    if !t.is_capitalized() && !lower_case_month(list, i) {
        return None;
    }
    let month = lexicon::month(t.text).filter(|_| t.text.len() >= 3)?;
    // "May" and "March" are also words; abbreviations need their full stop.
    let abbreviated = lexicon::MONTHS.iter().all(|m| !t.is(m));
    // "September the twenty-first", "May twenty-first, 2018", "Jan first",
    // "June twenty three", where nothing after the words makes them an
    // adjective ("May first quarter", "June twenty-one people")
    let day_in_words = |k: usize| {
        let the = usize::from(list.get(k).is_some_and(|t| t.is("the")));
        word_day(list, k + the, true).filter(|&(_, end)| {
            (t.is_capitalized() || the == 1 || lower_case_month(list, i))
                && !list.get(end).is_some_and(|h| h.punct('-') && !h.space_before)
                && (!list.get(end).is_some_and(|n| n.is_word() && !n.is_any(&["and", "or", "at", "in", "on", "of", "to", "for", "from", "with", "this", "next", "last"]))
                    || year_in_words(list, end).is_some())
        })
    };
    let mut k = i + 1;
    if abbreviated {
        if list.get(k).is_some_and(|d| d.punct('.') && !d.space_before) {
            // "Sept. 12, 2017", "Jan. 5"
            k += 1;
        } else {
            // "Nov 12", "Jan 2024": without its full stop an abbreviation
            // must sit beside a day or a year ("Sept" alone is a month).
            let day_or_year = numeral(list.get(k)).is_some_and(|n| (1..=31).contains(&n) && list[k].text.len() <= 2 || is_year(n))
                || dashed_day(list, k).is_some()
                || day_in_words(k).is_some();
            if !t.is("sept") && !day_or_year {
                return None;
            }
        }
    }
    if let Some(d) = numeral(list.get(k)).filter(|d| (1..=31).contains(d) && list[k].text.len() <= 2) {
        // "June 25, 2024"
        let mut end = k + 1;
        if list.get(end).is_some_and(|t| t.is_any(&["st", "nd", "rd", "th"]) && !t.space_before) {
            end += 1;
        }
        // "June 24-26", "October 12 to 15, 2017"
        if let Some((to, after)) = range_end(list, end).filter(|(to, _)| *to > d) {
            return Some(day_range_found(list, i, after, month, d, to));
        }
        return Some(year_after(list, i, end, month, d, "date::month_day"));
    }
    // "Jan-1", "Oct/2"
    if let Some((d, end)) = dashed_day(list, k) {
        return Some(year_after(list, i, end, month, d, "date::month_day"));
    }
    if let Some((d, end)) = day_in_words(k) {
        return Some(year_after(list, i, end, month, d, "date::month_ordinal_word"));
    }
    if let Some(y) = numeral(list.get(k)).filter(|y| is_year(*y)) {
        return Some((i, k + 1, DateExpr::Absolute(format!("{y:04}-{month:02}")), "date::month_year"));
    }
    // "between March and May", "from June to August 2024", "March-May"
    if let Some(joiner) = list.get(k).filter(|j| j.is("to") || j.is("through") || j.is("and") || ((j.punct('-') || j.punct('–')) && !j.space_before)) {
        let prev = i.checked_sub(1).and_then(|p| list.get(p));
        let opened = if joiner.is("and") { prev.is_some_and(|p| p.is("between")) } else { true };
        let to = list.get(k + 1).filter(|n| n.is_capitalized() && lexicon::MONTHS.iter().any(|m| n.is(m))).and_then(|n| lexicon::month(n.text));
        if let (true, Some(to)) = (opened, to) {
            if let Some(y) = numeral(list.get(k + 2)).filter(|y| is_year(*y)) {
                let from_year = if to < month { y - 1 } else { y };
                return Some((i, k + 3, DateExpr::Absolute(format!("{from_year:04}-{month:02}/{y:04}-{to:02}")), "date::month_range"));
            }
            return Some((i, k + 2, DateExpr::MonthRange { from: month, to }, "date::month_range"));
        }
    }
    let of = usize::from(list.get(k).is_some_and(|t| t.is("of")));
    for (phrase, years) in [("next year", 1), ("last year", -1), ("this year", 0), ("the following year", 1),
        ("the next year", 1), ("the previous year", -1), ("the same year", 0)]
    {
        if let Some(end) = phrase_at(list, k + of, phrase) {
            let expr = DateExpr::MonthOfYear { month, years };
            // "January of the following year": counted from the year the story last named
            return Some(if phrase.starts_with("the") { (i, end, from_last(expr), "date::from_last") } else { (i, end, expr, "date::month_relative_year") });
        }
    }
    // A bare month: "May" only after a preposition, since it is also a verb.
    let prev = i.checked_sub(1).and_then(|p| list.get(p));
    let after_preposition = prev.is_some_and(|p| p.is_any(&["in", "since", "by", "until", "till", "from", "early", "late", "mid", "last", "next", "this", "of", "through", "before", "after", "between", "and"]));
    if (t.is("may") || t.is("march")) && !after_preposition {
        return None;
    }
    if t.is("may") && prev.is_some_and(|p| p.is("and")) {
        return None;
    }
    Some((i, k, DateExpr::Month(month), "date::month"))
}

/// A month name written in lower case ("april 22", "in june") is still a
/// month when it is not also an ordinary word ("may", "march", "august") and
/// a day or year follows or a preposition comes before.
fn lower_case_month(list: &[Token<'_>], i: usize) -> bool {
    let t = &list[i];
    if lexicon::month(t.text).is_none() {
        return false;
    }
    let prev = |back: usize| i.checked_sub(back).and_then(|p| list.get(p));
    if t.is_any(&["may", "march", "august", "mar"]) {
        // only after an ordinal day: "4th of march", "the fourth of may", "5th august"
        let ordinal = |p: Option<&Token<'_>>| p.is_some_and(|p| (p.is_any(&["st", "nd", "rd", "th"]) && !p.space_before) || ORDINAL_DAYS.has(p));
        // or before a day no verb takes: "may twenty-first", "march the eleventh"
        let day_after = word_day(list, i + 1, true).is_some_and(|(d, _)| d > 20)
            || (list.get(i + 1).is_some_and(|n| n.is("the")) && ordinal_word_day(list, i + 2).is_some());
        return ordinal(prev(1)) || (prev(1).is_some_and(|p| p.is("of")) && ordinal(prev(2))) || day_after;
    }
    // "jan 1", "jan-1", "jan first", "june twenty three"
    let numeral_next = list.get(i + 1).is_some_and(|n| n.kind == TokenKind::Numeral) || dashed_day(list, i + 1).is_some() || word_day(list, i + 1, true).is_some();
    // "20 october", "the 5th of november", "28-nov"
    let day_before = prev(1).is_some_and(|p| {
        p.kind == TokenKind::Numeral
            || (p.is_any(&["st", "nd", "rd", "th", "of"]) && i >= 2 && list[i - 2].kind != TokenKind::Punct)
            || (p.punct('-') && !p.space_before && !t.space_before && prev(2).is_some_and(|d| d.kind == TokenKind::Numeral))
    });
    if !lexicon::MONTHS.iter().any(|m| t.is(m)) {
        // an abbreviation ("oct") only right beside its day
        return numeral_next || day_before;
    }
    let preposition_before = i.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is_any(&["in", "on", "since", "by", "until", "from", "of", "last", "next", "this", "early", "late", "mid"]));
    numeral_next || preposition_before || day_before
}

/// Years, decades, year ranges, "mid-2025".
fn year_forms(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = list.get(i)?;
    let mut first = i;
    let mut k = i;
    // "mid-2025", "early 2025", "late 2024"
    if t.is_any(&["mid", "early", "late"]) {
        let hyphen = list.get(i + 1).is_some_and(|h| h.punct('-') && !h.space_before);
        k = if hyphen { i + 2 } else { i + 1 };
        numeral(list.get(k)).filter(|y| is_year(*y) && list[k].text.len() == 4)?;
        first = i;
    }
    let y = numeral(list.get(k)).filter(|y| is_year(*y) && list[k].text.len() == 4)?;
    // "the 1990s"
    if list.get(k + 1).is_some_and(|s| s.is("s") && !s.space_before) && y % 10 == 0 {
        return Some((first, k + 2, DateExpr::Absolute(format!("{}", y / 10)), "date::decade"));
    }
    // "1915-1934", "1915–34", and a financial year or season, "2023/24"
    let slash = list.get(k + 1).is_some_and(|d| d.punct('/') && !d.space_before);
    if list.get(k + 1).is_some_and(|d| (d.punct('-') || d.punct('–') || slash) && !d.space_before) && glued(list, k + 2) {
        // two digits are the end's last two ("1999-00" ends in 2000)
        let in_century = |n: u32| if y / 100 * 100 + n == y + 1 - 100 { y + 1 } else { y / 100 * 100 + n };
        let end = list.get(k + 2).filter(|e| e.text.len() == 2 || e.text.len() == 4).and_then(|e| numeral(Some(e)).map(|n| if e.text.len() == 2 { in_century(n) } else { n }));
        if let Some(y2) = end.filter(|y2| is_year(*y2) && *y2 > y && (!slash || *y2 == y + 1)) {
            return Some((first, k + 3, DateExpr::Absolute(format!("{y}/{y2}")), "date::year_range"));
        }
    }
    // "from 1915 to 1934", "between 1915 and 1934"
    if let Some(p) = i.checked_sub(1).and_then(|p| list.get(p)) {
        let joiner = if p.is("from") { "to" } else if p.is("between") { "and" } else { "" };
        if !joiner.is_empty() && list.get(k + 1).is_some_and(|j| j.is(joiner)) {
            if let Some(y2) = numeral(list.get(k + 2)).filter(|y2| is_year(*y2) && *y2 > y) {
                return Some((first, k + 3, DateExpr::Absolute(format!("{y}/{y2}")), "date::year_range"));
            }
        }
    }
    // A four-digit number is a count, not a year, when a plural noun follows
    // ("1900 troops") or it has thousands separators (never for years).
    let next = list.get(k + 1);
    let counted = next.is_some_and(|n| {
        n.is_word() && !n.is_capitalized() && n.text.ends_with('s') && !lexicon::PHRASE_STOPS.has(n)
    });
    let prev = i.checked_sub(1).and_then(|p| list.get(p));
    let currency = prev.is_some_and(|p| lexicon::currency_prefix(p.text).is_some());
    if counted || currency || list.get(k + 1).is_some_and(|n| n.punct('%')) {
        return None;
    }
    Some((first, k + 1, DateExpr::Absolute(format!("{y:04}")), "date::year"))
}

/// "today", "last week", "next year", "two years ago", "earlier this month",
/// "the end of the month", "the coming weeks", "a few weeks", "recent months".
fn relative(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = list.get(i)?;
    let single = |offset, source| Some((i, i + 1, DateExpr::Relative { unit: Unit::Day, offset }, source));
    // "this morning", "yesterday afternoon", "last night", "tonight"
    for (lead, offset) in [("this", 0), ("yesterday", -1), ("tomorrow", 1), ("tmrw", 1), ("last", -1)] {
        if t.is(lead) {
            let part = list.get(i + 1).and_then(|p| DAY_PARTS.iter().find(|(name, _)| p.is(name)));
            if let Some(&(_, part)) = part.filter(|(name, _)| lead != "last" || *name == "night") {
                return Some((i, i + 2, DateExpr::DayPart { offset, part }, "date::day_part"));
            }
        }
    }
    if t.is("tonight") {
        return Some((i, i + 1, DateExpr::DayPart { offset: 0, part: "NI" }, "date::day_part"));
    }
    if t.is("today") {
        return single(0, "date::today");
    }
    // "this weekend", "last weekend", "the weekend"
    for (lead, offset) in [("this", Some(0)), ("last", Some(-1)), ("next", Some(1)), ("the", None)] {
        if t.is(lead) && list.get(i + 1).is_some_and(|w| w.is("weekend") || w.is("weekend's")) {
            return Some((i, i + 2, DateExpr::Weekend(offset), "date::weekend"));
        }
    }
    // "the day before yesterday", "the day after tomorrow"
    let the_day = t.is("the") && list.get(i + 1).is_some_and(|d| d.is("day"));
    for (phrase, offset) in [("the day before yesterday", -2), ("the day after tomorrow", 2), ("the day after tmrw", 2)].into_iter().filter(|_| the_day) {
        if let Some(k) = phrase_at(list, i, phrase) {
            return Some((i, k, DateExpr::Relative { unit: Unit::Day, offset }, "date::today"));
        }
    }
    if t.is("yesterday") {
        return single(-1, "date::today");
    }
    if t.is("tomorrow") || t.is("tmrw") {
        return single(1, "date::today");
    }
    // "the end of the month", "end of the year", "the beginning of the year"
    let the = usize::from(t.is("the"));
    for (edge, end) in [("end", true), ("beginning", false), ("start", false)] {
        if !list.get(i + the).is_some_and(|e| e.is(edge)) {
            continue;
        }
        if let Some(k) = phrase_at(list, i + the + 1, "of the").or_else(|| phrase_at(list, i + the + 1, "of this")) {
            let unit = list.get(k).filter(|u| !is_plural(u.text)).and_then(|u| Unit::parse(u.text))?;
            let expr = if end { DateExpr::EndOf(unit) } else { DateExpr::StartOf(unit) };
            return Some((i, k + 1, expr, if end { "date::end_of" } else { "date::start_of" }));
        }
    }
    // "earlier this month", "later this year"
    if t.is_any(&["earlier", "later"]) {
        if let Some(k) = phrase_at(list, i + 1, "this") {
            let unit = list.get(k).filter(|u| !is_plural(u.text)).and_then(|u| Unit::parse(u.text))?;
            return Some((i, k + 1, DateExpr::Relative { unit, offset: 0 }, "date::this_unit"));
        }
    }
    // "the day before", "the week after,": counted from the date the story last named
    if t.is("the") {
        let bare = |k: usize| list.get(k).is_none_or(|n| n.line_before || (n.kind == TokenKind::Punct && !n.punct('-')));
        if let Some(unit) = list.get(i + 1).filter(|u| !is_plural(u.text)).and_then(|u| Unit::parse(u.text)) {
            if let Some(w) = list.get(i + 2).filter(|w| w.is_any(&["before", "after"]) && bare(i + 3)) {
                let offset = if w.is("after") { 1 } else { -1 };
                return Some((i, i + 3, from_last(DateExpr::Relative { unit, offset }), "date::from_last"));
            }
        }
    }
    // "last week", "next year", "this month", "the following year", "the previous week"
    const PLAIN: lexicon::Words = words!("last|past|next|this|coming");
    const AFTER_THE: lexicon::Words = words!("following|next|previous|last|past|coming");
    const PHRASES: [(&str, i32); 11] = [("last", -1), ("past", -1), ("next", 1), ("this", 0), ("coming", 1), ("the following", 1),
        ("the next", 1), ("the previous", -1), ("the last", -1), ("the past", -1), ("the coming", 1)];
    if let Some((the, p, k)) = lead_phrase(list, i, &PLAIN, &AFTER_THE) {
        let (phrase, offset) = PHRASES[if the { 5 + p } else { p }];
        'found: {
            let Some(u) = list.get(k) else { break 'found };
            if let Some(unit) = Unit::parse(u.text) {
                if is_plural(u.text) {
                    // "the coming weeks", "the past months": a stretch, no single value
                    if phrase != "last" && phrase != "next" && phrase != "this" {
                        return Some((i, k + 1, DateExpr::Vague, "date::vague"));
                    }
                    break 'found;
                }
                if phrase == "the past" {
                    // "the past decade": the stretch up to now
                    return Some((i, k + 1, DateExpr::Duration { amount: 1, unit }, "date::duration"));
                }
                if phrase.starts_with("the") && !["the following", "the next", "the previous", "the last"].contains(&phrase) {
                    break 'found;
                }
                // "next week on Friday", "last week Sunday": a day of that week
                if unit == Unit::Week && matches!(phrase, "last" | "next" | "this") {
                    let on = usize::from(list.get(k + 1).is_some_and(|o| o.is("on")));
                    if let Some(weekday) = list.get(k + 1 + on).and_then(|d| lexicon::weekday(d.text)) {
                        return Some((i, k + 2 + on, DateExpr::WeekdayOfWeek { weekday, weeks: offset }, "date::weekday_of_week"));
                    }
                }
                let relative = DateExpr::Relative { unit, offset };
                // "the following year", "the previous day", "the next day":
                // counted from the date the story last named
                if matches!(phrase, "the following" | "the previous") || (phrase == "the next" && unit == Unit::Day) {
                    return Some((i, k + 1, from_last(relative), "date::from_last"));
                }
                return Some((i, k + 1, relative, "date::relative_unit"));
            }
            // "last Thursday", "this Friday", "next Monday"
            if let Some(weekday) = lexicon::weekday(u.text).filter(|_| !phrase.starts_with("the") && phrase != "coming") {
                return Some((i, k + 1, DateExpr::WeekdayOf { weekday, offset }, "date::relative_weekday"));
            }
        }
    }
    // "a few weeks", "several months", "recent months", "recent weeks"
    let vague_lead: &[&str] = &["recent", "several", "few"];
    let (lead_end, has_lead) = if let Some(k) = phrase_at(list, i, "a few") {
        (k, true)
    } else if t.is_any(vague_lead) {
        (i + 1, true)
    } else {
        (i, false)
    };
    if has_lead
        && list.get(lead_end).filter(|u| is_plural(u.text)).and_then(|u| Unit::parse(u.text)).is_some() {
            let mut end = lead_end + 1;
            if list.get(end).is_some_and(|a| a.is("ago")) {
                end += 1;
            }
            return Some((i, end, DateExpr::Vague, "date::vague"));
        }
    counted_from_reference(list, i)
}

/// "two years ago", "3 days ago", "two weeks from now", "1 month and 21 days
/// ago", "two days from tomorrow", "three days before yesterday": counts of
/// units before or after a day named from the reference.
fn counted_from_reference(list: &[Token<'_>], i: usize) -> Option<Found> {
    let (amount, k) = amount_at(list, i)?;
    // "two Sundays from now", "three Fridays ago"
    if let Some(weekday) = list.get(k).filter(|w| w.text.len() > 4 && is_plural(w.text)).and_then(|w| lexicon::weekday(&w.text[..w.text.len() - 1])) {
        let sign = if phrase_at(list, k + 1, "from now").is_some() { 1 } else if list.get(k + 1).is_some_and(|a| a.is("ago")) { -1 } else { return None };
        let end = if sign > 0 { k + 3 } else { k + 2 };
        return Some((i, end, DateExpr::WeekdayOf { weekday, offset: sign * amount as i32 }, "date::relative_weekday"));
    }
    let unit = list.get(k).and_then(|u| Unit::parse(u.text))?;
    let mut parts = vec![(amount, unit)];
    let mut end = k + 1;
    // "1 month 21 days", "2 years, 1 month and 21 days"
    while parts.len() < 4 {
        let j = end + usize::from(list.get(end).is_some_and(|c| c.punct(',') || c.is("and")));
        let Some((n, u)) = amount_at(list, j).filter(|_| numeral(list.get(j)).is_some() || lexicon::number_word(list[j].text).is_some()) else { break };
        let Some(unit) = list.get(u).and_then(|u| Unit::parse(u.text)) else { break };
        parts.push((n, unit));
        end = u + 1;
    }
    // "two days later", "a week earlier", "three days after,": counted from
    // the date the story last named
    let bare = |k: usize| list.get(k).is_none_or(|n| n.line_before || (n.kind == TokenKind::Punct && !n.punct('-')));
    // (not "three days later than planned": a delay)
    let anaphoric = list.get(end).is_some_and(|w| (w.is_any(&["later", "earlier"]) && !is_at(list, end + 1, "than")) || (w.is_any(&["after", "before"]) && bare(end + 1)));
    // the day counted from, in days from the reference, and the direction
    let (base, sign, after) = if list.get(end).is_some_and(|a| a.is_any(&["ago", "hence"])) {
        (0, if list[end].is("ago") { -1 } else { 1 }, end + 1)
    } else if anaphoric {
        (0, if list[end].is_any(&["later", "after"]) { 1 } else { -1 }, end + 1)
    } else {
        let sign = match list.get(end) {
            Some(w) if w.is_any(&["from", "after"]) => 1,
            Some(w) if w.is("before") => -1,
            _ => return None,
        };
        let anchor = list.get(end + 1)?;
        let base = if anchor.is_any(&["now", "today"]) {
            0
        } else if anchor.is_any(&["tomorrow", "tmrw"]) {
            1
        } else if anchor.is("yesterday") {
            -1
        } else {
            return None;
        };
        (base, sign, end + 2)
    };
    let wrap = |expr: DateExpr| if anaphoric { (i, after, from_last(expr), "date::from_last") } else { (i, after, expr, "date::ago") };
    if let ([(amount, unit)], 0) = (parts.as_slice(), base) {
        let offset = sign * *amount as i32;
        // "a week earlier" than a day is a day
        if anaphoric && *unit == Unit::Week {
            return Some(wrap(DateExpr::Shift { months: 0, days: 7 * offset, finest: Unit::Day }));
        }
        return Some(wrap(DateExpr::Relative { unit: *unit, offset }));
    }
    let (mut months, mut days) = (0, base);
    for &(n, unit) in &parts {
        let n = sign * n as i32;
        match unit {
            Unit::Minute | Unit::Hour => return None,
            Unit::Day => days += n,
            Unit::Week => days += 7 * n,
            Unit::Month => months += n,
            Unit::Quarter => months += 3 * n,
            Unit::Year => months += 12 * n,
            Unit::Decade => months += 120 * n,
        }
    }
    // a day named as the anchor makes the value a day
    let finest = if base != 0 { Unit::Day } else { parts.iter().map(|p| p.1).min()? };
    let (first, end, expr, source) = wrap(DateExpr::Shift { months, days, finest });
    Some((first, end, expr, if anaphoric { source } else { "date::shift" }))
}

fn is_at(list: &[Token<'_>], k: usize, word: &str) -> bool {
    list.get(k).is_some_and(|t| t.is(word))
}

/// A date counted from the last one the story names, that one not yet found.
fn from_last(expr: DateExpr) -> DateExpr {
    DateExpr::FromLast { expr: Box::new(expr), from: None }
}

/// A lead word at token `i`: one of `plain`, or "the" and one of
/// `after_the`: `(after "the", index in its list, index after)`. Two list
/// lookups by the tokens' hashes, where matching each phrase in turn would
/// compare every "the" of an article a dozen times.
fn lead_phrase(list: &[Token<'_>], i: usize, plain: &lexicon::Words, after_the: &lexicon::Words) -> Option<(bool, usize, usize)> {
    let t = list.get(i)?;
    if t.is("the") {
        let found = after_the.find(list.get(i + 1)?)?;
        return Some((true, found, i + 2));
    }
    Some((false, plain.find(t)?, i + 1))
}

/// A small count at token `i` in digits or words: `(amount, index after)`.
fn amount_at(list: &[Token<'_>], i: usize) -> Option<(u32, usize)> {
    let t = list.get(i)?;
    if let Some(n) = numeral(Some(t)).filter(|n| *n > 0 && *n < 1000) {
        return Some((n, i + 1));
    }
    if t.is("a") || t.is("an") {
        return Some((1, i + 1));
    }
    // "five", "twenty-five"
    below_hundred(list, i)
}

/// Words that open a stretch of time and belong to it: "another 12 months",
/// "the past five trading days".
const DURATION_LEADS: lexicon::Words = words!("additional|another|past|last|next");
/// The same after "the": "the past five trading days".
const DURATION_LEADS_AFTER_THE: lexicon::Words = words!("previous|coming|first|final|past|last|next");

/// Words between a count and its unit: "six straight days", "five trading days".
const DURATION_MODIFIERS: [&str; 8] = ["straight", "consecutive", "trading", "business", "working", "full", "more", "successive"];

/// Words around "a year", "a day" that make it a stated stretch of time
/// ("for a year", "more than a week", "a day after"), where alone it is too
/// common to be one ("twice a year", "a day to remember").
const SINGLE_UNIT_BEFORE: [&str; 15] = ["for", "over", "within", "than", "nearly", "almost", "about", "around", "roughly", "after", "just", "last", "lasts", "lasted", "lasting"];
const SINGLE_UNIT_AFTER: [&str; 5] = ["after", "before", "later", "earlier", "long"];

/// "another 12 months", "three weeks", "for two years", "a 12-hour flight",
/// "the past five trading days", "more than a week".
fn duration(list: &[Token<'_>], i: usize) -> Option<Found> {
    let lead_end = lead_phrase(list, i, &DURATION_LEADS, &DURATION_LEADS_AFTER_THE).map_or(i, |(_, _, after)| after);
    let counted_at = lead_end;
    // "single-day"
    let (amount, mut k) = if list.get(counted_at).is_some_and(|s| s.is("single")) {
        (1, counted_at + 1)
    } else {
        amount_at(list, counted_at)?
    };
    let after_amount = k;
    let by_article = list[counted_at].is("a") || list[counted_at].is("an");
    // "will last a year": "last" is the verb; "past", "next" take no article either
    if by_article && counted_at > i && !list[i].is_any(&["another", "additional"]) {
        return None;
    }
    // part of a compound number ("thirty-two years" is read from "thirty")
    if counted_at > 0 && list[counted_at - 1].punct('-') && !list[counted_at].space_before {
        return None;
    }
    // "a 12-hour flight", "fifty-year", "single-day": a hyphenated adjective
    let hyphenated = list.get(k).is_some_and(|h| h.punct('-') && !h.space_before) && glued(list, k + 1);
    if hyphenated {
        k += 1;
    } else if list[counted_at].is("single") {
        return None;
    }
    let mut modifiers = 0;
    while !hyphenated && modifiers < 2 && list.get(k).is_some_and(|m| m.is_any(&DURATION_MODIFIERS)) {
        k += 1;
        modifiers += 1;
    }
    let u = list.get(k)?;
    let unit = Unit::parse(u.text)?;
    // "three quarters billion": a fraction of a scale, not a stretch of time
    if list.get(k + 1).is_some_and(|s| lexicon::scale(s.text).is_some_and(|s| s >= 1e3)) {
        return None;
    }
    let plural = is_plural(u.text);
    let prev = counted_at.checked_sub(1).and_then(|p| list.get(p));
    let next = list.get(k + 1);
    // "a 45-year-old man", "45 years old": an age, which is a number
    if super::number::is_age(list, after_amount) {
        return None;
    }
    // "three quarters of the vote", "about a quarter, of its dealers": fractions
    let after_and = prev.is_some_and(|p| p.is("and"));
    if unit == Unit::Quarter && (next.is_some_and(|o| o.is("of") || o.punct(',')) || by_article || after_and) {
        return None;
    }
    if hyphenated {
        // "a 12-hour flight": stated, whatever follows
    } else if by_article && lead_end == i {
        // "a year" alone: only where a word around it makes it a stretch of time
        let before = prev.is_some_and(|p| p.is_any(&SINGLE_UNIT_BEFORE));
        let after = next.is_some_and(|n| n.is_any(&SINGLE_UNIT_AFTER));
        if plural || !(before || after) {
            return None;
        }
    } else if amount > 1 && !plural {
        // "a 20 year low", "a four day rally": an adjective after an article
        let article_before = prev.is_some_and(|p| p.is_any(&["a", "an", "the"]));
        if !(article_before && next.is_some_and(|n| n.is_word() && !n.is_capitalized())) {
            return None;
        }
    }
    Some((i, k + 1, DateExpr::Duration { amount, unit }, "date::duration"))
}

/// A stretch with no stated length: "for years", "in minutes", "decades-long".
fn vague_duration(list: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &list[i];
    if !is_plural(t.text) || t.is_capitalized() {
        return None;
    }
    let unit = Unit::parse(t.text)?;
    // "decades-long"
    if list.get(i + 1).is_some_and(|h| h.punct('-') && !h.space_before) && list.get(i + 2).is_some_and(|l| l.is("long") && !l.space_before) {
        return Some((i, i + 3, DateExpr::VagueDuration(unit), "date::vague_duration"));
    }
    let prev = i.checked_sub(1).and_then(|p| list.get(p))?;
    let over_the = prev.is("the") && i >= 2 && list[i - 2].is("over");
    let placed = prev.is_any(&["for", "in", "within", "than"]) || over_the;
    if !placed || list.get(i + 1).is_some_and(|n| n.is_any(&["of", "ago", "old"])) {
        return None;
    }
    let first = if over_the { i - 1 } else { i };
    Some((first, i + 1, DateExpr::VagueDuration(unit), "date::vague_duration"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_fields_of_written_values() {
        assert_eq!(iso_fields("2024-06-25"), ["year", "month", "day"]);
        assert_eq!(iso_fields("199"), ["decade"]);
        assert_eq!(iso_fields("2009-Q3"), ["year", "quarter"]);
        assert_eq!(iso_fields("2009-SP"), ["year", "season"]);
        assert_eq!(iso_fields("2013-07-02T07:37Z"), ["year", "month", "day", "hour", "minute", "zone"]);
        assert_eq!(DateExpr::Time { hour: 7, minute: 37, zone: None }.stated(), ["hour", "minute"]);
        assert!(DateExpr::Relative { unit: Unit::Week, offset: -1 }.stated().is_empty());
    }

    #[test]
    fn origins_of_relative_dates() {
        let reference = Day::new(2024, 9, 26);
        let previous = DateExpr::Relative { unit: Unit::Day, offset: -1 };
        let from = |expr: DateExpr| DateExpr::FromLast { expr: Box::new(previous.clone()), from: Some(Box::new(expr)) };
        assert_eq!(from(DateExpr::MonthDay { month: 6, day: 25 }).origin(reference), Day::new(2024, 6, 25));
        // a month or a year stands in for its first day
        assert_eq!(from(DateExpr::Absolute("2019-07".into())).origin(reference), Day::new(2019, 7, 1));
        assert_eq!(from(DateExpr::Absolute("2019".into())).origin(reference), Day::new(2019, 1, 1));
        assert_eq!(from(DateExpr::Absolute("2019-Q3".into())).origin(reference), Day::new(2019, 1, 1));
        assert_eq!(from(DateExpr::Relative { unit: Unit::Week, offset: -1 }).origin(reference), Day::new(2024, 1, 1));
        assert_eq!(DateExpr::FromLast { expr: Box::new(previous.clone()), from: None }.origin(reference), reference);
        assert_eq!(previous.origin(reference), reference);
    }

    fn check(text: &str, span: &str, value: Option<&str>) {
        let tokens = Tokens::new(text);
        let found = dates(&tokens);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        let m = &found[0];
        assert_eq!(m.span.slice(text), Some(span), "{text}");
        let reference = Day::new(2024, 9, 25);
        assert_eq!(m.date.as_ref().unwrap().resolve(reference).as_deref(), value, "{text}");
    }

    #[test]
    fn absolute_dates() {
        check("date 2024-09-25 (MENAFN)", "2024-09-25", Some("2024-09-25"));
        check("the remaining personnel by January 2024.", "January 2024", Some("2024-01"));
        check("since the assassination in July 2021.", "July 2021", Some("2021-07"));
        check("independence in 1804, was", "1804", Some("1804"));
        check("occupied by the US from 1915-1934, leading", "1915-1934", Some("1915/1934"));
        check("on 25 June 2024 they left", "25 June 2024", Some("2024-06-25"));
        check("in the 1990s the", "1990s", Some("199"));
        check("by mid-2025 it will", "mid-2025", Some("2025"));
        check("on June 25, 2024, they", "June 25, 2024", Some("2024-06-25"));
    }

    #[test]
    fn relative_dates() {
        check("began their deployment on June 25 as part", "June 25", Some("2024-06-25"));
        check("sent gradually since June to", "June", Some("2024-06"));
        check("by January of the following year.", "January of the following year", Some("2025-01"));
        check("completed by January next year.", "January next year", Some("2025-01"));
        check("a visit he undertook last week to", "last week", Some("2024-W38"));
        check("Ruto announced on Thursday during", "Thursday", Some("2024-09-19"));
        check("the vote last Sunday was", "last Sunday", Some("2024-09-22"));
        check("they meet next Monday", "next Monday", Some("2024-09-30"));
        check("they meet this friday", "this friday", Some("2024-09-27"));
        check("the raid on 9/18/2015 was", "9/18/2015", Some("2015-09-18"));
        check("filed on 21/04/16 in", "21/04/16", Some("2016-04-21"));
        check("due on 4th of March 2025", "4th of March 2025", Some("2025-03-04"));
        check("since 1st Jan the", "1st Jan", Some("2024-01-01"));
        check("set to meet by the end of the month.", "the end of the month", Some("2024-09-30"));
        check("ready to deploy in a few weeks and", "a few weeks", None);
        check("to Haiti in the coming weeks.", "the coming weeks", None);
        check("renew the mandate for another 12 months, allowing", "another 12 months", Some("P12M"));
        check("It happened two years ago.", "two years ago", Some("2022"));
        check("But today, thoughts", "today", Some("2024-09-25"));
        check("at 7:37 a.m. local time on", "7:37 a.m. local time", Some("2024-09-25T07:37"));
        check("struck at 0737 GMT on", "0737 GMT", Some("2024-09-25T07:37Z"));
    }

    #[test]
    fn not_dates() {
        for text in ["at least 1,900 additional troops", "It may rain", "We march on", "1900 troops arrived"] {
            assert!(dates(&Tokens::new(text)).is_empty(), "{text}");
        }
    }
}
