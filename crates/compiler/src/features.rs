//! Compact features for ranking related posts in the browser: each post's strongest
//! terms by TF-IDF over its title, description, tags and body, quantized to a byte.

use std::collections::{BTreeMap, HashMap};

/// How many terms each post keeps.
const TERMS_PER_POST: usize = 24;

/// Words too common to say what a post is about.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "and", "are", "because", "been", "before", "but", "can", "could",
    "does", "each", "for", "from", "had", "has", "have", "how", "into", "its", "just", "like",
    "more", "most", "not", "now", "one", "only", "other", "our", "out", "over", "same", "should",
    "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "too", "use", "very", "was", "way", "were", "what", "when", "where",
    "which", "while", "who", "why", "will", "with", "would", "you", "your", "las", "los", "del",
    "una", "por", "para", "con", "que", "como", "más", "pero", "sus", "este", "esta",
];

/// The terms of each document (title and tags weigh more than the body) as
/// `(term, weight 1..=255)`, strongest first, and the vocabulary they use, sorted.
pub fn top_terms(documents: &[Vec<(String, u32)>]) -> (Vec<String>, Vec<Vec<(u32, u8)>>) {
    let mut counts: Vec<HashMap<String, u32>> = Vec::with_capacity(documents.len());
    let mut document_frequency: HashMap<String, u32> = HashMap::new();
    for fields in documents {
        let mut terms: HashMap<String, u32> = HashMap::new();
        for (text, weight) in fields {
            for term in tokens(text) {
                *terms.entry(term).or_insert(0) += weight;
            }
        }
        for term in terms.keys() {
            *document_frequency.entry(term.clone()).or_insert(0) += 1;
        }
        counts.push(terms);
    }
    let total = documents.len().max(1) as f64;
    let mut chosen: Vec<Vec<(String, f64)>> = Vec::with_capacity(counts.len());
    for terms in counts {
        let mut scored: Vec<(String, f64)> = terms
            .into_iter()
            .map(|(term, count)| {
                let idf = (total / f64::from(document_frequency[&term])).ln() + 1.0;
                let score = (1.0 + f64::from(count).ln()) * idf;
                (term, score)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        scored.truncate(TERMS_PER_POST);
        chosen.push(scored);
    }
    let vocabulary: BTreeMap<&str, u32> = chosen
        .iter()
        .flatten()
        .map(|(t, _)| (t.as_str(), 0))
        .collect();
    let index: BTreeMap<&str, u32> = vocabulary
        .keys()
        .enumerate()
        .map(|(i, t)| (*t, i as u32))
        .collect();
    let weights = chosen
        .iter()
        .map(|terms| {
            let max = terms.first().map_or(1.0, |t| t.1).max(f64::MIN_POSITIVE);
            let mut quantized: Vec<(u32, u8)> = terms
                .iter()
                .map(|(term, score)| {
                    (
                        index[term.as_str()],
                        ((score / max) * 255.0).round().clamp(1.0, 255.0) as u8,
                    )
                })
                .collect();
            quantized.sort();
            quantized
        })
        .collect();
    (index.keys().map(|t| (*t).to_owned()).collect(), weights)
}

fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_distinctive_terms_outrank_common_ones() {
        let docs = vec![
            vec![
                ("Cart recovery with WhatsApp".to_owned(), 3),
                ("recovery recovery messages".to_owned(), 1),
            ],
            vec![
                ("Support inbox".to_owned(), 3),
                ("messages triage".to_owned(), 1),
            ],
        ];
        let (vocabulary, weights) = top_terms(&docs);
        assert!(vocabulary.contains(&"recovery".to_owned()));
        assert!(!vocabulary.contains(&"with".to_owned()));
        let strongest = weights[0].iter().max_by_key(|(_, w)| *w).unwrap();
        assert_eq!(vocabulary[strongest.0 as usize], "recovery");
        assert!(weights.iter().flatten().all(|(_, w)| *w >= 1));
    }

    #[test]
    fn is_deterministic() {
        let docs = vec![
            vec![("alpha beta gamma".to_owned(), 1)],
            vec![("beta delta".to_owned(), 1)],
        ];
        assert_eq!(top_terms(&docs), top_terms(&docs));
    }
}
