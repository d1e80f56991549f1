//! The Encoding Standard's `gbk` encoder (spec/doctor.md D8), for the `gbk-bytes` check:
//! ASCII as it is, `€` as `0x80`, every other character by its two-byte code from the table
//! `build.rs` generates from `encoding_rs::GBK.encode`, and — as encoding_rs does — a
//! character without a GBK code as an HTML numeric character reference `&#N;`.

/// `index-gb18030`: the code point of each pointer, little-endian `u16`s.
static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gbk_index.bin"));
/// (code point, pointer) pairs encoding_rs encodes outside the index's first-pointer rule.
static EXTRA: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gbk_extra.bin"));

/// The little-endian `u16`s of a table.
fn words(table: &[u8]) -> impl Iterator<Item = u16> + '_ {
    table.chunks_exact(2).map(|pair| match pair {
        [low, high] => u16::from_le_bytes([*low, *high]),
        _ => 0,
    })
}

/// (code point, pointer), sorted by code point: the extra pairs, then for every other code
/// point of the index its first pointer. Built once, on the first non-ASCII character.
fn reverse() -> &'static [(u16, u16)] {
    static REVERSE: std::sync::OnceLock<Vec<(u16, u16)>> = std::sync::OnceLock::new();
    REVERSE.get_or_init(|| {
        let extra = words(EXTRA).collect::<Vec<_>>();
        let mut pairs: Vec<(u16, bool, u16)> = extra
            .chunks_exact(2)
            .filter_map(|pair| Some((*pair.first()?, false, *pair.get(1)?)))
            .collect();
        pairs.extend(
            (0u16..)
                .zip(words(INDEX))
                .map(|(pointer, cp)| (cp, true, pointer)),
        );
        pairs.sort_unstable();
        pairs.dedup_by_key(|(cp, _, _)| *cp);
        pairs
            .into_iter()
            .map(|(cp, _, pointer)| (cp, pointer))
            .collect()
    })
}

/// The pointer of `code_point` (BMP only).
fn pointer(code_point: u32) -> Option<u16> {
    let wanted = u16::try_from(code_point).ok()?;
    let table = reverse();
    let at = table.binary_search_by_key(&wanted, |(cp, _)| *cp).ok()?;
    table.get(at).map(|(_, pointer)| *pointer)
}

/// `text` encoded as GBK.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code_point = u32::from(c);
        if code_point < 0x80 {
            out.push(code_point as u8);
        } else if c == '€' {
            out.push(0x80);
        } else if let Some(pointer) = pointer(code_point) {
            let offset = pointer % 190;
            out.push((pointer / 190 + 0x81) as u8);
            out.push((offset + if offset < 0x3F { 0x40 } else { 0x41 }) as u8);
        } else {
            out.extend_from_slice(b"&#");
            out.extend_from_slice(code_point.to_string().as_bytes());
            out.push(b';');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes() {
        assert_eq!(
            encode("a微密之声€"),
            b"a\xce\xa2\xc3\xdc\xd6\xae\xc9\xf9\x80"
        );
        assert_eq!(encode("😀"), b"&#128512;");
    }
}
