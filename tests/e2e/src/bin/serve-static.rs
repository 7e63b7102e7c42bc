//! `serve-static PORT DIR`: the tests' static file server on its own, until stopped, for
//! `scripts/bench` to load pages from (Lighthouse against Folio and Hugo, from one server).

use std::path::PathBuf;

use folio_e2e::StaticServer;

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(port), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: serve-static PORT DIR");
        std::process::exit(2);
    };
    let port: u16 = port.parse().unwrap_or_else(|_| {
        eprintln!("serve-static: `{port}` is not a port number");
        std::process::exit(2);
    });
    let server = StaticServer::start_on(&PathBuf::from(dir), port).await;
    println!("serving {}", server.url("/"));
    tokio::signal::ctrl_c().await.ok();
}
