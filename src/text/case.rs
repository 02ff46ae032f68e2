//! Lower-casing for matching words, without Unicode's full case tables.
//!
//! `str::to_lowercase` pulls Unicode's case-conversion tables and code into
//! the wasm (10 KB gzipped, measured) for words that are almost always ASCII.
//! Matching only needs the scripts news in a Latin-script language names
//! people and places in: ASCII, Latin-1, Latin Extended-A, Greek and
//! Cyrillic capitals fold here; any other character is kept as it is, so
//! two spellings still compare equal when they are written the same way.

/// `c` lower-cased where it is a capital of the scripts above.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        // Latin Extended-A pairs capitals and small letters: even, odd
        // (from U+0139 to U+0148 and U+0179 to U+017E: odd, even).
        // Turkish dotted capital I: Unicode's "i̇" is two characters; "i" reads the same.
        0x130 => 0x69,
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        // Greek and Cyrillic capitals
        0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` with [`lower_char`] applied to every character.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_capitals_of_news_names_like_unicode_does() {
        for word in ["RUTO", "Émile", "ÉCOLE Ÿ", "ŁÓDŹ", "Ĳssel", "ΑΘΗΝΑ", "МОСКВА", "ЁЖ Її", "Straße", "Ñandú", "Ørsted", "İstanbul"] {
            let ours = lowercase(word);
            // Unicode's "İ" lower-cases to "i̇" (two chars); ours to "i".
            if word.contains('İ') {
                assert_eq!(ours, "istanbul");
                continue;
            }
            assert_eq!(ours, word.to_lowercase(), "{word}");
        }
        // Scripts without case, and right-to-left text, are kept.
        assert_eq!(lowercase("القاهرة 東京 😀"), "القاهرة 東京 😀");
    }
}
