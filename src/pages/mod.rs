//! One module per route. Only pages know where their data comes from; they hand it to
//! components as props.

mod home;
mod not_found;
mod post;

pub use home::HomePage;
pub use not_found::NotFoundPage;
pub use post::PostPage;
