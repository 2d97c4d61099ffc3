//! Integration tests: each runs the real `trasparenza` binary on a copy of a
//! fixture site from `tests/fixtures/` and asserts on what it produced.
//! One module per feature; helpers in `support`.

mod archive;
mod build;
mod catalogue_shapes;
mod check;
mod citazione_dati;
mod cli;
mod deploy;
mod docs;
mod errors;
mod example;
mod examples;
mod guard;
mod import;
mod import_flat;
mod init;
mod interrupt;
mod italiano;
mod italiano_checks;
mod italiano_cmd;
mod italiano_import;
mod italiano_yaml;
mod lingua;
mod links;
mod metadata;
mod opendata;
mod output;
mod parziale;
mod robustness;
mod search;
mod serve;
mod support;
mod table;
mod theme;
