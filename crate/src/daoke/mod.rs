//! The daoke / Mirrtalk (语镜) open API: SHA-1 signing and body encodings (spec §4, §5).
