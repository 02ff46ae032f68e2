//! Where the time goes: each stage of the pipeline timed on the five
//! articles (median of repeated runs). Prints figures; asserts nothing.
//!
//!     cargo bench --bench stages

use crossread::text::{Tokens, View};
use std::time::Instant;

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus/kenya-haiti");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let articles: Vec<crossread::Article> = texts.iter().enumerate().map(|(i, t)| crossread::Article::new(format!("a{i}"), t.clone())).collect();
    let time = |name: &str, f: &dyn Fn()| {
        f();
        let mut v: Vec<f64> = (0..50).map(|_| { let s = Instant::now(); f(); s.elapsed().as_secs_f64() * 1e3 }).collect();
        v.sort_by(f64::total_cmp);
        println!("{name:<28} {:>8.3} ms", v[v.len() / 2]);
    };
    println!("crossread pipeline stages on the five articles (native, release, median of 50)");
    time("view (HTML + boilerplate)", &|| { for t in &texts { std::hint::black_box(View::new(t)); } });
    let views: Vec<View> = texts.iter().map(|t| View::new(t)).collect();
    time("tokens + sentences", &|| { for v in &views { std::hint::black_box(Tokens::new(&v.text)); } });
    let tokens: Vec<Tokens<'_>> = views.iter().map(|v| Tokens::new(&v.text)).collect();
    time("extract", &|| { for t in &tokens { std::hint::black_box(crossread::extract::extract(t)); } });
    time("analyze (everything)", &|| { std::hint::black_box(crossread::analyze(&articles).unwrap()); });
    let report = crossread::analyze(&articles).unwrap();
    time("report to JSON", &|| { std::hint::black_box(serde_json::to_string(&report).unwrap()); });
}
