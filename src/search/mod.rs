//! Client-side search: the Italian [`analyzer`] (shared rules with the
//! theme's `analyzer.js`), the [`index`] the generator writes under
//! `cerca/indice/` for `search.js` to query in the browser (its JSON written
//! by `json`), and [`minify`],
//! the built-in theme's scripts without their comments.
//!
//! Builds bytes for `render` and `theme`; never touches the disk, never
//! renders HTML.

pub(crate) mod analyzer;
pub(crate) mod index;
mod json;
pub(crate) mod minify;
