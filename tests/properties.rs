//! Property tests: on any text (real articles cut, spliced and sprinkled
//! with hostile Unicode), `analyze` never panics, every span lies on char
//! boundaries and slices to its text, UTF-16 offsets agree, render plans are
//! balanced and give back the exact text.
//!
//! `cargo test --test properties` runs 256 cases per property; for a longer
//! budget: `PROPTEST_CASES=20000 cargo test --release --test properties`.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use crossread::render::{plan, Event};
use crossread::{analyze, Article};
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| support::corpus().iter().map(|a| a.text.clone()).collect::<Vec<_>>().join("\n"))
}

/// Pieces that stress tokenizing, quoting, offsets and HTML handling.
const SPICE: &[&str] = &[
    "“", "”", "\"", "‘", "’", "«", "»", "<p>", "</p>", "<script>", "</script>", "<!--", "-->", "&amp;", "&#8220;", "&#x1F46E;",
    "&", "<", ">", "\u{200d}", "\u{200b}", "\u{feff}", "\u{2028}", "\u{2029}", "\u{85}", "\r\n", "\r", "\t", "é", "e\u{301}",
    "👮🏿‍♀️", "🇰🇪", "قال", "שלום", "\u{202e}", "1,000", "2024-09-25", "June 25,", "nearly", "more than", "$", "%", "-", "–",
    "—", ".", "Mr.", "he said", ",” Ruto said.", "1915-1934", "0737 GMT", "7:37 a.m.", "the following year", "\u{0}",
    // ranges, shares, money, times, ordinal days and addresses
    " to ", "between ", " and ", " or ", " in ", " out of ", "pm", " p.m.", "https://", "www.", "USD", "MEUR", " cents",
    "the first ", "Friday of ", "Wed, ", "km", " of a million", "/", "13.5.2015", "‘We", "’ he said", "the President said",
];

fn text_strategy() -> impl Strategy<Value = String> {
    let len = corpus_text().len();
    prop::collection::vec((0..len, 0usize..200, prop::option::of(0..SPICE.len())), 1..12).prop_map(move |parts| {
        let text = corpus_text();
        let mut out = String::new();
        for (start, take, spice) in parts {
            let mut s = start;
            while !text.is_char_boundary(s) {
                s -= 1;
            }
            let mut e = (s + take).min(text.len());
            while !text.is_char_boundary(e) {
                e -= 1;
            }
            out.push_str(&text[s..e]);
            if let Some(k) = spice {
                out.push_str(SPICE[k]);
            }
        }
        out
    })
}

fn check(articles: &[Article]) -> Result<(), TestCaseError> {
    let report = match analyze(articles) {
        Ok(r) => r,
        Err(_) => return Ok(()), // refused by shape (e.g. an empty text): fine, and no panic
    };
    for (a, r) in articles.iter().zip(&report.articles) {
        for m in &r.mentions {
            prop_assert!(a.text.is_char_boundary(m.start) && a.text.is_char_boundary(m.end), "span off a char boundary");
            prop_assert_eq!(&a.text[m.start..m.end], m.text.as_str());
            prop_assert_eq!(m.start16, a.text[..m.start].encode_utf16().count());
            prop_assert_eq!(m.end16, a.text[..m.end].encode_utf16().count());
        }
        let shown = crossread::text::display_text(&a.text);
        let mut depth = 0i32;
        let mut rebuilt = String::new();
        for e in plan(r, &shown) {
            match e {
                Event::Start(_) => depth += 1,
                Event::End => depth -= 1,
                Event::Text(s, e) => rebuilt.push_str(&shown[s..e]),
            }
            prop_assert!(depth >= 0, "unbalanced plan");
        }
        prop_assert_eq!(depth, 0);
        prop_assert_eq!(rebuilt.as_str(), &*shown);
        prop_assert_eq!(shown.len(), a.text.len());
    }
    for g in &report.groups {
        for m in &g.members {
            prop_assert!(report.mention(m).is_some());
        }
    }
    Ok(())
}

proptest! {
    #[test]
    fn any_single_article(text in text_strategy()) {
        check(&[Article::new("a", text)])?;
    }

    #[test]
    fn any_cluster(texts in prop::collection::vec(text_strategy(), 1..4)) {
        let articles: Vec<Article> = texts.into_iter().enumerate().map(|(i, t)| Article::new(format!("a{i}"), t)).collect();
        check(&articles)?;
    }

    #[test]
    fn arbitrary_unicode(text in "\\PC{0,400}") {
        check(&[Article::new("u", text)])?;
    }
}
