//! The reader's settings (*Aa*) as a person uses them: open, a theme picked, the type size set.

use fantoccini::Locator;

use super::App;

impl App {
    /// Opens the reader's settings dialog.
    pub async fn open_reader_settings(&self) {
        self.wait_for(Locator::Css("button[aria-label='Reader settings']"))
            .await
            .click()
            .await
            .unwrap();
    }

    /// Picks `theme` in the open reader settings, and waits until the page has it.
    pub async fn pick_theme(&self, theme: &str) {
        self.wait_for(Locator::Css(&format!(
            "dialog[open] input[name=theme][value={theme}]"
        )))
        .await
        .click()
        .await
        .unwrap();
        self.wait_until(
            &format!("the {theme} theme"),
            &format!("return document.documentElement.dataset.theme === {theme:?}"),
        )
        .await;
    }

    /// Sets the type size in the open reader settings, and waits until the article has it.
    pub async fn set_reader_size(&self, px: u32) {
        // A range input has no WebDriver gesture: set it as a drag would, then let go.
        self.client
            .execute(
                "const size = document.querySelector('dialog[open] input[name=reader-size]');
                 size.value = String(arguments[0]);
                 size.dispatchEvent(new Event('change', { bubbles: true }));",
                vec![px.into()],
            )
            .await
            .unwrap();
        self.wait_until(
            &format!("the reader at {px} px"),
            &format!(
                "return getComputedStyle(document.querySelector('main article')).fontSize === '{px}px'"
            ),
        )
        .await;
    }

    /// Closes the open dialog with its Done button.
    pub async fn done(&self) {
        self.click_text("dialog button", "Done").await;
        self.wait_for_no_dialog().await;
    }
}
