// Every command the UI may call, each declared once: its name, its arguments as the UI passes them,
// what it answers, and its one line into core. From this list `declare.rs` makes the app's command
// handlers, `build.rs` the allow-list, and `cargo test -p tidings --lib` writes the UI's typed
// wrappers (`ui/src/lib/bindings/commands.ts`) and the capability file that allows exactly these
// (`src-tauri/capabilities/main.json`). `app` is the running app (`declare::Shell`); a failure
// reaches the UI as a `UserError`. Only declarations here: build.rs and tests/lockdown.rs read
// this file too.

commands! {
    /// Adds a feed by its address, or by its site's (the feeds it advertises).
    fn add_feed(app, address: String) -> AddFeedOutcome { app.library()?.add_feed(&address).await }

    fn list_feeds(app) -> Vec<FeedSummary> { app.library()?.list_feeds().await }

    fn remove_feed(app, feed_id: FeedId) -> () { app.library()?.remove_feed(feed_id).await }

    /// `null` gives the feed back its own title.
    fn rename_feed(app, feed_id: FeedId, title: Option<String>) -> () {
        app.library()?.rename_feed(feed_id, title).await
    }

    /// `null` moves the feed to the top level.
    fn move_feed(app, feed_id: FeedId, folder_id: Option<FolderId>) -> () {
        app.library()?.move_feed(feed_id, folder_id).await
    }

    /// Reads each new article's page in full at refresh (for feeds that carry only summaries),
    /// and the unread ones stored before.
    fn set_full_text(app, feed_id: FeedId, full_text: bool) -> () {
        app.library()?.set_full_text(feed_id, full_text).await
    }

    /// A feed's own interval, notification, pictures and reading in full (*Feed details*).
    fn set_feed_settings(app, feed_id: FeedId, settings: FeedSettings) -> () {
        app.library()?.set_feed_settings(feed_id, settings).await
    }

    /// Reads one article's page in full in the background; a work report says when it is done.
    fn read_full_article(app, id: ArticleId) -> () { app.library()?.read_full_article(id).await }

    /// How many feed articles' pages are still to be read in full.
    fn pages_to_read(app) -> u64 { app.library()?.pages_to_read().await }

    /// Stops reading feed articles' pages in full; what was read stays.
    fn stop_reading_pages(app) -> () { app.library()?.stop_reading_pages().await }

    fn list_folders(app) -> Vec<Folder> { app.library()?.list_folders().await }

    /// Every account, the library on this computer first.
    fn list_accounts(app) -> Vec<Account> { app.library()?.accounts().await }

    /// Checks the login with the server, keeps the password in the system's keychain, adds the
    /// account. Sync it next.
    fn add_account(app, account: NewAccount) -> Account { app.library()?.add_account(account).await }

    /// Removes the account and its feeds; its bookmarked articles stay.
    fn remove_account(app, account_id: AccountId) -> () {
        app.library()?.remove_account(account_id).await
    }

    /// Sends the changes made here and fetches what is new; the summary says what it did.
    fn sync_account(app, account_id: AccountId) -> SyncSummary {
        app.library()?.sync_account(account_id).await
    }

    /// Keeps the account's password in place of the one before once its server takes it (a
    /// wrong one is refused, and nothing changes). Sync it next.
    fn set_account_password(app, account_id: AccountId, password: String) -> Account {
        app.library()?.set_account_password(account_id, &password).await
    }

    /// Subscribes an account on a feed service to the feed at `address`, on its server, then
    /// syncs it so that the feed comes with its articles.
    fn subscribe_on_account(app, account_id: AccountId, address: String) -> FeedSummary {
        app.library()?.subscribe_on_account(account_id, &address).await
    }

    /// Returns the new folder's id (or the existing one's, when the name is taken).
    fn create_folder(app, name: String) -> FolderId { app.library()?.create_folder(&name).await }

    fn rename_folder(app, folder_id: FolderId, name: String) -> () {
        app.library()?.rename_folder(folder_id, &name).await
    }

    /// The folder's feeds move to the top level; the answer's token puts it back with them.
    fn delete_folder(app, folder_id: FolderId) -> DeletedFolder {
        app.library()?.delete_folder(folder_id).await
    }

    /// One page of a view, in the order and with the filter of `options`.
    fn list_articles(
        app,
        view: ArticleView,
        after: Option<ArticleCursor>,
        options: Option<ListOptions>,
    ) -> ArticlePage {
        app.library()?.list_articles_with(view, after, options.unwrap_or_default()).await
    }

    /// The page of a view from its `index`th article (a jump far from the rows loaded).
    fn list_articles_at(app, view: ArticleView, index: u32, options: ListOptions) -> ArticlePage {
        app.library()?.list_articles_at(view, index, options).await
    }

    fn view_counts(app) -> ViewCounts { app.library()?.view_counts().await }

    /// Marks the view's unread articles read (only those dated before `olderThan`, when given);
    /// the answer's token undoes it.
    fn mark_view_read(app, view: ArticleView, older_than: Option<i64>) -> MarkedRead {
        app.library()?.mark_view_read(view, older_than).await
    }

    /// Marks the view's unread articles on one side of the row at `at` read, in the list's order;
    /// the answer's token undoes it.
    fn mark_read_beside(
        app,
        view: ArticleView,
        options: ListOptions,
        at: ArticleCursor,
        side: Side,
    ) -> MarkedRead {
        app.library()?.mark_read_beside(view, options, at, side).await
    }

    /// Puts back what gave the token `undo` (marking read, deleting a folder); false when it is
    /// too old to undo.
    fn undo(app, undo: u64) -> bool { app.library()?.undo(undo).await }

    fn get_preferences(app) -> Preferences { app.library()?.preferences().await }

    /// Returns what was stored: numbers are kept within their ranges.
    fn set_preferences(app, preferences: Preferences) -> Preferences {
        app.library()?.set_preferences(preferences).await
    }

    /// One article, its images pointed at the app's image scheme; `loadImages` when the person
    /// asked for the images their setting holds back.
    fn get_article(app, id: ArticleId, load_images: bool) -> Article {
        app.library()?.article_for_app(id, load_images).await
    }

    fn set_read(app, id: ArticleId, read: bool) -> () { app.library()?.set_read(id, read).await }

    /// Bookmarking keeps the article's pictures offline in the background (a work report says
    /// how it went).
    fn set_bookmarked(app, id: ArticleId, bookmarked: bool) -> () {
        app.library()?.set_bookmarked(id, bookmarked).await
    }

    /// Saving keeps the article's pictures offline in the background (a work report says how it
    /// went).
    fn set_saved(app, id: ArticleId, saved: bool) -> () {
        app.library()?.set_saved(id, saved).await
    }

    /// The rules, in the order they act.
    fn list_rules(app) -> Vec<StoredRule> { app.library()?.rules().await }

    /// How many of the library's articles `rule` would act on, and the newest of them: the
    /// preview while a rule is written.
    fn preview_rule(app, rule: Rule) -> RulePreview { app.library()?.preview_rule(rule).await }

    /// Keeps a rule; it acts at once on the articles it matches (the answer's token undoes
    /// that) and on every article that arrives.
    fn save_rule(app, rule: Rule) -> RuleSaved { app.library()?.save_rule(rule).await }

    fn remove_rule(app, id: RuleId) -> () { app.library()?.remove_rule(id).await }

    /// Asks where to save with the system's dialog and writes every rule as JSON; returns the
    /// path, `null` when cancelled.
    fn export_rules(app) -> Option<String> { dialogs::export_rules(app).await }

    /// Asks for a rules file with the system's dialog and adds its rules; how many, `null`
    /// when cancelled.
    fn import_rules(app) -> Option<u64> { dialogs::import_rules(app).await }

    /// Every tag some article carries, with its counts, for the sidebar.
    fn list_tags(app) -> Vec<Tag> { app.library()?.tags().await }

    fn tag_article(app, id: ArticleId, tags: Vec<String>) -> () {
        app.library()?.tag_article(id, tags).await
    }

    fn untag_article(app, id: ArticleId, tags: Vec<String>) -> () {
        app.library()?.untag_article(id, tags).await
    }

    /// The article's highlights where they are in its text now, and its note.
    fn article_highlights(app, id: ArticleId) -> ArticleHighlights {
        app.library()?.article_highlights(id).await
    }

    /// Highlights the passage selected in the reader.
    fn add_highlight(app, highlight: NewHighlight) -> Highlight {
        app.library()?.add_highlight(highlight).await
    }

    fn change_highlight(app, id: HighlightId, change: HighlightChange) -> () {
        app.library()?.change_highlight(id, change).await
    }

    fn remove_highlight(app, id: HighlightId) -> () { app.library()?.remove_highlight(id).await }

    /// An empty note removes it.
    fn set_article_note(app, id: ArticleId, note: String) -> () {
        app.library()?.set_article_note(id, &note).await
    }

    /// A page of the Highlights view, newest first.
    fn list_highlights(app, filter: HighlightFilter) -> HighlightPage {
        app.library()?.list_highlights(filter).await
    }

    /// The kept searches, by name, each with the unread articles it finds, for the sidebar.
    fn list_saved_searches(app) -> Vec<SavedSearch> { app.library()?.saved_searches().await }

    fn save_search(app, name: String, search: KeptSearch) -> SavedSearch {
        app.library()?.save_search(name, search).await
    }

    fn rename_saved_search(app, id: SavedSearchId, name: String) -> () {
        app.library()?.rename_saved_search(id, name).await
    }

    fn remove_saved_search(app, id: SavedSearchId) -> () {
        app.library()?.remove_saved_search(id).await
    }

    /// Saves any page to read later, in reader mode; a page holding no article is kept as a
    /// link, with a note why.
    fn save_url(app, address: String) -> SaveOutcome { app.library()?.save_url(&address).await }

    /// A page of results, best first: the first, or the one that follows `after` (the last
    /// page's `next`).
    fn search(app, query: SearchQuery, after: Option<SearchCursor>) -> SearchResults {
        app.library()?.search(query, after).await
    }

    fn get_settings(app) -> Settings { app.library()?.settings().await }

    fn set_settings(app, settings: Settings) -> () { app.library()?.set_settings(settings).await }

    /// Starts refreshing `scope` in the background unless a refresh is already running; its
    /// progress and end arrive as events.
    fn refresh(app, scope: RefreshScope) -> () { app.refresher().map(|r| r.start(scope)) }

    fn cancel_refresh(app) -> () { app.refresher().map(|r| r.cancel()) }

    /// Asks for an OPML file with the system's dialog and imports it; `null` when the person
    /// cancelled.
    fn import_opml(app) -> Option<ImportReport> { dialogs::import_opml(app).await }

    /// Asks where to save with the system's dialog and writes every subscription as OPML;
    /// returns the path, `null` when cancelled.
    fn export_opml(app) -> Option<String> { dialogs::export_opml(app).await }

    /// Asks for a folder with the system's dialog and writes the articles there; `null` when
    /// cancelled.
    fn export_articles(app, selection: ExportSelection, format: ExportFormat) -> Option<ExportReport> {
        dialogs::export_articles(app, selection, format).await
    }

    /// Asks for a folder and writes each highlighted article there as a Markdown note; `null`
    /// when cancelled.
    fn export_highlights(app) -> Option<ExportReport> { dialogs::export_highlights(app).await }

    /// Opens a web address in the system browser; anything but http(s) is refused.
    fn open_in_browser(app, url: String) -> () { dialogs::open_in_browser(app, &url) }

    /// The feed link or file, or the article link, Tidings was started with (or was handed
    /// before the UI listened), once; `null` when there was none. Later ones come as events.
    fn take_launch_request(app) -> Option<LaunchRequest> { launch::take_launch_request(app) }

    /// Why the library could not be opened at startup, or `null` when it is open. The library
    /// opens while the page loads; this answers once it has opened or failed, so the UI asks it
    /// first.
    fn startup_problem(app) -> Option<StartupProblem> { recovery::startup_problem(app).await }

    /// Retries, backs up, or starts fresh; the report's problem is `null` once the library is
    /// open.
    fn recover(app, action: RecoveryAction) -> RecoveryReport { recovery::recover(app, action).await }
}
