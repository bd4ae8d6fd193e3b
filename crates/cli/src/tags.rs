//! Tags: putting them on articles, taking them off, and the tags in use.

use tidings_core::Library;
use tidings_core::api::ArticleId;

use crate::error::Failure;

pub async fn tag(library: &Library, id: ArticleId, names: Vec<String>) -> Result<(), Failure> {
    library.tag_article(id, names).await?;
    print_tags_of(library, id).await
}

pub async fn untag(library: &Library, id: ArticleId, names: Vec<String>) -> Result<(), Failure> {
    library.untag_article(id, names).await?;
    print_tags_of(library, id).await
}

/// The article's tags as they stand now, one line: its id, then each tag.
async fn print_tags_of(library: &Library, id: ArticleId) -> Result<(), Failure> {
    let tags = library.article(id).await?.tags;
    println!("{id}\t{}", tags.join("\t"));
    Ok(())
}

/// Every tag in use: its id, its name, its articles and how many of them are unread.
pub async fn list(library: &Library) -> Result<(), Failure> {
    for tag in library.tags().await? {
        let articles = if tag.articles == 1 {
            "article"
        } else {
            "articles"
        };
        println!(
            "{}\t{}\t{} {articles}, {} unread",
            tag.id, tag.name, tag.articles, tag.unread
        );
    }
    Ok(())
}
