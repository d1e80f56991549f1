//! How the vendor's MySQL sees values (spec §10.6).

/// The SQL comparison: equal after removing trailing spaces (U+0020) from both sides and
/// folding ASCII letters to one case; every other byte compares exactly. This models the
/// case-insensitive, trailing-space-ignoring collation assumed for the vendor's tables.
pub fn sql_eq(a: &[u8], b: &[u8]) -> bool {
    trim_trailing_spaces(a).eq_ignore_ascii_case(trim_trailing_spaces(b))
}

fn trim_trailing_spaces(mut s: &[u8]) -> &[u8] {
    while let [rest @ .., b' '] = s {
        s = rest;
    }
    s
}

/// A value that breaks the statement it is spliced into (sandbox approximation): it
/// contains `'`, or ends with an odd number of backslashes (the last one would escape the
/// closing quote).
pub fn breaks_sql(value: &[u8]) -> bool {
    let trailing_backslashes = value.iter().rev().take_while(|&&b| b == b'\\').count();
    value.contains(&b'\'') || trailing_backslashes % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparison_folds_ascii_case_and_trailing_spaces_only() {
        assert!(sql_eq(b"liangGeDeGroup", b"LIANGGEDEGROUP"));
        assert!(sql_eq(b"liangGeDeGroup  ", b"liangGeDeGroup"));
        assert!(sql_eq(b"", b"   "));
        assert!(!sql_eq(b" a", b"a"));
        assert!(!sql_eq(b"a\t", b"a"));
        assert!(!sql_eq("É".as_bytes(), "é".as_bytes()));
        assert!(sql_eq("语镜车队".as_bytes(), "语镜车队 ".as_bytes()));
    }

    #[test]
    fn sql_breaking_values() {
        assert!(breaks_sql(b"O'Brien"));
        assert!(breaks_sql(b"cb\\"));
        assert!(breaks_sql(b"cb\\\\\\"));
        assert!(!breaks_sql(b"cb\\\\"));
        assert!(!breaks_sql(b"a\\b"));
        assert!(!breaks_sql(b""));
    }
}
