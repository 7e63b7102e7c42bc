//! Generated related-posts features of any size, shaped like a real blog's, for the
//! benchmarks of the ranking (natively with criterion, and in the browser).

use crate::content_index::{PostFeatures, RelatedFeatures, SCHEMA_VERSION, Term};

/// Features of `posts` generated posts (fixed seed, so every run ranks the same data):
/// 12 categories, 200 tags (two to five a post), 40 authors, 24 terms a post from a
/// vocabulary of 5,000 (common terms more often), one post a day.
pub fn related_features(posts: usize) -> RelatedFeatures {
    let mut random = Lcg(0x5eed);
    let posts: Vec<PostFeatures> = (0..posts)
        .map(|i| {
            let tag_count = 2 + random.below(4);
            let mut tags: Vec<String> = (0..tag_count)
                .map(|_| format!("tag-{}", random.skewed(200)))
                .collect();
            tags.sort();
            tags.dedup();
            let mut terms: Vec<(u32, u8)> = (0..24)
                .map(|_| (random.skewed(5_000) as u32, 1 + random.below(255) as u8))
                .collect();
            terms.sort_unstable();
            terms.dedup_by_key(|t| t.0);
            PostFeatures {
                slug: format!("post-{i}"),
                title: format!("Post {i}"),
                published_day: 20_000 - i as i32,
                category: Some(format!("category-{}", random.below(12))),
                tags,
                authors: vec![format!("author-{}", random.below(40))],
                related: Vec::new(),
                terms,
                draft: false,
            }
        })
        .collect();
    RelatedFeatures {
        schema_version: SCHEMA_VERSION,
        language: "en".into(),
        tags: (0..200)
            .map(|t| Term {
                id: format!("tag-{t}"),
                name: format!("Tag {t}"),
            })
            .collect(),
        posts,
    }
}

/// A small linear congruential generator: enough for benchmark data, no dependency.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// Uniform in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// In `0..n`, small values more often (the square of a uniform draw).
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.below(n);
        u * u / n
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn generates_the_same_posts_every_time() {
        let a = super::related_features(50);
        assert_eq!(a.posts.len(), 50);
        assert_eq!(a, super::related_features(50));
        assert!(
            a.posts
                .iter()
                .all(|p| (2..=5).contains(&p.tags.len()) || p.tags.len() == 1)
        );
    }
}
