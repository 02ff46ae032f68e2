//! Word-level differences between two wordings of one quote.

use serde::{Deserialize, Serialize};

/// One run of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// `same`, `removed` (only in the first wording) or `added` (only in the second).
    pub op: String,
    pub text: String,
}

/// The longest-common-subsequence diff of two texts by words, comparing
/// words with case and punctuation folded. Quotes are short, so the
/// quadratic table is small; inputs are capped at 400 words each.
pub fn diff(a: &str, b: &str) -> Vec<DiffPart> {
    let wa: Vec<&str> = a.split_whitespace().take(400).collect();
    let wb: Vec<&str> = b.split_whitespace().take(400).collect();
    let fold = |w: &str| w.chars().filter(|c| c.is_alphanumeric()).map(crate::text::lower_char).collect::<String>();
    let fa: Vec<String> = wa.iter().map(|w| fold(w)).collect();
    let fb: Vec<String> = wb.iter().map(|w| fold(w)).collect();
    let (n, m) = (fa.len(), fb.len());
    let mut table = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if fa[i] == fb[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let mut out: Vec<DiffPart> = Vec::new();
    let mut push = |op: &str, word: &str| match out.last_mut() {
        Some(last) if last.op == op => {
            last.text.push(' ');
            last.text.push_str(word);
        }
        _ => out.push(DiffPart { op: op.to_string(), text: word.to_string() }),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && fa[i] == fb[j] {
            push("same", wb[j]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[i + 1][j] >= table[i][j + 1]) {
            push("removed", wa[i]);
            i += 1;
        } else {
            push("added", wb[j]);
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_removed_and_added() {
        let d = diff("Many people were injured, but it is difficult", "Many people were injured but it was difficult");
        let ops: Vec<(&str, &str)> = d.iter().map(|p| (p.op.as_str(), p.text.as_str())).collect();
        assert_eq!(ops, [("same", "Many people were injured but it"), ("removed", "is"), ("added", "was"), ("same", "difficult")]);
    }
}
