//! Subcommands that work on local HTML and need no database: what Tidings stores for a page.

use std::io::Read;
use std::path::Path;

use tidings_core::Error;

use crate::error::{Failure, file_error};

/// Prints `FILE` (or stdin) as the sanitizer stores it, relative URLs resolved against `base`.
pub fn sanitize(base: &str, file: Option<&Path>) -> Result<(), Failure> {
    let base = url::Url::parse(base).map_err(|e| Error::Invalid(format!("--base {base}: {e}")))?;
    let html = String::from_utf8_lossy(&read_input(file)?).into_owned();
    println!("{}", tidings_core::sanitize::sanitize_html(&html, &base));
    Ok(())
}

/// Prints the article reader mode finds in `FILE` (or stdin) as JSON. Nothing is fetched.
pub fn extract(address: Option<&str>, file: Option<&Path>) -> Result<(), Failure> {
    let page_url = match address {
        Some(address) => {
            url::Url::parse(address).map_err(|e| Error::Invalid(format!("--url {address}: {e}")))?
        }
        // Without an address, relative links can't be resolved and are dropped.
        None => url::Url::parse("file:///").expect("a file URL"),
    };
    let html = read_input(file)?;
    let article = tidings_core::extract::extract(&html, &page_url)
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let json = serde_json::to_string_pretty(&article).expect("an article is plain data");
    println!("{json}");
    Ok(())
}

/// FILE's bytes, or standard input's without one.
fn read_input(file: Option<&Path>) -> Result<Vec<u8>, Failure> {
    match file {
        Some(path) => std::fs::read(path).map_err(|e| file_error(path, &e)),
        None => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .map_err(|e| file_error(Path::new("standard input"), &e))?;
            Ok(bytes)
        }
    }
}
