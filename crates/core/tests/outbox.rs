//! The outbox: a change made here to a synced article waits, in the same transaction, until
//! its server has it; the server's state never undoes it meanwhile; a change the server refuses
//! is undone here. Tags are labels there, each one change.

use std::collections::HashSet;

use tidings_core::api::ArticleView;
use tidings_core::store::{OutgoingChange, SyncedField};
use tidings_core::sync::RemoteLabel;

use super::accounts::synced_library;

fn change(remote_id: &str, field: SyncedField, value: bool) -> OutgoingChange {
    OutgoingChange {
        remote_id: remote_id.to_string(),
        field,
        value,
    }
}

fn sorted(mut changes: Vec<OutgoingChange>) -> Vec<OutgoingChange> {
    changes.sort_by_key(|c| (c.remote_id.clone(), format!("{:?}", c.field)));
    changes
}

#[test]
fn a_change_waits_in_the_outbox_and_its_opposite_cancels_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.set_read(ids[0], true).unwrap();
    store.set_bookmarked(ids[1], true, 10, None).unwrap();
    assert_eq!(
        sorted(store.outbox(account, 100).unwrap()),
        vec![
            change("1", SyncedField::Read, true),
            change("2", SyncedField::Starred, true)
        ]
    );
    // Read, then unread again before any sync: the server need hear nothing.
    store.set_read(ids[0], false).unwrap();
    store.set_bookmarked(ids[1], false, 11, None).unwrap();
    assert_eq!(store.outbox(account, 100).unwrap(), vec![]);
    // Setting what already is changes nothing, so nothing is sent.
    store.set_read(ids[2], false).unwrap();
    assert_eq!(store.outbox_len(account).unwrap(), 0);
}

#[test]
fn mark_all_read_and_its_undo_reach_the_outbox_as_one_change_each() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, _) = synced_library(dir.path());
    let marked = store.mark_view_read(ArticleView::All, None).unwrap();
    assert_eq!(marked.len(), 3);
    assert_eq!(store.outbox_len(account).unwrap(), 3);
    store.mark_unread(&marked).unwrap();
    assert_eq!(store.outbox_len(account).unwrap(), 0);
}

#[test]
fn local_articles_never_enter_the_outbox() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, _) = synced_library(dir.path());
    let local_feed = store
        .insert_feed("http://127.0.0.1:9/local", &Default::default(), 0, 0)
        .unwrap();
    assert_ne!(local_feed, 0);
    store.mark_view_read(ArticleView::All, None).unwrap();
    // Only the synced feed's three.
    assert_eq!(store.outbox_len(account).unwrap(), 3);
}

#[test]
fn the_server_s_state_never_undoes_a_change_still_to_send() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.set_read(ids[0], true).unwrap();
    // The server still lists article 1 as unread (it has not heard yet), says 2 is read and
    // 3 starred (done on a phone).
    let unread: HashSet<String> = ["1".to_string(), "3".to_string()].into();
    let starred: HashSet<String> = ["3".to_string()].into();
    let changed = store.reconcile(account, &unread, &starred, 20).unwrap();
    assert_eq!(changed, 2);
    let state = |id| {
        let a = store.article(id).unwrap().unwrap();
        (a.is_read, a.is_bookmarked)
    };
    assert_eq!(state(ids[0]), (true, false), "the person's read stays");
    assert_eq!(state(ids[1]), (true, false), "read on the phone");
    assert_eq!(state(ids[2]), (false, true), "starred on the phone");
    // The unread counts follow.
    let feed = store
        .list_feeds()
        .unwrap()
        .into_iter()
        .find(|f| f.account_id == account);
    assert_eq!(feed.unwrap().unread_count, 1);
}

#[test]
fn sent_changes_leave_the_outbox_and_refused_ones_are_undone() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.set_read(ids[0], true).unwrap();
    store.set_read(ids[1], true).unwrap();
    let waiting = store.outbox(account, 100).unwrap();
    // Sent 1; meanwhile the person marks 1 unread again: that newer change must stay.
    store.set_read(ids[0], false).unwrap();
    store
        .outbox_sent(account, &[change("1", SyncedField::Read, true)])
        .unwrap();
    assert_eq!(
        sorted(store.outbox(account, 100).unwrap()),
        vec![change("2", SyncedField::Read, true)]
    );
    assert_eq!(waiting.len(), 2);
    // The server refuses 2: it goes back to unread, and the person is told which article.
    let titles = store
        .outbox_refused(account, &[change("2", SyncedField::Read, true)])
        .unwrap();
    assert_eq!(titles, vec!["Article 2".to_string()]);
    assert!(!store.article(ids[1]).unwrap().unwrap().is_read);
    assert_eq!(store.outbox_len(account).unwrap(), 0);
}

fn label(name: &str, ids: &[&str]) -> RemoteLabel {
    RemoteLabel {
        name: name.to_string(),
        ids: ids.iter().map(|id| id.to_string()).collect(),
    }
}

#[test]
fn a_tag_on_a_synced_article_is_a_label_change_and_untagging_before_a_sync_cancels_it() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.tag_article(ids[0], &["Later".to_string()]).unwrap();
    // A spelling that differs only in case is the same tag, and names the label as first spelled.
    store.tag_article(ids[1], &["later".to_string()]).unwrap();
    assert_eq!(
        sorted(store.outbox(account, 100).unwrap()),
        vec![
            change("1", SyncedField::Label("Later".to_string()), true),
            change("2", SyncedField::Label("Later".to_string()), true)
        ]
    );
    store.untag_article(ids[1], &["Later".to_string()]).unwrap();
    assert_eq!(
        store.outbox(account, 100).unwrap(),
        vec![change("1", SyncedField::Label("Later".to_string()), true)]
    );
}

#[test]
fn the_server_s_labels_become_tags_except_where_a_change_waits() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    // Here: 1 tagged Later (not sent yet). The server: Later on 2, Research on 1 and 3, and
    // an id it keeps that is not here.
    store.tag_article(ids[0], &["Later".to_string()]).unwrap();
    let labels = [label("Later", &["2"]), label("Research", &["1", "3", "99"])];
    assert_eq!(store.reconcile_labels(account, &labels).unwrap(), 3);
    let tags_of = |id| store.article(id).unwrap().unwrap().tags;
    assert_eq!(
        tags_of(ids[0]),
        ["Later", "Research"],
        "the person's tag stays"
    );
    assert_eq!(tags_of(ids[1]), ["Later"]);
    assert_eq!(tags_of(ids[2]), ["Research"]);
    // Following the server is not a change to send back.
    assert_eq!(store.outbox_len(account).unwrap(), 1);

    // Once sent, the server's word is the last: Research taken off 3 on the phone.
    store
        .outbox_sent(account, &store.outbox(account, 100).unwrap())
        .unwrap();
    let labels = [label("Later", &["1", "2"]), label("Research", &["1"])];
    assert_eq!(store.reconcile_labels(account, &labels).unwrap(), 1);
    assert!(tags_of(ids[2]).is_empty());
    assert_eq!(store.reconcile_labels(account, &labels).unwrap(), 0);
}

#[test]
fn a_refused_label_is_taken_off_again() {
    let dir = tempfile::tempdir().unwrap();
    let (store, account, ids) = synced_library(dir.path());
    store.tag_article(ids[0], &["Later".to_string()]).unwrap();
    let titles = store
        .outbox_refused(
            account,
            &[change("1", SyncedField::Label("Later".to_string()), true)],
        )
        .unwrap();
    assert_eq!(titles, ["Article 1"]);
    assert!(store.article(ids[0]).unwrap().unwrap().tags.is_empty());
    assert_eq!(store.outbox_len(account).unwrap(), 0);
}
