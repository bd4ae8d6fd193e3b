//! The Google Reader API's answers on arbitrary bytes: read or refused as a bad response, never a
//! panic; what is read holds only decimal article ids, each once, and each label once.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use tidings_core::sync::SyncError;
use tidings_core::sync::greader::parse;

fn refused_as_bad<T>(result: Result<T, SyncError>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(SyncError::BadResponse(_)) => None,
        Err(other) => panic!("not a BadResponse: {other:?}"),
    }
}

fn assert_decimal_once<'a>(ids: impl Iterator<Item = &'a String>) {
    let mut seen = HashSet::new();
    for id in ids {
        assert!(id.parse::<i64>().is_ok(), "not a decimal id: {id:?}");
        assert!(seen.insert(id), "twice: {id}");
    }
}

fuzz_target!(|data: &[u8]| {
    if let Some(stream) = refused_as_bad(parse::stream(data)) {
        assert_decimal_once(stream.items.iter().map(|entry| &entry.item.id));
    }
    if let Some(page) = refused_as_bad(parse::item_ids(data)) {
        assert_decimal_once(page.ids.iter());
    }
    if let Some(feeds) = refused_as_bad(parse::subscriptions(data)) {
        let mut seen = HashSet::new();
        assert!(feeds.iter().all(|feed| seen.insert(&feed.id)), "a feed twice");
    }
    if let Some(labels) = refused_as_bad(parse::tag_list(data)) {
        let mut seen = HashSet::new();
        assert!(labels.iter().all(|l| seen.insert(&l.name)), "a label twice");
        assert!(labels.iter().all(|l| !l.name.trim().is_empty()), "a label without a name");
    }
    let _ = parse::login_auth(data);
    let _ = parse::token(data);
    let _ = parse::quickadd(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse::item_id(text);
    }
});
