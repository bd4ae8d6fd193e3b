//! Labels: the Google Reader API calls both folders and tags labels (`user/-/label/NAME`);
//! `tag/list` tells them apart by `type` where the server says, else a label that names a
//! feed's folder is a folder.

use super::{GReader, parse};
use crate::sync::{Backend, RemoteLabel, SyncError};

/// Labels on the server beyond which the rest are left out of a sync (each is a request).
const MAX_LABELS: usize = 500;

/// The stream of a label (or of a folder: the API names both so).
pub(super) fn label_stream(name: &str) -> String {
    format!("user/-/label/{name}")
}

impl GReader {
    /// The tag list, then the ids of each label that is a tag (a request each).
    pub(super) async fn tags_with_ids(&mut self) -> Result<Vec<RemoteLabel>, SyncError> {
        let answer = self.get("tag/list", &[("output", "json".into())]).await?;
        let listed = parse::tag_list(&answer.body)?;
        let folders = match self.folders.clone() {
            Some(folders) => folders,
            None => {
                Backend::feeds(self).await?;
                self.folders.clone().unwrap_or_default()
            }
        };
        let tags: Vec<String> = listed
            .into_iter()
            .filter(|l| l.is_tag.unwrap_or(!folders.contains(&l.name)))
            .map(|l| l.name)
            .collect();
        if tags.len() > MAX_LABELS {
            tracing::warn!(
                labels = tags.len(),
                "the server has more labels than a sync follows; the first {MAX_LABELS} are"
            );
        }
        let mut labels = Vec::new();
        for name in tags.into_iter().take(MAX_LABELS) {
            let ids = self.ids(&label_stream(&name), None).await?;
            if !ids.is_empty() {
                labels.push(RemoteLabel { name, ids });
            }
        }
        Ok(labels)
    }
}
