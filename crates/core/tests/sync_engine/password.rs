//! Giving an account's password again, after it changed on the server (or no keychain kept it
//! past the last run): the server checks it first, so a wrong one is refused and changes
//! nothing.

use tidings_core::api::AccountKind;
use tidings_core::sync::LOGIN_REFUSED;

use super::{Server, World};

#[tokio::test(flavor = "multi_thread")]
async fn google_reader_a_wrong_password_is_refused_and_the_right_one_is_kept() {
    password_given_again(World::freshrss(AccountKind::Greader)).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn fever_a_wrong_password_is_refused_and_the_right_one_is_kept() {
    password_given_again(World::freshrss(AccountKind::Fever)).await;
}

async fn password_given_again(world: World) {
    let Server::FreshRss(server) = &world.server else {
        unreachable!("only FreshRSS can change a password from its command line")
    };
    let (library, account) = world.synced_library().await;
    assert!(!account.login_failed, "{account:?}");

    // A wrong password is refused with the server's reason; the one kept before still syncs.
    let refused = library
        .set_account_password(account.id, "not the password")
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains(LOGIN_REFUSED), "{refused}");
    library.sync_account(account.id).await.unwrap();

    // The password changes on the server: the next sync cannot log in, and the account says so.
    server.set_api_password("a new password").unwrap();
    let failed = library
        .sync_account(account.id)
        .await
        .unwrap_err()
        .to_string();
    assert!(failed.contains(LOGIN_REFUSED), "{failed}");
    let shown = library.account(account.id).await.unwrap();
    assert!(shown.login_failed, "{shown:?}");

    // The old password no longer passes; the new one is kept, and the account syncs with it.
    assert!(
        library
            .set_account_password(account.id, &world.password)
            .await
            .is_err()
    );
    library
        .set_account_password(account.id, "a new password")
        .await
        .unwrap();
    library.sync_account(account.id).await.unwrap();
    let shown = library.account(account.id).await.unwrap();
    assert!(
        !shown.login_failed && shown.last_error.is_none(),
        "{shown:?}"
    );
}
