//! The seed article (`shared/seeds/`), the story Tidings was conceived around, as fixtures: a
//! news-site page holding it and an RSS feed whose item carries it.

use std::fs;

use crate::shared_dir;

pub struct SeedArticle {
    /// The visible date line, e.g. "Tuesday, June 25, 2024".
    pub date_line: String,
    pub title: String,
    pub paragraphs: Vec<String>,
}

impl SeedArticle {
    pub fn load() -> SeedArticle {
        let dir = shared_dir().join("seeds");
        let file = fs::read_dir(&dir)
            .expect("shared/seeds is readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "txt"))
            .expect("a seed article in shared/seeds");
        let text = fs::read_to_string(file).expect("seed article is UTF-8");
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let date_line = lines.next().expect("date line").to_string();
        let _breadcrumb = lines.next().expect("breadcrumb line");
        let title = lines.next().expect("title line").to_string();
        let paragraphs = lines.map(str::to_string).collect();
        SeedArticle {
            date_line,
            title,
            paragraphs,
        }
    }

    pub fn body_html(&self) -> String {
        self.paragraphs
            .iter()
            .map(|p| format!("<p>{}</p>\n", escape(p)))
            .collect()
    }

    /// The article inside a cluttered news-site page, as a reader would find it on the web.
    pub fn news_page(&self) -> String {
        let title = escape(&self.title);
        let body = self.body_html();
        let date = escape(&self.date_line);
        let lead = Self::LEAD_IMAGE;
        format!(
            r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | The Daily Tidings</title>
<script src="https://ads.example.com/tag.js"></script></head>
<body>
<div class="cookie-banner">We use cookies. <button>Accept all</button></div>
<nav><a href="/">Home</a> <a href="/world/">World</a> <a href="/politics/">Politics</a></nav>
<ol class="breadcrumb"><li><a href="/">Home</a></li><li><a href="/world/">World</a></li></ol>
<main><article>
<h1>{title}</h1>
<p class="dateline">{date}</p>
<div class="share"><a href="https://twitter.com/share">Share</a></div>
<figure><img src="{lead}" alt="Putin and Kim at the Vostochny space center" width="640" height="360"><figcaption>At the Vostochny space center.</figcaption></figure>
{body}</article>
<aside class="most-read"><h2>Most read</h2><ul><li><a href="/world/other.html">Another story</a></li></ul></aside>
</main>
<footer>© The Daily Tidings</footer>
<script>trackPageview()</script>
</body></html>
"#
        )
    }

    /// Where the lead image sits, relative to the article page.
    pub const LEAD_IMAGE: &'static str = "img/putin-kim.png";

    /// An RSS 2.0 feed with one item: this article in full, after a lead image given relative to
    /// the page, linking to `page_url`.
    pub fn feed_xml(&self, page_url: &str) -> String {
        let title = escape(&self.title);
        let figure = format!(
            "<figure><img src=\"{}\" alt=\"Putin and Kim at the Vostochny space center\"><figcaption>At the Vostochny space center.</figcaption></figure>\n",
            Self::LEAD_IMAGE
        );
        let body = (figure + &self.body_html()).replace("]]>", "]]]]><![CDATA[>");
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>The Daily Tidings — World</title>
<link>{page_url}</link>
<description>World news</description>
<item>
<title>{title}</title>
<link>{page_url}</link>
<guid isPermaLink="false">seed-putin-kim</guid>
<pubDate>Tue, 25 Jun 2024 08:00:00 GMT</pubDate>
<description>{summary}</description>
<content:encoded><![CDATA[{body}]]></content:encoded>
</item>
</channel>
</rss>
"#,
            summary = escape(&self.paragraphs[0]),
        )
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
