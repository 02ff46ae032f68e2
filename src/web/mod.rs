//! WebAssembly bindings: the only module that names wasm-bindgen, web-sys,
//! js-sys or serde-wasm-bindgen. It translates and builds DOM nodes; every
//! content decision (what is a mention, tooltip text, verdicts) is made by
//! the core. Article text only ever becomes text nodes, never markup.

use crate::render::{article_view, ArticleView, ViewPiece};
use crate::text::{safe_href, ALLOWED_TAGS};
use crate::{Article, Error, Report};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

mod decode;
mod dom;
mod tape;

/// The allocator: talc instead of Rust's default for wasm, dlmalloc. An
/// analysis makes many small allocations; talc is smaller and faster at them
/// (measured in the README's "Where the wasm bytes go"). In front of it,
/// [`Pooled`] keeps freed small blocks for reuse.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: Pooled = Pooled { talc: talc::wasm::new_wasm_dynamic_allocator(), free: std::cell::UnsafeCell::new([std::ptr::null_mut(); POOLED_CLASSES]) };

/// Blocks of up to `8 * POOLED_CLASSES` bytes come in sizes of 8, 16, 24, ...
const POOLED_CLASSES: usize = 8;

/// Small blocks from a free list per size: an analysis makes thousands of
/// allocations, two thirds of them 16 bytes or less (short strings, lists of
/// one or two indices), and popping a list is cheaper than talc's search.
/// Freed small blocks stay in their list, for the next analysis. Measured
/// in Node, two builds alternated: 5 articles 0.95 of talc's time alone,
/// 500 articles 1.01; wasm + glue 149.68 -> 149.90 KB gzipped.
struct Pooled {
    talc: talc::wasm::WasmDynamicTalc,
    /// The first free block of each size; each free block holds the next.
    free: std::cell::UnsafeCell<[*mut u8; POOLED_CLASSES]>,
}

// SAFETY: a wasm module without atomics has one thread.
#[cfg(not(target_feature = "atomics"))]
unsafe impl Sync for Pooled {}

impl Pooled {
    /// talc's allocation, in one place in the module rather than inlined into each caller.
    #[inline(never)]
    unsafe fn talc_alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        unsafe { std::alloc::GlobalAlloc::alloc(&self.talc, layout) }
    }

    #[inline(never)]
    unsafe fn talc_dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        unsafe { std::alloc::GlobalAlloc::dealloc(&self.talc, ptr, layout) }
    }

    /// The size class of `layout`, if it is pooled.
    fn class(layout: std::alloc::Layout) -> Option<usize> {
        (layout.align() <= 8 && layout.size() <= 8 * POOLED_CLASSES).then(|| layout.size().saturating_sub(1) / 8)
    }
}

// Not inlined: in every allocating call site, the fast paths cost 0.8 KB
// gzipped. No realloc of its own: the default (allocate, copy, free) keeps
// 0.3 KB out and times the same (Node, 5 and 500 articles).
unsafe impl std::alloc::GlobalAlloc for Pooled {
    #[inline(never)]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let Some(class) = Pooled::class(layout) else { return unsafe { self.talc_alloc(layout) } };
        // SAFETY: one thread; a free block's first word holds the next free block.
        unsafe {
            let free = &mut (*self.free.get())[class];
            if free.is_null() {
                return self.talc_alloc(std::alloc::Layout::from_size_align_unchecked(8 * (class + 1), 8));
            }
            let block = *free;
            *free = block.cast::<*mut u8>().read();
            block
        }
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        let Some(class) = Pooled::class(layout) else { return unsafe { self.talc_dealloc(ptr, layout) } };
        // SAFETY: as in alloc; the block is at least 8 bytes, aligned to 8.
        unsafe {
            let free = &mut (*self.free.get())[class];
            ptr.cast::<*mut u8>().write(*free);
            *free = ptr;
        }
    }
}

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
    decode::cluster(&input).map_err(|e| js_error(&Error::bad_input(format!("expected {{articles: [{{id, text}}]}}: {e}"))))
}

/// A JS `Error` whose `message` is the error's text and `code` its stable code.
fn js_error(e: &Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    let _ = js_sys::Reflect::set(&error, &JsValue::from_str("code"), &JsValue::from_str(e.code()));
    error.into()
}

/// The report as plain objects, by way of a tape (see [`tape`]).
fn report_to_js(report: &Report) -> Result<JsValue, JsValue> {
    tape::to_js(report).map_err(|e| JsValue::from(js_sys::Error::new(&e)))
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
    report_to_js(&report)
}

/// An analysed cluster that can render its articles with marks and tooltips.
#[wasm_bindgen]
pub struct Analysis {
    report: Report,
    texts: Vec<String>,
}

#[wasm_bindgen]
impl Analysis {
    /// Analyses a cluster (an object or its JSON text), calling `progress`
    /// (if given) with `(done, total)` about forty times along the way.
    /// Throws an `Error` with a `code` on bad input.
    #[wasm_bindgen(constructor)]
    pub fn new(input: JsValue, progress: Option<js_sys::Function>) -> Result<Analysis, JsValue> {
        let articles = decode(input)?;
        let mut tell = |p: crate::Progress| {
            if let Some(f) = &progress {
                let _ = f.call2(&JsValue::NULL, &JsValue::from(p.done as u32), &JsValue::from(p.total as u32));
            }
        };
        let report = crate::analyze_with_progress(&articles, &mut tell).map_err(|e| js_error(&e))?;
        Ok(Analysis { report, texts: articles.into_iter().map(|a| a.text).collect() })
    }

    /// The report as a plain object (the CLI's `--json` format).
    #[wasm_bindgen(getter)]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        report_to_js(&self.report)
    }

    /// The report as JSON text, for export (by the browser's JSON
    /// serializer: no JSON code ships in the wasm module).
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> Result<String, JsValue> {
        let value = report_to_js(&self.report)?;
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
    /// article is shown with its allowed structure only.
    #[wasm_bindgen(js_name = renderArticle)]
    pub fn render_article(&self, article_id: &str, target: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        build_view(&self.view_of(article_id, false)?, target, tips, prefix)
    }

    /// Marks article `article_id` in place inside `root`, an element already
    /// on the page whose text (see [`text_of`]) is the article's text: its own
    /// markup stays, text nodes are split and wrapped in `<mark>`s.
    pub fn enhance(&self, article_id: &str, root: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
        mark_in_place(&self.view_of(article_id, true)?, article_id, root, tips, prefix)
    }

    /// What `renderArticle` (or with `inPlace`, `enhance`) shows of article
    /// `article_id`, as plain data for `renderView` / `enhanceView`: how a
    /// Web Worker that holds the analysis hands an article to the page.
    pub fn view(&self, article_id: &str, in_place: bool) -> Result<JsValue, JsValue> {
        to_js(&self.view_of(article_id, in_place)?)
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
    fn view_of(&self, article_id: &str, in_place: bool) -> Result<ArticleView, JsValue> {
        self.report
            .articles
            .iter()
            .position(|a| a.id == article_id)
            .and_then(|index| article_view(&self.report, index, &self.texts[index], in_place))
            .ok_or_else(|| js_error(&Error::bad_input(format!("no article \"{article_id}\" in this analysis"))))
    }
}

fn from_js_view(view: JsValue) -> Result<ArticleView, JsValue> {
    decode::article_view(&view).map_err(|e| js_error(&Error::bad_input(format!("not an article view: {e}"))))
}

/// Builds an article view (from `Analysis.view(id, false)`, perhaps made in
/// a worker) into `target`, as `renderArticle` does. Returns the number of marks.
#[wasm_bindgen(js_name = renderView)]
pub fn render_view(view: JsValue, target: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
    build_view(&from_js_view(view)?, target, tips, prefix)
}

/// Marks an article view (from `Analysis.view(id, true)`) in place inside
/// `root`, as `enhance` does. Returns the number of marks.
#[wasm_bindgen(js_name = enhanceView)]
pub fn enhance_view(view: JsValue, root: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
    mark_in_place(&from_js_view(view)?, "the article", root, tips, prefix)
}

fn build_view(view: &ArticleView, target: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
    let document = target.owner_document().ok_or_else(|| JsValue::from_str("target is not in a document"))?;
    target.set_text_content(None);
    tips.set_text_content(None);
    match &view.structure {
        None => {
            target.append_child(&document.create_text_node(&view.text))?;
        }
        Some(pieces) => {
            // The allowed structure rebuilt element by element (never parsed
            // as markup), its text as text nodes.
            let mut stack: Vec<Element> = vec![target.clone()];
            for piece in pieces {
                let parent = stack.last().cloned().unwrap_or_else(|| target.clone());
                match piece {
                    ViewPiece::Open { tag, href } => {
                        // A view may come from elsewhere (a worker): only allowed tags become elements.
                        let tag = ALLOWED_TAGS.iter().find(|t| **t == tag).copied().unwrap_or("span");
                        let element = document.create_element(tag)?;
                        if let Some(h) = href.as_deref().filter(|_| tag == "a").and_then(safe_href) {
                            element.set_attribute("href", &h)?;
                            element.set_attribute("rel", "noopener noreferrer nofollow")?;
                        }
                        parent.append_child(&element)?;
                        stack.push(element);
                    }
                    ViewPiece::Close => {
                        if stack.len() > 1 {
                            stack.pop();
                        }
                    }
                    ViewPiece::Break => {
                        let br = document.create_element("br")?;
                        parent.append_child(&br)?;
                    }
                    ViewPiece::Text { text } => {
                        parent.append_child(&document.create_text_node(text))?;
                    }
                }
            }
            target.set_attribute("data-html", "")?;
        }
    }
    dom::enhance(&document, target, &view.marks, tips, prefix)
}

fn mark_in_place(view: &ArticleView, name: &str, root: &Element, tips: &Element, prefix: &str) -> Result<u32, JsValue> {
    if dom::text_of(root) != view.text {
        return Err(js_error(&Error::bad_input(format!("the page's text of \"{name}\" changed since it was analysed; analyse it again"))));
    }
    let document = root.owner_document().ok_or_else(|| JsValue::from_str("root is not in a document"))?;
    tips.set_text_content(None);
    dom::enhance(&document, root, &view.marks, tips, prefix)
}

/// The article text of an element as `Analysis.enhance` reads it: its text
/// nodes joined, without scripts, styles and templates.
#[wasm_bindgen(js_name = textOf)]
pub fn text_of(root: &Element) -> String {
    dom::text_of(root)
}

