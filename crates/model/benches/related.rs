//! The related-posts ranking at 1,000, 10,000 and 50,000 posts, natively: indexing a
//! language's features once, and ranking one post (what the app does per page).
//! `scripts/bench related` runs it and writes the figures into BENCHMARKS.md.

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use folio_model::related::{RelatedIndex, RelatedSettings};
use folio_model::synthetic;

fn ranking(c: &mut Criterion) {
    let settings = RelatedSettings::default();
    let mut group = c.benchmark_group("related");
    for posts in [1_000, 10_000, 50_000] {
        let features = synthetic::related_features(posts);
        group.bench_with_input(BenchmarkId::new("index", posts), &features, |b, f| {
            // The features are cloned outside the timed part.
            b.iter_batched(|| f.clone(), RelatedIndex::new, BatchSize::LargeInput);
        });
        let index = RelatedIndex::new(features);
        let slug = format!("post-{}", posts / 2);
        group.bench_with_input(BenchmarkId::new("rank", posts), &slug, |b, slug| {
            b.iter(|| index.related(slug, &[], &settings));
        });
    }
    group.finish();
}

criterion_group!(benches, ranking);
criterion_main!(benches);
