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

/// The widget's server-rendered view, read back: the text of its article box
/// (tags dropped, entities decoded), each focusable mark as (mention id,
/// its text, footnote), the ids of its tooltips, and the panel's items.
struct Prerendered {
    text: String,
    marks: Vec<(String, String, Option<String>)>,
    tips: Vec<String>,
    panel: Vec<String>,
    summary: String,
}

fn read_prerendered(html: &str) -> Prerendered {
    fn decode(s: &str) -> String {
        s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
    }
    fn attr(tag: &str, name: &str) -> Option<String> {
        let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
        Some(decode(&tag[at..at + tag[at..].find('"')?]))
    }
    let (mut text, mut marks, mut tips, mut panel, mut summary) = (String::new(), Vec::<(String, String, Option<String>)>::new(), Vec::new(), Vec::new(), String::new());
    // Where the text between tags goes: the article (with the open focusable marks), a panel button, the summary.
    let (mut in_text, mut text_depth, mut open_marks, mut in_button, mut in_summary) = (false, 0, Vec::<Option<usize>>::new(), false, false);
    let mut rest = html;
    while !rest.is_empty() {
        let (chunk, tag) = match rest.find('<') {
            Some(0) => {
                let end = rest.find('>').unwrap() + 1;
                ("", &rest[..end])
            }
            Some(i) => (&rest[..i], ""),
            None => (rest, ""),
        };
        rest = &rest[chunk.len() + tag.len()..];
        if !chunk.is_empty() {
            let chunk = decode(chunk);
            if in_text {
                text.push_str(&chunk);
                for i in open_marks.iter().flatten() {
                    marks[*i].1.push_str(&chunk);
                }
            }
            if in_button {
                panel.push(chunk.clone());
            }
            if in_summary {
                summary.push_str(&chunk);
            }
            continue;
        }
        let name = tag.trim_start_matches(['<', '/']).split([' ', '>']).next().unwrap();
        let closing = tag.starts_with("</");
        match (name, closing) {
            ("div", false) if tag.contains("class=\"cr-text\"") => in_text = true,
            ("div", false) if in_text => text_depth += 1,
            ("div", true) if in_text && text_depth == 0 => in_text = false,
            ("div", true) if in_text => text_depth -= 1,
            ("div", false) if tag.contains("class=\"cr-tip\"") => tips.push(attr(tag, "id").unwrap()),
            ("mark", false) if in_text => {
                if tag.contains(" tabindex=\"0\"") {
                    assert_eq!(attr(tag, "id"), Some(format!("crs-{}", attr(tag, "data-mention").unwrap())));
                    marks.push((attr(tag, "data-mention").unwrap(), String::new(), attr(tag, "data-footnote")));
                    open_marks.push(Some(marks.len() - 1));
                } else {
                    open_marks.push(None);
                }
            }
            ("mark", true) => {
                open_marks.pop();
            }
            ("button", false) => in_button = tag == "<button type=\"button\">",
            ("button", true) => in_button = false,
            ("section", false) => in_summary = tag.contains("cr-summary"),
            ("section", true) => in_summary = false,
            _ => {}
        }
    }
    Prerendered { text, marks, tips, panel, summary }
}

#[test]
fn prerendered_widget_shows_the_first_article_as_the_live_widget_does() {
    use crossread::render::{article_view, widget_html, WidgetStyle};
    let articles = support::corpus();
    let report = analyze(&articles).unwrap();
    let html = widget_html(&report, &articles, WidgetStyle::Link("/www/crossread.css"));
    assert!(html.starts_with("<link rel=\"stylesheet\" href=\"/www/crossread.css\"><div class=\"cr-root\" part=\"root\" data-prerendered=\"\">"), "{}", &html[..200]);
    let seen = read_prerendered(&html);
    // The article's text, unchanged, with the marks of the live view (`article_view`), in order.
    let view = article_view(&report, 0, &articles[0].text, false).unwrap();
    assert_eq!(seen.text, articles[0].text);
    let utf16: Vec<u16> = view.text.encode_utf16().collect();
    let live: Vec<(String, String)> = view.marks.iter().map(|m| (m.id.clone(), String::from_utf16(&utf16[m.start16 as usize..m.end16 as usize]).unwrap())).collect();
    let shown: Vec<(String, String)> = seen.marks.iter().map(|(id, text, _)| (id.clone(), text.clone())).collect();
    assert_eq!(shown, live);
    assert_eq!(shown.len(), 10, "the first article's marks");
    // A tooltip for every mark the live view gives one, under the id its mark names.
    let tipped: Vec<String> = view.marks.iter().filter(|m| m.tip.is_some()).map(|m| format!("crs-tip-{}", m.id)).collect();
    assert_eq!(seen.tips, tipped);
    assert!(!tipped.is_empty());
    // Footnotes number the disagreements as the panel lists them.
    let disputed: Vec<_> = report.groups.iter().filter(|g| g.verdict != crossread::Verdict::Agree).collect();
    assert_eq!(seen.panel.len(), disputed.len());
    assert_eq!(seen.panel.len(), 5, "3 conflicts and 2 quotes worded differently");
    for (id, _, footnote) in &seen.marks {
        let n = disputed.iter().position(|g| g.members.contains(id)).map(|i| (i + 1).to_string());
        assert_eq!(footnote, &n, "{id}");
        if let Some(n) = n {
            assert!(seen.panel[n.parse::<usize>().unwrap() - 1].starts_with(&format!("{n}. ")));
        }
    }
    assert!(seen.marks.iter().any(|(_, _, f)| f.is_some()));
    assert_eq!(seen.summary, report.summary());
}

#[test]
fn prerendered_widget_escapes_text_and_keeps_an_html_article_to_its_allowed_structure() {
    use crossread::render::{widget_html, WidgetStyle};
    let hostile = "<p onclick=\"x()\">Kenya sent <b>400</b> officers 👮🏽‍♀️ to Port-au-Prince.</p><script>alert(1)</script><p><a href=\"javascript:alert(2)\">Ruto</a> said: “We are ready.” שלום 3 days</p>";
    let articles = vec![
        Article::new("h", hostile),
        Article { source: Some("<i>Le Nouvelliste</i> & \"co\"".into()), ..Article::new("t", "Kenya sent 382 officers, 12 days after Tuesday, é. </style><script>alert(3)</script>") },
    ];
    let report = analyze(&articles).unwrap();
    let html = widget_html(&report, &articles, WidgetStyle::Inline("mark { color: red } </style><script>alert(4)</script>"));
    // The stylesheet cannot end its element early; after it, no markup but the widget's own.
    assert_eq!(html.matches("</style").count(), 1, "{html}");
    let after_style = &html[html.find("</style>").unwrap()..];
    for bad in ["<script", "onclick", "javascript:", "<i>"] {
        assert!(!after_style.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("&lt;i&gt;Le Nouvelliste&lt;/i&gt; &amp; &quot;co&quot;"), "{html}");
    assert!(html.contains("<p>Kenya sent <b><mark class=\"cr-mark cr-number\""), "{html}");
    assert!(html.contains("<div class=\"cr-text\" data-html=\"\">"));
    let seen = read_prerendered(&html);
    assert_eq!(seen.text, "Kenya sent 400 officers 👮🏽‍♀️ to Port-au-Prince.Ruto said: “We are ready.” שלום 3 days");
    assert!(seen.marks.iter().any(|(_, t, _)| t == "400"), "{:?}", seen.marks);
    assert_eq!(html.matches("<mark").count(), html.matches("</mark>").count());
    // The widget shows its first article; the others wait for the live widget's tabs.
    assert!(!seen.text.contains("382"));
}
