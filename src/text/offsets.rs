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
        // ASCII, one unit a byte, is skipped; chars are decoded only where a
        // wider one starts.
        while let Some(next) = first_non_ascii(text.as_bytes(), at) {
            units += next - at;
            at = next;
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

/// The first byte at or after `from` above 0x7F.
fn first_non_ascii(bytes: &[u8], from: usize) -> Option<usize> {
    let at = skip_plain_ascii(bytes, from, 0x80);
    bytes.get(at..)?.iter().position(|b| !b.is_ascii()).map(|skip| at + skip)
}

/// Where a search for `stop` or for a byte above 0x7F may start looking
/// byte by byte: past every eight-byte chunk from `from` that holds neither
/// (a `stop` above 0x7F asks for the second alone). Searches that run over
/// every byte of every article skip plain ASCII so, eight bytes at a time.
pub fn skip_plain_ascii(bytes: &[u8], from: usize, stop: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let stops = x ^ (ONES * u64::from(stop));
        // a byte above 0x7F, or a zero byte in `stops` (a `stop` in `x`)
        if (x | (stops.wrapping_sub(ONES) & !stops)) & HIGH != 0 {
            break;
        }
        at += 8;
    }
    at
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
        // wide chars at every offset from a chunk's start
        for before in 0..20 {
            check(&format!("{}é{}👍{}", "a".repeat(before), "b".repeat(before % 9), "c".repeat(11)));
        }
    }
}
