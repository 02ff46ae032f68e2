//! What a mention is about: its counted thing and its role in the sentence
//! (deployed, additional, total, needed, ...), read from cue words around it.
//!
//! Cue words are attached to the nearest mention of the same family in their
//! clause, so in "deployed 382 officers and is working towards a total of
//! 2,500" the 382 is deployed and the 2,500 a total.

use crate::extract::lexicon::{words, Filter, Words};
use crate::extract::DateExpr;
use crate::mention::{Kind, Mention};
use crate::sort;
use crate::text::{Span, Token, TokenKind, Tokens};

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
const FUTURE: Words = words!("will|would|shall|plans|planned|expected|aims|aiming|towards|toward|due|upcoming|soon|set");

/// Words that mark a sentence's figures as earlier ones.
const EARLIER: Words = words!("previously|initially|originally");

/// Facts about the sentences and clauses of one article, computed once so
/// that each mention's claim costs O(log n), whatever the article's shape.
struct Layout {
    /// Clause index of each token.
    clause_of: Vec<usize>,
    /// Per clause: it names other parties ("other nations").
    other_party: Vec<bool>,
    /// Per sentence: people in uniform or deploying them are mentioned.
    personnel: Vec<bool>,
    /// Per sentence: it marks its figures as earlier ones ("initially").
    past: Vec<bool>,
    /// Per sentence: it speaks of the future ("will", "set to").
    future: Vec<bool>,
    /// Token index of each mention's start.
    at: Vec<usize>,
    /// Numbers and dates, by start (mention indices).
    numbers: Vec<usize>,
    dates: Vec<usize>,
    /// Dates that place an event in time (not durations, times of day or
    /// vague stretches), by start.
    anchors: Vec<usize>,
}

impl Layout {
    fn new(tokens: &Tokens<'_>, mentions: &[Mention]) -> Layout {
        let list = &tokens.list;
        let mut clause_of = Vec::with_capacity(list.len());
        let mut clause = 0;
        let mut previous_breaks = false;
        for i in 0..list.len() {
            let new_sentence = i > 0 && tokens.sentence_of[i] != tokens.sentence_of[i - 1];
            let breaks = is_break(list, i);
            if i > 0 && (new_sentence || previous_breaks || breaks) {
                clause += 1;
            }
            previous_breaks = breaks;
            clause_of.push(clause);
        }
        let mut other_party = vec![false; clause + 1];
        let n = tokens.sentences.len();
        let (mut personnel, mut past, mut future) = (vec![false; n], vec![false; n], vec![false; n]);
        // One hash turns most words away before any list is searched
        // ("ll": the "’ll" and "'ll" of the future, tested below).
        const ANY: Filter = PERSONNEL.filter().union(EARLIER.filter()).union(FUTURE.filter()).union(Filter::EMPTY.with(&["other", "had"]));
        for (i, t) in list.iter().enumerate() {
            let s = tokens.sentence_of[i];
            if !t.is_word() || !(ANY.admits(t) || is_deploying(t.text) || t.text.ends_with("ll")) {
                continue;
            }
            if t.is("other") && list.get(i + 1).is_some_and(|n| OTHER_PARTIES.iter().any(|p| n.is(p))) {
                other_party[clause_of[i]] = true;
            }
            if PERSONNEL.has(t) || is_deploying(t.text) {
                personnel[s] = true;
            }
            if EARLIER.has(t)
                || (t.is("had") && list.get(i + 1).is_some_and(|n| n.is_any(&["pledged", "promised", "expressed", "planned"])))
            {
                past[s] = true;
            }
            if FUTURE.has(t) || t.text.ends_with("’ll") || t.text.ends_with("'ll") {
                future[s] = true;
            }
        }
        let at: Vec<usize> = mentions.iter().map(|m| tokens.index_at(m.span.start)).collect();
        let family = |kind: Kind| -> Vec<usize> {
            let mut v: Vec<usize> = (0..mentions.len()).filter(|&k| mentions[k].kind == kind).collect();
            sort::sort_by_key(&mut v, |&k| mentions[k].span.start);
            v
        };
        let dates = family(Kind::Date);
        let anchors = dates
            .iter()
            .copied()
            .filter(|&k| !matches!(mentions[k].date.as_ref().map(DateExpr::unquoted), Some(DateExpr::Duration { .. } | DateExpr::VagueDuration(_) | DateExpr::Vague | DateExpr::Time { .. }) | None))
            .collect();
        Layout { clause_of, other_party, personnel, past, future, at, numbers: family(Kind::Number), dates, anchors }
    }

    /// The members of `family` (sorted by start) just before and at/after token `i`.
    fn around(&self, family: &[usize], i: usize) -> [Option<usize>; 2] {
        let pos = family.partition_point(|&k| self.at[k] < i);
        [pos.checked_sub(1).and_then(|p| family.get(p).copied()), family.get(pos).copied()]
    }
}

/// Claims for the mentions of one article (same order as `mentions`).
///
/// `reference_year` is the year of the article's reference date: a number in
/// a sentence dated in an earlier year is history ("the 2004 tsunami killed
/// 170,000"), not part of the story's facts.
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn claims(tokens: &Tokens<'_>, mentions: &[Mention], reference_year: Option<i32>) -> Vec<Claim> {
    let list = &tokens.list;
    let layout = Layout::new(tokens, mentions);
    let mut numbers_and_dates: Vec<usize> = layout.numbers.iter().chain(&layout.dates).copied().collect();
    sort::sort_by_key(&mut numbers_and_dates, |&k| mentions[k].span.start);
    let mut roles: Vec<Vec<(usize, Role, String)>> = vec![Vec::new(); mentions.len()];
    // Attach each cue word to the nearest number or date in its clause.
    for (i, t) in list.iter().enumerate() {
        let Some(role) = cue_role(t) else { continue };
        // "more than" inside a hedge, "next" inside "next year": numbers and
        // dates never overlap, so only the one starting before can hold it.
        let [before, _] = layout.around(&numbers_and_dates, i + 1);
        if before.is_some_and(|k| mentions[k].span.contains(t.span)) {
            continue;
        }
        let clause = layout.clause_of[i];
        for (family, members) in [(Kind::Number, &layout.numbers), (Kind::Date, &layout.dates)] {
            let fits = match family {
                Kind::Number => role != Role::Start,
                _ => matches!(role, Role::More | Role::Total | Role::Start),
            };
            if !fits {
                continue;
            }
            // A passive or intransitive verb ("were killed", "died", "dead")
            // speaks of the number before it: "two women were killed by tens
            // of thousands who marched" is about the two.
            let subject_first = family == Kind::Number
                && matches!(role, Role::Killed | Role::Injured | Role::Deployed)
                && (t.is_any(&["died", "dead"])
                    || i.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is_any(&["was", "were", "been", "be", "being", "is", "are", "got"])));
            // Cues before a mention bind a little more tightly than cues after it.
            let nearest = layout
                .around(members, i)
                .into_iter()
                .flatten()
                .filter(|&k| layout.clause_of.get(layout.at[k]) == Some(&clause))
                .filter(|&k| !subject_first || layout.at[k] < i)
                .min_by_key(|&k| layout.at[k].abs_diff(i) * 2 + usize::from(layout.at[k] < i));
            if let Some(k) = nearest {
                let d = layout.at[k].abs_diff(i);
                if d <= reach(role, family) {
                    roles[k].push((d, role, t.lower()));
                }
            }
        }
    }
    let nearest_unit = nearest_units(tokens, mentions, &layout);
    mentions
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let at = layout.at[k];
            let s = tokens.sentence_of.get(at).copied().unwrap_or(0);
            let sentence = tokens.sentence(at);
            // The nearest cue decides; at equal distance the stronger role.
            let mut cues = std::mem::take(&mut roles[k]);
            sort::sort(&mut cues);
            let mut role = cues.first().map(|c| c.1);
            let mut cue = cues.first().map(|c| c.2.clone());
            let previous_personnel = s.checked_sub(1).is_some_and(|p| layout.personnel[p]);
            let personnel = |yes: bool| yes.then(|| "personnel".to_string());
            let class = match m.kind {
                Kind::Number => number_class(m, list, at, nearest_unit[k].map(|u| &mentions[u]))
                    .or_else(|| personnel(layout.personnel.get(s).copied().unwrap_or(false)))
                    // "Our next group of 600 …" after a sentence about officers.
                    .or_else(|| personnel(previous_personnel && m.unit.is_none())),
                Kind::Date => personnel(layout.personnel.get(s).copied().unwrap_or(false)),
                Kind::Quote => None,
            };
            if m.kind == Kind::Number {
                if layout.clause_of.get(at).is_some_and(|&c| layout.other_party[c]) {
                    role = Some(Role::Others);
                    cue = Some("other".into());
                } else if class.as_deref() == Some("force") {
                    role = Some(Role::Force);
                    cue = m.unit.clone();
                } else if dated_before(mentions, &layout, m, sentence.map(|s| s.span), reference_year) {
                    role = Some(Role::Past);
                    cue = Some("an earlier year".into());
                } else if layout.past.get(s).copied().unwrap_or(false) {
                    role = Some(Role::Past);
                    cue = Some("earlier".into());
                }
            }
            if m.kind == Kind::Date && role.is_none() {
                // A sentence opening with a pronoun continues the one before it.
                if let Some(prev) = sentence.filter(|s| list.get(s.first).is_some_and(|t| t.is_any(&["we", "they", "it", "this", "we’ll", "we'll", "they’ll"]))).and_then(|s| tokens.sentence(s.first.wrapping_sub(1))) {
                    if let Some(t) = list[prev.first..prev.end].iter().take(60).find(|t| cue_role(t) == Some(Role::More)) {
                        role = Some(Role::More);
                        cue = Some(t.lower());
                    }
                }
            }
            let words = if m.kind == Kind::Quote { content_words(m.span.slice(tokens.text).unwrap_or("")) } else { Vec::new() };
            let future = m.kind == Kind::Date
                && (layout.future.get(s).copied().unwrap_or(false)
                    || at.checked_sub(1).and_then(|p| list.get(p)).is_some_and(|p| p.is_any(&["by", "until"])));
            Claim { kind: m.kind, class, role, words, cue, future }
        })
        .collect()
}

/// For each number, the nearest other number of its sentence that names
/// what it counts (two sweeps, so linear in the number of mentions).
fn nearest_units(tokens: &Tokens<'_>, mentions: &[Mention], layout: &Layout) -> Vec<Option<usize>> {
    let mut best: Vec<Option<usize>> = vec![None; mentions.len()];
    let has_unit = |k: usize| mentions[k].unit.as_deref().is_some_and(|u| u != "fraction");
    let sentence = |k: usize| tokens.sentence_of.get(layout.at[k]).copied();
    let distance = |a: usize, b: usize| mentions[a].span.start.abs_diff(mentions[b].span.start);
    for order in [false, true] {
        let mut last: Option<usize> = None;
        let iter: Box<dyn Iterator<Item = &usize>> = if order { Box::new(layout.numbers.iter().rev()) } else { Box::new(layout.numbers.iter()) };
        for &k in iter {
            if let Some(u) = last.filter(|&u| sentence(u) == sentence(k)) {
                if best[k].is_none_or(|b| distance(u, k) < distance(b, k)) {
                    best[k] = Some(u);
                }
            }
            if has_unit(k) {
                last = Some(k);
            }
        }
    }
    best
}

/// True when the date nearest to `m` in its sentence is an absolute date
/// in a year before `reference_year`.
fn dated_before(mentions: &[Mention], layout: &Layout, m: &Mention, sentence: Option<Span>, reference_year: Option<i32>) -> bool {
    let (Some(sentence), Some(year)) = (sentence, reference_year) else { return false };
    let distance = |d: &Mention| if d.span.start >= m.span.end { d.span.start - m.span.end } else { m.span.start.saturating_sub(d.span.end) };
    let pos = layout.anchors.partition_point(|&k| mentions[k].span.start < m.span.start);
    let nearest = [pos.checked_sub(1), Some(pos)]
        .into_iter()
        .flatten()
        .filter_map(|p| layout.anchors.get(p))
        .map(|&k| &mentions[k])
        .filter(|d| sentence.contains(d.span))
        .min_by_key(|d| distance(d));
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

/// Every cue word, in the order of [`CUES`], and each one's role: one
/// lookup by the token's hash instead of a search through each list.
const CUE_COUNT: usize = {
    let (mut n, mut i) = (0, 0);
    while i < CUES.len() {
        n += CUES[i].1.len();
        i += 1;
    }
    n
};
const CUE_WORDS: [&str; CUE_COUNT] = {
    let (mut out, mut k, mut i) = ([""; CUE_COUNT], 0, 0);
    while i < CUES.len() {
        let mut j = 0;
        while j < CUES[i].1.len() {
            out[k] = CUES[i].1[j];
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
};
const CUE_ROLES: [Role; CUE_COUNT] = {
    let (mut out, mut k, mut i) = ([Role::Others; CUE_COUNT], 0, 0);
    while i < CUES.len() {
        let mut j = 0;
        while j < CUES[i].1.len() {
            out[k] = CUES[i].0;
            k += 1;
            j += 1;
        }
        i += 1;
    }
    out
};
/// [`CUE_WORDS`] packed as [`Words`] keeps them: each after its length byte.
const CUE_BYTES: usize = {
    let (mut n, mut i) = (CUE_COUNT, 0);
    while i < CUE_COUNT {
        n += CUE_WORDS[i].len();
        i += 1;
    }
    n
};
const CUE_PACKED: [u8; CUE_BYTES] = {
    let (mut out, mut k, mut i) = ([0; CUE_BYTES], 0, 0);
    while i < CUE_COUNT {
        let word = CUE_WORDS[i].as_bytes();
        out[k] = word.len() as u8;
        let mut j = 0;
        while j < word.len() {
            out[k + 1 + j] = word[j];
            j += 1;
        }
        k += 1 + word.len();
        i += 1;
    }
    out
};
const ALL_CUES: Words = Words::new(&CUE_PACKED);

fn cue_role(t: &Token<'_>) -> Option<Role> {
    if !t.is_word() {
        return None;
    }
    // the first list holding the word decides, as the order of CUES says
    ALL_CUES.find(t).map(|k| CUE_ROLES[k])
}

/// True when token `j` bounds a clause: , ; : ( ) dashes, quotation marks,
/// and "and"/"but"/"while"/"which"/"who" before a verb-like lower-case word
/// or before a number ("12 were killed and 40 injured", but not "between
/// 300 and 400").
fn is_break(list: &[Token<'_>], j: usize) -> bool {
    // "and", "but" and "while" first: they also break before a number
    const JOINERS: Words = words!("and|but|while|whereas|which|who");
    let t = &list[j];
    if t.kind == TokenKind::Punct {
        return matches!(t.text, "," | ";" | ":" | "(" | ")" | "—" | "–" | "“" | "”" | "\"");
    }
    let Some(joiner) = JOINERS.find(t) else { return false };
    list.get(j + 1).is_some_and(|n| n.is_word() && !n.is_capitalized() && !n.is_any(&["the", "a", "an", "other"]))
        || (joiner < 3
            && j > 0
            && list[j - 1].is_word()
            && list.get(j + 1).is_some_and(|n| n.kind == crate::text::TokenKind::Numeral || crate::extract::lexicon::number_word(n.text).is_some()))
}

/// Counted things that are people in uniform (close enough to be compared),
/// and their plurals.
const PERSONNEL: Words = words!(concat!(
    "officer|officers|police|polices|personnel|personnels|troop|troops|soldier|soldiers|",
    "policeman|policemen|policemens|peacekeeper|peacekeepers|guard|guards|force|forces|",
    "deployment|deployments",
));

/// "deploy", "deployed", "deploying": the sending of people in uniform.
fn is_deploying(word: &str) -> bool {
    word.get(..6).is_some_and(|head| head.eq_ignore_ascii_case("deploy"))
}

/// People in uniform, or deploying them.
fn is_personnel(word: &str) -> bool {
    PERSONNEL.contains(word) || is_deploying(word)
}

/// The comparable class of what a number counts: its unit, else the
/// collective before "of N", else what the nearest number of its sentence
/// counts ("12 people were killed and 40 were injured"). The caller falls
/// back on people in uniform named in the sentence.
fn number_class(m: &Mention, list: &[Token<'_>], at: usize, nearest_with_unit: Option<&Mention>) -> Option<String> {
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
    nearest_with_unit.and_then(|o| o.unit.as_deref()).map(class_of)
}

/// Words too common to tell two wordings apart.
const STOP: Words = words!(STOP_WORDS);
const STOP_WORDS: &str = concat!(
    "the|a|an|and|or|but|of|to|in|on|at|by|for|from|with|is|are|was|were|be|been|being|has|",
    "have|had|will|would|can|could|should|we|i|you|he|she|it|they|our|their|its|this|that|",
    "these|those|there|what|which|who|as|so|if|not|no|now|all|us|me|my|your|do|does|also|than|",
    "then",
);

/// Lower-case content-word stems of a quote, for comparing wordings.
pub fn content_words(text: &str) -> Vec<String> {
    // Names (capitalized words not opening a sentence) say what a quote is
    // about, not how it is worded: two different statements about the "UN
    // Security Council" share them.
    //
    // One pass over the text: a word is the first run of letters and digits
    // in each run of letters, digits and apostrophes ("don't" is "don",
    // "'Kenya's'" is "Kenya"), and a sentence starts after a stretch of
    // text between spaces that ends in '.', '!' or '?'. ASCII is read byte
    // by byte; other chars are decoded.
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut ends_sentence = false;
    let mut emit = |word: &str, sentence_start: &mut bool| {
        let name = word.chars().next().is_some_and(char::is_uppercase) && !*sentence_start;
        *sentence_start = false;
        if !name && word.len() > 2 && !STOP.contains(word) {
            out.push(stem(crate::text::lowercase(word)));
        }
    };
    // the start of the word being read, and whether this run of letters,
    // digits and apostrophes has given its word already
    let (mut word_start, mut in_run, mut taken) = (None, false, false);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = match bytes[i] {
            b if b.is_ascii() => (char::from(b), 1),
            _ => text.get(i..).and_then(|rest| rest.chars().next()).map_or(('\u{fffd}', 1), |c| (c, c.len_utf8())),
        };
        let apostrophe = c == '\'' || c == '’';
        if c.is_alphanumeric() || apostrophe {
            if !in_run {
                (in_run, taken) = (true, false);
            }
            if apostrophe {
                if let Some(start) = word_start.take() {
                    emit(&text[start..i], &mut sentence_start);
                    taken = true;
                }
            } else if !taken && word_start.is_none() {
                word_start = Some(i);
            }
            ends_sentence = false;
        } else {
            if let Some(start) = word_start.take() {
                emit(&text[start..i], &mut sentence_start);
            }
            in_run = false;
            if c.is_whitespace() {
                if ends_sentence {
                    sentence_start = true;
                }
                ends_sentence = false;
            } else {
                ends_sentence = matches!(c, '.' | '!' | '?');
            }
        }
        i += len;
    }
    if let Some(start) = word_start {
        emit(&text[start..], &mut sentence_start);
    }
    sort::sort(&mut out);
    out.dedup();
    out
}

/// A light suffix-stripping stemmer: enough to equate "deploy", "deployed",
/// "deploying" and "officers"/"officer".
fn stem(mut w: String) -> String {
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if w.ends_with(suffix) && w.len() - suffix.len() >= 4 {
            w.truncate(w.len() - suffix.len());
            return w;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `content_words` as it was first written, splitting and trimming: the
    /// one-pass version must give the same words.
    fn by_splitting(text: &str) -> Vec<String> {
        let stop: Vec<&str> = STOP_WORDS.split('|').collect();
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
                if !name && word.len() > 2 && !stop.contains(&word.to_ascii_lowercase().as_str()) {
                    out.push(stem(crate::text::lowercase(word)));
                }
            }
            if ends_sentence {
                sentence_start = true;
            }
        }
        sort::sort(&mut out);
        out.dedup();
        out
    }

    #[test]
    fn content_words_in_one_pass_are_those_of_splitting_and_trimming() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/corpus/kenya-haiti");
        let mut texts: Vec<String> = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(path).unwrap();
                texts.extend(text.split(['“', '”', '"']).map(str::to_string));
            }
        }
        texts.extend(
            [
                "", "'", "’’", "don't 'Kenya's' rock'n'roll O’Neil's", "U.S. troops. Then Haiti! The UN? yes",
                "“We are ready,” Ruto said.  The  force", "382 officers, 2,500-strong; Dh472 café ÉCOLE naïve",
                "e\u{301}tude \u{5e9}\u{5dc}\u{5d5}\u{5dd} 👮 said.\u{a0}The\u{2028}Security Council", "end.",
            ]
            .map(str::to_string),
        );
        for text in &texts {
            assert_eq!(content_words(text), by_splitting(text), "{text:?}");
        }
    }
}
