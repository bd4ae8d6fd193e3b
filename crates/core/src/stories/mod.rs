//! One story, many feeds: what says that two articles are the same story, decided from the
//! article alone so that ingest can look its copies up by key.
//!
//! An article's keys (`StoryPrint::keys`) are its canonical address (tracking parameters,
//! `www.`, the scheme, a fragment and a trailing slash gone), its guid when the guid is an
//! address or a URI meant to be unique everywhere, and four bands of a MinHash of its opening
//! text (4-word shingles of its first words, so that a copy cut short after its first paragraph,
//! or given a dateline, still shares them). Two articles sharing a key are the same story when
//! the key is an address or a guid, or, for a band, when their openings agree on at least
//! [`SAME_TEXT`] of the MinHash's values: a story retitled or trimmed is found by its text, and
//! two different stories under one title ("Daily briefing") are not, their texts differ.
//!
//! A key that two articles of one feed share says nothing of a story (a feed whose every item
//! links to its home page, or opens with the same boilerplate): the store does not merge on it.

#[cfg(test)]
mod tests;

use url::Url;

/// Words of the text the opening is taken from.
const OPENING_WORDS: usize = 30;
/// Words in a shingle.
const SHINGLE: usize = 4;
/// A text shorter than this has no opening to compare: too little to tell stories apart.
const MIN_OPENING_WORDS: usize = 20;
/// MinHash values: `BANDS` bands of `ROWS`. A copy with a word changed in its opening still
/// shares a band (all its values) with the original nine times in ten; unrelated texts almost
/// never do.
const BANDS: usize = 5;
const ROWS: usize = 3;
const HASHES: usize = BANDS * ROWS;
/// Of the `HASHES` values, how many two openings share to be one story (an estimated Jaccard
/// similarity of their shingles of 0.6).
pub const SAME_TEXT: usize = 9;

/// Query parameters that say who sent a reader, never which page: dropped from addresses.
const TRACKING_PARAMETERS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_hsenc",
    "_hsmi",
    "ref",
    "ref_src",
    "ref_url",
    "cmpid",
    "ncid",
    "ocid",
    "sr_share",
    "spm",
    "smid",
    "partner",
    "guccounter",
    "guce_referrer",
    "guce_referrer_sig",
    "at_medium",
    "at_campaign",
    "at_custom1",
    "at_custom2",
    "at_custom3",
    "at_custom4",
    "wt.mc_id",
    "cid",
    "feature",
];

/// What a story is known by, computed once per arriving article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryPrint {
    /// Keys that name the story outright: its canonical address, and its guid when that is an
    /// address (the same kind of key: one feed's link is often another's guid) or a URI meant
    /// to be unique everywhere.
    pub identities: Vec<i64>,
    /// The opening's MinHash, if the text is long enough to have one.
    pub opening: Option<[u32; HASHES]>,
}

/// A key and what it takes for two articles sharing it to be one story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryKey {
    pub key: i64,
    /// A band of the opening's MinHash: their openings must agree too ([`same_text`]).
    pub band: bool,
}

impl StoryPrint {
    pub fn of(url: Option<&str>, guid: Option<&str>, text: &str) -> StoryPrint {
        let mut identities: Vec<i64> = url
            .and_then(canonical_address)
            .map(|a| key(b"a", a.as_bytes()))
            .into_iter()
            .collect();
        if let Some(guid) = guid.and_then(guid_key)
            && !identities.contains(&guid)
        {
            identities.push(guid);
        }
        StoryPrint {
            identities,
            opening: opening_minhash(text),
        }
    }

    /// Every key.
    pub fn keys(&self) -> Vec<StoryKey> {
        let mut keys: Vec<StoryKey> = self
            .identities
            .iter()
            .map(|&key| StoryKey { key, band: false })
            .collect();
        if let Some(values) = &self.opening {
            for (band, rows) in values.chunks(ROWS).enumerate() {
                let mut bytes = vec![band as u8];
                bytes.extend(rows.iter().flat_map(|v| v.to_le_bytes()));
                keys.push(StoryKey {
                    key: key(b"b", &bytes),
                    band: true,
                });
            }
        }
        keys
    }

    /// The opening's MinHash as stored beside the keys.
    pub fn opening_bytes(&self) -> Option<Vec<u8>> {
        self.opening
            .map(|values| values.iter().flat_map(|v| v.to_le_bytes()).collect())
    }
}

/// Whether two articles are one story, as ingest decides it: they share an identity, or a band
/// of their openings and [`same_text`] (ingest finds the candidates by those keys; within one
/// feed it merges nothing).
pub fn same_story(a: &StoryPrint, b: &StoryPrint) -> bool {
    if a.identities.iter().any(|k| b.identities.contains(k)) {
        return true;
    }
    let theirs = b.keys();
    let share_a_band = a.keys().iter().any(|k| k.band && theirs.contains(k));
    share_a_band
        && matches!((a.opening_bytes(), b.opening_bytes()), (Some(x), Some(y)) if same_text(&x, &y))
}

/// Whether two openings (as [`StoryPrint::opening_bytes`] stores them) tell one story.
pub fn same_text(a: &[u8], b: &[u8]) -> bool {
    a.len() == HASHES * 4
        && b.len() == HASHES * 4
        && a.chunks(4).zip(b.chunks(4)).filter(|(x, y)| x == y).count() >= SAME_TEXT
}

/// The address without what varies between copies of one page, or `None` for an address that
/// cannot name one story (a site's home page).
pub fn canonical_address(address: &str) -> Option<String> {
    let url = Url::parse(address.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let path = url.path().trim_end_matches('/');
    if path.is_empty() {
        return None;
    }
    let mut query: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(name, _)| {
            let name = name.to_ascii_lowercase();
            !name.starts_with("utm_") && !TRACKING_PARAMETERS.contains(&name.as_str())
        })
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    query.sort();
    let mut canonical = format!("{host}{path}");
    for (i, (name, value)) in query.iter().enumerate() {
        canonical.push(if i == 0 { '?' } else { '&' });
        canonical.push_str(name);
        canonical.push('=');
        canonical.push_str(value);
    }
    Some(canonical)
}

/// The key of a guid that names one story wherever it appears: an address (made canonical, and
/// keyed as addresses are), or a URI of its own scheme (`tag:`, `urn:`) long enough to be
/// unique. "42" or "post-7" are a feed's own numbering.
fn guid_key(guid: &str) -> Option<i64> {
    let guid = guid.trim();
    if guid.starts_with("http://") || guid.starts_with("https://") {
        return canonical_address(guid).map(|a| key(b"a", a.as_bytes()));
    }
    let lower = guid.to_ascii_lowercase();
    ((lower.starts_with("tag:") || lower.starts_with("urn:")) && guid.len() >= 16)
        .then(|| key(b"g", guid.as_bytes()))
}

/// The MinHash of the 4-word shingles of the text's first words, or `None` when it is too short.
/// A dateline ("LONDON (Wire) — ") that one copy has and another has not is left out.
fn opening_minhash(text: &str) -> Option<[u32; HASHES]> {
    let text = after_dateline(text);
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(OPENING_WORDS)
        .map(word_hash)
        .collect();
    if words.len() < MIN_OPENING_WORDS {
        return None;
    }
    let mut values = [u32::MAX; HASHES];
    for shingle in words.windows(SHINGLE) {
        let hash = shingle.iter().fold(FNV_OFFSET, |hash, word| {
            (hash.rotate_left(17) ^ word).wrapping_mul(FNV_PRIME)
        });
        for (i, value) in values.iter_mut().enumerate() {
            *value = (*value).min(permute(hash, i));
        }
    }
    Some(values)
}

/// The text after a dateline: a dash within its first words ("PARIS, May 3 (AFP) - ").
fn after_dateline(text: &str) -> &str {
    let mut end = text.len().min(60);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    ["—", "–", " - "]
        .iter()
        .filter_map(|dash| head.find(dash).map(|at| at + dash.len()))
        .min()
        .map_or(text, |start| &text[start..])
}

/// A word's hash, its case folded.
fn word_hash(word: &str) -> u64 {
    if word.is_ascii() {
        return word.bytes().fold(FNV_OFFSET, |hash, byte| {
            (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
        });
    }
    let mut hash = FNV_OFFSET;
    let mut buffer = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        hash = fnv(hash, c.encode_utf8(&mut buffer).as_bytes());
    }
    hash
}

/// The `i`th of the MinHash's hash functions of a shingle's hash.
fn permute(hash: u64, i: usize) -> u32 {
    let mixed = (hash ^ SEEDS[i]).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (mixed >> 32) as u32
}

/// Fixed seeds: a story's print must stay the same from one version of Tidings to the next.
const SEEDS: [u64; HASHES] = [
    0x243F_6A88_85A3_08D3,
    0x1319_8A2E_0370_7344,
    0xA409_3822_299F_31D0,
    0x082E_FA98_EC4E_6C89,
    0x4528_21E6_38D0_1377,
    0xBE54_66CF_34E9_0C6C,
    0xC0AC_29B7_C97C_50DD,
    0x3F84_D5B5_B547_0917,
    0x9216_D5D9_8979_FB1B,
    0xD131_0BA6_98DF_B5AC,
    0x2FFD_72DB_D01A_DFB7,
    0xB8E1_AFED_6A26_7E96,
    0xBA7C_9045_F12C_7F99,
    0x24A1_9947_B391_6CF7,
    0x0801_F2E2_858E_FC16,
];

const FNV_OFFSET: u64 = 0xCBF2_9CE4_8422_2325;

const FNV_PRIME: u64 = 0x0000_0100_0000_01B3;

fn fnv(mut hash: u64, bytes: &[u8]) -> u64 {
    for byte in bytes {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}

/// A key as stored: a 64-bit FNV-1a of what it is (`kind`) and its bytes, stable across
/// versions (unlike the standard library's hasher).
fn key(kind: &[u8], bytes: &[u8]) -> i64 {
    fnv(fnv(FNV_OFFSET, kind), bytes) as i64
}
