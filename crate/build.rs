//! With feature `doctor`: the GBK tables of the doctor's `gbk-bytes` check, generated from
//! encoding_rs (the Encoding Standard's implementation, which the spec names) into `OUT_DIR`:
//!
//! * `gbk_index.bin` — `index-gb18030`: the code point of each of the 23,940 two-byte
//!   pointers (little-endian `u16`s), read by decoding every two-byte sequence;
//! * `gbk_extra.bin` — (code point, pointer) pairs `GBK.encode` writes although decoding that
//!   pointer gives another code point (the private-use mappings of the 2005 vertical forms).
//!
//! `doctor::gbk` encodes with them, so the wasm carries ~48 KB of table rather than all of
//! encoding_rs's legacy encoders, which its dynamic dispatch links (~112 KB gzip, measured
//! with `./dev pkg`).

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(feature = "doctor")]
    gbk_tables();
}

#[cfg(feature = "doctor")]
fn gbk_tables() {
    const POINTERS: u16 = 23_940;
    let bytes_of = |pointer: u16| {
        let offset = pointer % 190;
        [
            (pointer / 190 + 0x81) as u8,
            (offset + if offset < 0x3F { 0x40 } else { 0x41 }) as u8,
        ]
    };
    let mut index = Vec::with_capacity(usize::from(POINTERS));
    for pointer in 0..POINTERS {
        let bytes = bytes_of(pointer);
        let (text, _) = encoding_rs::GBK.decode_without_bom_handling(&bytes);
        let mut chars = text.chars();
        let code_point = match (chars.next(), chars.next()) {
            (Some(c), None) => u16::try_from(u32::from(c)).unwrap_or(0),
            _ => 0,
        };
        index.push(code_point);
    }
    let mut first = std::collections::HashMap::new();
    for (pointer, &code_point) in (0u16..).zip(&index) {
        first.entry(code_point).or_insert(pointer);
    }
    let mut extra = Vec::new();
    for c in ('\u{80}'..='\u{FFFF}').filter(|c| *c != '€') {
        let text = c.to_string();
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        let code_point = u32::from(c) as u16;
        let encoded = match *bytes {
            [lead @ 0x81..=0xFE, trail @ 0x40..=0xFE] if trail != 0x7F => {
                let offset = if trail < 0x7F { 0x40 } else { 0x41 };
                Some((u16::from(lead) - 0x81) * 190 + u16::from(trail) - offset)
            }
            _ => None,
        };
        if let Some(pointer) = encoded.filter(|&p| first.get(&code_point) != Some(&p)) {
            extra.extend_from_slice(&code_point.to_le_bytes());
            extra.extend_from_slice(&pointer.to_le_bytes());
        }
    }
    let index: Vec<u8> = index.iter().flat_map(|cp| cp.to_le_bytes()).collect();
    let out = std::env::var_os("OUT_DIR").map(std::path::PathBuf::from);
    if let Some(out) = out {
        for (name, data) in [("gbk_index.bin", index), ("gbk_extra.bin", extra)] {
            if let Err(error) = std::fs::write(out.join(name), data) {
                println!("cargo::error=cannot write {name}: {error}");
            }
        }
    }
}
