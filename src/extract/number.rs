//! Number mentions: numerals, number words, money, percentages, fractions,
//! vague quantities, each with its hedge turned into an interval.

use super::lexicon::{self, words};
use crate::mention::{Interval, Kind, Mention, Value};
use crate::text::{Span, Token, TokenKind, Tokens};

/// Hedges, longest first so "no more than" wins over "more than".
const HEDGES: [(&str, Hedge); 27] = [
    ("no fewer than", Hedge::AtLeast),
    ("no less than", Hedge::AtLeast),
    ("no more than", Hedge::AtMost),
    ("more than", Hedge::MoreThan),
    ("fewer than", Hedge::LessThan),
    ("less than", Hedge::LessThan),
    ("at least", Hedge::AtLeast),
    ("at most", Hedge::AtMost),
    ("up to", Hedge::AtMost),
    ("as many as", Hedge::AtMost),
    ("as much as", Hedge::AtMost),
    ("an estimated", Hedge::About),
    ("close to", Hedge::Nearly),
    ("just under", Hedge::Nearly),
    ("just over", Hedge::MoreThan),
    ("upwards of", Hedge::AtLeast),
    ("in excess of", Hedge::MoreThan),
    ("nearly", Hedge::Nearly),
    ("almost", Hedge::Nearly),
    ("about", Hedge::About),
    ("around", Hedge::About),
    ("roughly", Hedge::About),
    ("approximately", Hedge::About),
    ("some", Hedge::About),
    ("over", Hedge::MoreThan),
    ("under", Hedge::LessThan),
    ("below", Hedge::LessThan),
];

#[derive(Debug, Clone, Copy, PartialEq)]
enum Hedge {
    Nearly,
    About,
    AtLeast,
    MoreThan,
    LessThan,
    AtMost,
}

/// Words before a numeral that make it a name or identifier, not a quantity.
const IDENTIFIER_WORDS: [&str; 18] = [
    "resolution", "article", "section", "chapter", "no", "number", "flight", "route", "boeing", "airbus", "model",
    "room", "act", "page", "covid", "windows", "iphone", "version",
];

/// All number mentions of one text.
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn numbers(tokens: &Tokens<'_>) -> Vec<Mention> {
    let list = &tokens.list;
    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        match number_at(list, i) {
            Some((mention, next)) => {
                out.push(mention);
                i = next;
            }
            None => i += 1,
        }
    }
    ranges(list, out)
}

/// Verbs of change: "rose from 350 to 680" states two values, not a range.
const CHANGE_VERBS: lexicon::Words = words!(concat!(
    "rose|risen|rise|rises|fell|fallen|fall|falls|increased|increase|increases|decreased|",
    "decrease|grew|grown|grow|dropped|drop|jumped|climbed|declined|reduced|raised|cut|went|",
    "gone|changed|moved|surged|plunged|slipped|soared|lowered|slashed|boosted|revised|expanded|",
    "shrank|shrunk|up|down",
));

/// Joins two numbers that bound one quantity into a range: "between 300
/// and 400", "300-400", "300 to 400", "from 5 to 7", "five or six", with a
/// scale, currency or percent written once ("3 to 4 million", "$5-7
/// billion", "50 to 80%"). "From A to B" after a verb of change ("rose from
/// 350 to 680") is two values, and a descending pair ("won 3-1") a score.
fn ranges(list: &[Token<'_>], numbers: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(numbers.len());
    let index = |at: usize| list.partition_point(|t| t.span.start < at);
    for b in numbers {
        let Some(a) = out.last() else {
            out.push(b);
            continue;
        };
        let (a_first, a_end, b_first) = (index(a.span.start), index(a.span.end), index(b.span.start));
        let between: Vec<&Token<'_>> = list[a_end..b_first].iter().collect();
        let texts: Vec<&str> = between.iter().map(|t| t.text).collect();
        let before = |k: usize| a_first.checked_sub(k).and_then(|j| list.get(j));
        let opened_by = |w: &str| before(1).is_some_and(|t| t.is(w));
        let kind = match texts.as_slice() {
            ["-" | "–"] | ["-" | "–", "to"] | ["to"] => Some(if opened_by("from") { "from" } else { "to" }),
            ["and"] if opened_by("between") => Some("between"),
            ["or"] => Some("or"),
            _ => None,
        };
        let (Some(kind), Some(ai), Some(bi)) = (kind, a.interval(), b.interval()) else {
            out.push(b);
            continue;
        };
        // a verb of change close before, or anywhere earlier in the sentence
        // ("arranged to increase swap lines with the bank from US$ 55 billion to US$ 110 billion")
        let change = kind == "from"
            && ((2..=4).any(|k| before(k).is_some_and(|t| CHANGE_VERBS.has(t)))
                || (5..=40)
                    .map_while(|k| before(k).filter(|t| !t.line_before && !matches!(t.text, "." | "!" | "?")))
                    .any(|t| CHANGE_VERBS.has(t) && !t.is_any(&["up", "down"])));
        // A dash joins two numerals, and only two: "+1-222-2222" is a phone
        // number, "three-nought-four" digits read out.
        let b_end = index(b.span.end);
        let numeral = |from: usize, to: usize| list[from..to].iter().any(|t| t.kind == TokenKind::Numeral) && !list[from..to].iter().any(|t| t.is_word() && lexicon::number_word(t.text).is_some());
        let link = |t: Option<&Token<'_>>| t.is_some_and(|t| t.punct('-') || t.punct('–') || t.punct('/') || t.punct('+'));
        let digits = |t: Option<&Token<'_>>| t.is_some_and(|t| t.kind == TokenKind::Numeral);
        let chained = (link(before(1)) && (digits(before(2)) || before(1).is_some_and(|t| t.punct('+'))))
            || (link(list.get(b_end)) && digits(list.get(b_end + 1)));
        let dashed = texts.first().is_some_and(|t| *t == "-" || *t == "–");
        if dashed && (!numeral(a_first, a_end) || !numeral(b_first, b_end) || chained) {
            out.push(b);
            continue;
        }
        let units_agree = match (&a.unit, &b.unit) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        // A scale written once applies to both ends: "3 to 4 million".
        let b_last = list[..index(b.span.end)].last();
        let a_last = list[..a_end].last();
        let scale = b_last.and_then(|t| lexicon::scale(t.text)).filter(|_| a_last.is_some_and(|t| lexicon::scale(t.text).is_none()));
        let (Some(a_low), Some(a_high), Some(b_low), Some(b_high)) = (ai.low, ai.high, bi.low, bi.high) else {
            out.push(b);
            continue;
        };
        let scaled = |x: f64| match scale {
            Some(s) if a_high * s <= b_low => x * s,
            _ => x,
        };
        let (low, high) = (scaled(a_low), scaled(a_high));
        let ascending = high < b_low && (kind != "or" || b_high <= 2.0 * high + 1.0);
        let hedged_b = b.hedge.is_some();
        if change || !units_agree || !ascending || hedged_b {
            out.push(b);
            continue;
        }
        let start = if kind == "between" { before(1).map_or(a.span.start, |t| t.span.start) } else { a.span.start };
        let mut range = Mention::new(Kind::Number, Span::new(start, b.span.end), Value::Number(Interval { low: Some(low), high: Some(b_high) }), "number::range");
        range.unit = b.unit.clone().or_else(|| a.unit.clone());
        range.hedge = a.hedge.clone();
        out.pop();
        out.push(range);
    }
    out
}

/// Matches the words of `phrase` at token `i`; returns the index after them.
pub(crate) fn phrase_at(list: &[Token<'_>], i: usize, phrase: &str) -> Option<usize> {
    // Most tries fail on the first letter (phrases are lower case).
    let first = list.get(i)?;
    if first.ascii && first.text.as_bytes().first().map(u8::to_ascii_lowercase) != phrase.as_bytes().first().copied() {
        return None;
    }
    let mut k = i;
    let mut rest = phrase;
    loop {
        // Phrases are tried at most tokens: split on the byte, no char decoding.
        let (word, next) = match rest.bytes().position(|b| b == b' ') {
            Some(p) => (rest.get(..p)?, rest.get(p + 1..)),
            None => (rest, None),
        };
        if !list.get(k)?.is(word) {
            return None;
        }
        k += 1;
        match next {
            Some(n) => rest = n,
            None => return Some(k),
        }
    }
}

fn glued(list: &[Token<'_>], i: usize) -> bool {
    list.get(i).is_some_and(|t| !t.space_before)
}

/// Words that can open a number mention (hedges, articles of "a dozen",
/// fractions, vague quantities, signs), checked first. Every other word
/// is rejected at once: this runs for every token of every article.
const OPENERS: lexicon::Words = words!(concat!(
    "a|in|as|at|minus|negative|quarter|hundred|about|almost|an|approximately|around|below|close|",
    "dozens|fewer|half|hundreds|just|less|millions|more|nearly|no|over|roughly|scores|some|",
    "tens|thousands|under|up|upwards|billions",
));

/// The currency of "US$", "C$", "A$" written as a word glued to "$" at `j`.
fn glued_dollar(list: &[Token<'_>], j: usize) -> Option<&'static str> {
    let sign = list.get(j + 1).filter(|d| d.text == "$" && !d.space_before)?;
    let letters = list.get(j).filter(|w| w.is_word() && w.text.len() <= 2)?;
    lexicon::currency_prefix(&format!("{}{}", letters.text, sign.text))
}

fn may_open_number(t: &Token<'_>) -> bool {
    match t.kind {
        TokenKind::Numeral => true,
        TokenKind::Punct => lexicon::currency_prefix(t.text).is_some() || t.punct('-') || t.punct('−') || vulgar_fraction(t.text).is_some(),
        TokenKind::Word => {
            // One hash turns most words away before either list is searched.
            const ANY: lexicon::Filter = OPENERS.filter().union(lexicon::NUMBER_WORDS.filter());
            (ANY.admits(t) && (OPENERS.has(t) || lexicon::number_word(t.text).is_some()))
                || lexicon::currency_prefix(t.text).is_some()
                || (t.text.len() == 4 && t.text.starts_with('M') && lexicon::currency_millions(t.text).is_some())
        }
    }
}

fn number_at(list: &[Token<'_>], i: usize) -> Option<(Mention, usize)> {
    let first = list.get(i)?;
    if !may_open_number(first) && glued_dollar(list, i).is_none() {
        return None;
    }
    let start = first.span.start;
    // the hedges' first words, to try the hedges only where one can start
    const HEDGE_STARTS: lexicon::Words = words!(concat!(
        "in|as|at|about|almost|an|approximately|around|below|close|fewer|just|less|more|nearly|no|",
        "over|roughly|some|under|up|upwards",
    ));
    let (hedge, hedge_name, mut j) = if HEDGE_STARTS.has(first) {
        // (the phrases of other first letters are passed over here, not by a call each)
        let initial = first.text.as_bytes().first().map(u8::to_ascii_lowercase);
        HEDGES
            .iter()
            .filter(|(phrase, _)| phrase.as_bytes().first().copied() == initial)
            .find_map(|(phrase, h)| phrase_at(list, i, phrase).map(|k| (Some(*h), Some(*phrase), k)))
            .unwrap_or((None, None, i))
    } else {
        (None, None, i)
    };
    let mut unit: Option<String> = None;
    // "minus five percent"
    let negative = (list.get(j).is_some_and(|t| t.is_any(&["minus", "negative"]))
        && list.get(j + 1).is_some_and(|n| n.kind == TokenKind::Numeral || lexicon::number_word(n.text).is_some()))
        // "-9.2": a minus sign after a space, glued to digits
        || (list.get(j).is_some_and(|t| (t.punct('-') || t.punct('−')) && t.space_before)
            && list.get(j + 1).is_some_and(|n| n.kind == TokenKind::Numeral && !n.space_before));
    if negative {
        j += 1;
    }
    // Currency sign or code before the amount ("$300", "KSh 2 billion"),
    // or a code of millions ("MAUD 60").
    let mut millions = false;
    // "US$ 1MM", "C$100": a country's letters glued to the dollar sign
    if let Some(c) = glued_dollar(list, j) {
        if list.get(j + 2).is_some_and(|t| t.kind == TokenKind::Numeral) {
            unit = Some(c.to_string());
            j += 2;
        }
    }
    if let Some(t) = list.get(j).filter(|_| unit.is_none() && list.get(j + 1).is_some_and(|t| t.kind == TokenKind::Numeral)) {
        if let Some(c) = lexicon::currency_prefix(t.text) {
            unit = Some(c.to_string());
            j += 1;
        } else if let Some(c) = lexicon::currency_millions(t.text) {
            unit = Some(c.to_string());
            millions = true;
            j += 1;
        }
    }
    let prefixed = unit.is_some();
    let (core, mut end) = match ratio_at(list, j) {
        Some((share, next)) => (Core { value: Interval::exact(share), counts: false, takes_of: true, source: "number::ratio" }, next),
        None => core_at(list, j, negative)?,
    };
    let mut value = core.value;
    if millions {
        value = Interval { low: value.low.map(|x| x * 1e6), high: value.high.map(|x| x * 1e6) };
    }
    let mut last = end - 1;
    // Suffixes: percent, "-strong", currency words.
    if list.get(end).is_some_and(|t| t.punct('%')) {
        unit = Some("percent".into());
        last = end;
        end += 1;
    } else if let Some(k) = phrase_at(list, end, "percentage points").or_else(|| phrase_at(list, end, "percentage point")) {
        // ("a 0.25 percentage point cut")
        unit = Some("percentage point".into());
        last = k - 1;
        end = k;
    } else if let Some(k) = phrase_at(list, end, "percent").or_else(|| phrase_at(list, end, "per cent")) {
        unit = Some("percent".into());
        last = k - 1;
        end = k;
    } else if list.get(end).is_some_and(|t| t.punct('-')) && glued(list, end) && glued(list, end + 1)
        && list.get(end + 1).is_some_and(|t| t.is("strong"))
    {
        last = end + 1;
        end += 2;
        unit = noun_phrase_head(list, end, true);
    } else if let Some(c) = list.get(end).filter(|_| unit.is_none()).and_then(|t| lexicon::currency_millions(t.text)) {
        // "120 MEUR"
        unit = Some(c.to_string());
        value = Interval { low: value.low.map(|x| x * 1e6), high: value.high.map(|x| x * 1e6) };
        last = end;
        end += 1;
    } else if let Some((cents, after)) = minor_units(list, end).filter(|_| prefixed && !millions && list[end].is("and")) {
        // "$100 and fifty": the cents after "and"
        value = Interval { low: value.low.map(|x| x + cents), high: value.high.map(|x| x + cents) };
        last = after - 1;
        end = after;
    } else if let Some((c, (cents, after))) = list
        .get(end)
        .filter(|t| unit.is_none() && t.kind == TokenKind::Punct)
        .and_then(|t| lexicon::currency_prefix(t.text))
        .and_then(|c| Some((c, minor_units(list, end + 1).filter(|(_, after)| list.get(after - 1).is_some_and(|w| lexicon::is_minor_currency(w.text)))?)))
    {
        // "10 $ 30 cent": the sign after the amount, then its cents
        unit = Some(c.to_string());
        value = Interval { low: value.low.map(|x| x + cents), high: value.high.map(|x| x + cents) };
        last = after - 1;
        end = after;
    } else if unit.is_none() {
        // (a code glued to the next amount is that amount's: "3 USD50 cards")
        if let Some(c) = list.get(end).filter(|_| !glued(list, end + 1) || list.get(end + 1).is_some_and(|n| n.kind != TokenKind::Numeral)).and_then(|t| lexicon::currency_word(t.text)) {
            unit = Some(c.to_string());
            // "75 USD million": a scale after the code
            if let Some(s) = list.get(end + 1).and_then(|t| lexicon::scale(t.text)).filter(|s| *s >= 1e3 && list[end + 1].text.len() > 1) {
                value = Interval { low: value.low.map(|x| x * s), high: value.high.map(|x| x * s) };
                last = end + 1;
                end += 2;
            } else if let Some((cents, after)) = minor_units(list, end + 1) {
                // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
                value = Interval { low: value.low.map(|x| x + cents), high: value.high.map(|x| x + cents) };
                last = after - 1;
                end = after;
            }
        }
    }
    // "500km", "30GB": the unit is the abbreviation, in the span
    if unit.is_none() && list.get(end).is_some_and(|u| !u.space_before && lexicon::GLUED_UNITS.has(u)) {
        unit = Some(list[end].lower());
        last = end;
        end += 1;
    }
    // "40°C", "104°F", "15°": degrees, in the span
    if unit.is_none() && list.get(end).is_some_and(|d| d.punct('°') && !d.space_before) {
        let scale = usize::from(list.get(end + 1).is_some_and(|c| !c.space_before && (c.text == "C" || c.text == "F")));
        unit = Some("degree".into());
        last = end + scale;
        end += 1 + scale;
    }
    // "16-year-old", "16 years old": an age, not a count of anything.
    if unit.is_none() && is_age(list, end) {
        unit = Some("age".into());
    }
    if unit.is_none() && (core.source == "number::fraction" || core.source == "number::ratio") {
        unit = Some("fraction".into());
    }
    if unit.is_none() && core.counts {
        let mut k = end;
        if list.get(k).is_some_and(|t| t.is("of")) && core.takes_of {
            k += 1;
        }
        unit = noun_phrase_head(list, k, false);
    }
    if negative {
        value = Interval { low: value.high.map(|h| -h), high: value.low.map(|l| -l) };
    }
    if let Some(h) = hedge {
        value = apply_hedge(h, value);
    }
    let span = Span::new(start, list[last].span.end);
    let mut m = Mention::new(Kind::Number, span, Value::Number(value), core.source);
    m.unit = unit;
    m.hedge = hedge_name.map(str::to_string);
    Some((m, end))
}

/// "one in five", "1 out of 3", "one in a million": a share, N / M, and the
/// index after it. Not "3 in 10 minutes" (a count and a stretch of time).
fn ratio_at(list: &[Token<'_>], j: usize) -> Option<(f64, usize)> {
    let read = |k: usize| -> Option<(f64, usize)> {
        let t = list.get(k)?;
        if t.kind == TokenKind::Numeral {
            let plain = t.text.bytes().all(|b| b.is_ascii_digit());
            return plain.then(|| lexicon::decimal(t.text).map(|x| (x, k + 1))).flatten();
        }
        if t.is("a") {
            let s = list.get(k + 1).and_then(|n| lexicon::scale(n.text)).filter(|s| *s >= 1e2)?;
            return Some((s, k + 2));
        }
        let (first, end) = tens_and_units(list, k)?;
        let composed = scales(list, first, end);
        Some((composed.value, composed.end))
    };
    let (n, k) = read(j)?;
    // "one over three", "2000 over 3": a quotient, when nothing is counted
    // after it ("$2000 over 3 years" is an amount and a stretch of time)
    if list.get(k).is_some_and(|w| w.is("over")) {
        let (m, end) = read(k + 1)?;
        let closes = list.get(end).is_none_or(|t| t.line_before || matches!(t.text, "." | "," | ";" | "!" | "?" | ")"));
        return (m > 0.0 && closes).then_some((n / m, end));
    }
    let k = if list.get(k).is_some_and(|w| w.is("in")) { k + 1 } else { phrase_at(list, k, "out of")? };
    let (m, end) = read(k)?;
    let time_after = list.get(end).is_some_and(|u| super::Unit::parse(u.text).is_some());
    (n >= 1.0 && n < m && m <= 1e9 && !time_after).then_some((n / m, end))
}

/// Scientific and power notation at the numeral `j`: "1.3e6", "12.32e+14",
/// "1.3x10^6", "6.23×10^-4" (times a power of ten) and "2.5^-1" (a power);
/// the value and the index after it.
fn scientific(list: &[Token<'_>], j: usize) -> Option<(f64, usize)> {
    let glued_at = |k: usize| list.get(k).filter(|t| !t.space_before);
    let next = glued_at(j + 1)?;
    if !(next.is("e") || next.is("x") || next.text == "×" || next.punct('^')) {
        return None;
    }
    // "the 7e7", "Boeing 7E7": a model's name
    let named = j.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is("the") || p.is_capitalized());
    if next.is("e") && named {
        return None;
    }
    let base = lexicon::decimal(list[j].text)?;
    // signs, any number of them ("^--23" is +23), then whole digits
    let exponent = |mut k: usize| -> Option<(i32, usize)> {
        let mut negative = false;
        while let Some(sign) = glued_at(k).filter(|t| t.punct('-') || t.punct('+') || t.punct('−')) {
            negative ^= !sign.punct('+');
            k += 1;
        }
        let n = glued_at(k).filter(|t| t.kind == TokenKind::Numeral && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))?;
        let n = lexicon::decimal(n.text)? as i32;
        Some((if negative { -n } else { n }, k + 1))
    };
    let (value, end) = if next.is("e") {
        let (e, end) = exponent(j + 2)?;
        (base * 10f64.powi(e), end)
    } else if next.punct('^') {
        let (e, end) = exponent(j + 2)?;
        (base.powi(e), end)
    } else if glued_at(j + 2).is_some_and(|t| t.text == "10") && glued_at(j + 3).is_some_and(|t| t.punct('^')) {
        let (e, end) = exponent(j + 4)?;
        (base * 10f64.powi(e), end)
    } else {
        return None;
    };
    // more glued on ("1e10x", "2^3^4"): something else
    let more = glued_at(end).is_some_and(|t| t.is_word() || t.kind == TokenKind::Numeral || t.punct('^'));
    (value.is_finite() && !more).then_some((value, end))
}

/// "1,3", "1.111,11", "3,5 million" at the numeral `j`: a decimal comma, as
/// European writers use it, since a comma before one or two digits groups no
/// thousands (prose lists take a space: "1, 3"; "22,24,26" is a list too).
/// The whole (full stops grouping its thousands dropped) and the decimals.
fn decimal_comma<'t>(list: &[Token<'t>], j: usize) -> Option<(String, &'t str)> {
    let glued = |k: usize| list.get(k).filter(|t| !t.space_before);
    let whole = list[j].text;
    let decimals = glued(j + 2).filter(|d| d.kind == TokenKind::Numeral && d.text.len() <= 2 && d.text.bytes().all(|b| b.is_ascii_digit()))?;
    let groups_ok = whole.split('.').enumerate().all(|(i, g)| (if i == 0 { (1..=3).contains(&g.len()) } else { g.len() == 3 }) && g.bytes().all(|b| b.is_ascii_digit()));
    let in_list = j.checked_sub(1).is_some_and(|p| list[p].punct(',') && !list[p].space_before && !list[j].space_before)
        || glued(j + 3).is_some_and(|n| n.punct(',')) && glued(j + 4).is_some_and(|n| n.kind == TokenKind::Numeral);
    (glued(j + 1)?.punct(',') && groups_ok && !in_list).then(|| (whole.replace('.', ""), decimals.text))
}

/// "50 cents", "and forty-five cents" at `k`: the hundredths and the index after.
fn minor_units(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let k = if list.get(k).is_some_and(|a| a.is("and")) { k + 1 } else { k };
    let (n, next) = match list.get(k)? {
        t if t.kind == TokenKind::Numeral => (lexicon::decimal(t.text)?, k + 1),
        _ => tens_and_units(list, k)?,
    };
    if n >= 100.0 {
        return None;
    }
    match list.get(next) {
        Some(c) if lexicon::is_minor_currency(c.text) => Some((n / 100.0, next + 1)),
        // "15 dollars 50.", "15 USD 50 more": the cents, when nothing is counted after them
        None => Some((n / 100.0, next)),
        Some(c) if c.punct('.') || c.punct(',') || c.punct(';') || c.punct('!') || c.punct('?') || c.is_any(&["more", "less", "each", "apiece"]) => Some((n / 100.0, next)),
        _ => None,
    }
}

struct Core {
    value: Interval,
    /// Followed by a counted noun ("382 officers"); fractions of a whole are not.
    counts: bool,
    /// "hundreds of officers": the noun comes after "of".
    takes_of: bool,
    source: &'static str,
}

/// The quantity at token `j` without hedge or suffix; returns it and the
/// index after it.
fn core_at(list: &[Token<'_>], j: usize, signed: bool) -> Option<(Core, usize)> {
    let t = list.get(j)?;
    let exact = |x: f64, source| Core { value: Interval::exact(x), counts: true, takes_of: false, source };
    match t.kind {
        TokenKind::Numeral => {
            if let Some((x, end)) = scientific(list, j) {
                return Some((Core { value: Interval::exact(x), counts: true, takes_of: false, source: "number::scientific" }, end));
            }
            if is_not_a_quantity(list, j) {
                return None;
            }
            let mut digits: String = t.text.chars().filter(|c| *c != ',' && !c.is_whitespace()).collect();
            let mut end = j + 1;
            if let Some((whole, cents)) = decimal_comma(list, j) {
                digits = format!("{whole}.{cents}");
                end = j + 3;
            } else if t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()) {
                // "1 234 567": groups of three digits after single spaces
                while let Some(g) = list.get(end).filter(|g| {
                    g.kind == TokenKind::Numeral && g.text.len() == 3 && g.text.bytes().all(|b| b.is_ascii_digit()) && !g.line_before
                        && g.span.start == list[end - 1].span.end + 1
                }) {
                    digits.push_str(g.text);
                    end += 1;
                }
            }
            let mut x = lexicon::decimal(&digits)?;
            // "3/4", "-4/5": a fraction of digits (not "24/7", nor "9/11", the day)
            if end == j + 1 && list.get(end).is_some_and(|s| s.punct('/') && !s.space_before) {
                let y = list.get(end + 1).filter(|d| d.kind == TokenKind::Numeral && !d.space_before).and_then(|d| lexicon::decimal(d.text));
                let more = list.get(end + 2).is_some_and(|n| (n.punct('/') || n.kind == TokenKind::Numeral) && !n.space_before);
                if let Some(y) = y.filter(|y| *y > x && *y <= 100.0 && !more && !(x == 9.0 && *y == 11.0)) {
                    let core = Core { value: Interval::exact(x / y), counts: false, takes_of: true, source: "number::fraction" };
                    return Some((core, end + 2));
                }
                // "9/11", "24/7", "50/50": two whole numbers joined by a
                // slash that are no fraction name something; neither counts
                if y.is_some() && !more {
                    return None;
                }
            }
            // "2 1/4", "2 1/2 inches": a whole number and a fraction of digits
            if end == j + 1 && t.text.bytes().all(|b| b.is_ascii_digit()) {
                let (n, slash, d) = (list.get(end), list.get(end + 1), list.get(end + 2));
                if let (Some(n), Some(slash), Some(d)) = (n, slash, d) {
                    let (a, b) = (lexicon::decimal(n.text), lexicon::decimal(d.text));
                    if n.kind == TokenKind::Numeral && n.space_before && slash.punct('/') && !slash.space_before && d.kind == TokenKind::Numeral && !d.space_before {
                        if let (Some(a), Some(b)) = (a, b) {
                            if a < b && b <= 16.0 && !list.get(end + 3).is_some_and(|m| m.punct('/') && !m.space_before) {
                                return Some((exact(x + a / b, "number::numeral"), end + 3));
                            }
                        }
                    }
                }
            }
            // "2½"
            if let Some(f) = list.get(end).filter(|f| !f.space_before).and_then(|f| vulgar_fraction(f.text)) {
                return Some((exact(x + f, "number::numeral"), end + 1));
            }
            if list.get(end).is_some_and(|n| n.is("dozens")) {
                x *= 12.0;
                end += 1;
            } else {
                // "5bn" glued, "1.2 million" spaced (single letters only when glued), "4 thousand 3 hundred and 21"
                let composed = scales(list, x, end);
                x = composed.value;
                end = composed.end;
                // "3 million and a half"
                if composed.last_scale >= 1e3 && composed.trailing_zero {
                    if let Some((f, next)) = list.get(end).filter(|a| a.is("and")).and_then(|_| fraction_phrase(list, end + 1)) {
                        x += f * composed.last_scale;
                        end = next;
                    }
                }
            }
            Some((exact(x, "number::numeral"), end))
        }
        TokenKind::Word => {
            let lowered = lexicon::lower(t.text);
            let w: &str = &lowered;
            // "a dozen", "a hundred", "a quarter", "half"
            if w == "a" || w == "an" {
                let n = list.get(j + 1)?;
                if let Some(s) = lexicon::scale(n.text) {
                    let mut x = s;
                    let mut end = j + 2;
                    if let Some(s2) = list.get(end).and_then(|m| lexicon::scale(m.text)).filter(|s2| *s2 > s) {
                        x *= s2;
                        end += 1;
                    }
                    // "a hundred trillionths"
                    if let Some((d, next)) = denominator_at(list, end) {
                        let core = Core { value: Interval::exact(x / d), counts: false, takes_of: true, source: "number::fraction" };
                        return Some((core, next));
                    }
                    // "a half million"
                    return Some((exact(x, "number::words"), end));
                }
                if let Some(f) = lexicon::fraction_word(n.text).filter(|_| !n.text.ends_with('s')) {
                    // "a quarter million"
                    if let Some((s, next)) = scale_after_fraction(list, j + 2) {
                        return Some((exact(f * s, "number::words"), next));
                    }
                    let core = Core { value: Interval::exact(f), counts: false, takes_of: true, source: "number::fraction" };
                    return Some((core, j + 2));
                }
                // "a hundredth", "a trillionth"; "a seventh" only as a fraction of something
                // ("a seventh of the vote"), not an ordinal ("a seventh term")
                // "a twenty-first" too, but not "a twenty-first-century idea"
                let ends = |k: usize| list.get(k).is_none_or(|e| e.is("of") || e.is_punct_not_glued_hyphen() || e.line_before);
                if let Some((d, next)) = denominator_at(list, j + 1).filter(|&(_, next)| !list[next - 1].text.ends_with('s') && ends(next)) {
                    let core = Core { value: Interval::exact(1.0 / d), counts: false, takes_of: true, source: "number::fraction" };
                    return Some((core, next));
                }
                return None;
            }
            // "half a million", "half million", "quarter million"
            // "hundred thousand dollars": a bare "hundred" before a larger
            // scale ("several hundred thousand" is no count of 100,000)
            if w == "hundred" {
                if j.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is_any(&["several", "few", "many", "some", "couple", "the"])) {
                    return None;
                }
                let larger = list.get(j + 1).filter(|m| m.text.len() > 1).and_then(|m| lexicon::scale(m.text)).filter(|s| *s >= 1e3);
                return larger.map(|s| (exact(100.0 * s, "number::words"), j + 2));
            }
            if w == "half" || w == "quarter" {
                let a = usize::from(w == "half" && list.get(j + 1).is_some_and(|n| n.is("a")));
                if let Some(s) = list.get(j + 1 + a).and_then(|n| lexicon::scale(n.text)).filter(|s| *s >= 1e3 && list[j + 1 + a].text.len() > 1) {
                    let f = if w == "half" { 0.5 } else { 0.25 };
                    return Some((exact(f * s, "number::words"), j + 2 + a));
                }
            }
            // "half a dozen"
            if w == "half" {
                if let Some(k) = phrase_at(list, j + 1, "a dozen") {
                    return Some((exact(6.0, "number::words"), k));
                }
            }
            if w == "half" && list.get(j + 1).is_some_and(|n| n.is("of") || n.is("a") || n.is("the")) {
                let core = Core { value: Interval::exact(0.5), counts: false, takes_of: true, source: "number::fraction" };
                return Some((core, j + 1));
            }
            if let Some((low, high)) = lexicon::vague_quantity(w) {
                // "tens of thousands", "hundreds of thousands"
                let mut value = Interval { low: Some(low), high: Some(high) };
                let mut end = j + 1;
                if list.get(end).is_some_and(|n| n.is("of")) {
                    if let Some((l2, h2)) = list.get(end + 1).and_then(|n| lexicon::vague_quantity(n.text)) {
                        value = Interval { low: Some(low * l2 / 2.0), high: Some(high * h2) };
                        end += 2;
                    }
                }
                return Some((Core { value, counts: true, takes_of: true, source: "number::vague" }, end));
            }
            if w == "tens" && phrase_at(list, j + 1, "of thousands").is_some() {
                let value = Interval { low: Some(20_000.0), high: Some(99_999.0) };
                return Some((Core { value, counts: true, takes_of: true, source: "number::vague" }, j + 3));
            }
            number_words(list, j, signed)
        }
        TokenKind::Punct => {
            let f = vulgar_fraction(t.text)?;
            Some((Core { value: Interval::exact(f), counts: false, takes_of: true, source: "number::fraction" }, j + 1))
        }
    }
}

/// "million", "of a million" after a fraction: the scale and the index after.
fn scale_after_fraction(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let of_a = if phrase_at(list, k, "of a").is_some() { 2 } else { 0 };
    let s = list.get(k + of_a).and_then(|t| lexicon::scale(t.text)).filter(|s| *s >= 1e3 && list[k + of_a].text.len() > 1)?;
    Some((s, k + of_a + 1))
}

/// "½", "¾", "⅔": fractions written as one character.
fn vulgar_fraction(c: &str) -> Option<f64> {
    const TABLE: [(&str, f64); 15] = [
        ("½", 0.5), ("⅓", 1.0 / 3.0), ("⅔", 2.0 / 3.0), ("¼", 0.25), ("¾", 0.75), ("⅕", 0.2), ("⅖", 0.4), ("⅗", 0.6),
        ("⅘", 0.8), ("⅙", 1.0 / 6.0), ("⅚", 5.0 / 6.0), ("⅛", 0.125), ("⅜", 0.375), ("⅝", 0.625), ("⅞", 0.875),
    ];
    TABLE.iter().find(|(s, _)| *s == c).map(|(_, f)| *f)
}

/// "six hundred", "twenty-five", "fifty two", "two million", "one hundred
/// and six", "two-thirds", "three fifths", "five and a half", "five point
/// five". A lone "one" is a pronoun far more often than a count ("one of
/// the"), so it needs a scale word, a fraction or a sign (`signed`).
fn number_words(list: &[Token<'_>], j: usize, signed: bool) -> Option<(Core, usize)> {
    let (first, end) = tens_and_units(list, j)?;
    // "two thirds of a million", "three quarters billion": a fraction of a scale is a count
    let fraction = |value: f64, end: usize| match scale_after_fraction(list, end) {
        Some((s, next)) => Some((Core { value: Interval::exact(value * s), counts: true, takes_of: false, source: "number::words" }, next)),
        None => Some((Core { value: Interval::exact(value), counts: false, takes_of: true, source: "number::fraction" }, end)),
    };
    let hyphen_after = list.get(end).is_some_and(|t| t.punct('-')) && glued(list, end) && glued(list, end + 1);
    // "five - eighths": a spaced hyphen, before a denominator only
    let spaced_hyphen = list.get(end).is_some_and(|t| t.punct('-') && t.space_before) && list.get(end + 1).is_some_and(|t| t.space_before);
    if spaced_hyphen {
        if let Some((d, next)) = denominator_at(list, end + 1) {
            return fraction(first / d, next);
        }
    }
    if hyphen_after {
        // "two-thirds", "one-eighth"
        if let Some((d, next)) = denominator_at(list, end + 1) {
            return fraction(first / d, next);
        }
        // "twenty-first", "thirty-second": an ordinal, not a count
        if list.get(end + 1).and_then(|o| lexicon::ordinal_unit(o.text)).is_some() {
            return None;
        }
    }
    // "the twenty first century", spaced ("twenty seconds" is a time)
    let tens = end == j + 1 && first >= 20.0 && (first / 10.0).fract() == 0.0;
    if tens && list.get(end).is_some_and(|o| !o.line_before && !o.text.ends_with('s') && !o.is("second") && lexicon::ordinal_unit(o.text).is_some()) {
        return None;
    }
    let composed = scales(list, first, end);
    let (mut value, mut end) = (composed.value, composed.end);
    let mut has_fraction = false;
    // "five point five", "two hundred point zero three", "point seventy-one"
    if list.get(end).is_some_and(|p| p.is("point")) {
        if let Some((decimals, next)) = decimal_words(list, end + 1) {
            value += decimals;
            end = next;
            has_fraction = true;
            if let Some(s) = list.get(end).and_then(|t| lexicon::scale(t.text)).filter(|s| *s >= 1e3 && list[end].text.len() > 1) {
                value *= s;
                end += 1;
            }
        }
    }
    // "three fifths", "twenty one fifths", "ninety-five hundred-fifths",
    // "three twenty firsts" (3/21), "one one hundred fifth" (1/105)
    if !has_fraction {
        let hyphen = usize::from(composed.last_scale > 0.0 && list.get(end).is_some_and(|h| h.punct('-')) && glued(list, end) && glued(list, end + 1));
        if let Some((d, next)) = denominator_at(list, end + hyphen).or_else(|| ordinal_compound_at(list, end)) {
            // "the one hundred fifth anniversary": an ordinal, not 100/5;
            // a fraction above one has a plural denominator
            let singular = list.get(next - 1).is_some_and(|o| !o.text.ends_with('s') && !o.is("half"));
            if singular && value != 1.0 {
                return None;
            }
            return fraction(value / d, next);
        }
    }
    // "five and a half", "twenty and three fifths", "one million and a half"
    if let Some((f, next)) = list.get(end).filter(|a| a.is("and")).and_then(|_| fraction_phrase(list, end + 1)) {
        // "one billion and a half million": a fraction of the smaller scale after it
        let smaller = list.get(next).and_then(|t| lexicon::scale(t.text)).filter(|s| *s >= 1e3 && *s < composed.last_scale && list[next].text.len() > 1);
        end = next;
        value += match (composed.last_scale >= 1e3 && composed.trailing_zero, smaller) {
            (true, Some(s)) => {
                end += 1;
                f * s
            }
            (true, None) => f * composed.last_scale,
            (false, _) => f,
        };
        has_fraction = true;
        // "five and a half million"
        if composed.last_scale < 1e3 {
            if let Some(s) = list.get(end).and_then(|t| lexicon::scale(t.text)).filter(|s| *s >= 1e3 && list[end].text.len() > 1) {
                value *= s;
                end += 1;
            }
        }
    }
    // "one dollar", "one-yen": money is a count
    let money = list.get(end + usize::from(list.get(end).is_some_and(|h| h.punct('-') && !h.space_before))).is_some_and(|c| lexicon::currency_word(c.text).is_some());
    // "one percent", "one percentage point": a share is a count too
    let share = list.get(end).is_some_and(|p| p.is_any(&["percent", "percentage"])) || phrase_at(list, end, "per cent").is_some();
    // "one last time", "one more officer": a count before these
    // ("no one more", "any one more" are pronouns still)
    let counted = list.get(end).is_some_and(|n| n.is_any(&["last", "more", "final"])) && !j.checked_sub(1).is_some_and(|p| list[p].is_any(&["no", "any", "every", "some", "each", "the"]));
    if first == 1.0 && composed.last_scale == 0.0 && !has_fraction && !signed && !money && !share && !counted {
        return None;
    }
    let core = Core { value: Interval::exact(value), counts: true, takes_of: false, source: "number::words" };
    Some((core, end))
}

/// A count built up with scale words from `current` (already read, ending
/// before `end`): "two million three hundred thousand", "4 thousand 3
/// hundred and 21", "three lakh crore".
struct Composed {
    value: f64,
    end: usize,
    /// The last scale word read (0 when none).
    last_scale: f64,
    /// Nothing was added after the last scale of a thousand or more
    /// ("one million and a half" is 1.5 million).
    trailing_zero: bool,
}

fn scales(list: &[Token<'_>], first: f64, mut end: usize) -> Composed {
    let mut total = 0.0;
    let mut current = first;
    let mut last_scale: f64 = 0.0;
    // what the last "and …" added, which a small scale after it multiplies
    // alone ("three hundred and two dozen" is 324)
    let mut addend: Option<f64> = None;
    while let Some(t) = list.get(end) {
        // "dozens" counts as a scale only after a number ("three dozens");
        // so do "hundreds", "millions" ("two out of five hundreds", "3
        // millions"). A single letter counts glued ("5bn", "10k"), or spaced
        // as an SI prefix after digits: "k", and "M" and "G" in capitals
        // ("2.33 k", "1,674.5 G"; "5 m" is metres).
        let plural = || t.text.strip_suffix('s').filter(|w| w.len() > 3).and_then(lexicon::scale).filter(|s| *s >= 1e2);
        let after_digits = list[end - 1].kind == TokenKind::Numeral;
        let si = || match t.text {
            "k" | "K" => Some(1e3),
            "M" => Some(1e6),
            "G" => Some(1e9),
            _ => None,
        };
        let scale = lexicon::scale(t.text)
            .filter(|_| t.text.len() > 1 || !t.space_before)
            .or_else(|| if t.is("dozens") { Some(12.0) } else { plural() })
            .or_else(|| si().filter(|_| after_digits));
        let Some(s) = scale else { break };
        if s < 1e3 {
            current = match addend.take() {
                Some(m) => current - m + m * s,
                None => current * s,
            };
        } else if current == 0.0 && total > 0.0 && s > last_scale {
            // "three lakh crore": a scale of the scale before it
            total *= s;
        } else {
            total += current * s;
            current = 0.0;
        }
        addend = None;
        last_scale = s;
        end += 1;
        // nothing continues an SI prefix ("1,674.5 G and 5 M" are two)
        if t.text.len() == 1 && t.space_before {
            break;
        }
        // "one hundred and six", "4 thousand 3 hundred and 21"
        let and = usize::from(list.get(end).is_some_and(|n| n.is("and")));
        let Some(next) = list.get(end + and) else { break };
        // "three lakh crore": another scale straight after
        if and == 0 && lexicon::scale(next.text).is_some_and(|s2| s2 > s && next.text.len() > 1) {
            continue;
        }
        let more = if next.kind == TokenKind::Numeral {
            // digits continue a count only before a smaller scale or after "and" ("$5 million 2 years ago" is two)
            let digits: Option<f64> = next.text.bytes().all(|b| b.is_ascii_digit()).then(|| lexicon::decimal(next.text)).flatten();
            let before_scale = list.get(end + and + 1).and_then(|n| lexicon::scale(n.text)).is_some_and(|s2| s2 < s && list[end + and + 1].text.len() > 1);
            digits.filter(|d| *d < s && (and == 1 || before_scale)).map(|d| (d, end + and + 1))
        } else if and == 1 && list.get(end + 1).and_then(|n| lexicon::number_word(n.text)).is_none() {
            None
        } else {
            tens_and_units(list, end + and).filter(|(m, _)| *m < s)
        };
        // Not a proper fraction after "and", which the caller adds ("two
        // million and three fifths", "two hundred and fifty-four
        // hundredths"; an improper one divides all: "one hundred and
        // thirty-two fifths" is 132/5); not the first word of a denominator
        // ("one hundred thirty-fifths" is 100/35, "one hundred one thousand
        // fifths" 100/1005); nor the start of a new count ("3 hundred and 2
        // hundred", "two thousand and three million"). A larger scale after
        // a count below a thousand multiplies the whole of it ("two hundred
        // and two thousand").
        // Nothing is added by a zero ("4 thousand 3 hundred and 0" is two numbers).
        let more = more.filter(|&(m, next)| {
            let fraction_after = and == 1 && denominator_at(list, next).is_some_and(|(d, _)| m < d);
            let denominator_here = and == 0 && (denominator_at(list, end).is_some() || ordinal_compound_at(list, end).is_some());
            m > 0.0
                && !fraction_after
                && !denominator_here
                && !list.get(next).and_then(|n| lexicon::scale(n.text)).is_some_and(|s2| s2 == s || (s2 > s && s >= 1e3))
        });
        match more {
            Some((m, next)) if !(and == 1 && list.get(end + 1).is_some_and(|n| n.is("a"))) => {
                current += m;
                addend = Some(m);
                end = next;
            }
            _ => break,
        }
    }
    Composed { value: total + current, end, last_scale, trailing_zero: current == 0.0 }
}

/// The digits after "point": "five" (.5), "zero three" (.03), "seventy-one" (.71).
fn decimal_words(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let (first, next) = tens_and_units(list, k)?;
    // Digits as text, so that "zero three" keeps its leading zero; word
    // values are whole numbers below 100.
    let mut digits = format!(".{}", first as u32);
    let mut end = next;
    if first < 10.0 {
        while let Some(d) = list.get(end).and_then(|t| lexicon::number_word(t.text)).filter(|d| *d < 10.0) {
            digits.push(char::from(b'0' + d as u8));
            end += 1;
        }
    }
    let x = lexicon::decimal(&digits)?;
    Some((x, end))
}

/// An ordinal naming a denominator at `k`: "fifths", "hundredth",
/// "twenty-fifth" (25): `(denominator, index after)`.
fn denominator_at(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let t = list.get(k)?;
    if let Some(d) = lexicon::denominator(t.text) {
        // "quarter" is a quarter only with a count before it; "a quarter" is read elsewhere
        return Some((d, k + 1));
    }
    let tens = lexicon::number_word(t.text).filter(|n| *n >= 20.0 && (n / 10.0).fract() == 0.0)?;
    list.get(k + 1).filter(|h| h.punct('-') && !h.space_before)?;
    let unit = list.get(k + 2).filter(|_| glued(list, k + 2)).and_then(|u| lexicon::ordinal_unit(u.text))?;
    Some((tens + unit, k + 3))
}

/// A denominator of several words at `k`, spaced: tens and an ordinal unit
/// ("twenty fifths", 25; not "seconds", a time), or a count of one scale
/// and an ordinal below it ("one hundred fifth" and "one hundred and
/// fifth", 105; "one thousand fifths", 1005). `(denominator, index
/// after)`. Only after a numerator: alone, "twenty fifths" is 20/5.
fn ordinal_compound_at(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let (first, next) = tens_and_units(list, k)?;
    let ordinal = |t: &Token<'_>| if t.is("second") || t.is("seconds") { None } else { lexicon::ordinal_unit(t.text) };
    let o = list.get(next)?;
    if next == k + 1 && first >= 20.0 && !o.line_before {
        if let Some(unit) = ordinal(o) {
            return Some((first + unit, next + 1));
        }
    }
    let s = lexicon::scale(o.text).filter(|s| *s >= 1e2 && o.text.len() > 1)?;
    let at = next + 1 + usize::from(list.get(next + 1).is_some_and(|a| a.is("and")));
    let t = list.get(at)?;
    let below = ordinal(t).or_else(|| lexicon::denominator(t.text)).filter(|d| *d < s)?;
    Some((first * s + below, at + 1))
}

/// A fraction in words at `k`: "a half", "three quarters", "fifty-four hundredths".
fn fraction_phrase(list: &[Token<'_>], k: usize) -> Option<(f64, usize)> {
    let t = list.get(k)?;
    let (numerator, next) = if t.is("a") || t.is("an") { (1.0, k + 1) } else { tens_and_units(list, k)? };
    let (d, end) = denominator_at(list, next)?;
    Some((numerator / d, end))
}

/// "seven", "forty", "forty-two", "fifty two": a number under a hundred.
pub(super) fn tens_and_units(list: &[Token<'_>], j: usize) -> Option<(f64, usize)> {
    let first = lexicon::number_word(list.get(j)?.text)?;
    // (`fract`, not `%`: a float remainder would add its own routine to the wasm)
    let is_tens = first >= 20.0 && (first / 10.0).fract() == 0.0;
    if is_tens {
        // "forty-two", and spaced, "forty - two" (the unit is below ten, so no range)
        let spaced = list.get(j + 1).is_some_and(|t| t.space_before) && list.get(j + 2).is_some_and(|t| t.space_before && !t.line_before);
        if list.get(j + 1).is_some_and(|t| t.punct('-')) && (glued(list, j + 1) && glued(list, j + 2) || spaced) {
            if let Some(unit) = list.get(j + 2).and_then(|n| lexicon::number_word(n.text)).filter(|u| *u >= 1.0 && *u < 10.0) {
                return Some((first + unit, j + 3));
            }
        }
        // "fifty two"
        if let Some(unit) = list.get(j + 1).filter(|n| n.space_before && !n.line_before).and_then(|n| lexicon::number_word(n.text)).filter(|u| *u >= 1.0 && *u < 10.0) {
            return Some((first + unit, j + 2));
        }
    }
    Some((first, j + 1))
}

/// True when the tokens from `k` say "-year-old", "-years-old" or
/// "year(s) old" (also with "month" and "week").
pub(super) fn is_age(list: &[Token<'_>], k: usize) -> bool {
    let hyphen = usize::from(list.get(k).is_some_and(|t| t.punct('-') && !t.space_before));
    let unit = list.get(k + hyphen).is_some_and(|t| t.is_any(&["year", "years", "month", "months", "week", "weeks"]));
    let dash = usize::from(list.get(k + hyphen + 1).is_some_and(|t| t.punct('-')));
    // ("the 45-year-old's lawyer")
    unit && list.get(k + hyphen + 1 + dash).is_some_and(|t| lexicon::without_possessive(t.text).eq_ignore_ascii_case("old"))
}

/// True when the name before the numeral at `j` (at `j - 1`) and the words
/// after it make the numeral part of a name: the name is inside a sentence
/// and no hedge, month or currency, and nothing counted follows.
fn names_a_thing(list: &[Token<'_>], j: usize) -> bool {
    let p = &list[j - 1];
    let t = &list[j];
    if !t.text.bytes().all(|b| b.is_ascii_digit()) || p.line_before {
        return false;
    }
    let sentence_start = j < 2 || {
        let b = &list[j - 2];
        b.kind == TokenKind::Punct && matches!(b.text, "." | "!" | "?" | ":" | ";" | "\"" | "“" | "”" | "(" | "—" | "–" | "-" | "|")
    };
    if sentence_start {
        return false;
    }
    let word = lexicon::without_possessive(p.text);
    if lexicon::month(word).is_some() || lexicon::weekday(word).is_some() || lexicon::currency_prefix(word).is_some()
        || lexicon::currency_millions(word).is_some() || lexicon::number_word(word).is_some() || HEDGES.iter().any(|(h, _)| p.is(h.rsplit(' ').next().unwrap_or(h)))
        || lexicon::is_title(word)
    {
        return false;
    }
    // What follows keeps it a number: a counted plural, a unit, a percent,
    // a scale, "more" (any case: headlines capitalize every word, "Kenya to
    // Deploy 600 More Police Officers"), or a unit in capitals ("8 MB") or
    // an inch mark.
    let next = list.get(j + 1);
    let counted = next.is_some_and(|n| {
        n.punct('%')
            || ((n.punct('"') || n.punct('\'')) && !n.space_before)
            || (n.is_word()
                && ((n.text.len() > 3 && n.text.ends_with('s'))
                    || lexicon::scale(n.text).is_some()
                    || lexicon::currency_word(n.text).is_some()
                    || n.is_any(&["percent", "per", "people", "more", "additional", "new", "extra", "other", "million", "men", "women", "children"])
                    || ((2..=3).contains(&n.text.len()) && n.text.bytes().all(|b| b.is_ascii_uppercase()))))
    });
    !counted
}

/// True when the numeral at `j` is a group of a telephone number: "0722
/// 123 456", "+254 722 123 456", "(202) 555-0143", "020-2222222". Groups
/// joined by a space, a hyphen or a closing parenthesis make one number,
/// and it is a telephone number when its first group has a leading zero,
/// follows a "+", or is in parentheses.
fn is_phone_number(list: &[Token<'_>], j: usize) -> bool {
    let digits = |k: usize| list.get(k).is_some_and(|t| t.kind == TokenKind::Numeral && t.text.bytes().all(|b| b.is_ascii_digit()));
    // the index of the group after the one at `k`, if joined
    let after = |k: usize| {
        let n = list.get(k + 1)?;
        if digits(k + 1) && n.space_before && !n.line_before {
            return Some(k + 1);
        }
        let joined = (n.punct('-') && !n.space_before && !list.get(k + 2)?.space_before) || (n.punct(')') && list.get(k + 2)?.space_before);
        (joined && digits(k + 2)).then_some(k + 2)
    };
    let telling = |k: usize| {
        let t = &list[k];
        let before = k.checked_sub(1).map(|p| &list[p]);
        (t.text.len() >= 2 && t.text.starts_with('0') && list.get(k + 1).is_some_and(|n| !n.punct(')')))
            || before.is_some_and(|p| p.punct('+') && !t.space_before)
            || (before.is_some_and(|p| p.punct('(')) && list.get(k + 1).is_some_and(|c| c.punct(')')))
    };
    if !digits(j) {
        return false;
    }
    // back to the first group (one or two tokens before each), then along the groups
    let before = |k: usize| [k.checked_sub(1), k.checked_sub(2)].into_iter().flatten().find(|&q| digits(q) && after(q) == Some(k));
    let mut first = j;
    while let Some(p) = before(first) {
        first = p;
    }
    // (a leading zero only in the first group: "10 000" is ten thousand)
    telling(first) && after(first).is_some()
}

/// Numerals that are ordinals, identifiers, times or parts of codes.
fn is_not_a_quantity(list: &[Token<'_>], j: usize) -> bool {
    if is_phone_number(list, j) {
        return true;
    }
    let next = list.get(j + 1);
    // "1st", "7th", "19A" ("115USD" is money)
    if next.is_some_and(|n| n.is_word() && !n.space_before && lexicon::scale(n.text).is_none() && lexicon::currency_word(n.text).is_none() && !lexicon::GLUED_UNITS.has(n)) {
        return true;
    }
    // "7:37"
    if next.is_some_and(|n| n.punct(':') && !n.space_before) && list.get(j + 2).is_some_and(|n| n.kind == TokenKind::Numeral && !n.space_before) {
        return true;
    }
    if let Some(p) = j.checked_sub(1).and_then(|p| list.get(p)) {
        // "COVID19", "A380": digits glued to a word (a currency sign excepted)
        if p.is_word() && !list[j].space_before && lexicon::currency_prefix(p.text).is_none() {
            return true;
        }
        // "COVID-19", "F-16"
        if p.punct('-') && !list[j].space_before && j >= 2 && list[j - 2].is_word() && !p.space_before {
            return true;
        }
        if p.is_word() && IDENTIFIER_WORDS.iter().any(|w| p.is(w)) && p.is_capitalized() {
            return true;
        }
        // "FTSE 100", "iPhone 4", "Boeing's 787", "Terminal 3": a whole number
        // right after a name inside a sentence names a thing, unless it
        // counts what follows ("Kenya's 400 officers").
        if p.is_word() && (p.is_capitalized() || p.text.chars().skip(1).any(char::is_uppercase)) && list[j].space_before && names_a_thing(list, j) {
            return true;
        }
        if p.punct('#') {
            return true;
        }
        // the "37" of "7:37"; the "11" of "9/11" (a fraction is read from its first number)
        let after_digits = j >= 2 && list[j - 2].kind == TokenKind::Numeral;
        if (p.punct(':') || (p.punct('/') && after_digits)) && !p.space_before && !list[j].space_before {
            return true;
        }
    }
    false
}

fn apply_hedge(h: Hedge, v: Interval) -> Interval {
    let (Some(x), Some(y)) = (v.low, v.high) else { return v };
    // Bounds are conventions; keep them free of binary-fraction noise (220, not 220.00000000000003).
    let round = |b: f64| (b * 1e6).round() / 1e6;
    let v = hedged(h, x, y);
    Interval { low: v.low.map(round), high: v.high.map(round) }
}

fn hedged(h: Hedge, x: f64, y: f64) -> Interval {
    let integral = x.fract() == 0.0 && x >= 10.0;
    match h {
        Hedge::Nearly => Interval { low: Some(x * 0.9), high: Some(if integral { x - 1.0 } else { x }) },
        Hedge::About => Interval { low: Some(x * 0.9), high: Some(y * 1.1) },
        Hedge::AtLeast => Interval { low: Some(x), high: None },
        Hedge::MoreThan => Interval { low: Some(if integral { x + 1.0 } else { x }), high: None },
        Hedge::LessThan => Interval { low: Some(0.0), high: Some(if integral { y - 1.0 } else { y }) },
        Hedge::AtMost => Interval { low: Some(0.0), high: Some(y) },
    }
}

/// The counted noun after a quantity ("382 trained officers" → "officer"):
/// the first plural noun before a function word; for "-strong" compounds
/// ("2,500-strong multinational force") the last word of the phrase.
fn noun_phrase_head(list: &[Token<'_>], from: usize, compound: bool) -> Option<String> {
    let mut words = Vec::new();
    for t in list.iter().skip(from).take(4) {
        if !t.is_word() || t.line_before || lexicon::PHRASE_STOPS.has(t) {
            break;
        }
        words.push(t);
    }
    if compound {
        return words.last().map(|t| lexicon::singular(t.text));
    }
    let plural = |t: &Token<'_>| {
        let w = lexicon::lower(t.text);
        lexicon::irregular_singular(&w).is_some() || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3 && !t.is_capitalized())
    };
    // The first plural, or the last of a run of them ("police officers").
    let first = words.iter().position(|t| plural(t))?;
    let run = words[first..].iter().take_while(|t| plural(t)).count();
    words.get(first + run - 1).map(|t| lexicon::singular(t.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Mention {
        let tokens = Tokens::new(text);
        let found = numbers(&tokens);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.into_iter().next().unwrap()
    }

    fn check(text: &str, span: &str, low: Option<f64>, high: Option<f64>, unit: Option<&str>) {
        let m = one(text);
        assert_eq!(m.span.slice(text), Some(span), "{text}");
        assert_eq!(m.interval(), Some(Interval { low, high }), "{text}");
        assert_eq!(m.unit.as_deref(), unit, "{text}");
    }

    #[test]
    fn numerals_hedges_units() {
        check("Kenya has deployed 382 trained officers.", "382", Some(382.0), Some(382.0), Some("officer"));
        check("Nearly 400 Kenyan officers patrol.", "Nearly 400", Some(360.0), Some(399.0), Some("officer"));
        check("with at least 5,000 officers deemed necessary", "at least 5,000", Some(5000.0), None, Some("officer"));
        check("More than 700,000 people are displaced", "More than 700,000", Some(700_001.0), None, Some("person"));
        check("the US has pledged $300 million in support", "$300 million", Some(3e8), Some(3e8), Some("usd"));
        check("a 2,500-strong multinational force", "2,500-strong", Some(2500.0), Some(2500.0), Some("force"));
        check("the arrival of hundreds of Kenyan police officers", "hundreds", Some(200.0), Some(999.0), Some("officer"));
        check("has deployed less than a quarter of its forces", "less than a quarter", Some(0.0), Some(0.25), Some("fraction"));
        check("a rise of 4.5% in a year", "4.5%", Some(4.5), Some(4.5), Some("percent"));
        check("six hundred soldiers", "six hundred", Some(600.0), Some(600.0), Some("soldier"));
        check("one hundred and sixty-one soldiers", "one hundred and sixty-one", Some(161.0), Some(161.0), Some("soldier"));
        check("a rate of .08 here", ".08", Some(0.08), Some(0.08), None);
        check("just need minus five percent", "minus five percent", Some(-5.0), Some(-5.0), Some("percent"));
        check("it fell to -9.5 overnight", "-9.5", Some(-9.5), Some(-9.5), None);
        check("fifty two police", "fifty two", Some(52.0), Some(52.0), Some("police"));
        check("five and a half people", "five and a half", Some(5.5), Some(5.5), Some("person"));
        check("half a dozen officers", "half a dozen", Some(6.0), Some(6.0), Some("officer"));
        check("three dozens eggs", "three dozens", Some(36.0), Some(36.0), Some("egg"));
        check("a population of 1\u{202f}414\u{202f}021 people", "1\u{202f}414\u{202f}021", Some(1_414_021.0), Some(1_414_021.0), Some("person"));
        check("zero tolerance", "zero", Some(0.0), Some(0.0), None);
        check("a 16-year-old boy was shot", "16", Some(16.0), Some(16.0), Some("age"));
        check("the boy, 16 years old, was shot", "16", Some(16.0), Some(16.0), Some("age"));
        check("It cost €5bn overall", "€5bn", Some(5e9), Some(5e9), Some("eur"));
        check("an aid package worth Dh472.72bn in total", "Dh472.72bn", Some(472.72e9), Some(472.72e9), Some("aed"));
        check("about 200 protesters", "about 200", Some(180.0), Some(220.0), Some("protester"));
        check("tens of thousands of people", "tens of thousands", Some(20_000.0), Some(99_999.0), Some("person"));
        check("two-thirds of voters", "two-thirds", Some(2.0 / 3.0), Some(2.0 / 3.0), Some("fraction"));
    }

    #[test]
    fn not_numbers() {
        for text in ["the first contingent", "Resolution 2699 passed", "COVID-19 spread", "COVID19 spread", "one of the officers",
            "no one came", "the 3rd time", "at 7:37 local time"] {
            assert!(numbers(&Tokens::new(text)).is_empty(), "{text}");
        }
    }
}
