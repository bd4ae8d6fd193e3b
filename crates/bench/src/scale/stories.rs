//! One story, many feeds (issue 18): whether copies of a story are found and different stories
//! kept apart, on a labelled set made from the farm's articles (precision ≥ 0.99, recall ≥ 0.9);
//! whether the million-article library holds a false merge; and what finding stories adds to a
//! refresh's CPU (≤ 10%), with the setting off and on in alternation.

use std::path::Path;
use std::time::Instant;

use tidings_core::Library;
use tidings_core::api::Settings;
use tidings_core::sanitize::plain_text;
use tidings_core::stories::{StoryPrint, same_story};
use tidings_testkit::Farm;
use url::Url;

use super::cases::Case;

/// An article as the labelled set needs it.
#[derive(Clone)]
struct Piece {
    title: String,
    link: Option<String>,
    guid: Option<String>,
    text: String,
}

impl Piece {
    fn print(&self) -> StoryPrint {
        StoryPrint::of(self.link.as_deref(), self.guid.as_deref(), &self.text)
    }
}

/// How a labelled pair was made, and whether it is one story.
struct Pair {
    kind: &'static str,
    same: bool,
    a: Piece,
    b: Piece,
}

/// The farm's articles: `feeds` feeds, all their items.
fn farm_pieces(farm: &Farm, feeds: usize) -> Result<Vec<Piece>, String> {
    let opml = String::from_utf8(farm.get("/feeds.opml")?).map_err(|e| e.to_string())?;
    let mut pieces = Vec::new();
    for address in opml
        .split("xmlUrl=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .take(feeds)
    {
        let url = Url::parse(address).map_err(|e| e.to_string())?;
        let bytes = farm.get(url.path())?;
        let Ok(feed) = tidings_core::feeds::parse(&bytes, &url) else {
            continue;
        };
        pieces.extend(feed.items.into_iter().map(|item| Piece {
            title: item.title,
            link: item.link,
            guid: item.guid,
            text: plain_text(&item.content_html),
        }));
    }
    Ok(pieces)
}

/// The labelled pairs: each article beside its syndicated copies (retitled, its address
/// tracked, trimmed to its first sentences, given a dateline, named by its address as a guid,
/// its first sentence edited), and beside other stories (one under its very title, one at
/// random).
fn labelled_pairs(pieces: &[Piece]) -> Vec<Pair> {
    let syndicated = |i: usize| Some(format!("https://wire.example/story/{i}"));
    let mut pairs = Vec::new();
    for (i, original) in pieces.iter().enumerate() {
        let other = &pieces[(i * 7919 + 13) % pieces.len()];
        if other.text == original.text {
            continue;
        }
        let copy = |kind, b: Piece| Pair {
            kind,
            same: true,
            a: original.clone(),
            b,
        };
        let mut tracked = original.clone();
        tracked.title = other.title.clone();
        tracked.link = original
            .link
            .as_ref()
            .map(|l| format!("{l}?utm_source=rss&utm_medium=feed&fbclid=x1"));
        tracked.guid = None;
        pairs.push(copy("retitled, address tracked", tracked));
        let mut retitled = original.clone();
        retitled.title = other.title.clone();
        retitled.link = syndicated(i);
        retitled.guid = None;
        pairs.push(copy("retitled, own address", retitled));
        let words: Vec<&str> = original.text.split_whitespace().collect();
        if words.len() >= 40 {
            let mut trimmed = original.clone();
            trimmed.text = words[..25].join(" ");
            trimmed.link = syndicated(i);
            trimmed.guid = None;
            pairs.push(copy("trimmed to its opening", trimmed));
        }
        let mut dated = original.clone();
        dated.text = format!("LONDON (Wire) — {}", original.text);
        dated.link = syndicated(i);
        dated.guid = None;
        pairs.push(copy("given a dateline", dated));
        let mut named = original.clone();
        named.guid = original.link.clone();
        named.link = syndicated(i);
        named.text = other.text.clone();
        pairs.push(copy("its address as guid", named));
        if words.len() >= 30 {
            let mut edited = original.clone();
            let mut changed: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            changed[5] = "reportedly".to_string();
            edited.text = changed.join(" ");
            edited.link = syndicated(i);
            edited.guid = None;
            pairs.push(copy("a word edited", edited));
        }
        let mut same_title = other.clone();
        same_title.title = original.title.clone();
        pairs.push(Pair {
            kind: "another story, same title",
            same: false,
            a: original.clone(),
            b: same_title,
        });
        pairs.push(Pair {
            kind: "another story",
            same: false,
            a: original.clone(),
            b: other.clone(),
        });
    }
    pairs
}

/// Precision and recall of [`same_story`] on the labelled set, with the kinds it got wrong.
pub fn labelled_set(farm: &Farm, feeds: usize) -> Result<Case, String> {
    let pieces = farm_pieces(farm, feeds)?;
    let pairs = labelled_pairs(&pieces);
    let started = Instant::now();
    let decided: Vec<bool> = pairs
        .iter()
        .map(|p| same_story(&p.a.print(), &p.b.print()))
        .collect();
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut wrong: std::collections::BTreeMap<&str, usize> = Default::default();
    for (pair, &said) in pairs.iter().zip(&decided) {
        match (pair.same, said) {
            (true, true) => tp += 1,
            (false, true) => fp += 1,
            (true, false) => fn_ += 1,
            (false, false) => {}
        }
        if pair.same != said {
            *wrong.entry(pair.kind).or_default() += 1;
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    let positives = pairs.iter().filter(|p| p.same).count();
    Ok(Case {
        name: "stories_labelled_set".to_string(),
        target_ms: None,
        samples: vec![ms],
        cpu: vec![ms],
        note: format!(
            "precision {precision:.4} (target >= 0.99), recall {recall:.4} (target >= 0.9) on \
             {} pairs ({positives} one story) from {} farm articles; wrong: {wrong:?}",
            pairs.len(),
            pieces.len()
        ),
    })
}

/// Copies in a library and how many of them, checked by their text against their story's
/// first article, are not the same story: the copy's first 30 words sharing under half of
/// the first's.
pub fn false_merges(db: &Path, sample: usize) -> Result<Case, String> {
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    let copies: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE story_id IS NOT NULL",
            [],
            |row| row.get(0),
        )
        .map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare(
            "SELECT c.html, l.html FROM articles a
             JOIN article_bodies c ON c.article_id = a.id
             JOIN article_bodies l ON l.article_id = a.story_id
             WHERE a.story_id IS NOT NULL ORDER BY random() LIMIT ?1",
        )
        .map_err(|e| e.to_string())?;
    let pairs: Vec<(String, String)> = stmt
        .query_map([sample as i64], |row| Ok((row.get(0)?, row.get(1)?)))
        .map_err(|e| e.to_string())?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| e.to_string())?;
    let opening = |html: &str| -> std::collections::HashSet<String> {
        plain_text(html)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(30)
            .map(str::to_lowercase)
            .collect()
    };
    let false_ones = pairs
        .iter()
        .filter(|(copy, first)| {
            let (a, b) = (opening(copy), opening(first));
            let shared = a.intersection(&b).count();
            shared * 2 < a.len().min(b.len())
        })
        .count();
    Ok(Case {
        name: "stories_false_merges_in_library".to_string(),
        target_ms: None,
        samples: vec![false_ones as f64],
        cpu: vec![0.0],
        note: format!(
            "{false_ones} false among {} copies checked by their text ({copies} copies in all; \
             target 0)",
            pairs.len()
        ),
    })
}

/// A refresh of the farm's feeds into a new library with stories off and on, `runs` pairs.
pub fn refresh_cost(
    runtime: &tokio::runtime::Runtime,
    farm: &Farm,
    feeds: usize,
    runs: usize,
    work: &Path,
) -> Result<Vec<Case>, String> {
    let merge_stories = |library: &Library, merge: bool| {
        let settings = runtime
            .block_on(library.settings())
            .map_err(|e| e.to_string())?;
        runtime
            .block_on(library.set_settings(Settings {
                merge_stories: merge,
                ..settings
            }))
            .map_err(|e| e.to_string())
    };
    let paired = super::refresh_into::paired(
        runtime,
        farm,
        (feeds, runs),
        work,
        "stories",
        merge_stories,
        |_, _, _| Ok(()),
    )?;
    Ok(paired.cases(
        feeds,
        ["refresh_stories_off", "refresh_stories_on"],
        "<= 1.10x",
        "",
    ))
}
