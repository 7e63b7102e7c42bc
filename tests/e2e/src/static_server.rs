//! A plain static file server on loopback: files as they are, `index.html` for folders,
//! and for anything else a 404 with the site's `404.html` (as Netlify, Cloudflare Pages
//! and GitHub Pages do). No rewrite rules, like a CDN in front of a bucket.

use std::net::SocketAddr;
use std::path::Path;

use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};

/// A running server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
}

impl StaticServer {
    /// Serves `root` on a free loopback port.
    pub async fn start(root: &Path) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("a bound address");
        let service = ServeDir::new(root)
            .append_index_html_on_directories(true)
            .not_found_service(ServeFile::new(root.join("404.html")));
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let service = TowerToHyperService::new(service.clone());
                tokio::spawn(async move {
                    // A browser closing a connection early is not a test failure.
                    let _ = auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        StaticServer { addr, task }
    }

    /// The absolute URL of `path` (which starts with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// The status and body of a plain GET of `url` (`http://host:port/path`), as a crawler
/// sees it: no JavaScript, no redirects followed.
pub async fn get(url: &str) -> (u16, String) {
    let url = url::Url::parse(url).expect("a URL");
    let address = format!(
        "{}:{}",
        url.host_str().expect("a host"),
        url.port().expect("a port")
    );
    let mut stream = tokio::net::TcpStream::connect(&address)
        .await
        .expect("connect to the server");
    let request = format!(
        "GET {} HTTP/1.0\r\nHost: {address}\r\nConnection: close\r\n\r\n",
        url.path()
    );
    stream.write_all(request.as_bytes()).await.expect("send");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.expect("read");
    let response = String::from_utf8_lossy(&response).into_owned();
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    (status, body.to_owned())
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
