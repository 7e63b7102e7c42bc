//! A plain static file server on loopback: files as they are, `index.html` for folders,
//! and for anything else a 404 with the site's `404.html` (as Netlify, Cloudflare Pages
//! and GitHub Pages do). No rewrite rules, like a CDN in front of a bucket.
//!
//! Like those hosts, it applies the site's `_headers` file, and it collects the reports
//! of the Content-Security-Policy it sends (a `report-uri` added to the policy), so that
//! a test can tell whether the browser refused anything. Where a file has compressed
//! copies next to it (`x.js.br`, `x.js.gz`), browsers that accept them get those.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, StatusCode};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Empty};
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_status::SetStatus;

/// Where the browser sends the policy's violation reports.
const CSP_REPORTS: &str = "/__csp-reports";

type Body = UnsyncBoxBody<Bytes, std::io::Error>;

/// A running server; it stops when dropped.
pub struct StaticServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
    reports: Arc<Mutex<Vec<String>>>,
    /// The folder that mounts the site under its sub-path, if any.
    _mount: Option<tempfile::TempDir>,
}

impl StaticServer {
    /// Serves `root` on a free loopback port.
    pub async fn start(root: &Path) -> StaticServer {
        Self::serve(root.to_owned(), root.join("404.html"), 0, None).await
    }

    /// Serves `root` on loopback `port` (0 for any free one).
    pub async fn start_on(root: &Path, port: u16) -> StaticServer {
        Self::serve(root.to_owned(), root.join("404.html"), port, None).await
    }

    /// Serves `site` under `/<sub_path>/` (a folder name such as `blog`) on loopback
    /// `port`: the site a build with that base URL made.
    pub async fn start_under(site: &Path, sub_path: &str, port: u16) -> StaticServer {
        let mount = tempfile::tempdir().expect("a temporary folder");
        std::os::unix::fs::symlink(site, mount.path().join(sub_path))
            .expect("link the site under its sub-path");
        let root = mount.path().to_owned();
        Self::serve(root, site.join("404.html"), port, Some(mount)).await
    }

    async fn serve(
        root: PathBuf,
        not_found: PathBuf,
        port: u16,
        mount: Option<tempfile::TempDir>,
    ) -> StaticServer {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap_or_else(|e| panic!("bind loopback port {port}: {e}"));
        let addr = listener.local_addr().expect("a bound address");
        let rules = Arc::new(HeaderRules::read(&root));
        // Compressed copies (`x.js.br`, `x.js.gz`), where there are any, go to browsers
        // that accept them, as a CDN compresses what it serves.
        let files = ServeDir::new(&root)
            .append_index_html_on_directories(true)
            .precompressed_br()
            .precompressed_gzip()
            .not_found_service(ServeFile::new(not_found));
        let reports = Arc::new(Mutex::new(Vec::new()));
        let collected = reports.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let (files, rules, reports) = (files.clone(), rules.clone(), collected.clone());
                let service = hyper::service::service_fn(move |request| {
                    respond(files.clone(), rules.clone(), reports.clone(), request)
                });
                tokio::spawn(async move {
                    // A browser closing a connection early is not a test failure.
                    let _ = auto::Builder::new(TokioExecutor::new())
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        StaticServer {
            addr,
            task,
            reports,
            _mount: mount,
        }
    }

    /// The absolute URL of `path` (which starts with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The Content-Security-Policy violation reports received so far, as JSON text.
    pub fn csp_reports(&self) -> Vec<String> {
        self.reports.lock().expect("the reports").clone()
    }
}

/// A file with the headers of `_headers`, or a report collected.
async fn respond(
    mut files: ServeDir<SetStatus<ServeFile>>,
    rules: Arc<HeaderRules>,
    reports: Arc<Mutex<Vec<String>>>,
    request: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    if request.method() == Method::POST && request.uri().path() == CSP_REPORTS {
        let body = request
            .into_body()
            .collect()
            .await
            .map(|b| b.to_bytes())
            .unwrap_or_default();
        reports
            .lock()
            .expect("the reports")
            .push(String::from_utf8_lossy(&body).into_owned());
        let mut response =
            Response::new(Empty::new().map_err(|never| match never {}).boxed_unsync());
        *response.status_mut() = StatusCode::NO_CONTENT;
        return Ok(response);
    }
    let path = request.uri().path().to_owned();
    let response = match files.try_call(request).await {
        Ok(response) => response.map(BodyExt::boxed_unsync),
        Err(e) => {
            let mut response =
                Response::new(Empty::new().map_err(|never| match never {}).boxed_unsync());
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            eprintln!("static server: {path}: {e}");
            response
        }
    };
    let (mut parts, body) = response.into_parts();
    for (name, value) in rules.headers(&path) {
        let value = if name.eq_ignore_ascii_case("content-security-policy") {
            format!("{value}; report-uri {CSP_REPORTS}")
        } else {
            value
        };
        parts.headers.insert(
            http::HeaderName::from_bytes(name.as_bytes()).expect("a header name"),
            HeaderValue::from_str(&value).expect("a header value"),
        );
    }
    Ok(Response::from_parts(parts, body))
}

/// The rules of a `_headers` file (Netlify and Cloudflare Pages syntax): a path, exact
/// or ending with the splat `*`, then its headers indented, one `Name: value` a line.
#[derive(Debug, Default)]
pub struct HeaderRules(Vec<(String, Vec<(String, String)>)>);

impl HeaderRules {
    /// The `_headers` files under `root`, at the top or one folder down (a site served
    /// under a sub-path); none when there is none.
    fn read(root: &Path) -> HeaderRules {
        let candidates = std::iter::once(root.join("_headers")).chain(
            std::fs::read_dir(root)
                .into_iter()
                .flatten()
                .flatten()
                .map(|entry| entry.path().join("_headers")),
        );
        let text: String = candidates
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .collect::<Vec<_>>()
            .join("\n");
        HeaderRules::parse(&text)
    }

    /// Reads the rules of `text`.
    pub fn parse(text: &str) -> HeaderRules {
        let mut rules: Vec<(String, Vec<(String, String)>)> = Vec::new();
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if line.starts_with([' ', '\t']) {
                if let (Some(rule), Some((name, value))) =
                    (rules.last_mut(), trimmed.split_once(':'))
                {
                    rule.1
                        .push((name.trim().to_owned(), value.trim().to_owned()));
                }
            } else {
                rules.push((trimmed.to_owned(), Vec::new()));
            }
        }
        HeaderRules(rules)
    }

    /// Every header the rules give `path`. Like Netlify and Cloudflare Pages, a header
    /// that several matching rules set gets their values joined with `, `.
    pub fn headers(&self, path: &str) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = Vec::new();
        let matching = self
            .0
            .iter()
            .filter(|(pattern, _)| match pattern.strip_suffix('*') {
                Some(prefix) => path.starts_with(prefix),
                None => path == pattern,
            });
        for (name, value) in matching.flat_map(|(_, headers)| headers) {
            match headers
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
            {
                Some((_, joined)) => *joined = format!("{joined}, {value}"),
                None => headers.push((name.clone(), value.clone())),
            }
        }
        headers
    }
}

/// The status and body of a plain GET of `url` (`http://host:port/path`), as a crawler
/// sees it: no JavaScript, no redirects followed.
pub async fn get(url: &str) -> (u16, String) {
    let response = get_response(url).await;
    (response.status, response.body)
}

/// A response as it came over the wire.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    /// Names in lower case, in the order they came.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    /// The value of the header `name` (lower case), if it came once; panics if it came
    /// more than once.
    pub fn header(&self, name: &str) -> Option<&str> {
        let mut values = self.headers.iter().filter(|(n, _)| n == name);
        let value = values.next().map(|(_, v)| v.as_str());
        assert!(values.next().is_none(), "{name} came more than once");
        value
    }
}

/// A plain GET of `url`, with the response's headers.
pub async fn get_response(url: &str) -> RawResponse {
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
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    RawResponse {
        status,
        headers,
        body: body.to_owned(),
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
