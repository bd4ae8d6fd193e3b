//! Tags on a synced account's articles: on a Google Reader API server they are its labels,
//! both ways; on a service without labels they stay on this computer, and the account says so.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use tidings_core::Library;
use tidings_core::api::AccountKind;
use tidings_core::sync::greader::GReader;
use tidings_core::sync::{Backend, Mark, SyncHttp};

use super::{World, articles};

/// Each label on the server with the articles (their ids) it is on.
async fn labels_on_server(world: &World) -> BTreeMap<String, BTreeSet<String>> {
    let http = SyncHttp::new(Default::default()).unwrap();
    let mut client = GReader::log_in(http, &world.login()).await.unwrap();
    client
        .labels()
        .await
        .unwrap()
        .into_iter()
        .map(|label| (label.name, label.ids.into_iter().collect()))
        .collect()
}

/// The server's id of each article, by title (the farm's titles are unique).
async fn server_ids(world: &World) -> HashMap<String, String> {
    let http = SyncHttp::new(Default::default()).unwrap();
    let mut client = GReader::log_in(http, &world.login()).await.unwrap();
    let mut ids = HashMap::new();
    let mut cursor = None;
    loop {
        let page = client.new_items(cursor.as_deref()).await.unwrap();
        ids.extend(page.items.into_iter().map(|item| (item.title, item.id)));
        if page.done {
            return ids;
        }
        cursor = Some(page.cursor);
    }
}

/// The names of the tags here, with the titles of the articles each is on.
async fn tags_here(library: &Library) -> BTreeMap<String, BTreeSet<String>> {
    let mut tags = BTreeMap::new();
    for (id, title, _, _) in articles(library).await {
        for tag in library.article(id).await.unwrap().tags {
            tags.entry(tag)
                .or_insert_with(BTreeSet::new)
                .insert(title.clone());
        }
    }
    tags
}

fn set<const N: usize>(items: [&str; N]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn freshrss_tags_are_its_labels_both_ways() {
    let world = World::freshrss(AccountKind::Greader);
    let (library, account) = world.synced_library().await;
    assert!(account.abilities.labels);
    let all = articles(&library).await;
    let remote = server_ids(&world).await;
    let (first, second, third) = (&all[0], &all[1], &all[2]);
    let id_of = |article: &(i64, String, bool, bool)| remote[&article.1].clone();

    // Tagged here → labelled on the server.
    library
        .tag_article(first.0, vec!["Later".to_string()])
        .await
        .unwrap();
    let sent = library.sync_account(account.id).await.unwrap();
    assert_eq!(sent.sent, 1);
    assert_eq!(
        labels_on_server(&world).await,
        BTreeMap::from([("Later".to_string(), set([&id_of(first)]))])
    );
    // The farm's feeds sit in folders, which the API also calls labels: none is a tag here.
    assert!(!library.list_folders().await.unwrap().is_empty());
    assert_eq!(
        tags_here(&library).await,
        BTreeMap::from([("Later".to_string(), set([&first.1]))])
    );

    // Labelled on another device → tagged here; a label taken off there comes off here.
    world
        .mark_on_server(&[id_of(second)], Mark::Labelled("Research".to_string()))
        .await;
    world
        .mark_on_server(&[id_of(first)], Mark::Unlabelled("Later".to_string()))
        .await;
    let followed = library.sync_account(account.id).await.unwrap();
    assert_eq!(followed.changed_articles, 2, "{followed:?}");
    assert_eq!(
        tags_here(&library).await,
        BTreeMap::from([("Research".to_string(), set([&second.1]))])
    );

    // A tag moved here before the next sync reaches the server as the person left it.
    library
        .tag_article(third.0, vec!["research".to_string()])
        .await
        .unwrap();
    library
        .untag_article(second.0, vec!["Research".to_string()])
        .await
        .unwrap();
    let sent = library.sync_account(account.id).await.unwrap();
    assert_eq!((sent.sent, sent.changed_articles), (2, 0), "{sent:?}");
    assert_eq!(
        labels_on_server(&world).await,
        BTreeMap::from([("Research".to_string(), set([&id_of(third)]))])
    );
    assert_eq!(
        tags_here(&library).await,
        BTreeMap::from([("Research".to_string(), set([&third.1]))])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_fever_account_tags_stay_on_this_computer() {
    let world = World::coldsweat();
    let (library, account) = world.synced_library().await;
    assert!(!account.abilities.labels);
    let article = articles(&library).await[0].clone();
    library
        .tag_article(article.0, vec!["Later".to_string()])
        .await
        .unwrap();
    let summary = library.sync_account(account.id).await.unwrap();
    assert_eq!((summary.sent, summary.error), (0, None));
    assert_eq!(
        library.account(account.id).await.unwrap().pending_changes,
        0
    );
    assert_eq!(
        tags_here(&library).await,
        BTreeMap::from([("Later".to_string(), set([&article.1]))])
    );
}
