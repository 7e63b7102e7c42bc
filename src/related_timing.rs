//! The related-posts ranking timed in the browser on 10,000 generated posts: a
//! benchmark, run by `scripts/bench related` (it is ignored by `scripts/test`, because
//! timings belong in BENCHMARKS.md, not in assertions).

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use folio_model::feature_lines::{self, FeatureLines};
    use folio_model::related::RelatedSettings;
    use folio_model::synthetic;
    use wasm_bindgen_test::*;

    use crate::data::FEATURES_PER_SLICE;

    wasm_bindgen_test_configure!(run_in_browser);

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    fn median(mut times: Vec<f64>) -> f64 {
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    }

    fn longest(times: &[f64]) -> f64 {
        times.iter().copied().fold(0.0, f64::max)
    }

    #[wasm_bindgen_test]
    #[ignore = "a benchmark: scripts/bench related runs it"]
    fn rank_related_posts_of_10000_posts() {
        // What the app does once per language: read the features file in slices (the
        // event loop turns between them), then finish the index; then per post page,
        // rank.
        let text = feature_lines::to_json_lines(&synthetic::related_features(10_000));
        let mut slices = Vec::new();
        let start = now();
        let mut lines = FeatureLines::new(&text).unwrap();
        slices.push(now() - start);
        loop {
            let start = now();
            let done = lines.read(FEATURES_PER_SLICE).unwrap();
            slices.push(now() - start);
            if done {
                break;
            }
        }
        let start = now();
        let index = lines.finish();
        let finish = now() - start;
        let settings = RelatedSettings::default();
        let ranks: Vec<f64> = (0..50)
            .map(|i| {
                let slug = format!("post-{}", i * 199);
                let start = now();
                let related = index.related(&slug, &[], &settings);
                let elapsed = now() - start;
                assert_eq!(related.len(), 3);
                elapsed
            })
            .collect();
        console_log!(
            "related-timing: posts=10000 file_bytes={} slices={} slice_median_ms={:.3} slice_max_ms={:.3} read_total_ms={:.2} finish_ms={finish:.2} rank_median_ms={:.3} rank_min_ms={:.3} rank_max_ms={:.3}",
            text.len(),
            slices.len(),
            median(slices.clone()),
            longest(&slices),
            slices.iter().sum::<f64>(),
            median(ranks.clone()),
            ranks.iter().copied().fold(f64::INFINITY, f64::min),
            longest(&ranks),
        );
    }
}
