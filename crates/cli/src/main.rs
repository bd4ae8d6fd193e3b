//! `tidings-cli`: Tidings without a window, over the same database file as the app.

use std::process::ExitCode;

mod accounts;
mod args;
mod articles;
mod database;
mod error;
mod feeds;
mod highlights;
mod local;
mod rules;
mod search;
mod tags;
mod terminal;
mod work;

// Refreshing allocates from many threads at once; see the workspace Cargo.toml.
#[cfg(not(windows))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use args::{AccountCommand, Cli, Command, RulesCommand, SearchesCommand};
use clap::Parser;
use database::Database;
use error::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match tokio::runtime::Runtime::new() {
        Ok(runtime) => runtime.block_on(run(cli)),
        Err(e) => Err(Failure::Core(tidings_core::Error::Task(e.to_string()))),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("tidings-cli: {failure}");
            failure.exit_code()
        }
    }
}

/// One function per command; the database file is found once and opened by those that need it.
async fn run(cli: Cli) -> Result<(), Failure> {
    let db = Database::new(cli.db);
    match cli.command {
        Command::Add { url, account: None } => feeds::add(&db.open()?, &url).await,
        Command::Add {
            url,
            account: Some(account),
        } => accounts::subscribe(&db.open()?, account, &url).await,
        Command::Refresh {
            concurrency,
            per_host,
        } => feeds::refresh(db.open()?, concurrency, per_host).await,
        Command::ImportOpml { file } => feeds::import_opml(&db.open()?, &file).await,
        Command::ExportOpml { file } => feeds::export_opml(&db.open()?, file.as_deref()).await,
        Command::Feeds => feeds::list(&db.open()?).await,
        Command::List {
            unread,
            bookmarks,
            feed,
            tag,
            limit,
        } => {
            let library = db.open()?;
            let view = articles::view(&library, unread, bookmarks, feed, tag.as_deref()).await?;
            articles::list(&library, view, limit).await
        }
        Command::Export {
            bookmarks,
            saved,
            id,
            format,
            dir,
        } => {
            let export = articles::Export {
                id,
                bookmarks,
                saved,
                format: &format,
                dir: &dir,
            };
            articles::export(&db, export).await
        }
        Command::Search {
            query,
            bookmarks,
            saved,
            feed,
            tag,
            unread,
            limit,
            keep,
        } => {
            let library = db.open()?;
            let tag_id = match tag {
                Some(name) => Some(library.tag_named(&name).await?.id),
                None => None,
            };
            let query = search::query(query, feed, tag_id, bookmarks, saved, unread);
            match keep {
                Some(name) => search::keep(&library, name, query).await,
                None => search::search(&library, query, limit).await,
            }
        }
        Command::Searches { command } => match command.unwrap_or(SearchesCommand::List) {
            SearchesCommand::List => search::kept(&db.open()?).await,
            SearchesCommand::Remove { id } => Ok(db.open()?.remove_saved_search(id).await?),
        },
        Command::Save { url } => articles::save(&db.open()?, &url).await,
        Command::Extract { url, file } => local::extract(url.as_deref(), file.as_deref()),
        Command::Bookmark { ids } => articles::bookmark(&db.open()?, &ids).await,
        Command::Unbookmark { ids } => accounts::unbookmark(&db.open()?, &ids).await,
        Command::Tag { id, tags: names } => tags::tag(&db.open()?, id, names).await,
        Command::Untag { id, tags: names } => tags::untag(&db.open()?, id, names).await,
        Command::Tags => tags::list(&db.open()?).await,
        Command::Highlight {
            id,
            words,
            color,
            note,
        } => highlights::highlight(&db.open()?, id, &words, &color, note.as_deref()).await,
        Command::Highlights { since, format, dir } => match dir {
            Some(dir) => highlights::export(&db.open()?, &dir, &format, since.as_deref()).await,
            None => highlights::list(&db.open()?).await,
        },
        Command::Rules { command } => match command {
            RulesCommand::List => rules::list(&db.open()?).await,
            RulesCommand::Preview { when } => {
                let rule = rules::matching(&when)?;
                rules::preview(&db.open()?, rule).await
            }
            RulesCommand::Add { when, then, tag } => {
                let rule = rules::rule(&when, then, tag)?;
                rules::add(&db.open()?, rule).await
            }
            RulesCommand::Remove { id } => Ok(db.open()?.remove_rule(id).await?),
            RulesCommand::Export { file } => rules::export(&db.open()?, file.as_deref()).await,
            RulesCommand::Import { file } => rules::import(&db.open()?, &file).await,
        },
        Command::Read { ids } => accounts::set_read(&db.open()?, &ids, true).await,
        Command::Unread { ids } => accounts::set_read(&db.open()?, &ids, false).await,
        Command::Account { command } => match command {
            AccountCommand::Add { kind, url, user } => {
                accounts::add(&db.open()?, &kind, &url, &user).await
            }
            AccountCommand::Password { id } => accounts::password(&db.open()?, id).await,
            AccountCommand::List => accounts::list(&db.open()?).await,
            AccountCommand::Remove { id } => accounts::remove(&db.open()?, id).await,
        },
        Command::Sync { account } => accounts::sync(&db.open()?, account).await,
        Command::Backup { file } => database::backup(&db.open()?, &file).await,
        Command::Check => database::check(db.path()?),
        Command::Sanitize { base, file } => local::sanitize(&base, file.as_deref()),
    }
}
