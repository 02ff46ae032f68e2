//! The pipeline: validate, extract per article, fix reference dates, resolve,
//! align across articles, build the report.

use crate::align::{self, claim, Entry};
use crate::article::{validate, Article, Cluster};
use crate::error::{Error, Result};
use crate::extract::{self, FullNames, Name};
use crate::mention::{Kind, Mention, Value};
use crate::refdate::{self, Source};
use crate::report::{ArticleReport, Group, MentionReport, Report, ReportValue};
use crate::calendar::Day;
use crate::text::{Tokens, Utf16Index, View};

/// Analyses one cluster of articles about the same event.
///
/// # Errors
/// Only for the input's shape: no articles, an empty or duplicate id, an
/// empty or oversized text, a published date that is not `YYYY-MM-DD`.
pub fn analyze(articles: &[Article]) -> Result<Report> {
    analyze_with_progress(articles, &mut |_| {})
}

/// How far an analysis has come: `done` of `total` steps. Each article is
/// read, then its claims are weighed; the last step aligns the cluster and
/// writes the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

/// [`analyze`], telling `progress` how far it has come about forty times
/// along the way, for a progress bar on large clusters.
///
/// # Errors
/// As [`analyze`].
pub fn analyze_with_progress(articles: &[Article], progress: &mut dyn FnMut(Progress)) -> Result<Report> {
    validate(articles)?;
    let total = 2 * articles.len() + 1;
    // Steps of about a twentieth of the articles, each still spread over the cores.
    let step = articles.len().div_ceil(20).max(1);
    // Per-article stages are independent: spread them over the cores.
    let views: Vec<View> = par_map(articles, |a| View::new(&a.text));
    let tokens: Vec<Tokens<'_>> = par_map(&views, |v| Tokens::new(&v.text));
    let mut extracted = Vec::with_capacity(articles.len());
    for part in tokens.chunks(step) {
        extracted.extend(par_map(part, extract::extract));
        progress(Progress { done: extracted.len(), total });
    }
    let (mut mentions, names): (Vec<Vec<Mention>>, Vec<Vec<Name>>) = extracted.into_iter().unzip();

    // Reference dates, then relative dates resolved against them.
    let mut references = Vec::with_capacity(articles.len());
    for ((article, view), found) in articles.iter().zip(&views).zip(&mentions) {
        let reference = match article.published_day()? {
            Some(day) => (Some(day), Source::Published),
            None => match refdate::dateline(&view.text, found) {
                Some(day) => (Some(day), Source::Dateline),
                None => (None, Source::Unknown),
            },
        };
        references.push(reference);
    }
    refdate::infer(&mut references, &mentions);
    for (found, (reference, _)) in mentions.iter_mut().zip(&references) {
        for m in found.iter_mut().filter(|m| m.kind == Kind::Date) {
            m.value = Value::Date(m.date.as_ref().and_then(|d| d.resolve(*reference)));
        }
    }
    complete_speakers(&mut mentions, &names);

    // Alignment.
    // The story's year: the reference date's, or without one the latest year
    // the cluster states, so that older years still read as history.
    let latest_year = mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == Kind::Date && !m.relative)
        .filter_map(|m| m.iso()?.get(..4)?.parse::<i32>().ok())
        .max();
    /// What one article's claims are computed from.
    type ClaimInput<'a, 't> = (&'a Tokens<'t>, &'a [Mention], Option<i32>);
    let per_article: Vec<ClaimInput<'_, '_>> = tokens
        .iter()
        .zip(&mentions)
        .zip(&references)
        .map(|((t, m), (r, _))| (t, m.as_slice(), r.map(|d| d.year).or(latest_year)))
        .collect();
    let mut claims: Vec<Vec<claim::Claim>> = Vec::with_capacity(articles.len());
    for part in per_article.chunks(step) {
        claims.extend(par_map(part, |(t, m, year)| claim::claims(t, m, *year)));
        progress(Progress { done: articles.len() + claims.len(), total });
    }
    let entries: Vec<Entry<'_>> = mentions
        .iter()
        .zip(&claims)
        .enumerate()
        .flat_map(|(article, (ms, cs))| {
            let article_id = articles[article].id.as_str();
            ms.iter().zip(cs).enumerate().map(move |(index, (mention, claim))| Entry { article, article_id, index, mention, claim })
        })
        .collect();
    let raw_groups = align::group(&entries, articles.len());

    // Report.
    // ids[article][mention]
    let mut ids: Vec<Vec<String>> = Vec::with_capacity(articles.len());
    let mut next = 1;
    let mut article_reports = Vec::with_capacity(articles.len());
    for (a, (article, found)) in articles.iter().zip(&mentions).enumerate() {
        let utf16 = Utf16Index::new(&article.text);
        let mut list = Vec::with_capacity(found.len());
        let mut article_ids = Vec::with_capacity(found.len());
        for (k, m) in found.iter().enumerate() {
            let id = format!("m{next}");
            next += 1;
            article_ids.push(id.clone());
            list.push(MentionReport {
                id,
                kind: m.kind,
                text: m.span.slice(&article.text).unwrap_or_default().to_string(),
                start: m.span.start,
                end: m.span.end,
                start16: utf16.to_utf16(m.span.start),
                end16: utf16.to_utf16(m.span.end),
                value: value_json(&m.value),
                unit: m.unit.clone(),
                hedge: m.hedge.as_ref().map(|h| crate::text::lowercase(h)),
                relative: m.kind == Kind::Date && m.relative,
                stated: m.date.as_ref().filter(|_| m.kind == Kind::Date).map(|d| d.stated().into_iter().map(str::to_string).collect()),
                speaker: m.speaker.clone(),
                note: past_future_note(m, &claims[a][k], references[a].0, &article.text),
            });
        }
        let (reference, source) = references[a];
        ids.push(article_ids);
        article_reports.push(ArticleReport {
            id: article.id.clone(),
            source: article.source.clone(),
            title: article.title.clone(),
            reference_date: reference.map(|d| d.iso()),
            reference_date_source: source.name().to_string(),
            mentions: list,
        });
    }
    let groups = raw_groups
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let members: Vec<&Entry<'_>> = g.members.iter().map(|&i| &entries[i]).collect();
            let ms: Vec<&Mention> = members.iter().map(|e| e.mention).collect();
            let texts: Vec<&str> = members.iter().map(|e| e.mention.span.slice(&articles[e.article].text).unwrap_or("")).collect();
            let verdict = align::verdict(&ms, &texts);
            let diff = (verdict == crate::Verdict::Variant)
                .then(|| {
                    let first = texts.first()?;
                    let other = texts.iter().find(|t| align::fold(t) != align::fold(first))?;
                    Some(align::wording::diff(first, other))
                })
                .flatten();
            Group {
                id: format!("g{}", n + 1),
                kind: g.kind,
                about: g.about.clone(),
                members: members.iter().map(|e| ids[e.article][e.index].clone()).collect(),
                verdict,
                explanation: explain(&members, &texts, articles, &references),
                why: g.because.clone(),
                notes: self_contradictions(&members, &texts, articles),
                diff,
            }
        })
        .collect();
    progress(Progress { done: total, total });
    Ok(Report { articles: article_reports, groups })
}

/// Parses a cluster JSON (`{"articles":[{"id","text",...}]}`) and analyses it.
///
/// # Errors
/// When the JSON is malformed or has the wrong shape, and as [`analyze`].
pub fn analyze_json(json: &str) -> Result<Report> {
    let cluster: Cluster = serde_json::from_str(json).map_err(|e| Error::bad_input(format!("cluster JSON: {e}")))?;
    analyze(&cluster.articles)
}

fn value_json(value: &Value) -> ReportValue {
    match value {
        Value::Number(i) => ReportValue::Interval { low: i.low, high: i.high },
        Value::Date(Some(iso)) => ReportValue::Iso(iso.clone()),
        Value::Date(None) | Value::Quote => ReportValue::Null,
    }
}

/// Completes one-word speakers ("Ruto", "O’Neil") to the fullest name the
/// cluster knows for that surname ("William Ruto").
fn complete_speakers(mentions: &mut [Vec<Mention>], names: &[Vec<Name>]) {
    let mut full = FullNames::default();
    for n in names {
        full.add(n);
    }
    for s in mentions.iter().flatten().filter_map(|m| m.speaker.as_deref()) {
        full.add_name(s);
    }
    for m in mentions.iter_mut().flatten() {
        if let Some(name) = m.speaker.as_deref().and_then(|s| full.complete(s)) {
            m.speaker = Some(name.to_string());
        }
    }
}

/// "382 in 000, 001 · 400 in 002": members by what they say, in order of
/// first appearance; relative dates show how they were read.
fn explain(members: &[&Entry<'_>], texts: &[&str], articles: &[Article], references: &[(Option<Day>, Source)]) -> String {
    // (key, [shown, labels…]) in order of first appearance; few per group
    let mut said: Vec<(String, Vec<String>)> = Vec::new();
    for (e, text) in members.iter().zip(texts) {
        let shown = match e.mention.kind {
            Kind::Number => text.trim().to_string(),
            Kind::Date => match (e.mention.relative, e.mention.iso()) {
                (true, Some(iso)) => {
                    // the day it counts from: the reference date, or a date the story names before it
                    let (reference, source) = references[e.article];
                    match e.mention.date.as_ref().and_then(|d| d.origin(reference)) {
                        Some(day) if Some(day) == reference => format!("{} (= {iso}, counted from {}{})", text.trim(), day.iso(), if source == Source::Inferred { ", inferred" } else { "" }),
                        Some(day) => format!("{} (= {iso}, counted from {}, a date the article names)", text.trim(), day.iso()),
                        None => format!("{} (= {iso})", text.trim()),
                    }
                }
                _ => text.trim().to_string(),
            },
            Kind::Quote => {
                let words: Vec<&str> = text.split_whitespace().collect();
                let short = if words.len() > 8 { format!("“{}…”", words[..8].join(" ")) } else { format!("“{}”", words.join(" ")) };
                match &e.mention.speaker {
                    Some(s) => format!("{s}: {short}"),
                    None => short,
                }
            }
        };
        let key = if e.mention.kind == Kind::Quote { shown.clone() } else { crate::text::lowercase(&shown) };
        let at = match said.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                said.push((key, vec![shown]));
                said.len() - 1
            }
        };
        let label = articles[e.article].label().to_string();
        let list = &mut said[at].1;
        if !list[1..].contains(&label) {
            list.push(label);
        }
    }
    said.iter().map(|(_, v)| format!("{} in {}", v[0], v[1..].join(", "))).collect::<Vec<_>>().join(" · ")
}

/// "000 itself says both “January 2024” and “January of the following
/// year”": pairs of members from one article whose values cannot both hold.
fn self_contradictions(members: &[&Entry<'_>], texts: &[&str], articles: &[Article]) -> Vec<String> {
    // Only members of one article are compared, so bucket them first.
    let by_article = crate::sort::grouped(members.iter().enumerate().map(|(i, e)| (e.article, i)).collect());
    let mut notes = Vec::new();
    for (article, list) in by_article {
        // Distinct values only: a figure repeated verbatim cannot contradict itself.
        let mut distinct: Vec<usize> = Vec::new();
        for &i in &list {
            if distinct.len() < 12 && !distinct.iter().any(|&j| members[j].mention.value == members[i].mention.value) {
                distinct.push(i);
            }
        }
        // Notes are for a reader: a handful says enough, and bounds the work.
        distinct.truncate(12);
        for (x, &i) in distinct.iter().enumerate() {
            for &j in &distinct[x + 1..] {
                if align::disagree(members[i].mention, members[j].mention) {
                    notes.push(format!("{} itself says both “{}” and “{}”", articles[article].label(), texts[i].trim(), texts[j].trim()));
                }
            }
        }
    }
    notes
}

/// A date written as still to come ("will be completed by January 2024")
/// that lies wholly before the article's reference date.
fn past_future_note(m: &Mention, claim: &claim::Claim, reference: Option<Day>, text: &str) -> Option<String> {
    let iso = m.iso().filter(|iso| !iso.contains(['W', 'P', '/', 'T']))?;
    let reference = reference?.iso();
    let prefix = reference.get(..iso.len())?;
    (m.kind == Kind::Date && claim.future && iso < prefix).then(|| {
        format!(
            "“{}” is written as still to come, but {iso} is before the article's date ({reference})",
            m.span.slice(text).unwrap_or("").trim()
        )
    })
}

/// `items.iter().map(f).collect()`, spread over the machine's cores for
/// large clusters (native builds; in the browser a Web Worker does this job).
fn par_map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        // (asking for the cores reads the cgroup files: only worth it for enough items)
        let threads = if items.len() < 16 { 1 } else { std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len() / 8) };
        if threads > 1 {
            let chunk = items.len().div_ceil(threads);
            let f = &f;
            return std::thread::scope(|scope| {
                let handles: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())).collect();
                handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            });
        }
    }
    items.iter().map(f).collect()
}
