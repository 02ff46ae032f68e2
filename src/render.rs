//! Stage 4: a render plan for one article, as balanced events over its text
//! (in the manner of pulldown-cmark). Concatenating the `Text` events gives
//! back the article text exactly; marks nest (a number inside a quote) but
//! never cross.

use crate::report::{ArticleReport, MentionReport, Report, Tooltip};
use crate::text::{looks_like_html, structure, Piece, ShownText, Utf16Index};
use serde::{Deserialize, Serialize};

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
    crate::sort::sort_by_key(&mut marks, |m| (m.start, std::cmp::Reverse(m.end), m.kind, m.id.as_str()));
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

/// One article as a page shows it, with its marks: everything the DOM layer
/// needs and nothing more, so that it can be built where the analysis lives
/// (a Web Worker, for large clusters) and sent to the page, which only
/// builds nodes from it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleView {
    /// The text the marks' offsets count in: the article's own, or for an
    /// HTML article shown as such, its text without the markup.
    pub text: String,
    /// An HTML article's allowed structure, whose text pieces join to `text`.
    pub structure: Option<Vec<ViewPiece>>,
    /// Marks in document order, outer before inner.
    pub marks: Vec<MarkView>,
}

/// A step of an HTML article's allowed structure (see [`structure`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ViewPiece {
    Open { tag: String, href: Option<String> },
    Close,
    Break,
    Text { text: String },
}

/// One mark: UTF-16 offsets into the view's text, the mention and its details.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MarkView {
    pub start16: u32,
    pub end16: u32,
    pub id: String,
    pub kind: String,
    pub tip: Option<Tooltip>,
}

/// The view of article `index` of `report`, whose text as given is
/// `source`. `in_place` is for marking a page's own article, whose text is
/// the source itself; otherwise an HTML article is shown as its allowed
/// structure. `None` for an index the report does not have.
pub fn article_view(report: &Report, index: usize, source: &str, in_place: bool) -> Option<ArticleView> {
    let article = report.articles.get(index)?;
    let (text, pieces, shown) = if !in_place && looks_like_html(source) {
        let pieces = structure(source);
        let shown = ShownText::new(&pieces);
        (shown.text.clone(), Some(pieces), Some(shown))
    } else {
        (source.to_string(), None, None)
    };
    let utf16 = Utf16Index::new(&text);
    let to_shown = |b: usize| shown.as_ref().map_or(b, |s| s.shown(b));
    let mut tips = report.tooltips_of(std::slice::from_ref(article));
    let marks = plan(article, source)
        .into_iter()
        .filter_map(|e| match e {
            Event::Start(m) => Some(MarkView {
                start16: utf16.to_utf16(to_shown(m.start)) as u32,
                end16: utf16.to_utf16(to_shown(m.end)) as u32,
                id: m.id.clone(),
                kind: m.kind.name().to_string(),
                tip: tips.take(m.id.as_str()),
            }),
            _ => None,
        })
        .collect();
    let structure = pieces.map(|pieces| {
        pieces
            .into_iter()
            .map(|p| match p {
                Piece::Open { tag, href } => ViewPiece::Open { tag: tag.to_string(), href },
                Piece::Close => ViewPiece::Close,
                Piece::Break => ViewPiece::Break,
                Piece::Text { text, .. } => ViewPiece::Text { text },
            })
            .collect()
    });
    Some(ArticleView { text, structure, marks })
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A static HTML page of the analysis (the CLI's `--html`): every article
/// with its marks, each mark's details in its `title`, and the
/// disagreements. Article text is escaped; HTML articles keep only their
/// allowed structure (see [`crate::text::structure`]). Needs no script.
pub fn html_page(report: &crate::Report, articles: &[crate::Article]) -> String {
    let tips = report.tooltips();
    let mut out = String::from(concat!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>crossread report</title>\n<style>\n",
        "body{font:17px/1.6 Georgia,serif;max-width:46rem;margin:0 auto;padding:1rem;color:#1d1d1b;background:#fdfcf8}\n",
        ".plain{white-space:pre-wrap}mark{background:none;color:inherit;text-decoration:underline 2px;text-underline-offset:3px}\n",
        "mark.number{text-decoration-style:solid}mark.date{text-decoration-style:dashed}mark.quote{text-decoration-style:dotted}\n",
        "mark.conflict{text-decoration-style:wavy;text-decoration-color:#b3261e}mark.conflict::after{content:\"\\26A0\";font-size:.7em;vertical-align:super}\n",
        "</style>\n</head>\n<body>\n<h1>crossread report</h1>\n"
    ));
    out.push_str("<h2>Disagreements</h2>\n<ol>\n");
    for g in report.groups.iter().filter(|g| g.verdict != crate::Verdict::Agree) {
        out.push_str(&format!("<li>{} ({}): {}</li>\n", verdict_label(g.verdict), escape(&g.about), escape(&g.explanation)));
    }
    out.push_str("</ol>\n");
    for (article, r) in articles.iter().zip(&report.articles) {
        let text = &article.text;
        let title = |m: &MentionReport| {
            tips.get(m.id.as_str()).map(|t| std::iter::once(t.heading.clone()).chain(t.lines.iter().cloned()).collect::<Vec<_>>().join("\n")).unwrap_or_default()
        };
        out.push_str(&format!("<article>\n<h2>{}</h2>\n", escape(article.label())));
        out.push_str(if looks_like_html(text) { "<div class=\"html\">" } else { "<div class=\"plain\">" });
        write_marked(&mut out, text, &marks_of(r, text), &mut |m, out| {
            let verdict = tips.get(m.id.as_str()).and_then(|t| t.verdict).map_or("none", crate::Verdict::name);
            out.push_str(&format!("<mark class=\"{} {verdict}\" title=\"{}\">", m.kind.name(), escape(&title(m))));
        });
        out.push_str("</div>\n</article>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// How a disagreement is labelled in lists: the widget's panel and the static page.
fn verdict_label(verdict: crate::Verdict) -> &'static str {
    if verdict == crate::Verdict::Conflict {
        "⚠ Conflict"
    } else {
        "≈ Worded differently"
    }
}

/// The mentions `plan` marks in `text`, in document order, outer before inner.
fn marks_of<'r>(article: &'r ArticleReport, text: &str) -> Vec<&'r MentionReport> {
    plan(article, text).into_iter().filter_map(|e| if let Event::Start(m) = e { Some(m) } else { None }).collect()
}

/// Writes article `text` as HTML with its `marks` (from [`marks_of`]): text
/// escaped, an HTML article as its allowed structure only, each mark's start
/// tag written by `open_mark` and closed here. A mark that runs across
/// pieces of structure (a quote over two paragraphs) is written once per
/// piece, clipped to it.
fn write_marked(out: &mut String, text: &str, marks: &[&MentionReport], open_mark: &mut dyn FnMut(&MentionReport, &mut String)) {
    // Pieces come in source order: `cursor` is the next mark not yet
    // reached, `carry` the marks still open from earlier pieces, at most the
    // nesting depth.
    let mut cursor = 0;
    let mut carry: Vec<&MentionReport> = Vec::new();
    let mut marked = |from: usize, to: usize, out: &mut String| {
        carry.retain(|m| m.end > from);
        let mut here: Vec<&MentionReport> = carry.clone();
        while cursor < marks.len() && marks[cursor].start < to {
            if marks[cursor].end > from {
                here.push(marks[cursor]);
            }
            cursor += 1;
        }
        // Marks nest or are disjoint (see `plan`); clip them to [from, to).
        let mut open: Vec<usize> = Vec::new();
        let mut at = from;
        for m in &here {
            let (s, e) = (m.start.max(from), m.end.min(to));
            while let Some(&end) = open.last() {
                if end <= s {
                    out.push_str(&escape(text.get(at..end).unwrap_or("")));
                    out.push_str("</mark>");
                    at = end;
                    open.pop();
                } else {
                    break;
                }
            }
            if s < at || s >= e {
                continue;
            }
            out.push_str(&escape(text.get(at..s).unwrap_or("")));
            open_mark(m, out);
            at = s;
            open.push(e);
        }
        while let Some(end) = open.pop() {
            out.push_str(&escape(text.get(at..end).unwrap_or("")));
            out.push_str("</mark>");
            at = end;
        }
        out.push_str(&escape(text.get(at..to).unwrap_or("")));
        carry = here.into_iter().filter(|m| m.end > to).collect();
    };
    if !looks_like_html(text) {
        marked(0, text.len(), out);
        return;
    }
    let mut tags: Vec<&str> = Vec::new();
    for piece in structure(text) {
        match piece {
            Piece::Open { tag, href } => {
                match href {
                    Some(h) => out.push_str(&format!("<{tag} href=\"{}\" rel=\"noopener noreferrer nofollow\">", escape(&h))),
                    None => out.push_str(&format!("<{tag}>")),
                }
                tags.push(tag);
            }
            Piece::Close => {
                if let Some(tag) = tags.pop() {
                    out.push_str(&format!("</{tag}>"));
                }
            }
            Piece::Break => out.push_str("<br>"),
            Piece::Text { source: (s, e), text: shown } => {
                if e - s == shown.len() {
                    marked(s, e, out);
                } else {
                    out.push_str(&escape(&shown));
                }
            }
        }
    }
}

/// The widget's stylesheet in [`widget_html`].
#[derive(Debug, Clone, Copy)]
pub enum WidgetStyle<'a> {
    /// A `<link rel="stylesheet">` to this URL (the widget's `crossread.css`),
    /// as the live widget does: allowed by a Content-Security-Policy that
    /// forbids inline styles.
    Link(&'a str),
    /// The CSS itself, in a `<style>` element.
    Inline(&'a str),
}

/// What `<crossread-reader>` shows once it has analysed a cluster, as HTML
/// for its shadow root: the summary, the tabs, the first article with its
/// marks and their details, and the disagreements. A server sends it inside
/// `<template shadowrootmode="open">` so that the marks paint with the page,
/// before any script has run (see the CLI's `prerender`); the widget's
/// module then analyses the same cluster and puts its live view in place.
/// The markup is the live widget's (the same classes, attributes and ids
/// under the prefix `crs`), so its stylesheet and print styles apply.
pub fn widget_html(report: &Report, articles: &[crate::Article], style: WidgetStyle<'_>) -> String {
    const PREFIX: &str = "crs";
    let mut article = String::new();
    let mut tips = String::new();
    if let (Some(a), Some(shown)) = (articles.first(), report.articles.first()) {
        let text = &a.text;
        let marks = MarkTags::new(report, shown, PREFIX);
        article.push_str(if looks_like_html(text) { "<div class=\"cr-text\" data-html=\"\">" } else { "<div class=\"cr-text\">" });
        let mut opened: Vec<String> = Vec::new();
        write_marked(&mut article, text, &marks_of(shown, text), &mut |m, out| {
            // Only a mark's first piece is focusable, carries its id and has its details.
            let first = !opened.contains(&m.id);
            out.push_str(&marks.start_tag(m, first));
            if first {
                tips.push_str(&marks.tip(m));
                opened.push(m.id.clone());
            }
        });
        article.push_str("</div>");
    }
    widget_shell(report, style, true, &article, &tips)
}

/// [`widget_html`] for a widget that marks the host page's own article in
/// place (`for=`): its summary and disagreements, the article left to the
/// page (a `<slot>`, as the live widget has). The article's marks are
/// [`marks_in_place`].
pub fn widget_html_in_place(report: &Report, style: WidgetStyle<'_>) -> String {
    widget_shell(report, style, false, "<slot></slot>", "")
}

/// The widget's frame around its article box: stylesheet, summary, tabs (for
/// a widget that shows its articles itself), disagreements, details.
fn widget_shell(report: &Report, style: WidgetStyle<'_>, tabs: bool, article: &str, tips: &str) -> String {
    let mut out = String::with_capacity(article.len() + tips.len() + 4096);
    match style {
        WidgetStyle::Link(url) => out.push_str(&format!("<link rel=\"stylesheet\" href=\"{}\">", escape(url))),
        // `</` cannot end the element early once escaped as CSS (`<\/`).
        WidgetStyle::Inline(css) => out.push_str(&format!("<style>{}</style>", css.replace("</", "<\\/"))),
    }
    out.push_str("<div class=\"cr-root\" part=\"root\" data-prerendered=\"\"><p class=\"cr-status\" role=\"status\"></p>");
    out.push_str(&format!("<section class=\"cr-summary\" aria-label=\"Summary\">{}</section>", escape(&report.summary())));
    out.push_str("<div class=\"cr-tabs\" role=\"group\" aria-label=\"Articles\">");
    for (i, a) in report.articles.iter().enumerate().filter(|_| tabs) {
        let label = a.source.as_deref().filter(|s| !s.is_empty()).unwrap_or(&a.id);
        out.push_str(&format!(
            "<button type=\"button\" data-article=\"{}\" aria-pressed=\"{}\">{}</button>",
            escape(&a.id),
            i == 0,
            escape(label)
        ));
    }
    out.push_str(&format!("</div><div class=\"cr-layout\"><div class=\"cr-article\">{article}</div>"));
    out.push_str("<aside class=\"cr-panel\" aria-label=\"Disagreements\"><h2>Disagreements</h2><ol class=\"cr-list\">");
    let disputed = report.groups.iter().filter(|g| g.verdict != crate::Verdict::Agree);
    for (i, g) in disputed.clone().enumerate() {
        out.push_str(&format!("<li><button type=\"button\">{}. {} ({}): {}</button>", i + 1, verdict_label(g.verdict), escape(&g.about), escape(&g.explanation)));
        for note in &g.notes {
            out.push_str(&format!("<p class=\"cr-note\">Note: {}</p>", escape(note)));
        }
        out.push_str("</li>");
    }
    if disputed.count() == 0 {
        out.push_str("<li>No disagreements found.</li>");
    }
    out.push_str("</ol></aside></div>");
    out.push_str(&format!("<div class=\"cr-tips\" hidden=\"\">{tips}</div></div>"));
    out
}

/// The start tags and details of one article's marks, as the live widget
/// writes them (`web::dom::enhance`), ids under `prefix`.
struct MarkTags<'r> {
    tips: crate::report::Tooltips<'r>,
    /// Footnote numbers: the disagreements in report order, as the panel lists them.
    disputed: Vec<&'r crate::report::Group>,
    prefix: &'r str,
}

impl<'r> MarkTags<'r> {
    fn new(report: &'r Report, article: &'r ArticleReport, prefix: &'r str) -> Self {
        let disputed = report.groups.iter().filter(|g| g.verdict != crate::Verdict::Agree).collect();
        MarkTags { tips: report.tooltips_of(std::slice::from_ref(article)), disputed, prefix }
    }

    fn verdict(&self, m: &MentionReport) -> &'static str {
        self.tips.get(&m.id).and_then(|t| t.verdict).map_or("none", crate::Verdict::name)
    }

    /// A mark's start tag: its first piece is focusable, carries its id and footnote.
    fn start_tag(&self, m: &MentionReport, first: bool) -> String {
        let (kind, id, prefix, verdict) = (m.kind.name(), escape(&m.id), self.prefix, self.verdict(m));
        let mut tag = format!(
            "<mark class=\"cr-mark cr-{kind}\" data-crossread-mark=\"\" data-mention=\"{id}\" data-kind=\"{kind}\" data-verdict=\"{verdict}\" aria-describedby=\"{prefix}-tip-{id}\""
        );
        if first {
            tag.push_str(&format!(" id=\"{prefix}-{id}\" tabindex=\"0\""));
            if let Some(n) = self.disputed.iter().position(|g| g.members.contains(&m.id)) {
                tag.push_str(&format!(" data-footnote=\"{}\"", n + 1));
            }
        }
        tag.push('>');
        tag
    }

    /// A mark's details (hidden until the widget shows them), if it has any.
    fn tip(&self, m: &MentionReport) -> String {
        let Some(tip) = self.tips.get(&m.id) else { return String::new() };
        let (id, prefix) = (escape(&m.id), self.prefix);
        let mut out = format!(
            "<div id=\"{prefix}-tip-{id}\" class=\"cr-tip\" role=\"tooltip\" hidden=\"\" data-verdict=\"{}\"><strong>{}</strong>",
            self.verdict(m),
            escape(&tip.heading)
        );
        for line in &tip.lines {
            out.push_str(&format!("<p>{}</p>", escape(line)));
        }
        out.push_str("</div>");
        out
    }
}

/// One mark of an article marked in place, by byte range in its text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedMark {
    pub start: usize,
    pub end: usize,
    /// The start tag of the mark's first piece (focusable, with its id).
    pub first_tag: String,
    /// The start tag of any further piece (a quote over two paragraphs).
    pub next_tag: String,
}

/// The marks of article `index` of `report`, whose analysed text is
/// `text`, for a server to put into the host page's own markup (see the
/// CLI's `prerender`), in document order, outer before inner, ids under
/// `prefix`; and their details, as HTML for a hidden element after the article.
pub fn marks_in_place(report: &Report, index: usize, text: &str, prefix: &str) -> (Vec<PlacedMark>, String) {
    let Some(article) = report.articles.get(index) else { return (Vec::new(), String::new()) };
    let tags = MarkTags::new(report, article, prefix);
    let mut tips = String::new();
    let marks = marks_of(article, text)
        .into_iter()
        .map(|m| {
            tips.push_str(&tags.tip(m));
            PlacedMark { start: m.start, end: m.end, first_tag: tags.start_tag(m, true), next_tag: tags.start_tag(m, false) }
        })
        .collect();
    (marks, tips)
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


