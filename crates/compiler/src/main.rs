//! `folio-build`: the content compiler's command line. Exit status 0 on success, 1 when
//! the content has errors, 2 for usage and I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use folio_build::{BuildError, BuildOptions};

#[derive(Parser)]
#[command(
    name = "folio-build",
    version,
    about = "Compiles a Folio content folder into its JSON content index"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compile the content folder and write the content index.
    Build {
        /// The content folder (with site.toml and posts/).
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// Where to write the JSON documents; replaced as a whole on success.
        #[arg(long)]
        out: PathBuf,
        /// Include drafts.
        #[arg(long)]
        drafts: bool,
    },
    /// Check the content folder and report every problem, writing nothing.
    Check {
        /// The content folder (with site.toml and posts/).
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Build {
            content,
            out,
            drafts,
        } => folio_build::build(content, out, BuildOptions { drafts: *drafts }),
        Command::Check { content } => folio_build::compile(content, BuildOptions { drafts: true }),
    };
    match result {
        Ok(index) => {
            let verb = if matches!(cli.command, Command::Check { .. }) {
                "checked"
            } else {
                "built"
            };
            eprintln!("folio-build: {verb} {} posts", index.posts.len());
            ExitCode::SUCCESS
        }
        Err(BuildError::Content(problems)) => {
            eprintln!("{problems}");
            ExitCode::from(1)
        }
        Err(BuildError::Io(e)) => {
            eprintln!("folio-build: error: {e}");
            ExitCode::from(2)
        }
    }
}
