//! The index's fields and how an article becomes a document. Kept apart from the search code
//! so that what is written and what is read are described once; any change here changes
//! [`super::FORMAT`].

use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::schema::{
    BytesOptions, FAST, Field, INDEXED, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{PreTokenizedString, Token};

use super::tokens::{self, Analysis, TooLong};
use crate::layout::Block;

/// The one term of the flags field: the article must be verified with the matcher.
pub const VERIFY: &str = "verify";

/// Handles to the index's fields.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// The article's id: indexed (to delete by id) and a fast field (to map hits to ids).
    pub id: Field,
    /// Unigrams, with frequencies (counts of one-unit queries) but no positions.
    pub uni: Field,
    /// Bigrams, with positions (phrases) and frequencies (two-unit queries).
    pub bi: Field,
    /// Case tokens, with positions.
    pub case: Field,
    /// Edge tokens, with positions.
    pub edge: Field,
    /// [`VERIFY`] for articles that the index cannot count exactly.
    pub flags: Field,
    /// The block texts of those articles (JSON), stored for verification.
    pub blocks: Field,
}

fn text(option: IndexRecordOption) -> TextOptions {
    // The tokens come pre-tokenized; "raw" is only the name tantivy records.
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("raw")
            .set_index_option(option)
            .set_fieldnorms(false),
    )
}

/// The schema this version writes.
pub fn schema() -> Schema {
    let mut b = Schema::builder();
    b.add_u64_field("id", NumericOptions::default() | INDEXED | FAST);
    b.add_text_field("uni", text(IndexRecordOption::WithFreqs));
    b.add_text_field("bi", text(IndexRecordOption::WithFreqsAndPositions));
    b.add_text_field("case", text(IndexRecordOption::WithFreqsAndPositions));
    b.add_text_field("edge", text(IndexRecordOption::WithFreqsAndPositions));
    b.add_text_field("flags", text(IndexRecordOption::Basic));
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
            uni: f("uni")?,
            bi: f("bi")?,
            case: f("case")?,
            edge: f("edge")?,
            flags: f("flags")?,
            blocks: f("blocks")?,
        })
    }
}

/// The document for article `id`.
pub fn document(fields: &Fields, id: u64, blocks: &[Block]) -> Result<TantivyDocument, TooLong> {
    let Analysis {
        uni,
        bi,
        case,
        edge,
        expanding,
    } = tokens::analyze(blocks)?;
    let mut doc = TantivyDocument::default();
    doc.add_u64(fields.id, id);
    for (field, tokens) in [
        (fields.uni, uni),
        (fields.bi, bi),
        (fields.case, case),
        (fields.edge, edge),
    ] {
        if !tokens.is_empty() {
            doc.add_pre_tokenized_text(field, pretokenized(tokens));
        }
    }
    if expanding {
        doc.add_pre_tokenized_text(
            fields.flags,
            pretokenized(vec![Token {
                text: VERIFY.to_owned(),
                position: 0,
                ..Token::default()
            }]),
        );
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        // Serialising strings cannot fail.
        doc.add_bytes(
            fields.blocks,
            &serde_json::to_vec(&texts).unwrap_or_default(),
        );
    }
    Ok(doc)
}

fn pretokenized(tokens: Vec<Token>) -> PreTokenizedString {
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
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
