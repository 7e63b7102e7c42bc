#!/usr/bin/env python3
"""Turns the raw results of scripts/bench into tables, and keeps BENCHMARKS.md.

    report.py round DIR N                  one line about round N of a corpus (progress)
    report.py compiler RESULTS_DIR         the "Content compiler" section, as Markdown
    report.py related RESULTS_DIR          the "Related posts" section, as Markdown
    report.py bundle RESULTS_DIR           the "App bundle" section, as Markdown
    report.py navigation RESULTS_DIR       the "Client-side navigation" section
    report.py pages RESULTS_DIR            the "Page loads" section (Lighthouse)
    report.py images RESULTS_DIR           the "Images" section (build times, Lighthouse)
    report.py cards RESULTS_DIR            the "Link-preview cards" section
    report.py scale RESULTS_DIR            the "Scale" section (a post page at 10,000 posts)
    report.py lighthouse-line FILE         one Lighthouse report in one line (progress)
    report.py splice FILE NAME PART_FILE   puts PART_FILE into FILE as block NAME

BENCHMARKS.md is made of blocks between `<!-- bench:NAME:begin -->` and
`<!-- bench:NAME:end -->` lines: `header` first, then one block per section in the order
they were first written. A run rewrites the intro, the header and the blocks of the
sections it ran, and keeps every other block as it was. Standard library only.
"""

import csv
import json
import os
import re
import statistics
import sys

INTRO = """\
# Benchmarks

Written by `scripts/bench`; do not edit by hand. From the repository root:

```sh
scripts/bench              # every section
scripts/bench compiler     # only the named sections; the others below are kept as they were
```

The budgets are those of the design (its Budgets table). A missed budget is reported
here, not a failure of `scripts/bench`; it exits non-zero only when it could not
measure. The machines are shared and noisy: compare figures measured in the same run,
never figures of different runs.
"""


# ---------------------------------------------------------------- compiler section

BUDGET_CORPUS = "rust-blog"
BUDGET_RATIO = 5.0
TOOL_NAMES = {"folio-rebuild": "folio-build, rebuild"}


def read_kv(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if "=" in line:
                key, value = line.rstrip("\n").split("=", 1)
                values[key] = value
    return values


def round_times(corpus_dir):
    """Every timed run of every tool of a corpus, merged over the rounds, in order."""
    times, codes = {}, {}
    names = sorted((n for n in os.listdir(corpus_dir) if re.fullmatch(r"round-\d+\.json", n)),
                   key=lambda n: int(re.search(r"\d+", n).group()))
    for name in names:
        with open(os.path.join(corpus_dir, name), encoding="utf-8") as f:
            for result in json.load(f)["results"]:
                times.setdefault(result["command"], []).extend(result["times"])
                codes.setdefault(result["command"], []).extend(result.get("exit_codes") or [])
    return times, codes


def peak_memory_kb(path, runs):
    """Median max RSS of the timed runs; the first line is the warm-up run's."""
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        values = [int(line) for line in f if line.strip().isdigit()]
    if len(values) > runs:
        values = values[len(values) - runs:]
    return statistics.median(values) if values else None


def seconds(value):
    return f"{value:.3f} s" if value < 10 else f"{value:.2f} s"


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def compiler(results):
    corpora = []
    with open(os.path.join(results, "corpora"), encoding="utf-8") as f:
        corpora = [line.split("\t")[0] for line in f.read().splitlines() if line]
    meta = read_kv(os.path.join(results, "meta"))
    rows, ratios = [], {}
    for corpus in corpora:
        directory = os.path.join(results, corpus)
        info = read_kv(os.path.join(directory, "corpus"))
        times, codes = round_times(directory)
        medians, tool_rows = {}, {}
        for tool in ("folio-build", "folio-rebuild", "hugo"):
            status = read_kv(os.path.join(directory, f"{tool}.status"))
            row = {"corpus": info["label"], "files": info["files"], "pages": info["pages"],
                   "tool": TOOL_NAMES.get(tool, tool),
                   "output": status.get("output", ""), "wall": "–", "spread": "–", "memory": "–", "ratio": ""}
            if status["state"] == "ok":
                samples = times.get(tool, [])
                failures = [c for c in codes.get(tool, []) if c != 0]
                if failures:
                    status = {"state": "failed", "message": f"exited with status {failures[0]} while being timed"}
                elif not samples:
                    status = {"state": "failed", "message": "not timed (hyperfine failed; see the log above)"}
            if status["state"] != "ok":
                row["output"] = "failed: " + status.get("message", "unknown error")
            else:
                median = statistics.median(samples)
                medians[tool] = median
                row["wall"] = seconds(median)
                row["spread"] = f"{seconds(min(samples))[:-2]}–{seconds(max(samples))} ({len(samples)} runs)"
                memory = peak_memory_kb(os.path.join(directory, f"mem-{tool}.txt"), len(samples))
                row["memory"] = f"{memory / 1024:.0f} MiB" if memory else "?"
            rows.append(row)
            tool_rows[tool] = row
        for tool in ("folio-build", "folio-rebuild"):
            if tool in medians and "hugo" in medians:
                ratio = medians["hugo"] / medians[tool]
                ratios.setdefault(corpus, {})[tool] = ratio
                tool_rows[tool]["ratio"] = f"{ratio:.2f}x"

    out = ["## Content compiler", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; "
               f"{meta['hugo']}; {meta['hyperfine']}.")
    out.append("")
    out.append("| corpus | Markdown files | tool | output | median wall time | spread (min–max) "
               "| peak memory (median) | Hugo/Folio |")
    out.append("|---|---:|---|---|---:|---|---:|---:|")
    for r in rows:
        out.append(f"| {r['corpus']} | {r['files']} | {r['tool']} | {cell(r['output'])} | {r['wall']} "
                   f"| {r['spread']} | {r['memory']} | {r['ratio']} |")
    out.append("")
    budget_label = next((read_kv(os.path.join(results, c, "corpus"))["label"] for c in corpora
                         if c == BUDGET_CORPUS), BUDGET_CORPUS)
    if BUDGET_CORPUS not in corpora:
        verdict = "**not measured** (the corpus was not run)"
    elif BUDGET_CORPUS in ratios:
        def judged(ratio):
            return (f"**met** ({ratio:.2f}x)" if ratio >= BUDGET_RATIO
                    else f"**missed** ({ratio:.2f}x, needs {BUDGET_RATIO:.0f}x)")
        verdict = "; ".join(f"{what} {judged(ratios[BUDGET_CORPUS][tool])}"
                            for tool, what in (("folio-build", "first build"), ("folio-rebuild", "rebuild"))
                            if tool in ratios[BUDGET_CORPUS])
    else:
        verdict = "**not measured** (a tool failed on it; see the table)"
    out.append(f"Budget: the content compiler is {BUDGET_RATIO:.0f}x faster than Hugo on the {budget_label} "
               f"corpus (Hugo's median wall time over Folio's, same files, same run): {verdict}.")
    out.append("")
    with open(os.path.join(results, "how.md"), encoding="utf-8") as f:
        out.append(f.read().rstrip("\n"))
    return "\n".join(out) + "\n", ratios


def round_line(corpus_dir, number):
    with open(os.path.join(corpus_dir, f"round-{number}.json"), encoding="utf-8") as f:
        results = json.load(f)["results"]
    parts = []
    for r in results:
        bad = [c for c in (r.get("exit_codes") or []) if c != 0]
        parts.append(f"{r['command']} {seconds(r['times'][-1])}" + (f" (exit {bad[0]})" if bad else ""))
    return ", ".join(parts)


# ---------------------------------------------------------------- related section

RELATED_BUDGET_MS = 2.0
RELATED_BUDGET_POSTS = 10000


def milliseconds(ms):
    if ms < 1:
        return f"{ms:.3f} ms"
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"


def criterion_rows(directory):
    """(what, posts, median ms, min ms, max ms, samples) of each criterion benchmark."""
    rows = []
    for what in ("index", "rank"):
        base = os.path.join(directory, what)
        if not os.path.isdir(base):
            continue
        for posts in (p for p in os.listdir(base) if p.isdigit()):
            folder = os.path.join(base, posts, "new")
            with open(os.path.join(folder, "estimates.json"), encoding="utf-8") as f:
                median = json.load(f)["median"]["point_estimate"] / 1e6
            with open(os.path.join(folder, "sample.json"), encoding="utf-8") as f:
                sample = json.load(f)
            means = [t / n / 1e6 for t, n in zip(sample["times"], sample["iters"])]
            rows.append((int(posts), what, median, min(means), max(means), len(means)))
    return sorted(rows)


def browser_runs(path):
    """The key=value figures of each `related-timing:` line, one dict per run."""
    runs = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if "related-timing:" in line:
                    fields = line.split("related-timing:", 1)[1].split()
                    runs.append({k: float(v) for k, v in (x.split("=", 1) for x in fields)})
    return runs


def related(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## Related posts", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; {meta['chromium']}.")
    out.append("")
    out.append("Natively (criterion, `cargo bench -p folio-model --bench related`): the median time of a "
               "call, and the spread of the samples' mean times.")
    out.append("")
    out.append("| posts | what | median | spread (min–max) |")
    out.append("|---:|---|---:|---|")
    labels = {"index": "index a language's features (once per visit)", "rank": "rank one post"}
    rows = criterion_rows(os.path.join(results, "criterion"))
    for posts, what, median, low, high, samples in rows:
        out.append(f"| {posts:,} | {labels[what]} | {milliseconds(median)} "
                   f"| {milliseconds(low)}–{milliseconds(high)} ({samples} samples) |")
    if not rows:
        out.append("| – | not measured (criterion failed) | – | – |")
    out.append("")

    runs = browser_runs(os.path.join(results, "browser.txt"))
    verdict = "**not measured** (the browser runs failed)"
    if runs:
        def figure(key):
            values = [r[key] for r in runs]
            return (f"{milliseconds(statistics.median(values))} "
                    f"| {milliseconds(min(values))}–{milliseconds(max(values))}")

        posts = int(runs[0]["posts"])
        size = runs[0]["file_bytes"] / 1e6
        slices = int(runs[0]["slices"])
        out.append(f"In Chromium (headless; the wasm of the release profile; `src/related_timing.rs`; "
                   f"{len(runs)} runs, each ranking 50 posts): the median over the runs of each run's "
                   "figure, and the spread over the runs.")
        out.append("")
        out.append("| posts | what | median | spread (min–max) |")
        out.append("|---:|---|---:|---|")
        out.append(f"| {posts:,} | rank one post (a run's median call) | {figure('rank_median_ms')} |")
        out.append(f"| {posts:,} | rank one post (a run's slowest call) | {figure('rank_max_ms')} |")
        out.append(f"| {posts:,} | read the {size:.1f} MB features file in {slices} slices, all slices "
                   f"(once per visit) | {figure('read_total_ms')} |")
        out.append(f"| {posts:,} | one slice (a run's median slice) | {figure('slice_median_ms')} |")
        out.append(f"| {posts:,} | one slice (a run's longest slice) | {figure('slice_max_ms')} |")
        out.append(f"| {posts:,} | finish the index after the last slice | {figure('finish_ms')} |")
        out.append("")
        measured = statistics.median(r["rank_median_ms"] for r in runs)
        if posts != RELATED_BUDGET_POSTS:
            verdict = f"**not measured** (the runs had {posts:,} posts)"
        elif measured < RELATED_BUDGET_MS:
            verdict = f"**met** ({milliseconds(measured)})"
        else:
            verdict = f"**missed** ({milliseconds(measured)})"
    out.append(f"Budget: ranking a post's related posts takes under {RELATED_BUDGET_MS:.0f} ms at "
               f"{RELATED_BUDGET_POSTS:,} posts in Chromium (median call): {verdict}.")
    out.append("")

    quality = []
    path = os.path.join(results, "quality.log")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            quality = [line.strip() for line in f if "related posts are" in line]
    if quality:
        out.append("Quality on the rust-blog corpus (`crates/compiler/tests/related_quality.rs`, default "
                   "settings):")
        out.append("")
        out.extend(f"- {line}" for line in quality)
        out.append("")
    with open(os.path.join(results, "how.md"), encoding="utf-8") as f:
        out.append(f.read().rstrip("\n"))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- bundle

BUNDLE_BUDGET = 150 * 1024


STD_CRATES = ("core", "alloc", "std")


def crate_of(name):
    """The crate a (demangled) function name of the wasm comes from: for a trait method
    `<Type as Trait>::f`, the trait's crate, unless that is the standard library's, then
    the type's."""
    name = name.strip()
    if name.startswith(("data segment", "data[")):
        return "(data: strings, tables)"
    if name.startswith("<") and " as " in name:
        implementor, trait = name[1:].split(" as ", 1)
        trait_crate = re.sub(r"\[[0-9a-f]+\]$", "", trait.split("::", 1)[0].lstrip("&*<"))
        if trait_crate not in STD_CRATES:
            return trait_crate
        name = implementor
    name = name.lstrip("<&*").removeprefix("mut ").removeprefix("dyn ")
    if "::" in name:
        return re.sub(r"\[[0-9a-f]+\]$", "", name.split("::", 1)[0])
    return "(other)"


def is_stripped(name):
    """Names, producers, wasm-bindgen's own data and its type descriptions: gone from the
    shipped wasm."""
    return (name.startswith("custom section") or "subsection" in name
            or "__wbindgen_describe" in name)


def bundle(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## App bundle", ""]
    out.append(f"Measured {meta['date']}; Folio at {meta['folio']}; `trunk build --release --offline`, "
               "compressed as a CDN serves it (gzip -9, brotli -q 11).")
    out.append("")
    out.append("| file | raw | gzip | brotli |")
    out.append("|---|---:|---:|---:|")
    totals = [0, 0, 0]
    with open(os.path.join(results, "sizes.tsv"), encoding="utf-8") as f:
        for line in f:
            name, *sizes = line.rstrip("\n").split("\t")
            sizes = [int(x) for x in sizes]
            totals = [a + b for a, b in zip(totals, sizes)]
            out.append(f"| `{name}` | {sizes[0]:,} B | {sizes[1]:,} B | {sizes[2]:,} B |")
    out.append(f"| **total** | {totals[0]:,} B | {totals[1]:,} B | **{totals[2]:,} B** |")
    out.append("")
    brotli = totals[2]
    if brotli <= BUNDLE_BUDGET:
        verdict = f"**met** ({brotli:,} B)"
    else:
        verdict = f"**missed** by {brotli - BUNDLE_BUDGET:,} B ({brotli:,} B)"
    out.append(f"Budget: wasm + JS + CSS at most {BUNDLE_BUDGET:,} B brotli (150 KB): {verdict}.")
    out.append("")
    path = os.path.join(results, "twiggy.csv")
    if os.path.exists(path) and os.path.getsize(path) > 0:
        by_crate = {}
        total = 0
        with open(path, encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if is_stripped(row.get("Name", "")):
                    continue
                size = int(row.get("ShallowSize") or 0)
                total += size
                crate = crate_of(row.get("Name", ""))
                by_crate[crate] = by_crate.get(crate, 0) + size
        out.append("What the wasm is made of, by crate: shallow sizes from `twiggy top` on the wasm "
                   "before wasm-bindgen and wasm-opt (whose names say where each function comes from; "
                   "the shipped file is smaller, in about these shares).")
        out.append("")
        out.append("| crate | bytes | share |")
        out.append("|---|---:|---:|")
        for crate, size in sorted(by_crate.items(), key=lambda kv: -kv[1])[:15]:
            out.append(f"| `{crate}` | {size:,} B | {100 * size / total:.1f}% |")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- navigation

def navigation(results):
    meta = read_kv(os.path.join(results, "meta"))
    runs = []
    with open(os.path.join(results, "browser.txt"), encoding="utf-8") as f:
        for line in f:
            fields = dict(x.split("=", 1) for x in line.split(":", 1)[1].split())
            runs.append((float(fields["ms"]), fields["first_visit"] == "true"))
    out = ["## Client-side navigation", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; {meta['chromium']}.")
    out.append("")
    out.append("From the click on a link to another post until its heading and body are on screen "
               "(`performance.now()` in the page; `tests/e2e/tests/navigation_timing.rs`), on the "
               "release build served from loopback by the tests' static server, in headless Chromium "
               "with no throttling: every post of the sample in turn, then again from the start.")
    out.append("")
    out.append("| navigations | what | median | spread (min–max) |")
    out.append("|---:|---|---:|---|")

    def row(label, values):
        if values:
            out.append(f"| {len(values)} | {label} | {milliseconds(statistics.median(values))} "
                       f"| {milliseconds(min(values))}–{milliseconds(max(values))} |")

    row("all", [ms for ms, _ in runs])
    row("first visit of the post (its document is fetched)", [ms for ms, first in runs if first])
    row("post seen before in the visit (its document is in memory)", [ms for ms, first in runs if not first])
    out.append("")
    if runs:
        median = statistics.median(ms for ms, _ in runs)
        verdict = f"**met** ({milliseconds(median)})" if median < 50 else f"**missed** ({milliseconds(median)})"
        out.append(f"Budget: under 50 ms from click to new article text (median): {verdict}.")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- pages (Lighthouse)

LIGHTHOUSE_METRICS = [
    ("score", "performance score", None),
    ("fcp", "FCP", "first-contentful-paint"),
    ("lcp", "LCP", "largest-contentful-paint"),
    ("tbt", "TBT", "total-blocking-time"),
    ("cls", "CLS", "cumulative-layout-shift"),
    ("bytes", "total bytes", "total-byte-weight"),
]
PAGES = [("home", "home", "/"), ("post", "reference post", "/posts/whatsapp-cart-recovery-playbook/"),
         ("category", "category page", "/category/automation/")]


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def lighthouse_figures(report):
    """The figures of the table from a Lighthouse report."""
    figures = {}
    for key, _, audit in LIGHTHOUSE_METRICS:
        if audit is None:
            score = report["categories"]["performance"]["score"]
            figures[key] = None if score is None else score * 100
        else:
            figures[key] = report["audits"][audit].get("numericValue")
    return figures


def lighthouse_runs(results, prefix, read):
    """`read` of every Lighthouse report in `results` whose name starts with `prefix`;
    reports that could not be read (a failed run) are left out."""
    runs = []
    for name in sorted(os.listdir(results)):
        if name.startswith(prefix) and name.endswith(".json"):
            try:
                runs.append(read(read_json(os.path.join(results, name))))
            except (KeyError, ValueError, TypeError, OSError):
                pass
    return runs


def median_figures(runs, keys):
    """The median of each figure over the runs that have it (`None` where none has)."""
    return {k: statistics.median(r[k] for r in runs if r[k] is not None)
            if any(r[k] is not None for r in runs) else None
            for k in keys}


def lighthouse_line(path):
    f = lighthouse_figures(read_json(path))
    return (f"score {f['score']:.0f}, FCP {f['fcp']:.0f} ms, LCP {f['lcp']:.0f} ms, "
            f"TBT {f['tbt']:.0f} ms, CLS {f['cls']:.3f}, {f['bytes'] / 1024:.0f} KiB")


def metric_text(key, value):
    if value is None:
        return "–"
    if key == "score":
        return f"{value:.0f}"
    if key == "cls":
        return f"{value:.3f}"
    if key == "bytes":
        return f"{value / 1024:.0f} KiB"
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def pages(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## Page loads: Folio against Hugo", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; "
               f"Lighthouse {meta['lighthouse']}, Hugo {meta['hugo']}, {meta['chromium']}.")
    out.append("")
    out.append("Lighthouse's default mobile run (simulated slow 4G and a 4x slower CPU, performance only), "
               "each page of each site in turn, the site first alternating from run to run. "
               "Median of the runs; LCP also with its spread (min–max).")
    out.append("")
    out.append("| page | site | runs | score | FCP | LCP | LCP spread | TBT | CLS | total bytes |")
    out.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|")
    ratios = []
    post_medians = {}
    for page, label, _ in PAGES:
        medians = {}
        for site in ("folio", "hugo"):
            runs = lighthouse_runs(results, f"lh-{site}-{page}-", lighthouse_figures)
            if not runs:
                out.append(f"| {label} | {site} | 0 | – | – | – | – | – | – | – |")
                continue
            median = median_figures(runs, [k for k, _, _ in LIGHTHOUSE_METRICS])
            medians[site] = median
            lcps = [r["lcp"] for r in runs if r["lcp"] is not None]
            spread = f"{metric_text('lcp', min(lcps))}–{metric_text('lcp', max(lcps))}" if lcps else "–"
            cells = [metric_text(k, median[k]) for k, _, _ in LIGHTHOUSE_METRICS]
            out.append(f"| {label} | {'Folio' if site == 'folio' else 'Hugo'} | {len(runs)} | {cells[0]} "
                       f"| {cells[1]} | {cells[2]} | {spread} | {cells[3]} | {cells[4]} | {cells[5]} |")
        if page == "post":
            post_medians = medians
        if "folio" in medians and "hugo" in medians and medians["hugo"]["lcp"]:
            ratios.append((label, medians["folio"]["lcp"] / medians["hugo"]["lcp"]))
    out.append("")
    if ratios:
        out.append("**LCP, Folio / Hugo** (1.00 is as fast as plain static HTML; lower is faster): "
                   + ", ".join(f"{label} **{ratio:.2f}**" for label, ratio in ratios) + ".")
        out.append("")
    post = post_medians.get("folio")
    post_ratio = dict(ratios).get("reference post")
    if post and post_ratio is not None:
        misses = []
        if post_ratio > 1.10:
            misses.append(f"LCP {100 * (post_ratio - 1):.0f}% above Hugo's")
        if post["score"] is not None and post["score"] < 98:
            misses.append(f"score {post['score']:.0f}")
        if post["cls"]:
            misses.append(f"CLS {post['cls']:.3f}")
        verdict = "**met**" if not misses else "**missed** (" + ", ".join(misses) + ")"
        out.append("Budget: the post page's LCP no more than 10% above Hugo's for the same post, "
                   f"score 98 or more, CLS 0: {verdict}.")
        out.append("")
    out.append("Both sites come from one static server (`tests/e2e/src/bin/serve-static.rs`: the "
               "tests' server, serving the brotli or gzip copy of each text file that the script "
               "writes next to it, as a CDN compresses), Folio under `/folio/` "
               "(`trunk build --release --public-url /folio/`), Hugo under `/hugo/`. The Hugo site "
               "(`scripts/bench-support/hugo-pages/`) has the sample's posts in the default "
               "language, Folio's CSS and images, and layouts with Folio's elements and classes, "
               "without JavaScript.")
    out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- images

IMAGE_PAGES = [("home", "home page"), ("post", "KubeCon EU 2022 wrap-up (23 pictures)")]


def image_figures(report):
    """LCP, the bytes of the images a page loaded, and how many, from a Lighthouse report."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    pictures = [r for r in requests if r.get("resourceType") == "Image"
                and not r.get("url", "").startswith("data:")]
    return {
        "lcp": report["audits"]["largest-contentful-paint"].get("numericValue"),
        "image_bytes": sum(r.get("transferSize", 0) for r in pictures),
        "images": len(pictures),
        "bytes": report["audits"]["total-byte-weight"].get("numericValue"),
    }


def timed_seconds(results, prefix):
    """The wall times of the runs whose files start with `prefix`."""
    times = []
    for name in sorted(os.listdir(results)):
        if name.startswith(prefix) and not name.endswith(".log"):
            value = read_kv(os.path.join(results, name)).get("seconds")
            if value:
                times.append(float(value))
    return times


def file_bytes(path, column):
    with open(path, encoding="utf-8") as f:
        return [int(line.split()[column]) for line in f if line.strip()]


def images(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## Images: Folio against Hugo's image processing", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; "
               f"Lighthouse {meta['lighthouse']}, Hugo {meta['hugo']}.")
    out.append("")
    out.append(f"The Flux blog (`../shared/corpora/flux-blog`: 77 posts, {meta['sources']} PNG and JPEG "
               "files in its posts' folders), built whole by each tool. Folio makes every raster image "
               "a page shows in AVIF (rav1e, speed 6), WebP (libwebp) and one JPEG or PNG fallback, at "
               "the widths the layout needs; the Hugo peer (`scripts/bench-support/hugo-images/`) "
               "makes the same widths with `.Resize` in WebP and a fallback in the original's format, "
               "as a Hugo user writes it (Hugo 0.111 encodes no AVIF), with Folio's `sizes`, CSS and "
               "markup, and no JavaScript. **Folio encodes a third format that Hugo does not**: "
               "AVIF, most of its time.")
    out.append("")
    folio_files = file_bytes(os.path.join(results, "folio-files"), 1)
    hugo_files = file_bytes(os.path.join(results, "hugo-files"), 0)
    out.append("| build | tool | runs | median wall time | files made | their bytes |")
    out.append("|---|---|---:|---:|---:|---:|")
    rows = [("empty cache", "folio-cold", "hugo-cold"), ("with the cache", "folio-warm-", "hugo-warm-")]
    for label, folio_prefix, hugo_prefix in rows:
        for tool, prefix, files in (("Folio", folio_prefix, folio_files), ("Hugo", hugo_prefix, hugo_files)):
            times = timed_seconds(results, prefix)
            median = seconds(statistics.median(times)) if times else "–"
            made = f"{len(files)} | {sum(files) / 2**20:.1f} MiB" if label == "empty cache" else "0 | –"
            out.append(f"| {label} | {tool} | {len(times)} | {median} | {made} |")
    out.append("")
    out.append(f"Folio's count: {meta.get('folio_images', '?')}. Folio's times are `folio-build` alone "
               "(every page, feed and document, and the images); Hugo's are `hugo` (every page and "
               "the images). A build with the cache reads each image's bytes to hash them and "
               "encodes nothing.")
    out.append("")
    out.append("Lighthouse's default mobile run (simulated slow 4G, 4x slower CPU), each page of each "
               "site in turn, the site first alternating from run to run; medians. Image bytes are "
               "the images the page loaded before Lighthouse stopped (lazy images below the first "
               "screen are not loaded by either).")
    out.append("")
    out.append("| page | site | runs | LCP | images loaded | image bytes | total bytes |")
    out.append("|---|---|---:|---:|---:|---:|---:|")
    verdicts = []
    for page, label in IMAGE_PAGES:
        medians = {}
        for site in ("folio", "hugo"):
            runs = lighthouse_runs(results, f"lh-{site}-{page}-", image_figures)
            if not runs:
                out.append(f"| {label} | {site} | 0 | – | – | – | – |")
                continue
            median = median_figures(runs, ("lcp", "image_bytes", "images", "bytes"))
            medians[site] = median
            out.append(f"| {label} | {'Folio' if site == 'folio' else 'Hugo'} | {len(runs)} "
                       f"| {metric_text('lcp', median['lcp'])} | {median['images']:.0f} "
                       f"| {median['image_bytes'] / 1024:.0f} KiB | {median['bytes'] / 1024:.0f} KiB |")
        if "folio" in medians and "hugo" in medians and medians["hugo"]["lcp"] and medians["hugo"]["image_bytes"]:
            folio, hugo = medians["folio"], medians["hugo"]
            size = folio["image_bytes"] / hugo["image_bytes"]
            lcp_verdict = "**met**" if folio["lcp"] <= hugo["lcp"] else "**missed**"
            size_verdict = "**met**" if size <= 0.8 else "**missed**"
            verdicts.append(f"{label}: LCP {metric_text('lcp', folio['lcp'])} against "
                            f"{metric_text('lcp', hugo['lcp'])} ({folio['lcp'] - hugo['lcp']:+.0f} ms), "
                            f"{lcp_verdict}; image bytes {100 * size:.0f}% of Hugo's, {size_verdict}")
    out.append("")
    if verdicts:
        out.append("Goal: LCP no more than Hugo's, image bytes at most 80% of Hugo's. " + "; ".join(verdicts) + ".")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- cards

CARDS_BUDGET = 30.0


def cards(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## Link-preview cards", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}.")
    out.append("")
    out.append(f"`folio-build build` over the rust-blog corpus ({meta['posts']} posts, no images): every "
               "post, listing and page without a hero shares a 1200×630 PNG card of its title, drawn "
               "with resvg. From an empty cache folder, then with it; the difference is the cards.")
    out.append("")
    sizes = file_bytes(os.path.join(results, "card-files"), 0)
    cold = timed_seconds(results, "cold")
    warm = timed_seconds(results, "warm-")
    out.append("| build | runs | median wall time | cards made | their bytes |")
    out.append("|---|---:|---:|---:|---:|")
    out.append(f"| empty cache | {len(cold)} | {seconds(statistics.median(cold))} | {len(sizes)} "
               f"| {sum(sizes) / 2**20:.1f} MiB |")
    out.append(f"| with the cache | {len(warm)} | {seconds(statistics.median(warm))} | 0 | – |")
    out.append("")
    drawing = statistics.median(cold) - statistics.median(warm)
    verdict = "**met**" if statistics.median(cold) < CARDS_BUDGET else "**missed**"
    out.append(f"Folio's count: {meta['images']}. Drawing them took about {drawing:.1f} s. Budget: the "
               f"rust-blog build draws its cards in under {CARDS_BUDGET:.0f} s cold on 2 cores: {verdict}.")
    out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- scale

def article_bytes(report):
    """What a page fetches before its article can show, from a Lighthouse report: the
    HTML document (which holds the article and its data) and the stylesheets that block
    rendering; and everything the page fetched."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    document = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") == "Document")
    styles = sum(r.get("transferSize", 0) for r in requests if r.get("resourceType") == "Stylesheet")
    everything = sum(r.get("transferSize", 0) for r in requests)
    return document, styles, everything


def scale(results):
    meta = read_kv(os.path.join(results, "meta"))
    out = ["## Scale: a post page at 10,000 posts", ""]
    out.append(f"Measured {meta['date']} on {meta['machine']}; Folio at {meta['folio']}; "
               f"Lighthouse {meta['lighthouse']} (mobile preset).")
    out.append("")
    out.append("| site | runs | HTML (article and its data) | render-blocking CSS | before the article | "
               "everything | FCP | LCP |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    medians = {}
    for name, label in (("sample", f"the sample ({meta['sample_posts']} post files)"),
                        ("large", f"generated ({int(meta['posts']):,} posts)")):
        runs = lighthouse_runs(results, f"lh-{name}-",
                               lambda report: (article_bytes(report), lighthouse_figures(report)))
        if not runs:
            out.append(f"| {label} | 0 | – | – | – | – | – | – |")
            continue
        document = statistics.median(r[0][0] for r in runs)
        styles = statistics.median(r[0][1] for r in runs)
        everything = statistics.median(r[0][2] for r in runs)
        fcp = statistics.median(r[1]["fcp"] for r in runs)
        lcp = statistics.median(r[1]["lcp"] for r in runs)
        medians[name] = (document + styles, lcp)
        out.append(f"| {label} | {len(runs)} | {document:,.0f} B | {styles:,.0f} B | "
                   f"**{document + styles:,.0f} B** | {everything / 1024:.0f} KiB | "
                   f"{metric_text('fcp', fcp)} | {metric_text('lcp', lcp)} |")
    out.append("")
    if "sample" in medians and "large" in medians:
        (bytes_small, lcp_small), (bytes_large, lcp_large) = medians["sample"], medians["large"]
        grew_bytes = bytes_large > bytes_small * 1.25
        grew_lcp = lcp_large > lcp_small * 1.10
        verdict = "**met**" if not (grew_bytes or grew_lcp) else "**missed**"
        out.append(f"Budget: neither grows with the number of posts: {verdict} (bytes before the "
                   f"article {bytes_large / bytes_small:.2f}x the sample's, LCP "
                   f"{lcp_large / lcp_small:.2f}x; a post's own length moves both a little).")
        out.append("")
    out.append("Bytes are transfer sizes (brotli, as served). The post of the generated site is its "
               "middle file by name; its body is of the generator's usual length (300 to 1,200 words), "
               "the sample's reference post about 220 words.")
    out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- BENCHMARKS.md

BLOCK = re.compile(r"<!-- bench:([a-z0-9-]+):begin -->\n(.*?)<!-- bench:\1:end -->\n", re.S)


def splice(path, name, part_path):
    with open(part_path, encoding="utf-8") as f:
        part = f.read()
    if not part.endswith("\n"):
        part += "\n"
    blocks = []
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            blocks = [(m.group(1), m.group(2)) for m in BLOCK.finditer(f.read())]
    names = [n for n, _ in blocks]
    if name in names:
        blocks[names.index(name)] = (name, part)
    elif name == "header":
        blocks.insert(0, (name, part))
    else:
        blocks.append((name, part))
    text = INTRO
    for block_name, body in blocks:
        text += f"\n<!-- bench:{block_name}:begin -->\n{body}<!-- bench:{block_name}:end -->\n"
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def main():
    command, args = sys.argv[1], sys.argv[2:]
    if command == "round":
        print(round_line(args[0], args[1]))
    elif command == "compiler":
        text, _ = compiler(args[0])
        sys.stdout.write(text)
    elif command == "related":
        sys.stdout.write(related(args[0]))
    elif command == "bundle":
        sys.stdout.write(bundle(args[0]))
    elif command == "navigation":
        sys.stdout.write(navigation(args[0]))
    elif command == "pages":
        sys.stdout.write(pages(args[0]))
    elif command == "images":
        sys.stdout.write(images(args[0]))
    elif command == "cards":
        sys.stdout.write(cards(args[0]))
    elif command == "scale":
        sys.stdout.write(scale(args[0]))
    elif command == "lighthouse-line":
        print(lighthouse_line(args[0]))
    elif command == "splice":
        splice(*args)
    else:
        sys.exit(f"report.py: unknown command {command}")


if __name__ == "__main__":
    main()
