//! The related-posts features as a file: JSON Lines, a header line (schema version,
//! language, tags) and then one post per line. A reader can then take a language of
//! 10,000 posts a slice at a time, between frames, instead of in one long task that
//! would hold up the reader's input; each line is still plain JSON.

use std::iter::Enumerate;
use std::str::Lines;

use serde::{Deserialize, Serialize};

use crate::content_index::{
    PostFeatures, RelatedFeatures, SCHEMA_VERSION, Term, foreign_schema_version,
};
use crate::object_json;
use crate::related::{RelatedIndex, RelatedIndexBuilder};

/// The first line of the file.
#[derive(Serialize, Deserialize)]
struct Header<T> {
    schema_version: u32,
    language: String,
    tags: T,
}

/// The file's text for `features`.
pub fn to_json_lines(features: &RelatedFeatures) -> String {
    let header = Header {
        schema_version: features.schema_version,
        language: features.language.clone(),
        tags: &features.tags,
    };
    let mut text = serde_json::to_string(&header).expect("features serialize");
    for post in &features.posts {
        text.push('\n');
        text.push_str(&serde_json::to_string(post).expect("features serialize"));
    }
    text.push('\n');
    text
}

/// Why a features file cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeatureLinesError {
    /// The file was written for another schema version.
    UnknownSchema(u32),
    /// A line (counted from 1) is not what it should be.
    Damaged { line: usize, message: String },
}

impl std::fmt::Display for FeatureLinesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FeatureLinesError::UnknownSchema(version) => {
                write!(f, "written for schema version {version}")
            }
            FeatureLinesError::Damaged { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for FeatureLinesError {}

/// Reads a features file into a [`RelatedIndex`], as many posts at a time as asked.
pub struct FeatureLines<'a> {
    lines: Enumerate<Lines<'a>>,
    builder: RelatedIndexBuilder,
}

impl<'a> FeatureLines<'a> {
    /// Reads the header line of `text`.
    pub fn new(text: &'a str) -> Result<Self, FeatureLinesError> {
        let mut lines = text.lines().enumerate();
        let first = lines.next().map_or("", |(_, line)| line);
        let header: Header<Vec<Term>> =
            object_json::from_str(first).map_err(|error| match foreign_schema_version(first) {
                Some(version) => FeatureLinesError::UnknownSchema(version),
                None => damaged(0, &error),
            })?;
        if header.schema_version != SCHEMA_VERSION {
            return Err(FeatureLinesError::UnknownSchema(header.schema_version));
        }
        let builder = RelatedIndexBuilder::new(RelatedFeatures {
            schema_version: header.schema_version,
            language: header.language,
            tags: header.tags,
            posts: Vec::new(),
        });
        Ok(FeatureLines { lines, builder })
    }

    /// Reads up to `posts` more posts; true once every post is read.
    pub fn read(&mut self, posts: usize) -> Result<bool, FeatureLinesError> {
        for _ in 0..posts {
            let Some((at, line)) = self.lines.next() else {
                return Ok(true);
            };
            if line.trim().is_empty() {
                continue;
            }
            let post: PostFeatures =
                object_json::from_str(line).map_err(|error| damaged(at, &error))?;
            self.builder.push(post);
        }
        Ok(false)
    }

    /// The index of the posts read.
    pub fn finish(self) -> RelatedIndex {
        self.builder.finish()
    }
}

fn damaged(at: usize, error: &serde_json::Error) -> FeatureLinesError {
    FeatureLinesError::Damaged {
        line: at + 1,
        message: error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::related::RelatedSettings;
    use crate::synthetic;

    #[test]
    fn a_written_file_reads_back_into_the_same_posts() {
        let features = synthetic::related_features(30);
        let text = to_json_lines(&features);
        assert_eq!(text.lines().count(), 31);
        let mut lines = FeatureLines::new(&text).unwrap();
        // In slices, as the app reads it.
        let mut slices = 0;
        while !lines.read(7).unwrap() {
            slices += 1;
        }
        assert_eq!(slices, 4);
        let index = lines.finish();
        assert_eq!(index.features(), &features);
        let whole = RelatedIndex::new(features);
        let settings = RelatedSettings::default();
        let slugs = |index: &RelatedIndex| -> Vec<String> {
            index
                .related("post-3", &[], &settings)
                .iter()
                .map(|r| r.post.slug.clone())
                .collect()
        };
        assert_eq!(slugs(&index), slugs(&whole));
    }

    #[test]
    fn a_damaged_post_names_its_line() {
        let mut text = to_json_lines(&synthetic::related_features(3));
        text = text.replacen("\"post-1\"", "\"post-1", 1);
        let mut lines = FeatureLines::new(&text).unwrap();
        let error = lines.read(usize::MAX).err().unwrap();
        assert!(
            matches!(error, FeatureLinesError::Damaged { line: 3, .. }),
            "{error}"
        );
    }

    #[test]
    fn another_schema_version_is_named() {
        let text = "{\"schema_version\":99,\"language\":\"en\",\"shape\":\"new\"}\n";
        assert_eq!(
            FeatureLines::new(text).err(),
            Some(FeatureLinesError::UnknownSchema(99))
        );
        let text = "{\"schema_version\":99,\"language\":\"en\",\"tags\":[]}\n";
        assert_eq!(
            FeatureLines::new(text).err(),
            Some(FeatureLinesError::UnknownSchema(99))
        );
    }

    #[test]
    fn an_empty_or_foreign_file_is_damaged_at_line_one() {
        for text in ["", "<!doctype html>\n<html>"] {
            assert!(matches!(
                FeatureLines::new(text).err(),
                Some(FeatureLinesError::Damaged { line: 1, .. })
            ));
        }
    }
}
