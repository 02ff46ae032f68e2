//! The one error type. Errors come only from the *shape* of the input (no
//! articles, duplicate ids, empty text, bad JSON, over the size limit), never
//! from the words of an article: extraction and alignment are total.

use std::fmt;

/// Why `analyze` refused its input. `Display` is written for the person who
/// supplied the articles; [`Error::code`] is a stable identifier for programs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    NoArticles,
    EmptyId,
    DuplicateId(String),
    EmptyArticle(String),
    TooLarge { id: String, bytes: usize },
    BadDate { id: String, value: String },
    BadInput(String),
}

/// Largest article accepted, in bytes of UTF-8 text.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

impl Error {
    pub(crate) fn no_articles() -> Self { Error { kind: ErrorKind::NoArticles } }
    pub(crate) fn empty_id() -> Self { Error { kind: ErrorKind::EmptyId } }
    pub(crate) fn duplicate_id(id: &str) -> Self { Error { kind: ErrorKind::DuplicateId(id.to_string()) } }
    pub(crate) fn empty_article(id: &str) -> Self { Error { kind: ErrorKind::EmptyArticle(id.to_string()) } }
    pub(crate) fn too_large(id: &str, bytes: usize) -> Self { Error { kind: ErrorKind::TooLarge { id: id.to_string(), bytes } } }
    pub(crate) fn bad_date(id: &str, value: &str) -> Self {
        Error { kind: ErrorKind::BadDate { id: id.to_string(), value: value.to_string() } }
    }
    /// Input that could not be read as articles at all (malformed JSON, wrong shape).
    pub fn bad_input(message: impl Into<String>) -> Self { Error { kind: ErrorKind::BadInput(message.into()) } }

    /// A stable, kebab-case name for the kind of error, for programs (the JS API sets it as `error.code`).
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::NoArticles => "no-articles",
            ErrorKind::EmptyId => "empty-id",
            ErrorKind::DuplicateId(_) => "duplicate-id",
            ErrorKind::EmptyArticle(_) => "empty-article",
            ErrorKind::TooLarge { .. } => "too-large",
            ErrorKind::BadDate { .. } => "bad-date",
            ErrorKind::BadInput(_) => "bad-input",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NoArticles => write!(f, "no articles to analyse: give at least one"),
            ErrorKind::EmptyId => write!(f, "an article has an empty id: give every article a name"),
            ErrorKind::DuplicateId(id) => write!(f, "two articles have the id \"{id}\": ids must be unique"),
            ErrorKind::EmptyArticle(id) => write!(f, "article \"{id}\" has no text"),
            ErrorKind::TooLarge { id, bytes } => write!(
                f,
                "article \"{id}\" is {bytes} bytes, over the limit of {MAX_ARTICLE_BYTES} bytes: split it or shorten it"
            ),
            ErrorKind::BadDate { id, value } => {
                write!(f, "article \"{id}\" has published date \"{value}\", which is not YYYY-MM-DD")
            }
            ErrorKind::BadInput(msg) => write!(f, "{msg}"),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand used across the crate.
pub type Result<T> = std::result::Result<T, Error>;
