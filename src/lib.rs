//! crossread marks every number, date and quotation in a set of news
//! articles about one event and says where the articles disagree.
//!
//! ```text
//! articles ─validate→ text::View (markup, boilerplate blanked; same offsets)
//!   per article:  extract → mentions (numbers, dates, quotes)
//!                 refdate → reference date; dates resolved against it
//!   across:       align::claim → align::group → verdicts
//!   report        Report { articles[mentions], groups }  (byte + UTF-16 offsets)
//! ```
//!
//! ```
//! use crossread::{analyze, Article};
//! let report = analyze(&[
//!     Article::new("a", "Kenya has already deployed 382 trained officers."),
//!     Article::new("b", "Kenya has already deployed 400 officers."),
//! ]).unwrap();
//! assert_eq!(report.groups[0].verdict, crossread::Verdict::Conflict);
//! assert_eq!(report.groups[0].explanation, "382 in a · 400 in b");
//! ```
//!
//! Nothing here panics on text: errors come only from the input's shape
//! (see [`Error`]). The wasm bindings live in `web`, built only for wasm32.

pub mod align;
mod analyze;
pub mod article;
pub mod calendar;
mod error;
pub mod extract;
pub mod mention;
mod refdate;
pub mod render;
mod sort;
pub mod report;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use align::Verdict;
pub use analyze::{analyze, analyze_json, analyze_with_progress, Progress};
pub use article::{Article, Cluster};
pub use error::{Error, Result, MAX_ARTICLE_BYTES};
pub use mention::Kind;
pub use report::{Group, Report, Tooltip};
