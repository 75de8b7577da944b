//! The index's fields and how an article becomes a document. Kept apart from the search code
//! so that what is written and what is read are described once; any change here changes
//! [`super::FORMAT`].

use serde::{Deserialize, Serialize};
use tantivy::schema::{
    BytesOptions, FAST, Field, INDEXED, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, TantivyDocument};

use super::tokens::{self, GramTokenizer, TOKENIZER, TooLong};
use crate::layout::Block;

/// The one term of the flags field: the article must be verified with the matcher.
pub const VERIFY: &str = "verify";

/// Handles to the index's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The article's id: indexed (to delete by id) and a fast field (to map hits to ids).
    pub id: Field,
    /// Grams and marks (see `tokens`), with frequencies (one- and two-unit queries) and
    /// positions (phrases, marks).
    pub grams: Field,
    /// [`VERIFY`] for articles that the index cannot count exactly.
    pub flags: Field,
    /// The block texts of those articles (JSON), stored for verification.
    pub blocks: Field,
}

fn text(tokenizer: &str, option: IndexRecordOption) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option)
            .set_fieldnorms(false),
    )
}

/// The schema this version writes.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_u64_field("id", NumericOptions::default() | INDEXED | FAST);
    let positions = IndexRecordOption::WithFreqsAndPositions;
    b.add_text_field("grams", text(TOKENIZER, positions));
    b.add_text_field("flags", text("raw", IndexRecordOption::Basic));
    b.add_bytes_field("blocks", BytesOptions::default().set_stored());
    b.build()
}

impl Fields {
    /// The fields of `schema`, or `None` when it is not [`schema()`].
    pub fn of(schema: &Schema) -> Option<Fields> {
        if *schema != self::schema() {
            return None;
        }
        let f = |name: &str| schema.get_field(name).ok();
        Some(Fields {
            id: f("id")?,
            grams: f("grams")?,
            flags: f("flags")?,
            blocks: f("blocks")?,
        })
    }
}

/// An article's text made ready to index on the caller's thread: its tokens (folded units
/// and marks in one field value, which the index's tokenizer only reads back), and its block
/// texts when the matcher must verify it.
#[derive(Debug, Clone)]
pub struct Prepared {
    grams: Result<String, TooLong>,
    verify: Option<Vec<u8>>,
}

impl Prepared {
    /// Folds and cuts `blocks`.
    pub fn of(blocks: &[Block]) -> Prepared {
        match tokens::encode(blocks) {
            Ok(encoded) => {
                let verify = encoded.expanding.then(|| {
                    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
                    // Serialising strings cannot fail.
                    serde_json::to_vec(&texts).unwrap_or_default()
                });
                Prepared {
                    grams: Ok(encoded.value),
                    verify,
                }
            }
            Err(e) => Prepared {
                grams: Err(e),
                verify: None,
            },
        }
    }
}

/// The document for article `id`; [`TooLong`] when its positions do not fit in 32 bits.
pub fn document(fields: &Fields, id: u64, prepared: Prepared) -> Result<TantivyDocument, TooLong> {
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.id, id);
    doc.add_text(fields.grams, prepared.grams?);
    if let Some(texts) = prepared.verify {
        doc.add_text(fields.flags, VERIFY);
        doc.add_bytes(fields.blocks, &texts);
    }
    Ok(doc)
}

/// Registers the index's tokenizer with `index`: tantivy keeps its name, not it.
pub fn register(index: &Index) {
    index
        .tokenizers()
        .register(TOKENIZER, TextAnalyzer::from(GramTokenizer));
}

/// What every commit records beside the segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payload {
    /// [`super::FORMAT`] of the program that wrote the index.
    pub format: u32,
    /// The caller's label for what the articles were built from (a parser version).
    #[serde(default)]
    pub source: Option<String>,
}
