//! HMAC-SHA1 (RFC 2104) over `sha1_smol`, for the `hmac-instead` variant (D4): a few lines
//! rather than two more crates.

const BLOCK: usize = 64;

/// HMAC-SHA1 of `message` keyed with `key`, as 20 bytes.
pub fn hmac_sha1(key: &[u8], message: &[u8]) -> [u8; 20] {
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        let digest = sha1_smol::Sha1::from(key).digest().bytes();
        block.iter_mut().zip(digest).for_each(|(b, d)| *b = d);
    } else {
        block.iter_mut().zip(key).for_each(|(b, &k)| *b = k);
    }
    let pad = |byte: u8| block.map(|b| b ^ byte);
    let mut inner = sha1_smol::Sha1::from(pad(0x36));
    inner.update(message);
    let mut outer = sha1_smol::Sha1::from(pad(0x5c));
    outer.update(&inner.digest().bytes());
    outer.digest().bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// RFC 2202 section 3, the seven HMAC-SHA1 test cases.
    #[test]
    fn rfc_2202_vectors() {
        let cases: [(Vec<u8>, Vec<u8>, &str); 7] = [
            (
                vec![0x0b; 20],
                b"Hi There".to_vec(),
                "b617318655057264e28bc0b6fb378c8ef146be00",
            ),
            (
                b"Jefe".to_vec(),
                b"what do ya want for nothing?".to_vec(),
                "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            ),
            (
                vec![0xaa; 20],
                vec![0xdd; 50],
                "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
            ),
            (
                (1..=25).collect(),
                vec![0xcd; 50],
                "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
            ),
            (
                vec![0x0c; 20],
                b"Test With Truncation".to_vec(),
                "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
            ),
            (
                vec![0xaa; 80],
                b"Test Using Larger Than Block-Size Key - Hash Key First".to_vec(),
                "aa4ae5e15272d00e95705637ce8a3b55ed402112",
            ),
            (
                vec![0xaa; 80],
                b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data"
                    .to_vec(),
                "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
            ),
        ];
        for (key, message, expected) in cases {
            assert_eq!(hex(&hmac_sha1(&key, &message)), expected);
        }
    }
}
