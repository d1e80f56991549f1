//! Standard Base64 (RFC 4648, with `=` padding).
