//! What a mention is about: its counted thing and its role in the sentence
//! (deployed, additional, total, needed, ...), read from cue words around it.
//!
//! Cue words are attached to the nearest mention of the same family in their
//! clause, so in "deployed 382 officers and is working towards a total of
//! 2,500" the 382 is deployed and the 2,500 a total.

use crate::mention::{Kind, Mention};
use crate::text::{Span, Token, Tokens};

/// The role a number or date plays, from cue words. Ordered by precedence:
/// when several cues reach one mention, the first one listed wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// Belongs to other parties ("other nations have pledged 1,900").
    Others,
    /// The size of a force or mission as a whole ("2,500-strong force").
    Force,
    /// Stated as past and superseded ("had initially pledged 1,000").
    Past,
    /// An addition on top of what exists ("600 more", "an additional 600").
    More,
    /// A total, target or full strength ("a total of 2,500").
    Total,
    /// Already in place ("already deployed 382", "400 who depart").
    Deployed,
    /// What is needed ("at least 5,000 deemed necessary").
    Needed,
    /// People killed ("at least five dead", "the death toll rose to 24").
    Killed,
    /// People injured ("dozens injured").
    Injured,
    /// Promised, not yet given ("the US has pledged $300 million").
    Pledged,
    /// Money raised or collected.
    Raised,
    /// Fines and penalties.
    Fined,
    /// Votes cast.
    Voted,
    /// For dates: when something starts ("since June", "began on June 25").
    Start,
}

impl Role {
    pub fn describe(self) -> &'static str {
        match self {
            Role::Others => "held by others",
            Role::Force => "size of the force",
            Role::Past => "earlier figure",
            Role::More => "additional",
            Role::Total => "total or target",
            Role::Deployed => "already deployed",
            Role::Needed => "needed",
            Role::Killed => "killed",
            Role::Injured => "injured",
            Role::Pledged => "pledged",
            Role::Raised => "raised",
            Role::Fined => "fined",
            Role::Voted => "votes",
            Role::Start => "start",
        }
    }
}

/// Cue words for each role (lower case; a trailing `*` matches any ending).
const CUES: [(Role, &[&str]); 13] = [
    (Role::Past, &["previously", "initially", "originally", "formerly"]),
    (Role::More, &["more", "additional", "another", "further", "extra", "next", "fresh", "second", "third"]),
    (Role::Total, &["total", "target", "full", "overall", "entire", "reach", "reaching", "contribute", "contributing", "contribution", "complete", "completed", "completion"]),
    (Role::Deployed, &["deployed", "dispatched", "already", "arrived", "arrival", "patrol", "patrols", "patrolling", "stationed", "depart", "departing", "departed", "farewell", "sent"]),
    (Role::Needed, &["necessary", "needed", "need", "required", "requires", "deemed"]),
    (Role::Killed, &["killed", "killing", "dead", "died", "deaths", "death", "toll", "fatalities", "lives"]),
    (Role::Injured, &["injured", "injuring", "wounded", "hurt", "injuries"]),
    (Role::Pledged, &["pledged", "pledge", "pledges", "promised", "promise", "committed", "offered"]),
    (Role::Raised, &["raised", "raising", "collected", "donated", "donations"]),
    (Role::Fined, &["fined", "fine", "fines", "penalty", "penalties"]),
    (Role::Voted, &["voted", "votes", "vote", "ballots"]),
    (Role::Start, &["since", "began", "begun", "begin", "start", "started", "starting"]),
    (Role::Others, &[]),
];

/// Counted things that are people in uniform: close enough to be compared.
const PERSONNEL: [&str; 12] = ["officer", "police", "personnel", "troop", "soldier", "policeman", "policemen", "peacekeeper", "guard", "force", "deploy", "deployment"];

/// Entities after "other" that make a figure someone else's.
const OTHER_PARTIES: [&str; 8] = ["nations", "countries", "states", "partners", "members", "governments", "donors", "allies"];

/// Collective nouns that name what a following "of N" counts.
const COLLECTIVES: [(&str, &str); 5] = [("force", "force"), ("army", "force"), ("mission", "force"), ("coalition", "force"), ("contingent", "personnel")];

/// A mention with what it is about.
#[derive(Debug, Clone)]
pub struct Claim {
    pub kind: Kind,
    /// Comparable class of the counted thing ("personnel", "usd"), if known.
    pub class: Option<String>,
    pub role: Option<Role>,
    /// For quotes: content-word stems.
    pub words: Vec<String>,
    /// The words that tied this claim to its role, for explanations.
    pub cue: Option<String>,
    /// For dates: the sentence speaks of it as still to come ("will",
    /// "would", "by January").
    pub future: bool,
}

/// Words that put a sentence's event in the future.
const FUTURE: [&str; 14] = ["will", "would", "shall", "plans", "planned", "expected", "aims", "aiming", "towards", "toward", "due", "upcoming", "soon", "set"];

/// Claims for the mentions of one article (same order as `mentions`).
///
/// `reference_year` is the year of the article's reference date: a number in
/// a sentence dated in an earlier year is history ("the 2004 tsunami killed
/// 170,000"), not part of the story's facts.
pub fn claims(tokens: &Tokens<'_>, mentions: &[Mention], reference_year: Option<i32>) -> Vec<Claim> {
    let list = &tokens.list;
    let index_of = |span: Span| tokens.index_at(span.start);
    let mut roles: Vec<Vec<(usize, Role, String)>> = vec![Vec::new(); mentions.len()];
    // Attach each cue word to the nearest number or date in its clause.
    for (i, t) in list.iter().enumerate() {
        let Some(role) = cue_role(t) else { continue };
        if mentions.iter().any(|m| m.kind != Kind::Quote && m.span.contains(t.span)) {
            continue; // "more than" inside a hedge, "next" inside "next year"
        }
        let (c0, c1) = clause(tokens, i);
        for family in [Kind::Number, Kind::Date] {
            let fits = match family {
                Kind::Number => role != Role::Start,
                _ => matches!(role, Role::More | Role::Total | Role::Start),
            };
            if !fits {
                continue;
            }
            let nearest = mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.kind == family && (c0..c1).contains(&index_of(m.span)))
                // Cues before a mention bind a little more tightly than cues after it.
                .min_by_key(|(_, m)| {
                    let at = index_of(m.span);
                    at.abs_diff(i) * 2 + usize::from(at < i)
                });
            if let Some((k, m)) = nearest {
                let d = index_of(m.span).abs_diff(i);
                if d <= reach(role, family) {
                    roles[k].push((d, role, t.lower()));
                }
            }
        }
    }
    mentions
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let at = index_of(m.span);
            let sentence = tokens.sentence(at);
            let (s0, s1) = sentence.map_or((0, 0), |s| (s.first, s.end));
            let in_sentence = &list[s0..s1];
            // The nearest cue decides; at equal distance the stronger role.
            let mut cues = roles[k].clone();
            cues.sort();
            let mut role = cues.first().map(|c| c.1);
            let mut cue = cues.first().map(|c| c.2.clone());
            let previous = sentence.and_then(|s| tokens.sentence(s.first.wrapping_sub(1))).filter(|p| p.end == s0);
            let class = match m.kind {
                Kind::Number => number_class(m, mentions, list, at, in_sentence).or_else(|| {
                    // "Our next group of 600 …" after a sentence about officers.
                    previous.and_then(|p| topic(&list[p.first..p.end])).filter(|_| m.unit.is_none())
                }),
                Kind::Date => topic(in_sentence),
                Kind::Quote => None,
            };
            if m.kind == Kind::Number {
                let (c0, c1) = clause(tokens, at);
                if has_other_party(&list[c0..c1]) {
                    role = Some(Role::Others);
                    cue = Some("other".into());
                } else if class.as_deref() == Some("force") {
                    role = Some(Role::Force);
                    cue = m.unit.clone();
                } else if dated_before(mentions, m, sentence.map(|s| s.span), reference_year) {
                    role = Some(Role::Past);
                    cue = Some("an earlier year".into());
                } else if in_sentence.iter().any(|t| t.is_any(&["previously", "initially", "originally"]))
                    || in_sentence.windows(2).any(|w| w[0].is("had") && w[1].is_any(&["pledged", "promised", "expressed", "planned"]))
                {
                    role = Some(Role::Past);
                    cue = Some("earlier".into());
                }
            }
            if m.kind == Kind::Date && role.is_none() {
                // A sentence opening with a pronoun continues the one before it.
                if let Some(prev) = sentence.filter(|s| list.get(s.first).is_some_and(|t| t.is_any(&["we", "they", "it", "this", "we’ll", "we'll", "they’ll"]))).and_then(|s| tokens.sentence(s.first.wrapping_sub(1))) {
                    if let Some(t) = list[prev.first..prev.end].iter().find(|t| cue_role(t) == Some(Role::More)) {
                        role = Some(Role::More);
                        cue = Some(t.lower());
                    }
                }
            }
            let words = if m.kind == Kind::Quote { content_words(m.span.slice(tokens.text).unwrap_or("")) } else { Vec::new() };
            let future = m.kind == Kind::Date
                && (in_sentence.iter().any(|t| t.is_any(&FUTURE) || t.text.ends_with("’ll") || t.text.ends_with("'ll"))
                    || at.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is_any(&["by", "until"])));
            Claim { kind: m.kind, class, role, words, cue, future }
        })
        .collect()
}

/// True when the date nearest to `m` in its sentence is an absolute date
/// in a year before `reference_year`.
fn dated_before(mentions: &[Mention], m: &Mention, sentence: Option<Span>, reference_year: Option<i32>) -> bool {
    let (Some(sentence), Some(year)) = (sentence, reference_year) else { return false };
    let distance = |d: &Mention| if d.span.start >= m.span.end { d.span.start - m.span.end } else { m.span.start.saturating_sub(d.span.end) };
    let nearest = mentions.iter().filter(|d| d.kind == Kind::Date && sentence.contains(d.span)).min_by_key(|d| distance(d));
    nearest.is_some_and(|d| {
        !d.relative && d.iso().and_then(|iso| iso.get(..4)).and_then(|y| y.parse::<i32>().ok()).is_some_and(|y| y < year)
    })
}

/// How many tokens away a cue still speaks of a mention. Numbers take their
/// modifiers from close by ("600 more", "a total of 2,500", "382 … had
/// already been deployed"); a date says when the clause's event happens.
fn reach(role: Role, family: Kind) -> usize {
    match (family, role) {
        (Kind::Date, _) => 12,
        (_, Role::More) => 3,
        (_, Role::Total) => 5,
        _ => 6,
    }
}

fn cue_role(t: &Token<'_>) -> Option<Role> {
    if !t.is_word() {
        return None;
    }
    let w = t.lower();
    CUES.iter().find(|(_, words)| words.contains(&w.as_str())).map(|(r, _)| *r)
}

/// Token range of the clause holding token `i`: bounded by , ; : ( ) dashes,
/// quotation marks, sentence ends, and "and"/"but"/"while" before a verb-like
/// lower-case word.
pub fn clause(tokens: &Tokens<'_>, i: usize) -> (usize, usize) {
    let list = &tokens.list;
    let Some(s) = tokens.sentence(i) else { return (i, i + 1) };
    let is_break = |j: usize| {
        let t = &list[j];
        matches!(t.text, "," | ";" | ":" | "(" | ")" | "—" | "–" | "“" | "”" | "\"")
            || (t.is_any(&["and", "but", "while", "whereas", "which", "who"]) && list.get(j + 1).is_some_and(|n| n.is_word() && !n.is_capitalized() && !n.is_any(&["the", "a", "an", "other"])))
            // "12 were killed and 40 injured", but not "between 300 and 400"
            || (t.is_any(&["and", "but", "while"])
                && j > 0
                && list[j - 1].is_word()
                && list.get(j + 1).is_some_and(|n| n.kind == crate::text::TokenKind::Numeral || crate::extract::lexicon::number_word(n.text).is_some()))
    };
    let mut start = i;
    while start > s.first && !is_break(start - 1) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < s.end && !is_break(end) {
        end += 1;
    }
    (start, end)
}

fn has_other_party(clause: &[Token<'_>]) -> bool {
    clause.windows(2).any(|w| w[0].is("other") && OTHER_PARTIES.iter().any(|p| w[1].is(p)))
}

fn is_personnel(word: &str) -> bool {
    let w = crate::extract::lexicon::singular(word);
    PERSONNEL.iter().any(|p| w == *p || w.starts_with("deploy") && *p == "deploy")
}

/// The comparable class of what a number counts: its unit, else the
/// collective before "of N", else people in uniform named in the sentence.
fn number_class(m: &Mention, mentions: &[Mention], list: &[Token<'_>], at: usize, sentence: &[Token<'_>]) -> Option<String> {
    let class_of = |u: &str| {
        if u == "force" {
            "force".to_string()
        } else if is_personnel(u) {
            "personnel".to_string()
        } else {
            u.to_string()
        }
    };
    if let Some(u) = &m.unit {
        return Some(class_of(u));
    }
    // "a multinational force of 2,500"
    if at >= 2 && list[at - 1].is("of") {
        if let Some((_, class)) = COLLECTIVES.iter().find(|(w, _)| list[at - 2].is(w)) {
            return Some((*class).to_string());
        }
    }
    // "12 people were killed and 40 were injured": the nearest number of the
    // sentence that names what it counts.
    if let (Some(first), Some(last)) = (sentence.first(), sentence.last()) {
        let span = Span::new(first.span.start, last.span.end);
        let distance = |o: &Mention| o.span.start.abs_diff(m.span.start);
        if let Some(u) = mentions
            .iter()
            .filter(|o| o.kind == Kind::Number && o.span != m.span && span.contains(o.span) && o.unit.as_deref().is_some_and(|u| u != "fraction"))
            .min_by_key(|o| distance(o))
            .and_then(|o| o.unit.as_deref())
        {
            return Some(class_of(u));
        }
    }
    topic(sentence)
}

/// "personnel" when the sentence is about people in uniform or deploying them.
fn topic(sentence: &[Token<'_>]) -> Option<String> {
    sentence
        .iter()
        .any(|t| t.is_word() && (is_personnel(t.text) || t.lower().starts_with("deploy")))
        .then(|| "personnel".to_string())
}

/// Lower-case content-word stems of a quote, for comparing wordings.
pub fn content_words(text: &str) -> Vec<String> {
    const STOP: [&str; 64] = [
        "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "is", "are",
        "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "can", "could", "should", "we",
        "i", "you", "he", "she", "it", "they", "our", "their", "its", "this", "that", "these", "those", "there",
        "what", "which", "who", "as", "so", "if", "not", "no", "now", "all", "us", "me", "my", "your", "do", "does",
        "also", "than", "then",
    ];
    // Names (capitalized words not opening a sentence) say what a quote is
    // about, not how it is worded: two different statements about the "UN
    // Security Council" share them.
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let ends_sentence = raw.ends_with(['.', '!', '?']);
        for part in raw.split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'') {
            let word = part.trim_matches(|c| c == '’' || c == '\'');
            let word = word.split(['’', '\'']).next().unwrap_or("");
            if word.is_empty() {
                continue;
            }
            let name = word.chars().next().is_some_and(char::is_uppercase) && !sentence_start;
            sentence_start = false;
            let w = word.to_lowercase();
            if !name && w.len() > 2 && !STOP.contains(&w.as_str()) {
                out.push(stem(&w));
            }
        }
        if ends_sentence {
            sentence_start = true;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A light suffix-stripping stemmer: enough to equate "deploy", "deployed",
/// "deploying" and "officers"/"officer".
fn stem(w: &str) -> String {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.len() >= 4 {
                return s.to_string();
            }
        }
    }
    w.to_string()
}
