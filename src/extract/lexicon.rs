//! Word lists shared by the extractors. Plain English lexicon, written for
//! this project; the reporting verbs follow the usual news-attribution lists
//! (said, told, added, stated, ...).

use crate::text::{fold_hash, Token};

/// A word in ASCII lower case, without allocating: the lexicon is consulted
/// for nearly every token. Most words of running text are lower case
/// already and are borrowed as they are; short capitalised ones are folded
/// on the stack.
pub enum Lower<'w> {
    Same(&'w str),
    Short([u8; 24], u8),
    Long(String),
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Short(buf, len) => std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or(""),
            Lower::Long(s) => s,
        }
    }
}

pub fn lower(word: &str) -> Lower<'_> {
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Lower::Same(word);
    }
    let mut buf = [0u8; 24];
    match u8::try_from(word.len()) {
        Ok(len) if word.len() <= buf.len() && word.is_ascii() => {
            for (b, c) in buf.iter_mut().zip(word.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            Lower::Short(buf, len)
        }
        _ => Lower::Long(word.to_ascii_lowercase()),
    }
}

/// Value of ASCII digits with at most one decimal point ("2500", "1.25",
/// ".08"). Written out rather than `str::parse::<f64>`, whose correctly
/// rounding tables and algorithms cost about 20 KB of the wasm module: up to
/// 15 significant digits (every figure news prints) the result is exact,
/// since mantissa and power of ten are both exact and the one division
/// rounds correctly; longer digit strings lose only the last bits.
pub fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mantissa = whole.bytes().chain(fraction.bytes()).fold(0.0, |m, b| m * 10.0 + f64::from(b - b'0'));
    let value = mantissa / 10f64.powi(i32::try_from(fraction.len()).ok()?);
    value.is_finite().then_some(value)
}

/// A cheap test in front of a word list, a Bloom filter: a word is hashed
/// once, case folded, and rejected when its bit is clear, before it is
/// lowered or compared. Most tokens of running text are rejected so, and the
/// lexicon is asked about nearly every one. Lists of up to a hundred words
/// let through about one word in forty that is not on them.
#[derive(Clone, Copy)]
pub struct Filter {
    bits: [u64; 16],
}

impl Filter {
    pub const EMPTY: Filter = Filter { bits: [0; 16] };

    /// Two of 1,024 bits, from the word's case-folded hash ([`fold_hash`]):
    /// with two, a list of ninety words lets through about one word in
    /// forty that is not on it, against one in eleven with one bit.
    const fn slots_of(hash: u32) -> [usize; 2] {
        [(hash >> 22) as usize, ((hash >> 12) & 1023) as usize]
    }

    /// This filter, also letting through the words of `list`.
    pub const fn with(mut self, list: &[&str]) -> Filter {
        let mut i = 0;
        while i < list.len() {
            self = self.with_word(list[i].as_bytes());
            i += 1;
        }
        self
    }

    /// This filter, also letting through `word`.
    const fn with_word(mut self, word: &[u8]) -> Filter {
        let [a, b] = Filter::slots_of(fold_hash(word));
        self.bits[a / 64] |= 1 << (a % 64);
        self.bits[b / 64] |= 1 << (b % 64);
        self
    }

    /// Lets through what either filter lets through.
    pub const fn union(mut self, other: Filter) -> Filter {
        let mut i = 0;
        while i < self.bits.len() {
            self.bits[i] |= other.bits[i];
            i += 1;
        }
        self
    }

    /// False only when `word` is none of the words let through, whatever its case.
    pub fn may_contain(&self, word: &str) -> bool {
        self.admits_hash(fold_hash(word.as_bytes()))
    }

    /// [`Filter::may_contain`] for a token, whose hash the tokenizer computed once.
    pub fn admits(&self, token: &Token<'_>) -> bool {
        self.admits_hash(token.hash)
    }

    fn admits_hash(&self, hash: u32) -> bool {
        let [a, b] = Filter::slots_of(hash);
        self.bits[a / 64] >> (a % 64) & self.bits[b / 64] >> (b % 64) & 1 == 1
    }
}

/// A fixed list of lower-case words, looked up in any case behind a [`Filter`].
/// Built by [`words!`] from the words joined by '|' ("said|told|stated").
/// A lookup reads the list in order, so a long list puts its commonest
/// words ("the", "a", "in") first.
pub struct Words {
    /// Each word after a byte holding its length: one string of bytes,
    /// where a slice of `&str` would cost a pointer and a length (8 bytes)
    /// per word in the wasm, over 5 KB for the crate's lists; the lengths let
    /// a search step from word to word without looking for separators.
    list: &'static [u8],
    filter: Filter,
}

/// A [`Words`] from a string literal of words joined by '|'.
macro_rules! words {
    ($list:expr) => {{
        const PACKED: [u8; $list.len() + 1] = $crate::extract::lexicon::length_prefixed($list);
        $crate::extract::lexicon::Words::new(&PACKED)
    }};
}
pub(crate) use words;

/// "said|told" as [`Words`] keeps it: each word after its length byte.
pub const fn length_prefixed<const N: usize>(list: &str) -> [u8; N] {
    let bytes = list.as_bytes();
    let mut out = [0u8; N];
    let (mut i, mut at) = (0, 0);
    while i <= bytes.len() {
        let start = i;
        while i < bytes.len() && bytes[i] != b'|' {
            out[at + 1 + i - start] = bytes[i];
            i += 1;
        }
        assert!(i - start < 256, "a word of a list is under 256 bytes");
        out[at] = (i - start) as u8;
        at += 1 + i - start;
        i += 1;
    }
    out
}

impl Words {
    /// Words packed by [`length_prefixed`]; see [`words!`].
    pub const fn new(list: &'static [u8]) -> Words {
        let mut filter = Filter::EMPTY;
        let mut i = 0;
        while i < list.len() {
            let n = list[i] as usize;
            let (_, rest) = list.split_at(i + 1);
            let (word, _) = rest.split_at(n);
            filter = filter.with_word(word);
            i += 1 + n;
        }
        Words { list, filter }
    }

    /// Index of `word` (any case) on the list.
    pub fn position(&self, word: &str) -> Option<usize> {
        if !self.filter.may_contain(word) {
            return None;
        }
        self.scan(word)
    }

    fn scan(&self, word: &str) -> Option<usize> {
        // Entries are lower case: the word's bytes are folded as they are
        // compared (what `lower` would give, without making it).
        let w = word.as_bytes();
        let first = w.first()?.to_ascii_lowercase();
        let (mut i, mut index) = (0, 0);
        while let Some(&n) = self.list.get(i) {
            let n = usize::from(n);
            // length and first byte before the full comparison: most entries differ there
            // (compared byte by byte here: a call to memcmp costs more than
            // these few bytes in the wasm)
            if n == w.len()
                && self.list.get(i + 1) == Some(&first)
                && self.list.get(i + 1..i + 1 + n).is_some_and(|e| e.iter().zip(w).all(|(a, b)| *a == b.to_ascii_lowercase()))
            {
                return Some(index);
            }
            i += 1 + n;
            index += 1;
        }
        None
    }

    pub fn contains(&self, word: &str) -> bool {
        self.position(word).is_some()
    }

    /// [`Words::contains`] for a token, rejected by the hash the tokenizer computed once.
    pub fn has(&self, token: &Token<'_>) -> bool {
        self.find(token).is_some()
    }

    /// [`Words::position`] for a token, rejected by the hash the tokenizer computed once.
    pub fn find(&self, token: &Token<'_>) -> Option<usize> {
        if !self.filter.admits(token) {
            return None;
        }
        self.scan(token.text)
    }

    /// The filter in front of the list, to combine with others.
    pub const fn filter(&self) -> Filter {
        self.filter
    }
}

pub const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];

/// 1-based month of a month name or its usual abbreviation ("Sept" too).
/// Month names and their usual abbreviations, "sept" last.
pub const MONTH_NAMES: Words = words!(concat!(
    "january|february|march|april|may|june|july|august|september|october|november|december|jan|",
    "feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sept",
));

pub fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    MONTH_NAMES.position(w).map(|i| if i == 24 { 9 } else { i as u32 % 12 + 1 })
}

pub const WEEKDAY_NAMES: Words = words!("monday|tuesday|wednesday|thursday|friday|saturday|sunday");

/// 0 = Monday.
pub fn weekday(word: &str) -> Option<u32> {
    WEEKDAY_NAMES.position(word).map(|i| i as u32)
}

/// Value of a cardinal number word ("seven", "forty").
/// Cardinal number words: 0-19, the tens 20-90, then "nought" and "naught" (0).
pub const NUMBER_WORDS: Words = words!(concat!(
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|",
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|",
    "eighty|ninety|nought|naught",
));

pub fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS.position(word).map(|i| match i {
        0..20 => i as f64,
        20..28 => (i as f64 - 18.0) * 10.0,
        _ => 0.0,
    })
}

/// Multiplier of a scale word ("million", "bn").
pub fn scale(word: &str) -> Option<f64> {
    // "US$ 1MM": finance's million, in capitals only ("5 mm" is millimetres)
    if word == "MM" {
        return Some(1e6);
    }
    Some(match &*lower(word) {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" | "mil" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "dozen" | "doz" | "dozs" | "dz" | "dzs" => 12.0,
        _ => return None,
    })
}

/// Vague plural quantities, with the interval a reader would not contest.
pub fn vague_quantity(word: &str) -> Option<(f64, f64)> {
    Some(match &*lower(word) {
        "dozens" => (24.0, 99.0),
        "scores" => (40.0, 199.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2_000.0, 9_999.0),
        "millions" => (2e6, 999e6),
        "billions" => (2e9, 999e9),
        _ => return None,
    })
}

/// Fractions written in words ("a quarter", "two-thirds" is handled by the
/// extractor from its parts).
pub fn fraction_word(word: &str) -> Option<f64> {
    Some(match &*lower(word) {
        "half" => 0.5,
        "third" | "thirds" => 1.0 / 3.0,
        "quarter" | "quarters" => 0.25,
        "fifth" | "fifths" => 0.2,
        "tenth" | "tenths" => 0.1,
        _ => return None,
    })
}

/// The denominator an ordinal word names in a fraction ("three fifths" → 5,
/// "a hundredth" → 100), singular or plural. "first" and "second" name one
/// only inside a compound ("twenty-first"), see [`ordinal_unit`].
pub fn denominator(word: &str) -> Option<f64> {
    const SMALL: [&str; 18] = [
        "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
        "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
    ];
    const TENS: [&str; 7] = ["thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];
    let lowered = lower(word);
    let w: &str = &lowered;
    let w = w.strip_suffix('s').unwrap_or(w);
    Some(match w {
        "half" | "halve" => 2.0,
        "quarter" => 4.0,
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => {
            if let Some(i) = SMALL.iter().position(|s| *s == w) {
                i as f64 + 3.0
            } else {
                (TENS.iter().position(|s| *s == w)? as f64 + 3.0) * 10.0
            }
        }
    })
}

/// The unit ordinal of a compound ("twenty-first" → 1, "thirty-fifths" → 5).
pub fn ordinal_unit(word: &str) -> Option<f64> {
    const UNITS: [&str; 9] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    let lowered = lower(word);
    let w: &str = &lowered;
    let w = w.strip_suffix('s').unwrap_or(w);
    UNITS.iter().position(|s| *s == w).map(|i| i as f64 + 1.0)
}

/// Currency signs and codes written before an amount → ISO-like unit.
pub fn currency_prefix(token: &str) -> Option<&'static str> {
    // every sign and code is at most four bytes and starts with one of these
    // bytes (ASCII capitals, "$", and the lead bytes of "€", "£", "¥", "₹", "₦")
    if token.len() > 4 || !matches!(token.as_bytes().first(), Some(b'$' | b'A' | b'C' | b'D' | b'E' | b'G' | b'I' | b'K' | b'N' | b'R' | b'S' | b'U' | 0xC2 | 0xE2)) {
        return None;
    }
    Some(match token {
        "$" | "US$" | "USD" => "usd",
        "€" | "EUR" => "eur",
        "£" | "GBP" => "gbp",
        "¥" => "jpy",
        "₹" => "inr",
        // "Sh2.5 billion": Kenyan papers' shilling
        "KSh" | "Ksh" | "KES" | "Kshs" | "Sh" | "Shs" => "kes",
        "Dh" | "AED" => "aed",
        "Rs" | "INR" => "inr",
        "CHF" => "chf",
        "CAD" | "C$" => "cad",
        "AUD" | "A$" => "aud",
        "RMB" | "Rmb" | "CNY" => "cny",
        "₦" | "NGN" => "ngn",
        _ => return None,
    })
}

/// Currency words and codes written after an amount ("300 million
/// dollars", "115 USD").
pub fn currency_word(word: &str) -> Option<&'static str> {
    if word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        if let Some(code) = currency_prefix(word) {
            return Some(code);
        }
    }
    Some(match &*lower(word) {
        "dollars" | "dollar" => "usd",
        "euros" | "euro" => "eur",
        "pounds" => "gbp",
        "shillings" => "kes",
        "yen" => "jpy",
        "rupees" => "inr",
        "pence" | "penny" => "gbp",
        "元" => "cny",
        _ => return None,
    })
}

/// Millions of a currency in finance shorthand: "MEUR", "MUSD", "MGBP".
pub fn currency_millions(word: &str) -> Option<&'static str> {
    let code = word.strip_prefix('M').filter(|c| c.len() == 3)?;
    currency_prefix(code)
}

/// Unit abbreviations written glued to their number ("500km", "30GB",
/// "10kg"): the number is a quantity, not part of a code.
pub const GLUED_UNITS: Words = words!(concat!(
    "km|kg|cm|mm|ft|lb|lbs|oz|mi|mph|kph|kmh|gb|mb|tb|kb|ghz|mhz|mw|gw|kw|kwh|mwh|gwh|wh|ha|",
    "km2|sqm|bpd|mt",
));

/// "Monday's" → "Monday": a possessive is still the word it is made from.
pub fn without_possessive(word: &str) -> &str {
    // (a byte test: a char pattern would decode from the end)
    if word.as_bytes().last() != Some(&b's') {
        return word;
    }
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

/// The hundredth part of a currency, written after its whole units ("3
/// dollars 50 cents").
pub fn is_minor_currency(word: &str) -> bool {
    matches!(&*lower(word), "cents" | "cent" | "pence" | "p")
}

/// Words that end a noun phrase after a number: function words, auxiliaries
/// and common verbs.
pub const PHRASE_STOPS: Words = words!(concat!(
    "the|a|of|to|in|on|at|by|for|from|with|into|and|or|but|who|that|which|whom|whose|is|are|was|were|",
    "be|been|being|has|have|had|will|would|could|should|can|may|might|must|do|does|did|",
    "an|this|these|those|as|than|so|if|when|while|since|per|each|it|they|he|she",
));

/// Plurals that do not end in "s", and their singular.
pub fn irregular_singular(word: &str) -> Option<&'static str> {
    Some(match word {
        "people" => "person",
        "police" => "police",
        "personnel" => "personnel",
        "staff" => "staff",
        "children" => "child",
        "men" => "man",
        "women" => "woman",
        "troops" => "troop",
        "casualties" => "casualty",
        "lives" => "life",
        _ => return None,
    })
}

/// Lower-case singular of an English plural noun ("officers" → "officer").
pub fn singular(word: &str) -> String {
    let w = crate::text::lowercase(word);
    if let Some(s) = irregular_singular(&w) {
        return s.to_string();
    }
    if let Some(stem) = w.strip_suffix("ies") {
        if stem.len() > 1 {
            return format!("{stem}y");
        }
    }
    for suffix in ["sses", "ches", "shes", "xes"] {
        if w.ends_with(suffix) {
            return w.get(..w.len() - 2).unwrap_or("").to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3 {
        return w.get(..w.len() - 1).unwrap_or("").to_string();
    }
    w
}

/// Verbs that introduce reported speech, in the forms news text uses.
/// Verbs that attribute speech. The finite forms; the participles of the
/// commonest ("…, saying: “…”"); further verbs from the GenderGapTracker
/// quote extractor's list (MIT, sfu-discourse-lab/GenderGapTracker,
/// nlp/english/rules/quote_verb_list.txt) where they rarely mean anything
/// but speech.
pub const REPORTING_VERBS: Words = words!(concat!(
    "said|says|say|told|tells|added|adds|stated|states|explained|explains|remarked|remarks|",
    "declared|declares|noted|notes|announced|announces|asked|asks|wrote|writes|insisted|",
    "insists|argued|argues|warned|warns|claimed|claims|urged|urges|stressed|stresses|",
    "emphasized|emphasised|emphasizes|continued|continues|replied|replies|recalled|recalls|",
    "acknowledged|acknowledges|admitted|admits|tweeted|posted|shared|according|asserted|",
    "asserts|commented|concluded|confirmed|confirms|responded|responds|suggested|suggests|",
    "testified|mentioned|exclaimed|proclaimed|reiterated|reiterates|cautioned|conceded|",
    "predicted|reminded|saying|adding|telling|noting|stating|writing|explaining|asking|",
    "declaring|insisting|arguing|warning|stressing|urging|recalling|acknowledging|admitting|",
    "announcing|claiming",
));

pub fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(word)
}

/// Titles that precede a person's name.
pub const TITLES: Words = words!(concat!(
    "president|mr|mrs|ms|dr|prof|professor|minister|secretary|senator|governor|general|gen|",
    "judge|justice|ambassador|chancellor|king|queen|pope|sir|mayor|chief|spokesman|spokeswoman|",
    "spokesperson|commander|director|commissioner|inspector|envoy|colonel|col|captain|capt|",
    "lieutenant|lt|sergeant|sgt|ceo|chairman|chairwoman|executive|officer|leader",
));

pub fn is_title(word: &str) -> bool {
    TITLES.contains(word.trim_end_matches('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_as_the_standard_parser_reads_them() {
        for text in ["0", "7", "2500", "382", "1.2", "4.5", ".08", "0.1", "3.14159", "700000", "143.80", "99.99", "1234567.891", "0.000001"] {
            assert_eq!(decimal(text), text.parse::<f64>().ok(), "{text}");
        }
        for text in ["", ".", "1.2.3", "1,5", "-1", "1e5", "inf"] {
            assert_eq!(decimal(text), None, "{text}");
        }
        // beyond f64's range: no value rather than infinity
        assert_eq!(decimal(&"9".repeat(400)), None);
    }
}
