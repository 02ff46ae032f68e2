//! The crossread command line.
//!
//! ```text
//! crossread analyze [--json] PATH...   analyse articles (.txt files, directories of them, cluster .json)
//! crossread serve [--port N] [--root DIR] [--host ADDR]
//!                                      serve the reader page (www/ and pkg/) on loopback
//! crossread prerender PAGE.html        the page with its widgets' first view rendered
//! ```

mod prerender;
mod serve;

use crossread::{Article, Cluster, Report, Verdict};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage:
  crossread analyze [--json | --html] PATH...
      PATH: a .txt article (id = file stem), a directory (its .txt files, by name),
            or a cluster .json {\"articles\":[{\"id\",\"text\",\"published\"?,\"title\"?,\"source\"?,\"url\"?}]}
      --json  print the report as JSON (default: a readable list of disagreements)
      --html  print a static HTML page of the articles with their marks (no script needed)
  crossread serve [--port 8000] [--host 127.0.0.1] [--root .] [--header \"Name: value\"]... [--no-prerender] [--css URL|inline]
      serve the reader page and print its address (--header adds a response header, e.g. a CSP);
      HTML pages are sent with their <crossread-reader> widgets prerendered (--css as for prerender),
      unless --no-prerender
  crossread prerender PAGE.html [--root DIR] [--css URL|inline]
      print PAGE.html with each <crossread-reader> given its first view (marks, details, disagreements)
      in a declarative shadow root, and a page's own article (for=\"#id\") its marks in its markup,
      so the marks show before any script runs. Its src and files are
      read under DIR (the site's /; default: the page's directory). --css: the widget stylesheet's
      URL (default: crossread.css beside the page's crossread.js script, or the crossread.css
      it preloads, else the CSS inlined), or inline:
      the CSS in a <style>, so the marks need no fetch to paint (a policy without
      style-src 'unsafe-inline' blocks it)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("serve") => serve::run(&args[1..]),
        Some("prerender") => prerender::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err("expected a command, analyze, serve or prerender (see crossread --help)".to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("crossread: {message}");
            ExitCode::FAILURE
        }
    }
}

fn analyze(args: &[String]) -> Result<(), String> {
    let mut json = false;
    let mut html = false;
    let mut paths = Vec::new();
    for a in args {
        match a.as_str() {
            "--json" => json = true,
            "--html" => html = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s} (see crossread --help)")),
            s => paths.push(PathBuf::from(s)),
        }
    }
    if paths.is_empty() {
        return Err("give at least one PATH: a .txt file, a directory or a cluster .json (see crossread --help)".to_string());
    }
    let mut articles: Vec<(Article, PathBuf)> = Vec::new();
    for path in &paths {
        for (article, from) in read_path(path)? {
            if let Some((_, first)) = articles.iter().find(|(a, _)| a.id == article.id) {
                return Err(format!(
                    "{}: article id \"{}\" is already used by {}: ids must be unique",
                    from.display(),
                    article.id,
                    first.display()
                ));
            }
            if article.text.trim().is_empty() {
                return Err(format!("{}: article \"{}\" is empty", from.display(), article.id));
            }
            articles.push((article, from));
        }
    }
    let list: Vec<Article> = articles.iter().map(|(a, _)| a.clone()).collect();
    let report = crossread::analyze(&list).map_err(|e| e.to_string())?;
    if json && html {
        return Err("give --json or --html, not both".to_string());
    }
    if json {
        let out = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{out}");
    } else if html {
        print!("{}", crossread::render::html_page(&report, &list));
    } else {
        print!("{}", readable(&report));
    }
    Ok(())
}

/// The articles a PATH names, each with the file it came from.
fn read_path(path: &Path) -> Result<Vec<(Article, PathBuf)>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
    if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(format!("{}: directory has no .txt articles", path.display()));
        }
        return files.iter().map(|f| read_text(f).map(|a| (a, f.clone()))).collect();
    }
    match path.extension().and_then(|x| x.to_str()) {
        Some("json") => {
            let text = read_utf8(path)?;
            let cluster: Cluster = serde_json::from_str(&text).map_err(|e| format!("{}: not a cluster JSON: {e}", path.display()))?;
            if cluster.articles.is_empty() {
                return Err(format!("{}: \"articles\" is empty", path.display()));
            }
            let base = path.parent().unwrap_or(Path::new("."));
            cluster
                .articles
                .into_iter()
                .map(|mut a| {
                    if let Some(file) = a.file.take() {
                        if !a.text.is_empty() {
                            return Err(format!("{}: article \"{}\" has both \"text\" and \"file\"", path.display(), a.id));
                        }
                        a.text = read_utf8(&base.join(&file))?;
                    }
                    Ok((a, path.to_path_buf()))
                })
                .collect()
        }
        _ => Ok(vec![(read_text(path)?, path.to_path_buf())]),
    }
}

fn read_text(path: &Path) -> Result<Article, String> {
    let text = read_utf8(path)?;
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
    Ok(Article::new(id, text))
}

fn read_utf8(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        format!("{}: not UTF-8 text (invalid byte at offset {}); convert it to UTF-8 first", path.display(), e.utf8_error().valid_up_to())
    })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// The disagreements, one block per group, for a person at a terminal.
fn readable(report: &Report) -> String {
    let mut out = format!("{}\n", report.summary());
    for a in &report.articles {
        if a.reference_date_source != "published" {
            let date = a.reference_date.as_deref().unwrap_or("unknown");
            out.push_str(&format!("  {}: reference date {date} ({})\n", a.id, a.reference_date_source));
        }
    }
    for g in report.groups.iter().filter(|g| g.verdict != Verdict::Agree) {
        let label = if g.verdict == Verdict::Conflict { "CONFLICT" } else { "VARIANT" };
        out.push_str(&format!("\n{label} {} ({}): {}\n", g.id, g.about, g.explanation));
        out.push_str(&format!("  grouped by {}\n", g.why));
        for note in &g.notes {
            out.push_str(&format!("  note: {note}\n"));
        }
    }
    for a in &report.articles {
        for m in a.mentions.iter().filter(|m| m.note.is_some()) {
            out.push_str(&format!("\nNOTE {} in {}: {}\n", m.id, a.source.as_deref().unwrap_or(&a.id), m.note.as_deref().unwrap_or("")));
        }
    }
    out
}
