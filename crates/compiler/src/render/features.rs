//! Compact features for ranking related posts in the browser: each post's strongest
//! terms by TF-IDF over its title, description, tags and body, quantized to a byte.

use std::hash::Hasher;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

/// How many terms each post keeps.
const TERMS_PER_POST: usize = 24;

/// Words too common to say what a post is about (sorted, so that repeats show).
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "and", "are", "because", "been", "before", "but", "can", "como",
    "con", "could", "del", "does", "each", "esta", "este", "for", "from", "had", "has", "have",
    "how", "into", "its", "just", "las", "like", "los", "more", "most", "más", "not", "now", "one",
    "only", "other", "our", "out", "over", "para", "pero", "por", "que", "same", "should", "some",
    "sus", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "too", "una", "use", "very", "was", "way", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "would", "you", "your",
];

/// One post's terms with their weighted counts, in order of first appearance. Made by
/// [`count_terms`] on whichever core rendered the post, so that only the corpus-wide part
/// of the ranking ([`top_terms`]) runs on one core.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CountedTerms(Vec<CountedTerm>);

#[derive(Debug, Clone, PartialEq, Eq)]
struct CountedTerm {
    /// The hash of the lowercased term: terms are told apart by it, not by their text.
    /// Two words of a corpus share a 64-bit hash only by a chance of about one in a
    /// billion for 100,000 distinct words, and would then count as one term.
    key: u64,
    /// The sum of the weights of the fields it appears in, once per appearance.
    weight: u32,
    /// Where it first appears: which field, and the byte range there (before lowercasing).
    field: u32,
    start: u32,
    end: u32,
}

/// The terms of one post's fields (text and weight: title and tags weigh more than the
/// body), stop words left out.
pub fn count_terms(fields: &[(&str, u32)]) -> CountedTerms {
    let stop = stop_keys();
    // About one distinct term per 16 bytes of prose.
    let capacity = fields.iter().map(|(text, _)| text.len()).sum::<usize>() / 16;
    let mut terms: Vec<CountedTerm> = Vec::with_capacity(capacity);
    let mut seen: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(capacity, Default::default());
    let mut lowered = String::new();
    for (field, (text, weight)) in fields.iter().enumerate() {
        for word in words(text) {
            let key = key(word, &mut lowered);
            if stop.contains(&key) {
                continue;
            }
            let at = *seen.entry(key).or_insert_with(|| {
                let start = word.as_ptr() as usize - text.as_ptr() as usize;
                terms.push(CountedTerm {
                    key,
                    weight: 0,
                    field: field as u32,
                    start: start as u32,
                    end: (start + word.len()) as u32,
                });
                terms.len() - 1
            });
            terms[at].weight += weight;
        }
    }
    CountedTerms(terms)
}

/// The hash of `word` lowercased; `scratch` is space for the lowercasing.
fn key(word: &str, scratch: &mut String) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(lowercase(word, scratch).as_bytes());
    hasher.finish()
}

/// `word` in lowercase, character by character: `word` itself when it already is, else
/// written into `scratch`.
fn lowercase<'a>(word: &'a str, scratch: &'a mut String) -> &'a str {
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return word;
    }
    scratch.clear();
    scratch.extend(word.chars().flat_map(char::to_lowercase));
    scratch
}

fn stop_keys() -> &'static FxHashSet<u64> {
    static KEYS: OnceLock<FxHashSet<u64>> = OnceLock::new();
    KEYS.get_or_init(|| {
        let mut lowered = String::new();
        STOP_WORDS.iter().map(|w| key(w, &mut lowered)).collect()
    })
}

/// The strongest terms of each document by TF-IDF, as `(term index, weight 1..=255)` by
/// index, and the vocabulary those indexes point into, sorted. `documents` are the fields
/// each of `counted` was counted from, in the same order.
pub fn top_terms(
    documents: &[Vec<(&str, u32)>],
    counted: &[&CountedTerms],
) -> (Vec<String>, Vec<Vec<(u32, u8)>>) {
    debug_assert_eq!(documents.len(), counted.len());
    // About one distinct term in four of all the posts' terms.
    let distinct = counted.iter().map(|terms| terms.0.len()).sum::<usize>() / 4;
    // Ids in order of first appearance in the corpus, each with the document it first
    // appears in (for its text) and the number of documents it appears in.
    let mut ids: FxHashMap<u64, u32> =
        FxHashMap::with_capacity_and_hasher(distinct, Default::default());
    let mut first_seen: Vec<(usize, &CountedTerm)> = Vec::new();
    let mut document_frequency: Vec<u32> = Vec::new();
    let counts: Vec<Vec<(u32, u32)>> = counted
        .iter()
        .enumerate()
        .map(|(document, terms)| {
            terms
                .0
                .iter()
                .map(|term| {
                    let id = *ids.entry(term.key).or_insert_with(|| {
                        first_seen.push((document, term));
                        document_frequency.push(0);
                        document_frequency.len() as u32 - 1
                    });
                    document_frequency[id as usize] += 1;
                    (id, term.weight)
                })
                .collect()
        })
        .collect();
    let name = |id: u32| {
        let (document, term) = first_seen[id as usize];
        let text = documents[document][term.field as usize].0;
        let mut scratch = String::new();
        lowercase(&text[term.start as usize..term.end as usize], &mut scratch).to_owned()
    };
    let total = documents.len().max(1) as f64;
    let idf: Vec<f64> = document_frequency
        .iter()
        .map(|&frequency| (total / f64::from(frequency)).ln() + 1.0)
        .collect();
    // 1 + ln(count), from a table for the small counts most terms have.
    let small_counts: Vec<f64> = (0..256).map(|count| 1.0 + f64::from(count).ln()).collect();
    let term_frequency = |count: u32| match small_counts.get(count as usize) {
        Some(&frequency) => frequency,
        None => 1.0 + f64::from(count).ln(),
    };
    // Strongest first; ties by first appearance in the corpus, which the input's order fixes.
    let stronger = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let chosen: Vec<Vec<(u32, f64)>> = counts
        .into_iter()
        .map(|terms| {
            let mut scored: Vec<(u32, f64)> = terms
                .into_iter()
                .map(|(id, count)| (id, term_frequency(count) * idf[id as usize]))
                .collect();
            if scored.len() > TERMS_PER_POST {
                scored.select_nth_unstable_by(TERMS_PER_POST - 1, stronger);
                scored.truncate(TERMS_PER_POST);
            }
            scored.sort_by(stronger);
            scored
        })
        .collect();
    // The vocabulary: the chosen terms by name (ids are told apart by their lowercased
    // text, so two never share a name), and where each id's name is in it.
    let mut chosen_ids: Vec<u32> = chosen.iter().flatten().map(|(id, _)| *id).collect();
    chosen_ids.sort_unstable();
    chosen_ids.dedup();
    let mut vocabulary: Vec<(String, u32)> =
        chosen_ids.into_iter().map(|id| (name(id), id)).collect();
    vocabulary.sort_unstable();
    let index: FxHashMap<u32, u32> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, (_, id))| (*id, i as u32))
        .collect();
    let weights = chosen
        .iter()
        .map(|terms| {
            let max = terms.first().map_or(1.0, |t| t.1).max(f64::MIN_POSITIVE);
            let mut quantized: Vec<(u32, u8)> = terms
                .iter()
                .map(|(id, score)| {
                    (
                        index[id],
                        ((score / max) * 255.0).round().clamp(1.0, 255.0) as u8,
                    )
                })
                .collect();
            quantized.sort();
            quantized
        })
        .collect();
    (
        vocabulary.into_iter().map(|(name, _)| name).collect(),
        weights,
    )
}

/// Runs of letters or digits of at least three characters, not all digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| {
        w.len() >= 3 && w.chars().nth(2).is_some() && !w.bytes().all(|b| b.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_distinctive_terms_outrank_common_ones() {
        let docs = vec![
            vec![
                ("Cart recovery with WhatsApp", 3),
                ("recovery recovery messages", 1),
            ],
            vec![("Support inbox", 3), ("messages triage", 1)],
        ];
        let (vocabulary, weights) = ranked(&docs);
        assert!(vocabulary.contains(&"recovery".to_owned()));
        assert!(!vocabulary.contains(&"with".to_owned()));
        let strongest = weights[0].iter().max_by_key(|(_, w)| *w).unwrap();
        assert_eq!(vocabulary[strongest.0 as usize], "recovery");
        assert!(weights.iter().flatten().all(|(_, w)| *w >= 1));
    }

    #[test]
    fn is_deterministic() {
        let docs = vec![vec![("alpha beta gamma", 1)], vec![("beta delta", 1)]];
        assert_eq!(ranked(&docs), ranked(&docs));
    }

    #[test]
    fn counts_every_appearance_with_its_fields_weight() {
        let counted = count_terms(&[("Cart cart", 3), ("the cart", 1)]);
        assert_eq!(
            counted.0.len(),
            1,
            "one term, case folded, stop words left out"
        );
        assert_eq!(counted.0[0].weight, 7);
    }

    #[test]
    fn names_terms_in_lowercase_from_where_they_first_appear() {
        let docs = vec![
            vec![("Tokio", 3), ("tokio runtime", 1)],
            vec![("RUNTIME tokio", 1)],
        ];
        assert_eq!(ranked(&docs).0, ["runtime", "tokio"]);
    }

    fn ranked(docs: &[Vec<(&str, u32)>]) -> (Vec<String>, Vec<Vec<(u32, u8)>>) {
        let counted: Vec<CountedTerms> = docs.iter().map(|fields| count_terms(fields)).collect();
        top_terms(docs, &counted.iter().collect::<Vec<_>>())
    }
}
