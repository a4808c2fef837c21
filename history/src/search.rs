//! Search helpers: Unicode case folding (SQLite's own LIKE folds ASCII only, and statements are
//! full of "Überweisung" and "ÉCHÉANCE"), LIKE escaping, and the snippet around a match.

use rusqlite::functions::FunctionFlags;
use rusqlite::types::ValueRef;
use rusqlite::Connection;

/// The SQL name of [`fold`], registered on every connection by [`register_fold`].
const FOLD_FN: &str = "brief_fold";

/// The escape character used in LIKE patterns built by [`like_pattern`].
const LIKE_ESCAPE: char = '\\';

/// How many characters of text a snippet shows, and how many of them come before the match.
const SNIPPET_CHARS: usize = 120;
const SNIPPET_LEAD: usize = 40;

/// Lower-cases text for case-insensitive comparison; both sides of every comparison go through it.
pub(crate) fn fold(text: &str) -> String {
    text.to_lowercase()
}

/// Registers `brief_fold(x)`: [`fold`] of a text (or of a non-UTF-8 path stored as a blob), NULL
/// for NULL.
pub(crate) fn register_fold(conn: &Connection) -> rusqlite::Result<()> {
    conn.create_scalar_function(
        FOLD_FN,
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            Ok(match ctx.get_raw(0) {
                ValueRef::Text(bytes) | ValueRef::Blob(bytes) => {
                    Some(fold(&String::from_utf8_lossy(bytes)))
                }
                ValueRef::Null | ValueRef::Integer(_) | ValueRef::Real(_) => None,
            })
        },
    )
}

/// The query's words, folded, for matching each against title, path and text.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query.split_whitespace().map(fold).collect()
}

/// The SQL condition "`column` contains the folded `word`", the word's [`like_pattern`] being
/// parameter `?n`.
pub(crate) fn like(column: &str, word: &str, n: usize) -> String {
    // SQLite's LIKE already ignores ASCII case, in C and without copying: an ASCII word needs no
    // folding of the column, which spares folding every document's whole text on each search.
    if word.is_ascii() {
        format!("{column} LIKE ?{n} ESCAPE '{LIKE_ESCAPE}'")
    } else {
        format!("{FOLD_FN}({column}) LIKE ?{n} ESCAPE '{LIKE_ESCAPE}'")
    }
}

/// A LIKE pattern matching `word` anywhere, with `%`, `_` and the escape character taken literally
/// (the SQL must say `ESCAPE '\'`).
pub(crate) fn like_pattern(word: &str) -> String {
    let mut pattern = String::with_capacity(word.len() + 2);
    pattern.push('%');
    for c in word.chars() {
        if matches!(c, '%' | '_' | LIKE_ESCAPE) {
            pattern.push(LIKE_ESCAPE);
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// About [`SNIPPET_CHARS`] characters of `text` around the earliest occurrence of any of the
/// (folded) `words`, whitespace collapsed, with "…" where it was cut; None if none occurs.
pub(crate) fn snippet(text: &str, words: &[String]) -> Option<String> {
    let start = first_match(text, words)?;
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(SNIPPET_LEAD - 1)
        .map_or(0, |(i, _)| i);
    let to = text[from..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| from + i);
    let mut snippet = String::new();
    if from > 0 {
        snippet.push('…');
    }
    snippet.push_str(
        &text[from..to]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if to < text.len() {
        snippet.push('…');
    }
    Some(snippet)
}

/// The byte offset in `text` of the earliest occurrence of any of the folded `words`.
fn first_match(text: &str, words: &[String]) -> Option<usize> {
    // Folding can change lengths ('İ' becomes two chars), so the folded text keeps, for each of
    // its chars, where the char it came from starts in the original.
    let mut folded = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            origin.push((folded.len(), at));
            folded.push(lower);
        }
    }
    let hit = words
        .iter()
        .filter(|word| !word.is_empty())
        .filter_map(|word| folded.find(word.as_str()))
        .min()?;
    // `hit` is a char boundary of `folded`, so it is one of the recorded starts.
    origin
        .binary_search_by_key(&hit, |&(folded_at, _)| folded_at)
        .ok()
        .map(|i| origin[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(query: &str) -> Vec<String> {
        query_words(query)
    }

    #[test]
    fn like_pattern_escapes_wildcards_and_the_escape_char() {
        assert_eq!(like_pattern("50%"), "%50\\%%");
        assert_eq!(like_pattern("a_b"), "%a\\_b%");
        assert_eq!(like_pattern("c:\\x"), "%c:\\\\x%");
        assert_eq!(like_pattern("plain"), "%plain%");
    }

    #[test]
    fn snippet_is_around_the_earliest_match_and_marks_cuts() {
        let text = format!("{}needle{}", "a ".repeat(100), " b".repeat(100));
        let s = snippet(&text, &words("NEEDLE")).unwrap();
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("needle"));
        // Cut length plus the two ellipses; whitespace is already single spaces here.
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 2);
        let lead = s.find("needle").unwrap();
        assert_eq!(s[..lead].chars().count(), SNIPPET_LEAD + 1);
    }

    #[test]
    fn snippet_of_short_text_is_the_whole_text_with_whitespace_collapsed() {
        assert_eq!(
            snippet("Rent\n\n  paid", &words("paid")).as_deref(),
            Some("Rent paid")
        );
        assert_eq!(snippet("Rent paid", &words("missing")), None);
    }

    #[test]
    fn snippet_takes_the_earliest_of_several_words() {
        let text = format!("alpha {} omega", "x".repeat(300));
        assert!(snippet(&text, &words("omega alpha"))
            .unwrap()
            .starts_with("alpha"));
    }

    #[test]
    fn snippet_respects_char_boundaries_and_unicode_case() {
        let text = format!("{}İstanbul ÜBERWEISUNG {}", "é".repeat(80), "ß".repeat(200));
        let s = snippet(&text, &words("überweisung")).unwrap();
        assert!(s.contains("ÜBERWEISUNG"), "{s}");
        // A match right after a char that folds to two chars maps back to the right place.
        let s = snippet("İx", &words("x")).unwrap();
        assert_eq!(s, "İx");
    }
}
