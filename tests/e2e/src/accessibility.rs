//! axe-core, the accessibility checker, run inside the page under test.
//!
//! `scripts/bootstrap` installs it from npm; `$AXE_CORE_JS` says where (see
//! `scripts/toolchain-env`).

use fantoccini::Client;
use serde_json::Value;

/// The WCAG 2.1 A and AA rules, and axe's best practices.
const TAGS: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]"#;

/// Opens `url` as a reader does (the static page, then the app in its place) and returns
/// every violation axe finds there in the light theme and in the dark one, each as
/// `label (theme): violation`.
pub async fn audit_page(client: &Client, url: &str, label: &str) -> Vec<String> {
    crate::browser::open(client, url).await;
    crate::browser::wait_until(
        client,
        &format!("{label} is taken over by the app"),
        "return !!document.querySelector('#folio:not([data-folio-static]) main h1') && !document.querySelector('.loading')",
    )
    .await;
    let mut found = Vec::new();
    for theme in ["light", "dark"] {
        let script =
            format!("document.documentElement.setAttribute('data-theme', {theme:?}); return true");
        crate::browser::eval(client, &script).await;
        for violation in violations(client).await {
            found.push(format!("{label} ({theme}): {violation}"));
        }
    }
    found
}

/// Every violation axe finds on the page as it stands: `rule: nodes`, one per line.
pub async fn violations(client: &Client) -> Vec<String> {
    let path = std::env::var("AXE_CORE_JS")
        .expect("AXE_CORE_JS names axe.min.js: source scripts/toolchain-env");
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read axe-core at {path} ({e}): run scripts/bootstrap"));
    client
        .execute(&source, vec![])
        .await
        .expect("load axe-core into the page");
    let script = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {TAGS} }} }})
            .then(r => done(r.violations.map(v =>
                v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
                v.nodes.map(n => n.target.join(' ')).join(', '))))
            .catch(e => done(['axe failed: ' + e]));"
    );
    let result = client
        .execute_async(&script, vec![])
        .await
        .expect("run axe-core");
    match result {
        Value::Array(items) => items
            .into_iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        other => vec![format!("axe returned {other}")],
    }
}
