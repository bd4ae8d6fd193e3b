//! Byte search over whole documents, for the cheap checks that decide whether slower work is
//! needed at all. SIMD search (memchr) runs at memory speed; comparing windows of bytes, as the
//! obvious code does, is several times slower and ran over every feed of every refresh.

pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    find(haystack, needle).is_some()
}

pub(crate) fn find_byte(needle: u8, haystack: &[u8]) -> Option<usize> {
    memchr::memchr(needle, haystack)
}
