//! Scale benchmark: analysis time for clusters of 5 to 500 articles built
//! from the real corpus, with time per KB and its ratio to the 5-article
//! baseline measured in the same run. Prints figures; asserts nothing.
//!
//!     cargo bench --bench scale
//!
//! Larger clusters are made of the five articles again under new ids, each
//! copy with its paragraphs rotated so that mentions sit at new places.

use crossread::{analyze, Article};
use std::time::Instant;

fn corpus() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/corpus/kenya-haiti");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    paths.sort();
    paths.iter().map(|p| Article::new(p.file_stem().unwrap().to_string_lossy(), std::fs::read_to_string(p).unwrap())).collect()
}

fn cluster(base: &[Article], n: usize) -> Vec<Article> {
    (0..n)
        .map(|i| {
            let a = &base[i % base.len()];
            let copy = i / base.len();
            let paragraphs: Vec<&str> = a.text.split('\n').collect();
            let k = copy % paragraphs.len().max(1);
            let text = paragraphs[k..].iter().chain(&paragraphs[..k]).copied().collect::<Vec<_>>().join("\n");
            Article::new(format!("{}-{copy}", a.id), text)
        })
        .collect()
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn main() {
    let base = corpus();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("crossread scale benchmark (native, release, {cores} cores): median of repeated runs");
    println!("{:>8} {:>8} {:>10} {:>8} {:>12} {:>10} {:>14}", "articles", "KB", "mentions", "groups", "ms", "µs/KB", "µs/KB vs 5");
    let mut baseline = None;
    for n in [5, 20, 100, 500, 2000] {
        let articles = cluster(&base, n);
        let kb = articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1024.0;
        let runs = if n >= 2000 { 3 } else if n >= 500 { 5 } else { 15 };
        let mut times = Vec::new();
        let mut shape = (0, 0);
        analyze(&articles).expect("analyses"); // warm-up, not timed
        for _ in 0..runs {
            let start = Instant::now();
            let report = analyze(&articles).expect("analyses");
            times.push(start.elapsed().as_secs_f64() * 1e3);
            shape = (report.articles.iter().map(|a| a.mentions.len()).sum::<usize>(), report.groups.len());
        }
        let ms = median(times);
        let per_kb = ms * 1e3 / kb;
        let ratio = per_kb / *baseline.get_or_insert(per_kb);
        println!("{n:>8} {kb:>8.1} {:>10} {:>8} {ms:>12.2} {per_kb:>10.1} {ratio:>13.2}×   {:.1} MB/s", shape.0, shape.1, kb / 1024.0 / (ms / 1e3));
    }
}
