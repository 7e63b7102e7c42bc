//! Headless Chromium through chromedriver, with the console log at hand.
//!
//! The Chromium flags are those this machine needs (see shared TOOLCHAIN.md): headless,
//! no sandbox as root, and no background networking on a closed network.

use std::net::TcpListener;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::process::{Child, Command};

/// A chromedriver process and one browser session on it. Call [`Browser::close`] at the
/// end of a test; dropping it kills the driver and browser in any case.
pub struct Browser {
    /// The WebDriver client, for everything a test does in the page.
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver (`$CHROMEDRIVER`, else `/usr/bin/chromedriver`) and a headless
    /// Chromium session with a fresh profile and a 1280x900 window.
    pub async fn start() -> Browser {
        Self::start_with(true).await
    }

    /// The same, with JavaScript turned off in its pages, as for a reader who turned it
    /// off or a reader-mode view (WebDriver's own scripts still run).
    pub async fn start_without_javascript() -> Browser {
        Self::start_with(false).await
    }

    /// The same, as a device whose viewport is `width` x `height` CSS pixels at
    /// `pixel_ratio` device pixels each (375 x 812 at 3 is a common phone), through
    /// Chromium's device emulation: the browser picks images as that screen would.
    pub async fn start_as_device(width: u32, height: u32, pixel_ratio: f64) -> Browser {
        Self::start_with_options(
            true,
            Some(json!({
                "deviceMetrics": { "width": width, "height": height, "pixelRatio": pixel_ratio },
            })),
        )
        .await
    }

    async fn start_with(javascript: bool) -> Browser {
        Self::start_with_options(javascript, None).await
    }

    async fn start_with_options(javascript: bool, device: Option<Value>) -> Browser {
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {driver_path} ({e}): run scripts/bootstrap"));
        let profile = tempfile::tempdir().expect("a temporary browser profile");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ],
                // 2: blocked, the setting of Chromium's "Don't allow sites to use JavaScript".
                "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } },
            }),
        );
        if let Some(device) = device {
            capabilities["goog:chromeOptions"]["mobileEmulation"] = device;
        }
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        driver,
                        _profile: profile,
                    };
                }
                Err(e) => last_error = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver at {url} did not start a session: {last_error:?}");
    }

    /// The browser console's messages at level WARNING or above since the last call:
    /// errors, warnings, failed requests.
    pub async fn console_problems(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("read the browser log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| matches!(entry["level"].as_str(), Some("WARNING" | "SEVERE")))
            .map(|entry| format!("{}: {}", entry["level"], entry["message"]))
            .collect()
    }

    /// Ends the session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
    }
}

/// chromedriver's log endpoint (`/session/{id}/se/log`), which WebDriver proper lacks.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// The text of the page's `<body>`, as a reader sees it.
pub async fn body_text(client: &Client) -> String {
    let value: Value = client
        .execute("return document.body.innerText", vec![])
        .await
        .expect("run a script in the page");
    value.as_str().unwrap_or_default().to_owned()
}

/// How long a test waits for the page to show something.
pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The first element matching `css`, once it is in the page.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(TIMEOUT)
        .for_element(fantoccini::Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("`{css}` never appeared: {e}"))
}

/// Waits until `script` (the body of a function) returns true.
pub async fn wait_until(client: &Client, what: &str, script: &str) {
    let deadline = tokio::time::Instant::now() + TIMEOUT;
    loop {
        if eval(client, script).await == Value::Bool(true) {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting until {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The value `script` (the body of a function) returns in the page.
pub async fn eval(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("the script failed ({e}): {script}"))
}

/// Resizes the browser's viewport (not its window) to `width` x `height` CSS pixels.
pub async fn set_viewport(client: &Client, width: u32, height: u32) {
    // The window is larger than its viewport by the browser's frame, which headless
    // Chromium still has: measure it once, then size the window to fit.
    client
        .set_window_size(width, height)
        .await
        .expect("resize the window");
    let inner = eval(client, "return [window.innerWidth, window.innerHeight]").await;
    let (w, h) = (
        inner[0].as_u64().unwrap_or(u64::from(width)) as u32,
        inner[1].as_u64().unwrap_or(u64::from(height)) as u32,
    );
    client
        .set_window_size(2 * width - w, 2 * height - h)
        .await
        .expect("resize the window");
}

/// Loads `url` and waits until the app has taken its static page over: before that, the
/// page is plain HTML (its links load whole pages), and elements found in it go stale
/// when the app replaces them.
pub async fn open(client: &Client, url: &str) {
    client.goto(url).await.expect("load the page");
    wait_until(
        client,
        &format!("the app takes {url} over"),
        "return !!document.querySelector('#folio') && !document.querySelector('[data-folio-static]');",
    )
    .await;
}

/// Moves the app to `path` as an in-app link would (the router sees a history entry and
/// a `popstate`), without loading a page: deep links need the static pages of the
/// hosting step.
pub async fn navigate_in_app(client: &Client, path: &str) {
    let script = format!(
        "history.pushState(null, '', {path:?}); dispatchEvent(new PopStateEvent('popstate')); return true"
    );
    eval(client, &script).await;
}
