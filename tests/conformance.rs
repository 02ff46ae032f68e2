//! Conformance runner over public extraction suites vendored in
//! `tests/peers/` (with their licences): prints, per suite, the cases in
//! scope, what counts as a pass and the pass rate, and fails when a rate
//! drops below the floor recorded here (floors only ratchet up).
//!
//!     cargo test --test conformance -- --nocapture
//!
//! Scope: every case of the file except those the suite itself marks
//! `NotSupportedByDesign` (behaviour its authors chose not to support).
//! A case passes when each expected result is matched by a crossread number
//! mention whose span overlaps it and whose value is the expected value (for
//! a hedged mention, "about $14 million", the stated value lies within the
//! interval), and crossread finds no number of the suite's kind (any number;
//! percentages; money) that the case does not list.
#![cfg(not(target_arch = "wasm32"))]

use crossread::extract::extract;
use crossread::mention::Kind;
use crossread::text::Tokens;
use serde_json::Value;
use std::path::Path;

/// (file, floor): the pass rate measured when the suite was added, rounded down.
const SUITES: [(&str, &str, f64); 5] = [
    ("Recognizers-Text/NumberModel.json", "number", FLOOR_NUMBER),
    ("Recognizers-Text/PercentModel.json", "percent", FLOOR_PERCENT),
    ("Recognizers-Text/CurrencyModel.json", "currency", FLOOR_CURRENCY),
    ("Recognizers-Text/DateExtractor.json", "date", FLOOR_DATE_SPANS),
    ("Recognizers-Text/DateParser.json", "date-value", FLOOR_DATE_VALUES),
];
/// Date values against each case's reference date: the resolved date must be
/// the suite's past or future reading (news leans to the past), compared on
/// the fields crossread states (a year or month is a prefix of a full date).
const FLOOR_DATE_VALUES: f64 = 0.40;
/// Date extraction (spans only). The suite is written in lower-case chat
/// style ("i'll go back april 22"); crossread reads news, where month names
/// are capitalized, so much of it is missed by design for now.
const FLOOR_DATE_SPANS: f64 = 0.52;
const FLOOR_NUMBER: f64 = 0.38;
const FLOOR_PERCENT: f64 = 0.75;
const FLOOR_CURRENCY: f64 = 0.79;

struct Expected {
    start: usize,
    end: usize,
    value: Option<f64>,
    text: String,
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

fn parse_value(v: &Value) -> Option<f64> {
    let s = v.get("value")?.as_str()?.trim().trim_end_matches('%');
    s.parse::<f64>().ok()
}

fn run_case(case: &Value, kind: &str) -> Result<(), String> {
    let input = case["Input"].as_str().unwrap_or("");
    let expected: Vec<Expected> = case["Results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let start = r["Start"].as_u64().unwrap_or(0) as usize;
            let end = match r.get("Length").and_then(Value::as_u64) {
                Some(len) => start + len as usize,
                None => r["End"].as_u64().unwrap_or(0) as usize + 1,
            };
            Expected {
                start: byte_offset(input, start),
                end: byte_offset(input, end),
                value: parse_value(&r["Resolution"]),
                text: r["Text"].as_str().unwrap_or("").to_string(),
            }
        })
        .collect();
    let tokens = Tokens::new(input);
    let (mentions, _) = extract(&tokens);
    let family = if kind.starts_with("date") { Kind::Date } else { Kind::Number };
    let reference = case["Context"]["ReferenceDateTime"].as_str().and_then(|r| crossread::calendar::Day::parse(r.get(..10)?));
    let numbers: Vec<_> = mentions.iter().filter(|m| m.kind == family).collect();
    for e in &expected {
        let found = numbers.iter().find(|m| m.span.start < e.end && e.start < m.span.end);
        match found {
            None => return Err(format!("missed {:?}", e.text)),
            Some(m) if kind == "date-value" => {
                let got = m.date.as_ref().and_then(|d| d.resolve(reference)).unwrap_or_default();
                let want: Vec<&str> = ["PastResolution", "FutureResolution"]
                    .iter()
                    .filter_map(|k| case["Results"].as_array()?.iter().find(|r| r["Text"] == e.text.as_str())?["Value"][k]["date"].as_str())
                    .collect();
                // crossread keeps the granularity the text gives ("two years ago" is a
                // year), so a value that is a prefix of the suite's reading agrees.
                if got.is_empty() || !want.iter().any(|w| w.starts_with(got.as_str())) {
                    return Err(format!("{:?}: resolved to {got:?}, expected one of {want:?}", e.text));
                }
            }
            Some(_) if family == Kind::Date => {}
            Some(m) => {
                let Some(want) = e.value else { continue };
                let Some(i) = m.interval() else { return Err(format!("{:?}: no value", e.text)) };
                let close = |x: f64| (want - x).abs() <= want.abs() * 1e-9 + 1e-9;
                let ok = match (i.low, i.high) {
                    (Some(l), Some(h)) if l == h => close(l),
                    // hedged: the stated number lies in the interval (open bounds by one unit)
                    (l, h) if m.hedge.is_some() => l.is_none_or(|l| l - 1.0 <= want) && h.is_none_or(|h| want <= h + 1.0),
                    _ => false,
                };
                if !ok {
                    return Err(format!("{:?}: value {:?}, expected {want}", e.text, (i.low, i.high)));
                }
            }
        }
    }
    let of_kind = |m: &&&crossread::mention::Mention| match kind {
        "percent" => m.unit.as_deref() == Some("percent"),
        "currency" => m.unit.as_deref().is_some_and(|u| u.len() == 3 && u != "percent"),
        _ => true,
    };
    for m in numbers.iter().filter(of_kind) {
        if !expected.iter().any(|e| m.span.start < e.end && e.start < m.span.end) {
            return Err(format!("spurious {:?}", m.span.slice(input).unwrap_or("")));
        }
    }
    Ok(())
}

#[test]
fn peer_suites() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/peers");
    let mut failures = Vec::new();
    println!("crossread on public extraction suites (tests/peers/)");
    for (file, kind, floor) in SUITES {
        let cases: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(dir.join(file)).unwrap()).unwrap();
        let in_scope: Vec<&Value> = cases.iter().filter(|c| c.get("NotSupportedByDesign").is_none()).collect();
        let mut passed = 0;
        let mut examples = Vec::new();
        for case in &in_scope {
            match run_case(case, kind) {
                Ok(()) => passed += 1,
                Err(why) => {
                    if examples.len() < std::env::var("CONFORMANCE_SHOW").ok().and_then(|v| v.parse().ok()).unwrap_or(8) {
                        examples.push(format!("    {:?}: {why}", case["Input"].as_str().unwrap_or("").chars().take(70).collect::<String>()));
                    }
                }
            }
        }
        let rate = passed as f64 / in_scope.len().max(1) as f64;
        println!(
            "{file:<40} {} cases in scope ({} out of scope by design), pass = {}: {passed}/{} = {:.3} (floor {floor:.3})",
            in_scope.len(),
            cases.len() - in_scope.len(),
            if kind == "date-value" {
                "every expected date found and resolved to the past or future reading, and no other date"
            } else if kind == "date" {
                "every expected date span overlapped by a date mention, and no other date"
            } else {
                "every expected number found with its value, and no other of its kind"
            },
            in_scope.len(),
            rate
        );
        for e in examples {
            println!("{e}");
        }
        if rate < floor {
            failures.push(format!("{file}: {rate:.3} < floor {floor:.3}"));
        }
    }
    assert!(failures.is_empty(), "below the floors:\n{}", failures.join("\n"));
}
