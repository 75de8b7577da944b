//! Item ids, which the Google Reader API writes three ways: decimal in
//! `stream/items/ids` (`1796646608957491`), the long form in item contents
//! (`tag:google.com,2005:reader/item/0006620a62e9f033`), and bare 16-digit hex. All three
//! name one 64-bit number; a [`RemoteId`] keeps it in one form, and is sent back in the long
//! form, which every server reads the same way (Miniflux reads a bare number as hex, so a
//! decimal id sent back would name another item). Miniflux's own API numbers entries in
//! decimal.

use std::fmt;

/// The long form's prefix.
const LONG_PREFIX: &str = "tag:google.com,2005:reader/item/";

/// An item's id on the server: 16 lower-case hex digits for the Google Reader API, the
/// decimal entry number for Miniflux's API.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RemoteId(String);

impl RemoteId {
    /// The id a Google Reader API server gave in decimal (`stream/items/ids`).
    pub fn from_decimal(text: &str) -> Option<RemoteId> {
        let n: u64 = text.trim().parse().ok()?;
        Some(RemoteId::from_number(n))
    }

    /// The id a Google Reader API server gave in the long form, or bare hex (item contents).
    /// A plain decimal number is read as decimal, as FreshRSS reads it.
    pub fn from_long(text: &str) -> Option<RemoteId> {
        let t = text.trim();
        let tail = t.rsplit('/').next().unwrap_or(t);
        let decimal =
            t == tail && !tail.starts_with('0') && tail.bytes().all(|b| b.is_ascii_digit());
        if decimal {
            return RemoteId::from_decimal(tail);
        }
        if tail.is_empty() || tail.len() > 16 || !tail.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u64::from_str_radix(tail, 16)
            .ok()
            .map(RemoteId::from_number)
    }

    /// The Google Reader API id of the number `n`.
    pub fn from_number(n: u64) -> RemoteId {
        RemoteId(format!("{n:016x}"))
    }

    /// A Miniflux entry id.
    pub fn entry(n: u64) -> RemoteId {
        RemoteId(n.to_string())
    }

    /// An id as the catalog stored it.
    pub fn stored(text: &str) -> RemoteId {
        RemoteId(text.to_string())
    }

    /// The form the catalog stores.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of a Google Reader API id (16 hex digits).
    pub fn number(&self) -> Option<u64> {
        u64::from_str_radix(&self.0, 16).ok()
    }

    /// The number of a Miniflux entry id (decimal).
    pub fn entry_number(&self) -> Option<u64> {
        self.0.parse().ok()
    }

    /// The long form, sent to Google Reader API servers.
    pub fn long(&self) -> String {
        format!("{LONG_PREFIX}{}", self.0)
    }
}

impl fmt::Display for RemoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_of_one_id_are_one_id() {
        let decimal = RemoteId::from_decimal("1796646608957491").unwrap();
        let long = RemoteId::from_long("tag:google.com,2005:reader/item/0006620a62e9f033").unwrap();
        let hex = RemoteId::from_long("0006620a62e9f033").unwrap();
        assert_eq!(decimal, long);
        assert_eq!(decimal, hex);
        assert_eq!(decimal.as_str(), "0006620a62e9f033");
        assert_eq!(decimal.number(), Some(1_796_646_608_957_491));
        assert_eq!(
            decimal.long(),
            "tag:google.com,2005:reader/item/0006620a62e9f033"
        );
        assert_eq!(
            RemoteId::from_long("1796646608957491"),
            Some(decimal),
            "a plain number is decimal"
        );
    }

    #[test]
    fn miniflux_ids_are_short_hex_in_the_long_form() {
        let id = RemoteId::from_long("tag:google.com,2005:reader/item/00000000000004d2").unwrap();
        assert_eq!(id.number(), Some(1234));
        assert_eq!(RemoteId::from_decimal("1234"), Some(id));
    }

    #[test]
    fn junk_is_no_id() {
        for bad in ["", "tag:google.com,2005:reader/item/", "xyz", "-5", "1.5"] {
            assert_eq!(RemoteId::from_long(bad), None, "{bad}");
        }
        assert_eq!(
            RemoteId::from_long("00000000000000000001"),
            None,
            "too long"
        );
        assert_eq!(RemoteId::from_decimal("abc"), None);
    }

    #[test]
    fn miniflux_entry_ids_are_decimal() {
        let id = RemoteId::entry(1234);
        assert_eq!(id.as_str(), "1234");
        assert_eq!(id.entry_number(), Some(1234));
    }
}
