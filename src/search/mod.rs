//! Client-side search: the Italian [`analyzer`] (shared rules with the
//! theme's `analyzer.js`) and the [`index`] the generator writes under
//! `cerca/indice/` for `search.js` to query in the browser.
//!
//! Builds bytes for `render`; never touches the disk, never renders HTML.

pub(crate) mod analyzer;
pub(crate) mod index;
