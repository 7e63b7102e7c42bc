//! Never a panic, whatever the input: real posts, damaged in thousands of deterministic
//! ways (bytes cut, fences and brackets inserted, invalid UTF-8, stray BOMs and CRs), go
//! through the whole compiler. Each must give a result or diagnostics, never a panic.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use folio_build::{BuildOptions, compile};

/// Fragments that tend to break parsers of front matter and Markdown.
const FRAGMENTS: &[&[u8]] = &[
    b"+++",
    b"---",
    b"\n",
    b"\r\n",
    b"\r",
    b"[",
    b"]",
    b"(",
    b")",
    b"![",
    b"](",
    b"#",
    b"## ",
    b"`",
    b"```",
    b"<",
    b">",
    b"<script>",
    b"&",
    b"{",
    b"}",
    b"=",
    b":",
    b"\"",
    b"'",
    b"@/",
    b"../",
    b"/",
    b"\\",
    b"*",
    b"|",
    b"[^1]",
    b"- [ ] ",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xc3",
    b"\0",
    b"\t",
    "é".as_bytes(),
    "日本".as_bytes(),
    b"date = 2026-02-30\n",
    b"title = ",
    b"image = { src = \"",
    b"aliases = [\"/\"]\n",
    b"slug = \"\"\n",
];

/// A small deterministic generator (xorshift), so a failure replays exactly.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(original: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(4) {
            0 => {
                let end = (at + 1 + rng.below(40)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.iter().copied());
            }
            2 => bytes.truncate(at),
            _ => {
                let end = (at + rng.below(60)).min(bytes.len());
                let copy = bytes[at.min(end)..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
        }
    }
    bytes
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target)
        } else {
            fs::copy(&path, &target).map(|_| ()).unwrap()
        }
    }
}

#[test]
fn damaged_posts_never_make_the_compiler_panic() {
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let tmp = tempfile::tempdir().unwrap();
    let content = tmp.path().join("content");
    copy_dir(&sample, &content);
    let victims = [
        "posts/whatsapp-cart-recovery-playbook.md",
        "posts/weekly-revenue-review.md",
        "posts/handoff-from-bot-to-human/index.md",
        "site.toml",
        "authors/laura-gomez.toml",
    ];
    let options = BuildOptions {
        now: Some("2026-11-24T00:00:00Z".parse().unwrap()),
        ..BuildOptions::default()
    };
    let mut rng = Rng(0x5eed_f011_0b1d);
    let mut outcomes = [0usize; 2];
    // FOLIO_ROBUSTNESS_ROUNDS explores further (for example 5000) when hunting a bug.
    let rounds = std::env::var("FOLIO_ROBUSTNESS_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(240);
    for round in 0..rounds {
        let victim = victims[round % victims.len()];
        let original = fs::read(sample.join(victim)).unwrap();
        let damaged = mutate(&original, &mut rng);
        fs::write(content.join(victim), &damaged).unwrap();
        let result = catch_unwind(AssertUnwindSafe(|| compile(&content, &options)));
        match result {
            Ok(result) => outcomes[usize::from(result.is_err())] += 1,
            Err(_) => panic!(
                "the compiler panicked on round {round}, {victim}:\n{}",
                String::from_utf8_lossy(&damaged)
            ),
        }
        fs::write(content.join(victim), &original).unwrap();
    }
    assert!(
        outcomes[0] > 0 && outcomes[1] > 0,
        "both outcomes occur: {outcomes:?}"
    );
}
