//! The report on real text: offsets in both encodings, unique ids, reference
//! dates, boilerplate left out, HTML bodies read in place.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use crossread::{analyze, Article, Kind};
use std::collections::HashSet;

fn utf16_len(s: &str) -> usize {
    s.encode_utf16().count()
}

fn check_offsets(articles: &[Article]) {
    let report = analyze(articles).unwrap();
    let mut ids = HashSet::new();
    for (a, r) in articles.iter().zip(&report.articles) {
        for m in &r.mentions {
            assert!(ids.insert(m.id.clone()), "duplicate id {}", m.id);
            assert_eq!(a.text.get(m.start..m.end), Some(m.text.as_str()), "byte span of {}", m.id);
            assert_eq!(m.start16, utf16_len(&a.text[..m.start]), "start16 of {}", m.id);
            assert_eq!(m.end16 - m.start16, utf16_len(&m.text), "end16 of {}", m.id);
        }
    }
    for g in &report.groups {
        assert!(ids.insert(g.id.clone()), "group id {} clashes", g.id);
        assert!(g.members.len() >= 2);
        for m in &g.members {
            assert!(report.mention(m).is_some(), "group {} names unknown {m}", g.id);
        }
        assert!(!g.explanation.is_empty());
    }
}

#[test]
fn offsets_on_the_corpus() {
    check_offsets(&support::corpus());
}

#[test]
fn offsets_with_emoji_accents_and_right_to_left_text() {
    let articles = vec![
        Article::new("emoji", "👮🏿‍♀️🇰🇪 Kenya has already deployed 382 officers 🙂 since June 25, 2024.\r\n“We are proud of what they achieved there,” Ruto said."),
        Article::new("accents", "\u{feff}À Jérémie, Moïse’s successor said 400 officers had already been deployed in Pétion-Ville."),
        Article::new("rtl", "قال روتو إن 382 ضابطا already deployed; השוטרים arrived on June 25, 2024 ‏(local time)."),
    ];
    check_offsets(&articles);
    let report = analyze(&articles).unwrap();
    let numbers: Vec<&str> = report.articles.iter().flat_map(|a| &a.mentions).filter(|m| m.kind == Kind::Number).map(|m| m.text.as_str()).collect();
    assert_eq!(numbers, ["382", "400", "382"]);
}

#[test]
fn reference_dates_from_dateline_and_cluster() {
    let report = analyze(&support::corpus()).unwrap();
    let sources: Vec<(&str, Option<&str>)> = report.articles.iter().map(|a| (a.reference_date_source.as_str(), a.reference_date.as_deref())).collect();
    assert_eq!(sources[4], ("dateline", Some("2024-09-25")));
    for s in &sources[..4] {
        assert_eq!(*s, ("inferred", Some("2024-09-25")));
    }
    let following = report.articles[0].mentions.iter().find(|m| m.text == "January of the following year").unwrap();
    assert_eq!(following.value.iso(), Some("2025-01"));
    assert!(following.relative);
}

#[test]
fn boilerplate_lines_are_not_analysed() {
    let text = "Kenya sent 382 officers.\nShare.\nREAD MORE: 5 things to know\nFollow Us and Stay Connected!\nReader comments (12)\nExit mobile version\n";
    let report = analyze(&[Article::new("a", text)]).unwrap();
    let texts: Vec<&str> = report.articles[0].mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["382"]);
}

#[test]
fn html_bodies_are_read_in_place() {
    let html = "<article><h1>Kenya &amp; Haiti</h1><p>Ruto said Kenya has already deployed <b>382</b> officers.</p>\
                <p>&ldquo;We are proud of the progress made by our officers,&rdquo; he said.</p>\
                <script>var x = 400;</script><p class=\"share\">Share.</p></article>";
    let report = analyze(&[Article::new("h", html)]).unwrap();
    let mentions = &report.articles[0].mentions;
    let texts: Vec<&str> = mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(texts, ["382", "We are proud of the progress made by our officers,"]);
    assert_eq!(&html[mentions[0].start..mentions[0].end], "382");
}

#[test]
fn speakers_resolved_to_full_names_across_the_cluster() {
    let report = analyze(&support::corpus()).unwrap();
    let speakers: HashSet<&str> = report.articles.iter().flat_map(|a| &a.mentions).filter_map(|m| m.speaker.as_deref()).collect();
    assert!(speakers.contains("William Ruto"), "{speakers:?}");
    assert!(speakers.contains("William O’Neil"), "{speakers:?}");
    assert!(!speakers.contains("Ruto"), "{speakers:?}");
}

#[test]
fn groups_independent_of_article_order() {
    let mut articles = support::corpus();
    let forward = analyze(&articles).unwrap();
    articles.reverse();
    let backward = analyze(&articles).unwrap();
    let verdicts = |r: &crossread::Report| {
        let v: Vec<(String, Vec<String>)> = r.groups.iter().map(|g| {
            let mut texts: Vec<String> = g.members.iter().map(|m| { let (a, m) = r.mention(m).unwrap(); format!("{}:{}", a.id, m.start) }).collect();
            texts.sort();
            (format!("{} {:?}", g.id, g.verdict), texts)
        }).collect();
        v
    };
    assert_eq!(verdicts(&forward), verdicts(&backward));
}

#[test]
fn inconsistencies_inside_one_article_are_flagged() {
    let report = analyze(&support::corpus()).unwrap();
    let notes: Vec<&String> = report.groups.iter().flat_map(|g| &g.notes).collect();
    assert!(notes.iter().any(|n| n.contains("000_ab610103825d78f6 itself says both “January 2024” and “January of the following year”")), "{notes:?}");
    assert!(notes.iter().any(|n| n.contains("001_d100ab99cad84b3b itself says both “January 2024” and “January next year”")), "{notes:?}");
    // "would be deployed in January 2024", written in September 2024
    let flagged: Vec<&str> = report.articles[1].mentions.iter().filter(|m| m.note.is_some()).map(|m| m.text.as_str()).collect();
    assert_eq!(flagged, ["January 2024", "January 2024"]);
}

#[test]
fn quote_variants_carry_a_word_diff() {
    let a = "“Many people were injured, but it is difficult to evacuate them due to traffic jams,” the official said.";
    let b = "“Many people were injured but it was difficult to evacuate them due to traffic jams,” the official said.";
    let report = analyze(&[Article::new("a", a), Article::new("b", b)]).unwrap();
    let g = &report.groups[0];
    assert_eq!(format!("{:?}", g.verdict), "Variant");
    let diff = g.diff.as_ref().unwrap();
    let changed: Vec<(&str, &str)> = diff.iter().filter(|p| p.op != "same").map(|p| (p.op.as_str(), p.text.as_str())).collect();
    assert_eq!(changed, [("removed", "is"), ("added", "was")]);
}

#[test]
fn markdown_findings_for_fact_checkers() {
    let report = analyze(&support::corpus()).unwrap();
    let md = report.markdown();
    assert!(md.starts_with("# crossread findings\n\n5 articles · 67 numbers, dates and quotes"), "{md}");
    assert!(md.contains("## Conflicts\n\n1. **officers already deployed**: 382 in 000\\_ab610103825d78f6"), "{md}");
    assert!(md.contains("## Quotes worded differently"), "{md}");
    assert!(md.contains("- 004\\_9b5600509f698df4 (8 mentions; reference date 2024-09-25, dateline)"), "{md}");
}

#[test]
fn progress_counts_up_to_its_total_and_changes_nothing() {
    let corpus = support::corpus();
    // 40 articles: the five, repeated under new ids
    let articles: Vec<Article> = (0..40).map(|i| Article::new(format!("a{i}"), corpus[i % 5].text.clone())).collect();
    let mut seen = Vec::new();
    let report = crossread::analyze_with_progress(&articles, &mut |p| seen.push(p)).unwrap();
    assert_eq!(report, analyze(&articles).unwrap());
    let total = 2 * 40 + 1;
    assert!(seen.iter().all(|p| p.total == total));
    assert!(seen.windows(2).all(|w| w[0].done < w[1].done), "{seen:?}");
    assert_eq!(seen.last().map(|p| p.done), Some(total));
    assert!(seen.len() >= 20, "{} steps", seen.len());
}

#[test]
fn article_views_carry_every_mark_with_utf16_offsets_and_tooltips() {
    let articles = support::corpus();
    let report = analyze(&articles).unwrap();
    for (index, (a, r)) in articles.iter().zip(&report.articles).enumerate() {
        let view = crossread::render::article_view(&report, index, &a.text, false).unwrap();
        assert_eq!(view.text, a.text);
        assert!(view.structure.is_none());
        let ids: Vec<&str> = view.marks.iter().map(|m| m.id.as_str()).collect();
        let expected: Vec<&str> = r.mentions.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, expected, "every mention of {} is marked, in order", a.id);
        for (m, mention) in view.marks.iter().zip(&r.mentions) {
            assert_eq!((m.start16, m.end16), (mention.start16 as u32, mention.end16 as u32));
            assert_eq!(m.kind, mention.kind.name());
            assert_eq!(m.tip.as_ref(), report.tooltips().get(mention.id.as_str()));
        }
    }
    // the view survives a round trip through JSON (as through a worker's message)
    let view = crossread::render::article_view(&report, 2, &articles[2].text, true).unwrap();
    let back: crossread::render::ArticleView = serde_json::from_str(&serde_json::to_string(&view).unwrap()).unwrap();
    assert_eq!(back, view);
    assert!(crossread::render::article_view(&report, 5, "", false).is_none());
}

#[test]
fn html_article_views_show_the_allowed_structure_and_count_in_its_text() {
    let html = "<p>Kenya sent <b>400</b> officers.</p><script>alert(1)</script><p>“We are ready,” Ruto said on <a href=\"https://x.example\">Tuesday</a>.</p>";
    let articles = vec![Article::new("h", html), Article::new("t", "Kenya sent 382 officers on Tuesday.")];
    let report = analyze(&articles).unwrap();
    let view = crossread::render::article_view(&report, 0, html, false).unwrap();
    let structure = view.structure.as_ref().unwrap();
    let joined: String = structure.iter().filter_map(|p| match p { crossread::render::ViewPiece::Text { text } => Some(text.as_str()), _ => None }).collect();
    assert_eq!(joined, view.text);
    assert!(!view.text.contains("alert"));
    let utf16: Vec<u16> = view.text.encode_utf16().collect();
    let marked: Vec<String> = view.marks.iter().map(|m| String::from_utf16(&utf16[m.start16 as usize..m.end16 as usize]).unwrap()).collect();
    assert!(marked.contains(&"400".to_string()), "{marked:?}");
    assert!(marked.contains(&"Tuesday".to_string()), "{marked:?}");
    // in place, the marks count in the source itself
    let in_place = crossread::render::article_view(&report, 0, html, true).unwrap();
    assert_eq!(in_place.text, html);
    assert!(in_place.structure.is_none());
}

#[test]
fn dates_say_which_fields_the_text_states() {
    let report = analyze(&support::corpus()).unwrap();
    let stated = |article: usize, text: &str| -> Option<Vec<String>> {
        let m = report.articles[article].mentions.iter().find(|m| m.text == text).unwrap_or_else(|| panic!("no mention {text:?}"));
        m.stated.clone()
    };
    let fields = |f: &[&str]| Some(f.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    // fully stated, partly stated (the year implied), only relative
    assert_eq!(stated(4, "2024-09-25"), fields(&["year", "month", "day"]));
    assert_eq!(stated(4, "June 25"), fields(&["month", "day"]));
    assert_eq!(stated(0, "January 2024"), fields(&["year", "month"]));
    assert_eq!(stated(1, "January next year"), fields(&["month"]));
    assert_eq!(stated(1, "Thursday"), fields(&["weekday"]));
    assert_eq!(stated(0, "last week"), fields(&[]));
    assert_eq!(stated(2, "1915-1934"), fields(&["year"]));
    assert_eq!(stated(3, "another 12 months"), fields(&["duration"]));
    // numbers and quotes have no such field
    assert_eq!(stated(0, "382"), None);
}
