//! The seeded random source of spec §10.4 (SplitMix64).
//!
//! signkit has no randomness of its own: a caller that wants a fresh multipart boundary
//! passes a seed, and the same seed always gives the same request. The sandbox's group ids
//! use the same generator, so one implementation serves both.

/// `0-9 A-Z a-z`: digits, then upper-case, then lower-case letters (spec §10.4).
pub const ALPHANUMERICS: &[u8; 62] =
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The character a random draw picks: `ALPHANUMERICS[draw mod 62]` (spec §10.4; used for
/// generated boundaries and the sandbox's group ids).
pub fn alphanumeric(draw: u64) -> char {
    // The remainder is below 62, so the index is always in range.
    let index = (draw % ALPHANUMERICS.len() as u64) as usize;
    char::from(ALPHANUMERICS[index])
}

/// SplitMix64: a 64-bit state advanced by the golden-ratio increment and mixed on output
/// (spec §10.4). Not cryptographic; it only has to make collisions unlikely and results
/// reproducible.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose state starts at `seed` (or at a persisted [`SplitMix64::state`]).
    pub const fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// The current state, to persist and later resume with [`SplitMix64::new`].
    pub const fn state(&self) -> u64 {
        self.state
    }

    /// The next output.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_maps_draws_modulo_62() {
        assert_eq!(alphanumeric(0), '0');
        assert_eq!(alphanumeric(10), 'A');
        assert_eq!(alphanumeric(61), 'z');
        assert_eq!(alphanumeric(62), '0');
        assert_eq!(
            alphanumeric(u64::MAX),
            char::from(ALPHANUMERICS[(u64::MAX % 62) as usize])
        );
    }

    #[test]
    fn first_output_for_seed_zero_matches_the_spec() {
        // Spec §10.4 check value.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn resuming_from_the_state_continues_the_sequence() {
        let mut first = SplitMix64::new(42);
        first.next_u64();
        let mut resumed = SplitMix64::new(first.state());
        assert_eq!(first.next_u64(), resumed.next_u64());
    }

    #[test]
    fn group_id_alphabet_check_values() {
        // Spec §10.4: with seed 0 the first group id drawn is `p` + 15 characters
        // `ALPHANUMERICS[output mod 62]` = `pluX4ZOFYzcnOJ7z`.
        let mut random = SplitMix64::new(0);
        let id: String = core::iter::once('p')
            .chain((0..15).map(|_| alphanumeric(random.next_u64())))
            .collect();
        assert_eq!(id, "pluX4ZOFYzcnOJ7z");
    }
}
