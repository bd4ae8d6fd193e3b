//! What a refresh tells the person on the desktop: each new article a rule asked to be told of,
//! each feed they asked to hear from once (with how many new articles it brought), and never a
//! flood — past a few of either, the rest in one notification; with "notify of new articles"
//! on, one for the articles of every other feed.

use crate::api::RefreshSummary;

/// Feeds, and articles, named in a notification of their own, at most, per refresh.
const FEEDS_NAMED: usize = 3;
const ARTICLES_NAMED: usize = 3;

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    pub title: String,
    pub body: String,
}

/// The notifications for `summary`; `all_new`: the person asked to hear of every new article.
pub fn after_refresh(summary: &RefreshSummary, all_new: bool) -> Vec<Notification> {
    let mut notifications: Vec<Notification> = summary
        .alerts
        .iter()
        .take(ARTICLES_NAMED)
        .map(|alert| Notification {
            title: alert.feed_title.clone(),
            body: alert.title.clone(),
        })
        .collect();
    let more_alerts = summary.alerts.len().saturating_sub(ARTICLES_NAMED);
    if more_alerts > 0 {
        notifications.push(Notification {
            title: "Tidings".to_string(),
            body: format!(
                "{more_alerts} more article{} your rules asked for",
                if more_alerts == 1 { "" } else { "s" }
            ),
        });
    }
    let named: Vec<Notification> = summary
        .news
        .iter()
        .take(FEEDS_NAMED)
        .map(|news| Notification {
            title: news.title.clone(),
            body: articles(news.new_articles),
        })
        .collect();
    let rest = &summary.news[named.len()..];
    notifications.extend(named);
    if !rest.is_empty() {
        let count: u64 = rest.iter().map(|n| n.new_articles).sum();
        let feeds = if rest.len() == 1 { "feed" } else { "feeds" };
        notifications.push(Notification {
            title: "Tidings".to_string(),
            body: format!("{} in {} more {feeds}", articles(count), rest.len()),
        });
    }
    let told: u64 = summary.news.iter().map(|n| n.new_articles).sum();
    let others = summary.new_articles.saturating_sub(told);
    if all_new && others > 0 {
        let more = if told > 0 { " more" } else { "" };
        notifications.push(Notification {
            title: "Tidings".to_string(),
            body: format!(
                "{others}{more} new article{}",
                if others == 1 { "" } else { "s" }
            ),
        });
    }
    notifications
}

fn articles(count: u64) -> String {
    if count == 1 {
        "1 new article".to_string()
    } else {
        format!("{count} new articles")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{ArticleAlert, FeedNews};

    fn summary(news: &[(&str, u64)], new_articles: u64) -> RefreshSummary {
        RefreshSummary {
            new_articles,
            news: news
                .iter()
                .enumerate()
                .map(|(i, (title, new))| FeedNews {
                    feed_id: i as i64,
                    title: title.to_string(),
                    new_articles: *new,
                })
                .collect(),
            ..RefreshSummary::default()
        }
    }

    fn shown(notifications: Vec<Notification>) -> Vec<String> {
        notifications
            .into_iter()
            .map(|n| format!("{}: {}", n.title, n.body))
            .collect()
    }

    #[test]
    fn each_feed_asked_for_is_told_once_and_never_a_flood() {
        let news = [
            ("Coast", 3),
            ("Wire", 1),
            ("Port", 2),
            ("Gulls", 4),
            ("Tides", 1),
        ];
        assert_eq!(
            shown(after_refresh(&summary(&news, 11), false)),
            [
                "Coast: 3 new articles",
                "Wire: 1 new article",
                "Port: 2 new articles",
                "Tidings: 5 new articles in 2 more feeds",
            ]
        );
    }

    #[test]
    fn articles_a_rule_asked_for_are_named_first_then_counted() {
        let mut refreshed = summary(&[("Coast", 2)], 9);
        refreshed.alerts = ["Seals return", "Storm warning", "Ferry strike", "Gulls"]
            .iter()
            .map(|title| ArticleAlert {
                feed_title: "Wire".to_string(),
                title: title.to_string(),
            })
            .collect();
        assert_eq!(
            shown(after_refresh(&refreshed, false)),
            [
                "Wire: Seals return",
                "Wire: Storm warning",
                "Wire: Ferry strike",
                "Tidings: 1 more article your rules asked for",
                "Coast: 2 new articles",
            ]
        );
    }

    #[test]
    fn every_new_article_is_counted_once_when_all_are_asked_for() {
        assert_eq!(
            shown(after_refresh(&summary(&[("Coast", 3)], 10), true)),
            ["Coast: 3 new articles", "Tidings: 7 more new articles"]
        );
        assert_eq!(
            shown(after_refresh(&summary(&[], 1), true)),
            ["Tidings: 1 new article"]
        );
        assert!(after_refresh(&summary(&[], 10), false).is_empty());
    }
}
