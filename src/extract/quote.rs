//! Quotation mentions and who said them.
//!
//! A quote is the text between quotation marks (straight, curly or
//! guillemets). A paragraph that opens a quote without closing it quotes to
//! its end. Marks around three words or fewer with no attribution are scare
//! quotes or titles, not quotes.

use super::lexicon;
use crate::mention::{Kind, Mention, Value};
use crate::text::{Span, Tokens};

/// All quote mentions of one text, with speakers as the article names them
/// (a surname may be completed later from the rest of the cluster).
pub fn quotes(tokens: &Tokens<'_>, names: &[Name]) -> Vec<Mention> {
    let text = tokens.text;
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        for (open, close) in pairs(line) {
            let inner = line.get(open..close).unwrap_or("");
            let lead = inner.len() - inner.trim_start().len();
            let trimmed = inner.trim();
            if trimmed.is_empty() {
                continue;
            }
            let span = Span::new(line_start + open + lead, line_start + open + lead + trimmed.len());
            let words = trimmed.split_whitespace().count();
            let attribution = attribution(tokens, span, names);
            if words <= 3 && attribution.is_none() {
                continue;
            }
            let mut m = Mention::new(Kind::Quote, span, Value::Quote, "quote::marks");
            m.speaker = attribution.flatten();
            out.push(m);
        }
        line_start += line.len() + 1;
    }
    out
}

/// Byte ranges `(after opening mark, before closing mark)` within one line.
fn pairs(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let bytes = line.as_bytes();
    let mut at = 0;
    // Only '"' and the lead bytes of “ ” „ « » (0xE2, 0xC2) can start a mark:
    // skip to the next one without decoding, then decode the char there.
    while let Some(skip) = bytes.get(at..).and_then(|rest| rest.iter().position(|&b| matches!(b, b'"' | 0xC2 | 0xE2))) {
        at += skip;
        let Some(c) = line.get(at..).and_then(|rest| rest.chars().next()) else { break };
        let after = at + c.len_utf8();
        match (open, c) {
            (None, '“' | '«' | '"' | '„') => open = Some((after, c)),
            (Some((start, '“' | '„')), '”') | (Some((start, '«')), '»') | (Some((start, '"')), '"') => {
                out.push((start, at));
                open = None;
            }
            // “ … “ (a wrong closing mark, common in copy-pasted text)
            (Some((start, '“')), '“') if line.get(start..at).unwrap_or("").trim_end().ends_with(['.', ',', '!', '?']) => {
                out.push((start, at));
                open = None;
            }
            _ => {}
        }
        at = after;
    }
    if let Some((start, _)) = open {
        if line.get(start..).unwrap_or("").split_whitespace().count() > 3 {
            out.push((start, line.len()));
        }
    }
    out
}

/// A person name found in the text, with where it ends.
#[derive(Debug, Clone)]
pub struct Name {
    pub text: String,
    pub at: usize,
}

/// Person names: capitalized words after a title ("President William Ruto",
/// "Mr. O’Neil") or before a reporting verb ("William O’Neil remarked").
pub fn names(tokens: &Tokens<'_>) -> Vec<Name> {
    let list = &tokens.list;
    let mut out = Vec::new();
    let mut i = 0;
    while i < list.len() {
        let t = &list[i];
        let titled = t.is_capitalized() && lexicon::is_title(t.text);
        if titled {
            let mut k = i + 1;
            // "Mr." / "Prime Minister" / "Secretary-General"
            while let Some(n) = list.get(k) {
                if n.punct('.') || n.punct('-') || (n.is_capitalized() && lexicon::is_title(n.text)) {
                    k += 1;
                } else {
                    break;
                }
            }
            let (name, end) = capitalized_run(tokens, k);
            if !name.is_empty() {
                out.push(Name { text: name, at: list[end - 1].span.end });
                i = end;
                continue;
            }
        } else if t.is_capitalized() && (i == 0 || !list[i - 1].is_capitalized()) {
            let (name, end) = capitalized_run(tokens, i);
            if !name.is_empty() && looks_like_person(&name) && list.get(end).is_some_and(|v| lexicon::is_reporting_verb(v.text)) && !is_function_word(&list[i].lower()) {
                out.push(Name { text: name, at: list[end - 1].span.end });
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

fn is_function_word(w: &str) -> bool {
    lexicon::PHRASE_STOPS.contains(&w) || matches!(w, "we" | "i" | "you" | "our" | "their" | "his" | "her" | "its" | "there" | "but" | "then")
}

/// Up to three capitalized words from token `k` ("William O’Neil").
fn capitalized_run(tokens: &Tokens<'_>, k: usize) -> (String, usize) {
    let list = &tokens.list;
    let mut words = Vec::new();
    let mut end = k;
    while let Some(t) = list.get(end) {
        if words.len() < 3 && t.is_capitalized() && !lexicon::is_reporting_verb(t.text) && lexicon::month(t.text).is_none_or(|_| t.text.len() > 3 && !lexicon::MONTHS.iter().any(|m| t.is(m))) && !(end > k && t.line_before) {
            words.push(t.text);
            end += 1;
        } else {
            break;
        }
    }
    (words.join(" "), end)
}

/// Tokens before a quote searched for its attribution.
const ATTRIBUTION_WINDOW: usize = 30;

/// `Some(speaker)` when a reporting verb attributes the quote at `span`
/// (the speaker may be unknown), `None` when nothing attributes it.
fn attribution(tokens: &Tokens<'_>, span: Span, names: &[Name]) -> Option<Option<String>> {
    let list = &tokens.list;
    let first = tokens.index_at(span.start);
    let after = tokens.index_at(span.end);
    // After the quote: skip the closing mark and punctuation, then up to four
    // words that must contain a reporting verb: ", he said", "” Ruto explained",
    // "” said Ruto", "William O’Neil remarked".
    let mut k = after;
    while list.get(k).is_some_and(|t| !t.is_word()) && k < after + 3 {
        k += 1;
    }
    let window: Vec<usize> = (k..(k + 5).min(list.len())).take_while(|&j| list[j].is_word() || list[j].punct('.')).collect();
    if let Some(pos) = window.iter().position(|&j| lexicon::is_reporting_verb(list[j].text)) {
        let verb = window[pos];
        let subject: Vec<&str> = window[..pos].iter().map(|&j| list[j].text).filter(|w| *w != ".").collect();
        let after_verb: Vec<&str> = window[pos + 1..].iter().map(|&j| list[j].text).take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).collect();
        let who = if !subject.is_empty() { subject.join(" ") } else { after_verb.join(" ") };
        return Some(resolve_speaker(&who, list[verb].span.start, names));
    }
    // Before the quote, in the same sentence: "Ruto stated, “…”",
    // "He shared a quote from a policeman: “…”".
    let sentence = tokens.sentence(first.saturating_sub(1))?;
    // An attribution sits close to its quote; looking further back would
    // cost a scan of the sentence per quote in run-on text.
    let end = first.saturating_sub(1);
    let before: Vec<usize> = (sentence.first.max(end.saturating_sub(ATTRIBUTION_WINDOW))..end).collect();
    if let Some(&verb) = before.iter().rev().find(|&&j| lexicon::is_reporting_verb(list[j].text)) {
        let from_indefinite = before.iter().any(|&j| j > verb && list[j].is_any(&["a", "an"]));
        if from_indefinite {
            return Some(None);
        }
        let subject: Vec<&str> = before.iter().filter(|&&j| j < verb).map(|&j| list[j].text).collect();
        let who = subject.iter().rev().take_while(|w| w.chars().next().is_some_and(char::is_uppercase)).collect::<Vec<_>>();
        let who: Vec<&str> = who.into_iter().rev().copied().collect();
        return Some(resolve_speaker(&who.join(" "), list[verb].span.start, names));
    }
    // A quote standing alone after a sentence whose subject is a pronoun
    // ("He stressed that …. “…”") continues that speaker.
    let prev = tokens.sentence(first.saturating_sub(2))?;
    let lead = list.get(prev.first)?;
    if lead.is_any(&["he", "she"]) && (prev.first..prev.end.min(prev.first + ATTRIBUTION_WINDOW)).any(|j| lexicon::is_reporting_verb(list[j].text) || list[j].is_any(&["believes", "stressed", "urged"])) {
        return Some(resolve_speaker(lead.text, lead.span.start, names));
    }
    None
}

/// A name as written ("Ruto", "he", "Mr. O’Neil") → the person, using the
/// names seen before `at` for pronouns and titles.
fn resolve_speaker(who: &str, at: usize, names: &[Name]) -> Option<String> {
    // The name is what follows the last title ("Prime minister George
    // Papandreou" → "George Papandreou").
    let all: Vec<&str> = who.split_whitespace().collect();
    let after_title = all.iter().rposition(|w| lexicon::is_title(w)).map_or(0, |k| k + 1);
    let words: Vec<&str> = all[after_title..].iter().filter(|w| **w != ".").map(|w| w.trim_end_matches('.')).collect();
    let lower = who.to_lowercase();
    let pronoun = matches!(lower.as_str(), "he" | "she" | "they" | "the president" | "the minister" | "the expert");
    if pronoun || words.is_empty() {
        if !pronoun && !who.is_empty() {
            return None;
        }
        return names.iter().rev().find(|n| n.at <= at).map(|n| n.text.clone());
    }
    if words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase)) {
        return Some(words.join(" "));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let tokens = Tokens::new(text);
        let names = names(&tokens);
        quotes(&tokens, &names).into_iter().map(|m| (m.span.slice(text).unwrap().to_string(), m.speaker)).collect()
    }

    #[test]
    fn attribution_after_before_and_pronouns() {
        let text = "President William Ruto visited.\n\"We are proud of our officers,\" Ruto said.\nThen “this must stop now,” he added. Mr. O’Neil stated, “It is a race against time.”";
        let got = speakers(text);
        assert_eq!(got[0], ("We are proud of our officers,".into(), Some("Ruto".into())));
        assert_eq!(got[1].1.as_deref(), Some("Ruto"));
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
}
