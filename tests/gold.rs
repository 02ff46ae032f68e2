//! Scores the report on the five articles against `gold.json` with the rules
//! of the annotation guide, prints the figures, and fails below the floors.
//!
//! Run alone with `cargo test --test gold -- --nocapture` to see the figures.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeSet, HashMap};
use support::*;

/// Floors from the reader-v1 issue; they only ever go up.
const MENTION_F1_FLOOR: f64 = 0.85;
const DISAGREEMENT_FLOOR: f64 = 0.70;
/// Floors from the alignment issue: F1 over linking and disagreement pairs.
const LINKING_F1_FLOOR: f64 = 0.85;
const DISAGREEMENT_F1_FLOOR: f64 = 0.90;
/// Share of matched mentions whose normalized value (numbers, dates) or
/// speaker (quotes) is right. The extraction issue asks 0.95 for each kind;
/// dates stand at 0.96 (24 of 25): the miss is a reference-date judgement of
/// the annotator that the cluster alone does not allow (001's "Thursday"
/// taken as the UNGA week's, 09-26, where the cluster equally allows 09-19).
const VALUE_FLOOR: [(&str, f64); 3] = [("number", 0.95), ("date", 0.95), ("quote", 0.95)];

#[test]
fn gold_scores() {
    let articles = corpus();
    let report = crossread::analyze(&articles).expect("the corpus analyses");
    let gold = gold();
    let gold_ms = gold_mentions(&gold, &articles);
    let pred_ms = predicted_mentions(&report);
    let matched = match_mentions(&pred_ms, &gold_ms);
    let mut failures = Vec::new();

    println!("crossread vs gold.json (kenya-haiti, {} articles)", articles.len());
    for kind in ["number", "date", "quote"] {
        let p: Vec<_> = pred_ms.iter().filter(|m| m.kind == kind).collect();
        let g: Vec<_> = gold_ms.iter().filter(|m| m.kind == kind).collect();
        let tp = p.iter().filter(|m| matched.contains_key(&m.id)).count();
        let prf = Prf { tp, predicted: p.len(), expected: g.len() };
        println!("{}", prf.line(&format!("mentions: {kind}")));
        let matched_gold: BTreeSet<&String> = matched.values().collect();
        for m in g.iter().filter(|m| !matched_gold.contains(&m.id)) {
            println!("    missed   {} {:?} in {}", m.id, m.text, &m.article[..3]);
        }
        for m in p.iter().filter(|m| !matched.contains_key(&m.id)) {
            println!("    spurious {} {:?} in {}", m.id, m.text, &m.article[..3]);
        }
        if prf.f1() < MENTION_F1_FLOOR {
            failures.push(format!("{kind} mention F1 {:.3} < {MENTION_F1_FLOOR}", prf.f1()));
        }
    }

    // Values of matched mentions: the interval of a number, the ISO value of a
    // date, the speaker of a quote.
    let gold_by_id: HashMap<String, Scored> = gold_ms.iter().map(|m| (m.id.clone(), m.clone())).collect();
    let pred_by_id: HashMap<String, Scored> = pred_ms.iter().map(|m| (m.id.clone(), m.clone())).collect();
    for kind in ["number", "date", "quote"] {
        let pairs: Vec<(&Scored, &Scored)> =
            pred_ms.iter().filter(|m| m.kind == kind).filter_map(|p| Some((p, &gold_by_id[matched.get(&p.id)?]))).collect();
        let same = |p: &Scored, g: &Scored| match kind {
            "number" => ["low", "high"].iter().all(|k| match (p.value[k].as_f64(), g.value[k].as_f64()) {
                (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * b.abs().max(1.0),
                (a, b) => a.is_none() && b.is_none(),
            }),
            "date" => p.value == g.value,
            _ => p.speaker == g.speaker,
        };
        let right = pairs.iter().filter(|(p, g)| same(p, g)).count();
        let share = right as f64 / pairs.len().max(1) as f64;
        let what = if kind == "quote" { "speaker" } else { "value" };
        println!("{:<22} {share:.3} right ({right} of {} matched)", format!("{what}s: {kind}"), pairs.len());
        for (p, g) in pairs.iter().filter(|(p, g)| !same(p, g)) {
            let (got, want) = if kind == "quote" { (format!("{:?}", p.speaker), format!("{:?}", g.speaker)) } else { (p.value.to_string(), g.value.to_string()) };
            println!("    wrong    {} {:?}: {got}, gold {want}", p.id, p.text);
        }
        let floor = VALUE_FLOOR.iter().find(|(k, _)| *k == kind).map_or(1.0, |(_, f)| *f);
        if share < floor {
            failures.push(format!("{kind} {what}s right {share:.3} < {floor}"));
        }
    }

    // Pairs: predicted pairs are mapped onto gold ids through the matching.
    let (gold_links, gold_dis) = pairs(&gold_groups(&gold), &gold_by_id);
    let (pred_links, pred_dis) = pairs(&report_groups(&report), &pred_by_id);
    let to_gold = |p: &(String, String)| -> Option<(String, String)> {
        let (a, b) = (matched.get(&p.0)?, matched.get(&p.1)?);
        Some(if a < b { (a.clone(), b.clone()) } else { (b.clone(), a.clone()) })
    };
    for (name, gold_set, pred_set) in [("linking pairs", &gold_links, &pred_links), ("disagreement pairs", &gold_dis, &pred_dis)] {
        type Mapped<'a> = (&'a Pair, Option<Pair>);
        let mapped: Vec<Mapped<'_>> = pred_set.iter().map(|p| (p, to_gold(p))).collect();
        let hits: BTreeSet<(String, String)> = mapped.iter().filter_map(|(_, g)| g.clone()).filter(|g| gold_set.contains(g)).collect();
        let tp = mapped.iter().filter(|(_, g)| g.as_ref().is_some_and(|g| gold_set.contains(g))).count();
        let prf = Prf { tp, predicted: pred_set.len(), expected: gold_set.len() };
        println!("{}", prf.line(name));
        for g in gold_set.iter().filter(|g| !hits.contains(*g)) {
            println!("    missed   {} {:?} ~ {} {:?}", g.0, gold_by_id[&g.0].text, g.1, gold_by_id[&g.1].text);
        }
        for (p, g) in &mapped {
            if !g.as_ref().is_some_and(|g| gold_set.contains(g)) {
                println!("    spurious {} {:?} ~ {} {:?}", p.0, pred_by_id[&p.0].text, p.1, pred_by_id[&p.1].text);
            }
        }
        let f1_floor = if name == "linking pairs" { LINKING_F1_FLOOR } else { DISAGREEMENT_F1_FLOOR };
        if prf.f1() < f1_floor {
            failures.push(format!("{name} F1 {:.3} < {f1_floor}", prf.f1()));
        }
        if name == "disagreement pairs"
            && (prf.precision() < DISAGREEMENT_FLOOR || prf.recall() < DISAGREEMENT_FLOOR) {
                failures.push(format!("disagreement pairs P {:.3} R {:.3} < {DISAGREEMENT_FLOOR}", prf.precision(), prf.recall()));
            }
    }
    // The disagreements the issue names must be among those found.
    for (a, b) in [("m2", "m28"), ("m3", "m36"), ("m4", "m9"), ("m13", "m23")] {
        let key = (a.to_string(), b.to_string());
        let found = pred_dis.iter().filter_map(&to_gold).any(|g| g == key);
        if !found {
            failures.push(format!("disagreement {a} {:?} ~ {b} {:?} not found", gold_by_id[a].text, gold_by_id[b].text));
        }
    }
    assert!(failures.is_empty(), "below the floors:\n{}", failures.join("\n"));
}
