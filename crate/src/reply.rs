//! Tolerant decoding of both vendors' reply envelopes (spec §7).
