//! The Highlights view at a million articles: 10,000 highlights spread over the library (a
//! tenth of them noted, a few articles tagged), then its first page as it opens, narrowed by a
//! colour, a tag and a note's word, and one article's highlights placed in its text. The
//! highlights are taken away again at the end, so the other groups measure the library as it
//! was.

use tidings_core::api::{HighlightColor, HighlightFilter};
use tidings_core::highlights::Selector;

use super::cases::{Outcome, Runner, err};

/// What opening the view may take at a million articles (issue 19).
const TARGET_MS: f64 = 20.0;
const HIGHLIGHTS: usize = 10_000;

impl Runner<'_> {
    pub fn highlights_view(&mut self) -> Outcome {
        let rt = self.runtime;
        let store = self.library.store();
        let ids: Vec<i64> = {
            let conn = rusqlite::Connection::open(store.path()).map_err(err)?;
            let mut stmt = conn
                .prepare("SELECT id FROM articles ORDER BY id")
                .map_err(err)?;
            stmt.query_map([], |row| row.get(0))
                .map_err(err)?
                .collect::<rusqlite::Result<_>>()
                .map_err(err)?
        };
        if ids.is_empty() {
            return Err("the library is empty".to_string());
        }
        let step = (ids.len() / HIGHLIGHTS).max(1);
        let mut made = Vec::with_capacity(HIGHLIGHTS);
        for n in 0..HIGHLIGHTS {
            let article = ids[(n * step) % ids.len()];
            let selector = Selector {
                quote: format!("passage {n} of the story, worth keeping"),
                prefix: String::new(),
                suffix: String::new(),
                start: 0,
            };
            let color = HighlightColor::ALL[n % 4];
            let id = store
                .add_highlight(article, &selector, color, tidings_core::now())
                .map_err(err)?
                .ok_or("an article went missing")?;
            if n % 10 == 0 {
                let note = format!("note {n} about the harbour timetable");
                store.change_highlight(id, None, Some(&note)).map_err(err)?;
            }
            made.push((id, article));
        }
        let tagged_article = made[made.len() / 2].1;
        rt.block_on(
            self.library
                .tag_article(tagged_article, vec!["Bench highlights".to_string()]),
        )
        .map_err(err)?;
        let tag = rt
            .block_on(self.library.tag_named("Bench highlights"))
            .map_err(err)?;

        let cases = [
            ("highlights view: first page", HighlightFilter::default()),
            (
                "highlights view: one colour",
                HighlightFilter {
                    color: Some(HighlightColor::Pink),
                    ..HighlightFilter::default()
                },
            ),
            (
                "highlights view: one tag",
                HighlightFilter {
                    tag_id: Some(tag.id),
                    ..HighlightFilter::default()
                },
            ),
            (
                "highlights view: a note's word",
                HighlightFilter {
                    text: "timetable".to_string(),
                    ..HighlightFilter::default()
                },
            ),
        ];
        let mut outcome = Ok(());
        for (name, filter) in cases {
            let page = rt
                .block_on(self.library.list_highlights(filter.clone()))
                .map_err(err)?;
            let note = format!(
                "{} listed of {HIGHLIGHTS}{}",
                page.highlights.len(),
                if page.next.is_some() {
                    ", more after"
                } else {
                    ""
                }
            );
            outcome = outcome.and(self.time(name, Some(TARGET_MS), note, |l| {
                rt.block_on(l.list_highlights(filter.clone()))
                    .map(drop)
                    .map_err(err)
            }));
        }
        let (_, article) = made[made.len() - 1];
        outcome = outcome.and(self.time(
            "highlights of the article on screen, placed",
            Some(TARGET_MS),
            "one highlight".to_string(),
            |l| {
                rt.block_on(l.article_highlights(article))
                    .map(drop)
                    .map_err(err)
            },
        ));

        for (id, _) in made {
            store.remove_highlight(id).map_err(err)?;
        }
        rt.block_on(
            self.library
                .untag_article(tagged_article, vec!["Bench highlights".to_string()]),
        )
        .map_err(err)?;
        outcome
    }
}
