//! `trasparenza`: a static-site generator for an Italian public body's
//! catalogue of "attività smartizzabili".
//!
//! The pipeline, one module per stage: [`load`] (read `content/`) ->
//! [`validate`] (cross-file checks, ordering) -> [`render`] (templates of the
//! [`theme`] into an in-memory [`render::Output`]) -> [`write`] (atomic swap
//! into `public/`). [`pipeline`] chains them; [`cmd`] holds one module per
//! command; [`serve`] is the live preview. See ARCHITECTURE.md.
//!
//! The library's public surface is the command line ([`cli`]) and its
//! dispatch ([`cmd`]); every other module is private to the crate. The
//! integration tests that drive a stage directly reach it through
//! [`testing`], which is not an API.

pub mod cli;
pub mod cmd;

mod changes;
mod config;
mod diagnostic;
mod editions;
mod file_id;
mod i18n;
mod import;
mod italian;
mod linkcheck;
mod load;
mod markdown;
mod model;
mod pipeline;
mod placeholder;
mod render;
mod scan;
mod search;
mod serve;
mod slug;
mod source;
mod theme;
mod validate;
mod views;
mod write;
mod yaml;

/// The stages the integration tests in `tests/` drive directly, under the
/// paths they use. Not a stable API: hidden from the documentation.
#[doc(hidden)]
pub mod testing {
    pub mod diagnostic {
        pub use crate::diagnostic::{Diagnostic, Diagnostics};
    }
    pub mod linkcheck {
        pub use crate::linkcheck::report;
    }
    pub mod load {
        pub use crate::load::{Loaded, LoadedUnit, load, parse_page, parse_site, parse_unit};
    }
    pub mod model {
        pub use crate::model::{Activity, Date, Site, Unit};

        /// Every key a content file may hold: those of `_sito.yaml` and of a
        /// unit file, and of every record inside them (`fonte`, an
        /// activity's long form...), for the documents' tests.
        pub fn content_keys() -> Vec<&'static str> {
            use crate::model::fields::{Record, Shape};
            fn walk(record: &Record, keys: &mut Vec<&'static str>) {
                for field in record.fields {
                    keys.push(field.key);
                    let mut shape = &field.shape;
                    while let Shape::List(inner) = shape {
                        shape = inner;
                    }
                    if let Shape::Record(r) | Shape::TextOrRecord(r) = shape {
                        walk(r, keys);
                    }
                }
            }
            let mut keys = Vec::new();
            walk(&crate::model::SITE, &mut keys);
            walk(&crate::model::UNIT, &mut keys);
            keys.sort_unstable();
            keys.dedup();
            keys
        }
    }
    pub mod pipeline {
        pub use crate::pipeline::{BuildOptions, run};
    }
    pub mod render {
        use crate::diagnostic::Diagnostics;
        use crate::model::{Date, Site};
        use crate::render::Output;
        use crate::theme::Theme;

        /// The render stage of a site without earlier editions.
        pub fn render(
            site: &Site,
            theme: &Theme,
            today: Date,
            diags: &mut Diagnostics,
        ) -> Option<Output> {
            crate::render::render(site, &[], theme, today, None, diags)
        }
    }
    pub mod search {
        pub mod analyzer {
            pub use crate::search::analyzer::terms;
        }
        pub mod index {
            pub use crate::search::index::{DIR, build_with, shard_key};
        }
    }
    pub mod serve {
        pub mod incremental {
            pub use crate::serve::incremental::{Incremental, Map, Rendered};
        }
    }
    pub mod source {
        pub use crate::source::{MAX_FILE_BYTES, SourceFile, decode};
    }
    pub mod theme {
        pub use crate::theme::{Choice, Theme, load};
    }
    pub mod validate {
        pub use crate::validate::validate;
    }
    pub mod views {
        pub use crate::views::unit_views;
    }
}
