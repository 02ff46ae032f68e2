//! WebAssembly bindings: the only module that names wasm-bindgen, web-sys,
//! js-sys or serde-wasm-bindgen. It translates and builds DOM nodes; every
//! content decision (what is a mention, tooltip text, verdicts) is made by
//! the core. Article text only ever becomes text nodes, never markup.

use crate::render::{plan, Event};
use crate::text::Piece;
use crate::{Article, Error, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

mod dom;

thread_local! {
    static LAST_PANIC: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Keeps the message of a panic, which would otherwise end as a bare
/// "unreachable" trap, so the widget can show what went wrong.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("internal error: {info}");
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(message));
    }));
}

/// The message of the last panic inside crossread, if one happened.
#[wasm_bindgen(js_name = lastPanic)]
pub fn last_panic() -> Option<String> {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// The cluster input: `{"articles": [{"id", "text", "published"?, "title"?, "source"?, "url"?}]}`.
fn decode(input: JsValue) -> Result<Vec<Article>, JsValue> {
    // JSON text is parsed by the browser's own JSON parser, which keeps a
    // JSON parser out of the wasm module.
    let input = match input.as_string() {
        Some(json) => js_sys::JSON::parse(&json).map_err(|e| {
            let reason = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            js_error(&Error::bad_input(format!("cluster JSON: {reason}")))
        })?,
        None => input,
    };
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

    /// The report as JSON text, for export (by the browser's JSON
    /// serializer: no JSON code ships in the wasm module).
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> Result<String, JsValue> {
        let value = to_js(&self.report)?;
        let text = js_sys::JSON::stringify_with_replacer_and_space(&value, &JsValue::NULL, &JsValue::from_f64(2.0))?;
        Ok(text.into())
    }

    /// The tooltip of one mention: `{heading, verdict, lines}`.
    pub fn tooltip(&self, mention_id: &str) -> Result<JsValue, JsValue> {
        to_js(&self.report.tooltip(mention_id))
    }

    /// Replaces the children of `target` with the text of article
    /// `article_id`, each mention a focusable `<mark>` described by a tooltip
    /// element appended to `tips`. Ids are prefixed with `prefix` so several
    /// widgets can share a page. Returns the number of marks. An HTML
    /// article is shown as its text, tags blanked.
    #[wasm_bindgen(js_name = renderArticle)]
    pub fn render_article(&self, article_id: &str, target: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        let index = self.index(article_id)?;
        let source = &self.texts[index];
        let document = target.owner_document().ok_or_else(|| JsValue::from_str("target is not in a document"))?;
        target.set_text_content(None);
        tips.set_text_content(None);
        if !crate::text::looks_like_html(source) {
            target.append_child(&document.create_text_node(source))?;
            return self.mark(index, source, &|b| b, &document, target, tips, prefix);
        }
        // An HTML article: its allowed structure rebuilt element by element
        // (never parsed as markup), its text as text nodes.
        let pieces = crate::text::structure(source);
        let mut stack: Vec<Element> = vec![target.clone()];
        for piece in &pieces {
            let parent = stack.last().cloned().unwrap_or_else(|| target.clone());
            match piece {
                Piece::Open { tag, href } => {
                    let element = document.create_element(tag)?;
                    if let Some(h) = href {
                        element.set_attribute("href", h)?;
                        element.set_attribute("rel", "noopener noreferrer nofollow")?;
                    }
                    parent.append_child(&element)?;
                    stack.push(element);
                }
                Piece::Close => {
                    if stack.len() > 1 {
                        stack.pop();
                    }
                }
                Piece::Break => {
                    let br = document.create_element("br")?;
                    parent.append_child(&br)?;
                }
                Piece::Text { text, .. } => {
                    parent.append_child(&document.create_text_node(text))?;
                }
            }
        }
        target.set_attribute("data-html", "")?;
        let shown = crate::text::ShownText::new(&pieces);
        self.mark(index, &shown.text, &|b| shown.shown(b), &document, target, tips, prefix)
    }

    /// Marks article `article_id` in place inside `root`, an element already
    /// on the page whose text (see [`text_of`]) is the article's text: its own
    /// markup stays, text nodes are split and wrapped in `<mark>`s.
    pub fn enhance(&self, article_id: &str, root: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        let index = self.index(article_id)?;
        let shown = dom::text_of(root);
        if shown != self.texts[index] {
            return Err(js_error(&Error::bad_input(format!(
                "the page's text of \"{article_id}\" changed since it was analysed; analyse it again"
            ))));
        }
        let document = root.owner_document().ok_or_else(|| JsValue::from_str("root is not in a document"))?;
        tips.set_text_content(None);
        self.mark(index, &shown, &|b| b, &document, root, tips, prefix)
    }

    /// One summary line: articles, mentions, facts, verdicts.
    pub fn summary(&self) -> String {
        self.report.summary()
    }

    /// The findings as Markdown a fact-checker can paste.
    pub fn markdown(&self) -> String {
        self.report.markdown()
    }
}

impl Analysis {
    fn index(&self, article_id: &str) -> Result<usize, JsValue> {
        self.report
            .articles
            .iter()
            .position(|a| a.id == article_id)
            .ok_or_else(|| js_error(&Error::bad_input(format!("no article \"{article_id}\" in this analysis"))))
    }

    /// Marks the mentions of article `index` under `root`, whose text is
    /// `shown`; `to_shown` maps a byte offset of the article as given to a
    /// byte offset of `shown`.
    #[allow(clippy::too_many_arguments)]
    fn mark(&self, index: usize, shown: &str, to_shown: &dyn Fn(usize) -> usize, document: &web_sys::Document, root: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        let article = &self.report.articles[index];
        let source = &self.texts[index];
        let utf16 = crate::text::Utf16Index::new(shown);
        let mut tips_by_id = self.report.tooltips();
        let specs: Vec<dom::MarkSpec<'_>> = plan(article, source)
            .into_iter()
            .filter_map(|e| match e {
                Event::Start(m) => Some(dom::MarkSpec {
                    start16: utf16.to_utf16(to_shown(m.start)) as u32,
                    end16: utf16.to_utf16(to_shown(m.end)) as u32,
                    id: &m.id,
                    kind: m.kind.name(),
                    tip: tips_by_id.remove(m.id.as_str()),
                }),
                _ => None,
            })
            .collect();
        dom::enhance(document, root, &specs, tips, prefix)
    }
}

/// The article text of an element as `Analysis.enhance` reads it: its text
/// nodes joined, without scripts, styles and templates.
#[wasm_bindgen(js_name = textOf)]
pub fn text_of(root: &Element) -> String {
    dom::text_of(root)
}

