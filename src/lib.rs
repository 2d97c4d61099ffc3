//! `trasparenza`: a static-site generator for an Italian public body's
//! catalogue of "attività smartizzabili".
//!
//! The pipeline, one module per stage: [`load`] (read `content/`) ->
//! [`validate`] (cross-file checks, ordering) -> [`render`] (templates of the
//! [`theme`] into an in-memory [`render::Output`]) -> [`write`] (atomic swap
//! into `public/`). [`pipeline`] chains them; [`cmd`] holds one module per
//! command; [`serve`] is the live preview. See ARCHITECTURE.md.

pub mod archive;
pub mod changes;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod diagnostic;
pub mod import;
pub mod linkcheck;
pub mod load;
pub mod markdown;
pub mod model;
pub mod pipeline;
pub mod placeholder;
pub mod render;
pub mod search;
pub mod serve;
pub mod slug;
pub mod source;
pub mod theme;
pub mod validate;
pub mod views;
pub mod write;
pub mod yaml;
