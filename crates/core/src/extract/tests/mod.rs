//! Reader mode on whole pages. Tests of one file's private functions are beside these, declared
//! by that file (dates.rs, decode.rs, guard.rs).

mod corpus;
mod fixture;
mod hostile;
