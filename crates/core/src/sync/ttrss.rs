//! Placeholder until the protocol's client is merged.
use super::*;
pub struct Client;
impl Backend for Client {
    async fn log_in(_: SyncHttp, _: &Login) -> Result<Self, SyncError> {
        Err(SyncError::Unsupported(String::new()))
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities::default()
    }
    async fn feeds(&mut self) -> Result<Vec<RemoteFeed>, SyncError> {
        Ok(vec![])
    }
    async fn new_items(&mut self, _: Option<&str>) -> Result<ItemPage, SyncError> {
        Ok(ItemPage {
            items: vec![],
            cursor: String::new(),
            done: true,
        })
    }
    async fn unread_ids(&mut self) -> Result<Vec<String>, SyncError> {
        Ok(vec![])
    }
    async fn starred_ids(&mut self) -> Result<Vec<String>, SyncError> {
        Ok(vec![])
    }
    async fn mark(&mut self, _: &[String], _: Mark) -> Result<(), SyncError> {
        Ok(())
    }
    async fn subscribe(&mut self, _: &str, _: Option<&str>) -> Result<RemoteFeed, SyncError> {
        Err(SyncError::Unsupported(String::new()))
    }
    async fn unsubscribe(&mut self, _: &str) -> Result<(), SyncError> {
        Ok(())
    }
    async fn rename_feed(&mut self, _: &str, _: &str) -> Result<(), SyncError> {
        Ok(())
    }
    async fn move_feed(&mut self, _: &str, _: Option<&str>) -> Result<(), SyncError> {
        Ok(())
    }
}
