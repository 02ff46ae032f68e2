//! WebAssembly bindings: the only module that names wasm-bindgen, web-sys,
//! js-sys or serde-wasm-bindgen. It translates and builds DOM nodes; every
//! content decision (what is a mention, tooltip text, verdicts) is made by
//! the core. Article text only ever becomes text nodes, never markup.

use crate::render::{plan, Event};
use crate::{Article, Error, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

/// The cluster input: `{"articles": [{"id", "text", "published"?, "title"?, "source"?, "url"?}]}`.
fn decode(input: JsValue) -> Result<Vec<Article>, JsValue> {
    if let Some(json) = input.as_string() {
        let cluster: crate::Cluster =
            serde_json::from_str(&json).map_err(|e| js_error(&Error::bad_input(format!("cluster JSON: {e}"))))?;
        return Ok(cluster.articles);
    }
    let cluster: crate::Cluster = serde_wasm_bindgen::from_value(input)
        .map_err(|e| js_error(&Error::bad_input(format!("expected {{articles: [{{id, text}}]}}: {e}"))))?;
    Ok(cluster.articles)
}

/// A JS `Error` whose `message` is the error's text and `code` its stable code.
fn js_error(e: &Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(e.code()));
    error.into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Analyses a cluster (an object or its JSON text) and returns the report
/// as a plain object. Throws an `Error` with a `code` on bad input.
#[wasm_bindgen]
pub fn analyze(input: JsValue) -> Result<JsValue, JsValue> {
    let articles = decode(input)?;
    let report = crate::analyze(&articles).map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// An analysed cluster that can render its articles with marks and tooltips.
#[wasm_bindgen]
pub struct Analysis {
    report: Report,
    texts: Vec<String>,
}

#[wasm_bindgen]
impl Analysis {
    /// Analyses a cluster (an object or its JSON text). Throws an `Error`
    /// with a `code` on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue) -> Result<Analysis, JsValue> {
        let articles = decode(input)?;
        let report = crate::analyze(&articles).map_err(|e| js_error(&e))?;
        Ok(Analysis { report, texts: articles.into_iter().map(|a| a.text).collect() })
    }

    /// The report as a plain object (the CLI's `--json` format).
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        to_js(&self.report)
    }

    /// The report as JSON text, for export.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> String {
        serde_json::to_string_pretty(&self.report).unwrap_or_default()
    }

    /// The tooltip of one mention: `{heading, verdict, lines}`.
    pub fn tooltip(&self, mention_id: &str) -> Result<JsValue, JsValue> {
        to_js(&self.report.tooltip(mention_id))
    }

    /// Replaces the children of `target` with the text of article
    /// `article_id`, each mention a focusable `<mark>` described by a tooltip
    /// element appended to `tips`. Ids are prefixed with `prefix` so several
    /// widgets can share a page. Returns the number of marks.
    #[wasm_bindgen(js_name = renderArticle)]
    pub fn render_article(&self, article_id: &str, target: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        let index = self
            .report
            .articles
            .iter()
            .position(|a| a.id == article_id)
            .ok_or_else(|| js_error(&Error::bad_input(format!("no article \"{article_id}\" in this analysis"))))?;
        let article = &self.report.articles[index];
        let text = &self.texts[index];
        let document = target.owner_document().ok_or_else(|| JsValue::from_str("target is not in a document"))?;
        target.set_text_content(None);
        tips.set_text_content(None);
        let mut stack: Vec<Element> = vec![target.clone()];
        let mut marks = 0;
        for event in plan(article, text) {
            match event {
                Event::Text(start, end) => {
                    let node = document.create_text_node(&text[start..end]);
                    stack.last().unwrap_or(target).append_child(&node)?;
                }
                Event::Start(m) => {
                    let tip = self.report.tooltip(&m.id);
                    let verdict = tip.as_ref().and_then(|t| t.verdict).map_or("none", |v| match v {
                        crate::Verdict::Agree => "agree",
                        crate::Verdict::Conflict => "conflict",
                        crate::Verdict::Variant => "variant",
                    });
                    let mark = document.create_element("mark")?;
                    mark.set_class_name(&format!("cr-mark cr-{}", m.kind.name()));
                    mark.set_id(&format!("{prefix}-{}", m.id));
                    mark.set_attribute("tabindex", "0")?;
                    mark.set_attribute("data-mention", &m.id)?;
                    mark.set_attribute("data-kind", m.kind.name())?;
                    mark.set_attribute("data-verdict", verdict)?;
                    let tip_id = format!("{prefix}-tip-{}", m.id);
                    mark.set_attribute("aria-describedby", &tip_id)?;
                    if let Some(t) = tip {
                        let tip_element = tooltip_element(&document, &tip_id, &t)?;
                        tips.append_child(&tip_element)?;
                    }
                    stack.last().unwrap_or(target).append_child(&mark)?;
                    stack.push(mark);
                    marks += 1;
                }
                Event::End => {
                    if stack.len() > 1 {
                        stack.pop();
                    }
                }
            }
        }
        Ok(marks)
    }
}

fn tooltip_element(document: &Document, id: &str, tip: &crate::Tooltip) -> Result<Element, JsValue> {
    let el = document.create_element("div")?;
    el.set_id(id);
    el.set_class_name("cr-tip");
    el.set_attribute("role", "tooltip")?;
    el.set_attribute("hidden", "")?;
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
