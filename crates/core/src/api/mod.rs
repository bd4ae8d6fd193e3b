//! Plain data exchanged with the UI. TypeScript versions are generated from these structs by ts-rs
//! (`cargo test -p tidings-core` writes them to `ui/src/lib/bindings/`), never written by hand.

mod accounts;
mod articles;
mod errors;
mod events;
mod export;
mod feeds;
mod highlights;
mod recovery;
mod refresh;
mod rules;
mod saved_searches;
mod search;
mod settings;
mod tags;

pub use accounts::*;
pub use articles::*;
pub use errors::*;
pub use events::*;
pub use export::*;
pub use feeds::*;
pub use highlights::*;
pub use recovery::*;
pub use refresh::*;
pub use rules::*;
pub use saved_searches::*;
pub use search::*;
pub use settings::*;
pub use tags::*;
