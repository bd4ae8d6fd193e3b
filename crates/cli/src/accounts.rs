//! Accounts on feed services: adding and giving the password again (read from stdin),
//! listing, removing, syncing; and read/unread changes, which reach a synced article's server
//! through the outbox.

use std::io::Read;

use tidings_core::Library;
use tidings_core::api::{Account, AccountId, AccountKind, ArticleId, NewAccount, SyncSummary};

use crate::error::Failure;

/// `account add KIND URL --user USER`, the password on stdin (one line, or all of it).
pub async fn add(library: &Library, kind: &str, url: &str, user: &str) -> Result<(), Failure> {
    let kind = AccountKind::from_code(kind)
        .filter(|k| *k != AccountKind::Local)
        .ok_or_else(|| {
            Failure::Usage(format!(
                "unknown kind of account {kind:?}: use greader, fever or ttrss"
            ))
        })?;
    let password = password_from_stdin("account add")?;
    let account = library
        .add_account(NewAccount {
            kind,
            url: url.to_string(),
            user_name: user.to_string(),
            password,
        })
        .await?;
    print_kept(&account);
    Ok(())
}

/// `account password ID`, the password on stdin: the server checks it, then it takes the place
/// of the one kept before (changed on the server, or not kept past the last run). A wrong one
/// is refused and changes nothing.
pub async fn password(library: &Library, id: AccountId) -> Result<(), Failure> {
    let password = password_from_stdin("account password")?;
    let account = library.set_account_password(id, &password).await?;
    print_kept(&account);
    Ok(())
}

/// The password given on stdin (one line, or all of it).
fn password_from_stdin(command: &str) -> Result<String, Failure> {
    let mut password = String::new();
    std::io::stdin()
        .read_to_string(&mut password)
        .map_err(|e| Failure::Usage(format!("could not read the password from stdin: {e}")))?;
    let password = password.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        return Err(Failure::Usage(format!(
            "give the password on stdin, e.g. `secret-tool lookup … | tidings-cli {command} …`"
        )));
    }
    Ok(password)
}

/// The account whose password was just kept, and where it was kept when no keychain took it.
fn print_kept(account: &Account) {
    println!("{}\t{}\t{}", account.id, account.kind.code(), account.name);
    if account.password_not_kept {
        eprintln!(
            "No keychain answered: the password was not kept, and `sync` will not find it. Start a Secret Service (GNOME Keyring, KWallet) and give it again with `tidings-cli account password {}`.",
            account.id
        );
    }
}

/// One line per account: id, kind, name, last sync, changes waiting, last error.
pub async fn list(library: &Library) -> Result<(), Failure> {
    for account in library.accounts().await? {
        let last_sync = account
            .last_sync_at
            .map(|t| t.to_string())
            .unwrap_or_else(|| "never".to_string());
        println!(
            "{}\t{}\t{}\tlast sync {last_sync}\t{} to send{}",
            account.id,
            account.kind.code(),
            account.name,
            account.pending_changes,
            account
                .last_error
                .map(|e| format!("\terror: {e}"))
                .unwrap_or_default()
        );
    }
    Ok(())
}

/// `add --account ID URL`: subscribes the account on its server, then syncs it.
pub async fn subscribe(library: &Library, account: AccountId, url: &str) -> Result<(), Failure> {
    let feed = library.subscribe_on_account(account, url).await?;
    println!("{}\t{}\t{} unread", feed.id, feed.title, feed.unread_count);
    Ok(())
}

pub async fn remove(library: &Library, id: AccountId) -> Result<(), Failure> {
    library.remove_account(id).await?;
    println!("removed account {id}");
    Ok(())
}

/// Syncs one account, or each in turn; fails as the first failed sync did (its exit code
/// says network, invalid login…), after trying them all.
pub async fn sync(library: &Library, account: Option<AccountId>) -> Result<(), Failure> {
    let ids = match account {
        Some(id) => vec![id],
        None => library
            .accounts()
            .await?
            .into_iter()
            .filter(|a| a.kind != AccountKind::Local)
            .map(|a| a.id)
            .collect(),
    };
    let mut first_failure = None;
    for id in ids {
        match library.sync_account(id).await {
            Ok(summary) => print_summary(&summary),
            Err(error) => {
                eprintln!("account {id}: {error}");
                first_failure.get_or_insert(error);
            }
        }
    }
    match first_failure {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}

fn print_summary(summary: &SyncSummary) {
    println!(
        "account {}: {} sent, {} new, {} changed, {} feeds, {} removed by the server",
        summary.account_id,
        summary.sent,
        summary.new_articles,
        summary.changed_articles,
        summary.feeds,
        summary.removed_articles
    );
    for refused in &summary.refused {
        eprintln!("account {}: {refused}", summary.account_id);
    }
}

/// `read` / `unread`: prints each id once the change is stored (and, for a synced article,
/// waiting in the outbox for the next sync).
pub async fn set_read(library: &Library, ids: &[ArticleId], read: bool) -> Result<(), Failure> {
    for &id in ids {
        library.set_read(id, read).await?;
        println!("{} {id}", if read { "read" } else { "unread" });
    }
    Ok(())
}

pub async fn unbookmark(library: &Library, ids: &[ArticleId]) -> Result<(), Failure> {
    for &id in ids {
        library.set_bookmarked(id, false).await?;
        println!("unbookmarked {id}");
    }
    Ok(())
}
