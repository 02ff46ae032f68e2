//! Runs the extraction spec cases in `tests/spec/*.spec` (format in
//! `tests/spec/README.md`): each line gives a reference date, a text with
//! every expected mention of the file's kind marked `[[…]]`, and their values.
#![cfg(not(target_arch = "wasm32"))]

use crossread::calendar::Day;
use crossread::extract::extract;
use crossread::mention::{Kind, Mention};
use crossread::text::Tokens;
use std::path::Path;

struct Case {
    line: usize,
    reference: Day,
    text: String,
    spans: Vec<(usize, usize)>,
    values: Vec<String>,
}

fn parse(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spec").join(file);
    let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut cases = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        // A negative case ends in a bare `|`: no values.
        let line = line.strip_suffix(" |").unwrap_or(line);
        let parts: Vec<&str> = line.splitn(3, " | ").collect();
        assert!(parts.len() >= 2, "{file}:{}: expected `REFERENCE | TEXT | VALUES`", n + 1);
        let reference = Day::parse(parts[0].trim()).unwrap_or_else(|| panic!("{file}:{}: bad reference date", n + 1));
        // `\n` in TEXT is a paragraph break.
        let marked = parts[1].replace("\\n", "\n");
        let (mut text, mut spans, mut rest) = (String::new(), Vec::new(), marked.as_str());
        while let Some(open) = rest.find("[[") {
            text.push_str(&rest[..open]);
            let close = rest[open..].find("]]").unwrap_or_else(|| panic!("{file}:{}: unclosed [[", n + 1)) + open;
            let start = text.len();
            text.push_str(&rest[open + 2..close]);
            spans.push((start, text.len()));
            rest = &rest[close + 2..];
        }
        text.push_str(rest);
        let values: Vec<String> = parts.get(2).map_or(Vec::new(), |v| {
            v.split(" ; ").map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect()
        });
        assert_eq!(values.len(), spans.len(), "{file}:{}: {} marks but {} values", n + 1, spans.len(), values.len());
        cases.push(Case { line: n + 1, reference, text, spans, values });
    }
    cases
}

fn number_value(m: &Mention) -> String {
    let i = m.interval();
    let side = |x: Option<f64>| x.map_or(String::new(), |x| format!("{x}"));
    let range = i.map_or("-".to_string(), |i| format!("{}..{}", side(i.low), side(i.high)));
    match &m.unit {
        Some(unit) => format!("{range} {unit}"),
        None => range,
    }
}

fn run(file: &str, kind: Kind) {
    let cases = parse(file);
    let mut failures = Vec::new();
    for case in &cases {
        let tokens = Tokens::new(&case.text);
        let (mentions, _) = extract(&tokens);
        let found: Vec<&Mention> = mentions.iter().filter(|m| m.kind == kind).collect();
        let spans: Vec<(usize, usize)> = found.iter().map(|m| (m.span.start, m.span.end)).collect();
        let show = |spans: &[(usize, usize)]| spans.iter().map(|&(s, e)| format!("{:?}", &case.text[s..e])).collect::<Vec<_>>().join(", ");
        if spans != case.spans {
            failures.push(format!("{file}:{}: {:?}: found [{}], expected [{}]", case.line, case.text, show(&spans), show(&case.spans)));
            continue;
        }
        for (m, want) in found.iter().zip(&case.values) {
            let got = match kind {
                Kind::Date => m.date.as_ref().and_then(|d| d.resolve(Some(case.reference))).unwrap_or_else(|| "-".into()),
                Kind::Number => number_value(m),
                Kind::Quote => m.speaker.clone().unwrap_or_else(|| "-".into()),
            };
            if &got != want {
                failures.push(format!("{file}:{}: {:?}: {:?} is {got}, expected {want}", case.line, case.text, m.span.slice(&case.text).unwrap_or("")));
            }
        }
    }
    println!("{file}: {} of {} cases pass", cases.len() - failures.len(), cases.len());
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn dates() {
    run("dates.spec", Kind::Date);
}

#[test]
fn numbers() {
    run("numbers.spec", Kind::Number);
}

#[test]
fn quotes() {
    run("quotes.spec", Kind::Quote);
}
