//! Plain JavaScript values read into the core's types: the cluster given to
//! `analyze` and `Analysis`, and an article view coming back from a worker.
//! Read field by field through `Reflect` rather than by serde's deserializer,
//! which with its error formatting (floats included) costs about 20 KB of
//! the gzipped module. Absent fields are `undefined` or `null`; unknown ones
//! are refused, as the CLI's JSON reader refuses them.

use crate::render::{ArticleView, MarkView, ViewPiece};
use crate::report::Tooltip;
use crate::{Article, Verdict};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

type Result<T> = std::result::Result<T, String>;

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn absent(value: &JsValue) -> bool {
    value.is_undefined() || value.is_null()
}

/// `value` as a plain object whose keys are all in `allowed`.
fn object(value: &JsValue, allowed: &[&str], what: &str) -> Result<()> {
    if !value.is_object() || Array::is_array(value) {
        return Err(format!("{what} must be an object"));
    }
    for key in Object::keys(value.unchecked_ref::<Object>()).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(format!("{what} has an unknown field \"{key}\" (expected {})", allowed.join(", ")));
        }
    }
    Ok(())
}

fn array(value: &JsValue, what: &str) -> Result<Array> {
    value.dyn_ref::<Array>().cloned().ok_or_else(|| format!("{what} must be a list"))
}

fn optional_string(object: &JsValue, key: &str, what: &str) -> Result<Option<String>> {
    let value = get(object, key);
    if absent(&value) {
        return Ok(None);
    }
    value.as_string().map(Some).ok_or_else(|| format!("{what}: \"{key}\" must be a string"))
}

fn string(object: &JsValue, key: &str, what: &str) -> Result<String> {
    optional_string(object, key, what)?.ok_or_else(|| format!("{what} has no \"{key}\""))
}

fn offset(object: &JsValue, key: &str, what: &str) -> Result<u32> {
    get(object, key)
        .as_f64()
        .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
        .map(|n| n as u32)
        .ok_or_else(|| format!("{what}: \"{key}\" must be a whole number"))
}

/// `{articles: [{id, text, published?, title?, source?, url?, file?}]}`.
pub fn cluster(input: &JsValue) -> Result<Vec<Article>> {
    object(input, &["articles"], "the cluster")?;
    array(&get(input, "articles"), "\"articles\"")?
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let what = format!("article {}", i + 1);
            object(&a, &["id", "text", "published", "title", "source", "url", "file"], &what)?;
            Ok(Article {
                id: string(&a, "id", &what)?,
                text: optional_string(&a, "text", &what)?.unwrap_or_default(),
                published: optional_string(&a, "published", &what)?,
                title: optional_string(&a, "title", &what)?,
                source: optional_string(&a, "source", &what)?,
                url: optional_string(&a, "url", &what)?,
                file: optional_string(&a, "file", &what)?,
            })
        })
        .collect()
}

/// An [`ArticleView`] as `Analysis.view` gives it.
pub fn article_view(input: &JsValue) -> Result<ArticleView> {
    object(input, &["text", "structure", "marks"], "the view")?;
    let structure = get(input, "structure");
    let structure = if absent(&structure) { None } else { Some(array(&structure, "the structure")?.iter().map(|p| piece(&p)).collect::<Result<_>>()?) };
    let marks = array(&get(input, "marks"), "the marks")?.iter().map(|m| mark(&m)).collect::<Result<_>>()?;
    Ok(ArticleView { text: string(input, "text", "the view")?, structure, marks })
}

/// `"close"`, `"break"`, `{open: {tag, href}}` or `{text: {text}}`.
fn piece(value: &JsValue) -> Result<ViewPiece> {
    match value.as_string().as_deref() {
        Some("close") => return Ok(ViewPiece::Close),
        Some("break") => return Ok(ViewPiece::Break),
        Some(other) => return Err(format!("unknown structure step \"{other}\"")),
        None => {}
    }
    object(value, &["open", "text"], "a structure step")?;
    let open = get(value, "open");
    if !absent(&open) {
        object(&open, &["tag", "href"], "an element")?;
        return Ok(ViewPiece::Open { tag: string(&open, "tag", "an element")?, href: optional_string(&open, "href", "an element")? });
    }
    let text = get(value, "text");
    object(&text, &["text"], "a text step")?;
    Ok(ViewPiece::Text { text: string(&text, "text", "a text step")? })
}

fn mark(value: &JsValue) -> Result<MarkView> {
    let what = "a mark";
    object(value, &["start16", "end16", "id", "kind", "tip"], what)?;
    let tip = get(value, "tip");
    let tip = if absent(&tip) {
        None
    } else {
        object(&tip, &["heading", "verdict", "lines"], "a tooltip")?;
        let verdict = match optional_string(&tip, "verdict", "a tooltip")? {
            None => None,
            Some(name) => Some(Verdict::from_name(&name).ok_or_else(|| format!("unknown verdict \"{name}\""))?),
        };
        let lines = array(&get(&tip, "lines"), "a tooltip's lines")?
            .iter()
            .map(|l| l.as_string().ok_or_else(|| "a tooltip's lines must be strings".to_string()))
            .collect::<Result<_>>()?;
        Some(Tooltip { heading: string(&tip, "heading", "a tooltip")?, verdict, lines })
    };
    Ok(MarkView {
        start16: offset(value, "start16", what)?,
        end16: offset(value, "end16", what)?,
        id: string(value, "id", what)?,
        kind: string(value, "kind", what)?,
        tip,
    })
}
