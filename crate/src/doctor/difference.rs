//! The first difference between the caller's string to sign and the server's
//! (spec/doctor.md D6).

/// Where two strings to sign first differ, with an excerpt of each around that byte.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FirstDifference {
    /// Index of the first differing byte (or the shorter length).
    pub offset: usize,
    /// Up to 24 bytes of the server's string from 8 before `offset` (secret masked unless
    /// revealed).
    pub server: String,
    /// The same excerpt of the caller's string.
    pub mine: String,
}

/// How many bytes before the offset an excerpt starts, and its length.
const BEFORE: usize = 8;
const LENGTH: usize = 24;

/// Compares byte for byte; `None` when the strings are equal. `secret` (when it is not to
/// be revealed) is shown as `<secret>` in both excerpts.
pub fn first_difference(server: &str, mine: &str, secret: Option<&str>) -> Option<FirstDifference> {
    let offset = server
        .bytes()
        .zip(mine.bytes())
        .position(|(a, b)| a != b)
        .unwrap_or(server.len().min(mine.len()));
    if offset == server.len() && offset == mine.len() {
        return None;
    }
    Some(FirstDifference {
        offset,
        server: excerpt(server, offset, secret),
        mine: excerpt(mine, offset, secret),
    })
}

/// The excerpt of `text` around `offset`, widened to character boundaries and to cover any
/// occurrence of the secret it touches, which is then masked.
fn excerpt(text: &str, offset: usize, secret: Option<&str>) -> String {
    let mut start = offset.saturating_sub(BEFORE).min(text.len());
    let mut end = (start + LENGTH).min(text.len());
    let secrets: Vec<(usize, usize)> = match secret.filter(|s| !s.is_empty()) {
        Some(secret) => text
            .match_indices(secret)
            .map(|(at, s)| (at, at + s.len()))
            .collect(),
        None => Vec::new(),
    };
    for &(a, b) in &secrets {
        if a < end && b > start {
            start = start.min(a);
            end = end.max(b);
        }
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::new();
    let mut at = start;
    for &(a, b) in secrets.iter().filter(|(a, b)| *a >= start && *b <= end) {
        out.push_str(text.get(at..a).unwrap_or_default());
        out.push_str(crate::daoke::sign::StringToSign::SECRET_MARKER);
        at = b;
    }
    out.push_str(text.get(at..end).unwrap_or_default());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_excerpts_and_masking() {
        assert_eq!(first_difference("abc", "abc", None), None);
        let d = first_difference("abcdefghijkSECRETxyz", "abcdefghijkXYZ", Some("SECRET"));
        let d = d.expect("a difference");
        assert_eq!(d.offset, 11);
        assert_eq!(d.server, "defghijk<secret>xyz");
        assert_eq!(d.mine, "defghijkXYZ");
        let short = first_difference("ab", "abc", None).expect("a difference");
        assert_eq!(
            (short.offset, short.server.as_str(), short.mine.as_str()),
            (2, "ab", "abc")
        );
        // Never cuts a character: 备 is 3 bytes.
        let wide = first_difference("备注一二三四五六七八九十", "备注一二三四五六七八九X", None);
        assert_eq!(
            wide.map(|d| (d.offset, d.server, d.mine)),
            Some((33, "七八九十".to_owned(), "七八九X".to_owned()))
        );
    }
}
