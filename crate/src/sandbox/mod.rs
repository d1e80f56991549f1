//! A pure emulator of the daoke and YTX servers (spec §10).
