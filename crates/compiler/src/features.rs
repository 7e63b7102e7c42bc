//! Compact features for ranking related posts in the browser: each post's strongest
//! terms by TF-IDF over its title, description, tags and body, quantized to a byte.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

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

/// The terms of each document (its fields with their weights: title and tags weigh more
/// than the body) as `(term index, weight 1..=255)` by index, and the vocabulary those
/// indexes point into, sorted.
pub fn top_terms(documents: &[Vec<(&str, u32)>]) -> (Vec<String>, Vec<Vec<(u32, u8)>>) {
    const STOP: u32 = u32::MAX;
    // Each distinct term is stored once; stop words are known up front, so that every
    // word costs one lookup.
    let mut ids: FxHashMap<String, u32> =
        STOP_WORDS.iter().map(|w| ((*w).to_owned(), STOP)).collect();
    let mut document_frequency: Vec<u32> = Vec::new();
    let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(documents.len());
    let mut in_document: Vec<u32> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    let mut lowered = String::new();
    for fields in documents {
        for (text, weight) in fields {
            for word in words(text) {
                let term = if word
                    .bytes()
                    .any(|b| !b.is_ascii_lowercase() && !b.is_ascii_digit())
                {
                    lowered.clear();
                    lowered.extend(word.chars().flat_map(char::to_lowercase));
                    lowered.as_str()
                } else {
                    word
                };
                let id = match ids.get(term) {
                    Some(&STOP) => continue,
                    Some(&id) => id,
                    None => {
                        let id = document_frequency.len() as u32;
                        ids.insert(term.to_owned(), id);
                        document_frequency.push(0);
                        in_document.push(0);
                        id
                    }
                };
                if in_document[id as usize] == 0 {
                    touched.push(id);
                }
                in_document[id as usize] += weight;
            }
        }
        let mut terms = Vec::with_capacity(touched.len());
        for id in touched.drain(..) {
            document_frequency[id as usize] += 1;
            terms.push((id, std::mem::take(&mut in_document[id as usize])));
        }
        counts.push(terms);
    }
    let mut names = vec![String::new(); document_frequency.len()];
    for (name, id) in ids {
        if id != STOP {
            names[id as usize] = name;
        }
    }
    let total = documents.len().max(1) as f64;
    // Strongest first; ties by first appearance in the corpus, which the input's order fixes.
    let stronger = |a: &(u32, f64), b: &(u32, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let chosen: Vec<Vec<(u32, f64)>> = counts
        .into_iter()
        .map(|terms| {
            let mut scored: Vec<(u32, f64)> = terms
                .into_iter()
                .map(|(id, count)| {
                    let idf = (total / f64::from(document_frequency[id as usize])).ln() + 1.0;
                    (id, (1.0 + f64::from(count).ln()) * idf)
                })
                .collect();
            if scored.len() > TERMS_PER_POST {
                scored.select_nth_unstable_by(TERMS_PER_POST - 1, stronger);
                scored.truncate(TERMS_PER_POST);
            }
            scored.sort_by(stronger);
            scored
        })
        .collect();
    let vocabulary: BTreeMap<&str, u32> = chosen
        .iter()
        .flatten()
        .map(|(id, _)| (names[*id as usize].as_str(), 0))
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
                .map(|(id, score)| {
                    (
                        index[names[*id as usize].as_str()],
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
        let (vocabulary, weights) = top_terms(&docs);
        assert!(vocabulary.contains(&"recovery".to_owned()));
        assert!(!vocabulary.contains(&"with".to_owned()));
        let strongest = weights[0].iter().max_by_key(|(_, w)| *w).unwrap();
        assert_eq!(vocabulary[strongest.0 as usize], "recovery");
        assert!(weights.iter().flatten().all(|(_, w)| *w >= 1));
    }

    #[test]
    fn is_deterministic() {
        let docs = vec![vec![("alpha beta gamma", 1)], vec![("beta delta", 1)]];
        assert_eq!(top_terms(&docs), top_terms(&docs));
    }
}
