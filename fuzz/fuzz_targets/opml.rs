//! OPML import on arbitrary bytes: refused or read, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = tidings_core::opml::parse_opml(data);
});
