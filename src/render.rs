//! Stage 4: a render plan for one article, as balanced events over its text
//! (in the manner of pulldown-cmark). Concatenating the `Text` events gives
//! back the article text exactly; marks nest (a number inside a quote) but
//! never cross.

use crate::report::{ArticleReport, MentionReport};

#[derive(Debug, Clone, PartialEq)]
pub enum Event<'r> {
    /// Opens the mark of a mention.
    Start(&'r MentionReport),
    /// A run of article text, by byte range.
    Text(usize, usize),
    /// Closes the most recently opened mark.
    End,
}

/// Events for `text`, the article text the report was built from.
pub fn plan<'r>(article: &'r ArticleReport, text: &str) -> Vec<Event<'r>> {
    let mut marks: Vec<&MentionReport> = article
        .mentions
        .iter()
        .filter(|m| m.start < m.end && m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end))
        .collect();
    marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut events = Vec::with_capacity(marks.len() * 3 + 1);
    let mut open: Vec<usize> = Vec::new(); // ends of open marks
    let mut at = 0;
    let text_until = |events: &mut Vec<Event<'r>>, at: &mut usize, to: usize| {
        if to > *at {
            events.push(Event::Text(*at, to));
            *at = to;
        }
    };
    for m in marks {
        // Close marks that end before this one starts.
        while let Some(&end) = open.last() {
            if end <= m.start {
                text_until(&mut events, &mut at, end);
                events.push(Event::End);
                open.pop();
            } else {
                break;
            }
        }
        // A mark that would cross an open one is left out.
        if open.last().is_some_and(|&end| m.end > end) || m.start < at {
            continue;
        }
        text_until(&mut events, &mut at, m.start);
        events.push(Event::Start(m));
        open.push(m.end);
    }
    while let Some(end) = open.pop() {
        text_until(&mut events, &mut at, end);
        events.push(Event::End);
    }
    text_until(&mut events, &mut at, text.len());
    events
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Article};

    #[test]
    fn plan_is_balanced_and_keeps_every_char() {
        let text = "He said: “We sent 382 officers 👮 on June 25, 2024.” Then 400 left.";
        let report = analyze(&[Article::new("a", text)]).unwrap();
        let events = plan(&report.articles[0], text);
        let mut depth = 0i32;
        let mut rebuilt = String::new();
        let mut max_depth = 0;
        for e in &events {
            match e {
                Event::Start(_) => depth += 1,
                Event::End => depth -= 1,
                Event::Text(s, e) => rebuilt.push_str(&text[*s..*e]),
            }
            assert!(depth >= 0);
            max_depth = max_depth.max(depth);
        }
        assert_eq!(depth, 0);
        assert_eq!(rebuilt, text);
        assert_eq!(max_depth, 2, "numbers and dates nest inside the quote");
    }
}
