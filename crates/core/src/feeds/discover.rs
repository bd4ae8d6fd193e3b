//! Finding the feeds of a web site: `<link rel="alternate">` in its pages, then common paths.
