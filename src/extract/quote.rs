//! Quotation mentions and who said them.
//!
//! A small pipeline, one step per function:
//! 1. [`pairs`] finds quotation marks line by line: straight, curly and
//!    guillemets, and single curly marks where no double marks enclose them
//!    (British style). Single marks inside a double-quoted quote stay inside
//!    it. A paragraph that opens a quote without closing it quotes to its end.
//! 2. [`attribution`] looks for a reporting verb and its subject after the
//!    quote ("…,” he said", "…,” said Kenya’s Interior Minister Kithure
//!    Kindiki") or before it in the same sentence ("Ruto said: “…”").
//! 3. [`continue_speakers`] carries a speaker over to the parts of a quote the
//!    attribution does not touch: the second half of a quote broken by its
//!    attribution, and the paragraphs of a multi-paragraph quote.
//! 4. Marks around three words or fewer with no attribution are scare quotes,
//!    and marks around a title-case phrase are a title: neither is a quote.
//! 5. A speaker named by surname or title alone is completed to the fullest
//!    name the article gives ("Mr. O’Neil" → "William O’Neil"); the analysis
//!    completes it again across the cluster.

use super::lexicon::{self, words};
use crate::mention::{Kind, Mention, Value};
use crate::text::{Span, Token, Tokens};

/// All quote mentions of one text, with speakers as the article names them
/// (a surname may be completed later from the rest of the cluster).
#[inline(never)] // a stage of its own in the wasm, optimized by the browser on its own (see .ci/build-pkg.sh)
pub fn quotes(tokens: &Tokens<'_>, names: &[Name]) -> Vec<Mention> {
    let text = tokens.text;
    let mut found = Vec::new();
    let (mut line_start, mut paragraph) = (0, 0);
    for line in text.split('\n') {
        paragraph += usize::from(!line.trim().is_empty());
        let indent = line.len() - line.trim_start().len();
        for marks in pairs(line) {
            let inner = line.get(marks.open..marks.close).unwrap_or("");
            let trimmed = inner.trim();
            if trimmed.is_empty() {
                continue;
            }
            let start = line_start + marks.open + (inner.len() - inner.trim_start().len());
            let span = Span::new(start, start + trimmed.len());
            let loose = trimmed.ends_with([',', '?', '!', '—', '–']);
            found.push(Found {
                span,
                marks,
                paragraph,
                opens_paragraph: marks.mark == indent,
                words_after: words(line.get(marks.close..).unwrap_or("")),
                attribution: attribution(tokens, span, names, loose),
            });
        }
        line_start += line.len() + 1;
    }
    continue_speakers(&mut found, text);
    let mut full = FullNames::default();
    full.add(names);
    // a name written in full after the verb ("said Garry Conille, Haiti's
    // prime minister") completes a surname elsewhere
    for f in &found {
        if let Attribution::Speaker(s) = &f.attribution {
            full.add_name(s);
        }
    }
    found
        .into_iter()
        .filter(|f| {
            let quoted = f.span.slice(text).unwrap_or("");
            f.attribution != Attribution::None
                || (words(quoted) > 3 && !is_title_case(quoted) && (!f.marks.single || quoted.ends_with(['.', ',', '!', '?', '…'])))
        })
        .map(|f| {
            let mut m = Mention::new(Kind::Quote, f.span, Value::Quote, "quote::marks");
            if let Attribution::Speaker(s) = f.attribution {
                m.speaker = Some(full.complete(&s).map_or(s, str::to_string));
            }
            m
        })
        .collect()
}

/// One pair of quotation marks in a line (byte offsets within the line).
#[derive(Debug, Clone, Copy)]
struct Marks {
    /// Where the opening mark starts.
    mark: usize,
    /// After the opening mark, and before the closing one.
    open: usize,
    close: usize,
    /// Single curly marks (‘…’).
    single: bool,
    /// The paragraph ends before a closing mark.
    unclosed: bool,
}

/// A quote on its way through the pipeline.
struct Found {
    span: Span,
    marks: Marks,
    /// Index of its paragraph (non-empty line) in the text.
    paragraph: usize,
    /// The opening mark is the first thing in its paragraph.
    opens_paragraph: bool,
    /// Words from the closing mark to the end of the paragraph.
    words_after: usize,
    attribution: Attribution,
}

#[derive(Debug, Clone, PartialEq)]
enum Attribution {
    /// Nothing attributes the quote.
    None,
    /// A reporting verb attributes it to someone the text does not name
    /// ("a spokesman said").
    Unnamed,
    Speaker(String),
}

/// Words with a letter in them.
fn words(s: &str) -> usize {
    s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

/// The first byte at or after `from` that may start a quote mark: '"' or
/// the lead byte of a non-ASCII mark (0xC2, 0xE2).
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let at = crate::text::skip_plain_ascii(bytes, from, b'"');
    bytes.get(at..)?.iter().position(|&b| matches!(b, b'"' | 0xC2 | 0xE2)).map(|skip| at + skip)
}

/// The quote marks of one line, in order.
fn pairs(line: &str) -> Vec<Marks> {
    let mut out = Vec::new();
    // (where the mark starts, after it, the mark)
    let mut open: Option<(usize, usize, char)> = None;
    let bytes = line.as_bytes();
    let mut at = 0;
    // Only '"' and the lead bytes of “ ” „ ‘ ’ « » (0xE2, 0xC2) can start a
    // mark: skip to the next one without decoding, then decode the char there.
    while let Some(found) = next_mark_byte(bytes, at) {
        at = found;
        let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else { break };
        let after = at + c.len_utf8();
        let before = line.get(..at).and_then(|s| s.chars().next_back());
        let next = line.get(after..).and_then(|s| s.chars().next());
        let pair = |mark: usize, start: usize, single: bool| Marks { mark, open: start, close: at, single, unclosed: false };
        match (open, c) {
            (None, '“' | '«' | '"' | '„') => open = Some((at, after, c)),
            (Some((mark, start, '“' | '„')), '”') | (Some((mark, start, '«')), '»') | (Some((mark, start, '"')), '"') => {
                out.push(pair(mark, start, false));
                open = None;
            }
            // “ … “ (a wrong closing mark, common in copy-pasted text)
            (Some((mark, start, '“')), '“') if line.get(start..at).unwrap_or("").trim_end().ends_with(['.', ',', '!', '?']) => {
                out.push(pair(mark, start, false));
                open = None;
            }
            // Single marks open a quote only outside double marks; a second
            // opening one means the first was something else ("’n’").
            (None | Some((_, _, '‘')), '‘') if opens_single(before, next) => open = Some((at, after, c)),
            (Some((mark, start, '‘')), '’') if closes_single(before, next) => {
                out.push(pair(mark, start, true));
                open = None;
            }
            _ => {}
        }
        at = after;
    }
    if let Some((mark, start, c)) = open {
        if c != '‘' && words(line.get(start..).unwrap_or("")) > 3 {
            out.push(Marks { mark, open: start, close: line.len(), single: false, unclosed: true });
        }
    }
    out
}

/// ‘ opens a quote at the start of a word, after a space or an opening
/// bracket, dash or colon.
fn opens_single(before: Option<char>, next: Option<char>) -> bool {
    before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–' | ':' | '“' | '"'))
        && next.is_some_and(char::is_alphanumeric)
}

/// ’ closes a quote after the quote's own punctuation (“…,’ he said”) or
/// before punctuation; before a space it is a plural possessive
/// ("the officers’ families"), before a letter an apostrophe ("don’t").
fn closes_single(before: Option<char>, next: Option<char>) -> bool {
    before.is_some_and(|b| matches!(b, '.' | ',' | '!' | '?' | '…'))
        || next.is_none_or(|n| !n.is_alphanumeric() && !n.is_whitespace())
}

/// "The Long Road Back Home", "Haiti First": a title, not speech.
fn is_title_case(s: &str) -> bool {
    const MINOR: [&str; 12] = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "by", "with"];
    let mut words = s.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic));
    words.next().is_some_and(|w| w.starts_with(char::is_uppercase))
        && words.all(|w| w.starts_with(char::is_uppercase) || MINOR.contains(&w))
}

/// Carries speakers over to the parts of a quote its attribution does not
/// reach: "“…,” Ruto said. “…”" (the same paragraph, with only the
/// attribution in between) and
/// a paragraph that opens with a quote mark after a paragraph whose quote
/// ran to its end or was closed near it. A paragraph left open takes the
/// speaker of the paragraph that continues it.
fn continue_speakers(found: &mut [Found], text: &str) {
    /// Words of attribution between two parts of one quote, at most.
    const GAP: usize = 12;
    let continues = |prev: &Found, next: &Found| {
        let between = text.get(prev.span.end..next.span.start).unwrap_or("");
        let attributes = || between.split(|c: char| !c.is_alphabetic()).any(lexicon::is_reporting_verb);
        (prev.paragraph == next.paragraph && words(between) <= GAP && attributes())
            || (next.opens_paragraph && next.paragraph == prev.paragraph + 1 && (prev.marks.unclosed || prev.words_after <= GAP))
    };
    for i in 1..found.len() {
        if found[i].attribution == Attribution::None && continues(&found[i - 1], &found[i]) {
            found[i].attribution = found[i - 1].attribution.clone();
        }
    }
    for i in (1..found.len()).rev() {
        let (prev, next) = (&found[i - 1], &found[i]);
        if prev.attribution == Attribution::None && prev.marks.unclosed && continues(prev, next) {
            found[i - 1].attribution = next.attribution.clone();
        }
    }
}

/// A person name found in the text, with where it ends.
#[derive(Debug, Clone)]
pub struct Name {
    pub text: String,
    pub at: usize,
    /// The title before it, lower-case and without its full stop ("president"
    /// for "President William Ruto", "minister" for "Prime Minister …").
    pub title: Option<String>,
    /// "he" or "she", where the text tells ([`pronoun_of`]).
    pub pronoun: Option<&'static str>,
}

/// Titles that say which pronoun a person takes.
const HE_TITLES: [&str; 6] = ["mr", "sir", "king", "spokesman", "chairman", "pope"];
const SHE_TITLES: [&str; 6] = ["mrs", "ms", "miss", "queen", "spokeswoman", "chairwoman"];

/// The pronoun of the person named up to token `end`, where the text tells:
/// a title ("Mr.", "spokeswoman"), else the first personal pronoun after the
/// name in its sentence, before anyone else may be named or a quote opens
/// ("Mottley said she was confident", "Ruto, who said his government …").
fn pronoun_of(tokens: &Tokens<'_>, title: Option<&Token<'_>>, end: usize) -> Option<&'static str> {
    if let Some(t) = title {
        if HE_TITLES.iter().any(|w| t.is(w)) {
            return Some("he");
        }
        if SHE_TITLES.iter().any(|w| t.is(w)) {
            return Some("she");
        }
    }
    let list = &tokens.list;
    let sentence = tokens.sentence(end.checked_sub(1)?)?;
    for t in list.get(end..sentence.end)?.iter().take(ATTRIBUTION_WINDOW) {
        if t.is_any(&["he", "his", "him", "himself"]) {
            return Some("he");
        }
        if t.is_any(&["she", "her", "hers", "herself"]) {
            return Some("she");
        }
        // someone else may be meant after another name or a title ("Mottley
        // said the president and his team …")
        let another_name = t.is_capitalized() && !lexicon::WEEKDAY_NAMES.has(t) && lexicon::month(t.text).is_none();
        if another_name || lexicon::TITLES.has(t) || is_opening_quote(t.text) {
            return None;
        }
    }
    None
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "‘" | "«")
}

/// Person names: capitalized words after a title ("President William Ruto",
/// "Mr. O’Neil", "police chief William O’Neil") or before a reporting verb
/// ("William O’Neil remarked").
pub fn names(tokens: &Tokens<'_>) -> Vec<Name> {
    let list = &tokens.list;
    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let t = &list[i];
        // A lower-case title only right before a name ("police chief William").
        let apposition = list.get(i + 1).is_some_and(|c| c.punct(',')) && list.get(i + 2).is_some_and(|n| n.is_capitalized());
        let titled = (t.is_capitalized() || (t.is_word() && (apposition || list.get(i + 1).is_some_and(|n| n.is_capitalized())))) && lexicon::TITLES.has(t);
        if titled {
            let mut k = i + 1;
            let mut title = t;
            // "Mr." / "Prime Minister" / "Secretary-General"
            while let Some(n) = list.get(k) {
                if (n.punct('.') && list[k - 1].text.len() <= 4) || n.punct('-') {
                    k += 1;
                } else if n.is_capitalized() && lexicon::is_title(n.text) {
                    title = n;
                    k += 1;
                } else {
                    break;
                }
            }
            let (mut name, mut end) = capitalized_run(tokens, k);
            // "The Haitian prime minister, Garry Conille, welcomed …": a name in apposition
            if name.is_empty() && list.get(k).is_some_and(|c| c.punct(',')) {
                let (apposed, after) = capitalized_run(tokens, k + 1);
                if apposed.contains(' ') && looks_like_person(&apposed) && list.get(after).is_some_and(|c| c.punct(',')) {
                    (name, end) = (apposed, after);
                }
            }
            if !name.is_empty() {
                let pronoun = pronoun_of(tokens, Some(title), end);
                let title = Some(title.lower().trim_end_matches('.').to_string());
                out.push(Name { text: name, at: list[end - 1].span.end, title, pronoun });
                i = end;
                continue;
            }
        } else if t.is_capitalized() && (i == 0 || !list[i - 1].is_capitalized()) {
            // the verb after the run first: most capitalized runs have none
            let end = run_end(tokens, i);
            if end > i && list.get(end).is_some_and(|v| lexicon::REPORTING_VERBS.has(v)) && !is_function_word(&list[i]) {
                let name = name_between(tokens, i, end);
                if looks_like_person(&name) {
                    out.push(Name { text: name, at: list[end - 1].span.end, title: None, pronoun: pronoun_of(tokens, None, end + 1) });
                    i = end;
                    continue;
                }
            }
        } else if i > 0 && matches!(list[i - 1].text, "\"" | "”" | "»") && lexicon::REPORTING_VERBS.has(t) {
            // "…,” said Mia Mottley": the speaker after the verb is someone a
            // later "she" may mean (a title after the verb is read above)
            let (name, end) = capitalized_run(tokens, i + 1);
            // a plain name: not "Kenya's foreign ministry", nor "Kenya’s
            // Foreign Minister Musalia Mudavadi" (the title is read on its own)
            let plain = list[i + 1..end].iter().all(|w| w.text.len() == lexicon::without_possessive(w.text).len() && !lexicon::is_title(w.text));
            if !name.is_empty() && plain && looks_like_person(&name) && !is_function_word(&list[i + 1]) {
                out.push(Name { text: name, at: list[end - 1].span.end, title: None, pronoun: pronoun_of(tokens, None, end) });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// Last words of organisations, and acronyms, which say "said" as often as
/// people do but are not who "he" or "she" refers to.
fn looks_like_person(name: &str) -> bool {
    const ORGANISATION: [&str; 24] = [
        "Survey", "Agency", "Council", "Ministry", "Office", "Department", "Police", "Army", "Committee",
        "Commission", "Organization", "Organisation", "Institute", "University", "Bank", "Fund", "Service", "News",
        "Times", "Post", "Group", "Government", "Nations", "Reuters",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    !words.iter().any(|w| ORGANISATION.contains(w) || (w.len() > 1 && w.chars().all(|c| c.is_uppercase())))
}

/// Words that open a clause, not a name ("He", "The", "In").
const FUNCTION_WORDS: lexicon::Words = words!(concat!(
    "the|a|of|to|in|on|at|by|for|from|with|into|and|or|but|who|that|which|whom|whose|is|are|was|were|",
    "be|been|being|has|have|had|will|would|could|should|can|may|might|must|do|does|did|",
    "an|this|these|those|as|than|so|if|when|while|since|per|each|it|they|he|she|we|i|you|our|",
    "their|his|her|its|there|then",
));

fn is_function_word(t: &Token<'_>) -> bool {
    FUNCTION_WORDS.has(t)
}

/// Up to three capitalized words from token `k` ("William O’Neil"), an
/// initial's full stop counted as one.
fn capitalized_run(tokens: &Tokens<'_>, k: usize) -> (String, usize) {
    let end = run_end(tokens, k);
    (name_between(tokens, k, end), end)
}

/// The name of tokens `k..end`, as [`capitalized_run`] found them.
fn name_between(tokens: &Tokens<'_>, k: usize, end: usize) -> String {
    let words: Vec<&str> = tokens.list.get(k..end).unwrap_or(&[]).iter().map(|t| if t.punct('.') { "." } else { t.text }).collect();
    join_name(&words)
}

/// Where the capitalized run from token `k` ends, without building its
/// name: most runs are looked at and dropped ("The", "Haiti").
fn run_end(tokens: &Tokens<'_>, k: usize) -> usize {
    let list = &tokens.list;
    let mut words = 0;
    let mut end = k;
    while let Some(t) = list.get(end) {
        if end == k && t.is_capitalized() && is_function_word(t) {
            break;
        }
        // "Timothy D. Cook": an initial's full stop stays in the name.
        if t.punct('.') && end > k && list[end - 1].text.len() == 1 && list.get(end + 1).is_some_and(|n| n.is_capitalized()) {
            words += 1;
            end += 1;
            continue;
        }
        let weekday = || match lexicon::without_possessive(t.text) {
            stem if stem.len() < t.text.len() => lexicon::weekday(stem).is_some(),
            _ => lexicon::WEEKDAY_NAMES.has(t),
        };
        // (a month by the token's own hash: a word token holds no full stop)
        if words < 3 && t.is_capitalized() && !lexicon::REPORTING_VERBS.has(t) && !weekday() && lexicon::MONTH_NAMES.find(t).is_none_or(|_| t.text.len() > 3 && !lexicon::MONTHS.iter().any(|m| t.is(m))) && !(end > k && t.line_before) {
            words += 1;
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Words of a name joined by spaces, an initial's full stop kept on it
/// ("Timothy D. Cook").
fn join_name(words: &[&str]) -> String {
    let mut name = String::new();
    for w in words {
        if !name.is_empty() && *w != "." {
            name.push(' ');
        }
        name.push_str(w);
    }
    name
}

/// Tokens before a quote searched for its attribution.
const ATTRIBUTION_WINDOW: usize = 30;
/// Words between a reporting verb and the quote it introduces, at most
/// ("Ruto told reporters in Nairobi on Tuesday: “…”" has five).
const INTRODUCTION_WORDS: usize = 6;
/// Words of a subject between a quote and its reporting verb, at most
/// ("Haitian Prime Minister Garry Conille told").
const SUBJECT_WORDS: usize = 8;

/// Who a quote is attributed to: after it, then before it in its sentence,
/// then the pronoun subject of the sentence before.
fn attribution(tokens: &Tokens<'_>, span: Span, names: &[Name], loose: bool) -> Attribution {
    let list = &tokens.list;
    let first = tokens.index_at(span.start);
    if let Some(found) = attribution_after(tokens, tokens.index_at(span.end), names, loose) {
        return found;
    }
    // Before the quote, in the same sentence: "Ruto stated, “…”",
    // "He shared a quote from a policeman: “…”".
    let Some(sentence) = tokens.sentence(first.saturating_sub(1)) else { return Attribution::None };
    // An attribution sits close to its quote; looking further back would
    // cost a scan of the sentence per quote in run-on text.
    let end = first.saturating_sub(1);
    let before: Vec<usize> = (sentence.first.max(end.saturating_sub(ATTRIBUTION_WINDOW))..end).collect();
    if let Some(&verb) = before.iter().rev().find(|&&j| lexicon::REPORTING_VERBS.has(&list[j])) {
        // The verb must introduce this quote: close to it ("told reporters
        // on Tuesday: “…”") or with a colon right before the quote. A verb
        // further back belongs to something else in the sentence.
        let gap = (verb + 1..end).filter(|&j| list[j].is_word()).count();
        if gap > INTRODUCTION_WORDS && !list.get(end).is_some_and(|t| t.punct(':')) {
            return Attribution::None;
        }
        // "He shared a quote from a policeman: “…”" names no one; "said in a
        // statement:" still names the subject
        if before.iter().any(|&j| j > verb && list[j].is_any(&["a", "an"]) && !list[j - 1].is_any(&["in", "on", "during"])) {
            return Attribution::Unnamed;
        }
        // "According to the UN, “…”": the source named after "to", not the
        // subject of a participle
        if list[verb].is("according") && list.get(verb + 1).is_some_and(|t| t.is("to")) {
            let source: Vec<&Token<'_>> = list[verb + 2..end].iter().take_while(|t| t.is_word()).skip_while(|t| t.is("the")).collect();
            return if source.iter().any(|t| t.is_capitalized()) { resolve_speaker(&source, list[verb].span.start, names) } else { Attribution::Unnamed };
        }
        // The capitalized words right before the verb. None: after a comma
        // or for a participle ("…, saying: “…”") the subject is the
        // sentence's, the person last named; after a lower-case word it is
        // someone unnamed ("people familiar with the matter said").
        let subject: Vec<&Token<'_>> = before.iter().filter(|&&j| j < verb).map(|&j| &list[j]).collect();
        let start = subject.iter().rposition(|t| !(t.is_capitalized() || t.punct('.'))).map_or(0, |p| p + 1);
        let named = &subject[start..];
        if named.is_empty() {
            if let Some(pronoun) = subject.last().filter(|t| t.is_any(&["he", "she", "they"])) {
                return resolve_speaker(&[pronoun], list[verb].span.start, names);
            }
            let participle = list[verb].text.ends_with("ing");
            let after_comma = subject.last().is_none_or(|t| t.punct(','));
            // "A police spokesperson, who asked not to be named, said “…”"
            // (not "A week later, Kenya's president, William Ruto, said")
            let unnamed_subject = list.get(sentence.first).is_some_and(|t| t.is_any(&["a", "an"]))
                && list.get(sentence.first + 1).is_some_and(|n| n.is_word() && !n.is_capitalized() && !n.is_any(&["day", "week", "month", "year", "few", "moment"]));
            if !(participle || after_comma) || unnamed_subject {
                return Attribution::Unnamed;
            }
            // "Dr. David Lieperman, a doctor at New York University, said,
            // “…”": the name that opens the sentence, else the last one.
            let opening: Vec<&Token<'_>> = list[sentence.first..verb]
                .iter()
                .enumerate()
                .take_while(|&(n, t)| (t.is_word() && t.is_capitalized() && !(n == 0 && is_function_word(t))) || (n > 0 && t.punct('.') && list[sentence.first + n - 1].text.len() <= 3))
                .map(|(_, t)| t)
                .collect();
            return match resolve_speaker(&opening, list[verb].span.start, names) {
                Attribution::Speaker(s) => Attribution::Speaker(s),
                _ => recent(names, list[verb].span.start, |_| true),
            };
        }
        return resolve_speaker(named, list[verb].span.start, names);
    }
    // A quote standing alone after a sentence whose subject is a pronoun
    // ("He stressed that …. “…”") continues that speaker.
    let Some(prev) = tokens.sentence(first.saturating_sub(2)) else { return Attribution::None };
    let Some(lead) = list.get(prev.first) else { return Attribution::None };
    if lead.is_any(&["he", "she"]) && (prev.first..prev.end.min(prev.first + ATTRIBUTION_WINDOW)).any(|j| lexicon::REPORTING_VERBS.has(&list[j]) || list[j].is_any(&["believes", "stressed", "urged"])) {
        return resolve_speaker(&[lead], lead.span.start, names);
    }
    Attribution::None
}

/// The attribution right after a quote: subject then verb ("…,” he said",
/// "…” Haitian Prime Minister Garry Conille told reporters") or verb then
/// subject ("…,” said Kenya’s Interior Minister Kithure Kindiki", "…,”
/// according to Jean Baptiste"). `loose` (the quote ends in a comma or
/// question mark, which promises an attribution) admits any subject ("a
/// police spokesman said"); otherwise only names, titles and pronouns,
/// so that "the “Haiti First” plan was announced" is not speech.
fn attribution_after(tokens: &Tokens<'_>, after: usize, names: &[Name], loose: bool) -> Option<Attribution> {
    let list = &tokens.list;
    // The closing mark and punctuation.
    let mut k = after;
    while list.get(k).is_some_and(|t| !t.is_word()) && k < after + 3 {
        k += 1;
    }
    let in_line = |j: usize| list.get(j).is_some_and(|t| !(j > after && t.line_before));
    let name_like = |j: usize| {
        let t = &list[j];
        (t.is_word() && (t.is_capitalized() || lexicon::is_title(t.text) || t.is_any(&["the", "he", "she", "they"])))
            || (t.punct('.') && j > k && lexicon::is_title(list[j - 1].text))
    };
    // Participles do not attribute backwards ("“…,” saying that …").
    let finite = |j: usize| lexicon::REPORTING_VERBS.has(&list[j]) && (!list[j].text.ends_with("ing") || list[j].is("according"));
    let mut j = k;
    while j < k + SUBJECT_WORDS && in_line(j) && !lexicon::REPORTING_VERBS.has(&list[j]) && (name_like(j) || (loose && list[j].is_word())) {
        j += 1;
    }
    if j > k && in_line(j) && finite(j) {
        let subject: Vec<&Token<'_>> = list[k..j].iter().collect();
        return Some(resolve_speaker(&subject, list[j].span.start, names));
    }
    if !(in_line(k) && finite(k)) {
        return None;
    }
    let mut s = k + 1;
    if list[k].is("according") {
        if !list.get(s).is_some_and(|t| t.is("to")) {
            return None;
        }
        s += 1;
    }
    // Capitalized words, and titles and full stops within a name ("said
    // Apple Inc. CEO Steve Jobs").
    const ABBREVIATIONS: [&str; 6] = ["inc", "corp", "co", "ltd", "jr", "sr"];
    let mut e = s;
    while e < s + SUBJECT_WORDS
        && in_line(e)
        && ((list[e].is_word() && list[e].is_capitalized())
            || (e > s && name_like(e))
            || (list[e].punct('.') && e > s && list[e - 1].is_any(&ABBREVIATIONS) && list.get(e + 1).is_some_and(|n| n.is_capitalized())))
    {
        e += 1;
    }
    let subject: Vec<&Token<'_>> = list[s..e].iter().collect();
    if !subject.is_empty() {
        return Some(resolve_speaker(&subject, list[k].span.start, names));
    }
    // "…,” said a spokesman" names no one; a verb followed by a colon or a
    // quote mark introduces the next quote, not this one.
    let introduces = list.get(s).is_none_or(|t| !t.is_word() && !t.punct('.'));
    Some(if introduces { Attribution::None } else { Attribution::Unnamed })
}

/// The speaker a subject names, using the names seen before `at` for
/// pronouns and titles: "he" → the person last named, "the President" →
/// the person last named with that title, "Kenya’s Interior Minister
/// Kithure Kindiki" → "Kithure Kindiki", "a spokesman" → unnamed.
fn resolve_speaker(subject: &[&Token<'_>], at: usize, names: &[Name]) -> Attribution {
    // Words, and the full stops of initials ("Lewis W. Teperman").
    let words: Vec<&Token<'_>> = subject
        .iter()
        .enumerate()
        .filter(|&(n, t)| t.is_word() || (t.punct('.') && n > 0 && subject[n - 1].text.len() == 1 && n + 1 < subject.len()))
        .map(|(_, t)| *t)
        .collect();
    match words.as_slice() {
        [] => return Attribution::Unnamed,
        [one] if one.is_any(&["he", "she"]) => return recent_as(names, at, &one.lower()),
        [one] if one.is("they") => return recent(names, at, |_| true),
        [first, ..] if first.is_any(&["a", "an"]) => return Attribution::Unnamed,
        _ => {}
    }
    // The name follows the last title or possessive ("Prime minister George
    // Papandreou", "Kenya’s Kindiki").
    let cut = words.iter().rposition(|t| lexicon::is_title(t.text) || t.text.ends_with("’s") || t.text.ends_with("'s"));
    let name = &words[cut.map_or(0, |c| c + 1)..];
    if name.is_empty() {
        // "the President", "the Prime Minister"
        return match cut {
            Some(c) => {
                let title = words[c].lower();
                let title = title.trim_end_matches('.');
                recent(names, at, |n| n.title.as_deref() == Some(title))
            }
            None => Attribution::Unnamed,
        };
    }
    if name.iter().all(|t| t.is_capitalized() || t.punct('.')) {
        return Attribution::Speaker(join_name(&name.iter().map(|t| t.text).collect::<Vec<_>>()));
    }
    Attribution::Unnamed
}

/// The person last named before `at` whom `pronoun` ("he", "she") may
/// mean: not someone the text gives the other pronoun (under any name
/// sharing the surname), so that "“…,” she said" after a man's words goes to
/// the woman named before him. Unnamed when only such people are named.
fn recent_as(names: &[Name], at: usize, pronoun: &str) -> Attribution {
    fn surname(n: &Name) -> &str {
        n.text.rsplit(' ').next().unwrap_or("")
    }
    let takes = |n: &Name| {
        let mut said = names.iter().filter(|m| surname(m) == surname(n)).filter_map(|m| m.pronoun);
        let first = said.next();
        // conflicting evidence tells nothing
        first.filter(|p| said.all(|q| q == *p))
    };
    recent(names, at, |n| takes(n).is_none_or(|p| p == pronoun))
}

/// The person last named before `at` who `fits`.
fn recent(names: &[Name], at: usize, fits: impl Fn(&Name) -> bool) -> Attribution {
    names
        .iter()
        .rev()
        .filter(|n| n.at <= at)
        .find(|n| fits(n))
        .map_or(Attribution::Unnamed, |n| Attribution::Speaker(n.text.clone()))
}

/// The fullest form of each surname among some names, to complete a speaker
/// named by surname alone ("O’Neil" → "William O’Neil"). A cluster names a
/// few dozen people, so a list beats a map (in bytes shipped as in time).
#[derive(Debug, Default)]
pub struct FullNames(Vec<(String, usize)>);

impl FullNames {
    pub fn add(&mut self, names: &[Name]) {
        for n in names {
            self.add_name(&n.text);
        }
    }

    /// Counts `name` when it is written in full (two words or more).
    pub fn add_name(&mut self, name: &str) {
        if !name.contains(' ') {
            return;
        }
        match self.0.iter_mut().find(|(known, _)| known == name) {
            Some((_, count)) => *count += 1,
            None => self.0.push((name.to_string(), 1)),
        }
    }

    /// The name most often written in full for `speaker`'s last word (the
    /// longest, then the first alphabetically, on a tie), if it is longer.
    pub fn complete(&self, speaker: &str) -> Option<&str> {
        let last = speaker.split_whitespace().last()?;
        let (name, _) = self
            .0
            .iter()
            .filter(|(name, _)| name.rsplit(' ').next() == Some(last))
            .max_by_key(|(name, count)| (*count, name.len(), std::cmp::Reverse(name.as_str())))?;
        (name.len() > speaker.len()).then_some(name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_bytes_are_found_as_a_byte_by_byte_scan_finds_them() {
        let naive = |bytes: &[u8], from: usize| bytes.get(from..)?.iter().position(|&b| matches!(b, b'"' | 0xC2 | 0xE2)).map(|k| from + k);
        for mark in ["\"", "“", "”", "«", "’", "é", "👍"] {
            for before in 0..20 {
                let line = format!("{}{mark}{}", "a b".repeat(before), "x y".repeat(5));
                for from in 0..line.len() {
                    assert_eq!(next_mark_byte(line.as_bytes(), from), naive(line.as_bytes(), from), "{line:?} from {from}");
                }
            }
        }
        assert_eq!(next_mark_byte(b"no marks in this line at all", 0), None);
        assert_eq!(next_mark_byte(b"short", 9), None);
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let tokens = Tokens::new(text);
        let names = names(&tokens);
        quotes(&tokens, &names).into_iter().map(|m| (m.span.slice(text).unwrap().to_string(), m.speaker)).collect()
    }

    #[test]
    fn attribution_after_before_and_pronouns() {
        let text = "President William Ruto visited.\n\"We are proud of our officers,\" Ruto said.\nThen “this must stop now,” he added. Mr. O’Neil stated, “It is a race against time.”";
        let got = speakers(text);
        assert_eq!(got[0], ("We are proud of our officers,".into(), Some("William Ruto".into())));
        assert_eq!(got[1].1.as_deref(), Some("William Ruto"));
        assert_eq!(got[2], ("It is a race against time.".into(), Some("O’Neil".into())));
    }

    #[test]
    fn speaker_is_the_name_after_the_title() {
        let got = speakers("Prime minister George Papandreou said: “This is a raw murderous act against our citizens.”");
        assert_eq!(got[0].1.as_deref(), Some("George Papandreou"));
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(speakers("They called it a “mission impossible” again.").is_empty());
    }

    #[test]
    fn unclosed_quote_runs_to_paragraph_end() {
        let got = speakers("“It’s crucial to curb gang activities by equipping the mission properly\nNext.");
        assert_eq!(got.len(), 1);
        assert!(got[0].0.ends_with("properly"));
    }

    #[test]
    fn surnames_complete_to_the_fullest_name() {
        let mut full = FullNames::default();
        let name = |text: &str| Name { text: text.into(), at: 0, title: None, pronoun: None };
        full.add(&[name("William Ruto"), name("Ruto"), name("William Samoei Ruto"), name("William Ruto")]);
        assert_eq!(full.complete("Ruto"), Some("William Ruto"));
        assert_eq!(full.complete("William Ruto"), None);
        assert_eq!(full.complete("Kindiki"), None);
    }
}
