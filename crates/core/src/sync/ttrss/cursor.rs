//! Where a Tiny Tiny RSS sync of new articles stands, as the text stored with each page.

/// Where `new_items` goes on from. Between pages of one sync it holds the sync's `since_id`,
/// how far it has paged and the highest id seen (`since:skip:highest`); once done, only the
/// highest id, the next sync's `since_id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cursor {
    pub since: u64,
    pub skip: u64,
    pub highest: u64,
}

impl Cursor {
    pub fn read(cursor: Option<&str>) -> Cursor {
        let numbers: Option<Vec<u64>> = cursor
            .unwrap_or("0")
            .split(':')
            .map(|n| n.parse().ok())
            .collect();
        match numbers.as_deref() {
            Some(&[since]) => Cursor {
                since,
                skip: 0,
                highest: since,
            },
            Some(&[since, skip, highest]) => Cursor {
                since,
                skip,
                highest,
            },
            // Only a damaged database holds a cursor we did not write: starting over costs a
            // download of what the server keeps, never a gap.
            _ => {
                tracing::warn!(
                    ?cursor,
                    "an unreadable Tiny Tiny RSS cursor; syncing from the start"
                );
                Cursor {
                    since: 0,
                    skip: 0,
                    highest: 0,
                }
            }
        }
    }

    pub fn paging(self) -> String {
        format!("{}:{}:{}", self.since, self.skip, self.highest)
    }

    pub fn finished(self) -> String {
        self.highest.to_string()
    }
}
