//! The sandbox's random source: SplitMix64 (spec §10.4).
//!
//! It is used only to mint createGroup group ids. Its state lives in the state document
//! (`sandbox.rngState`), so a persisted sandbox resumes the same sequence.

/// SplitMix64 with a 64-bit state (all arithmetic modulo 2^64).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose next draw continues from `state` (a fresh one: `state` = seed).
    pub const fn new(state: u64) -> Self {
        SplitMix64 { state }
    }

    /// The current state, as persisted in `sandbox.rngState`.
    pub const fn state(self) -> u64 {
        self.state
    }

    /// The next 64-bit output.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Digits, then upper-case, then lower-case letters.
const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// One group-id candidate: `prefix` followed by 15 characters `ALPHABET[draw mod 62]`.
pub fn group_id_candidate(rng: &mut SplitMix64, prefix: char) -> String {
    let mut id = String::with_capacity(16);
    id.push(prefix);
    for _ in 0..15 {
        // The remainder is < 62, so the index is always in range.
        let index = (rng.next_u64() % 62) as usize;
        id.push(char::from(ALPHABET[index]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_values_of_the_spec() {
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        let mut rng = SplitMix64::new(0);
        assert_eq!(group_id_candidate(&mut rng, 'p'), "pluX4ZOFYzcnOJ7z");
        assert_eq!(group_id_candidate(&mut rng, 't'), "tpteiErBIA1fOeoW");
        assert_eq!(rng.state(), 30u64.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    }

    #[test]
    fn resumes_from_a_persisted_state() {
        let mut a = SplitMix64::new(42);
        a.next_u64();
        let mut b = SplitMix64::new(a.state());
        assert_eq!(a.next_u64(), b.next_u64());
    }
}
