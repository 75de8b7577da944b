//! The queries a start runs before the first frame, each answered from an index alone: the
//! rows of `articles` lie among the pages of `parsed` (they are written together), so
//! reading the table itself with a cold page cache reads most of the file.

/// The list rows under a root (`?1` the root, `?2`..`?3` the range under it), from the
/// covering index `articles_list` alone, not the table, whose pages lie among the blobs.
pub(super) const ENTRIES_UNDER: &str =
    "SELECT id, origin, articles.key, title, date, source, sections, error,
            reads.key IS NOT NULL, time
     FROM articles INDEXED BY articles_list LEFT JOIN reads ON reads.key = articles.key
     WHERE origin = ?1 OR (origin > ?2 AND origin < ?3)";

/// What the scan compares with each file, under a root: from `articles_list` too.
pub(super) const FILE_STATES_UNDER: &str = "SELECT id, origin, size, mtime, parser
     FROM articles INDEXED BY articles_list
     WHERE origin = ?1 OR (origin > ?2 AND origin < ?3)";

/// The parsed articles' ids, from the small index `parsed_ids`, not the table of blobs.
pub(super) const PARSED_IDS: &str = "SELECT id FROM parsed INDEXED BY parsed_ids ORDER BY id";
