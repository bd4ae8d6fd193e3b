//! Organizing from the command line: tags, rules, kept searches and highlights, over a real database file
//! and a real loopback feed.

use tidings_testkit::TestServer;
use tidings_testkit::axum::Router;
use tidings_testkit::axum::routing::get;
use tidings_testkit::seed::SeedArticle;

use crate::cli::{cli, stdout};

/// A database subscribed to a feed of the seed article (article 1), served on 127.0.0.1.
async fn subscribed_to_the_seed() -> (TestServer, tempfile::TempDir, std::path::PathBuf) {
    let seed = SeedArticle::load();
    let feed = seed.feed_xml("http://127.0.0.1/world/putin-kim.html");
    let server =
        TestServer::start(Router::new().route("/feed.xml", get(move || async move { feed }))).await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tidings.db");
    stdout(&cli(&db, &["add", &server.url("/feed.xml")]));
    (server, dir, db)
}

#[tokio::test(flavor = "multi_thread")]
async fn tags_go_on_come_off_and_make_a_list_and_a_search_scope() {
    let (_server, _dir, db) = subscribed_to_the_seed().await;

    assert_eq!(
        stdout(&cli(&db, &["tag", "1", "Korea", "to  read"])),
        "1\tKorea\tto read\n"
    );
    assert_eq!(
        stdout(&cli(&db, &["tags"])),
        "1\tKorea\t1 article, 1 unread\n2\tto read\t1 article, 1 unread\n"
    );
    let tagged = stdout(&cli(&db, &["list", "--tag", "korea"]));
    assert!(tagged.starts_with("1\t"), "{tagged}");
    let found = stdout(&cli(&db, &["search", "vostochny", "--tag", "KOREA"]));
    assert!(found.starts_with("1\t"), "{found}");

    assert_eq!(stdout(&cli(&db, &["untag", "1", "korea"])), "1\tto read\n");
    let gone = cli(&db, &["list", "--tag", "Korea"]);
    assert_eq!(gone.status.code(), Some(3), "not found");
    assert!(
        String::from_utf8_lossy(&gone.stderr).contains("the tag “Korea” was not found"),
        "{}",
        String::from_utf8_lossy(&gone.stderr)
    );
    let refused = cli(&db, &["tag", "1", " "]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a tag needs a name"));
}

#[tokio::test(flavor = "multi_thread")]
async fn rules_are_previewed_added_listed_carried_in_a_file_and_removed() {
    let (_server, dir, db) = subscribed_to_the_seed().await;

    let when = ["--in", "text", "--words", "Vostochny"];
    let preview = stdout(&cli(&db, &[&["rules", "preview"][..], &when].concat()));
    assert!(preview.starts_with("1 article matching\n1\t"), "{preview}");
    let added = stdout(&cli(
        &db,
        &[
            &["rules", "add"][..],
            &when,
            &["--then", "tag", "--tag", "Space"],
        ]
        .concat(),
    ));
    assert_eq!(
        added,
        "1\twhen the text has the words “Vostochny”, tag it “Space” (every feed)\t1 article changed\n"
    );
    assert!(stdout(&cli(&db, &["list", "--tag", "space"])).starts_with("1\t"));
    assert_eq!(
        stdout(&cli(&db, &["rules", "list"])),
        "1\twhen the text has the words “Vostochny”, tag it “Space” (every feed)\n"
    );

    let file = dir.path().join("rules.json");
    stdout(&cli(&db, &["rules", "export", file.to_str().unwrap()]));
    let other = dir.path().join("other.db");
    assert_eq!(
        stdout(&cli(&other, &["rules", "import", file.to_str().unwrap()])),
        "1 rule added\n"
    );
    stdout(&cli(&db, &["rules", "remove", "1"]));
    assert_eq!(stdout(&cli(&db, &["rules", "list"])), "");

    let hostile = cli(&db, &["rules", "add", "--regex", "(", "--then", "mute"]);
    assert_eq!(hostile.status.code(), Some(5), "invalid input");
    let unsaid = cli(&db, &["rules", "add", "--then", "mute"]);
    assert_eq!(unsaid.status.code(), Some(2), "usage");
}

#[tokio::test(flavor = "multi_thread")]
async fn searches_are_kept_listed_with_their_unread_count_and_removed() {
    let (_server, _dir, db) = subscribed_to_the_seed().await;

    assert_eq!(
        stdout(&cli(&db, &["search", "vostochny", "--keep", "Space  port"])),
        "1\tSpace port\t1 unread\tvostochny\n"
    );
    stdout(&cli(&db, &["read", "1"]));
    assert_eq!(
        stdout(&cli(&db, &["searches"])),
        "1\tSpace port\t0 unread\tvostochny\n"
    );
    stdout(&cli(&db, &["searches", "remove", "1"]));
    assert_eq!(stdout(&cli(&db, &["searches", "list"])), "");
    let refused = cli(&db, &["search", "vostochny", "--keep", " "]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("a kept search needs a name"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notify_rule_changes_nothing_already_here() {
    let (_server, _dir, db) = subscribed_to_the_seed().await;
    let added = stdout(&cli(
        &db,
        &[
            "rules",
            "add",
            "--in",
            "text",
            "--words",
            "Vostochny",
            "--then",
            "notify",
        ],
    ));
    assert_eq!(
        added,
        "1\twhen the text has the words “Vostochny”, notify me (every feed)\t0 articles changed\n"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn highlights_are_made_listed_and_written_as_markdown_notes() {
    let (_server, dir, db) = subscribed_to_the_seed().await;
    let made = stdout(&cli(
        &db,
        &[
            "highlight",
            "1",
            "Vostochny",
            "--color",
            "green",
            "--note",
            "The cosmodrome",
        ],
    ));
    assert_eq!(made, "1\n");
    let listed = stdout(&cli(&db, &["highlights"]));
    assert_eq!(listed, "1\t1\tgreen\tVostochny\tThe cosmodrome\n");
    let missing = cli(&db, &["highlight", "1", "not in the article at all"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("is not in article 1"));

    let out = dir.path().join("notes");
    std::fs::create_dir(&out).unwrap();
    let out_text = out.to_str().unwrap();
    let written = stdout(&cli(
        &db,
        &["highlights", "--since", "2020-01-01", out_text],
    ));
    let path = written.trim();
    assert!(path.ends_with(".md"), "{written}");
    let note = std::fs::read_to_string(path).unwrap();
    assert!(note.contains("> Vostochny\n\nThe cosmodrome\n"), "{note}");
    assert!(note.contains("tidings://article/1"), "{note}");
    let wrong = cli(&db, &["highlights", "--since", "last week", out_text]);
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("is not a date"));
}
