//! UTF-8 byte offsets (Rust) ⇄ UTF-16 code-unit offsets (JavaScript strings).

/// Converts byte offsets of one text into UTF-16 offsets in O(log n) each.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// One entry per non-ASCII char: (byte start, UTF-16 start, UTF-8 width,
    /// UTF-16 width). ASCII between entries maps one byte to one unit.
    wide: Vec<(usize, usize, usize, usize)>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Utf16Index {
        let mut wide = Vec::new();
        let mut units = 0usize;
        let mut at = 0;
        // ASCII, one unit a byte, is skipped byte by byte; chars are decoded
        // only where a wider one starts.
        while let Some(&b) = text.as_bytes().get(at) {
            if b.is_ascii() {
                at += 1;
                units += 1;
                continue;
            }
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else { break };
            wide.push((at, units, c.len_utf8(), c.len_utf16()));
            at += c.len_utf8();
            units += c.len_utf16();
        }
        Utf16Index { wide }
    }

    /// The UTF-16 offset of byte offset `byte` (a byte inside a char maps to
    /// that char's start).
    pub fn to_utf16(&self, byte: usize) -> usize {
        let i = self.wide.partition_point(|w| w.0 <= byte);
        match i.checked_sub(1).and_then(|k| self.wide.get(k)) {
            None => byte,
            Some(&(b, u, bl, _)) if byte < b + bl => u,
            Some(&(b, u, bl, ul)) => u + ul + (byte - b - bl),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) {
        let index = Utf16Index::new(text);
        for (at, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            let expected = text[..at].encode_utf16().count();
            assert_eq!(index.to_utf16(at), expected, "at byte {at} of {text:?}");
        }
    }

    #[test]
    fn ascii_accents_emoji_rtl() {
        check("382 officers");
        check("Jovenel Moïse, Jérémie: 382");
        check("👮🏿‍♀️ 382 officers 🇰🇪 then 400");
        check("قال روتو إن 382 ضابطا");
        check("");
    }
}
