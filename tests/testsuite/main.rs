//! Integration tests: each runs the real `trasparenza` binary on a copy of a
//! fixture site from `tests/fixtures/` and asserts on what it produced.
//! One module per feature; helpers in `support`.

mod build;
mod cli;
mod errors;
mod example;
mod links;
mod output;
mod search;
mod support;
