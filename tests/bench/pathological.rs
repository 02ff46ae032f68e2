//! Pathological inputs: each must finish in time proportional to its size
//! (or be refused before any work when over the size limit). Prints the time
//! and the throughput for each input and for half of it, so the two can be
//! compared: a ratio near 2 means linear. Asserts nothing.
//!
//!     cargo bench --bench pathological

use crossread::{analyze, Article};
use std::time::Instant;

fn inputs(scale: usize) -> Vec<(&'static str, String)> {
    let n = |k: usize| k * scale / 2 / std::env::var("DIVIDE").ok().and_then(|d| d.parse().ok()).unwrap_or(1);
    vec![
        ("no spaces", "x9".repeat(n(500_000))),
        ("unbalanced quotes", "“he said ".repeat(n(100_000))),
        ("straight quotes", "\" a ".repeat(n(100_000))),
        ("numbers", "382 officers, ".repeat(n(50_000))),
        ("dates", "on June 25, 2024 and last week, ".repeat(n(20_000))),
        ("nested HTML", format!("{}382 officers{}", "<div>".repeat(n(100_000)), "</div>".repeat(n(100_000)))),
        ("line separators", "Kenya\u{2028}sent\u{2029}382\u{85}officers\r\n\r\u{b}\u{c}".repeat(n(40_000))),
        ("one long sentence", "and 600 more police officers said “we are ready” ".repeat(n(20_000))),
    ]
}

fn main() {
    println!("crossread pathological-input benchmark (native, release)");
    let huge = "a ".repeat(5 * 1024 * 1024);
    let start = Instant::now();
    let refused = analyze(&[Article::new("huge", huge.clone())]);
    println!("10 MB article: refused in {:.3} ms: {}", start.elapsed().as_secs_f64() * 1e3, refused.err().map(|e| e.to_string()).unwrap_or_else(|| "NOT REFUSED".into()));
    println!("{:<20} {:>9} {:>10} {:>9} {:>10} {:>12}", "input", "MB", "ms", "MB/2", "ms", "ratio (≈2)");
    for ((name, full), (_, half)) in inputs(2).into_iter().zip(inputs(1)) {
        let time = |text: &str| {
            let start = Instant::now();
            let report = analyze(&[Article::new("p", text)]);
            (start.elapsed().as_secs_f64() * 1e3, report.map(|r| r.articles[0].mentions.len()).unwrap_or(0))
        };
        let (t_full, _) = time(&full);
        let (t_half, _) = time(&half);
        println!(
            "{name:<20} {:>9.2} {t_full:>10.1} {:>9.2} {t_half:>10.1} {:>12.2}",
            full.len() as f64 / 1048576.0,
            half.len() as f64 / 1048576.0,
            t_full / t_half.max(1e-6)
        );
    }
}
