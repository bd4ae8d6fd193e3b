//! A sync's last step, once a day: the server's retention becomes the account's. Servers
//! remove old read articles on their own schedule (FreshRSS after three months by default,
//! Tiny Tiny RSS after 60 days); the local "keep read articles" setting never applies to them.

use super::Library;
use super::sync::sync_error;
use crate::store::StoredAccount;
use crate::sync::{Backend, SyncError};
use crate::{Result, now};

impl Library {
    /// Asks the server which of the account's read articles it still keeps and removes the
    /// others here, unless bookmarked or saved. `listed` is an article the server has just
    /// listed as unread: it is asked about with the rest, and an answer without it is not
    /// believed (a broken server saying it keeps nothing must not empty the library). With
    /// nothing unread, the newest article here stands in; without it in the answer, nothing
    /// is removed today (the server may have let it go too).
    pub(super) async fn follow_server_retention<B: Backend>(
        &self,
        account: &StoredAccount,
        backend: &mut B,
        listed: Option<String>,
    ) -> Result<u64> {
        let id = account.id;
        let removable = self.blocking(move |s| s.removable_synced(id)).await?;
        let listed_unread = listed.is_some();
        let witness = match listed {
            Some(listed) => Some(listed),
            None => self.blocking(move |s| s.newest_synced(id)).await?,
        };
        let Some(witness) = witness.filter(|_| !removable.is_empty()) else {
            self.blocking(move |s| s.kept_checked(id, now())).await?;
            return Ok(0);
        };
        let mut asked = Vec::with_capacity(removable.len() + 1);
        asked.push(witness.clone());
        asked.extend(removable.iter().cloned());
        let kept = backend
            .kept(&asked)
            .await
            .map_err(|error| sync_error(account, error))?;
        if !kept.contains(&witness) && !listed_unread {
            tracing::warn!(
                account = id,
                "the server no longer keeps the newest article here; nothing removed today"
            );
            self.blocking(move |s| s.kept_checked(id, now())).await?;
            return Ok(0);
        }
        if !kept.contains(&witness) {
            return Err(sync_error(
                account,
                SyncError::BadResponse(format!(
                    "the server says it no longer keeps article {witness}, which it has just \
                     listed; nothing was removed here"
                )),
            ));
        }
        let gone: Vec<String> = removable
            .into_iter()
            .filter(|remote| !kept.contains(remote))
            .collect();
        let removed = self
            .blocking(move |s| {
                let removed = s.remove_unkept(id, &gone, now())?;
                s.kept_checked(id, now())?;
                Ok(removed)
            })
            .await?;
        if removed > 0 {
            tracing::info!(
                account = id,
                removed,
                "removed articles the server no longer keeps"
            );
        }
        Ok(removed as u64)
    }
}
