//! Synthetic articles shaped like real ones: ~2 KB of text in ~5 KB of sanitized HTML (links,
//! emphasis, figures), words drawn from a Zipf distribution over a 30,000-word vocabulary so the
//! search index has the same mix of everywhere-words and rare words as English prose.
//! Deterministic: the same seed gives the same corpus, so the query set means the same thing in
//! every run.

/// Distinct words. English prose of a few million words uses about this many.
const VOCABULARY: usize = 30_000;
/// Zipf's exponent for word frequencies; ~1 for natural language.
const ZIPF_EXPONENT: f64 = 1.05;
/// Text per article, in bytes (the "~2 KB text").
const TEXT_BYTES: usize = 2_000;

/// A small, fast, seedable generator (SplitMix64); good enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// The `rank`th most frequent word (0 = most frequent): consonant-vowel syllables spelling the
/// rank in base 52, so every rank is a distinct, pronounceable word and frequent words are short.
pub fn word(rank: usize) -> String {
    const CONSONANTS: &[u8] = b"bdfgklmnprtvz";
    const VOWELS: &[u8] = b"aiou";
    let syllables = CONSONANTS.len() * VOWELS.len();
    let mut n = rank;
    let mut word = String::new();
    loop {
        let s = n % syllables;
        word.push(CONSONANTS[s / VOWELS.len()] as char);
        word.push(VOWELS[s % VOWELS.len()] as char);
        n /= syllables;
        if n == 0 {
            break;
        }
        n -= 1;
    }
    // One-syllable words would be too few to be realistic short words; give them a tail.
    if word.len() == 2 {
        word.push('n');
    }
    word
}

/// Draws word ranks with Zipf frequencies.
pub struct Words {
    cumulative: Vec<f64>,
    spelled: Vec<String>,
}

impl Words {
    pub fn new() -> Words {
        let mut total = 0.0;
        let cumulative = (1..=VOCABULARY)
            .map(|rank| {
                total += 1.0 / (rank as f64).powf(ZIPF_EXPONENT);
                total
            })
            .collect::<Vec<_>>();
        let cumulative = cumulative.iter().map(|c| c / total).collect();
        Words {
            cumulative,
            spelled: (0..VOCABULARY).map(word).collect(),
        }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let u = rng.unit();
        let rank = self.cumulative.partition_point(|c| *c < u);
        &self.spelled[rank.min(VOCABULARY - 1)]
    }

    /// `least` to `least + spread - 1` words separated by spaces.
    fn phrase(&self, rng: &mut Rng, least: usize, spread: usize) -> String {
        let count = least + rng.below(spread);
        let mut out = String::new();
        for i in 0..count {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(self.draw(rng));
        }
        out
    }
}

/// One generated article.
pub struct Generated {
    pub title: String,
    pub author: String,
    pub slug: String,
    pub html: String,
    pub text: String,
}

pub fn article(words: &Words, rng: &mut Rng) -> Generated {
    let title = capitalized(&words.phrase(rng, 5, 8));
    let author = capitalized(&words.phrase(rng, 2, 1));
    let slug = title.to_lowercase().replace(' ', "-");
    let mut html = String::with_capacity(5_600);
    let mut text = String::with_capacity(TEXT_BYTES + 200);
    let mut paragraph = 0;
    while text.len() < TEXT_BYTES {
        if paragraph % 3 == 1 {
            figure(words, rng, &mut html, &mut text);
        }
        html.push_str("<p>");
        let sentences = 2 + rng.below(3);
        for _ in 0..sentences {
            let sentence = capitalized(&words.phrase(rng, 8, 12));
            let pieces: Vec<&str> = sentence.split(' ').collect();
            // About one word in seven sits in a link or in emphasis, as in news copy.
            let mut i = 0;
            while i < pieces.len() {
                let take = (1 + rng.below(3)).min(pieces.len() - i);
                let chunk = pieces[i..i + take].join(" ");
                match rng.below(14) {
                    0 => html.push_str(&format!(
                        "<a href=\"https://www.example-news.com/{}/{:02}/{}-{}\" rel=\"noopener noreferrer\">{chunk}</a>",
                        2020 + rng.below(6),
                        1 + rng.below(12),
                        chunk.to_lowercase().replace(' ', "-"),
                        rng.next() % 1_000_000
                    )),
                    1 => html.push_str(&format!("<em>{chunk}</em>")),
                    2 => html.push_str(&format!("<strong>{chunk}</strong>")),
                    _ => html.push_str(&chunk),
                }
                i += take;
                html.push_str(if i < pieces.len() { " " } else { ". " });
            }
            text.push_str(&sentence);
            text.push_str(". ");
        }
        html.push_str("</p>\n");
        paragraph += 1;
    }
    Generated {
        title,
        author,
        slug,
        html,
        text,
    }
}

fn figure(words: &Words, rng: &mut Rng, html: &mut String, text: &mut String) {
    let caption = capitalized(&words.phrase(rng, 6, 6));
    html.push_str(&format!(
        "<figure><img src=\"https://cdn.example-news.com/images/{}/{:016x}-{}x{}.jpg\" alt=\"{caption}\" width=\"{}\" height=\"{}\" loading=\"lazy\"><figcaption>{caption}</figcaption></figure>\n",
        2020 + rng.below(6),
        rng.next(),
        1200,
        800,
        640,
        427
    ));
    text.push_str(&caption);
    text.push(' ');
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_distinct_and_articles_have_the_intended_sizes() {
        let spelled: std::collections::HashSet<String> = (0..VOCABULARY).map(word).collect();
        assert_eq!(spelled.len(), VOCABULARY);
        let words = Words::new();
        let mut rng = Rng::new(7);
        let articles: Vec<Generated> = (0..200).map(|_| article(&words, &mut rng)).collect();
        let mean = |f: &dyn Fn(&Generated) -> usize| {
            articles.iter().map(f).sum::<usize>() / articles.len()
        };
        let text = mean(&|a| a.text.len());
        let html = mean(&|a| a.html.len());
        assert!((2_000..2_600).contains(&text), "text {text} bytes");
        assert!((4_000..6_500).contains(&html), "html {html} bytes");
    }
}
