//! Related posts: ranks the other posts of a language for one post, from the compact
//! features the compiler writes ([`RelatedFeatures`]), and says why each one is there.
//!
//! The score of a candidate is a weighted sum of five signals, each between 0 and 1:
//! shared tags (each weighted by its rarity, as a share of the post's own tag weight),
//! the same category, a shared author, text similarity (cosine over the quantized term
//! vectors) and recency (1 for the newest post, falling with age over a year). Posts the
//! author pinned with `related` come first, in their order. A candidate counts only when
//! its score without recency reaches the threshold; when fewer than `count` do, the list
//! is filled with the newest posts of the same category, then the newest posts. So the
//! list is never empty while the language has another post.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::content_index::{PostFeatures, RelatedFeatures};

/// How related posts are chosen: `[related]` in `site.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedSettings {
    /// How many related posts a post shows.
    pub count: u32,
    /// The least score (recency aside) for a post to count as related rather than as a
    /// filler.
    pub threshold: f32,
    /// The weight of each signal.
    pub weights: RelatedWeights,
}

impl Default for RelatedSettings {
    fn default() -> Self {
        RelatedSettings {
            count: 3,
            threshold: 0.2,
            weights: RelatedWeights::default(),
        }
    }
}

/// The weight of each signal of the score. The defaults let text similarity and the
/// category carry a blog that has no tags at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RelatedWeights {
    pub tags: f32,
    pub category: f32,
    pub author: f32,
    pub text: f32,
    pub recency: f32,
}

impl Default for RelatedWeights {
    fn default() -> Self {
        RelatedWeights {
            tags: 1.0,
            category: 0.3,
            author: 0.15,
            text: 1.0,
            recency: 0.05,
        }
    }
}

/// Why a post is among the related ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The author listed it in the post's `related`.
    Pinned,
    /// It shares these tags (ids, rarest first; at most three).
    SharedTags(Vec<String>),
    /// It is in the same category (its id). Also the reason of same-category fillers.
    SameCategory(String),
    /// It shares this author (an id).
    SameAuthor(String),
    /// Its text is about the same things.
    SimilarTopic,
    /// It is among the newest posts: a filler when nothing closer exists.
    Recent,
}

/// One related post and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Related<'a> {
    pub post: &'a PostFeatures,
    pub reason: Reason,
    /// The score (0 for pinned posts and fillers).
    pub score: f32,
}

/// The features of one language, indexed for ranking: build it once when the features
/// arrive, then ask for any post's related posts.
///
/// Ranking one post walks only the posts that share something with it, through inverted
/// lists (tag → posts, author → posts, term → posts), then scores every post from flat
/// arrays: at 10,000 posts that is a few thousand additions rather than a comparison of
/// every post's terms with the post's own.
#[derive(Debug)]
pub struct RelatedIndex {
    features: RelatedFeatures,
    by_slug: HashMap<String, usize>,
    /// Each post's tags as sorted small integers (for the reason shown), and the posts
    /// of each tag.
    tags: Lists,
    tag_posts: Vec<Vec<u32>>,
    /// Each post's category as a small integer, `NO_CATEGORY` for none.
    categories: Vec<u32>,
    /// Each post's authors as sorted small integers, and the posts of each author.
    authors: Lists,
    author_posts: Vec<Vec<u32>>,
    /// Each post's term indexes with their weights, and the posts of each term with the
    /// term's weight in them.
    terms: Lists,
    term_weights: Vec<f32>,
    term_posts: Vec<Vec<(u32, f32)>>,
    days: Vec<i32>,
    drafts: Vec<bool>,
    /// The sum of the rarity of each post's tags.
    tag_weight: Vec<f32>,
    /// The text (id) of each tag, by its small integer.
    tag_texts: Vec<String>,
    /// How rare each tag is: `ln(1 + posts / posts with the tag)`.
    tag_rarity: Vec<f32>,
    /// The length of each post's term vector.
    norms: Vec<f32>,
    newest_day: i32,
}

/// Builds a [`RelatedIndex`] one post at a time, so that a reader can index a large
/// language in slices between frames: the work per post is done as it arrives, and what
/// needs every post (the inverted lists, the rarity of tags) at the end.
#[derive(Debug)]
pub struct RelatedIndexBuilder {
    features: RelatedFeatures,
    by_slug: HashMap<String, usize>,
    tag_ids: Interner,
    tags: Lists,
    tag_posts: Vec<Vec<u32>>,
    category_ids: Interner,
    categories: Vec<u32>,
    author_ids: Interner,
    authors: Lists,
    author_posts: Vec<Vec<u32>>,
    terms: Lists,
    term_weights: Vec<f32>,
    term_posts: Vec<Vec<(u32, f32)>>,
    norms: Vec<f32>,
}

impl RelatedIndexBuilder {
    /// A builder for the posts of `features`'s language; posts already in `features`
    /// are kept, and more are added with [`push`](Self::push).
    pub fn new(mut features: RelatedFeatures) -> Self {
        let posts = std::mem::take(&mut features.posts);
        let mut builder = RelatedIndexBuilder {
            features,
            by_slug: HashMap::new(),
            tag_ids: Interner::default(),
            tags: Lists::default(),
            tag_posts: Vec::new(),
            category_ids: Interner::default(),
            categories: Vec::new(),
            author_ids: Interner::default(),
            authors: Lists::default(),
            author_posts: Vec::new(),
            terms: Lists::default(),
            term_weights: Vec::new(),
            term_posts: Vec::new(),
            norms: Vec::new(),
        };
        for post in posts {
            builder.push(post);
        }
        builder
    }

    /// Adds the next post. A slug seen before keeps its first post.
    pub fn push(&mut self, post: PostFeatures) {
        let index = self.features.posts.len();
        let id = index as u32;
        self.by_slug.entry(post.slug.clone()).or_insert(index);
        let tags = self.tag_ids.sorted_ids(&post.tags);
        add_to_postings(&mut self.tag_posts, &tags, |_| id);
        self.tags.push(tags);
        self.categories.push(
            post.category
                .as_deref()
                .map_or(NO_CATEGORY, |c| self.category_ids.id(c)),
        );
        let authors = self.author_ids.sorted_ids(&post.authors);
        add_to_postings(&mut self.author_posts, &authors, |_| id);
        self.authors.push(authors);
        let terms: Vec<u32> = post.terms.iter().map(|&(t, _)| t).collect();
        let weights = post.terms.iter().map(|&(_, w)| f32::from(w));
        let mut weight = weights.clone();
        add_to_postings(&mut self.term_posts, &terms, |_| {
            (id, weight.next().unwrap_or_default())
        });
        self.norms
            .push(weights.clone().map(|w| w * w).sum::<f32>().sqrt());
        self.terms.push(terms);
        self.term_weights.extend(weights);
        self.features.posts.push(post);
    }

    /// The index of every post added.
    pub fn finish(self) -> RelatedIndex {
        let RelatedIndexBuilder {
            features,
            by_slug,
            tag_ids,
            tags,
            tag_posts,
            category_ids: _,
            categories,
            author_ids: _,
            authors,
            author_posts,
            terms,
            term_weights,
            term_posts,
            norms,
        } = self;
        let posts = &features.posts;
        let total = posts.len().max(1) as f32;
        let tag_rarity: Vec<f32> = tag_posts
            .iter()
            .map(|with| (1.0 + total / with.len().max(1) as f32).ln())
            .collect();
        let tag_weight = (0..posts.len())
            .map(|p| tags.of(p).iter().map(|&t| tag_rarity[t as usize]).sum())
            .collect();
        let days = posts.iter().map(|p| p.published_day).collect();
        let drafts = posts.iter().map(|p| p.draft).collect();
        let newest_day = posts
            .iter()
            .map(|p| p.published_day)
            .max()
            .unwrap_or_default();
        RelatedIndex {
            features,
            by_slug,
            tags,
            tag_posts,
            categories,
            authors,
            author_posts,
            terms,
            term_weights,
            term_posts,
            days,
            drafts,
            tag_weight,
            tag_texts: tag_ids.into_texts(),
            tag_rarity,
            norms,
            newest_day,
        }
    }
}

/// Adds a post to the posting list of each of its `keys` (growing the lists as new keys
/// appear), as the entry `entry` makes of the key.
fn add_to_postings<T>(postings: &mut Vec<Vec<T>>, keys: &[u32], mut entry: impl FnMut(u32) -> T) {
    for &key in keys {
        let key = key as usize;
        if key >= postings.len() {
            postings.resize_with(key + 1, Vec::new);
        }
        postings[key].push(entry(key as u32));
    }
}

/// The category of a post that has none.
const NO_CATEGORY: u32 = u32::MAX;

impl RelatedIndex {
    /// Indexes the posts of `features`.
    pub fn new(mut features: RelatedFeatures) -> Self {
        let posts = std::mem::take(&mut features.posts);
        let mut builder = RelatedIndexBuilder::new(features);
        for post in posts {
            builder.push(post);
        }
        builder.finish()
    }

    /// The features indexed.
    pub fn features(&self) -> &RelatedFeatures {
        &self.features
    }

    /// Whether the language has a post with this slug.
    pub fn contains(&self, slug: &str) -> bool {
        self.by_slug.contains_key(slug)
    }

    /// The related posts of the post `slug`, best first, at most `settings.count`;
    /// `exclude` are slugs never to show (its alternates, say). Empty only when the post is
    /// unknown or the language has no other post.
    pub fn related(
        &self,
        slug: &str,
        exclude: &[&str],
        settings: &RelatedSettings,
    ) -> Vec<Related<'_>> {
        let Some(&me) = self.by_slug.get(slug) else {
            return Vec::new();
        };
        let posts = &self.features.posts;
        let count = settings.count as usize;
        // Posts never shown, then posts already chosen.
        let mut taken = self.drafts.clone();
        taken[me] = true;
        for slug in exclude {
            if let Some(&i) = self.by_slug.get(*slug) {
                taken[i] = true;
            }
        }
        let mut chosen: Vec<Related<'_>> = Vec::with_capacity(count);
        for pinned in &posts[me].related {
            if chosen.len() == count {
                break;
            }
            if let Some(&i) = self.by_slug.get(pinned.as_str())
                && !taken[i]
            {
                taken[i] = true;
                chosen.push(Related {
                    post: &posts[i],
                    reason: Reason::Pinned,
                    score: 0.0,
                });
            }
        }
        let room = count.saturating_sub(chosen.len());
        if room > 0 {
            let shared = self.shared_with(me);
            let mut best = TopK::new(room);
            for i in (0..posts.len()).filter(|&i| !taken[i]) {
                if let Some((score, signal)) =
                    self.score(me, i, &shared, &settings.weights, settings.threshold)
                {
                    best.offer((i, score, signal), |a, b| {
                        b.1.total_cmp(&a.1)
                            .then_with(|| newer_then_slug(&posts[a.0], &posts[b.0]))
                    });
                }
            }
            for (i, score, signal) in best.into_vec() {
                taken[i] = true;
                chosen.push(Related {
                    post: &posts[i],
                    reason: self.reason(me, i, signal),
                    score,
                });
            }
        }
        // Fillers: the newest of the same category, then the newest of all.
        for same_category_only in [true, false] {
            let room = count.saturating_sub(chosen.len());
            if room == 0 {
                break;
            }
            let mut newest = TopK::new(room);
            let same_category = |i: usize| {
                self.categories[i] != NO_CATEGORY && self.categories[i] == self.categories[me]
            };
            for i in
                (0..posts.len()).filter(|&i| !taken[i] && (!same_category_only || same_category(i)))
            {
                newest.offer(i, |&a, &b| newer_then_slug(&posts[a], &posts[b]));
            }
            for i in newest.into_vec() {
                taken[i] = true;
                let reason = if same_category_only {
                    Reason::SameCategory(posts[i].category.clone().unwrap_or_default())
                } else {
                    Reason::Recent
                };
                chosen.push(Related {
                    post: &posts[i],
                    reason,
                    score: 0.0,
                });
            }
        }
        chosen
    }

    /// What every post shares with post `me`, through the inverted lists: only the posts
    /// that share a tag, an author or a term are visited.
    fn shared_with(&self, me: usize) -> Shared {
        let n = self.features.posts.len();
        let mut shared = Shared {
            tags: vec![0.0; n],
            author: vec![false; n],
            dot: vec![0.0; n],
        };
        for &t in self.tags.of(me) {
            let rarity = self.tag_rarity[t as usize];
            for &p in &self.tag_posts[t as usize] {
                shared.tags[p as usize] += rarity;
            }
        }
        for &a in self.authors.of(me) {
            for &p in &self.author_posts[a as usize] {
                shared.author[p as usize] = true;
            }
        }
        let norm = self.norms[me];
        if norm > 0.0 {
            let mine = self.terms.of(me).iter();
            for (&t, w) in mine.zip(&self.term_weights[self.terms.span(me)]) {
                let w = w / norm;
                for &(p, theirs) in &self.term_posts[t as usize] {
                    shared.dot[p as usize] += w * theirs;
                }
            }
        }
        shared
    }

    /// The score of candidate `other` for post `me` and its strongest signal; `None`
    /// below the threshold. Allocates nothing: it runs for every post of the language.
    fn score(
        &self,
        me: usize,
        other: usize,
        shared: &Shared,
        weights: &RelatedWeights,
        threshold: f32,
    ) -> Option<(f32, Signal)> {
        let my_tag_weight = self.tag_weight[me];
        let tags = if my_tag_weight > 0.0 {
            shared.tags[other] / my_tag_weight
        } else {
            0.0
        };
        let category = if self.categories[me] != NO_CATEGORY
            && self.categories[me] == self.categories[other]
        {
            1.0
        } else {
            0.0
        };
        let author = if shared.author[other] { 1.0 } else { 0.0 };
        let norm = self.norms[other];
        let text = if norm > 0.0 {
            shared.dot[other] / norm
        } else {
            0.0
        };
        let signals = [
            (weights.tags * tags, Signal::Tags),
            (weights.category * category, Signal::Category),
            (weights.author * author, Signal::Author),
            (weights.text * text, Signal::Text),
        ];
        let relevance: f32 = signals.iter().map(|(s, _)| s).sum();
        if relevance < threshold || relevance <= 0.0 {
            return None;
        }
        let age = (self.newest_day - self.days[other]).max(0) as f32;
        let recency = weights.recency / (1.0 + age / 365.0);
        // The strongest signal; on a tie, the first in the order above.
        let mut strongest = signals[0];
        for signal in &signals[1..] {
            if signal.0 > strongest.0 {
                strongest = *signal;
            }
        }
        Some((relevance + recency, strongest.1))
    }

    /// What a signal says of candidate `other` for post `me`.
    fn reason(&self, me: usize, other: usize, signal: Signal) -> Reason {
        let posts = &self.features.posts;
        match signal {
            Signal::Tags => {
                let mut rarest = Vec::new();
                merge_shared(self.tags.of(me), self.tags.of(other), |t| rarest.push(t));
                // The ids are distinct and the order is total, so an unstable sort gives
                // the one order there is.
                sort_ids(&mut rarest, &mut |a, b| {
                    self.tag_rarity[*b as usize]
                        .total_cmp(&self.tag_rarity[*a as usize])
                        .then_with(|| self.tag_texts[*a as usize].cmp(&self.tag_texts[*b as usize]))
                });
                Reason::SharedTags(
                    rarest
                        .into_iter()
                        .take(3)
                        .map(|t| self.tag_texts[t as usize].clone())
                        .collect(),
                )
            }
            Signal::Category => {
                Reason::SameCategory(posts[other].category.clone().unwrap_or_default())
            }
            Signal::Author => {
                let shared = posts[me]
                    .authors
                    .iter()
                    .find(|a| posts[other].authors.contains(a));
                Reason::SameAuthor(shared.cloned().unwrap_or_default())
            }
            Signal::Text => Reason::SimilarTopic,
        }
    }
}

/// What the posts share with the post being ranked, by post.
struct Shared {
    /// The summed rarity of the tags shared.
    tags: Vec<f32>,
    /// Whether an author is shared.
    author: Vec<bool>,
    /// The dot product of the post's unit term vector with each post's vector.
    dot: Vec<f32>,
}

/// Small integers for strings (tags, categories, authors), in order of first sight.
#[derive(Debug, Default)]
struct Interner {
    ids: HashMap<String, u32>,
    texts: Vec<String>,
}

impl Interner {
    fn id(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.texts.len() as u32;
        self.ids.insert(text.to_owned(), id);
        self.texts.push(text.to_owned());
        id
    }

    /// The ids of `texts`, sorted, each once.
    fn sorted_ids(&mut self, texts: &[String]) -> Vec<u32> {
        let mut ids: Vec<u32> = texts.iter().map(|t| self.id(t)).collect();
        sort_ids(&mut ids, &mut |a, b| a.cmp(b));
        ids.dedup();
        ids
    }

    fn into_texts(self) -> Vec<String> {
        self.texts
    }
}

/// Sorts `ids` by `order`. Every sort of this module goes through here with the same
/// comparator type, so that the app ships one copy of the sort (a few KB of wasm each).
fn sort_ids(ids: &mut [u32], order: &mut dyn FnMut(&u32, &u32) -> Ordering) {
    ids.sort_unstable_by(order);
}

/// The best `k` items offered, by an ordering (`Less` is better), kept sorted. For the
/// few items a page shows, inserting into a short list beats sorting every candidate.
struct TopK<T> {
    k: usize,
    items: Vec<T>,
}

impl<T> TopK<T> {
    fn new(k: usize) -> Self {
        TopK {
            k,
            items: Vec::with_capacity(k + 1),
        }
    }

    fn offer(&mut self, item: T, order: impl Fn(&T, &T) -> Ordering) {
        if self.k == 0 {
            return;
        }
        if self.items.len() == self.k
            && self
                .items
                .last()
                .is_some_and(|worst| order(&item, worst) != Ordering::Less)
        {
            return;
        }
        let at = self
            .items
            .iter()
            .position(|kept| order(&item, kept) == Ordering::Less)
            .unwrap_or(self.items.len());
        self.items.insert(at, item);
        self.items.truncate(self.k);
    }

    fn into_vec(self) -> Vec<T> {
        self.items
    }
}

/// A list of small integers per post (or per tag, author, term), stored flat.
#[derive(Debug)]
struct Lists {
    items: Vec<u32>,
    /// Where each post's list starts in `items`; one more entry than posts.
    starts: Vec<usize>,
}

impl Default for Lists {
    fn default() -> Self {
        Lists {
            items: Vec::new(),
            starts: vec![0],
        }
    }
}

impl Lists {
    fn push(&mut self, list: impl IntoIterator<Item = u32>) {
        self.items.extend(list);
        self.starts.push(self.items.len());
    }

    fn span(&self, post: usize) -> std::ops::Range<usize> {
        self.starts[post]..self.starts[post + 1]
    }

    fn of(&self, post: usize) -> &[u32] {
        &self.items[self.span(post)]
    }
}

/// The signals of a score, for naming the strongest as the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signal {
    Tags,
    Category,
    Author,
    Text,
}

/// The newer post first; the same day, by slug.
fn newer_then_slug(a: &PostFeatures, b: &PostFeatures) -> Ordering {
    b.published_day
        .cmp(&a.published_day)
        .then_with(|| a.slug.cmp(&b.slug))
}

/// Calls `shared` with each element two sorted lists have in common.
fn merge_shared(a: &[u32], b: &[u32], mut shared: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_index::SCHEMA_VERSION;

    struct Post {
        slug: &'static str,
        day: i32,
        category: Option<&'static str>,
        tags: &'static [&'static str],
        authors: &'static [&'static str],
        terms: &'static [(u32, u8)],
        related: &'static [&'static str],
        draft: bool,
    }

    const POST: Post = Post {
        slug: "",
        day: 100,
        category: None,
        tags: &[],
        authors: &[],
        terms: &[],
        related: &[],
        draft: false,
    };

    fn features(posts: &[Post]) -> RelatedFeatures {
        RelatedFeatures {
            schema_version: SCHEMA_VERSION,
            language: "en".into(),
            tags: vec![],
            posts: posts
                .iter()
                .map(|p| PostFeatures {
                    slug: p.slug.into(),
                    title: p.slug.to_uppercase(),
                    published_day: p.day,
                    category: p.category.map(Into::into),
                    tags: p.tags.iter().map(|t| (*t).into()).collect(),
                    authors: p.authors.iter().map(|a| (*a).into()).collect(),
                    related: p.related.iter().map(|r| (*r).into()).collect(),
                    terms: p.terms.to_vec(),
                    draft: p.draft,
                })
                .collect(),
        }
    }

    /// Only the named signal counts; no recency.
    fn only(signal: &str) -> RelatedSettings {
        let weight = |name: &str| if name == signal { 1.0 } else { 0.0 };
        RelatedSettings {
            count: 3,
            threshold: 0.01,
            weights: RelatedWeights {
                tags: weight("tags"),
                category: weight("category"),
                author: weight("author"),
                text: weight("text"),
                recency: 0.0,
            },
        }
    }

    fn ranking(posts: &[Post], slug: &str, settings: &RelatedSettings) -> Vec<(String, Reason)> {
        let index = RelatedIndex::new(features(posts));
        index
            .related(slug, &[], settings)
            .into_iter()
            .map(|r| (r.post.slug.clone(), r.reason))
            .collect()
    }

    fn tags(names: &[&str]) -> Reason {
        Reason::SharedTags(names.iter().map(|n| (*n).to_owned()).collect())
    }

    #[test]
    fn tags_only_ranks_by_shared_rare_tags() {
        // For `a` (tags x, y): x is on 4 of 5 posts, rarity ln(1 + 5/4) = 0.81; y on 3,
        // ln(1 + 5/3) = 0.98. b shares both (score 1), c shares y (0.98 / 1.79 = 0.55),
        // d and e share x (0.45 each; the same day, so d by its slug).
        let posts = [
            Post {
                slug: "a",
                tags: &["x", "y"],
                ..POST
            },
            Post {
                slug: "b",
                tags: &["x", "y"],
                ..POST
            },
            Post {
                slug: "c",
                tags: &["y", "z"],
                ..POST
            },
            Post {
                slug: "d",
                tags: &["x"],
                ..POST
            },
            Post {
                slug: "e",
                tags: &["x", "z"],
                ..POST
            },
        ];
        assert_eq!(
            ranking(&posts, "a", &only("tags")),
            vec![
                ("b".into(), tags(&["y", "x"])),
                ("c".into(), tags(&["y"])),
                ("d".into(), tags(&["x"])),
            ]
        );
    }

    #[test]
    fn text_only_ranks_by_cosine_similarity() {
        // b has a's exact vector (cosine 1); c shares term 1 only: 100*255 /
        // (sqrt(255² + 100²) * 255) = 0.37; d shares nothing and comes as a filler.
        let posts = [
            Post {
                slug: "a",
                terms: &[(0, 255), (1, 100)],
                ..POST
            },
            Post {
                slug: "b",
                day: 50,
                terms: &[(0, 255), (1, 100)],
                ..POST
            },
            Post {
                slug: "c",
                day: 90,
                terms: &[(1, 255)],
                ..POST
            },
            Post {
                slug: "d",
                day: 99,
                terms: &[(2, 255)],
                ..POST
            },
        ];
        assert_eq!(
            ranking(&posts, "a", &only("text")),
            vec![
                ("b".into(), Reason::SimilarTopic),
                ("c".into(), Reason::SimilarTopic),
                ("d".into(), Reason::Recent),
            ]
        );
    }

    #[test]
    fn mixed_signals_add_up_and_the_strongest_is_the_reason() {
        // Defaults: tags 1.0, category 0.3, author 0.15, text 1.0. For `a`:
        // b: same category and author, text 0     -> 0.45, reason category;
        // c: one shared tag of a's one tag        -> 1.0, reason tags;
        // d: identical text, and the same author   -> 1.15, reason text.
        let posts = [
            Post {
                slug: "a",
                category: Some("ops"),
                tags: &["t"],
                authors: &["ana"],
                terms: &[(0, 200)],
                ..POST
            },
            Post {
                slug: "b",
                category: Some("ops"),
                authors: &["ana"],
                terms: &[(1, 200)],
                ..POST
            },
            Post {
                slug: "c",
                category: Some("growth"),
                tags: &["t"],
                terms: &[(2, 200)],
                ..POST
            },
            Post {
                slug: "d",
                category: Some("growth"),
                authors: &["ana"],
                terms: &[(0, 200)],
                ..POST
            },
        ];
        let settings = RelatedSettings {
            weights: RelatedWeights {
                recency: 0.0,
                ..RelatedWeights::default()
            },
            ..RelatedSettings::default()
        };
        assert_eq!(
            ranking(&posts, "a", &settings),
            vec![
                ("d".into(), Reason::SimilarTopic),
                ("c".into(), tags(&["t"])),
                ("b".into(), Reason::SameCategory("ops".into())),
            ]
        );
    }

    #[test]
    fn ties_go_to_the_newer_post_then_the_slug() {
        let posts = [
            Post {
                slug: "a",
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "old",
                day: 10,
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "zed",
                day: 20,
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "new",
                day: 20,
                category: Some("ops"),
                ..POST
            },
        ];
        let order: Vec<String> = ranking(&posts, "a", &only("category"))
            .into_iter()
            .map(|(slug, _)| slug)
            .collect();
        assert_eq!(order, ["new", "zed", "old"]);
    }

    #[test]
    fn a_blog_without_tags_still_gets_related_posts_with_the_defaults() {
        let posts = [
            Post {
                slug: "a",
                category: Some("ops"),
                terms: &[(0, 255), (1, 120)],
                ..POST
            },
            Post {
                slug: "b",
                day: 10,
                category: Some("ops"),
                terms: &[(5, 255)],
                ..POST
            },
            Post {
                slug: "c",
                day: 20,
                category: Some("news"),
                terms: &[(0, 255), (1, 100)],
                ..POST
            },
            Post {
                slug: "d",
                day: 30,
                category: Some("news"),
                terms: &[(9, 255)],
                ..POST
            },
        ];
        assert_eq!(
            ranking(&posts, "a", &RelatedSettings::default()),
            vec![
                ("c".into(), Reason::SimilarTopic),
                ("b".into(), Reason::SameCategory("ops".into())),
                ("d".into(), Reason::Recent),
            ]
        );
    }

    #[test]
    fn a_single_post_has_no_related_posts_and_an_unknown_slug_none_either() {
        let posts = [Post {
            slug: "only",
            ..POST
        }];
        assert!(ranking(&posts, "only", &RelatedSettings::default()).is_empty());
        assert!(ranking(&posts, "missing", &RelatedSettings::default()).is_empty());
    }

    #[test]
    fn excluded_slugs_and_drafts_never_show() {
        let posts = [
            Post {
                slug: "a",
                tags: &["t"],
                ..POST
            },
            Post {
                slug: "alternate",
                tags: &["t"],
                ..POST
            },
            Post {
                slug: "draft",
                tags: &["t"],
                draft: true,
                ..POST
            },
            Post { slug: "b", ..POST },
        ];
        let index = RelatedIndex::new(features(&posts));
        let slugs: Vec<&str> = index
            .related("a", &["alternate"], &RelatedSettings::default())
            .into_iter()
            .map(|r| r.post.slug.as_str())
            .collect();
        assert_eq!(slugs, ["b"]);
    }

    #[test]
    fn pinned_posts_come_first_in_their_order_and_other_languages_are_ignored() {
        // `es-only` is a post of another language: not in these features.
        let posts = [
            Post {
                slug: "a",
                tags: &["t"],
                related: &["z", "es-only", "y"],
                ..POST
            },
            Post {
                slug: "best",
                tags: &["t"],
                ..POST
            },
            Post { slug: "y", ..POST },
            Post { slug: "z", ..POST },
        ];
        assert_eq!(
            ranking(&posts, "a", &RelatedSettings::default()),
            vec![
                ("z".into(), Reason::Pinned),
                ("y".into(), Reason::Pinned),
                ("best".into(), tags(&["t"])),
            ]
        );
    }

    #[test]
    fn fillers_are_the_same_category_first_then_the_newest() {
        let posts = [
            Post {
                slug: "a",
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "ops-old",
                day: 5,
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "news-new",
                day: 90,
                category: Some("news"),
                ..POST
            },
            Post {
                slug: "news-old",
                day: 1,
                category: Some("news"),
                ..POST
            },
            Post {
                slug: "none",
                day: 50,
                ..POST
            },
        ];
        // Nothing reaches the threshold on text alone: every post is a filler.
        assert_eq!(
            ranking(&posts, "a", &only("text")),
            vec![
                ("ops-old".into(), Reason::SameCategory("ops".into())),
                ("news-new".into(), Reason::Recent),
                ("none".into(), Reason::Recent),
            ]
        );
    }

    #[test]
    fn a_shared_author_is_a_reason() {
        let posts = [
            Post {
                slug: "a",
                authors: &["ana", "bo"],
                ..POST
            },
            Post {
                slug: "b",
                authors: &["bo"],
                ..POST
            },
        ];
        assert_eq!(
            ranking(&posts, "a", &only("author")),
            vec![("b".into(), Reason::SameAuthor("bo".into()))]
        );
    }

    #[test]
    fn recency_breaks_near_ties_towards_newer_posts() {
        let posts = [
            Post {
                slug: "a",
                day: 1000,
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "old",
                day: 0,
                category: Some("ops"),
                ..POST
            },
            Post {
                slug: "new",
                day: 990,
                category: Some("ops"),
                ..POST
            },
        ];
        let mut settings = RelatedSettings {
            count: 1,
            ..only("category")
        };
        settings.weights.recency = 0.05;
        assert_eq!(ranking(&posts, "a", &settings)[0].0, "new");
    }
}
