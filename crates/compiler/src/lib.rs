//! Folio's content compiler: turns a content folder (Markdown posts with front matter)
//! into the JSON content index of `folio-model`.
//!
//! A chain of stages, each taking and returning plain values: [`source`] reads the folder
//! (with [`output`], the only modules that touch the file system), [`front_matter`] splits
//! and parses each post's header, [`markdown`] renders the body, [`index`] assembles the
//! documents. Every problem of a run is collected as a [`Diagnostic`] before anything is
//! written.

pub mod diagnostic;
pub mod front_matter;
pub mod index;
pub mod markdown;
pub mod output;
pub mod source;

use std::path::Path;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use index::ContentIndex;

/// Why a build did not produce an index.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Occurs when the content has mistakes: every one found in the run is listed.
    #[error("{0}")]
    Content(Diagnostics),
    /// Occurs when the content folder cannot be read or the output cannot be written.
    #[error(transparent)]
    Io(#[from] source::IoError),
}

/// Options of a build that do not come from the content itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Include drafts (`draft = true`).
    pub drafts: bool,
}

/// Reads and compiles the content folder, without writing anything.
pub fn compile(content_dir: &Path, options: BuildOptions) -> Result<ContentIndex, BuildError> {
    let content = source::read_content_dir(content_dir)?;
    index::assemble(&content, options).map_err(BuildError::Content)
}

/// Compiles the content folder and writes the index into `out_dir`, replacing what was
/// there only once everything is ready.
pub fn build(
    content_dir: &Path,
    out_dir: &Path,
    options: BuildOptions,
) -> Result<ContentIndex, BuildError> {
    let index = compile(content_dir, options)?;
    output::write_atomically(&index, out_dir)?;
    Ok(index)
}
