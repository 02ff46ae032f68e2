//! Browser tests of the wasm boundary and the DOM rendering, run by
//! `wasm-pack test --headless --chrome` and `--firefox`. Real corpus text in,
//! marks and tooltip text out.
#![cfg(target_arch = "wasm32")]

use crossread::web::{analyze, Analysis};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const A000: &str = include_str!("../www/corpus/kenya-haiti/000_ab610103825d78f6.txt");
const A001: &str = include_str!("../www/corpus/kenya-haiti/001_d100ab99cad84b3b.txt");
const A002: &str = include_str!("../www/corpus/kenya-haiti/002_9bc17c87cdb306d3.txt");

fn cluster(articles: &[(&str, &str)]) -> JsValue {
    let list: Vec<serde_json::Value> = articles.iter().map(|(id, text)| serde_json::json!({ "id": id, "text": text })).collect();
    JsValue::from_str(&serde_json::json!({ "articles": list }).to_string())
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_report_object() {
    let report = analyze(cluster(&[("000", A000), ("002", A002)])).unwrap();
    let articles: js_sys::Array = get(&report, "articles").dyn_into().unwrap();
    assert_eq!(articles.length(), 2);
    let groups: js_sys::Array = get(&report, "groups").dyn_into().unwrap();
    let explanations: Vec<String> = groups.iter().map(|g| get(&g, "explanation").as_string().unwrap()).collect();
    assert!(explanations.iter().any(|e| e == "382 in 000 · 400 in 002"), "{explanations:?}");
    // null, not undefined, for absent values (json_compatible)
    let first = js_sys::Array::from(&get(&articles.get(0), "mentions")).get(0);
    assert!(get(&first, "speaker").is_null());
}

#[wasm_bindgen_test]
fn bad_input_throws_an_error_with_a_code() {
    let error = analyze(cluster(&[("a", "text"), ("a", "more")])).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("duplicate-id"));
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("\"a\""), "{message}");
    let error = analyze(JsValue::from_str("{not json")).unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-input"));
}

#[wasm_bindgen_test]
fn utf16_offsets_slice_like_javascript() {
    let text = "👮🏿‍♀️ Jérémie: قال 382 officers left on June 25, 2024; “we are proud of them all,” Ruto said.";
    let report = analyze(cluster(&[("u", text)])).unwrap();
    let mentions = js_sys::Array::from(&get(&js_sys::Array::from(&get(&report, "articles")).get(0), "mentions"));
    assert!(mentions.length() >= 3);
    let js_text = js_sys::JsString::from(text);
    for m in mentions.iter() {
        let start = get(&m, "start16").as_f64().unwrap() as u32;
        let end = get(&m, "end16").as_f64().unwrap() as u32;
        let sliced: String = js_text.slice(start, end).into();
        assert_eq!(Some(sliced), get(&m, "text").as_string());
    }
}

#[wasm_bindgen_test]
fn render_marks_the_article_and_keeps_its_text() {
    let analysis = Analysis::new(cluster(&[("000", A000), ("001", A001), ("002", A002)]), None).unwrap();
    let doc = document();
    let target = doc.create_element("article").unwrap();
    let tips = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&target).unwrap();
    doc.body().unwrap().append_child(&tips).unwrap();
    let marks = analysis.render_article("000", &target, &tips, "t").unwrap();
    assert!(marks >= 10, "{marks} marks");
    assert_eq!(target.text_content().unwrap(), A000, "rendered text differs from the article");
    let first_382 = target.query_selector("mark[data-kind=number][data-verdict=conflict]").unwrap().unwrap();
    let tip_id = first_382.get_attribute("aria-describedby").unwrap();
    let tip = doc.get_element_by_id(&tip_id).unwrap();
    assert_eq!(tip.get_attribute("role").as_deref(), Some("tooltip"));
    let tip_text = tip.text_content().unwrap();
    assert!(tip_text.contains("Conflict") && tip_text.contains("400 in 002"), "{tip_text}");
    assert_eq!(first_382.get_attribute("tabindex").as_deref(), Some("0"));
}

#[wasm_bindgen_test]
fn markup_in_article_text_stays_text() {
    let hostile = "Officials said 382 <img src=x onerror=alert(1)> officers <script>alert(2)</script> arrived.";
    let analysis = Analysis::new(cluster(&[("x", hostile)]), None).unwrap();
    let doc = document();
    let target = doc.create_element("div").unwrap();
    let tips = doc.create_element("div").unwrap();
    analysis.render_article("x", &target, &tips, "h").unwrap();
    assert!(target.query_selector("img, script").unwrap().is_none());
    assert_eq!(target.text_content().unwrap(), hostile);
}

#[wasm_bindgen_test]
fn enhance_in_place_keeps_the_page_markup() {
    let doc = document();
    let story = doc.create_element("article").unwrap();
    // Built from text nodes and elements, as a CMS page would carry it.
    let p1 = doc.create_element("p").unwrap();
    p1.append_child(&doc.create_text_node("Kenya has already deployed ")).unwrap();
    let b = doc.create_element("b").unwrap();
    b.set_text_content(Some("382"));
    p1.append_child(&b).unwrap();
    p1.append_child(&doc.create_text_node(" officers, “we are proud of our 382 officers on the ground,” Ruto said on Thursday.")).unwrap();
    let a = doc.create_element("a").unwrap();
    a.set_attribute("href", "https://example.org/").unwrap();
    a.set_text_content(Some("Read the 👮 report"));
    p1.append_child(&a).unwrap();
    story.append_child(&p1).unwrap();
    doc.body().unwrap().append_child(&story).unwrap();
    let text = crossread::web::text_of(&story);
    let before = story.text_content().unwrap();
    let input = serde_json::json!({ "articles": [
        { "id": "page", "text": text },
        { "id": "wire", "text": "Kenya has already deployed 400 officers." }
    ]});
    let analysis = Analysis::new(JsValue::from_str(&input.to_string()), None).unwrap();
    let tips = doc.create_element("div").unwrap();
    let marked = analysis.enhance("page", &story, &tips, "p").unwrap();
    assert!(marked >= 3, "{marked}");
    assert_eq!(story.text_content().unwrap(), before, "text changed");
    assert!(story.query_selector("a[href]").unwrap().is_some(), "the link is gone");
    let bold_mark = story.query_selector("b > mark[data-kind=number]").unwrap().expect("382 inside <b> is marked");
    assert_eq!(bold_mark.get_attribute("data-verdict").as_deref(), Some("conflict"));
    // The number inside the quote nests in the quote's mark.
    assert!(story.query_selector("mark[data-kind=quote] mark[data-kind=number]").unwrap().is_some());
    // Analysing a changed page is refused with a clear message.
    b.set_text_content(Some("383"));
    let error = analysis.enhance("page", &story, &tips, "p").unwrap_err();
    assert!(get(&error, "message").as_string().unwrap().contains("changed since it was analysed"));
}

#[wasm_bindgen_test]
fn html_articles_keep_allowed_structure_only() {
    let html = "<article><h1>Kenya &amp; Haiti</h1><p onclick=\"alert(1)\">Kenya has already deployed <b>382</b> officers, \
                <a href=\"javascript:alert(2)\">see</a> <a href=\"https://example.org/\">source</a>.</p>\
                <img src=x onerror=alert(3)><script>alert(4)</script><svg><script>alert(5)</script></svg>\
                <p>&ldquo;We are proud of our officers on the ground,&rdquo; he said.</p></article>";
    let input = serde_json::json!({ "articles": [ { "id": "h", "text": html }, { "id": "w", "text": "Kenya has already deployed 400 officers." } ]});
    let analysis = Analysis::new(JsValue::from_str(&input.to_string()), None).unwrap();
    let doc = document();
    let target = doc.create_element("div").unwrap();
    let tips = doc.create_element("div").unwrap();
    analysis.render_article("h", &target, &tips, "s").unwrap();
    assert!(target.query_selector("img, script, svg, [onclick]").unwrap().is_none());
    assert!(target.query_selector("a[href^='javascript']").unwrap().is_none());
    assert!(target.query_selector("a[href='https://example.org/']").unwrap().is_some());
    assert!(target.query_selector("h1").unwrap().is_some());
    assert_eq!(target.text_content().unwrap(), "Kenya & HaitiKenya has already deployed 382 officers, see source.“We are proud of our officers on the ground,” he said.");
    let mark = target.query_selector("b > mark[data-kind=number]").unwrap().expect("382 marked inside <b>");
    assert_eq!(mark.text_content().unwrap(), "382");
    assert_eq!(mark.get_attribute("data-verdict").as_deref(), Some("conflict"));
    let quote = target.query_selector("mark[data-kind=quote]").unwrap().expect("quote marked");
    assert_eq!(quote.text_content().unwrap(), "We are proud of our officers on the ground,");
}

#[wasm_bindgen_test]
fn text_fidelity_for_every_kind_of_character() {
    let text = "\u{feff}Kenya 🇰🇪 sent 382 officers 👮🏿‍♀️ (e\u{301}quipe, Jérémie) on June 25, 2024.\r\nقال روتو “نحن فخورون بضباطنا هناك” שלום\u{200d}\u{2028}next\u{2029}line\u{85}end 400.";
    let input = serde_json::json!({ "articles": [ { "id": "t", "text": text }, { "id": "u", "text": "Kenya sent 400 officers." } ]});
    let analysis = Analysis::new(JsValue::from_str(&input.to_string()), None).unwrap();
    let doc = document();
    let target = doc.create_element("div").unwrap();
    let tips = doc.create_element("div").unwrap();
    let marks = analysis.render_article("t", &target, &tips, "f").unwrap();
    assert!(marks >= 2);
    assert_eq!(target.text_content().unwrap(), text);
}

#[wasm_bindgen_test]
fn every_corpus_mention_slices_the_same_in_javascript() {
    let texts = [("000", A000), ("001", A001), ("002", A002)];
    let report = analyze(cluster(&texts)).unwrap();
    let articles = js_sys::Array::from(&get(&report, "articles"));
    for (i, (_, text)) in texts.iter().enumerate() {
        let js_text = js_sys::JsString::from(*text);
        for m in js_sys::Array::from(&get(&articles.get(i as u32), "mentions")).iter() {
            let (s, e) = (get(&m, "start16").as_f64().unwrap() as u32, get(&m, "end16").as_f64().unwrap() as u32);
            let sliced: String = js_text.slice(s, e).into();
            assert_eq!(Some(sliced), get(&m, "text").as_string());
        }
    }
}

#[wasm_bindgen_test]
fn a_view_built_elsewhere_renders_as_render_article_does() {
    // What the widget does with a worker: the view crosses as plain data.
    let analysis = Analysis::new(cluster(&[("000", A000), ("001", A001), ("002", A002)]), None).unwrap();
    let doc = document();
    let (direct, direct_tips) = (doc.create_element("div").unwrap(), doc.create_element("div").unwrap());
    analysis.render_article("002", &direct, &direct_tips, "v").unwrap();
    let view = analysis.view("002", false).unwrap();
    let (built, built_tips) = (doc.create_element("div").unwrap(), doc.create_element("div").unwrap());
    let marks = crossread::web::render_view(view, &built, &built_tips, "v").unwrap();
    assert!(marks >= 5);
    // the DOM serialized, read back only to compare
    let markup = |e: &web_sys::Element| get(e, "outerHTML").as_string().unwrap();
    assert_eq!(markup(&built), markup(&direct));
    assert_eq!(markup(&built_tips), markup(&direct_tips));
    assert!(analysis.view("nope", false).is_err());
}

#[wasm_bindgen_test]
fn a_forged_view_cannot_make_markup() {
    let view = js_sys::JSON::parse(
        r#"{"text": "ab", "structure": [{"open": {"tag": "script", "href": null}}, {"text": {"text": "a"}}, "close",
            {"open": {"tag": "a", "href": "javascript:alert(1)"}}, {"text": {"text": "b"}}, "close"],
            "marks": [{"start16": 0, "end16": 1, "id": "m1", "kind": "number", "tip": null}]}"#,
    )
    .unwrap();
    let doc = document();
    let (target, tips) = (doc.create_element("div").unwrap(), doc.create_element("div").unwrap());
    crossread::web::render_view(view, &target, &tips, "f").unwrap();
    assert!(target.query_selector("script").unwrap().is_none());
    assert!(target.query_selector("[href]").unwrap().is_none());
    assert_eq!(target.text_content().unwrap(), "ab");
    let error = crossread::web::render_view(JsValue::from_str("not a view"), &target, &tips, "f").unwrap_err();
    assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-input"));
}

#[wasm_bindgen_test]
fn progress_is_reported_up_to_the_total() {
    let calls = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let seen = calls.clone();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(u32, u32)>::new(move |done: u32, total: u32| seen.borrow_mut().push((done, total)));
    Analysis::new(cluster(&[("000", A000), ("001", A001)]), Some(callback.as_ref().unchecked_ref::<js_sys::Function>().clone())).unwrap();
    let calls = calls.borrow();
    assert_eq!(calls.last(), Some(&(5, 5)));
    assert!(calls.windows(2).all(|w| w[0].0 < w[1].0), "{calls:?}");
}

#[wasm_bindgen_test]
fn malformed_clusters_are_named_precisely() {
    let message = |json: &str| {
        let error = analyze(js_sys::JSON::parse(json).unwrap()).unwrap_err();
        assert_eq!(get(&error, "code").as_string().as_deref(), Some("bad-input"), "{json}");
        get(&error, "message").as_string().unwrap()
    };
    assert!(message(r#"{"articles": {"id": "a"}}"#).contains("\"articles\" must be a list"));
    assert!(message(r#"{"articles": [{"id": 7, "text": "x"}]}"#).contains("article 1: \"id\" must be a string"));
    assert!(message(r#"{"articles": [{"id": "a", "text": "x", "author": "b"}]}"#).contains("article 1 has an unknown field \"author\""));
    assert!(message(r#"{"articles": [{"text": "x"}]}"#).contains("article 1 has no \"id\""));
    assert!(message(r#"[]"#).contains("the cluster must be an object"));
    // absent optional fields may be null
    let report = analyze(js_sys::JSON::parse(r#"{"articles": [{"id": "a", "text": "382 officers.", "source": null, "published": "2024-09-26"}]}"#).unwrap()).unwrap();
    assert!(!js_sys::Array::from(&get(&report, "articles")).get(0).is_undefined());
}
