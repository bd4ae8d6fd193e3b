//! The sidebar rows' menus and the app's dialogs, as a person uses them.

use std::time::Instant;

use fantoccini::Locator;

use super::{App, PATIENCE, is_transient, xpath_literal};

impl App {
    /// Hovers the sidebar row at `row` (an XPath to its list item), as a person reaching for
    /// its "…" button, and opens its menu.
    pub async fn open_row_menu(&self, row: &str) {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.click_row_menu_button(row).await {
                Ok(()) => break,
                // WebKit applies :hover on its own timer after the pointer moves, and the
                // sidebar re-renders after each change: until both settle, try again.
                Err(e) if is_transient(&e) && Instant::now() < deadline => {
                    tokio::task::yield_now().await
                }
                Err(e) => panic!("opening the menu of {row}: {e}"),
            }
        }
        self.wait_for(Locator::Css("[role=menu]")).await;
    }

    async fn click_row_menu_button(&self, row: &str) -> Result<(), fantoccini::error::CmdError> {
        let item = self.wait_for(Locator::XPath(row)).await;
        // The row's box, which holds the row and its "…" button.
        let row = item.find(Locator::Css(":scope > div")).await?;
        self.hover(&row).await?;
        row.find(Locator::Css("button.more")).await?.click().await
    }

    /// Right-clicks the list's row titled `title` and waits for its menu.
    pub async fn article_menu(&self, title: &str) {
        let row = self
            .wait_for(Locator::XPath(&format!(
                "//section[contains(@class,'list')]//li[.//span[contains(@class,'title')]={title:?}]//button"
            )))
            .await;
        self.right_click(&row).await;
        self.wait_for(Locator::Css(&format!(
            "[role=menu][aria-label='Actions for {title}']"
        )))
        .await;
    }

    /// Clicks the item labelled `item` in the open menu (a checked item's label follows its ✓).
    pub async fn pick(&self, item: &str) {
        let label = xpath_literal(item);
        let checked = xpath_literal(&format!("✓{item}"));
        self.wait_for(Locator::XPath(&format!(
            "//*[@role='menu']//button[starts-with(@role,'menuitem')]\
             [normalize-space(.)={label} or normalize-space(.)={checked}]"
        )))
        .await
        .click()
        .await
        .unwrap();
    }

    /// Types into the open dialog's text field, replacing what was there, and submits.
    pub async fn submit_dialog(&self, text: &str) {
        let input = self
            .wait_for(Locator::Css("dialog[open] input[type=text]"))
            .await;
        input.clear().await.unwrap();
        input.send_keys(text).await.unwrap();
        input
            .send_keys(&fantoccini::key::Key::Enter.to_string())
            .await
            .unwrap();
    }

    /// [`App::submit_dialog`], then waits for the dialog to close.
    pub async fn answer_dialog(&self, text: &str) {
        self.submit_dialog(text).await;
        self.wait_for_no_dialog().await;
    }

    pub async fn wait_for_no_dialog(&self) {
        self.wait_until(
            "the dialog to close",
            "return document.querySelector('dialog[open]') === null",
        )
        .await;
    }

    /// Opens the "Add a feed" dialog with the sidebar's + button.
    pub async fn open_add_feed(&self) {
        self.wait_for(Locator::Css("button[aria-label='Add a feed']"))
            .await
            .click()
            .await
            .unwrap();
    }

    /// Subscribes with the sidebar's + button.
    pub async fn add_feed(&self, address: &str) {
        self.open_add_feed().await;
        self.answer_dialog(address).await;
    }

    /// "Save a page…" from the sidebar's ⋯ menu.
    pub async fn save_page(&self, address: &str) {
        self.wait_for(Locator::Css("button[aria-label='More actions']"))
            .await
            .click()
            .await
            .unwrap();
        self.pick("Save a page…").await;
        self.answer_dialog(address).await;
    }
}

/// The sidebar row of the feed called `title`, for [`App::open_row_menu`].
pub fn feed_row(title: &str) -> String {
    format!(
        "//li[contains(@class,'feed')][.//span[@class and contains(@class,'name')]={}]",
        xpath_literal(title)
    )
}

/// The sidebar row of the folder called `name`, for [`App::open_row_menu`].
pub fn folder_row(name: &str) -> String {
    format!(
        "//li[contains(@class,'folder')][./div//span[contains(@class,'name')]={}]",
        xpath_literal(name)
    )
}

impl App {
    /// *Open in browser* by mouse: in the reader's toolbar, or, where the reader is too narrow
    /// for it (the window's default size among them), in its ⋯ menu.
    pub async fn open_in_browser_from_toolbar(&self) {
        let shown = self
            .client
            .execute(
                "const more = document.querySelector('main.reader .toolbar .more');
                 return !!more && more.getClientRects().length > 0;",
                vec![],
            )
            .await
            .unwrap();
        if shown.as_bool() == Some(true) {
            self.wait_for(Locator::Css("main.reader .toolbar .more"))
                .await
                .click()
                .await
                .unwrap();
            self.pick("Open in browser").await;
        } else {
            self.click_text("div.toolbar button", "Open in browser")
                .await;
        }
    }
}
