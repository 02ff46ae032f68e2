//! Stage 2, across articles: group mentions that state the same fact and
//! judge whether their values can all be true.
//!
//! Numbers and dates are grouped by what they are about (counted thing and
//! role, see [`claim`]); numbers stating the same value of the same thing are
//! also grouped. Quotes are grouped when their wording shares enough
//! distinctive words. Grouping never compares all mentions pairwise for
//! numbers and dates: claims are bucketed by key.

pub mod claim;
pub mod wording;

use crate::mention::{Kind, Mention};
use crate::sort;
use claim::{Claim, Role};

/// A verdict on a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Agree,
    Conflict,
    Variant,
}

impl Verdict {
    /// The verdict's name in the report: "agree", "conflict", "variant".
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Conflict => "conflict",
            Verdict::Variant => "variant",
        }
    }

    /// The verdict of a name in the report.
    pub fn from_name(name: &str) -> Option<Verdict> {
        [Verdict::Agree, Verdict::Conflict, Verdict::Variant].into_iter().find(|v| v.name() == name)
    }
}

/// One mention as alignment sees it: its place and its claim.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    /// Index of the article in the cluster.
    pub article: usize,
    /// The article's id, which orders groups independently of input order.
    pub article_id: &'a str,
    /// Index of the mention within its article.
    pub index: usize,
    pub mention: &'a Mention,
    pub claim: &'a Claim,
}

/// A set of entries (by position in the entry list) stating one fact.
#[derive(Debug, Clone)]
pub struct RawGroup {
    pub kind: Kind,
    pub members: Vec<usize>,
    pub about: String,
    /// Words that tied the members together.
    pub because: String,
}

/// Groups the entries of a cluster. Deterministic and independent of the
/// order of the articles: groups are ordered by kind, then by their members'
/// (article id, position).
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn group(entries: &[Entry<'_>], article_count: usize) -> Vec<RawGroup> {
    let mut groups = Vec::new();
    // Numbers and dates by (kind, class, role).
    /// What numbers and dates with one role share: kind, class, role.
    type RoleKey = (Kind, Option<String>, Role);
    let mut by_role: Vec<(RoleKey, usize)> = Vec::new();
    // Numbers by (class, exact value).
    let mut by_value: Vec<((String, Option<u64>), usize)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match e.mention.kind {
            Kind::Number | Kind::Date => {
                // An age describes someone; it is not a count a role applies to.
                let age = e.claim.class.as_deref() == Some("age");
                if let Some(role) = e.claim.role.filter(|r| !matches!(r, Role::Past | Role::Others) && !age) {
                    let class = if role == Role::Force { None } else { e.claim.class.clone() };
                    if class.is_some() || role == Role::Force {
                        by_role.push(((e.mention.kind, class, role), i));
                    }
                }
                if let (Kind::Number, Some(class), Some(v)) = (e.mention.kind, &e.claim.class, e.mention.interval()) {
                    if v.low.is_some() && v.low == v.high && e.mention.hedge.is_none() {
                        by_value.push(((class.clone(), v.low.map(f64::to_bits)), i));
                    }
                }
            }
            Kind::Quote => {}
        }
    }
    for ((kind, class, role), members) in sort::grouped(by_role) {
        let about = match (kind, role) {
            (Kind::Date, Role::Total) => "when the full strength or target is reached".to_string(),
            (Kind::Date, Role::Start) => "when it started".to_string(),
            (Kind::Date, Role::More) => "when the next addition comes".to_string(),
            (Kind::Date, _) => format!("date: {}", role.describe()),
            (_, Role::Force) => "size of the force".to_string(),
            _ => format!("{} {}", counted(entries, &members).or(class).unwrap_or_default(), role.describe()).trim().to_string(),
        };
        let cues: Vec<String> = members.iter().filter_map(|&m| entries[m].claim.cue.clone()).collect();
        push(&mut groups, kind, members, about, cue_list(cues));
    }
    for ((class, _), members) in sort::grouped(by_value) {
        let value = entries[members[0]].mention.interval().map(|v| v.describe()).unwrap_or_default();
        let thing = counted(entries, &members).unwrap_or(class);
        push(&mut groups, Kind::Number, members, format!("{value} {thing}"), format!("the same figure of {thing}"));
    }
    groups.extend(quote_groups(entries, article_count));
    // A group whose members all sit in a larger group adds nothing.
    // Only groups sharing the first member can contain a group, so index
    // groups by member; members are sorted, so containment is a binary search.
    // (Vectors indexed by entry rather than hash maps: smaller in the wasm.)
    let mut groups_of: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            groups_of[m].push(gi);
        }
    }
    let contained: Vec<bool> = groups
        .iter()
        .map(|g| {
            groups_of[g.members[0]].iter().map(|&hi| &groups[hi]).any(|h| {
                h.kind == g.kind && h.members.len() > g.members.len() && g.members.iter().all(|m| h.members.binary_search(m).is_ok())
            })
        })
        .collect();
    let mut keep = contained.iter().map(|c| !c);
    groups.retain(|_| keep.next().unwrap_or(true));
    sort::sort_by(&mut groups, |a, b| (a.kind, &a.members).cmp(&(b.kind, &b.members)));
    groups.dedup_by(|a, b| a.kind == b.kind && a.members == b.members);
    // Order by what the members are, not where they came in the input.
    let key = |g: &RawGroup| {
        let mut places: Vec<(&str, usize)> = g.members.iter().map(|&m| (entries[m].article_id, entries[m].mention.span.start)).collect();
        sort::sort(&mut places);
        (g.kind, places)
    };
    sort::sort_by_cached_key(&mut groups, key);
    groups
}

/// The counted thing most members name, in the plural ("officers").
fn counted(entries: &[Entry<'_>], members: &[usize]) -> Option<String> {
    let units = members.iter().filter_map(|&m| Some((entries[m].mention.unit.as_deref()?, ()))).collect();
    let (unit, _) = sort::grouped(units).into_iter().max_by_key(|(u, n)| (n.len(), std::cmp::Reverse(*u)))?;
    Some(match unit {
        "person" => "people".to_string(),
        "man" => "men".to_string(),
        "woman" => "women".to_string(),
        "child" => "children".to_string(),
        "police" | "personnel" | "staff" | "usd" | "eur" | "gbp" | "kes" | "percent" | "fraction" => unit.to_string(),
        u if u.ends_with('y') && !u.ends_with("ay") => format!("{}ies", u.get(..u.len() - 1).unwrap_or("")),
        u if u.ends_with('s') || u.ends_with("ch") || u.ends_with("sh") => format!("{u}es"),
        u => format!("{u}s"),
    })
}

fn push(groups: &mut Vec<RawGroup>, kind: Kind, mut members: Vec<usize>, about: String, because: String) {
    sort::sort(&mut members);
    members.dedup();
    if members.len() >= 2 {
        groups.push(RawGroup { kind, members, about, because });
    }
}

fn cue_list(mut cues: Vec<String>) -> String {
    sort::sort(&mut cues);
    cues.dedup();
    cues.into_iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join(", ")
}

/// Share of the shorter quote's word weight that two quotes must have in
/// common to be one utterance.
const QUOTE_MATCH: f64 = 0.25;

/// Quotes are the same utterance when they share distinctive words:
/// the shared words' weight (rarer across the cluster weighs more) must be
/// a good part of the shorter quote's weight.
fn quote_groups(entries: &[Entry<'_>], article_count: usize) -> Vec<RawGroup> {
    let all: Vec<usize> = entries.iter().enumerate().filter(|(_, e)| e.mention.kind == Kind::Quote).map(|(i, _)| i).collect();
    // Quotes with the same words (syndicated copy, repeated paragraphs) are
    // one utterance: compare one representative of each and expand at the end.
    let copies = sort::grouped(all.iter().map(|&q| (entries[q].claim.words.as_slice(), q)).collect());
    let quotes: Vec<usize> = copies.iter().filter_map(|(_, c)| c.first().copied()).collect();
    // each representative's copies, by representative
    let mut copies_of: Vec<&Vec<usize>> = copies.iter().map(|(_, c)| c).collect();
    sort::sort_by_key(&mut copies_of, |c| c[0]);
    // Document frequency over articles, counted on quotes' words, as a
    // weight per word (rarer across the cluster weighs more). Sorted lists
    // rather than hash maps here and below: the crate has no hash table, which
    // keeps hashbrown's code out of the wasm. Entries come article by
    // article, so each word's articles are in order.
    let n = article_count.max(2) as f64;
    let weights: Vec<(&str, f64)> = sort::grouped(all.iter().flat_map(|&q| entries[q].claim.words.iter().map(move |w| (w.as_str(), entries[q].article))).collect())
        .into_iter()
        .map(|(w, mut articles)| {
            articles.dedup();
            (w, (n / articles.len() as f64).ln() + 0.5)
        })
        .collect();
    let weight = |w: &str| weights.binary_search_by(|(k, _)| k.cmp(&w)).map_or(n.ln() + 0.5, |i| weights[i].1);
    // Index quotes by word so that only quotes sharing a word are compared.
    let by_word = sort::grouped(quotes.iter().flat_map(|&q| entries[q].claim.words.iter().map(move |w| (w.as_str(), q))).collect());
    // Scores of the pairs that pass, then complete linkage: two sets of
    // quotes merge only if every quote of one matches every quote of the
    // other, so a chain of loosely similar quotes never becomes one group.
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut shared_words: Vec<((usize, usize), Vec<String>)> = Vec::new();
    for &a in &quotes {
        let mut candidates: Vec<usize> = entries[a].claim.words.iter().flat_map(|w| sort::values_of(&by_word, &w.as_str()).iter().copied()).filter(|&b| b > a).collect();
        sort::sort(&mut candidates);
        candidates.dedup();
        for b in candidates {
            let (wa, wb) = (&entries[a].claim.words, &entries[b].claim.words);
            let shared: Vec<&String> = wa.iter().filter(|w| wb.binary_search(w).is_ok()).collect();
            if shared.len() < 3 {
                continue;
            }
            let total = |ws: &[String]| ws.iter().map(|w| weight(w)).sum::<f64>();
            let common: f64 = shared.iter().map(|w| weight(w)).sum();
            let score = common / total(wa).min(total(wb)).max(1e-9);
            if score >= QUOTE_MATCH {
                scored.push((score, a, b));
                shared_words.push(((a, b), shared.into_iter().cloned().collect()));
            }
        }
    }
    sort::sort_by(&mut scored, |x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    sort::sort_by(&mut shared_words, |x, y| x.0.cmp(&y.0));
    let matched = |x: usize, y: usize| shared_words.binary_search_by(|p| p.0.cmp(&(x.min(y), x.max(y)))).is_ok();
    // Each representative's set, named by its smallest member; indexed by entry.
    let mut set_of: Vec<usize> = (0..entries.len()).collect();
    let mut sets: Vec<Vec<usize>> = vec![Vec::new(); entries.len()];
    for &q in &quotes {
        sets[q].push(q);
    }
    for &(_, a, b) in &scored {
        let (sa, sb) = (set_of[a], set_of[b]);
        if sa == sb {
            continue;
        }
        let all_match = sets[sa].iter().all(|&x| sets[sb].iter().all(|&y| matched(x, y)));
        if all_match {
            let (keep, gone) = (sa.min(sb), sa.max(sb));
            let moved = std::mem::take(&mut sets[gone]);
            for &q in &moved {
                set_of[q] = keep;
            }
            sets[keep].extend(moved);
            sort::sort(&mut sets[keep]);
        }
    }
    let mut out = Vec::new();
    for reps in sets.into_iter().filter(|s| !s.is_empty()) {
        let mut members: Vec<usize> = reps.iter().flat_map(|r| copies_of.binary_search_by_key(r, |c| c[0]).map_or_else(|_| vec![*r], |i| copies_of[i].to_vec())).collect();
        sort::sort(&mut members);
        if members.len() < 2 {
            continue;
        }
        let mut words: Vec<String> = shared_words.iter().filter(|((a, _), _)| reps.contains(a)).flat_map(|(_, w)| w.clone()).collect();
        if words.is_empty() {
            words = entries[members[0]].claim.words.iter().take(8).cloned().collect();
        }
        sort::sort(&mut words);
        words.dedup();
        let speaker = entries[members[0]].mention.speaker.clone().unwrap_or_else(|| "unattributed".into());
        let about = format!("words of {speaker}");
        out.push(RawGroup { kind: Kind::Quote, members, about, because: format!("shared words {}", cue_list(words)) });
    }
    out
}

/// Folds case, punctuation and spacing, for comparing quote wordings.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            let at = out.len();
            out.push_str(word);
            out[at..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().map(crate::text::lower_char));
        }
    }
    out
}

/// True when two members' values cannot both be true.
pub fn disagree(a: &Mention, b: &Mention) -> bool {
    match (a.kind, b.kind) {
        (Kind::Number, Kind::Number) => match (a.interval(), b.interval()) {
            (Some(x), Some(y)) => !x.overlaps(&y),
            _ => false,
        },
        (Kind::Date, Kind::Date) => match (a.iso(), b.iso()) {
            (Some(x), Some(y)) => !dates_compatible(x, y),
            _ => false,
        },
        (Kind::Quote, Kind::Quote) => false,
        _ => false,
    }
}

/// Dates compare only their stated fields: "2024-06" and "2024-06-25" agree.
pub fn dates_compatible(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The verdict on a group of mentions, given their texts for quotes. Linear
/// in the group's size: intervals that pairwise overlap share a point, and
/// dates are pairwise compatible exactly when each is a prefix of the longest.
pub fn verdict(members: &[&Mention], texts: &[&str]) -> Verdict {
    let Some(first) = members.first() else { return Verdict::Agree };
    match first.kind {
        Kind::Quote => {
            let wording = texts.first().map(|t| fold(t)).unwrap_or_default();
            let reworded = texts.iter().skip(1).any(|t| fold(t) != wording);
            if reworded || members.iter().any(|m| m.speaker != first.speaker) { Verdict::Variant } else { Verdict::Agree }
        }
        Kind::Number => {
            let lows = members.iter().filter_map(|m| m.interval()?.low);
            let highs = members.iter().filter_map(|m| m.interval()?.high);
            let (low, high) = (lows.fold(f64::NEG_INFINITY, f64::max), highs.fold(f64::INFINITY, f64::min));
            if low > high { Verdict::Conflict } else { Verdict::Agree }
        }
        Kind::Date => {
            // A value with TimeML's placeholder ("PXY": some years) pins nothing down to contradict.
            let values: Vec<&str> = members.iter().filter_map(|m| m.iso()).filter(|v| !v.contains('X')).collect();
            let longest = values.iter().max_by_key(|v| v.len()).copied().unwrap_or("");
            if values.iter().all(|v| longest.starts_with(v)) { Verdict::Agree } else { Verdict::Conflict }
        }
    }
}
