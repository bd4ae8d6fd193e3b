//! Tags: what a person calls an article, to find it again under that name. A tagged article is
//! kept, as a bookmarked one is: retention and unsubscribing leave it.

use super::Library;
use super::names::{NameRule, tidy_name};
use crate::api::{ArticleId, Tag};
use crate::{Error, Result};

/// Characters a tag's name holds at most: a word or a short phrase, which the sidebar can show.
pub const TAG_NAME_MAX_CHARS: usize = 64;

/// Tags one call puts on or takes off an article at most.
const TAGS_AT_ONCE: usize = 100;

/// A tag's name as the person typed it, made tidy (spaces trimmed and runs of them made one),
/// or why it cannot be one.
pub fn tag_name(typed: &str) -> Result<String> {
    tidy_name(
        typed,
        &NameRule {
            whose: "a tag's name",
            missing: "a tag needs a name",
            max_chars: TAG_NAME_MAX_CHARS,
        },
    )
}

/// The names given, each made tidy, in the order given.
fn tag_names(typed: &[String]) -> Result<Vec<String>> {
    if typed.is_empty() {
        return Err(Error::Invalid("name at least one tag".to_string()));
    }
    if typed.len() > TAGS_AT_ONCE {
        return Err(Error::Invalid(format!(
            "at most {TAGS_AT_ONCE} tags at once"
        )));
    }
    typed.iter().map(|t| tag_name(t)).collect()
}

impl Library {
    /// Every tag some article carries, by name, with how many articles carry it.
    pub async fn tags(&self) -> Result<Vec<Tag>> {
        self.blocking(|s| s.tags()).await
    }

    /// The tag of that name (in any case).
    pub async fn tag_named(&self, name: &str) -> Result<Tag> {
        let name = tag_name(name)?;
        self.blocking(move |s| {
            s.tag_named(&name)?
                .ok_or_else(|| Error::NotFound(format!("the tag “{name}”")))
        })
        .await
    }

    /// Puts tags on an article (a tag it already has stays as it is).
    pub async fn tag_article(&self, id: ArticleId, names: Vec<String>) -> Result<()> {
        let names = tag_names(&names)?;
        self.change(format!("article {id}"), move |s| s.tag_article(id, &names))
            .await
    }

    /// Takes tags off an article (one it does not have is no error).
    pub async fn untag_article(&self, id: ArticleId, names: Vec<String>) -> Result<()> {
        let names = tag_names(&names)?;
        self.change(format!("article {id}"), move |s| {
            s.untag_article(id, &names)
        })
        .await
    }
}
