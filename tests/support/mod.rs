//! Shared by the integration tests: the corpus and the scoring rules of the
//! annotation guide (mention overlap, linking pairs, disagreement pairs).
#![allow(dead_code)]

use crossread::{Article, Report};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

pub fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/corpus/kenya-haiti")
}

/// The five articles, id = file stem, in name order.
pub fn corpus() -> Vec<Article> {
    let mut paths: Vec<_> = std::fs::read_dir(corpus_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Article::new(p.file_stem().unwrap().to_str().unwrap(), std::fs::read_to_string(p).unwrap()))
        .collect()
}

pub fn gold() -> Value {
    serde_json::from_str(&std::fs::read_to_string(corpus_dir().join("gold.json")).unwrap()).unwrap()
}

#[derive(Debug, Clone)]
pub struct Scored {
    pub id: String,
    pub article: String,
    pub kind: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: Value,
    pub speaker: Option<String>,
}

pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 0.0 } else { self.tp as f64 / self.predicted as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.expected == 0 { 0.0 } else { self.tp as f64 / self.expected as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    pub fn line(&self, name: &str) -> String {
        format!("{name:<22} P {:.3}  R {:.3}  F1 {:.3}  ({} correct, {} predicted, {} gold)", self.precision(), self.recall(), self.f1(), self.tp, self.predicted, self.expected)
    }
}

/// Gold mentions with their spans found from `text` + `occurrence`.
pub fn gold_mentions(gold: &Value, articles: &[Article]) -> Vec<Scored> {
    let texts: HashMap<&str, &str> = articles.iter().map(|a| (a.id.as_str(), a.text.as_str())).collect();
    gold["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let article = m["article"].as_str().unwrap();
            let text = m["text"].as_str().unwrap();
            let occurrence = m["occurrence"].as_u64().unwrap() as usize;
            let body = texts[article];
            let start = body.match_indices(text).nth(occurrence - 1).map(|(i, _)| i).unwrap_or_else(|| panic!("gold mention {text:?} #{occurrence} not in {article}"));
            Scored {
                id: m["id"].as_str().unwrap().into(),
                article: article.into(),
                kind: m["kind"].as_str().unwrap().into(),
                text: text.into(),
                start,
                end: start + text.len(),
                value: m["value"].clone(),
                speaker: m["speaker"].as_str().map(String::from),
            }
        })
        .collect()
}

pub fn predicted_mentions(report: &Report) -> Vec<Scored> {
    report
        .articles
        .iter()
        .flat_map(|a| {
            a.mentions.iter().map(move |m| Scored {
                id: m.id.clone(),
                article: a.id.clone(),
                kind: m.kind.name().into(),
                text: m.text.clone(),
                start: m.start,
                end: m.end,
                value: serde_json::to_value(&m.value).unwrap(),
                speaker: m.speaker.clone(),
            })
        })
        .collect()
}

/// One-to-one matching of predicted to gold mentions of the same kind whose
/// spans overlap (the largest overlap first). Returns predicted id → gold id.
pub fn match_mentions(predicted: &[Scored], gold: &[Scored]) -> HashMap<String, String> {
    let mut candidates = Vec::new();
    for p in predicted {
        for g in gold {
            if p.article == g.article && p.kind == g.kind && p.start < g.end && g.start < p.end {
                let overlap = p.end.min(g.end) - p.start.max(g.start);
                candidates.push((std::cmp::Reverse(overlap), p.id.clone(), g.id.clone()));
            }
        }
    }
    candidates.sort();
    let mut used_p = BTreeSet::new();
    let mut used_g = BTreeSet::new();
    let mut out = HashMap::new();
    for (_, p, g) in candidates {
        if !used_p.contains(&p) && !used_g.contains(&g) {
            used_p.insert(p.clone());
            used_g.insert(g.clone());
            out.insert(p, g);
        }
    }
    out
}

pub type Pair = (String, String);

fn pair(a: &str, b: &str) -> Pair {
    if a < b { (a.into(), b.into()) } else { (b.into(), a.into()) }
}

fn interval(v: &Value) -> (Option<f64>, Option<f64>) {
    (v["low"].as_f64(), v["high"].as_f64())
}

/// Values that cannot both be true, as the guide defines it.
pub fn values_disagree(kind: &str, a: &Scored, b: &Scored, texts: (&str, &str)) -> bool {
    match kind {
        "number" => {
            let ((al, ah), (bl, bh)) = (interval(&a.value), interval(&b.value));
            let low = match (al, bl) { (Some(x), Some(y)) => Some(x.max(y)), (x, None) => x, (None, y) => y };
            let high = match (ah, bh) { (Some(x), Some(y)) => Some(x.min(y)), (x, None) => x, (None, y) => y };
            matches!((low, high), (Some(l), Some(h)) if l > h)
        }
        "date" => match (a.value.as_str(), b.value.as_str()) {
            (Some(x), Some(y)) => !(x.starts_with(y) || y.starts_with(x)),
            _ => false,
        },
        "quote" => crossread::align::fold(texts.0) != crossread::align::fold(texts.1) || a.speaker != b.speaker,
        _ => false,
    }
}

/// (linking pairs, disagreement pairs) of a set of groups, given as
/// (kind, verdict, member ids) over `mentions`.
pub fn pairs(groups: &[(String, String, Vec<String>)], mentions: &HashMap<String, Scored>) -> (BTreeSet<Pair>, BTreeSet<Pair>) {
    let mut links = BTreeSet::new();
    let mut disagreements = BTreeSet::new();
    for (kind, verdict, members) in groups {
        for (i, a) in members.iter().enumerate() {
            for b in &members[i + 1..] {
                if a == b {
                    continue;
                }
                links.insert(pair(a, b));
                let (ma, mb) = (&mentions[a], &mentions[b]);
                let disagreeing = match verdict.as_str() {
                    "conflict" => values_disagree(kind, ma, mb, (&ma.text, &mb.text)),
                    "variant" => values_disagree("quote", ma, mb, (&ma.text, &mb.text)),
                    _ => false,
                };
                if disagreeing {
                    disagreements.insert(pair(a, b));
                }
            }
        }
    }
    (links, disagreements)
}

pub fn gold_groups(gold: &Value) -> Vec<(String, String, Vec<String>)> {
    gold["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["kind"].as_str().unwrap().to_string(),
                g["verdict"].as_str().unwrap().to_string(),
                g["members"].as_array().unwrap().iter().map(|m| m.as_str().unwrap().to_string()).collect(),
            )
        })
        .collect()
}

pub fn report_groups(report: &Report) -> Vec<(String, String, Vec<String>)> {
    report
        .groups
        .iter()
        .map(|g| {
            let verdict = serde_json::to_value(g.verdict).unwrap().as_str().unwrap().to_string();
            (g.kind.name().to_string(), verdict, g.members.clone())
        })
        .collect()
}
