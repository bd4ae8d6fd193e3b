//! OPML subscription lists: reading them (hostile ones included) and writing our own.
