//! Word lists shared by the extractors. Plain English lexicon, written for
//! this project; the reporting verbs follow the usual news-attribution lists
//! (said, told, added, stated, ...).

/// A word in ASCII lower case, on the stack for short words: the lexicon is
/// consulted for nearly every token, so it must not allocate.
pub struct Lower {
    buf: [u8; 24],
    len: usize,
    heap: Option<String>,
}

impl std::ops::Deref for Lower {
    type Target = str;
    fn deref(&self) -> &str {
        match &self.heap {
            Some(s) => s,
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }
}

pub fn lower(word: &str) -> Lower {
    let mut buf = [0u8; 24];
    if word.len() <= buf.len() && word.is_ascii() {
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        Lower { buf, len: word.len(), heap: None }
    } else {
        Lower { buf, len: 0, heap: Some(word.to_ascii_lowercase()) }
    }
}

pub const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
];
const MONTH_ABBREVIATIONS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// 1-based month of a month name or its usual abbreviation ("Sept" too).
pub fn month(word: &str) -> Option<u32> {
    let lowered = lower(word);
    let w: &str = &lowered;
    let w = w.trim_end_matches('.');
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u32 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    MONTH_ABBREVIATIONS.iter().position(|m| *m == w).map(|i| i as u32 + 1)
}

pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// 0 = Monday.
pub fn weekday(word: &str) -> Option<u32> {
    let lowered = lower(word);
    let w: &str = &lowered;
    WEEKDAYS.iter().position(|d| *d == w).map(|i| i as u32)
}

/// Value of a cardinal number word ("seven", "forty").
pub fn number_word(word: &str) -> Option<f64> {
    const SMALL: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let lowered = lower(word);
    let w: &str = &lowered;
    if let Some(i) = SMALL.iter().position(|s| *s == w) {
        return Some(i as f64);
    }
    if w == "nought" || w == "naught" {
        return Some(0.0);
    }
    TENS.iter().position(|s| *s == w).map(|i| (i as f64 + 2.0) * 10.0)
}

/// Multiplier of a scale word ("million", "bn").
pub fn scale(word: &str) -> Option<f64> {
    Some(match &*lower(word) {
        "hundred" => 1e2,
        "thousand" | "k" => 1e3,
        "million" | "mn" | "m" | "mil" => 1e6,
        "billion" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "tn" | "tln" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        "dozen" => 12.0,
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
    Some(match token {
        "$" | "US$" | "USD" => "usd",
        "€" | "EUR" => "eur",
        "£" | "GBP" => "gbp",
        "¥" => "jpy",
        "₹" => "inr",
        "KSh" | "Ksh" | "KES" | "Kshs" => "kes",
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

/// Currency words written after an amount.
pub fn currency_word(word: &str) -> Option<&'static str> {
    Some(match &*lower(word) {
        "dollars" | "dollar" => "usd",
        "euros" | "euro" => "eur",
        "pounds" => "gbp",
        "shillings" => "kes",
        "yen" => "jpy",
        "rupees" => "inr",
        _ => return None,
    })
}

/// Words that end a noun phrase after a number: function words, auxiliaries
/// and common verbs.
pub const PHRASE_STOPS: [&str; 58] = [
    "of", "to", "in", "on", "at", "by", "for", "from", "with", "into", "and", "or", "but", "who", "that", "which",
    "whom", "whose", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "can", "may", "might", "must", "do", "does", "did", "the", "a", "an", "this", "these", "those",
    "as", "than", "so", "if", "when", "while", "since", "per", "each", "it", "they", "he", "she",
];

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
    let w = word.to_lowercase();
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
            return w[..w.len() - 2].to_string();
        }
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w.len() > 3 {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Verbs that introduce reported speech, in the forms news text uses.
pub const REPORTING_VERBS: [&str; 52] = [
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "explained", "explains",
    "remarked", "remarks", "declared", "declares", "noted", "notes", "announced", "announces", "asked", "asks",
    "wrote", "writes", "insisted", "insists", "argued", "argues", "warned", "warns", "claimed", "claims",
    "urged", "urges", "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "continued", "continues",
    "replied", "replies", "recalled", "recalls", "acknowledged", "acknowledges", "admitted", "admits", "tweeted",
    "posted", "shared", "according",
];

pub fn is_reporting_verb(word: &str) -> bool {
    let lowered = lower(word);
    let w: &str = &lowered;
    REPORTING_VERBS.contains(&w)
}

/// Titles that precede a person's name.
pub const TITLES: [&str; 22] = [
    "president", "mr", "mrs", "ms", "dr", "prof", "professor", "minister", "secretary", "senator", "governor",
    "general", "gen", "judge", "justice", "ambassador", "chancellor", "king", "queen", "pope", "sir", "mayor",
];

pub fn is_title(word: &str) -> bool {
    let lowered = lower(word);
    let w: &str = &lowered;
    TITLES.contains(&w.trim_end_matches('.'))
}
