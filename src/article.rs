//! Input: the articles of one cluster, validated.

use crate::calendar::Day;
use crate::error::{Error, Result, MAX_ARTICLE_BYTES};
use serde::Deserialize;

/// One article as supplied by the user.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Unique within the cluster; names the article in explanations when no
    /// `source` is given.
    pub id: String,
    /// Plain text or an HTML body. Offsets in the report index this string.
    #[serde(default)]
    pub text: String,
    /// Publication date, `YYYY-MM-DD` (a longer ISO timestamp is cut to its date).
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// The outlet's name ("Reuters"), used in explanations.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// In a cluster file, where the text is when it is not inline: a path
    /// relative to the cluster file (the CLI) or to its URL (the widget),
    /// read before analysis.
    #[serde(default)]
    pub file: Option<String>,
}

impl Article {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article { id: id.into(), text: text.into(), ..Article::default() }
    }

    /// The name a reader knows this article by.
    pub fn label(&self) -> &str {
        self.source.as_deref().filter(|s| !s.trim().is_empty()).unwrap_or(&self.id)
    }

    pub(crate) fn published_day(&self) -> Result<Option<Day>> {
        match self.published.as_deref().map(str::trim).filter(|p| !p.is_empty()) {
            None => Ok(None),
            Some(p) => {
                let date = p.get(..10).unwrap_or(p);
                Day::parse(date).map(Some).ok_or_else(|| Error::bad_date(&self.id, p))
            }
        }
    }
}

/// The input file shape of the CLI and of the JS API: `{"articles": [...]}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    pub articles: Vec<Article>,
}

/// Checks the cluster's shape: at least one article, non-empty unique ids,
/// non-empty texts within the size limit, valid published dates.
pub fn validate(articles: &[Article]) -> Result<()> {
    if articles.is_empty() {
        return Err(Error::no_articles());
    }
    // The first article whose id an earlier one has (a sorted list, not a
    // hash set: the crate keeps hash tables out of the wasm).
    let mut ids: Vec<(&str, usize)> = articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    crate::sort::sort(&mut ids);
    let first_repeat = ids.windows(2).filter(|w| w[0].0 == w[1].0).map(|w| w[1].1).min();
    for (i, a) in articles.iter().enumerate() {
        if a.id.trim().is_empty() {
            return Err(Error::empty_id());
        }
        if first_repeat == Some(i) {
            return Err(Error::duplicate_id(&a.id));
        }
        if a.text.trim().is_empty() {
            return Err(Error::empty_article(&a.id));
        }
        if a.text.len() > MAX_ARTICLE_BYTES {
            return Err(Error::too_large(&a.id, a.text.len()));
        }
        a.published_day()?;
    }
    Ok(())
}
