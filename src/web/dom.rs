//! Marks in a live DOM: splits text nodes at mention boundaries and wraps the
//! pieces in `<mark>` elements, so an article keeps its own markup (links,
//! emphasis, paragraphs) when it is enhanced in place. Only text nodes are
//! created or moved; no markup is ever parsed.

use crate::render::MarkView;
use crate::report::Tooltip;
use crate::Verdict;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, Text};

/// Elements whose text is not article text.
fn skipped(node: &Node) -> bool {
    node.dyn_ref::<Element>().is_some_and(|e| {
        crate::text::NOT_ARTICLE_TEXT.contains(&e.tag_name().to_ascii_lowercase().as_str()) || e.has_attribute("data-crossread-ignore")
    })
}

/// The text nodes under `root`, in document order.
pub fn text_nodes(root: &Node) -> Vec<Text> {
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        if let Some(text) = node.dyn_ref::<Text>() {
            out.push(text.clone());
            continue;
        }
        if skipped(&node) && !node.is_same_node(Some(root)) {
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    out
}

/// The article text of `root`: its text nodes joined, as `enhance` sees it.
pub fn text_of(root: &Node) -> String {
    text_nodes(root).iter().map(|t| t.data()).collect()
}

fn verdict_name(v: Option<Verdict>) -> &'static str {
    v.map_or("none", Verdict::name)
}

/// Wraps each mark's text in `<mark>` elements under `root` (outer marks
/// first, so inner ones nest; offsets are UTF-16 into the concatenated text
/// of the root), and appends each tooltip to `tips`. Returns how many
/// mentions were marked.
pub fn enhance(document: &Document, root: &Node, marks: &[MarkView], tips: &Element, prefix: &str) -> Result<u32, JsValue> {
    // 1. Split text nodes at every boundary.
    let mut cuts: Vec<u32> = marks.iter().flat_map(|m| [m.start16, m.end16]).collect();
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut pieces: Vec<(u32, u32, Text)> = Vec::new();
    let mut offset = 0u32;
    for node in text_nodes(root) {
        let len = node.length();
        let inner: Vec<u32> = cuts.iter().copied().filter(|&c| c > offset && c < offset + len).collect();
        let mut current = node;
        let mut at = offset;
        for cut in inner {
            let rest = current.split_text(cut - at)?;
            pieces.push((at, cut, current));
            current = rest;
            at = cut;
        }
        pieces.push((at, offset + len, current));
        offset += len;
    }
    // 2. Wrap the pieces of each mark, by runs of siblings.
    let mut count = 0;
    for m in marks {
        // Pieces are in text order and split at every boundary: the mark's
        // pieces are the run starting at its start.
        let first = pieces.partition_point(|(s, _, _)| *s < m.start16);
        let inside: Vec<&Text> = pieces[first..].iter().take_while(|(_, e, _)| *e <= m.end16).filter(|(s, e, _)| s < e).map(|(_, _, t)| t).collect();
        if inside.is_empty() {
            continue;
        }
        let tip_id = format!("{prefix}-tip-{}", m.id);
        let mut runs: Vec<Vec<&Text>> = Vec::new();
        for t in inside {
            match runs.last_mut() {
                Some(run) if run.last().and_then(|p| p.next_sibling()).is_some_and(|n| n.is_same_node(Some(t))) => run.push(t),
                _ => runs.push(vec![t]),
            }
        }
        let verdict = verdict_name(m.tip.as_ref().and_then(|t| t.verdict));
        for (i, run) in runs.iter().enumerate() {
            let mark = document.create_element("mark")?;
            mark.set_class_name(&format!("cr-mark cr-{}", m.kind));
            mark.set_attribute("data-crossread-mark", "")?;
            mark.set_attribute("data-mention", &m.id)?;
            mark.set_attribute("data-kind", &m.kind)?;
            mark.set_attribute("data-verdict", verdict)?;
            mark.set_attribute("aria-describedby", &tip_id)?;
            if i == 0 {
                mark.set_id(&format!("{prefix}-{}", m.id));
                mark.set_attribute("tabindex", "0")?;
            }
            let first: &Node = run[0].as_ref();
            let parent = first.parent_node().ok_or_else(|| JsValue::from_str("text node without parent"))?;
            parent.insert_before(&mark, Some(first))?;
            for t in run {
                mark.append_child(t)?;
            }
        }
        if let Some(tip) = &m.tip {
            let element = tooltip_element(document, &tip_id, tip)?;
            tips.append_child(&element)?;
        }
        count += 1;
    }
    Ok(count)
}

fn tooltip_element(document: &Document, id: &str, tip: &Tooltip) -> Result<Element, JsValue> {
    let el = document.create_element("div")?;
    el.set_id(id);
    el.set_class_name("cr-tip");
    el.set_attribute("role", "tooltip")?;
    el.set_attribute("hidden", "")?;
    el.set_attribute("data-verdict", verdict_name(tip.verdict))?;
    let heading = document.create_element("strong")?;
    heading.set_text_content(Some(&tip.heading));
    el.append_child(&heading)?;
    for line in &tip.lines {
        let p = document.create_element("p")?;
        p.set_text_content(Some(line));
        el.append_child(&p)?;
    }
    Ok(el)
}
