//! The related-posts ranking timed in the browser on 10,000 generated posts: a
//! benchmark, run by `scripts/bench related` (it is ignored by `scripts/test`, because
//! timings belong in BENCHMARKS.md, not in assertions).

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use folio_model::related::{RelatedIndex, RelatedSettings};
    use folio_model::synthetic;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn now() -> f64 {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }

    #[wasm_bindgen_test]
    #[ignore = "a benchmark: scripts/bench related runs it"]
    fn rank_related_posts_of_10000_posts() {
        let features = synthetic::related_features(10_000);
        let start = now();
        let index = RelatedIndex::new(features);
        let indexed = now() - start;
        let settings = RelatedSettings::default();
        let mut times: Vec<f64> = (0..50)
            .map(|i| {
                let slug = format!("post-{}", i * 199);
                let start = now();
                let related = index.related(&slug, &[], &settings);
                let elapsed = now() - start;
                assert_eq!(related.len(), 3);
                elapsed
            })
            .collect();
        times.sort_by(f64::total_cmp);
        console_log!(
            "related-timing: posts=10000 index_ms={indexed:.2} rank_median_ms={:.3} rank_min_ms={:.3} rank_max_ms={:.3}",
            times[times.len() / 2],
            times[0],
            times[times.len() - 1]
        );
    }
}
