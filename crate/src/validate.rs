//! `validate(api, params, options) -> Vec<Finding>` (spec §3.1, §3.4).
