//! The first stage: reading a site. [`import`] recognises the folder (Folio's content
//! folder, or a Zola or Hugo site) and reads a generator's configuration, [`source`]
//! reads its files, [`front_matter`] each page's header, [`settings`] the site's own
//! files, and [`posts`] resolves the pages into posts and checks what spans files.

pub mod dates;
pub mod front_matter;
pub mod import;
pub mod posts;
pub mod settings;
pub mod source;
