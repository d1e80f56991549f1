//! The rule vocabulary endpoint descriptions are written in (spec §3).
