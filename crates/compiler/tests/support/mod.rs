//! What the tests of imported sites read from a compiled site.

use folio_build::Compiled;

/// Every redirect of the site: its old URL and the route it leads to.
pub fn redirects(compiled: &Compiled) -> Vec<(&str, &str)> {
    compiled
        .index
        .redirects
        .redirects
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect()
}
